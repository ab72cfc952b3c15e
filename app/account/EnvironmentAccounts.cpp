#include "account/EnvironmentAccounts.h"

namespace Stevedore {

namespace {

QString value(const QProcessEnvironment &environment, const char *name)
{
    return environment.value(QLatin1String(name)).trimmed();
}

// A URL, or a bare host (with an optional port and path), which means https.
QUrl hostUrl(const QString &text)
{
    if (text.contains(QLatin1String("://")))
        return QUrl(text, QUrl::StrictMode);
    return QUrl(QString(QStringLiteral("https://") + text), QUrl::StrictMode);
}

EnvironmentAccount personalToken(const QString &name, const QUrl &baseUrl, const QString &token)
{
    EnvironmentAccount entry;
    entry.account.id = name;
    entry.account.name = name;
    entry.account.baseUrl = baseUrl;
    entry.account.kind = CredentialKind::PersonalAccessToken;
    entry.account.persistent = false;
    entry.secret = token;
    return entry;
}

} // namespace

EnvironmentAccounts EnvironmentAccounts::read(const QProcessEnvironment &environment,
                                              const QUrl &serverUrl)
{
    EnvironmentAccounts result;

    const QString host = value(environment, "GITLAB_HOST");
    const QString token = value(environment, "GITLAB_TOKEN");
    const QUrl commandLineUrl = normalizedBaseUrl(serverUrl);
    if (!host.isEmpty()) {
        const QUrl baseUrl = normalizedBaseUrl(hostUrl(host));
        if (baseUrl.isEmpty()) {
            result.warnings << tr("GITLAB_HOST=%1 is not an http(s) URL or a host name; it is "
                                  "ignored. Set it to your GitLab's address, for example "
                                  "https://gitlab.example.com.")
                                   .arg(host);
        } else {
            EnvironmentAccount entry;
            result.accounts << personalToken(QLatin1String(kGitLabHostName), baseUrl, token);
        }
    } else if (!token.isEmpty() && !commandLineUrl.isEmpty()) {
        result.accounts << personalToken(QLatin1String(kGitLabTokenName), commandLineUrl, token);
    } else if (!token.isEmpty()) {
        // glab would send it to gitlab.com; a token is not sent anywhere we were not told.
        result.warnings << tr("GITLAB_TOKEN is set but neither GITLAB_HOST nor --url is, so the "
                              "token is not used. Set GITLAB_HOST to your GitLab's address (for "
                              "example gitlab.com), or name it with --url.");
    }

    const QString apiUrl = value(environment, "CI_API_V4_URL");
    const QString jobToken = value(environment, "CI_JOB_TOKEN");
    if (!apiUrl.isEmpty() && !jobToken.isEmpty()) {
        const QUrl baseUrl = normalizedBaseUrl(QUrl(apiUrl, QUrl::StrictMode));
        if (baseUrl.isEmpty()) {
            result.warnings << tr("CI_API_V4_URL=%1 is not an http(s) URL; the CI job token is "
                                  "not used.")
                                   .arg(apiUrl);
        } else {
            EnvironmentAccount entry;
            entry.account.id = QLatin1String(kCiJobName);
            entry.account.name = entry.account.id;
            entry.account.baseUrl = baseUrl;
            entry.account.kind = CredentialKind::JobToken;
            entry.account.defaultProject = value(environment, "CI_PROJECT_ID");
            entry.account.persistent = false;
            entry.secret = jobToken;
            result.accounts << entry;
        }
    }

    QString caFile = value(environment, "CI_SERVER_TLS_CA_FILE");
    if (caFile.isEmpty())
        caFile = value(environment, "SSL_CERT_FILE");
    // TLS settings: an http:// server has no certificate to check.
    for (EnvironmentAccount &entry : result.accounts) {
        if (entry.account.baseUrl.scheme() == QLatin1String("https"))
            entry.account.caBundlePath = caFile;
    }
    return result;
}

} // namespace Stevedore
