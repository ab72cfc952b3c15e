#pragma once

#include "account/AccountStore.h"
#include "account/EnvironmentAccounts.h"
#include "account/MemorySecretStore.h"
#include "account/SecretStore.h"
#include "api/GitLabApi.h"

#include <QHash>
#include <QObject>
#include <QProcessEnvironment>

#include <memory>

namespace Stevedore {

// The accounts the window can use (saved ones and those of the environment), a connection (a
// client and its API) for each account signed in during this session, and the active one:
// the account the window shows. Switching the active account opens another connection but
// closes none, and a connection is shared: whatever uses it (a running transfer, a model)
// keeps it alive, so showing another account never touches the transfers of this one. Tokens
// come from the keychain, asynchronously; an account added while no keychain works keeps its
// token in memory for this session only.
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
    // Why variables of the environment made no account (GITLAB_HOST=ftp://…), for the person.
    const QStringList &environmentWarnings() const { return m_environmentWarnings; }

    const Account *active() const { return m_active ? &*m_active : nullptr; }
    // The active account's API; null until its token is read.
    GitLabApi *api() const { return apiFor(m_active ? m_active->id : QString()).get(); }
    // The API of any account signed in during this session, else null.
    std::shared_ptr<GitLabApi> apiFor(const QString &accountId) const;

    // Shows this account: signs in to it first unless it is signed in already.
    void activate(const QString &accountId);
    // Stores the secret in the keychain and saves the account; when the keychain fails the
    // account lives for this session only and keychainUnavailable() says why, and so it does
    // when the settings cannot be written (notSaved(); the keychain entry is taken back).
    void add(Account account, const QString &secret);
    void remove(const QString &accountId);
    // Saved and session-only accounts can be edited; those of the environment cannot.
    bool isEditable(const QString &accountId) const;
    // The token of a saved or session-only account, from the keychain or memory.
    void readSecret(const QString &accountId, QObject *context, Callback<QString> done);
    // Changes an editable account (found by its id). An empty `newSecret` keeps the token. The
    // token is stored under the edited account's key first (a new token, or the old one when
    // the URL, and so the key, changed), then the settings are saved, and only then is an
    // entry under the old key removed: a failure leaves the account as it was and says why
    // (updateFailed), and no keychain entry is orphaned. Its connection, when it has one or
    // is shown, is replaced by one with the new settings: transfers running on the old one
    // finish on it, the next ones (queued items, retries) use the new one.
    void update(Account edited, const QString &newSecret);
    // Bytes per second each upload or download body may move, 0 for no limit: for every
    // connection, open or opened later; transfers that start afterwards keep to it.
    void setTransferRateLimit(qint64 bytesPerSecond);

Q_SIGNALS:
    void accountsChanged();
    void activated();                        // api() is ready for active()
    void signedIn(const QString &accountId); // apiFor(accountId) is ready
    void activationFailed(const Stevedore::ApiError &error);
    void keychainUnavailable(const QString &message);
    void notSaved(const QString &message);
    void updated(const QString &accountId);
    void updateFailed(const QString &accountId, const QString &message);

private:
    void open(const Account &account, const QString &secret);
    void keepForThisSession(Account &account, const QString &secret);
    SecretStore &secretsOf(const QString &accountId);
    void storeEdited(const Account &before, const Account &edited, const QString &secret,
                     bool write);
    bool saveEdited(const Account &edited);
    void reconnect(const Account &account, const QString &secret);

    AccountStore &m_store;
    SecretStore &m_keychain;
    MemorySecretStore m_session;
    QList<EnvironmentAccount> m_environment;
    QStringList m_environmentWarnings;
    QList<Account> m_sessionAccounts;
    std::optional<Account> m_active;
    struct Connection
    {
        std::unique_ptr<GitLabClient> client;
        std::unique_ptr<GitLabApi> api;
    };
    QHash<QString, std::shared_ptr<Connection>> m_connections; // by account id
    qint64 m_transferRateLimit = 0;
    int m_generation = 0; // ignores keychain answers for an account that is no longer wanted
};

} // namespace Stevedore
