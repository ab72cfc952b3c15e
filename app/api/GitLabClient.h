#pragma once

#include "api/ApiCall.h"
#include "api/RetryPolicy.h"
#include "core/Account.h"
#include "core/UrlSegments.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QObject>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <chrono>
#include <memory>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace Stevedore {

class CurlConnections;

// The one network choke point for an account: every request to GitLab (and every redirect
// target) is built by buildRequest(), which decides the credential header, the user agent,
// the TLS configuration and the redirect policy.
class GitLabClient final : public QObject
{
    Q_OBJECT

public:
    GitLabClient(Account account, QString secret, QObject *parent = nullptr);
    ~GitLabClient() override;

    const Account &account() const { return m_account; }

    // base URL + /api/v4/ + encodedPath (segments already percent-encoded) + query.
    QUrl apiUrl(const QByteArray &encodedPath, const QUrlQuery &query = {}) const;

    // Creates and starts a call; the caller owns it (delete it or parent it after finished()).
    ApiCall *call(ApiCall::Options options);

    // Credentials are attached only when url has the account's origin (scheme, host, port).
    QNetworkRequest buildRequest(const QUrl &url) const;
    bool isSameOrigin(const QUrl &url) const;
    QNetworkAccessManager *network() { return &m_network; }

    std::chrono::milliseconds inactivityTimeout() const { return m_inactivityTimeout; }
    void setInactivityTimeout(std::chrono::milliseconds timeout) { m_inactivityTimeout = timeout; }

    // A response body that arrives, but slower than `bytesPerSecond` over a whole `window`, is
    // cut off (a body that stops entirely is the inactivity timeout's).
    struct SlowBodyFloor
    {
        qint64 bytesPerSecond = 1024;
        std::chrono::milliseconds window{30000};
    };
    const SlowBodyFloor &slowBodyFloor() const { return m_slowBodyFloor; }
    void setSlowBodyFloor(const SlowBodyFloor &floor) { m_slowBodyFloor = floor; }

    // The most bytes per second an upload or a download body may move (each transfer on its
    // own); 0, the default: no limit. Applies to transfers started afterwards.
    qint64 transferRateLimit() const { return m_transferRateLimit; }
    void setTransferRateLimit(qint64 bytesPerSecond) { m_transferRateLimit = bytesPerSecond; }

    // How GitLabApi retries its read-only calls.
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }

    // The certificate authorities Qt trusts for this account, as one PEM text: the system's and
    // those of the account's CA file. Built on first use (for CurlCall), then kept.
    QByteArray trustedCaPem() const;
    // The connections libcurl keeps open between this account's uploads and downloads (made on
    // first use, after curl_global_init).
    std::shared_ptr<CurlConnections> curlConnections();

    // Set when the account's CA bundle cannot be used; every call fails with it.
    const ApiError &configurationError() const { return m_configurationError; }

    // Whether the server answered the last call that ended, for an Online/Offline indicator:
    // any HTTP answer means it is reachable; a connection or TLS failure or a timeout without
    // one means it is not. Calls that were cancelled or never sent change nothing.
    enum class Reachability { Unknown, Reachable, Unreachable };
    Reachability reachability() const { return m_reachability; }
    QString unreachableReason() const { return m_unreachableReason; }
    void noteCallEnded(int httpStatus, const ApiError &error); // by ApiCall

Q_SIGNALS:
    void reachabilityChanged();
    // A read-only call failed transiently and is tried again: "… GitLab asked to wait 3 min;
    // retrying at 14:05."
    void retrying(const QString &notice);

private:
    Account m_account;
    QString m_secret;
    QNetworkAccessManager m_network;
    // Made at the first https request: loading the TLS backend costs a plain-http account
    // about 4 MiB of resident memory for nothing.
    const QSslConfiguration &sslConfiguration() const;
    mutable std::optional<QSslConfiguration> m_ssl;
    QList<QSslCertificate> m_accountCas;
    mutable QByteArray m_trustedCaPem;
    std::shared_ptr<CurlConnections> m_curlConnections;
    ApiError m_configurationError;
    std::chrono::milliseconds m_inactivityTimeout{std::chrono::seconds(60)};
    SlowBodyFloor m_slowBodyFloor;
    qint64 m_transferRateLimit = 0;
    RetryPolicy m_retryPolicy;
    Reachability m_reachability = Reachability::Unknown;
    QString m_unreachableReason;
};

} // namespace Stevedore
