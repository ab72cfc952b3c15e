#include "account/AccountStore.h"

#include <QLoggingCategory>
#include <QUuid>

#include <algorithm>

Q_LOGGING_CATEGORY(lcAccounts, "stevedore.account", QtWarningMsg)

namespace Stevedore {

namespace {

const QString kGroup = QStringLiteral("accounts");
const QString kLastAccountId = QStringLiteral("lastAccountId");
const QString kName = QStringLiteral("name");
const QString kUrl = QStringLiteral("url");
const QString kKind = QStringLiteral("kind");
const QString kUsername = QStringLiteral("username");
const QString kCaBundle = QStringLiteral("ca_bundle");
const QString kDefaultProject = QStringLiteral("default_project");

// QSettings treats '/' and '\' in a key as group separators.
bool isUsableId(const QString &id)
{
    return !id.isEmpty() && !id.contains(QLatin1Char('/')) && !id.contains(QLatin1Char('\\'));
}

} // namespace

QString newAccountId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

AccountStore::AccountStore()
    : m_settings(std::make_unique<QSettings>())
{
}

AccountStore::AccountStore(std::unique_ptr<QSettings> settings)
    : m_settings(std::move(settings))
{
}

Account AccountStore::newAccount(const QString &name, const QUrl &baseUrl, CredentialKind kind)
{
    Account account;
    account.id = newAccountId();
    account.name = name;
    account.baseUrl = normalizedBaseUrl(baseUrl);
    account.kind = kind;
    return account;
}

std::optional<Account> AccountStore::load(const QString &id) const
{
    if (!isUsableId(id))
        return std::nullopt;
    m_settings->beginGroup(kGroup);
    if (!m_settings->childGroups().contains(id)) {
        m_settings->endGroup();
        return std::nullopt;
    }
    m_settings->beginGroup(id);
    Account account;
    account.id = id;
    account.name = m_settings->value(kName).toString();
    account.baseUrl = normalizedBaseUrl(QUrl(m_settings->value(kUrl).toString(), QUrl::StrictMode));
    const std::optional<CredentialKind> kind =
        credentialKindFromId(m_settings->value(kKind).toString());
    account.username = m_settings->value(kUsername).toString();
    account.caBundlePath = m_settings->value(kCaBundle).toString();
    account.defaultProject = m_settings->value(kDefaultProject).toString();
    account.persistent = true;
    m_settings->endGroup();
    m_settings->endGroup();

    // A damaged entry is skipped rather than guessed at: a wrong kind would send the token in
    // the wrong header.
    if (!kind || account.name.isEmpty() || account.baseUrl.isEmpty()) {
        qCWarning(lcAccounts) << "ignoring the incomplete saved account" << id;
        return std::nullopt;
    }
    account.kind = *kind;
    return account;
}

QList<Account> AccountStore::accounts() const
{
    m_settings->beginGroup(kGroup);
    const QStringList ids = m_settings->childGroups();
    m_settings->endGroup();

    QList<Account> result;
    for (const QString &id : ids) {
        if (std::optional<Account> account = load(id))
            result << *account;
    }
    std::sort(result.begin(), result.end(), [](const Account &a, const Account &b) {
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return result;
}

std::optional<Account> AccountStore::byId(const QString &id) const
{
    return load(id);
}

std::optional<Account> AccountStore::byName(const QString &name) const
{
    const QList<Account> all = accounts();
    for (const Account &account : all) {
        if (account.name == name)
            return account;
    }
    std::optional<Account> only;
    for (const Account &account : all) {
        if (account.name.compare(name, Qt::CaseInsensitive) == 0) {
            if (only)
                return std::nullopt; // ambiguous
            only = account;
        }
    }
    return only;
}

QList<Account> AccountStore::byBaseUrl(const QUrl &url) const
{
    const QUrl wanted = normalizedBaseUrl(url);
    QList<Account> result;
    if (wanted.isEmpty())
        return result;
    const QList<Account> all = accounts();
    for (const Account &account : all) {
        if (account.baseUrl == wanted)
            result << account;
    }
    return result;
}

QString AccountStore::fileName() const
{
    return m_settings->fileName();
}

bool AccountStore::save(const Account &account)
{
    if (!account.persistent) {
        qCWarning(lcAccounts) << "refusing to save the session-only account" << account.name;
        return false;
    }
    const QUrl baseUrl = normalizedBaseUrl(account.baseUrl);
    if (!isUsableId(account.id) || account.name.trimmed().isEmpty() || baseUrl.isEmpty())
        return false;
    const QList<Account> all = accounts();
    const bool nameTaken = std::any_of(all.cbegin(), all.cend(), [&](const Account &other) {
        return other.id != account.id && other.name == account.name;
    });
    if (nameTaken)
        return false;

    const std::optional<Account> before = load(account.id);
    write(account.id, account, baseUrl);
    m_settings->sync();
    if (m_settings->status() == QSettings::NoError)
        return true;
    // Not written: what the store shows (and a later successful sync would write) stays as it was.
    if (before) {
        write(account.id, *before, normalizedBaseUrl(before->baseUrl));
    } else {
        m_settings->beginGroup(kGroup);
        m_settings->remove(account.id);
        m_settings->endGroup();
    }
    return false;
}

void AccountStore::write(const QString &id, const Account &account, const QUrl &baseUrl)
{
    m_settings->beginGroup(kGroup);
    m_settings->remove(id); // no stale keys from an older version of the entry
    m_settings->beginGroup(id);
    m_settings->setValue(kName, account.name);
    m_settings->setValue(kUrl, baseUrl.toString());
    m_settings->setValue(kKind, credentialKindId(account.kind));
    m_settings->setValue(kUsername, account.username);
    m_settings->setValue(kCaBundle, account.caBundlePath);
    m_settings->setValue(kDefaultProject, account.defaultProject);
    m_settings->endGroup();
    m_settings->endGroup();
}

void AccountStore::remove(const QString &id)
{
    if (!isUsableId(id))
        return;
    m_settings->beginGroup(kGroup);
    m_settings->remove(id);
    if (m_settings->value(kLastAccountId).toString() == id)
        m_settings->remove(kLastAccountId);
    m_settings->endGroup();
    m_settings->sync();
}

QString AccountStore::lastAccountId() const
{
    const QString key = kGroup + QLatin1Char('/') + kLastAccountId;
    return m_settings->value(key).toString();
}

void AccountStore::setLastAccountId(const QString &id)
{
    const QString key = kGroup + QLatin1Char('/') + kLastAccountId;
    if (id.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, id);
    m_settings->sync();
}

} // namespace Stevedore
