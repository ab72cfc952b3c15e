#include "core/ApiError.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <climits>

namespace Stevedore {

namespace {

// Reads GitLab's error shapes: {"message": "…" | {…}}, {"error": "…", "error_description": "…"}.
QString serverMessageOf(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return QString::fromUtf8(body.left(200)).trimmed();
    const QJsonObject object = document.object();
    const QJsonValue message = object.value(QLatin1String("message"));
    if (message.isString())
        return message.toString();
    if (message.isObject())
        return QString::fromUtf8(QJsonDocument(message.toObject()).toJson(QJsonDocument::Compact));
    const QString error = object.value(QLatin1String("error")).toString();
    const QString description = object.value(QLatin1String("error_description")).toString();
    return description.isEmpty() ? error : error + QStringLiteral(": ") + description;
}

// Retry-After is delay-seconds or an HTTP date (RFC 9110 §10.2.3).
std::optional<int> parseRetryAfter(const QByteArray &header)
{
    const QByteArray value = header.trimmed();
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional<int>(int(std::min<qint64>(seconds, INT_MAX)))
                            : std::nullopt;
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    const qint64 until = QDateTime::currentDateTimeUtc().secsTo(when);
    return int(std::clamp<qint64>(until, 0, INT_MAX));
}

} // namespace

ApiError::ApiError(Kind kind, QString message, int httpStatus, QString serverMessage)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_httpStatus(httpStatus)
    , m_serverMessage(std::move(serverMessage))
{
}

ApiError ApiError::fromHttp(int status, const QByteArray &body, const QByteArray &retryAfterHeader)
{
    const QString server = serverMessageOf(body);
    const auto make = [&](Kind kind, const QString &message) {
        return ApiError(kind, message, status, server);
    };

    if (status == 401) {
        if (server.contains(QLatin1String("expired"), Qt::CaseInsensitive))
            return make(
                Kind::Auth,
                tr("The token has expired. Create a new token in GitLab and update the account."));
        if (server.contains(QLatin1String("revoked"), Qt::CaseInsensitive))
            return make(
                Kind::Auth,
                tr("The token was revoked. Create a new token in GitLab and update the account."));
        return make(
            Kind::Auth,
            tr("GitLab did not accept the token (HTTP 401). Check that it is typed correctly, "
               "is of the kind chosen for the account and has not expired."));
    }
    if (status == 403) {
        if (server.contains(QLatin1String("insufficient_scope")))
            return make(
                Kind::Scope,
                tr("The token's scope is too narrow: uploading and deleting need a token with "
                   "the api scope (read_api only allows browsing and downloading)."));
        if (server.contains(QLatin1String("deletion protected")))
            return make(
                Kind::Role,
                tr("This package is protected against deletion in this project; deleting it "
                   "needs a higher role."));
        if (server.contains(QLatin1String("Package protected")))
            return make(Kind::Role,
                        tr("This package name is protected in this project; publishing it needs a "
                           "higher role (or is not allowed for deploy tokens)."));
        return make(Kind::Role,
                    tr("Your role in this project does not allow this. Uploading needs at least "
                       "Developer, deleting needs Maintainer; deploy tokens need "
                       "write_package_registry to upload."));
    }
    if (status == 404) {
        if (server == QLatin1String("404 Not found")
            || server == QLatin1String("Package not found"))
            return make(Kind::NotFound, tr("No such package, version or file."));
        return make(Kind::NotFound,
                    tr("The project does not exist, or this account cannot see it. Check the "
                       "project path or id and the account."));
    }
    if (status == 400 && server.contains(QLatin1String("Duplicate package")))
        return make(Kind::Duplicate,
                    tr("This group does not allow duplicate files: the version already has a file "
                       "with this name. Publish a new version or replace the file."));
    if ((status == 400 && server.contains(QLatin1String("File is too large"))) || status == 413)
        return make(Kind::TooLarge,
                    tr("The file is larger than this GitLab instance accepts for generic packages "
                       "(5 GiB unless the administrator changed the limit)."));
    if (status == 400)
        return make(Kind::Validation, tr("GitLab rejected the request: %1.").arg(server));
    if (status == 429) {
        ApiError error =
            make(Kind::RateLimited, tr("GitLab is rate limiting requests; try again later."));
        error.m_retryAfter = parseRetryAfter(retryAfterHeader);
        return error;
    }
    if (status >= 500) {
        ApiError error =
            make(Kind::Server, tr("GitLab answered with a server error (HTTP %1). This "
                                  "is usually temporary; try again.")
                                   .arg(status));
        error.m_retryAfter = parseRetryAfter(retryAfterHeader);
        return error;
    }
    return make(Kind::Protocol,
                tr("GitLab answered with an unexpected HTTP %1: %2").arg(status).arg(server));
}

ApiError ApiError::fromNetwork(QNetworkReply::NetworkError error, const QString &detail)
{
    switch (error) {
    case QNetworkReply::OperationCanceledError:
        return ApiError(Kind::Cancelled, tr("Cancelled."));
    case QNetworkReply::TimeoutError:
        return ApiError(
            Kind::Timeout,
            tr("The server stopped answering (%1). Check the network and try again.").arg(detail));
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError(Kind::Tls, tr("The secure connection failed: %1").arg(detail));
    case QNetworkReply::HostNotFoundError:
        return ApiError(Kind::Network,
                        tr("The server's name could not be resolved (%1). Check the URL and the "
                           "network.")
                            .arg(detail));
    case QNetworkReply::ConnectionRefusedError:
        return ApiError(
            Kind::Network,
            tr("The server refused the connection (%1). Check the URL and port.").arg(detail));
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return ApiError(Kind::Network,
                        tr("The proxy failed (%1). Check the system proxy settings.").arg(detail));
    default:
        return ApiError(
            Kind::Network,
            tr("The connection failed (%1). Check the network and try again.").arg(detail));
    }
}

ApiError ApiError::proxyRefused(const QString &address)
{
    return ApiError(Kind::Network, tr("The proxy at %1 refused the connection. Check the proxy "
                                      "settings (https_proxy, http_proxy, no_proxy).")
                                       .arg(address));
}

bool ApiError::isTransient() const
{
    return m_kind == Kind::Network || m_kind == Kind::Timeout || m_kind == Kind::Server
           || m_kind == Kind::RateLimited;
}

ApiError ApiError::withContext(const QString &prefix) const
{
    ApiError copy = *this;
    copy.m_message = prefix + QStringLiteral(": ") + m_message;
    return copy;
}

namespace {
constexpr const char *kKindNames[] = {
    "none",   "network",   "timeout",       "tls",       "auth",      "scope",
    "role",   "not_found", "validation",    "duplicate", "too_large", "rate_limited",
    "server", "protocol",  "configuration", "cancelled", "local",     "integrity"};
} // namespace

QString apiErrorKindName(ApiError::Kind kind)
{
    return QLatin1String(kKindNames[int(kind)]);
}

ApiError::Kind apiErrorKindFromName(const QString &name)
{
    for (int kind = 0; kind < int(std::size(kKindNames)); ++kind) {
        if (name == QLatin1String(kKindNames[kind]))
            return ApiError::Kind(kind);
    }
    return ApiError::Kind::None;
}

} // namespace Stevedore
