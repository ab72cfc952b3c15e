#pragma once

#include "transfer/SyncPlan.h"
#include "transfer/TransferQueue.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace Stevedore {

// A sync started in the window: the plan's uploads go into the window's one TransferQueue (so
// the transfer list shows them, with their retries) and, when deletions were asked for, the
// plan's removals are deleted once every one of those uploads succeeded, as `stevedore sync`
// does. A failed or cancelled upload stops the sync before any deletion; retried in the
// transfer list until it succeeds, the sync goes on. The run is a child of the queue, so that it
// outlives the dialog that started it; it deletes itself once it ended.
class SyncRun final : public QObject
{
    Q_OBJECT

public:
    enum class Stage {
        Uploading, // some uploads are queued or running
        Stopped,   // every upload ended, not all well: nothing is deleted unless they are retried
        Deleting,
        Done,   // everything the plan asked for was done
        Failed, // a deletion failed; the deletions after it were not tried
    };

    // How the uploads of the run ended so far, by their items in the queue.
    struct Counts
    {
        int uploaded = 0;  // new files
        int replaced = 0;  // changed files
        int unchanged = 0; // identical content had arrived meanwhile
        int failed = 0;    // failed, cancelled or removed from the queue
        int waiting = 0;   // queued or running
    };

    SyncRun(TransferQueue &queue, std::shared_ptr<GitLabApi> api, SyncPlan plan,
            bool deleteRemoved);

    // Queues the uploads. An error (a file that cannot be sent as it is) queues nothing.
    ApiError start();

    Stage stage() const { return m_stage; }
    Counts counts() const;
    const QStringList &deleted() const { return m_deleted; }
    // Why the deletion failed (Stage::Failed): the path and GitLab's message.
    const QString &deletionError() const { return m_deletionError; }

Q_SIGNALS:
    void changed(); // an upload moved on, or the stage changed
    void ended();   // Done or Failed; the run is deleted after this

private:
    void onItemChanged(const QString &id);
    void evaluate();
    void end(Stage stage);

    TransferQueue &m_queue;
    std::shared_ptr<GitLabApi> m_api;
    const SyncPlan m_plan;
    const bool m_delete;
    Stage m_stage = Stage::Uploading;
    QStringList m_ids;   // the uploads' queue items
    bool m_lost = false; // one of them was removed from the queue before it succeeded
    QStringList m_deleted;
    QString m_deletionError;
};

} // namespace Stevedore
