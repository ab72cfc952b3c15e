#pragma once

// One account's GitLabClient and GitLabApi against a test server, as the application holds
// them, for the tests that drive the core client directly (integration and model tests; they
// link stevedore_core themselves).

#include "api/GitLabApi.h"
#include "api/GitLabClient.h"
#include "core/Account.h"

#include <QString>
#include <QUrl>

#include <memory>

namespace Stevedore::Test {

// A session-only account on `baseUrl`, named after its token kind ("sim-personal", …).
inline Account simAccount(const QUrl &baseUrl, CredentialKind kind, const QString &username = {})
{
    Account account;
    account.id = QStringLiteral("sim-") + credentialKindId(kind);
    account.name = account.id;
    account.baseUrl = baseUrl;
    account.kind = kind;
    account.username = username;
    account.persistent = false;
    return account;
}

struct Session
{
    Session(const Account &account, const QString &secret)
        : client(std::make_unique<GitLabClient>(account, secret))
        , api(std::make_unique<GitLabApi>(*client))
    {
    }
    Session(const QUrl &baseUrl, CredentialKind kind, const QString &secret,
            const QString &username = {})
        : Session(simAccount(baseUrl, kind, username), secret)
    {
    }

    std::unique_ptr<GitLabClient> client;
    std::unique_ptr<GitLabApi> api;
};

// A handle for a TransferQueue's ApiProvider on an API the test owns: it shares no ownership,
// so the queue never keeps the API alive nor deletes it.
inline std::shared_ptr<GitLabApi> apiHandle(GitLabApi &api)
{
    return std::shared_ptr<GitLabApi>(std::shared_ptr<GitLabApi>(), &api);
}

} // namespace Stevedore::Test
