// `stevedore login` with the token piped on standard input, against gitlab-sim --demo and a real
// Secret Service: runs only through tests/keychain/run-with-keyring.sh, which gives it a private
// D-Bus session, an unlocked gnome-keyring and fresh HOME and XDG folders (their root is
// STEVEDORE_KEYRING_ROOT). The token goes to the keychain and nowhere else; the saved account
// works for later commands until `logout`.

#include "CliTestSupport.h"
#include "DemoData.h"
#include "SimServer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace Stevedore::CliTest;
using namespace stevedore::test::demo;
using namespace Qt::StringLiterals;

class TestCliLogin final : public QObject
{
    Q_OBJECT

private:
    stevedore::test::ScopedSim m_sim;
    QString m_root; // HOME, XDG_* and the keyring live below it
    QString m_workDir;

    Run run(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcessEnvironment environment =
            cleanEnvironment(QProcessEnvironment::systemEnvironment());
        const Run result = runStevedore(arguments, environment, m_workDir, input);
        if (result.out().contains(kPat) || result.err().contains(kPat))
            qWarning().noquote() << "the token was printed:" << result.describe();
        return result;
    }

    static bool printed(const Run &result)
    {
        return result.out().contains(kPat) || result.err().contains(kPat);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_root = qEnvironmentVariable("STEVEDORE_KEYRING_ROOT");
        QVERIFY2(!m_root.isEmpty() && QFileInfo(m_root).isDir(),
                 "run this test through tests/keychain/run-with-keyring.sh");
        m_workDir = m_root + u"/work"_s;
        QVERIFY(QDir().mkpath(m_workDir));
        QVERIFY(m_sim.startDemo());
    }

    void cleanup() { m_sim.reportIfFailed(); }

    void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }

    void loginWithAWrongTokenSavesNothing()
    {
        const Run refused =
            run({u"login"_s, u"--url"_s, m_sim->baseUrl().toString(), u"--name"_s, u"wrong"_s},
                "glpat-not-valid\n");
        QVERIFY2(refused.exitCode == 3, qPrintable(refused.describe()));
        const Run accounts = run({u"accounts"_s, u"--json"_s});
        QCOMPARE(accounts.exitCode, 0);
        QVERIFY2(!accountNames(accounts).contains(u"wrong"_s), qPrintable(accounts.describe()));
    }

    void loginSavesTheTokenInTheKeychainOnly()
    {
        const Run login =
            run({u"login"_s, u"--url"_s, m_sim->baseUrl().toString(), u"--name"_s, u"sim-demo"_s},
                kPat.toUtf8() + '\n');
        QVERIFY2(login.exitCode == 0, qPrintable(login.describe()));
        QVERIFY2(login.out().contains(u"as demo"_s), qPrintable(login.describe()));
        QVERIFY(!printed(login));

        // The account's settings exist and hold its name and URL, but not the token; no other
        // file outside the keyring holds it either.
        const QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
        QVERIFY(!config.isEmpty());
        const QStringList withName = filesContaining(config, "sim-demo");
        QVERIFY2(!withName.isEmpty(), "no settings file names the account");
        const QString accountsFile = config + u"/Stevedore/Stevedore.conf"_s;
        QVERIFY2(withName.contains(accountsFile), qPrintable(withName.join(u", "_s)));
        QCOMPARE(modeOf(accountsFile), 0600);
        QCOMPARE(modeOf(config + u"/Stevedore"_s), 0700);
        const QString keyrings = qEnvironmentVariable("XDG_DATA_HOME") + u"/keyrings"_s;
        const QStringList withToken = filesContaining(m_root, kPat.toUtf8(), {keyrings});
        QVERIFY2(withToken.isEmpty(), qPrintable(withToken.join(u", "_s)));
    }

    void savedAccountIsListedAndUsed()
    {
        const Run accounts = run({u"accounts"_s, u"--json"_s});
        QVERIFY2(accounts.exitCode == 0, qPrintable(accounts.describe()));
        QVERIFY2(accountNames(accounts).contains(u"sim-demo"_s), qPrintable(accounts.describe()));
        QVERIFY(!printed(accounts));

        // By name, and as the only saved account.
        const Run listed =
            run({u"list"_s, u"demo/hello"_s, u"hello-cli"_s, u"--account"_s, u"sim-demo"_s});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        QVERIFY2(listed.out().contains(u"1.10.0"_s), qPrintable(listed.describe()));
        const Run projects = run({u"projects"_s});
        QVERIFY2(projects.exitCode == 0, qPrintable(projects.describe()));
        QVERIFY2(projects.out().contains(kProject), qPrintable(projects.describe()));
    }

    void logoutForgetsTheAccount()
    {
        const Run logout = run({u"logout"_s, u"sim-demo"_s});
        QVERIFY2(logout.exitCode == 0, qPrintable(logout.describe()));
        const Run accounts = run({u"accounts"_s, u"--json"_s});
        QCOMPARE(accounts.exitCode, 0);
        QVERIFY2(!accountNames(accounts).contains(u"sim-demo"_s), qPrintable(accounts.describe()));
        const Run listed =
            run({u"list"_s, u"demo/hello"_s, u"hello-cli"_s, u"--account"_s, u"sim-demo"_s});
        QVERIFY2(listed.exitCode == 4, qPrintable(listed.describe()));
        const Run nothing = run({u"projects"_s});
        QVERIFY2(nothing.exitCode == 3, qPrintable(nothing.describe()));
        QVERIFY2(nothing.err().contains(u"login"_s), qPrintable(nothing.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCliLogin)
#include "TestCliLogin.moc"
