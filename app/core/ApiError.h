#pragma once

#include <QCoreApplication>
#include <QList>
#include <QNetworkReply>
#include <QString>

#include <optional>

namespace Stevedore {

// What went wrong talking to GitLab, with a sentence a person can act on.
class ApiError final
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::ApiError)

public:
    enum class Kind {
        None,
        Network,       // connection refused, reset, DNS, offline, proxy
        Timeout,       // no data within the inactivity timeout
        Tls,           // handshake or certificate problem
        Auth,          // 401: token wrong, revoked or expired
        Scope,         // 403 insufficient_scope
        Role,          // 403: role too low, package protected
        NotFound,      // 404
        Validation,    // 400 from GitLab's parameter rules, or refused before sending
        Duplicate,     // 400 Duplicate package is not allowed
        TooLarge,      // 400 File is too large, 413
        RateLimited,   // 429
        Server,        // 5xx
        Protocol,      // an answer that does not fit the API (bad JSON, unexpected status)
        Configuration, // redirects we refuse to follow (PUT, https→http)
        Cancelled,
        Local,     // local file problems: unreadable, disk full, target exists
        Integrity, // SHA-256 mismatch
    };

    ApiError() = default;
    ApiError(Kind kind, QString message, int httpStatus = 0, QString serverMessage = {});

    // Classifies an HTTP answer (status ≥ 300) from its status, JSON body and headers.
    static ApiError fromHttp(int status, const QByteArray &body,
                             const QByteArray &retryAfterHeader = {});
    // Classifies a transport failure.
    static ApiError fromNetwork(QNetworkReply::NetworkError error, const QString &detail);
    // The proxy at `address` ("HOST:PORT") could not be reached.
    static ApiError proxyRefused(const QString &address);

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::None; }
    int httpStatus() const { return m_httpStatus; }
    QString serverMessage() const { return m_serverMessage; }
    QString message() const { return m_message; }
    std::optional<int> retryAfterSeconds() const { return m_retryAfter; }

    // Network trouble, timeouts, 5xx and 429 may go away on their own.
    bool isTransient() const;

    ApiError withContext(const QString &prefix) const; // "Uploading x.tar.gz: " + message
    void setRetryAfterSeconds(std::optional<int> seconds) { m_retryAfter = seconds; }

private:
    Kind m_kind = Kind::None;
    QString m_message;
    int m_httpStatus = 0;
    QString m_serverMessage;
    std::optional<int> m_retryAfter;
};

QString apiErrorKindName(ApiError::Kind kind); // "network", "auth", … for --json output
ApiError::Kind apiErrorKindFromName(const QString &name); // Kind::None for an unknown name

} // namespace Stevedore
