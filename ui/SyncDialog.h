#pragma once

#include "ComparisonTableModel.h"
#include "api/GitLabApi.h"
#include "core/PackageTarget.h"
#include "model/SortProxyModel.h"
#include "transfer/LocalFingerprints.h"
#include "transfer/SyncPlan.h"
#include "transfer/SyncRun.h"

#include <QDialog>
#include <QPointer>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Stevedore {

class TransferQueue;

// "Sync folder to version…": the plan of making a version hold exactly a folder's files, shown
// before anything is sent. The dialog hashes the folder and fetches the version's files at once
// and shows their SyncPlan file by file (new, changed, same, not in the folder, unreadable) with
// sizes, short SHA-256 and a summary. Files the folder does not have are kept unless "Delete
// files the folder does not have" is ticked. Unreadable files block the sync; a folder or
// version that cannot be read is said with Retry. Sync hands the plan to a SyncRun: the uploads
// go into the window's transfer queue, the deletions follow once they all succeeded, and the
// dialog says how far it got. A version that does not exist yet is created by the uploads.
class SyncDialog final : public QDialog
{
    Q_OBJECT

public:
    SyncDialog(std::shared_ptr<GitLabApi> api, TransferQueue &queue, const PackageTarget &version,
               const QString &folder, QWidget *parent = nullptr);

    bool isPlanning() const { return m_pending > 0; }
    const std::optional<SyncPlan> &plan() const { return m_plan; }
    bool deletesRemoved() const;
    // Sync was pressed and the run has not ended yet.
    bool isSyncing() const { return !m_run.isNull(); }

    void planAgain(); // hashes the folder and fetches the version again
    void sync();      // what the Sync button does

Q_SIGNALS:
    void planned(); // the table shows the plan
    void failed(const QString &message);
    void started();                   // Sync was pressed and the uploads are queued
    void ended(SyncRun::Stage stage); // the run of Sync ended: Done or Failed

protected:
    void changeEvent(QEvent *event) override;

private:
    void stopHashing();
    void onHashed(const LocalFingerprints::Result &local);
    void showPlanWhenBothAreKnown();
    void showPlanStatus();
    void fail(const QString &message);
    void updateKeptRows();
    void updateSyncButton();
    void showRun();
    void setStatus(const QString &text, bool isError);
    QString summary() const;

    std::shared_ptr<GitLabApi> m_api;
    TransferQueue &m_queue;
    const PackageTarget m_version;
    const QString m_folder;
    ComparisonTableModel m_model;
    SortProxyModel m_sorted;
    QLabel *m_status;
    QPushButton *m_retry;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_notes;
    QCheckBox *m_deleteRemoved;
    QPushButton *m_sync;
    bool m_statusIsError = false;
    int m_pending = 0;    // the hashing and the look-up of the running plan still to answer
    int m_generation = 0; // answers to an earlier plan are ignored
    LocalFingerprints *m_hashing = nullptr;
    std::optional<LocalFingerprints::Result> m_local;
    std::optional<VersionFiles> m_served;
    std::optional<SyncPlan> m_plan;
    QPointer<SyncRun> m_run;
    bool m_started = false; // Sync was pressed: the plan is what was sent
};

} // namespace Stevedore
