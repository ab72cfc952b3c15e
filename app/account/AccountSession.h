#pragma once

#include "account/AccountStore.h"
#include "account/EnvironmentAccounts.h"
#include "account/MemorySecretStore.h"
#include "account/SecretStore.h"
#include "api/GitLabApi.h"

#include <QObject>
#include <QProcessEnvironment>

#include <memory>

namespace Stevedore {

// The accounts the window can use (saved ones and those of the environment) and the active
// one with its client. Tokens come from the keychain, asynchronously; an account added while
// no keychain works keeps its token in memory for this session only.
class AccountSession final : public QObject
{
    Q_OBJECT

public:
    AccountSession(
        AccountStore &store, SecretStore &keychain,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
        QObject *parent = nullptr);
    ~AccountSession() override;

    QList<Account> accounts() const; // saved first, then environment and session-only ones
    std::optional<Account> account(const QString &id) const;
    std::optional<Account> forUrl(const QUrl &url) const;
    bool isSessionOnly(const QString &id) const;

    const Account *active() const { return m_active ? &*m_active : nullptr; }
    GitLabApi *api() const { return m_api.get(); } // null until the active account's token is read
    GitLabApi *apiFor(const QString &accountId) const; // the active account's api, else null

    void activate(const QString &accountId);
    // Stores the secret in the keychain and saves the account; when the keychain fails the
    // account lives for this session only and keychainUnavailable() says why.
    void add(Account account, const QString &secret);
    void remove(const QString &accountId);

Q_SIGNALS:
    void accountsChanged();
    void activated(); // api() is ready for active()
    void activationFailed(const Stevedore::ApiError &error);
    void keychainUnavailable(const QString &message);

private:
    void open(const Account &account, const QString &secret);

    AccountStore &m_store;
    SecretStore &m_keychain;
    MemorySecretStore m_session;
    QList<EnvironmentAccount> m_environment;
    QList<Account> m_sessionAccounts;
    std::optional<Account> m_active;
    std::unique_ptr<GitLabClient> m_client;
    std::unique_ptr<GitLabApi> m_api;
    int m_generation = 0; // ignores keychain answers for an account that is no longer wanted
};

} // namespace Stevedore
