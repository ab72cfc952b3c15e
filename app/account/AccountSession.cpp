#include "account/AccountSession.h"

namespace Stevedore {

AccountSession::AccountSession(AccountStore &store, SecretStore &keychain,
                               const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_keychain(keychain)
{
    const EnvironmentAccounts read = EnvironmentAccounts::read(environment);
    m_environment = read.accounts;
    m_environmentWarnings = read.warnings;
    m_environment.removeIf([](const EnvironmentAccount &entry) { return entry.secret.isEmpty(); });
}

AccountSession::~AccountSession() = default;

QList<Account> AccountSession::accounts() const
{
    QList<Account> all = m_store.accounts();
    for (const EnvironmentAccount &entry : m_environment)
        all.append(entry.account);
    all.append(m_sessionAccounts);
    return all;
}

std::optional<Account> AccountSession::account(const QString &id) const
{
    for (const Account &candidate : accounts()) {
        if (candidate.id == id)
            return candidate;
    }
    return std::nullopt;
}

std::optional<Account> AccountSession::forUrl(const QUrl &url) const
{
    const QUrl wanted = normalizedBaseUrl(url);
    for (const Account &candidate : accounts()) {
        if (normalizedBaseUrl(candidate.baseUrl) == wanted)
            return candidate;
    }
    return std::nullopt;
}

bool AccountSession::isSessionOnly(const QString &id) const
{
    return std::any_of(m_sessionAccounts.begin(), m_sessionAccounts.end(),
                       [&](const Account &candidate) { return candidate.id == id; });
}

std::shared_ptr<GitLabApi> AccountSession::apiFor(const QString &accountId) const
{
    const std::shared_ptr<Connection> connection = m_connections.value(accountId);
    if (!connection)
        return nullptr;
    // Shares the connection's ownership: the client lives as long as anyone holds its API.
    return std::shared_ptr<GitLabApi>(connection, connection->api.get());
}

void AccountSession::activate(const QString &accountId)
{
    const auto chosen = account(accountId);
    if (!chosen)
        return;
    const int generation = ++m_generation;
    m_active = chosen;
    if (m_connections.contains(accountId)) {
        if (!isSessionOnly(accountId))
            m_store.setLastAccountId(accountId);
        return Q_EMIT activated();
    }
    for (const EnvironmentAccount &entry : std::as_const(m_environment)) {
        if (entry.account.id == accountId)
            return open(entry.account, entry.secret);
    }
    SecretStore &secrets =
        isSessionOnly(accountId) ? static_cast<SecretStore &>(m_session) : m_keychain;
    secrets.read(chosen->secretKey(), this,
                 [this, generation, account = *chosen](Result<QString> secret) {
                     if (generation != m_generation)
                         return;
                     if (!secret.ok())
                         return Q_EMIT activationFailed(secret.error());
                     open(account, secret.value());
                 });
    if (!isSessionOnly(accountId))
        m_store.setLastAccountId(accountId);
}

void AccountSession::setTransferRateLimit(qint64 bytesPerSecond)
{
    m_transferRateLimit = std::max<qint64>(0, bytesPerSecond);
    for (const std::shared_ptr<Connection> &connection : std::as_const(m_connections))
        connection->client->setTransferRateLimit(m_transferRateLimit);
}

void AccountSession::open(const Account &account, const QString &secret)
{
    auto connection = std::make_shared<Connection>();
    connection->client = std::make_unique<GitLabClient>(account, secret);
    connection->client->setTransferRateLimit(m_transferRateLimit);
    connection->api = std::make_unique<GitLabApi>(*connection->client);
    m_connections.insert(account.id, connection);
    Q_EMIT signedIn(account.id);
    if (m_active && m_active->id == account.id)
        Q_EMIT activated();
}

void AccountSession::add(Account account, const QString &secret)
{
    m_keychain.write(
        account.secretKey(), secret, this, [this, account, secret](Result<Success> saved) mutable {
            account.persistent = saved.ok();
            if (!saved.ok()) {
                keepForThisSession(account, secret);
                Q_EMIT keychainUnavailable(saved.error().message());
            } else if (!m_store.save(account)) {
                m_keychain.remove(account.secretKey(), this, [](Result<Success>) {});
                keepForThisSession(account, secret);
                Q_EMIT notSaved(
                    tr("%1 could not be saved: %2 cannot be written. The account works until "
                       "Stevedore quits; free some disk space or make the file writable, then "
                       "add it again.")
                        .arg(account.name, m_store.fileName()));
            }
            Q_EMIT accountsChanged();
            activate(account.id);
        });
}

void AccountSession::keepForThisSession(Account &account, const QString &secret)
{
    account.persistent = false;
    m_sessionAccounts.append(account);
    m_session.write(account.secretKey(), secret, this, [](Result<Success>) {});
}

void AccountSession::remove(const QString &accountId)
{
    const auto existing = account(accountId);
    if (!existing)
        return;
    if (isSessionOnly(accountId)) {
        m_sessionAccounts.removeIf(
            [&](const Account &candidate) { return candidate.id == accountId; });
        m_session.remove(existing->secretKey(), this, [](Result<Success>) {});
    } else {
        m_keychain.remove(existing->secretKey(), this, [](Result<Success>) {});
        m_store.remove(accountId);
    }
    m_connections.remove(accountId); // a transfer that is running keeps it until it ends
    if (m_active && m_active->id == accountId) {
        ++m_generation;
        m_active.reset();
    }
    Q_EMIT accountsChanged();
}

bool AccountSession::isEditable(const QString &accountId) const
{
    return m_store.byId(accountId).has_value() || isSessionOnly(accountId);
}

SecretStore &AccountSession::secretsOf(const QString &accountId)
{
    return isSessionOnly(accountId) ? static_cast<SecretStore &>(m_session) : m_keychain;
}

void AccountSession::readSecret(const QString &accountId, QObject *context, Callback<QString> done)
{
    const auto existing = account(accountId);
    if (!existing || !isEditable(accountId)) {
        // Answered through the event loop, as every SecretStore answers.
        QMetaObject::invokeMethod(
            context, [done = std::move(done)] { done(SecretStore::notFoundError()); },
            Qt::QueuedConnection);
        return;
    }
    secretsOf(accountId).read(existing->secretKey(), context, std::move(done));
}

void AccountSession::update(Account edited, const QString &newSecret)
{
    const auto before = account(edited.id);
    if (!before || !isEditable(edited.id))
        return;
    edited.persistent = before->persistent;
    if (!newSecret.isEmpty())
        return storeEdited(*before, edited, newSecret, true);
    // The token stays; it is needed to reconnect, and moves with the key when the URL changed.
    readSecret(edited.id, this, [this, before = *before, edited](Result<QString> secret) {
        if (!secret.ok()) {
            return Q_EMIT updateFailed(
                edited.id, tr("%1 was not changed: its token could not be read (%2). Type the "
                              "token to store it again.")
                               .arg(before.name, secret.error().message()));
        }
        storeEdited(before, edited, secret.value(), before.secretKey() != edited.secretKey());
    });
}

void AccountSession::storeEdited(const Account &before, const Account &edited,
                                 const QString &secret, bool write)
{
    const bool moved = before.secretKey() != edited.secretKey();
    SecretStore &secrets = secretsOf(edited.id);
    const bool tokenReplaced = write && !moved; // in place: there is no old entry to go back to
    const auto stored = [this, before, edited, secret, moved, tokenReplaced, &secrets] {
        if (!saveEdited(edited)) {
            if (moved)
                secrets.remove(edited.secretKey(), this, [](Result<Success>) {});
            return Q_EMIT updateFailed(
                edited.id,
                tokenReplaced
                    ? tr("The new token of %1 is stored, but its other settings "
                         "could not be saved.")
                          .arg(before.name)
                    : tr("%1 was not changed: its settings could not be saved.").arg(before.name));
        }
        if (moved)
            secrets.remove(before.secretKey(), this, [](Result<Success>) {});
        reconnect(edited, secret);
        Q_EMIT accountsChanged();
        Q_EMIT updated(edited.id);
    };
    if (!write)
        return stored();
    secrets.write(
        edited.secretKey(), secret, this, [this, before, edited, stored](Result<Success> written) {
            if (!written.ok()) {
                return Q_EMIT updateFailed(
                    edited.id, tr("%1 was not changed: the token could not be stored (%2).")
                                   .arg(before.name, written.error().message()));
            }
            stored();
        });
}

bool AccountSession::saveEdited(const Account &edited)
{
    if (!isSessionOnly(edited.id))
        return m_store.save(edited);
    for (Account &candidate : m_sessionAccounts) {
        if (candidate.id == edited.id)
            candidate = edited;
    }
    return true;
}

void AccountSession::reconnect(const Account &account, const QString &secret)
{
    const bool shown = m_active && m_active->id == account.id;
    if (shown) {
        m_active = account;
        ++m_generation; // a token still being read for the old settings is not used
    }
    // Replacing the connection leaves the old one to the transfers that hold it.
    if (shown || m_connections.contains(account.id))
        open(account, secret);
}

} // namespace Stevedore
