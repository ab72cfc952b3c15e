#pragma once

#include "api/GitLabApi.h"
#include "api/RetryPolicy.h"
#include "transfer/PackageTarget.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace Stevedore {

class DownloadJob;

// What to do when the local file a download would create already exists. Decided when the
// download starts (not when it is queued), because the file may appear or go in between.
enum class ConflictPolicy {
    Overwrite, // replace the existing file once the new one is complete and verified
    KeepBoth,  // download next to it as "name (1).ext", "name (2).ext", …
    Skip,      // leave the existing file alone; the item ends as Skipped
};

QString conflictPolicyId(ConflictPolicy policy); // overwrite, keep, skip
std::optional<ConflictPolicy> conflictPolicyFromId(const QString &id);

struct DownloadItem
{
    enum class State { Queued, Downloading, Verifying, Done, Failed, Cancelled, Skipped };

    QString id;
    QString accountId;
    PackageTarget source;
    QString localPath; // where the caller wants the file
    // When set, localPath is computed from it and source.fileName with localTargetPath() when
    // the download starts, so that a name from the server cannot lead outside this folder.
    QString folder;
    QString expectedSha256; // optional; else the server's checksum is used
    ConflictPolicy conflictPolicy = ConflictPolicy::KeepBoth;

    State state = State::Queued;
    int attempts = 0;
    qint64 size = -1;     // bytes, -1 until known (the listed size, or the response's)
    qint64 received = 0;  // including what a resumed .part already held
    QString finalPath;    // where it is written: localPath, or "name (1).ext" for KeepBoth
    QString errorMessage; // the last failure, actionable
    ApiError::Kind errorKind = ApiError::Kind::None;
    QDateTime addedAt;
    QDateTime finishedAt;
    QDateTime notBefore; // backoff: not started again before this time

    bool isFinal() const
    {
        return state == State::Done || state == State::Failed || state == State::Skipped
               || state == State::Cancelled;
    }
};

QString downloadStateId(DownloadItem::State state); // queued, downloading, …

// The serial download queue: one download at a time into `<path>.part`, verified against
// SHA-256 and renamed into place (DownloadJob). Transient failures (network, timeouts, 5xx,
// 429) are retried with the same backoff as uploads (RetryPolicy); each attempt resumes from
// what the `.part` file already holds, so an interrupted download does not start over.
//
// Unlike UploadQueue, this queue is not persisted: what matters on disk is already there.
// An interrupted download leaves its `.part` file, and queueing the same file to the same
// place again resumes it; the queue itself only holds what was asked for, which the UI can
// offer again from the package it came from. Persisting it would also mean persisting
// decisions (overwrite, keep both) that should be made again against the disk as it is then.
class DownloadQueue final : public QObject
{
    Q_OBJECT

public:
    using ApiProvider = std::function<GitLabApi *(const QString &accountId)>;

    explicit DownloadQueue(ApiProvider apis, QObject *parent = nullptr);
    ~DownloadQueue() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    const RetryPolicy &retryPolicy() const { return m_retry; }

    const QList<DownloadItem> &items() const { return m_items; }
    const DownloadItem *item(const QString &id) const;
    bool isPaused() const { return m_paused; }
    bool isIdle() const; // nothing queued or running

    // Queues item (its source, localPath, accountId, policy and the optional expected SHA-256
    // and size) and returns its new id.
    QString add(DownloadItem item);
    // Stops the running download (its .part is kept and resumed later) and starts nothing new.
    void pause();
    void resume();
    // Stops and discards an item (its .part file too). Final items are left alone.
    void cancel(const QString &id);
    // Queues a Failed, Cancelled or Skipped item again, with a fresh attempt count.
    void retry(const QString &id);
    void retryFailed();
    // Changes how an item that is not running treats an existing file (e.g. after it was
    // Skipped: set Overwrite, then retry()).
    void setConflictPolicy(const QString &id, ConflictPolicy policy);
    void remove(const QString &id); // cancels it first when it is running
    void clearFinished();

    // "dir/name.tar.gz", 1 → "dir/name (1).tar.gz"; keeps double suffixes like .tar.gz
    // together, and names that start with a dot (".env" → ".env (1)").
    static QString numberedPath(const QString &path, int number);

Q_SIGNALS:
    void itemAdded(const QString &id);
    void itemChanged(const QString &id);
    void itemRemoved(const QString &id);
    void progress(const QString &id, qint64 received, qint64 total);
    void idle(); // the last queued item reached a final state
    void pausedChanged(bool paused);

private:
    DownloadItem *find(const QString &id);
    void changed(DownloadItem &item);
    void schedule();
    void startNext();
    bool resolveTarget(DownloadItem &item); // false: the item was completed (skipped)
    void onFinished(const QString &id, const Result<Success> &result);
    void fail(DownloadItem &item, const ApiError &error);
    void complete(DownloadItem &item, DownloadItem::State state);

    ApiProvider m_apis;
    QList<DownloadItem> m_items;
    RetryPolicy m_retry;
    bool m_paused = false;
    QString m_currentId;
    QPointer<DownloadJob> m_job;
    // Why the running job is being stopped: by pause() (back to Queued, .part kept) or by
    // cancel()/remove() (Cancelled, .part removed).
    enum class Interruption { None, Pause, Cancel } m_interruption = Interruption::None;
    QTimer m_wakeUp;
};

} // namespace Stevedore
