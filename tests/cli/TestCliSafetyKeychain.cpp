// The cases of TestCliSafety that need saved accounts, so a real Secret Service: runs only
// through tests/keychain/run-with-keyring.sh (private D-Bus session, unlocked gnome-keyring,
// fresh HOME and XDG folders below STEVEDORE_KEYRING_ROOT), against gitlab-sim --demo.
// A deploy token (the environment can only describe personal and job tokens) downloads by name
// and cannot list; --ca-file is saved as an absolute path; and when the keychain is unavailable,
// login saves nothing and logout keeps the account.

#include "CliTestSupport.h"
#include "DemoData.h"
#include "SimServer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Stevedore::CliTest;
using namespace stevedore::test::demo;
using namespace Qt::StringLiterals;

namespace {

const QString kFile = u"hello-1.2.0-linux-amd64.tar.gz"_s;

} // namespace

class TestCliSafetyKeychain final : public QObject
{
    Q_OBJECT

private:
    stevedore::test::ScopedSim m_sim;
    QString m_root; // HOME, XDG_* and the keyring live below it
    QString m_workDir;

    QString work(const QString &name) const { return m_workDir + u'/' + name; }

    static QProcessEnvironment environment()
    {
        return cleanEnvironment(QProcessEnvironment::systemEnvironment());
    }

    // A session bus address that leads nowhere: no keychain for this run.
    QProcessEnvironment withoutKeychain() const
    {
        QProcessEnvironment changed = environment();
        changed.insert(u"DBUS_SESSION_BUS_ADDRESS"_s,
                       u"unix:path="_s + m_root + u"/no-such-dir/no-such-bus"_s);
        return changed;
    }

    // The demo PAT from the environment, for what a deploy token may not do.
    QProcessEnvironment withPat() const
    {
        QProcessEnvironment changed = environment();
        changed.insert(u"GITLAB_HOST"_s, m_sim->baseUrl().toString());
        changed.insert(u"GITLAB_TOKEN"_s, kPat);
        return changed;
    }

    Run run(const QStringList &arguments, const QByteArray &input = {},
            const QProcessEnvironment &env = environment()) const
    {
        return runStevedore(arguments, env, m_workDir, input, 30000);
    }

    Run login(const QString &name, const QString &token, const QStringList &extra = {},
              const QProcessEnvironment &env = environment()) const
    {
        return run(
            QStringList{u"login"_s, u"--url"_s, m_sim->baseUrl().toString(), u"--name"_s, name}
                + extra,
            token.toUtf8() + '\n', env);
    }

    QString newestSha256() const
    {
        const Run files = run(
            {u"files"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.2.0"_s, u"--json"_s}, {}, withPat());
        for (const QJsonValue &file : files.json().array()) {
            if (file[u"name"_s].toString() == kFile)
                return file[u"sha256"_s].toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_root = qEnvironmentVariable("STEVEDORE_KEYRING_ROOT");
        QVERIFY2(!m_root.isEmpty() && QFileInfo(m_root).isDir(),
                 "run this test through tests/keychain/run-with-keyring.sh");
        QVERIFY2(QFileInfo(QStringLiteral(STEVEDORE_EXECUTABLE)).isExecutable(),
                 STEVEDORE_EXECUTABLE);
        m_workDir = m_root + u"/work"_s;
        QVERIFY(QDir().mkpath(m_workDir));
        QVERIFY(m_sim.startDemo());
    }

    void cleanup() { m_sim.reportIfFailed(); }

    void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }

    // 15. A deploy token downloads a named file straight from its generic URL, verified.
    void deployTokenDownloadsANamedFile()
    {
        const Run saved = login(u"deploy-rw"_s, kDeployRw,
                                {u"--kind"_s, u"deploy"_s, u"--project"_s, u"demo/hello"_s});
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
        const QString sha256 = newestSha256();
        QCOMPARE(sha256.size(), 64);

        const qsizetype before = m_sim->logContents().size();
        const Run plain = run({u"download"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.2.0"_s, kFile,
                               u"-o"_s, u"deploy-plain"_s, u"--account"_s, u"deploy-rw"_s});
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.describe()));
        QCOMPARE(sha256Hex(work(u"deploy-plain/"_s + kFile)), sha256.toLatin1());
        // Straight to the generic URL: no package or file list was asked for.
        const QByteArray log = m_sim->logContents().mid(before);
        QVERIFY2(log.contains(QByteArray(
                     "GET /api/v4/projects/demo%2Fhello/packages/generic/hello-cli/1.2.0/"
                     + kFile.toLatin1() + " 200")),
                 log.constData());
        QVERIFY2(!log.contains("/packages ") && !log.contains("/package_files"), log.constData());

        const Run checked =
            run({u"download"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.2.0"_s, kFile, u"-o"_s,
                 u"deploy-checked"_s, u"--sha256"_s, sha256, u"--account"_s, u"deploy-rw"_s});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.describe()));
        QCOMPARE(sha256Hex(work(u"deploy-checked/"_s + kFile)), sha256.toLatin1());
    }

    // 15. A wrong --sha256 leaves nothing under the final name.
    void deployTokenRefusesAWrongChecksum()
    {
        const QString wrong(64, u'0');
        const Run damaged =
            run({u"download"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.2.0"_s, kFile, u"-o"_s,
                 u"deploy-wrong"_s, u"--sha256"_s, wrong, u"--account"_s, u"deploy-rw"_s});
        QVERIFY2(damaged.exitCode == 1, qPrintable(damaged.describe()));
        QVERIFY2(damaged.err().contains(u"damaged"_s), qPrintable(damaged.describe()));
        QVERIFY2(!QFileInfo::exists(work(u"deploy-wrong/"_s + kFile)),
                 qPrintable(damaged.describe()));
    }

    // 15. A deploy token cannot list: files and a whole-version download say so.
    void deployTokenCannotList_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("files") << QStringList{u"files"_s, u"demo/hello"_s, u"hello-cli"_s,
                                              u"1.2.0"_s};
        QTest::newRow("download without FILE") << QStringList{
            u"download"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.2.0"_s, u"-o"_s, u"deploy-all"_s};
    }

    void deployTokenCannotList()
    {
        QFETCH(QStringList, arguments);
        const Run refused = run(arguments + QStringList{u"--account"_s, u"deploy-rw"_s});
        QVERIFY2(refused.exitCode != 0 && refused.exitCode != -1, qPrintable(refused.describe()));
        QVERIFY2(refused.err().startsWith(u"stevedore: "_s), qPrintable(refused.describe()));
        QVERIFY2(refused.err().contains(u"cannot list"_s), qPrintable(refused.describe()));
        QVERIFY(!QFileInfo::exists(work(u"deploy-all/"_s + kFile)));
    }

    // 16. --ca-file is saved as an absolute path, so the account works from any folder.
    void caFileIsSavedAbsolute()
    {
        QVERIFY(QDir().mkpath(work(u"relative"_s)));
        QProcess openssl;
        openssl.setWorkingDirectory(m_workDir);
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                                     u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-keyout"_s,
                                     u"relative/ca.key"_s, u"-out"_s, u"relative/ca.pem"_s,
                                     u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=Stevedore Test CA"_s});
        if (!openssl.waitForStarted(10000))
            QSKIP("the openssl command is not available to make a CA certificate");
        QVERIFY(openssl.waitForFinished(30000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());

        const Run saved = login(u"with-ca"_s, kPat, {u"--ca-file"_s, u"relative/ca.pem"_s});
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
        const QString absolute = QDir(m_workDir).absoluteFilePath(u"relative/ca.pem"_s);
        const QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
        const QStringList holding = filesContaining(config, absolute.toUtf8());
        QVERIFY2(!holding.isEmpty(),
                 qPrintable(u"no settings file holds "_s + absolute + u"; account files: "_s
                            + filesContaining(config, "with-ca").join(u", "_s)));

        // From another working directory the CA file is still found.
        const Run elsewhere =
            runStevedore({u"list"_s, u"demo/hello"_s, u"hello-cli"_s, u"--account"_s, u"with-ca"_s},
                         environment(), m_root, {}, 30000);
        QVERIFY2(elsewhere.exitCode == 0, qPrintable(elsewhere.describe()));
        QVERIFY2(elsewhere.out().contains(u"1.10.0"_s), qPrintable(elsewhere.describe()));

        const Run removed = run({u"logout"_s, u"with-ca"_s});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.describe()));
    }

    // 16. Without a keychain, login saves nothing and says so.
    void loginWithoutAKeychainSavesNothing()
    {
        const Run refused = login(u"no-keychain"_s, kPat, {}, withoutKeychain());
        QVERIFY2(refused.exitCode == 1, qPrintable(refused.describe()));
        QVERIFY2(refused.err().contains(u"The account was not saved"_s),
                 qPrintable(refused.describe()));
        QVERIFY2(!refused.out().contains(u"this session"_s)
                     && !refused.err().contains(u"this session"_s),
                 qPrintable(refused.describe()));
        const Run accounts = run({u"accounts"_s, u"--json"_s});
        QVERIFY2(accounts.exitCode == 0, qPrintable(accounts.describe()));
        QVERIFY2(!accountNames(accounts).contains(u"no-keychain"_s),
                 qPrintable(accounts.describe()));
        QVERIFY(filesContaining(qEnvironmentVariable("XDG_CONFIG_HOME"), "no-keychain").isEmpty());
    }

    // 16. Without a keychain, logout keeps the account (its token could not be removed).
    void logoutWithoutAKeychainKeepsTheAccount()
    {
        const Run saved = login(u"keep-me"_s, kPat);
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));

        const Run refused = run({u"logout"_s, u"keep-me"_s}, {}, withoutKeychain());
        QVERIFY2(refused.exitCode == 1, qPrintable(refused.describe()));
        QVERIFY2(refused.err().contains(u"could not be removed"_s), qPrintable(refused.describe()));

        const Run accounts = run({u"accounts"_s, u"--json"_s});
        QVERIFY2(accounts.exitCode == 0, qPrintable(accounts.describe()));
        QVERIFY2(accountNames(accounts).contains(u"keep-me"_s), qPrintable(accounts.describe()));
        const Run used =
            run({u"list"_s, u"demo/hello"_s, u"hello-cli"_s, u"--account"_s, u"keep-me"_s});
        QVERIFY2(used.exitCode == 0, qPrintable(used.describe()));

        const Run removed = run({u"logout"_s, u"keep-me"_s});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCliSafetyKeychain)
#include "TestCliSafetyKeychain.moc"
