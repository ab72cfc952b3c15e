#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

namespace Stevedore {

// How an account's secret is presented to GitLab.
enum class CredentialKind {
    PersonalAccessToken, // PRIVATE-TOKEN (also project and group access tokens)
    DeployToken,         // Deploy-Token
    JobToken,            // JOB-TOKEN (CI_JOB_TOKEN)
    BasicAuth,           // Authorization: Basic username:token
    OAuthToken,          // Authorization: Bearer
};

QString credentialKindId(CredentialKind kind); // "personal", "deploy", …
std::optional<CredentialKind> credentialKindFromId(const QString &id);
QString credentialKindDisplayName(CredentialKind kind); // translated, for people

// One GitLab identity on one instance. Everything here is safe to store in QSettings; the
// token itself lives only in the keychain (or, for session accounts, in memory).
struct Account
{
    QString id;   // stable, generated when the account is created
    QString name; // what people type after --account and see in the switcher
    QUrl baseUrl; // https://gitlab.example.com (no /api/v4)
    CredentialKind kind = CredentialKind::PersonalAccessToken;
    QString username;       // BasicAuth only
    QString caBundlePath;   // extra PEM CA certificates trusted for this account
    QString defaultProject; // id or full path, e.g. CI_PROJECT_ID
    bool persistent = true; // false: from the environment or session-only, never saved

    // The keychain key: the normalised base URL and the account id.
    QString secretKey() const;
    bool operator==(const Account &other) const = default;
};

// https://GitLab.example.com:443/ → https://gitlab.example.com (lower-case host, default port and
// trailing slashes and /api/v4 removed). Invalid or non-http(s) URLs give an empty QUrl.
QUrl normalizedBaseUrl(const QUrl &url);

// How people see a server: "gitlab.example.com", or "127.0.0.1:8080" with a port that is not
// the default (an account's default name, the account switcher).
QString serverName(const QUrl &url);

} // namespace Stevedore
