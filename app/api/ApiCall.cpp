#include "api/ApiCall.h"

#include "api/GitLabClient.h"

#include <QCryptographicHash>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSslCertificate>

namespace Stevedore {

namespace {

constexpr qint64 kReadBufferSize = 1024 * 1024;

} // namespace

bool ApiCall::isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString ApiCall::loggable(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString();
}

QString ApiCall::describeCertificate(const QSslCertificate &certificate)
{
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper();
    return tr("certificate \"%1\", issued by \"%2\", SHA-256 fingerprint %3")
        .arg(certificate.subjectDisplayName(), certificate.issuerDisplayName(),
             QString::fromLatin1(digest));
}

ApiError ApiCall::redirectedWriteError(const QUrl &target)
{
    return ApiError(
        ApiError::Kind::Configuration,
        tr("GitLab answered with a redirect to %1. Uploads and deletions are never redirected: "
           "check the account's URL (for example http:// instead of https://) and the project.")
            .arg(loggable(target)));
}

ApiError ApiCall::refusedRedirect(const QUrl &from, const QUrl &target, int redirects)
{
    if (from.scheme() == QLatin1String("https") && target.scheme() != QLatin1String("https"))
        return ApiError(
            ApiError::Kind::Configuration,
            tr("Refusing to follow a redirect from https to %1, which is not encrypted.")
                .arg(loggable(target)));
    const bool web =
        target.scheme() == QLatin1String("https") || target.scheme() == QLatin1String("http");
    if (!target.isValid() || !web || redirects > kMaxRedirects)
        return ApiError(ApiError::Kind::Protocol,
                        tr("Too many or invalid redirects (last: %1).").arg(loggable(target)));
    return {};
}

ApiError ApiCall::untrustedCertificateError(const QString &detail)
{
    return ApiError(ApiError::Kind::Tls,
                    tr("The server's certificate is not trusted: %1. If this is your GitLab's own "
                       "certificate authority, add its CA file to the account.")
                        .arg(detail));
}

ApiError ApiCall::oversizedHeadersError(qint64 headerBytes)
{
    return ApiError(ApiError::Kind::Protocol,
                    headerBytes <= 0
                        ? tr("The server's answer has response headers that could not be read "
                             "(oversized or malformed); giving up.")
                        : tr("The server's answer has %1 KiB of response headers, more than "
                             "the %2 KiB accepted; giving up.")
                              .arg(headerBytes / 1024)
                              .arg(kMaxHeaderBytes / 1024));
}

ApiError ApiCall::oversizedBodyError()
{
    return ApiError(ApiError::Kind::Protocol,
                    tr("GitLab's answer is unexpectedly large; giving up."));
}

ApiCall::ApiCall(GitLabClient *client, Options options)
    : m_client(client)
    , m_options(std::move(options))
    , m_currentUrl(m_options.url)
{
    m_inactivity.setSingleShot(true);
    connect(&m_inactivity, &QTimer::timeout, this, [this] {
        finish(ApiError::fromNetwork(QNetworkReply::TimeoutError,
                                     tr("no data for %1 s").arg(m_inactivity.interval() / 1000)));
    });
    connect(&m_bodyRate, &QTimer::timeout, this, &ApiCall::checkBodyRate);
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::start()
{
    if (m_client && m_client->configurationError().isError()) {
        const ApiError error = m_client->configurationError();
        QMetaObject::invokeMethod(
            this, [this, error] { finish(error); }, Qt::QueuedConnection);
        return;
    }
    send();
}

void ApiCall::send()
{
    QNetworkRequest request = m_client->buildRequest(m_currentUrl);
    for (const auto &[name, value] : std::as_const(m_options.headers))
        request.setRawHeader(name, value);
    if (m_options.bufferBody)
        request.setRawHeader("Accept", "application/json");
    QNetworkAccessManager *network = m_client->network();
    switch (m_options.method) {
    case Method::Get:
        m_reply = network->get(request);
        break;
    case Method::Head:
        m_reply = network->head(request);
        break;
    case Method::Delete:
        m_reply = network->deleteResource(request);
        break;
    }
    m_reply->setReadBufferSize(kReadBufferSize);
    m_status = 0;
    m_streaming = false;
    m_bodyRate.stop();
    m_bodyBytes = 0;
    m_bodyBytesAtCheck = 0;
    m_body.clear();
    m_headers.clear();
    m_tlsDetail.clear();
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ApiCall::onMetaData);
    connect(m_reply, &QIODevice::readyRead, this, &ApiCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        touch();
        if (!isRedirect(m_status))
            Q_EMIT downloadProgress(received, total);
    });
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        m_tlsDetail = texts.join(QStringLiteral("; "));
        const QList<QSslCertificate> chain = m_reply->sslConfiguration().peerCertificateChain();
        const QSslCertificate certificate =
            !errors.isEmpty() && !errors.first().certificate().isNull()
                ? errors.first().certificate()
                : (chain.isEmpty() ? QSslCertificate() : chain.first());
        if (!certificate.isNull())
            m_tlsDetail +=
                QStringLiteral(" (") + describeCertificate(certificate) + QLatin1Char(')');
    });
    touch();
}

void ApiCall::touch()
{
    if (m_client && !m_finished)
        m_inactivity.start(m_client->inactivityTimeout());
}

void ApiCall::onMetaData()
{
    if (!m_reply || m_status != 0)
        return;
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_status == 0)
        return;
    // Qt drops a header section it cannot parse (an oversized line makes it lose every
    // header, Content-Length included) and would then wait for the end of the connection.
    const QList<QNetworkReply::RawHeaderPair> headers = m_reply->rawHeaderPairs();
    qint64 headerBytes = 0;
    for (const auto &[name, value] : headers)
        headerBytes += name.size() + value.size() + 4;
    if (headers.isEmpty() || headerBytes > kMaxHeaderBytes) {
        finish(oversizedHeadersError(headers.isEmpty() ? 0 : headerBytes));
        return;
    }
    if (isRedirect(m_status))
        return;
    m_headers = headers;
    m_streaming = !m_options.bufferBody && m_status >= 200 && m_status < 300;
    if (m_client)
        m_bodyRate.start(m_client->slowBodyFloor().window);
    Q_EMIT responseStarted();
}

void ApiCall::onReadyRead()
{
    if (!m_reply)
        return;
    touch();
    onMetaData();
    if (isRedirect(m_status)) {
        m_reply->readAll();
        return;
    }
    if (m_streaming) {
        while (m_reply && m_reply->bytesAvailable() > 0 && !m_finished) {
            const QByteArray chunk = m_reply->read(kReadBufferSize);
            countBody(chunk.size());
            Q_EMIT dataReceived(chunk);
        }
        return;
    }
    const QByteArray chunk = m_reply->readAll();
    countBody(chunk.size());
    m_body += chunk;
    if (m_body.size() > kMaxBufferedBody)
        finish(oversizedBodyError());
}

void ApiCall::countBody(qint64 bytes)
{
    m_bodyBytes += bytes;
}

void ApiCall::checkBodyRate()
{
    if (!m_client || m_finished)
        return;
    const GitLabClient::SlowBodyFloor floor = m_client->slowBodyFloor();
    const qint64 arrived = m_bodyBytes - std::exchange(m_bodyBytesAtCheck, m_bodyBytes);
    const qint64 minimum = floor.bytesPerSecond * floor.window.count() / 1000;
    // Nothing at all is the inactivity timeout's to judge; a trickle is this check's.
    if (arrived == 0 || arrived >= minimum)
        return;
    finish(slowBodyError(arrived, floor.bytesPerSecond, floor.window.count()));
}

ApiError ApiCall::slowBodyError(qint64 arrived, qint64 bytesPerSecond, qint64 windowMs)
{
    return ApiError(ApiError::Kind::Timeout,
                    tr("The server sent only %1 bytes in %2 s, slower than %3 bytes per second; "
                       "the transfer was cut off. Check the network or the server, then try "
                       "again.")
                        .arg(arrived)
                        .arg(windowMs / 1000.0)
                        .arg(bytesPerSecond));
}

void ApiCall::onFinished()
{
    if (!m_reply || m_finished)
        return;
    onMetaData();
    if (m_reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_finished)
        return;
    const QNetworkReply::NetworkError networkError = m_reply->error();
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    qCDebug(lcApi) << m_reply->operation() << loggable(m_currentUrl) << status;
    if (status == 0 && networkError != QNetworkReply::NoError) {
        if (networkError == QNetworkReply::SslHandshakeFailedError && !m_tlsDetail.isEmpty()) {
            finish(untrustedCertificateError(m_tlsDetail));
        } else if (networkError == QNetworkReply::ProxyConnectionRefusedError) {
            const QNetworkProxy proxy =
                QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(m_currentUrl)).value(0);
            finish(ApiError::proxyRefused(proxy.hostName() + QLatin1Char(':')
                                          + QString::number(proxy.port())));
        } else {
            finish(ApiError::fromNetwork(networkError, m_reply->errorString()));
        }
        return;
    }
    if (isRedirect(status)) {
        followRedirect();
        return;
    }
    if (status >= 300) {
        finish(ApiError::fromHttp(status, m_body, m_reply->rawHeader("Retry-After")));
        return;
    }
    if (networkError != QNetworkReply::NoError) { // e.g. the connection dropped mid-body
        finish(ApiError::fromNetwork(networkError, m_reply->errorString()));
        return;
    }
    finish(ApiError());
}

void ApiCall::followRedirect()
{
    const QUrl location = m_reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    const QUrl target = m_currentUrl.resolved(location);
    if (m_options.method == Method::Delete) {
        finish(redirectedWriteError(target));
        return;
    }
    if (const ApiError refused = refusedRedirect(m_currentUrl, target, ++m_redirects);
        refused.isError()) {
        finish(refused);
        return;
    }
    qCDebug(lcApi) << "redirect to" << loggable(target)
                   << (m_client->isSameOrigin(target) ? "(same origin)"
                                                      : "(other origin, no credentials)");
    m_reply->disconnect(this);
    m_reply->deleteLater();
    m_currentUrl = target;
    send();
}

void ApiCall::abort()
{
    finish(ApiError::fromNetwork(QNetworkReply::OperationCanceledError, {}));
}

void ApiCall::abortWith(const ApiError &error)
{
    finish(error);
}

void ApiCall::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (m_client)
        m_client->noteCallEnded(m_status, error);
    m_inactivity.stop();
    m_bodyRate.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        if (m_reply->isRunning())
            m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    Q_EMIT finished();
}

QJsonDocument ApiCall::json() const
{
    return QJsonDocument::fromJson(m_body);
}

QByteArray ApiCall::header(const QByteArray &name) const
{
    return headerValue(m_headers, name);
}

QByteArray ApiCall::headerValue(const QList<QPair<QByteArray, QByteArray>> &headers,
                                const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace Stevedore
