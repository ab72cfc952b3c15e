#include "transfer/DownloadJob.h"

#include "transfer/LocalTarget.h"
#include "transfer/PartFileWriter.h"
#include "transfer/UploadJob.h"
#include "validate/NameRules.h"

#include <QDir>
#include <QFileInfo>
#include <QThreadPool>

#include <cerrno>
#include <cstdio>
#include <sys/file.h>

namespace Stevedore {

DownloadJob::DownloadJob(GitLabApi &api, PackageTarget source, QString targetPath, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_source(std::move(source))
    , m_targetPath(std::move(targetPath))
    , m_hash(std::make_shared<Sha256>())
{
}

DownloadJob::~DownloadJob()
{
    m_call.reset(); // its worker is joined before the writer and the .part go
}

QString DownloadJob::partPath() const
{
    return partPathOf(m_targetPath);
}

void DownloadJob::start()
{
    const auto fail = [this](const ApiError &error) {
        QMetaObject::invokeMethod(
            this, [this, error] { finish(error); }, Qt::QueuedConnection);
    };
    if (const auto problem = NameRules::packageNameProblem(m_source.packageName))
        return fail(ApiError(ApiError::Kind::Validation, *problem));
    if (const auto problem = NameRules::versionProblem(m_source.version))
        return fail(ApiError(ApiError::Kind::Validation, *problem));
    if (const auto problem = NameRules::localNameProblem(m_source.fileName))
        return fail(ApiError(ApiError::Kind::Validation, *problem));
    const QFileInfo target(m_targetPath);
    if (target.exists() && !m_overwrite) {
        return fail(ApiError(ApiError::Kind::Local,
                             tr("%1 already exists; it was left as it is. Remove it, or choose "
                                "another folder.")
                                 .arg(QDir::toNativeSeparators(m_targetPath))));
    }
    for (const QString &path : {m_targetPath, partPath()}) {
        if (QFileInfo(path).isSymLink())
            return fail(
                ApiError(ApiError::Kind::Local, tr("%1 is a symbolic link; it is left alone.")
                                                    .arg(QDir::toNativeSeparators(path))));
    }
    if (!QDir().mkpath(target.absolutePath()))
        return fail(ApiError(ApiError::Kind::Local,
                             tr("Cannot create the folder %1: %2")
                                 .arg(target.absolutePath(), qt_error_string(errno))));
    if (const ApiError claimed = claimPart(); claimed.isError())
        return fail(claimed);
    hashPartThenRequest();
}

// What an earlier attempt left in the .part is hashed on a worker thread (it may be gigabytes),
// with a handle of its own; then the rest is asked for.
void DownloadJob::hashPartThenRequest()
{
    m_resumeFrom = m_part.size();
    if (m_resumeFrom == 0)
        return request();
    QPointer<DownloadJob> self(this);
    const std::shared_ptr<Sha256> hash = m_hash;
    const QString path = partPath();
    const qint64 length = m_resumeFrom;
    QThreadPool::globalInstance()->start([self, hash, path, length] {
        QFile file(path);
        QString problem;
        if (file.open(QIODevice::ReadOnly)) {
            QByteArray chunk(1 << 20, Qt::Uninitialized);
            for (qint64 left = length; left > 0 && problem.isEmpty();) {
                const qint64 got = file.read(chunk.data(), std::min<qint64>(left, chunk.size()));
                if (got <= 0)
                    problem = file.errorString();
                else
                    hash->add(chunk.constData(), got);
                left -= std::max<qint64>(got, 0);
            }
        } else {
            problem = file.errorString();
        }
        QMetaObject::invokeMethod(self, [self, problem] {
            if (!self || self->m_done)
                return;
            if (!problem.isEmpty())
                return self->finish(
                    ApiError(ApiError::Kind::Local,
                             tr("Cannot read %1: %2").arg(self->partPath(), problem)));
            self->request();
        });
    });
}

void DownloadJob::request()
{
    QList<QByteArray> headers;
    if (m_resumeFrom > 0) {
        qCInfo(lcTransfer) << "resuming" << m_targetPath << "from byte" << m_resumeFrom;
        headers.append("Range: bytes=" + QByteArray::number(m_resumeFrom) + '-');
    }
    m_writer = std::make_shared<PartFileWriter>(m_part.handle(), partPath(), m_source.fileName,
                                                m_resumeFrom, m_expectedSize, m_hash);
    m_call = std::make_unique<CurlGet>(
        &m_api.client(), m_api.client().apiUrl(m_source.encodedPath()), headers, m_writer);
    connect(m_call.get(), &CurlGet::progress, this, &DownloadJob::onProgress);
    connect(m_call.get(), &CurlGet::finished, this, &DownloadJob::onFinished);
    m_call->start();
}

ApiError DownloadJob::claimPart()
{
    m_part.setFileName(partPath());
    // Unbuffered: each write reaches the file at once, so its error is the write's own.
    if (!m_part.open(QIODevice::ReadWrite | QIODevice::Unbuffered))
        return ApiError(ApiError::Kind::Local,
                        tr("Cannot write %1: %2").arg(partPath(), m_part.errorString()));
    // An advisory lock that the system drops when this process ends, even when it is killed.
    if (::flock(m_part.handle(), LOCK_EX | LOCK_NB) != 0) {
        m_part.close();
        return ApiError(ApiError::Kind::Local,
                        tr("Another download is writing %1 right now; wait for it to finish.")
                            .arg(QDir::toNativeSeparators(partPath())));
    }
    return {};
}

void DownloadJob::onProgress()
{
    const qint64 total = m_writer->total();
    Q_EMIT progress(m_writer->received(), total >= 0 ? total : m_expectedSize);
}

void DownloadJob::onFinished()
{
    const ApiError error = m_call->error();
    const int status = m_call->status();
    // Let go of libcurl's handle at once; this runs in its finished().
    m_call.release()->deleteLater();
    if (error.isError()) {
        const bool alreadyComplete = status == 416 && m_resumeFrom > 0
                                     && (m_expectedSize < 0 || m_resumeFrom == m_expectedSize);
        if (!alreadyComplete) {
            m_part.close(); // kept for a later resume
            return finish(error.withContext(tr("Downloading %1").arg(m_source.fileName)));
        }
        // The part already holds the whole file: verify it as it is.
    }
    const qint64 limit = error.isError() ? m_resumeFrom : m_writer->sizeLimit();
    if (limit >= 0 && m_writer->received() < limit) {
        m_part.close(); // what arrived is kept: the next attempt resumes after it
        return finish(ApiError(ApiError::Kind::Network,
                               tr("The connection ended after %1 of %2 bytes of %3; what arrived "
                                  "is kept and the download resumes from there.")
                                   .arg(m_writer->received())
                                   .arg(limit)
                                   .arg(NameRules::printable(m_source.fileName))));
    }
    if (!m_expectedSha256.isEmpty())
        return verify(m_expectedSha256);
    if (const QString header = m_writer->headerSha256(); !header.isEmpty())
        return verify(header);
    // Object-storage redirects carry no checksum header: ask the package-files API, which
    // deploy tokens cannot read (gitlab-api.md §2.1). The part file stays for a later attempt.
    if (m_api.client().account().kind == CredentialKind::DeployToken) {
        m_part.close();
        return finish(ApiError(
            ApiError::Kind::Integrity,
            tr("%1 cannot be verified: GitLab's object storage sends no checksum, and deploy "
               "tokens may not read the package file list that holds it. Give the expected "
               "SHA-256 (--sha256), or download it with a personal access token.")
                .arg(m_source.fileName)));
    }
    m_api.versionFiles(m_source.project, m_source.packageName, m_source.version, this,
                       [this](Result<VersionFiles> version) {
                           if (!version.ok()) {
                               m_part.close();
                               return finish(version.error().withContext(
                                   tr("Looking up the checksum of %1").arg(m_source.fileName)));
                           }
                           const PackageFile *newest =
                               version.value().newest(m_source.storedName());
                           if (!newest || newest->sha256.isEmpty()) {
                               m_part.close();
                               return finish(ApiError(
                                   ApiError::Kind::Integrity,
                                   tr("No checksum is available for %1, so it cannot be verified.")
                                       .arg(m_source.fileName)));
                           }
                           verify(newest->sha256.toLower());
                       });
}

void DownloadJob::verify(const QString &expected)
{
    Q_EMIT verifying();
    const QString actual = m_writer->hexDigest();
    if (actual != expected) {
        m_part.close();
        QFile::remove(partPath());
        return finish(ApiError(
            ApiError::Kind::Integrity,
            tr("%1 arrived damaged (SHA-256 %2, expected %3); it was discarded. Download it again.")
                .arg(m_source.fileName, actual, expected)));
    }
    m_verifiedSha256 = actual;
    // Renamed while the lock is still held; rename(2) replaces an existing target atomically.
    const QByteArray from = QFile::encodeName(partPath());
    const QByteArray to = QFile::encodeName(m_targetPath);
    const bool moved = m_overwrite ? ::rename(from.constData(), to.constData()) == 0
                                   : QFile::rename(partPath(), m_targetPath);
    const QString reason = qt_error_string(errno);
    m_part.close();
    if (!moved)
        return finish(ApiError(
            ApiError::Kind::Local,
            tr("Cannot move %1 into place: %2").arg(QDir::toNativeSeparators(partPath()), reason)));
    finish(Success{});
}

void DownloadJob::cancel()
{
    if (m_call && !m_call->isFinished())
        m_call->abort();
    else
        finish(ApiError::fromNetwork(QNetworkReply::OperationCanceledError, {}));
}

void DownloadJob::finish(const Result<Success> &result)
{
    if (m_done)
        return;
    m_done = true;
    if (m_part.isOpen())
        m_part.close();
    Q_EMIT finished(result);
}

} // namespace Stevedore
