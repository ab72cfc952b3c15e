// Completion with a saved account whose token is in a real Secret Service: runs only through
// tests/keychain/run-with-keyring.sh (a private D-Bus session, an unlocked gnome-keyring, fresh
// HOME and XDG folders under STEVEDORE_KEYRING_ROOT). The saved account completes projects
// from gitlab-sim; with the keyring locked, completion offers nothing and asks nothing: no
// Unlock call and no prompt goes over the bus, and the keyring stays locked.
#include "CliTestSupport.h"
#include "DemoData.h"
#include "SimServer.h"
#include "cli/CommandCatalog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Stevedore::CliTest;
using namespace stevedore::test::demo;
using Stevedore::CommandCatalog;
using namespace Qt::StringLiterals;

namespace {

const QString kSecrets = QStringLiteral("org.freedesktop.secrets");
const QString kDefaultCollection = QStringLiteral("/org/freedesktop/secrets/aliases/default");

QStringList candidates(const Run &run)
{
    QStringList lines = run.out().split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty() || lines.takeFirst() != u"words"_s)
        return {u"<not a words answer>"_s};
    for (QString &line : lines)
        line = line.section(u'\t', 0, 0);
    lines.sort();
    return lines;
}

} // namespace

class TestCliCompletionKeychain final : public QObject
{
    Q_OBJECT

    stevedore::test::ScopedSim m_sim;
    QString m_workDir;

    static QProcessEnvironment environment()
    {
        return cleanEnvironment(QProcessEnvironment::systemEnvironment());
    }

    Run run(const QStringList &arguments, const QByteArray &input = {})
    {
        Run result = runStevedore(arguments, environment(), m_workDir, input);
        if (result.out().contains(kPat) || result.err().contains(kPat))
            result.exitCode = -2; // a token was printed
        return result;
    }

    Run dbusSend(const QString &path, const QString &method, const QStringList &arguments)
    {
        return runProgram(
            u"dbus-send"_s,
            QStringList{u"--session"_s, u"--print-reply"_s, u"--dest="_s + kSecrets, path, method}
                + arguments,
            environment(), m_workDir);
    }

    // The default collection's Locked property as dbus-send prints it.
    Run lockedProperty()
    {
        return dbusSend(kDefaultCollection, u"org.freedesktop.DBus.Properties.Get"_s,
                        {u"string:org.freedesktop.Secret.Collection"_s, u"string:Locked"_s});
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString root = qEnvironmentVariable("STEVEDORE_KEYRING_ROOT");
        QVERIFY2(!root.isEmpty() && QFileInfo(root).isDir(),
                 "run this test through tests/keychain/run-with-keyring.sh");
        m_workDir = root + u"/work"_s;
        QVERIFY(QDir().mkpath(m_workDir));
        QVERIFY(m_sim.startDemo());
        const Run login =
            run({u"login"_s, u"--url"_s, m_sim->baseUrl().toString(), u"--name"_s, u"sim-demo"_s},
                kPat.toUtf8() + '\n');
        QVERIFY2(login.exitCode == 0, qPrintable(login.describe()));
    }

    void cleanup() { m_sim.reportIfFailed(); }

    void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }

    void savedAccountCompletesFromTheServer()
    {
        QCOMPARE(candidates(run({CommandCatalog::CompleteCommand, u"--account"_s, u""_s})),
                 QStringList{u"sim-demo"_s});

        const Run projects = run({u"--json"_s, u"projects"_s});
        QVERIFY2(projects.exitCode == 0, qPrintable(projects.describe()));
        QStringList paths;
        for (const QJsonValue &project : projects.json().array())
            paths << project[u"path"_s].toString();
        paths.sort();
        QVERIFY(paths.contains(kProject));

        const Run completed = run({CommandCatalog::CompleteCommand, u"list"_s, u""_s});
        QVERIFY2(completed.exitCode == 0 && completed.err().isEmpty(),
                 qPrintable(completed.describe()));
        QCOMPARE(candidates(completed), paths);
    }

    void aLockedKeyringIsNeitherUnlockedNorPrompted()
    {
        const Run alias =
            dbusSend(u"/org/freedesktop/secrets"_s, u"org.freedesktop.Secret.Service.ReadAlias"_s,
                     {u"string:default"_s});
        QVERIFY2(alias.exitCode == 0, qPrintable(alias.describe()));
        const QString collection = alias.out().section(u"object path \""_s, 1).section(u'"', 0, 0);
        QVERIFY2(collection.startsWith(u"/org/freedesktop/secrets/collection/"_s),
                 qPrintable(alias.describe()));
        const Run lock =
            dbusSend(u"/org/freedesktop/secrets"_s, u"org.freedesktop.Secret.Service.Lock"_s,
                     {u"array:objpath:"_s + collection});
        QVERIFY2(lock.exitCode == 0, qPrintable(lock.describe()));
        QVERIFY2(lockedProperty().out().contains(u"boolean true"_s), "the keyring did not lock");

        // Everything said to the Secret Service and its prompts while completion runs.
        QProcess monitor;
        monitor.setProcessEnvironment(environment());
        monitor.setProcessChannelMode(QProcess::MergedChannels);
        monitor.start(u"dbus-monitor"_s,
                      {u"--session"_s, u"type='method_call',destination='%1'"_s.arg(kSecrets),
                       u"type='method_call',interface='org.freedesktop.Secret.Prompt'"_s});
        QVERIFY(monitor.waitForStarted());
        // The monitor is listening once it has seen a call of our own.
        QByteArray seen;
        for (int i = 0; i < 50 && !seen.contains("member=Get"); ++i) {
            QVERIFY(lockedProperty().exitCode == 0);
            monitor.waitForReadyRead(200);
            seen += monitor.readAll();
        }
        QVERIFY2(seen.contains("member=Get"), seen.constData());

        const Run completed = run({CommandCatalog::CompleteCommand, u"list"_s, u""_s});
        QCOMPARE(completed.exitCode, 0);
        QCOMPARE(completed.out(), u"words\n"_s);
        QCOMPARE(completed.err(), QString());

        // Completion asked whether the collection is locked, and went no further.
        QVERIFY(lockedProperty().out().contains(u"boolean true"_s));
        monitor.terminate();
        monitor.waitForFinished(5000);
        seen += monitor.readAll();
        QVERIFY2(!seen.contains("member=Unlock"), seen.constData());
        QVERIFY2(!seen.contains("member=Prompt"), seen.constData());
        QVERIFY2(!seen.contains("member=GetSecret"), seen.constData());
        QVERIFY2(!seen.contains("member=SearchItems"), seen.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliCompletionKeychain)
#include "TestCliCompletionKeychain.moc"
