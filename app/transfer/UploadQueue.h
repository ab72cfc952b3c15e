#pragma once

#include "api/GitLabApi.h"
#include "api/RetryPolicy.h"
#include "transfer/PackageTarget.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace Stevedore {

class UploadJob;

// What to do when the version already has a file of the same name.
enum class DuplicatePolicy {
    SkipIdentical, // the default: skip when the copy GitLab serves has the same SHA-256, else
                   // upload another copy (so a re-run publishes only what is missing)
    KeepBoth,      // GitLab's own behaviour: always upload; the new copy becomes the newest
    Replace,       // upload, then delete the older files of that name in the version
    Fail,          // upload nothing and fail when the name is there already
};

QString duplicatePolicyId(DuplicatePolicy policy); // skip-identical, keep, replace, fail
std::optional<DuplicatePolicy> duplicatePolicyFromId(const QString &id); // also "skip"

struct QueueItem
{
    enum class State { Queued, Uploading, Verifying, Done, Failed, Skipped, Cancelled };

    QString id;
    QString accountId;
    PackageTarget target;
    QString localPath;
    bool hidden = false;
    DuplicatePolicy duplicatePolicy = DuplicatePolicy::SkipIdentical;

    State state = State::Queued;
    int attempts = 0;
    qint64 size = 0;
    qint64 sent = 0;
    QString sha256;       // GitLab's, once done
    QString errorMessage; // the last failure, actionable
    ApiError::Kind errorKind = ApiError::Kind::None;
    bool mayHaveArrived = false; // an earlier attempt lost its answer: check before uploading again
    QDateTime addedAt;
    QDateTime finishedAt;
    QDateTime notBefore; // backoff: not started again before this time

    bool isFinal() const
    {
        return state == State::Done || state == State::Failed || state == State::Skipped
               || state == State::Cancelled;
    }
    QJsonObject toJson() const;
    static std::optional<QueueItem> fromJson(const QJsonObject &object);
};

QString queueStateId(QueueItem::State state);

// The serial upload queue: one upload at a time, because parallel uploads into a new
// package race into 500s (gitlab-api.md §3.10). Retries transient failures with
// exponential backoff (honouring Retry-After), never 4xx; checks the package files before
// re-sending after a lost answer; persists itself after every change.
class UploadQueue final : public QObject
{
    Q_OBJECT

public:
    using ApiProvider = std::function<GitLabApi *(const QString &accountId)>;

    // stateFile empty: not persisted (the command line's one-shot queues).
    UploadQueue(ApiProvider apis, QString stateFile, QObject *parent = nullptr);
    ~UploadQueue() override;

    using RetryPolicy = Stevedore::RetryPolicy; // shared with DownloadQueue
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }

    const QList<QueueItem> &items() const { return m_items; }
    const QueueItem *item(const QString &id) const;
    bool isPaused() const { return m_paused; }
    bool isIdle() const; // nothing queued or running
    QString loadError() const { return m_loadError; }

    QString add(QueueItem item); // returns the new id
    void pause();                // the current upload finishes, nothing new starts
    void resume();
    void cancel(const QString &id);
    void retry(const QString &id);
    void retryFailed();
    void remove(const QString &id);
    void clearFinished();

Q_SIGNALS:
    void itemAdded(const QString &id);
    void itemChanged(const QString &id);
    void itemRemoved(const QString &id);
    void progress(const QString &id, qint64 sent, qint64 total);
    void idle(); // the last queued item reached a final state
    void pausedChanged(bool paused);

private:
    QueueItem *find(const QString &id);
    void load();
    void save();
    void changed(QueueItem &item);
    void schedule();
    void startNext();
    void checkThenUpload(QueueItem &item, GitLabApi &api);
    void upload(const QString &id, GitLabApi &api);
    void onUploaded(const QString &id, const Result<PackageFile> &result);
    void removeOlderCopies(const QString &id, const PackageFile &uploaded, GitLabApi &api);
    void deleteCopies(const QString &id, qint64 packageId, QList<PackageFile> remaining,
                      const QString &sha256, GitLabApi &api);
    void fail(QueueItem &item, const ApiError &error);
    void complete(QueueItem &item, QueueItem::State state, const QString &sha256 = {});

    ApiProvider m_apis;
    QString m_stateFile;
    QString m_loadError;
    QList<QueueItem> m_items;
    RetryPolicy m_retry;
    bool m_paused = false;
    QString m_currentId;
    QPointer<UploadJob> m_job;
    QTimer m_wakeUp;
};

} // namespace Stevedore
