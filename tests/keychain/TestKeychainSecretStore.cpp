// KeychainSecretStore against a real Secret Service: gnome-keyring-daemon on a private D-Bus
// session, started by run-with-keyring.sh (the CTest launcher), never the user's own keyring.

#include "KeychainTestSupport.h"
#include "account/KeychainSecretStore.h"
#include "core/Version.h"

#include <QProcess>
#include <QTest>
#include <QUuid>

using namespace Stevedore;
using namespace Stevedore::KeychainTest;

class TestKeychainSecretStore final : public QObject
{
    Q_OBJECT

private:
    Result<QString> read(const QString &key)
    {
        return await<QString>([&](QObject *context, Callback<QString> done) {
            m_store->read(key, context, std::move(done));
        });
    }
    Result<Success> write(const QString &key, const QString &secret)
    {
        return await<Success>([&](QObject *context, Callback<Success> done) {
            m_store->write(key, secret, context, std::move(done));
        });
    }
    Result<Success> remove(const QString &key)
    {
        return await<Success>([&](QObject *context, Callback<Success> done) {
            m_store->remove(key, context, std::move(done));
        });
    }
    static QString uniqueKey(const char *what)
    {
        return QStringLiteral("https://gitlab.example.com#") + QLatin1String(what)
               + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    QString m_root;
    std::unique_ptr<KeychainSecretStore> m_store;

private Q_SLOTS:
    void initTestCase()
    {
        // Refuse to run against the user's own keyring: only the launcher's private one.
        m_root = qEnvironmentVariable("STEVEDORE_KEYRING_ROOT");
        QVERIFY2(!m_root.isEmpty(),
                 "run this test through tests/keychain/run-with-keyring.sh (ctest -L keychain)");
        QVERIFY2(qEnvironmentVariable("HOME").startsWith(m_root), "HOME is not the launcher's");
        QVERIFY2(!qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty(), "no session bus");
        m_store = std::make_unique<KeychainSecretStore>();
        QCOMPARE(m_store->service(), applicationId());
    }

    void roundTrip()
    {
        const QString key = uniqueKey("round-trip");
        auto written = write(key, QStringLiteral("glpat-first"));
        QVERIFY2(written.ok(), qPrintable(written.error().message()));

        auto first = read(key);
        QVERIFY2(first.ok(), qPrintable(first.error().message()));
        QCOMPARE(first.value(), QStringLiteral("glpat-first"));

        auto overwritten = write(key, QStringLiteral("glpat-second"));
        QVERIFY(overwritten.ok());
        auto second = read(key);
        QVERIFY(second.ok());
        QCOMPARE(second.value(), QStringLiteral("glpat-second"));

        auto removed = remove(key);
        QVERIFY2(removed.ok(), qPrintable(removed.error().message()));
        auto gone = read(key);
        QVERIFY(!gone.ok());
        QCOMPARE(SecretStore::problemOf(gone.error()), SecretStore::Problem::NotFound);
    }

    void secretIsInTheSecretService()
    {
        // Seen from outside the program: libsecret's own tool finds the entry the store wrote,
        // under the application id as service.
        const QString key = uniqueKey("visible");
        const QString secret =
            QStringLiteral("glpat-") + QUuid::createUuid().toString(QUuid::Id128);
        auto written = write(key, secret);
        QVERIFY(written.ok());

        QProcess lookup;
        lookup.setProcessChannelMode(QProcess::MergedChannels); // attributes go to stderr
        lookup.start(
            QStringLiteral("secret-tool"),
            {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("user"), key});
        QVERIFY(lookup.waitForFinished(20000));
        const QString found = QString::fromUtf8(lookup.readAllStandardOutput());
        QVERIFY2(found.contains(QStringLiteral("secret = ") + secret), qPrintable(found));
        QVERIFY2(found.contains(QStringLiteral("attribute.server = ") + applicationId()),
                 qPrintable(found));

        // …and nowhere in plain text outside the keyring's own files.
        const QString keyrings =
            qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/keyrings");
        const QStringList leaks = filesContaining(m_root, secret, {keyrings});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
        QVERIFY(remove(key).ok());
    }

    void unknownKeyIsNotFound()
    {
        auto result = read(uniqueKey("never-written"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ApiError::Kind::Local);
        QCOMPARE(SecretStore::problemOf(result.error()), SecretStore::Problem::NotFound);
        QCOMPARE(result.error().message(), SecretStore::notFoundError().message());
        QVERIFY(result.error().message().contains(QStringLiteral("No token is stored")));
    }

    void removingAnUnknownKeySucceeds()
    {
        auto result = remove(uniqueKey("never-written"));
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
    }

    void keysDoNotCollide()
    {
        // Same host, different accounts; and a key that is a prefix of the other.
        const QString first = uniqueKey("a");
        const QString second = first + QStringLiteral("-b");
        QVERIFY(write(first, QStringLiteral("secret-one")).ok());
        QVERIFY(write(second, QStringLiteral("secret-two")).ok());
        const Result<QString> one = read(first);
        const Result<QString> two = read(second);
        QVERIFY(one.ok() && two.ok());
        QCOMPARE(one.value(), QStringLiteral("secret-one"));
        QCOMPARE(two.value(), QStringLiteral("secret-two"));

        QVERIFY(remove(first).ok());
        QVERIFY(!read(first).ok());
        auto survivor = read(second);
        QVERIFY(survivor.ok());
        QCOMPARE(survivor.value(), QStringLiteral("secret-two"));
        QVERIFY(remove(second).ok());
    }

    void anotherServiceDoesNotSeeTheEntry()
    {
        const QString key = uniqueKey("service");
        QVERIFY(write(key, QStringLiteral("mine")).ok());
        KeychainSecretStore other(QStringLiteral("io.stevedore.Other"), nullptr);
        auto result = await<QString>([&](QObject *context, Callback<QString> done) {
            other.read(key, context, std::move(done));
        });
        QCOMPARE(SecretStore::problemOf(result.error()), SecretStore::Problem::NotFound);
        QVERIFY(remove(key).ok());
    }

    void unicodeSecretOf4KiB()
    {
        // Letters from several scripts, a character outside the BMP (a surrogate pair), quotes,
        // a tab and a newline; 4096 UTF-16 code units.
        const QString alphabet = QStringLiteral("Zürich ÆØÅ ĳ 東京 Ünïcødé €—“quoted” 🚢\t'\\\n");
        QString secret;
        while (secret.size() < 4096)
            secret += alphabet;
        secret.truncate(4096);
        if (secret.back().isHighSurrogate())
            secret.back() = QLatin1Char('x');
        QCOMPARE(secret.size(), 4096);

        const QString key = uniqueKey("unicode-") + QStringLiteral("-ключ");
        auto written = write(key, secret);
        QVERIFY2(written.ok(), qPrintable(written.error().message()));
        auto result = read(key);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(result.value().size(), secret.size());
        QCOMPARE(result.value(), secret);
        QVERIFY(remove(key).ok());
    }

    void callbackIsDroppedWhenTheContextIsGone()
    {
        const QString key = uniqueKey("context");
        bool called = false;
        {
            QObject context;
            m_store->write(key, QStringLiteral("x"), &context,
                           [&](Result<Success>) { called = true; });
        }
        // The operation itself still completes; the callback does not run.
        auto result = read(key);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(result.value(), QStringLiteral("x"));
        QTest::qWait(100);
        QVERIFY(!called);
        QVERIFY(remove(key).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "TestKeychainSecretStore.moc"
