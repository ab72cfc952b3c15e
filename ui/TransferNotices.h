#pragma once

#include "transfer/TransferItem.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Stevedore {

class DesktopNotifications;
class TransferQueue;

// What the desktop is told about the transfer queue while nobody looks at the window: one
// notification when a run of the queue finishes ("12 files published to tools 1.2.0", or
// "2 of 12 transfers failed"), and one when a file fails. Failures that follow within
// kGatherMs of a failure notification are gathered into one ("3 more transfers failed"), or
// into the run's notification when the queue finishes first. Nothing is said while
// `shouldNotify` answers false (the window is active).
class TransferNotices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferNotices)

public:
    static constexpr int kGatherMs = 3000;
    static constexpr int kNamesListed = 5; // file names in a notification, then "and N more"
    // "a, b, c, d, e and 3 more"
    static QString shortList(const QStringList &names);

    TransferNotices(TransferQueue &queue, DesktopNotifications &notifications,
                    std::function<bool()> shouldNotify, QObject *parent = nullptr);
    ~TransferNotices() override;

private:
    void onItemChanged(const QString &id);
    void onFailed(const TransferItem &item);
    void sayGatheredFailures();
    void onIdle();
    static QString namesOf(const QList<TransferItem> &items);

    TransferQueue &m_queue;
    DesktopNotifications &m_notifications;
    std::function<bool()> m_shouldNotify;
    QList<TransferItem> m_run;      // the items finished since the queue was last idle
    QList<TransferItem> m_gathered; // failures not told yet
    QTimer m_gathering;             // runs while failures are gathered
};

} // namespace Stevedore
