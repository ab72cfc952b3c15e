#pragma once

#include "model/TransferQueueModel.h"

#include <QDockWidget>
#include <QTimer>

class QAction;
class QTableView;

namespace Stevedore {

// The bottom dock: uploads and downloads with progress, speed, ETA and state, filters and
// the queue's actions.
class TransferDock final : public QDockWidget
{
    Q_OBJECT

public:
    explicit TransferDock(TransferQueue &queue, QWidget *parent = nullptr);

    TransferQueueModel *model() { return &m_model; }
    // Shown in the title while set ("limited to 2.0 MiB/s"); 0: no limit.
    void setBandwidthLimit(qint64 bytesPerSecond);
    TransferFilterModel *filterModel() { return &m_filter; }
    QTableView *view() const { return m_view; }
    void removeSelected(); // the selected rows leave the queue (a running one stops first)
    QAction *verifyAction() const { return m_verify; }

Q_SIGNALS:
    // *Verify download* on the selected rows (enabled while one is a finished download).
    void verifyRequested(const QStringList &itemIds);
    // With each title update: at most a few times a second while bytes move.
    void overallChanged(const Stevedore::TransferQueueModel::Overall &overall);

private:
    QList<int> selectedSourceRows() const;
    QStringList selectedVerifiableIds() const;
    void openFolder();
    void updateTitle(); // "Transfers — 3 of 10 done, 1.2 of 4.0 GiB, 2 min left"
    qint64 m_bandwidthLimit = 0;

    TransferQueue &m_queue;
    TransferQueueModel m_model;
    TransferFilterModel m_filter;
    QTableView *m_view;
    QAction *m_verify;
    QTimer m_titleDelay; // at most a few title updates a second while bytes move
};

} // namespace Stevedore
