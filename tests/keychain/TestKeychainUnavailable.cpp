// KeychainSecretStore when there is no keychain to talk to: DBUS_SESSION_BUS_ADDRESS points at a
// socket that does not exist (set by CTest). Every operation must fail with the actionable "no
// keychain" error, and the token must not be written anywhere in plain text (QtKeychain can
// fall back to a QSettings file when asked to; Stevedore never asks).

#include "KeychainTestSupport.h"
#include "account/KeychainSecretStore.h"
#include "core/Version.h"

#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Stevedore;
using namespace Stevedore::KeychainTest;

class TestKeychainUnavailable final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_secret;

private Q_SLOTS:
    void initTestCase()
    {
        const QString bus = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
        QVERIFY2(bus.startsWith(QLatin1String("unix:path=")),
                 "CTest sets DBUS_SESSION_BUS_ADDRESS=unix:path=<missing socket> for this test");
        QVERIFY2(!QFileInfo::exists(bus.mid(10)), "the bus socket must not exist");
        QVERIFY(m_root.isValid());
        // Everything a plaintext fallback could write to (QSettings, QStandardPaths) is inside
        // m_root: set before anything in this process computed those paths.
        for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                                 "XDG_STATE_HOME", "XDG_RUNTIME_DIR"}) {
            const QString path = m_root.path() + QLatin1Char('/') + QLatin1String(name);
            QVERIFY(QDir().mkpath(path));
            QVERIFY(qputenv(name, QFile::encodeName(path)));
        }
        m_secret =
            QStringLiteral("glpat-plaintext-canary-") + QUuid::createUuid().toString(QUuid::Id128);
    }

    void operationsFailWithNoKeychain_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::newRow("write") << QStringLiteral("write");
        QTest::newRow("read") << QStringLiteral("read");
        QTest::newRow("remove") << QStringLiteral("remove");
        QTest::newRow("write again") << QStringLiteral("write");
    }

    void operationsFailWithNoKeychain()
    {
        QFETCH(QString, operation);
        KeychainSecretStore store;
        const QString key = QStringLiteral("https://gitlab.example.com#account");
        ApiError error;
        if (operation == QLatin1String("read")) {
            error = await<QString>([&](QObject *context, Callback<QString> done) {
                        store.read(key, context, std::move(done));
                    }).error();
        } else if (operation == QLatin1String("write")) {
            error = await<Success>([&](QObject *context, Callback<Success> done) {
                        store.write(key, m_secret, context, std::move(done));
                    }).error();
        } else {
            error = await<Success>([&](QObject *context, Callback<Success> done) {
                        store.remove(key, context, std::move(done));
                    }).error();
        }
        QVERIFY2(error.isError(), "the operation succeeded without a keychain");
        QVERIFY2(error.kind() == ApiError::Kind::Local, qPrintable(error.message()));
        QVERIFY2(SecretStore::problemOf(error) == SecretStore::Problem::Unavailable,
                 qPrintable(error.message() + QStringLiteral(" / ") + error.serverMessage()));
        QCOMPARE(error.message(),
                 QStringLiteral("No keychain is available (no Secret Service is running); start "
                                "gnome-keyring or KWallet to store tokens."));
        QVERIFY2(!error.serverMessage().isEmpty(), "the backend's own text is kept for the log");
    }

    void nothingWasWrittenInPlainText()
    {
        const QStringList leaks = filesContaining(m_root.path(), m_secret);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
        // QtKeychain's fallback would use QSettings(service) and QSettings(organisation, app).
        QSettings byService(applicationId());
        QVERIFY2(byService.allKeys().isEmpty(), qPrintable(byService.fileName()));
        QSettings byApplication(organizationName(), applicationName());
        QVERIFY2(byApplication.allKeys().isEmpty(), qPrintable(byApplication.fileName()));
        // And not in the working directory either.
        const QStringList here = filesContaining(QDir::currentPath(), m_secret);
        QVERIFY2(here.isEmpty(), qPrintable(here.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "TestKeychainUnavailable.moc"
