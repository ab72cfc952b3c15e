// Every command's --json output (and --output json, its alias), from the real `stevedore`
// against gitlab-sim --demo and a real Secret Service, validated against the schemas of
// docs/cli-json/ by tests/cli/validate-json.py (python3-jsonschema). Every schema there is used,
// and every command with JSON output has one, so docs/cli-json.md cannot drift from the code.
// Runs through tests/keychain/run-with-keyring.sh for login, logout and saved accounts.

#include "CliTestSupport.h"
#include "DemoData.h"
#include "SimServer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#ifndef STEVEDORE_SOURCE_DIR
#error "STEVEDORE_SOURCE_DIR must be defined by the build"
#endif

using namespace Stevedore::CliTest;
using namespace stevedore::test::demo;
using namespace Qt::StringLiterals;

class TestCliJson final : public QObject
{
    Q_OBJECT

private:
    stevedore::test::ScopedSim m_sim;
    QString m_root;
    QString m_work;
    QSet<QString> m_validated; // the schemas some output was checked against

    QString schemaDir() const { return QStringLiteral(STEVEDORE_SOURCE_DIR "/docs/cli-json"); }

    QProcessEnvironment environment(bool withToken) const
    {
        QProcessEnvironment environment =
            cleanEnvironment(QProcessEnvironment::systemEnvironment());
        if (withToken) {
            environment.insert(u"GITLAB_HOST"_s, m_sim->baseUrl().toString());
            environment.insert(u"GITLAB_TOKEN"_s, kPat);
        }
        return environment;
    }

    Run run(const QStringList &arguments, bool withToken = true, const QByteArray &input = {})
    {
        return runStevedore(arguments, environment(withToken), m_work, input);
    }

    // Empty when `output` follows docs/cli-json/<schema>.schema.json, else why not.
    QString problemWith(const QByteArray &output, const QString &schema)
    {
        const QString instance = m_work + u"/output.json"_s;
        if (!writeBytes(instance, output))
            return u"cannot write "_s + instance;
        const Run check =
            runProgram(u"/usr/bin/python3"_s,
                       {QStringLiteral(STEVEDORE_SOURCE_DIR "/tests/cli/validate-json.py"),
                        schemaDir() + u'/' + schema + u".schema.json"_s, instance},
                       QProcessEnvironment::systemEnvironment(), m_work);
        m_validated.insert(schema);
        if (check.exitCode == 0)
            return {};
        return u"%1 (exit %2)\n%3\noutput:\n%4"_s.arg(schema)
            .arg(check.exitCode)
            .arg(check.err(), QString::fromUtf8(output));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_root = qEnvironmentVariable("STEVEDORE_KEYRING_ROOT");
        QVERIFY2(!m_root.isEmpty() && QFileInfo(m_root).isDir(),
                 "run this test through tests/keychain/run-with-keyring.sh");
        m_work = m_root + u"/work"_s;
        QVERIFY(QDir().mkpath(m_work));
        QVERIFY(m_sim.startDemo());
        // The validator works and rejects what breaks a schema.
        QVERIFY(problemWith("[]", u"projects"_s).isEmpty());
        QVERIFY(!problemWith("[{\"id\": \"1\"}]", u"projects"_s).isEmpty());
        QVERIFY(!problemWith("{}", u"error"_s).isEmpty());
    }

    void cleanup() { m_sim.reportIfFailed(); }

    void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }

    void outputFollowsItsSchema_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<bool>("withToken");
        QTest::addColumn<QByteArray>("input");
        const QString url = m_sim->baseUrl().toString();
        // In this order: the saved account first, so that accounts lists both sources.
        QTest::newRow("login") << QStringList{u"login"_s,  u"--url"_s, url,
                                              u"--name"_s, u"saved"_s, u"--json"_s}
                               << u"login"_s << 0 << false << (kPat.toUtf8() + '\n');
        QTest::newRow("accounts") << QStringList{u"accounts"_s, u"--json"_s} << u"accounts"_s << 0
                                  << true << QByteArray();
        QTest::newRow("projects") << QStringList{u"--json"_s, u"projects"_s} << u"projects"_s << 0
                                  << true << QByteArray();
        QTest::newRow("list") << QStringList{u"list"_s, kProject, u"--hidden"_s, u"--json"_s}
                              << u"list"_s << 0 << true << QByteArray();
        QTest::newRow("list, --output json")
            << QStringList{u"list"_s, kProject, kHelloCli, u"--output"_s, u"json"_s} << u"list"_s
            << 0 << true << QByteArray();
        QTest::newRow("files") << QStringList{u"files"_s, kProject, kHelloCli, u"1.9.0"_s,
                                              u"--json"_s}
                               << u"files"_s << 0 << true << QByteArray();
        QTest::newRow("publish") << QStringList{u"publish"_s, kProject,   u"json-doc"_s,
                                                u"1.0.0"_s,   u"a.txt"_s, u"--json"_s}
                                 << u"publish"_s << 0 << true << QByteArray();
        QTest::newRow("publish, standard input")
            << QStringList{u"publish"_s, kProject,         u"json-doc"_s, u"1.0.0"_s,
                           u"-"_s,       u"--file-name"_s, u"b.txt"_s,    u"--json"_s}
            << u"publish"_s << 0 << true << QByteArray("from a pipe\n");
        QTest::newRow("publish, failed")
            << QStringList{u"publish"_s, kProject,         u"json-doc"_s, u"1.0.0"_s,
                           u"c.txt"_s,   u"--file-name"_s, u"a.txt"_s,    u"--on-duplicate"_s,
                           u"fail"_s,    u"--json"_s}
            << u"publish"_s << 1 << true << QByteArray();
        QTest::newRow("download") << QStringList{u"download"_s, kProject, u"json-doc"_s,
                                                 u"1.0.0"_s,    u"-o"_s,  u"fetched"_s,
                                                 u"--json"_s}
                                  << u"download"_s << 0 << true << QByteArray();
        QTest::newRow("verify, identical") << QStringList{u"verify"_s,   u"fetched"_s, kProject,
                                                          u"json-doc"_s, u"1.0.0"_s,   u"--json"_s}
                                           << u"verify"_s << 0 << true << QByteArray();
        QTest::newRow("verify, different")
            << QStringList{u"verify"_s, u"fetched"_s, kProject, kHelloCli, u"1.9.0"_s, u"--json"_s}
            << u"verify"_s << 1 << true << QByteArray();
        QTest::newRow("verify, no folder")
            << QStringList{u"verify"_s, u"missing"_s, kProject, kHelloCli, u"1.9.0"_s, u"--json"_s}
            << u"error"_s << 1 << true << QByteArray();
        QTest::newRow("diff") << QStringList{u"diff"_s,  kProject,    kHelloCli,
                                             u"1.9.0"_s, u"1.10.0"_s, u"--json"_s}
                              << u"diff"_s << 1 << true << QByteArray();
        QTest::newRow("diff, identical")
            << QStringList{u"diff"_s, kProject,      u"json-doc"_s, u"1.0.0"_s,
                           kProject,  u"json-doc"_s, u"1.0.0"_s,    u"--json"_s}
            << u"diff"_s << 0 << true << QByteArray();
        QTest::newRow("sync, dry run")
            << QStringList{u"sync"_s,  u"fetched"_s,   kProject,      u"json-sync"_s,
                           u"1.0.0"_s, u"--dry-run"_s, u"--delete"_s, u"--json"_s}
            << u"sync"_s << 0 << true << QByteArray();
        QTest::newRow("sync") << QStringList{u"sync"_s,      u"fetched"_s, kProject,
                                             u"json-sync"_s, u"1.0.0"_s,   u"--json"_s}
                              << u"sync"_s << 0 << true << QByteArray();
        QTest::newRow("copy") << QStringList{u"copy"_s, u"demo/hello/json-doc@1.0.0"_s,
                                             u"demo/hello/json-copy@1.0.0"_s, u"--json"_s}
                              << u"copy"_s << 0 << true << QByteArray();
        QTest::newRow("delete, a file") << QStringList{u"delete"_s, kProject,   u"json-doc"_s,
                                                       u"1.0.0"_s,  u"a.txt"_s, u"--json"_s}
                                        << u"delete"_s << 0 << true << QByteArray();
        QTest::newRow("delete, the package")
            << QStringList{u"delete"_s, kProject, u"json-doc"_s, u"1.0.0"_s, u"--json"_s}
            << u"delete"_s << 0 << true << QByteArray();
        QTest::newRow("error") << QStringList{u"files"_s, kProject, kHelloCli, u"9.9.9"_s,
                                              u"--json"_s}
                               << u"error"_s << 4 << true << QByteArray();
        QTest::newRow("error, --output json")
            << QStringList{u"--output"_s, u"json"_s, u"list"_s, u"demo/missing"_s} << u"error"_s
            << 4 << true << QByteArray();
        QTest::newRow("logout") << QStringList{u"logout"_s, u"saved"_s, u"--json"_s} << u"logout"_s
                                << 0 << false << QByteArray();
    }

    void outputFollowsItsSchema()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, schema);
        QFETCH(int, exitCode);
        QFETCH(bool, withToken);
        QFETCH(QByteArray, input);
        QVERIFY(writeBytes(m_work + u"/a.txt"_s, "published by the JSON test\n"));
        QVERIFY(writeBytes(m_work + u"/c.txt"_s, "other content under the same name\n"));
        const Run result = run(arguments, withToken, input);
        QVERIFY2(result.exitCode == exitCode, qPrintable(result.describe()));
        QVERIFY2(!result.standardOutput.trimmed().isEmpty(), qPrintable(result.describe()));
        const QString problem = problemWith(result.standardOutput, schema);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        if (schema == u"accounts"_s) {
            QStringList sources;
            for (const QJsonValue &account : result.json().array())
                sources << account[u"source"_s].toString();
            QCOMPARE(sources, (QStringList{u"keychain"_s, u"environment"_s}));
        }
    }

    // Every schema of docs/cli-json/ checked some output above.
    void everySchemaIsUsed()
    {
        const QStringList files =
            QDir(schemaDir()).entryList({u"*.schema.json"_s}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        QStringList unused;
        for (const QString &file : files) {
            const QString name = file.chopped(int(qstrlen(".schema.json")));
            if (!m_validated.contains(name))
                unused << file;
        }
        QVERIFY2(unused.isEmpty(), qPrintable(unused.join(u", "_s)));
    }
};

QTEST_GUILESS_MAIN(TestCliJson)
#include "TestCliJson.moc"
