// AccountStore: saved accounts in a QSettings file of the test's own, without their tokens.

#include "account/AccountStore.h"
#include "account/MemorySecretStore.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;

namespace {

Account sample(const QString &name, const QString &url,
               CredentialKind kind = CredentialKind::PersonalAccessToken)
{
    Account account = AccountStore::newAccount(name, QUrl(url), kind);
    return account;
}

} // namespace

class TestAccountStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_file;
    int m_counter = 0;

    std::unique_ptr<AccountStore> makeStore() const
    {
        return std::make_unique<AccountStore>(
            std::make_unique<QSettings>(m_file, QSettings::IniFormat));
    }
    QByteArray fileContents() const
    {
        QFile file(m_file);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_counter));
    }

    void newAccountIdsAreUniqueUuids()
    {
        static const QRegularExpression uuid(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        QSet<QString> ids;
        for (int i = 0; i < 100; ++i) {
            const QString id = newAccountId();
            QVERIFY2(uuid.match(id).hasMatch(), qPrintable(id));
            ids.insert(id);
        }
        QCOMPARE(ids.size(), 100);

        const Account account = AccountStore::newAccount(
            QStringLiteral("work"), QUrl(QStringLiteral("https://GitLab.Example.com/api/v4/")),
            CredentialKind::DeployToken);
        QVERIFY(uuid.match(account.id).hasMatch());
        QCOMPARE(account.name, QStringLiteral("work"));
        QCOMPARE(account.baseUrl, QUrl(QStringLiteral("https://gitlab.example.com")));
        QCOMPARE(account.kind, CredentialKind::DeployToken);
        QVERIFY(account.persistent);
    }

    void roundTripEveryField_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("personal") << int(CredentialKind::PersonalAccessToken);
        QTest::newRow("deploy") << int(CredentialKind::DeployToken);
        QTest::newRow("job") << int(CredentialKind::JobToken);
        QTest::newRow("basic") << int(CredentialKind::BasicAuth);
        QTest::newRow("oauth") << int(CredentialKind::OAuthToken);
    }

    void roundTripEveryField()
    {
        QFETCH(int, kind);
        Account account =
            sample(QStringLiteral("Work GitLab (ü)"),
                   QStringLiteral("https://gitlab.example.com:8443/gitlab"), CredentialKind(kind));
        account.username = QStringLiteral("release-bot");
        account.caBundlePath = QStringLiteral("/etc/ssl/certs/Corp CA.pem");
        account.defaultProject = QStringLiteral("group/sub/project");
        {
            auto store = makeStore();
            QVERIFY(store->save(account));
            store->setLastAccountId(account.id);
        }
        // A new store on the same file: what was written is what comes back.
        auto store = makeStore();
        const std::optional<Account> loaded = store->byId(account.id);
        QVERIFY(loaded);
        QCOMPARE(*loaded, account);
        QCOMPARE(store->accounts(), QList<Account>{account});
        QCOMPARE(store->lastAccountId(), account.id);

        // The layout other tools and later versions rely on.
        QSettings raw(m_file, QSettings::IniFormat);
        const QString group = QStringLiteral("accounts/") + account.id + QLatin1Char('/');
        QCOMPARE(raw.value(group + QStringLiteral("name")).toString(), account.name);
        QCOMPARE(raw.value(group + QStringLiteral("url")).toString(),
                 QStringLiteral("https://gitlab.example.com:8443/gitlab"));
        QCOMPARE(raw.value(group + QStringLiteral("kind")).toString(),
                 credentialKindId(CredentialKind(kind)));
        QCOMPARE(raw.value(group + QStringLiteral("username")).toString(), account.username);
        QCOMPARE(raw.value(group + QStringLiteral("ca_bundle")).toString(), account.caBundlePath);
        QCOMPARE(raw.value(group + QStringLiteral("default_project")).toString(),
                 account.defaultProject);
        QCOMPARE(raw.value(QStringLiteral("accounts/lastAccountId")).toString(), account.id);
    }

    void tokenNeverReachesTheSettingsFile()
    {
        const QString token = QStringLiteral("glpat-SECRET-never-in-settings-4f1e");
        Account account =
            sample(QStringLiteral("work"), QStringLiteral("https://gitlab.example.com"));
        MemorySecretStore secrets;
        bool written = false;
        secrets.write(account.secretKey(), token, this,
                      [&](Result<Success> result) { written = result.ok(); });
        QTRY_VERIFY(written);

        auto store = makeStore();
        QVERIFY(store->save(account));
        store->setLastAccountId(account.id);
        account.defaultProject = QStringLiteral("demo/hello");
        QVERIFY(store->save(account));

        const QByteArray contents = fileContents();
        QVERIFY(!contents.isEmpty());
        QVERIFY(contents.contains(account.id.toUtf8()));
        QVERIFY2(!contents.contains(token.toUtf8()), contents.constData());
        QVERIFY(!contents.contains("glpat-"));
        QVERIFY(!contents.toLower().contains("token="));
        QVERIFY(!contents.toLower().contains("secret"));
    }

    void sessionAccountsAreRefused()
    {
        Account account =
            sample(QStringLiteral("env:GITLAB_HOST"), QStringLiteral("https://gitlab.com"));
        account.persistent = false;
        auto store = makeStore();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("session-only")));
        QVERIFY(!store->save(account));
        QVERIFY(store->accounts().isEmpty());
        QVERIFY(!fileContents().contains("env:GITLAB_HOST"));
    }

    void invalidAccountsAreRefused_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::newRow("no id") << QString() << QStringLiteral("a") << QStringLiteral("https://h");
        QTest::newRow("id with slash")
            << QStringLiteral("a/b") << QStringLiteral("a") << QStringLiteral("https://h");
        QTest::newRow("no name") << newAccountId() << QString() << QStringLiteral("https://h");
        QTest::newRow("blank name")
            << newAccountId() << QStringLiteral("  ") << QStringLiteral("https://h");
        QTest::newRow("ftp url") << newAccountId() << QStringLiteral("a")
                                 << QStringLiteral("ftp://h");
        QTest::newRow("no url") << newAccountId() << QStringLiteral("a") << QString();
    }

    void invalidAccountsAreRefused()
    {
        QFETCH(QString, id);
        QFETCH(QString, name);
        QFETCH(QString, url);
        Account account;
        account.id = id;
        account.name = name;
        account.baseUrl = QUrl(url);
        auto store = makeStore();
        QVERIFY(!store->save(account));
        QVERIFY(store->accounts().isEmpty());
    }

    void lookups()
    {
        auto store = makeStore();
        const Account work =
            sample(QStringLiteral("Work"), QStringLiteral("https://gitlab.example.com"));
        const Account ci =
            sample(QStringLiteral("ci"), QStringLiteral("https://GITLAB.example.com:443/api/v4"),
                   CredentialKind::DeployToken);
        const Account home =
            sample(QStringLiteral("home"), QStringLiteral("http://localhost:8080"));
        QVERIFY(store->save(work));
        QVERIFY(store->save(ci));
        QVERIFY(store->save(home));

        // Sorted by name, case-insensitively.
        const QList<Account> all = store->accounts();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).name, QStringLiteral("ci"));
        QCOMPARE(all.at(1).name, QStringLiteral("home"));
        QCOMPARE(all.at(2).name, QStringLiteral("Work"));

        QCOMPARE(store->byId(ci.id)->name, QStringLiteral("ci"));
        QVERIFY(!store->byId(newAccountId()));
        QVERIFY(!store->byId(QString()));
        QCOMPARE(store->byName(QStringLiteral("Work"))->id, work.id);
        QCOMPARE(store->byName(QStringLiteral("work"))->id, work.id); // unique case-insensitive
        QVERIFY(!store->byName(QStringLiteral("nobody")));

        const QList<Account> sameHost =
            store->byBaseUrl(QUrl(QStringLiteral("https://gitlab.example.com/")));
        QCOMPARE(sameHost.size(), 2);
        QCOMPARE(sameHost.at(0).id, ci.id);
        QCOMPARE(sameHost.at(1).id, work.id);
        QCOMPARE(store->byBaseUrl(QUrl(QStringLiteral("http://localhost:8080/api/v4"))).size(), 1);
        QVERIFY(store->byBaseUrl(QUrl(QStringLiteral("http://localhost:8081"))).isEmpty());
        QVERIFY(store->byBaseUrl(QUrl(QStringLiteral("not a url"))).isEmpty());
    }

    void saveReplacesById()
    {
        auto store = makeStore();
        Account account = sample(QStringLiteral("first"), QStringLiteral("https://a.example.com"));
        account.username = QStringLiteral("someone");
        QVERIFY(store->save(account));
        account.name = QStringLiteral("renamed");
        account.username.clear();
        account.baseUrl = QUrl(QStringLiteral("https://b.example.com/"));
        QVERIFY(store->save(account));

        const QList<Account> all = store->accounts();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().name, QStringLiteral("renamed"));
        QCOMPARE(all.first().username, QString());
        QCOMPARE(all.first().baseUrl, QUrl(QStringLiteral("https://b.example.com")));
    }

    void namesAreUnique()
    {
        auto store = makeStore();
        const Account first =
            sample(QStringLiteral("work"), QStringLiteral("https://a.example.com"));
        const Account second =
            sample(QStringLiteral("work"), QStringLiteral("https://b.example.com"));
        QVERIFY(store->save(first));
        QVERIFY(!store->save(second));
        QCOMPARE(store->accounts().size(), 1);
        QCOMPARE(store->byName(QStringLiteral("work"))->id, first.id);
    }

    void removeForgetsTheAccountAndLastAccountId()
    {
        auto store = makeStore();
        const Account a = sample(QStringLiteral("a"), QStringLiteral("https://a.example.com"));
        const Account b = sample(QStringLiteral("b"), QStringLiteral("https://b.example.com"));
        QVERIFY(store->save(a));
        QVERIFY(store->save(b));
        store->setLastAccountId(b.id);

        store->remove(a.id);
        QCOMPARE(store->accounts(), QList<Account>{b});
        QCOMPARE(store->lastAccountId(), b.id);

        store->remove(b.id);
        QVERIFY(store->accounts().isEmpty());
        QCOMPARE(store->lastAccountId(), QString());
        QVERIFY(!fileContents().contains(b.id.toUtf8()));

        store->remove(newAccountId()); // unknown: nothing happens
        store->setLastAccountId(a.id);
        QCOMPARE(store->lastAccountId(), a.id);
        store->setLastAccountId({});
        QCOMPARE(store->lastAccountId(), QString());
    }

    void damagedEntriesAreSkipped()
    {
        const Account good =
            sample(QStringLiteral("good"), QStringLiteral("https://a.example.com"));
        {
            auto store = makeStore();
            QVERIFY(store->save(good));
        }
        {
            QSettings raw(m_file, QSettings::IniFormat);
            raw.setValue(QStringLiteral("accounts/bad-kind/name"), QStringLiteral("bad kind"));
            raw.setValue(QStringLiteral("accounts/bad-kind/url"), QStringLiteral("https://x"));
            raw.setValue(QStringLiteral("accounts/bad-kind/kind"), QStringLiteral("password"));
            raw.setValue(QStringLiteral("accounts/bad-url/name"), QStringLiteral("bad url"));
            raw.setValue(QStringLiteral("accounts/bad-url/url"), QStringLiteral("gopher://x"));
            raw.setValue(QStringLiteral("accounts/bad-url/kind"), QStringLiteral("personal"));
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("bad-kind")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("bad-url")));
        auto store = makeStore();
        QCOMPARE(store->accounts(), QList<Account>{good});
    }
};

QTEST_GUILESS_MAIN(TestAccountStore)
#include "TestAccountStore.moc"
