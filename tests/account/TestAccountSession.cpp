// Adding an account: saved with its token in the keychain, or, when the settings cannot be
// written, kept for this session with a message and no keychain entry left behind.
#include "account/AccountSession.h"
#include "account/MemorySecretStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

Account newAccount()
{
    Account account;
    account.id = u"a1b2c3"_s;
    account.name = u"work"_s;
    account.baseUrl = QUrl(u"http://127.0.0.1:9"_s); // nothing listens: sign-in just fails
    return account;
}

bool hasSecret(MemorySecretStore &store, const QString &key)
{
    std::optional<bool> found;
    QObject context;
    store.read(key, &context, [&](Result<QString> secret) { found = secret.ok(); });
    return QTest::qWaitFor([&] { return found.has_value(); }, 5000) && *found;
}

} // namespace

class TestAccountSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anAddedAccountIsSavedWithItsTokenInTheKeychain()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"accounts.ini"_s);
        AccountStore store(std::make_unique<QSettings>(file, QSettings::IniFormat));
        MemorySecretStore keychain;
        AccountSession session(store, keychain, QProcessEnvironment());
        QSignalSpy notSaved(&session, &AccountSession::notSaved);
        QSignalSpy changed(&session, &AccountSession::accountsChanged);

        session.add(newAccount(), u"glpat-secret"_s);
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(notSaved.size(), 0);
        QVERIFY(store.byId(newAccount().id).has_value());
        QVERIFY(!session.isSessionOnly(newAccount().id));
        QVERIFY(hasSecret(keychain, newAccount().secretKey()));
    }

    void settingsThatCannotBeWrittenKeepItForThisSessionAndSaySo()
    {
        QTemporaryDir dir;
        // A folder that cannot exist: its parent is a file (root ignores permissions).
        const QString blocker = dir.filePath(u"not-a-folder"_s);
        QFile block(blocker);
        QVERIFY(block.open(QIODevice::WriteOnly));
        block.close();
        const QString file = blocker + u"/accounts.ini"_s;
        AccountStore store(std::make_unique<QSettings>(file, QSettings::IniFormat));
        MemorySecretStore keychain;
        AccountSession session(store, keychain, QProcessEnvironment());
        QSignalSpy notSaved(&session, &AccountSession::notSaved);

        session.add(newAccount(), u"glpat-secret"_s);
        QTRY_COMPARE(notSaved.size(), 1);
        const QString message = notSaved.first().first().toString();
        QVERIFY2(message.contains(file) && message.contains(u"work"_s), qPrintable(message));
        QVERIFY(session.account(newAccount().id).has_value());
        QVERIFY(session.isSessionOnly(newAccount().id));
        QVERIFY(!store.byId(newAccount().id).has_value());
        QTRY_VERIFY(!hasSecret(keychain, newAccount().secretKey()));
    }
};

QTEST_GUILESS_MAIN(TestAccountSession)
#include "TestAccountSession.moc"
