#include "api/GitLabClient.h"

#include "api/CurlConnections.h"
#include "core/Version.h"

#include <QFile>
#include <QNetworkProxyFactory>
#include <QSslCertificate>

Q_LOGGING_CATEGORY(lcApi, "stevedore.api", QtWarningMsg)

namespace Stevedore {

GitLabClient::GitLabClient(Account account, QString secret, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_secret(std::move(secret))
{
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    m_network.setAutoDeleteReplies(false);
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);

    if (!m_account.caBundlePath.isEmpty()) {
        const QList<QSslCertificate> certificates =
            QSslCertificate::fromPath(m_account.caBundlePath, QSsl::Pem);
        if (certificates.isEmpty()) {
            m_configurationError =
                ApiError(ApiError::Kind::Configuration,
                         tr("The CA file %1 could not be read or holds no PEM certificate. Choose "
                            "the PEM file of your GitLab's certificate authority.")
                             .arg(m_account.caBundlePath));
        }
        m_accountCas = certificates;
    }
}

const QSslConfiguration &GitLabClient::sslConfiguration() const
{
    if (!m_ssl) {
        m_ssl = QSslConfiguration::defaultConfiguration();
        m_ssl->addCaCertificates(m_accountCas);
    }
    return *m_ssl;
}

std::shared_ptr<CurlConnections> GitLabClient::curlConnections()
{
    if (!m_curlConnections)
        m_curlConnections = std::make_shared<CurlConnections>();
    return m_curlConnections;
}

QByteArray GitLabClient::trustedCaPem() const
{
    if (m_trustedCaPem.isEmpty()) {
        const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
        for (const QList<QSslCertificate> *list : {&system, &m_accountCas}) {
            for (const QSslCertificate &certificate : *list)
                m_trustedCaPem += certificate.toPem();
        }
    }
    return m_trustedCaPem;
}

GitLabClient::~GitLabClient() = default;

QUrl GitLabClient::apiUrl(const QByteArray &encodedPath, const QUrlQuery &query) const
{
    QByteArray url =
        m_account.baseUrl.toEncoded(QUrl::StripTrailingSlash) + "/api/v4/" + encodedPath;
    if (!query.isEmpty())
        url += '?' + query.toString(QUrl::FullyEncoded).toLatin1();
    return QUrl::fromEncoded(url, QUrl::StrictMode);
}

bool GitLabClient::isSameOrigin(const QUrl &url) const
{
    const auto port = [](const QUrl &u) {
        return u.port(u.scheme() == QLatin1String("https") ? 443 : 80);
    };
    return url.scheme() == m_account.baseUrl.scheme()
           && url.host().compare(m_account.baseUrl.host(), Qt::CaseInsensitive) == 0
           && port(url) == port(m_account.baseUrl);
}

QNetworkRequest GitLabClient::buildRequest(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // Cookies are never stored or sent: a cookie jar would hand them to any port of the same host.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QString(QStringLiteral("Stevedore/") + applicationVersion()));
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(sslConfiguration());
    if (!isSameOrigin(url) || m_secret.isEmpty())
        return request;
    const QByteArray secret = m_secret.toUtf8();
    switch (m_account.kind) {
    case CredentialKind::PersonalAccessToken:
        request.setRawHeader("PRIVATE-TOKEN", secret);
        break;
    case CredentialKind::DeployToken:
        request.setRawHeader("Deploy-Token", secret);
        break;
    case CredentialKind::JobToken:
        request.setRawHeader("JOB-TOKEN", secret);
        break;
    case CredentialKind::OAuthToken:
        request.setRawHeader("Authorization", "Bearer " + secret);
        break;
    case CredentialKind::BasicAuth:
        // GitLab takes Basic only on the generic package routes; elsewhere the password, a
        // personal access token, goes as PRIVATE-TOKEN.
        if (url.path(QUrl::FullyEncoded).contains(QLatin1String("/packages/generic/")))
            request.setRawHeader(
                "Authorization",
                "Basic " + QByteArray(m_account.username.toUtf8() + ':' + secret).toBase64());
        else
            request.setRawHeader("PRIVATE-TOKEN", secret);
        break;
    }
    return request;
}

ApiCall *GitLabClient::call(ApiCall::Options options)
{
    auto *apiCall = new ApiCall(this, std::move(options));
    apiCall->start();
    return apiCall;
}

void GitLabClient::noteCallEnded(int httpStatus, const ApiError &error)
{
    Reachability now = Reachability::Unknown;
    if (httpStatus > 0)
        now = Reachability::Reachable;
    else if (error.kind() == ApiError::Kind::Network || error.kind() == ApiError::Kind::Timeout
             || error.kind() == ApiError::Kind::Tls)
        now = Reachability::Unreachable;
    if (now == Reachability::Unknown)
        return;
    const QString reason = now == Reachability::Unreachable ? error.message() : QString();
    if (now == m_reachability && reason == m_unreachableReason)
        return;
    m_reachability = now;
    m_unreachableReason = reason;
    Q_EMIT reachabilityChanged();
}

} // namespace Stevedore
