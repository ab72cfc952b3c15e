#include "transfer/DownloadJob.h"

#include "transfer/UploadJob.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace Stevedore {

DownloadJob::DownloadJob(GitLabApi &api, PackageTarget source, QString targetPath, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_source(std::move(source))
    , m_targetPath(std::move(targetPath))
{
}

DownloadJob::~DownloadJob()
{
    delete m_call;
}

void DownloadJob::start()
{
    const auto fail = [this](const ApiError &error) {
        QMetaObject::invokeMethod(
            this, [this, error] { finish(error); }, Qt::QueuedConnection);
    };
    const QFileInfo target(m_targetPath);
    if (target.exists() && !m_overwrite) {
        return fail(ApiError(ApiError::Kind::Local,
                             tr("%1 already exists; it was left as it is. Remove it, or choose "
                                "another folder.")
                                 .arg(QDir::toNativeSeparators(m_targetPath))));
    }
    if (!QDir().mkpath(target.absolutePath()))
        return fail(ApiError(ApiError::Kind::Local,
                             tr("Cannot create the folder %1.").arg(target.absolutePath())));
    m_part.setFileName(partPath());
    if (!m_part.open(QIODevice::ReadWrite))
        return fail(ApiError(ApiError::Kind::Local,
                             tr("Cannot write %1: %2").arg(partPath(), m_part.errorString())));
    if (!hashExistingPart())
        return fail(ApiError(ApiError::Kind::Local,
                             tr("Cannot read %1: %2").arg(partPath(), m_part.errorString())));
    m_resumeFrom = m_part.size();
    m_received = m_resumeFrom;

    QList<QPair<QByteArray, QByteArray>> headers;
    if (m_resumeFrom > 0) {
        qCInfo(lcTransfer) << "resuming" << m_targetPath << "from byte" << m_resumeFrom;
        headers.append({"Range", "bytes=" + QByteArray::number(m_resumeFrom) + '-'});
    }
    m_call =
        m_api.client().call({ApiCall::Method::Get, m_api.client().apiUrl(m_source.encodedPath()),
                             nullptr, -1, headers, false});
    connect(m_call, &ApiCall::responseStarted, this, &DownloadJob::onResponseStarted);
    connect(m_call, &ApiCall::dataReceived, this, &DownloadJob::onData);
    connect(m_call, &ApiCall::finished, this, &DownloadJob::onFinished);
}

bool DownloadJob::hashExistingPart()
{
    m_hash.reset();
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    m_part.seek(0);
    while (true) {
        const qint64 got = m_part.read(chunk.data(), chunk.size());
        if (got < 0)
            return false;
        if (got == 0)
            return true;
        m_hash.add(chunk.constData(), got);
    }
}

void DownloadJob::onResponseStarted()
{
    m_headerSha256 = QString::fromLatin1(m_call->header("X-Checksum-SHA256")).trimmed().toLower();
    if (m_call->status() == 206) {
        static const QRegularExpression range(QStringLiteral("^bytes (\\d+)-(\\d+)/(\\d+)$"));
        const auto match = range.match(QString::fromLatin1(m_call->header("Content-Range")));
        if (!match.hasMatch() || match.captured(1).toLongLong() != m_resumeFrom) {
            m_call->abortWith(ApiError(ApiError::Kind::Protocol,
                                       tr("The server resumed at the wrong position.")));
            return;
        }
        m_total = match.captured(3).toLongLong();
        return;
    }
    // A whole answer: start the part file over.
    m_resumeFrom = 0;
    m_received = 0;
    m_hash.reset();
    m_part.resize(0);
    m_part.seek(0);
    const QByteArray length = m_call->header("Content-Length");
    m_total = length.isEmpty() ? -1 : length.toLongLong();
}

void DownloadJob::onData(const QByteArray &chunk)
{
    if (m_part.write(chunk) != chunk.size()) {
        m_call->abortWith(ApiError(ApiError::Kind::Local,
                                   tr("Writing %1 failed: %2. Free some disk space and resume; "
                                      "what was received is kept.")
                                       .arg(partPath(), m_part.errorString())));
        return;
    }
    m_hash.add(chunk);
    m_received += chunk.size();
    Q_EMIT progress(m_received, m_total);
}

void DownloadJob::onFinished()
{
    ApiCall *call = m_call;
    m_call = nullptr;
    call->deleteLater();
    if (call->error().isError()) {
        if (call->status() == 416 && m_resumeFrom > 0) {
            // The part already holds the whole file: verify it as it is.
            m_total = m_resumeFrom;
        } else {
            m_part.close(); // kept for a later resume
            return finish(call->error().withContext(tr("Downloading %1").arg(m_source.fileName)));
        }
    }
    if (!m_part.flush()) {
        m_part.close();
        return finish(ApiError(ApiError::Kind::Local,
                               tr("Writing %1 failed: %2").arg(partPath(), m_part.errorString())));
    }
    if (!m_expectedSha256.isEmpty())
        return verify(m_expectedSha256);
    if (!m_headerSha256.isEmpty())
        return verify(m_headerSha256);
    // Object-storage redirects carry no checksum header: ask the package-files API, which
    // deploy tokens cannot read (gitlab-api.md §2.1). The part file stays for a later attempt.
    if (m_api.client().account().kind == CredentialKind::DeployToken) {
        return finish(ApiError(
            ApiError::Kind::Integrity,
            tr("%1 cannot be verified: GitLab's object storage sends no checksum, and deploy "
               "tokens may not read the package file list that holds it. Download it with a "
               "personal access token, or give the expected SHA-256.")
                .arg(m_source.fileName)));
    }
    m_api.versionFiles(m_source.project, m_source.packageName, m_source.version, this,
                       [this](Result<VersionFiles> version) {
                           if (!version.ok())
                               return finish(version.error().withContext(
                                   tr("Looking up the checksum of %1").arg(m_source.fileName)));
                           const PackageFile *newest =
                               version.value().newest(m_source.storedName());
                           if (!newest || newest->sha256.isEmpty()) {
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
    const QString actual = m_hash.hexDigest();
    m_part.close();
    if (actual != expected) {
        QFile::remove(partPath());
        return finish(ApiError(
            ApiError::Kind::Integrity,
            tr("%1 arrived damaged (SHA-256 %2, expected %3); it was discarded. Download it again.")
                .arg(m_source.fileName, actual, expected)));
    }
    if (m_overwrite && QFile::exists(m_targetPath) && !QFile::remove(m_targetPath))
        return finish(ApiError(ApiError::Kind::Local, tr("Cannot replace %1.").arg(m_targetPath)));
    if (!QFile::rename(partPath(), m_targetPath))
        return finish(
            ApiError(ApiError::Kind::Local, tr("Cannot move %1 into place.").arg(partPath())));
    finish(Success{});
}

void DownloadJob::cancel()
{
    if (m_call)
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
