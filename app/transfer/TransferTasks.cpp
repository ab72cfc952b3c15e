#include "transfer/TransferTasks.h"

#include "core/Sha256.h"
#include "transfer/DownloadJob.h"
#include "transfer/LocalTarget.h"
#include "transfer/UploadJob.h"

#include <QFileInfo>
#include <QThreadPool>

namespace Stevedore {

TransferTask::TransferTask(std::shared_ptr<GitLabApi> api, TransferItem item, QObject *parent)
    : QObject(parent)
    , m_api(std::move(api))
    , m_item(std::move(item))
{
}

void TransferTask::finish(Outcome outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(outcome);
}

// ---------------------------------------------------------------------------------------------
// Uploads

UploadTask::UploadTask(std::shared_ptr<GitLabApi> api, TransferItem item,
                       VersionFilesCache &versions, std::shared_ptr<GitLabApi> sourceApi,
                       QObject *parent)
    : TransferTask(std::move(api), std::move(item), parent)
    , m_versions(versions)
    , m_versionKey(VersionFilesCache::keyOf(m_item.accountId, m_item.target))
    , m_sourceApi(std::move(sourceApi))
{
}

UploadTask::~UploadTask()
{
    if (m_fetch) {
        m_fetch->disconnect(this);
        delete m_fetch; // the spool's .part stays for a later attempt
    }
    if (m_job) {
        m_job->disconnect(this);
        delete m_job;
    }
}

void UploadTask::start()
{
    if (m_item.isCopy())
        fetchSource();
    else
        startUpload();
}

void UploadTask::startUpload()
{
    if (m_item.mayHaveArrived || m_item.duplicatePolicy == DuplicatePolicy::SkipIdentical
        || m_item.duplicatePolicy == DuplicatePolicy::Fail)
        lookThenUpload();
    else
        upload();
}

void UploadTask::stop()
{
    m_stopped = true;
    if (m_fetch)
        m_fetch->cancel(); // finishes through the fetch
    else if (m_job)
        m_job->cancel(); // finishes through the job
    else
        fail(ApiError::fromNetwork(QNetworkReply::OperationCanceledError, {}));
}

// A spool that an earlier attempt fetched completely is used when it still hashes to the
// source's SHA-256; anything else is fetched (again).
void UploadTask::fetchSource()
{
    if (!m_sourceApi)
        return fail(ApiError(ApiError::Kind::Configuration,
                             tr("The account to copy from is not signed in.")));
    const QFileInfo spool(m_item.localPath);
    if (!spool.exists() || spool.size() != m_item.size)
        return download();
    QPointer<UploadTask> self(this);
    const QString path = m_item.localPath;
    QThreadPool::globalInstance()->start([self, path] {
        const QString sha256 = Sha256::ofFile(path);
        QMetaObject::invokeMethod(self, [self, sha256] {
            if (!self || self->m_stopped)
                return;
            if (sha256 == self->m_item.expectedSha256)
                return self->startUpload();
            QFile::remove(self->m_item.localPath);
            self->download();
        });
    });
}

void UploadTask::download()
{
    m_fetch = new DownloadJob(*m_sourceApi, m_item.source, m_item.localPath, this);
    m_fetch->setExpectedSha256(m_item.expectedSha256);
    m_fetch->setExpectedSize(m_item.size);
    m_fetch->setOverwrite(true);
    connect(m_fetch, &DownloadJob::progress, this, &UploadTask::progress);
    connect(m_fetch, &DownloadJob::finished, this, [this](const Result<Success> &result) {
        m_fetch->deleteLater();
        m_fetch = nullptr;
        if (!result.ok())
            return fail(result.error().withContext(
                tr("Fetching %1 to copy it").arg(m_item.source.describe())));
        if (m_stopped)
            return fail(ApiError::fromNetwork(QNetworkReply::OperationCanceledError, {}));
        startUpload();
    });
    m_fetch->start();
}

// After a lost answer the upload may be there; the skip policy needs to know whether identical
// content is, and the fail policy whether the name is.
void UploadTask::lookThenUpload()
{
    if (m_item.mayHaveArrived)
        m_versions.forget(m_versionKey); // only GitLab knows whether it arrived
    QPointer<UploadTask> self(this);
    const QString path = m_item.localPath;
    // A copy's spool was verified against the source's SHA-256 as it arrived.
    const QString fetched = m_item.isCopy() ? m_item.expectedSha256 : QString();
    QThreadPool::globalInstance()->start([self, path, fetched] {
        const QString localSha = fetched.isEmpty() ? Sha256::ofFile(path) : fetched;
        QMetaObject::invokeMethod(self, [self, localSha] {
            if (!self || self->m_stopped)
                return;
            if (const auto known = self->m_versions.get(self->m_versionKey))
                return self->decide(localSha, *known);
            const PackageTarget target = self->m_item.target;
            self->m_api->versionFiles(target.project, target.packageName, target.version, self,
                                      [self, localSha](Result<VersionFiles> version) {
                                          if (!self || self->m_stopped)
                                              return;
                                          if (version.ok())
                                              self->m_versions.put(self->m_versionKey,
                                                                   version.value());
                                          self->decide(localSha, version);
                                      });
        });
    });
}

void UploadTask::decide(const QString &localSha256, const Result<VersionFiles> &version)
{
    if (!version.ok() && version.error().kind() != ApiError::Kind::NotFound)
        return fail(version.error());
    const PackageFile *existing =
        version.ok() ? version.value().newest(m_item.target.storedName()) : nullptr;
    const bool identical = existing && !localSha256.isEmpty() && existing->sha256 == localSha256;
    if (identical && m_item.mayHaveArrived) {
        if (m_item.duplicatePolicy == DuplicatePolicy::Replace)
            return removeOlderCopies(*existing);
        return finish({TransferState::Done, {}, localSha256, {}, false});
    }
    if (identical && m_item.duplicatePolicy != DuplicatePolicy::KeepBoth
        && m_item.duplicatePolicy != DuplicatePolicy::Replace)
        return finish({TransferState::Skipped, {}, localSha256, {}, false});
    if (existing && m_item.duplicatePolicy == DuplicatePolicy::Fail) {
        return fail(ApiError(
            ApiError::Kind::Duplicate,
            tr("%1 %2 already has a file named %3; nothing was uploaded (the "
               "duplicate policy is \"fail\").")
                .arg(m_item.target.packageName, m_item.target.version, m_item.target.fileName)));
    }
    upload();
}

void UploadTask::upload()
{
    m_job = new UploadJob(*m_api, m_item.target, m_item.localPath, m_item.hidden, this);
    connect(m_job, &UploadJob::progress, this, &UploadTask::progress);
    connect(m_job, &UploadJob::verifying, this, &UploadTask::verifying);
    connect(m_job, &UploadJob::finished, this, [this](const Result<PackageFile> &result) {
        m_job->deleteLater();
        m_job = nullptr;
        if (!result.ok()) {
            // Only an answer proves whether the request was processed.
            const bool lost = result.error().isTransient()
                              && result.error().kind() != ApiError::Kind::RateLimited;
            if (lost)
                m_versions.forget(m_versionKey);
            return finish({TransferState::Failed, result.error(), {}, {}, lost});
        }
        if (m_item.isCopy() && result.value().sha256 != m_item.expectedSha256)
            return fail(ApiError(ApiError::Kind::Integrity,
                                 tr("%1 now stores SHA-256 %2, but %3 has %4: the spool file "
                                    "changed after it was fetched. Copy it again.")
                                     .arg(m_item.target.describe(), result.value().sha256,
                                          m_item.source.describe(), m_item.expectedSha256)));
        if (m_item.duplicatePolicy == DuplicatePolicy::Replace) {
            m_versions.forget(m_versionKey);
            return removeOlderCopies(result.value());
        }
        m_versions.addUploaded(m_versionKey, result.value());
        finish({TransferState::Done, {}, result.value().sha256, {}, false});
    });
    m_job->start();
}

void UploadTask::removeOlderCopies(const PackageFile &uploaded)
{
    Q_EMIT verifying();
    const PackageTarget target = m_item.target;
    m_api->versionFiles(
        target.project, target.packageName, target.version, this,
        [this, uploaded](Result<VersionFiles> version) {
            if (!version.ok())
                return fail(version.error().withContext(tr("Removing the older copies")));
            QList<PackageFile> older;
            for (const PackageFile &file : version.value().files) {
                if (file.storedName == uploaded.storedName && file.id != uploaded.id)
                    older.append(file);
            }
            deleteCopies(uploaded.packageId, older, uploaded.sha256);
        });
}

void UploadTask::deleteCopies(qint64 packageId, QList<PackageFile> remaining, const QString &sha256)
{
    if (remaining.isEmpty())
        return finish({TransferState::Done, {}, sha256, {}, false});
    const PackageFile file = remaining.takeFirst();
    m_api->deletePackageFile(m_item.target.project, packageId, file.id, this,
                             [this, packageId, remaining, sha256](Result<Success> deleted) {
                                 if (!deleted.ok())
                                     return fail(
                                         deleted.error().withContext(tr("Removing an older copy")));
                                 deleteCopies(packageId, remaining, sha256);
                             });
}

// ---------------------------------------------------------------------------------------------
// Downloads

DownloadTask::~DownloadTask()
{
    if (m_job) {
        m_job->disconnect(this);
        delete m_job; // aborts the request; the .part stays for a later resume
    }
}

QString DownloadTask::numberedPath(const QString &path, int number)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const QString directory = path.left(slash + 1);
    const QString name = path.mid(slash + 1);
    // The suffix starts at the last dot, or at ".tar." for compressed tarballs; a leading dot
    // (".env") is part of the name.
    qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    const qsizetype tar = name.lastIndexOf(QLatin1String(".tar."), -1, Qt::CaseInsensitive);
    if (tar > 0 && name.indexOf(QLatin1Char('.'), tar + 5) < 0)
        dot = tar;
    if (dot <= 0)
        dot = name.size();
    const QString numbered = name.left(dot) + QStringLiteral(" (%1)").arg(number) + name.mid(dot);
    return directory + numbered;
}

void DownloadTask::start()
{
    const auto later = [this](const Outcome &outcome) {
        QMetaObject::invokeMethod(
            this, [this, outcome] { finish(outcome); }, Qt::QueuedConnection);
    };
    QString wanted = m_item.localPath;
    if (!m_item.folder.isEmpty()) {
        const Result<QString> inside = localTargetPath(m_item.folder, m_item.target.fileName);
        if (!inside.ok())
            return later({TransferState::Failed, inside.error(), {}, {}, false});
        wanted = inside.value();
    }
    // A retried item keeps the file it chose the first time (its .part is there).
    QString finalPath = m_item.finalPath.isEmpty() ? wanted : m_item.finalPath;
    if (m_item.finalPath.isEmpty() && QFileInfo::exists(wanted)) {
        switch (m_item.conflictPolicy) {
        case ConflictPolicy::Overwrite:
        case ConflictPolicy::Refuse: // DownloadJob refuses an existing file and says so
            break;
        case ConflictPolicy::Skip:
            return later({TransferState::Skipped, {}, {}, wanted, false});
        case ConflictPolicy::KeepBoth:
            for (int number = 1; QFileInfo::exists(finalPath); ++number)
                finalPath = numberedPath(wanted, number);
            break;
        }
    }
    m_job = new DownloadJob(*m_api, m_item.target, finalPath, this);
    m_job->setExpectedSha256(m_item.expectedSha256);
    m_job->setExpectedSize(m_item.size);
    m_job->setOverwrite(m_item.conflictPolicy == ConflictPolicy::Overwrite);
    connect(m_job, &DownloadJob::progress, this, &DownloadTask::progress);
    connect(m_job, &DownloadJob::verifying, this, &DownloadTask::verifying);
    connect(m_job, &DownloadJob::finished, this, [this, finalPath](const Result<Success> &result) {
        const QString sha256 = m_job->verifiedSha256();
        m_job->deleteLater();
        m_job = nullptr;
        if (!result.ok())
            return finish({TransferState::Failed, result.error(), {}, finalPath, false});
        finish({TransferState::Done, {}, sha256, finalPath, false});
    });
    m_job->start();
}

void DownloadTask::stop()
{
    if (m_job)
        m_job->cancel();
    else
        fail(ApiError::fromNetwork(QNetworkReply::OperationCanceledError, {}));
}

} // namespace Stevedore
