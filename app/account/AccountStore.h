#pragma once

#include "core/Account.h"

#include <QList>
#include <QSettings>

#include <memory>
#include <optional>

namespace Stevedore {

// A new, unique account id (a UUID without braces).
QString newAccountId();

// The saved accounts' non-secret fields, in QSettings (group "accounts"). Tokens are never
// written here.
//
// Layout: accounts/lastAccountId, and one group per account id holding name, url (the
// normalised base URL), kind (credentialKindId()), username, ca_bundle and default_project.
class AccountStore final
{
public:
    // Uses the application's default QSettings; tests pass their own file.
    AccountStore();
    explicit AccountStore(std::unique_ptr<QSettings> settings);

    // A new persistent account with a fresh id (not saved yet).
    static Account newAccount(const QString &name, const QUrl &baseUrl, CredentialKind kind);

    QList<Account> accounts() const; // sorted by name, case-insensitively
    std::optional<Account> byId(const QString &id) const;
    // An exact match, else the only case-insensitive one.
    std::optional<Account> byName(const QString &name) const;
    QList<Account> byBaseUrl(const QUrl &url) const; // compares normalised URLs

    // Adds or replaces (by id). Accounts with persistent == false are refused (returns false),
    // and so are accounts without an id or name, with a URL normalizedBaseUrl() rejects, or
    // with the name of another saved account. Also false when the settings cannot be
    // written; the store then shows what it had before. The URL is saved normalised.
    bool save(const Account &account);
    void remove(const QString &id); // also forgets lastAccountId when it was this one

    QString fileName() const; // where the accounts are saved

    QString lastAccountId() const;
    void setLastAccountId(const QString &id);

private:
    std::optional<Account> load(const QString &id) const;
    void write(const QString &id, const Account &account, const QUrl &baseUrl);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace Stevedore
