#include "core/Account.h"

#include <array>
#include <utility>

namespace Stevedore {

namespace {
constexpr std::array<std::pair<CredentialKind, const char *>, 5> kKindIds{{
    {CredentialKind::PersonalAccessToken, "personal"},
    {CredentialKind::DeployToken, "deploy"},
    {CredentialKind::JobToken, "job"},
    {CredentialKind::BasicAuth, "basic"},
    {CredentialKind::OAuthToken, "oauth"},
}};
} // namespace

QString credentialKindId(CredentialKind kind)
{
    for (const auto &[candidate, id] : kKindIds) {
        if (candidate == kind)
            return QLatin1String(id);
    }
    return {};
}

std::optional<CredentialKind> credentialKindFromId(const QString &id)
{
    for (const auto &[kind, candidate] : kKindIds) {
        if (id == QLatin1String(candidate))
            return kind;
    }
    return std::nullopt;
}

QString credentialKindDisplayName(CredentialKind kind)
{
    switch (kind) {
    case CredentialKind::PersonalAccessToken:
        return QCoreApplication::translate("Stevedore::Account",
                                           "Personal, project or group access token");
    case CredentialKind::DeployToken:
        return QCoreApplication::translate("Stevedore::Account", "Deploy token");
    case CredentialKind::JobToken:
        return QCoreApplication::translate("Stevedore::Account", "CI job token");
    case CredentialKind::BasicAuth:
        return QCoreApplication::translate("Stevedore::Account", "HTTP Basic (username and token)");
    case CredentialKind::OAuthToken:
        return QCoreApplication::translate("Stevedore::Account", "OAuth token");
    }
    return {};
}

QUrl normalizedBaseUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return {};
    QUrl normalized;
    normalized.setScheme(url.scheme());
    normalized.setHost(url.host().toLower());
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        normalized.setPort(url.port());
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.endsWith(QLatin1String("/api/v4")))
        path.chop(7);
    normalized.setPath(path);
    return normalized;
}

QString serverName(const QUrl &url)
{
    if (url.port() == -1)
        return url.host();
    return url.host() + QLatin1Char(':') + QString::number(url.port());
}

QString Account::secretKey() const
{
    return normalizedBaseUrl(baseUrl).toString() + QLatin1Char('#') + id;
}

} // namespace Stevedore
