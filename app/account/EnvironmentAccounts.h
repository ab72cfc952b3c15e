#pragma once

#include "core/Account.h"

#include <QCoreApplication>
#include <QList>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

namespace Stevedore {

// An account described by environment variables, with its secret. Neither is ever saved:
// account.persistent is false and the secret lives only in this value (and in a
// MemorySecretStore if the caller puts it there).
struct EnvironmentAccount
{
    Account account;
    QString secret; // empty when GITLAB_HOST is set without GITLAB_TOKEN
};

// The accounts the environment describes, in this order:
//
// - GITLAB_HOST (+ optional GITLAB_TOKEN), as glab uses them: a personal access token account
//   named "env:GITLAB_HOST". GITLAB_HOST may be a URL (https://gitlab.example.com/gitlab) or a
//   bare host (gitlab.example.com, gitlab.example.com:8443), which means https.
// - GITLAB_TOKEN without GITLAB_HOST, when the command line names the server (--url): a
//   personal access token account for that server, named "env:GITLAB_TOKEN".
// - Inside a GitLab CI job (CI_API_V4_URL and CI_JOB_TOKEN): a job token account named
//   "env:CI_JOB_TOKEN" whose base URL is CI_API_V4_URL without /api/v4 and whose default
//   project is CI_PROJECT_ID (when set).
//
// Every one trusts the CA certificates (PEM) of CI_SERVER_TLS_CA_FILE, which the GitLab runner
// sets for a server with a private CA, or else of SSL_CERT_FILE, besides the system's.
//
// The account id is the name, so it is the same in every run. Values that cannot be used give
// a warning (translated, naming the variable) instead of an account.
class EnvironmentAccounts final
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::EnvironmentAccounts)

public:
    static constexpr const char *kGitLabHostName = "env:GITLAB_HOST";
    static constexpr const char *kGitLabTokenName = "env:GITLAB_TOKEN";
    static constexpr const char *kCiJobName = "env:CI_JOB_TOKEN";

    QList<EnvironmentAccount> accounts;
    QStringList warnings;

    // `serverUrl` is the server the command line names (--url), or empty.
    static EnvironmentAccounts
    read(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
         const QUrl &serverUrl = {});
};

} // namespace Stevedore
