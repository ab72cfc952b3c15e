#include "transfer/UploadJob.h"

#include "validate/NameRules.h"

#include <QDir>
#include <QFileInfo>

#include <sys/stat.h>

Q_LOGGING_CATEGORY(lcTransfer, "stevedore.transfer", QtWarningMsg)

namespace Stevedore {

UploadJob::UploadJob(GitLabApi &api, PackageTarget target, QString localPath, bool hidden,
                     QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_target(std::move(target))
    , m_localPath(std::move(localPath))
    , m_hidden(hidden)
{
}

// Deleting the call cancels a running upload and waits (briefly) for its worker thread.
UploadJob::~UploadJob() = default;

ApiError UploadJob::checkNames(const PackageTarget &target)
{
    const auto invalid = [](const QString &message) {
        return ApiError(ApiError::Kind::Validation, message);
    };
    if (const auto problem = NameRules::packageNameProblem(target.packageName))
        return invalid(UploadJob::tr("Package name \"%1\": %2").arg(target.packageName, *problem));
    if (const auto problem = NameRules::versionProblem(target.version))
        return invalid(UploadJob::tr("Version \"%1\": %2").arg(target.version, *problem));
    QString problem;
    if (!NameRules::splitUploadPath(target.fileName, &problem))
        return invalid(UploadJob::tr("File name \"%1\": %2").arg(target.fileName, problem));
    return {};
}

ApiError UploadJob::checkLocally(const PackageTarget &target, const QString &localPath)
{
    if (const ApiError names = checkNames(target); names.isError())
        return names;
    const QFileInfo info(localPath);
    if (!info.exists())
        return ApiError(ApiError::Kind::Local, UploadJob::tr("%1 does not exist.").arg(localPath));
    if (info.isDir())
        return ApiError(
            ApiError::Kind::Local,
            UploadJob::tr("%1 is a folder; publish the files inside it instead.").arg(localPath));
    struct stat status = {};
    if (::stat(QFile::encodeName(localPath).constData(), &status) != 0 || !S_ISREG(status.st_mode))
        return ApiError(ApiError::Kind::Local,
                        UploadJob::tr("%1 is not a regular file (a pipe, socket or device); only "
                                      "files can be published.")
                            .arg(localPath));
    if (!info.isReadable())
        return ApiError(ApiError::Kind::Local,
                        UploadJob::tr("%1 cannot be read (permission denied).").arg(localPath));
    return {};
}

void UploadJob::start()
{
    const ApiError local = checkLocally(m_target, m_localPath);
    if (local.isError()) {
        QMetaObject::invokeMethod(
            this, [this, local] { finish(local); }, Qt::QueuedConnection);
        return;
    }
    m_reader = std::make_shared<HashingFileReader>(m_localPath);
    if (!m_reader->open()) {
        const ApiError error(ApiError::Kind::Local,
                             tr("%1 cannot be read: %2").arg(m_localPath, m_reader->errorText()));
        QMetaObject::invokeMethod(
            this, [this, error] { finish(error); }, Qt::QueuedConnection);
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("select"), QStringLiteral("package_file"));
    if (m_hidden)
        query.addQueryItem(QStringLiteral("status"), QStringLiteral("hidden"));
    const QUrl url = m_api.client().apiUrl(m_target.encodedPath(), query);
    qCInfo(lcTransfer) << "uploading" << m_localPath << "to" << m_target.describe();
    m_call = std::make_unique<CurlPut>(&m_api.client(), url, m_reader);
    connect(m_call.get(), &CurlPut::progress, this, &UploadJob::progress);
    connect(m_call.get(), &CurlPut::finished, this, &UploadJob::onUploaded);
    m_call->start();
}

void UploadJob::cancel()
{
    if (m_call && !m_call->isFinished())
        m_call->abort();
    else
        finish(ApiError::fromNetwork(QNetworkReply::OperationCanceledError, {}));
}

void UploadJob::onUploaded()
{
    const CurlPut *call = m_call.get(); // finished: its worker has let go of the reader
    const QString shown = QDir::toNativeSeparators(m_localPath);
    if (m_reader->shrank()) {
        return finish(ApiError(ApiError::Kind::Local,
                               tr("%1 shrank while it was uploaded (%2); nothing was published. "
                                  "Publish it again once it is complete.")
                                   .arg(shown, m_reader->errorText())));
    }
    if (call->error().isError())
        return finish(call->error().withContext(tr("Uploading %1").arg(m_target.fileName)));
    Q_EMIT verifying();
    m_localSha256 = m_reader->sentSha256();
    const QString change = m_reader->changeSinceOpen();
    if (!change.isEmpty() || m_localSha256.isEmpty()) {
        return finish(ApiError(
            ApiError::Kind::Local,
            tr("%1 changed while it was uploaded (%2), so GitLab may hold a mix of old and new "
               "content; it is not reported as published. Publish it again once it is complete.")
                .arg(shown, change.isEmpty() ? tr("it could not be read in one pass") : change)));
    }
    if (call->status() == 200) {
        Result<PackageFile> record = PackageFile::fromJson(call->json().object());
        if (!record.ok())
            return finish(record.error());
        return verifyAgainst(record.value());
    }
    if (call->status() != 201) {
        return finish(ApiError(
            ApiError::Kind::Protocol,
            tr("GitLab answered the upload of %1 with HTTP %2 instead of 201 Created; the upload "
               "is not confirmed.")
                .arg(m_target.fileName)
                .arg(call->status())));
    }
    // 201 without the record: find the newest file of that name in the package.
    const QString stored = m_target.storedName();
    m_api.versionFiles(m_target.project, m_target.packageName, m_target.version, this,
                       [this, stored](Result<VersionFiles> version) {
                           if (!version.ok())
                               return finish(version.error());
                           const PackageFile *newest = version.value().newest(stored);
                           if (!newest)
                               return finish(ApiError(ApiError::Kind::Protocol,
                                                      tr("The uploaded file is not listed.")));
                           verifyAgainst(*newest);
                       });
}

void UploadJob::verifyAgainst(const PackageFile &record)
{
    if (record.sha256.compare(m_localSha256, Qt::CaseInsensitive) != 0) {
        return finish(ApiError(
            ApiError::Kind::Integrity,
            tr("GitLab stored %1 with SHA-256 %2, but the local file has %3: the upload was "
               "corrupted on the way. Delete that file in GitLab and publish again.")
                .arg(m_target.fileName, record.sha256, m_localSha256)));
    }
    finish(record);
}

void UploadJob::finish(const Result<PackageFile> &result)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(result);
}

} // namespace Stevedore
