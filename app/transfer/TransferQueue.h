#pragma once

#include "api/GitLabApi.h"
#include "api/RetryPolicy.h"
#include "transfer/TransferItem.h"
#include "transfer/TransferJournal.h"
#include "transfer/TransferTasks.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace Stevedore {

// The one transfer queue: uploads and downloads, of any number of accounts, started in queue
// order. An upload runs alone (parallel uploads into a new package race into 500s,
// gitlab-api.md §3.10, and an upload may depend on what the one before stored); downloads,
// which change nothing on the server, run up to kParallelDownloads at once, so that many small
// files are not one round trip each. Each item runs as a TransferTask with its own account's
// API, held for as long as it runs. Transient
// failures are retried by RetryPolicy, never 4xx. Every state change happens in one place
// (setState) and is appended to a TransferJournal when the queue has one, so a restart or a
// crash loses nothing and a change costs one line however long the queue is.
//
// Pause stops the running transfers at once and starts nothing new: a download continues
// from its .part on resume(), an interrupted upload sends its file again (after looking
// whether it arrived). A restored queue with pending items starts paused, because the
// accounts it needs may not be signed in yet; the owner resumes it.
class TransferQueue final : public QObject
{
    Q_OBJECT

public:
    // The API of a signed-in account, or null when it is not (the item then fails, waiting
    // for accountAvailable()).
    using ApiProvider = std::function<std::shared_ptr<GitLabApi>(const QString &accountId)>;

    // journalPath empty: not persisted.
    explicit TransferQueue(ApiProvider apis, QString journalPath = {}, QObject *parent = nullptr);
    ~TransferQueue() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    const RetryPolicy &retryPolicy() const { return m_retry; }

    const QList<TransferItem> &items() const { return m_items; }
    const TransferItem *item(const QString &id) const;
    bool isPaused() const { return m_paused; }
    static constexpr int kParallelDownloads = 4;
    // How many downloads may run at once (1 under a bandwidth limit, so that the limit holds
    // for the total); kParallelDownloads by default.
    void setParallelDownloads(int count);
    bool isIdle() const; // nothing queued or running
    bool isRunning(const QString &id) const { return m_running.contains(id); }
    QString loadError() const { return m_loadError; }
    // Bytes the journal wrote since this queue was made (for tests of its cost).
    qint64 journalBytesWritten() const { return m_journal ? m_journal->bytesWritten() : 0; }

    // Queues items (new ids, state Queued) with one journal write; returns their ids.
    QStringList add(QList<TransferItem> items);
    QString add(TransferItem item) { return add(QList<TransferItem>{std::move(item)}).first(); }

    void pause();
    void resume();
    void cancel(const QString &id); // a download's .part goes too
    // Queues a Failed, Cancelled or Skipped item again, with a fresh attempt count.
    void retry(const QString &id);
    void retryFailed();
    void remove(const QString &id); // stops it first when it is running
    void clearFinished();
    void clear(); // everything, running or not
    // Changes how a download that is not running treats an existing file.
    void setConflictPolicy(const QString &id, ConflictPolicy policy);
    // The account is signed in (again): its items that failed for want of it are queued, and
    // so are copies from it.
    void accountAvailable(const QString &accountId);
    // Removes the journal's file (a one-shot queue that finished leaves nothing behind).
    void discardJournal();

Q_SIGNALS:
    void itemsAdded(const QStringList &ids);
    void itemChanged(const QString &id);
    void itemsRemoved(const QStringList &ids);
    void progress(const QString &id, qint64 done, qint64 total);
    void idle(); // the last queued item reached a final state
    void pausedChanged(bool paused);

private:
    TransferItem *find(const QString &id);
    void rebuildIndex();
    void setState(TransferItem &item, TransferState state);
    void record(TransferItem &item); // journal + itemChanged
    void schedule();
    void startNext();
    bool mayStart(const TransferItem &item) const;
    static QString wantedPath(const TransferItem &item); // before any "Keep both" numbering
    void start(TransferItem &item, std::shared_ptr<GitLabApi> api,
               std::shared_ptr<GitLabApi> sourceApi);
    void stopRunning(const QString &id, bool pausing);
    void onOutcome(const QString &id, const TransferTask::Outcome &outcome);
    void retryOrFail(TransferItem &item, const TransferTask::Outcome &outcome);
    void complete(TransferItem &item, TransferState state);
    static qint64 alreadyDone(const TransferItem &item); // bytes it need not move again
    // A download's .part; a copy's spool file and its .part.
    void removePart(const TransferItem &item) const;
    void compactIfWorthIt();

    ApiProvider m_apis;
    std::optional<TransferJournal> m_journal;
    QString m_loadError;
    QList<TransferItem> m_items;
    QHash<QString, qsizetype> m_index;
    RetryPolicy m_retry;
    bool m_paused = false;
    int m_parallelDownloads = kParallelDownloads;
    // Why a running task is being stopped: by pause() (back to Queued) or by cancel() or
    // remove() (Cancelled; a download's .part goes).
    enum class Interruption { None, Pause, Cancel };
    struct Running
    {
        QPointer<TransferTask> task;
        bool upload = false;
        QString wantedPath;
        QString spoolPath; // a copy's
        Interruption interruption = Interruption::None;
    };
    QHash<QString, Running> m_running; // by item id
    QTimer m_wakeUp;
    VersionFilesCache m_versions; // what the uploads' duplicate checks know
};

} // namespace Stevedore
