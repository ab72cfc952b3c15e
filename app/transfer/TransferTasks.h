#pragma once

#include "api/GitLabApi.h"
#include "transfer/TransferItem.h"
#include "transfer/VersionFilesCache.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace Stevedore {

class DownloadJob;
class UploadJob;

// One attempt at one queue item: everything between "its turn has come" and "it ended this
// way". The queue owns the task and the item's state; a task only reports. It holds its
// account's API for as long as it runs, so nothing else (switching the account the window
// shows, say) can take it away.
class TransferTask : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        TransferState state = TransferState::Failed; // Done, Skipped or Failed
        ApiError error;                              // with Failed
        QString sha256;
        QString finalPath;           // downloads
        bool mayHaveArrived = false; // an upload whose answer was lost
    };

    TransferTask(std::shared_ptr<GitLabApi> api, TransferItem item, QObject *parent = nullptr);

    virtual void start() = 0;
    // Stops at once; finished() follows with a Cancelled error.
    virtual void stop() = 0;

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void verifying();
    void finished(const Stevedore::TransferTask::Outcome &outcome);

protected:
    void finish(Outcome outcome);
    void fail(const ApiError &error) { finish({TransferState::Failed, error, {}, {}, false}); }

    std::shared_ptr<GitLabApi> m_api;
    TransferItem m_item;

private:
    bool m_finished = false;
};

// Publishes one file: looks at the version first when the duplicate policy or a lost answer
// asks for it (hashing the local file on a worker thread), uploads, then removes older
// copies for the replace policy. A copy first fetches its file from the source version into
// its spool file with a DownloadJob of the source account (resuming its .part, verified by
// the source's SHA-256; a complete spool from an earlier attempt is hashed instead), and ends
// only when the destination stores that same SHA-256.
class UploadTask final : public TransferTask
{
    Q_OBJECT

public:
    // `sourceApi`: the source account's, for a copy; else null.
    UploadTask(std::shared_ptr<GitLabApi> api, TransferItem item, VersionFilesCache &versions,
               std::shared_ptr<GitLabApi> sourceApi = nullptr, QObject *parent = nullptr);
    ~UploadTask() override;

    void start() override;
    void stop() override;

private:
    void fetchSource();
    void download();
    void startUpload();
    void lookThenUpload();
    void decide(const QString &localSha256, const Result<VersionFiles> &version);
    void upload();
    void removeOlderCopies(const PackageFile &uploaded);
    void deleteCopies(qint64 packageId, QList<PackageFile> remaining, const QString &sha256);

    VersionFilesCache &m_versions;
    const QString m_versionKey;
    std::shared_ptr<GitLabApi> m_sourceApi;
    QPointer<DownloadJob> m_fetch;
    QPointer<UploadJob> m_job;
    bool m_stopped = false;
};

// Downloads one file: resolves where it goes (inside its folder, by the conflict policy),
// then lets DownloadJob fetch, resume and verify it.
class DownloadTask final : public TransferTask
{
    Q_OBJECT

public:
    using TransferTask::TransferTask;
    ~DownloadTask() override;

    void start() override;
    void stop() override;

    // "dir/name.tar.gz", 1 → "dir/name (1).tar.gz"; keeps double suffixes like .tar.gz
    // together, and names that start with a dot (".env" → ".env (1)").
    static QString numberedPath(const QString &path, int number);

private:
    QPointer<DownloadJob> m_job;
};

} // namespace Stevedore

Q_DECLARE_METATYPE(Stevedore::TransferTask::Outcome)
