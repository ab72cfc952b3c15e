#include "SimServer.h"
#include "core/Sha256.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using stevedore::test::SimServer;
using Stevedore::Sha256;

// The real `stevedore` binary against gitlab-sim --demo, with accounts from the environment.
class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsProjectsPackagesAndFiles();
    void publishesDownloadsAndDeletes();
    void exitCodesTellWhatWentWrong_data();
    void exitCodesTellWhatWentWrong();
    void jobTokenFromTheCiEnvironmentPublishes();
    void tokenAppearsNowhere();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &arguments, const QString &token = QStringLiteral("glpat-demo-api"),
            const QProcessEnvironment &extra = {});
    QString writeFile(const QString &relativePath, const QByteArray &content);

    QTemporaryDir m_dir;
    std::unique_ptr<SimServer> m_sim;
    QStringList m_allOutput;
};

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sim = std::make_unique<SimServer>(SimServer::Options().withDemo());
    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
}

void TestCli::cleanupTestCase()
{
    QCOMPARE(m_sim->stop(), 0);
}

TestCli::Run TestCli::run(const QStringList &arguments, const QString &token,
                          const QProcessEnvironment &extra)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CI_JOB_TOKEN"));
    environment.remove(QStringLiteral("CI_API_V4_URL"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=/nonexistent"));
    if (!token.isEmpty()) {
        environment.insert(QStringLiteral("GITLAB_HOST"), m_sim->baseUrl().toString());
        environment.insert(QStringLiteral("GITLAB_TOKEN"), token);
    }
    for (const QString &key : extra.keys())
        environment.insert(key, extra.value(key));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(STEVEDORE_PATH), arguments);
    Run result;
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    m_allOutput << result.out << result.err;
    return result;
}

QString TestCli::writeFile(const QString &relativePath, const QByteArray &content)
{
    const QString path = m_dir.filePath(QStringLiteral("local/") + relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

void TestCli::listsProjectsPackagesAndFiles()
{
    const Run projects = run({QStringLiteral("projects")});
    QCOMPARE(projects.exitCode, 0);
    QVERIFY2(projects.out.contains(QStringLiteral("demo/platform/agent")),
             qPrintable(projects.out));

    const Run list =
        run({QStringLiteral("list"), QStringLiteral("demo/hello"), QStringLiteral("hello-cli")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.indexOf(QStringLiteral("1.10.0")) < list.out.indexOf(QStringLiteral("1.9.0")),
             qPrintable(list.out));
    QVERIFY(!list.out.contains(QStringLiteral("nightly")));

    const Run files =
        run({QStringLiteral("--json"), QStringLiteral("files"), QStringLiteral("demo/hello"),
             QStringLiteral("hello-cli"), QStringLiteral("1.9.0")});
    QCOMPARE(files.exitCode, 0);
    const QJsonArray array = QJsonDocument::fromJson(files.out.toUtf8()).array();
    QCOMPARE(array.size(), 3);
    int older = 0;
    for (const QJsonValue &file : array)
        older += file.toObject().value(QLatin1String("newest")).toBool() ? 0 : 1;
    QCOMPARE(older, 1); // the earlier of the two uploads of one name
}

void TestCli::publishesDownloadsAndDeletes()
{
    const QString single = writeFile(QStringLiteral("tool.bin"), QByteArray(700000, 't'));
    writeFile(QStringLiteral("site/index.html"), "<h1>hi</h1>\n");
    writeFile(QStringLiteral("site/css/site.css"), "h1 {}\n");
    const Run publish =
        run({QStringLiteral("--json"), QStringLiteral("publish"), QStringLiteral("demo/hello"),
             QStringLiteral("clitool"), QStringLiteral("1.0.0"), single,
             m_dir.filePath(QStringLiteral("local/site"))});
    QCOMPARE(publish.exitCode, 0);
    const QJsonArray published = QJsonDocument::fromJson(publish.out.toUtf8()).array();
    QCOMPARE(published.size(), 3);
    QStringList names;
    for (const QJsonValue &item : published) {
        QCOMPARE(item.toObject().value(QLatin1String("state")).toString(), QStringLiteral("done"));
        names << item.toObject().value(QLatin1String("name")).toString();
    }
    QVERIFY2(names.contains(QStringLiteral("site/css/site.css")),
             qPrintable(names.join(QLatin1Char(','))));

    const QString target = m_dir.filePath(QStringLiteral("downloaded"));
    const Run download =
        run({QStringLiteral("download"), QStringLiteral("demo/hello"), QStringLiteral("clitool"),
             QStringLiteral("1.0.0"), QStringLiteral("-o"), target});
    QCOMPARE(download.exitCode, 0);
    QCOMPARE(Sha256::ofFile(QDir(target).filePath(QStringLiteral("tool.bin"))),
             Sha256::ofFile(single));
    QVERIFY(QFile::exists(QDir(target).filePath(QStringLiteral("site/css/site.css"))));

    // An existing file is kept unless --overwrite says otherwise.
    const Run again =
        run({QStringLiteral("download"), QStringLiteral("demo/hello"), QStringLiteral("clitool"),
             QStringLiteral("1.0.0"), QStringLiteral("tool.bin"), QStringLiteral("-o"), target});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QStringLiteral("already exists")), qPrintable(again.err));
    QCOMPARE(run({QStringLiteral("download"), QStringLiteral("demo/hello"),
                  QStringLiteral("clitool"), QStringLiteral("1.0.0"), QStringLiteral("tool.bin"),
                  QStringLiteral("-o"), target, QStringLiteral("--overwrite")})
                 .exitCode,
             0);

    QCOMPARE(run({QStringLiteral("delete"), QStringLiteral("demo/hello"), QStringLiteral("clitool"),
                  QStringLiteral("1.0.0"), QStringLiteral("site/index.html")})
                 .exitCode,
             0);
    const Run afterFileDelete = run({QStringLiteral("files"), QStringLiteral("demo/hello"),
                                     QStringLiteral("clitool"), QStringLiteral("1.0.0")});
    QVERIFY(!afterFileDelete.out.contains(QStringLiteral("site/index.html")));
    QVERIFY(afterFileDelete.out.contains(QStringLiteral("tool.bin")));
    QCOMPARE(run({QStringLiteral("delete"), QStringLiteral("demo/hello"), QStringLiteral("clitool"),
                  QStringLiteral("1.0.0")})
                 .exitCode,
             0);
    QCOMPARE(run({QStringLiteral("files"), QStringLiteral("demo/hello"), QStringLiteral("clitool"),
                  QStringLiteral("1.0.0")})
                 .exitCode,
             4);
}

void TestCli::exitCodesTellWhatWentWrong_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString file = writeFile(QStringLiteral("x.txt"), "x\n");
    QTest::newRow("bad package name")
        << QStringList{QStringLiteral("publish"), QStringLiteral("demo/hello"),
                       QStringLiteral("my tool"), QStringLiteral("1.0"), file}
        << QStringLiteral("glpat-demo-api") << 2 << QStringLiteral("Try \"my_tool\"");
    QTest::newRow("missing argument")
        << QStringList{QStringLiteral("files"), QStringLiteral("demo/hello")}
        << QStringLiteral("glpat-demo-api") << 2 << QStringLiteral("usage:");
    QTest::newRow("read_api publish")
        << QStringList{QStringLiteral("publish"), QStringLiteral("demo/hello"),
                       QStringLiteral("tool"), QStringLiteral("1.0"), file}
        << QStringLiteral("glpat-demo-read") << 3 << QStringLiteral("api scope");
    QTest::newRow("wrong token") << QStringList{QStringLiteral("projects")}
                                 << QStringLiteral("glpat-wrong") << 3
                                 << QStringLiteral("did not accept the token");
    QTest::newRow("expired token")
        << QStringList{QStringLiteral("projects")} << QStringLiteral("glpat-demo-expired") << 3
        << QStringLiteral("expired");
    QTest::newRow("unknown project")
        << QStringList{QStringLiteral("list"), QStringLiteral("demo/nope")}
        << QStringLiteral("glpat-demo-api") << 4 << QStringLiteral("project does not exist");
    QTest::newRow("missing local file")
        << QStringList{QStringLiteral("publish"), QStringLiteral("demo/hello"),
                       QStringLiteral("tool"), QStringLiteral("1.0"),
                       m_dir.filePath(QStringLiteral("nope.bin"))}
        << QStringLiteral("glpat-demo-api") << 1 << QStringLiteral("does not exist");
}

void TestCli::exitCodesTellWhatWentWrong()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, token);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run result = run(arguments, token);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

void TestCli::jobTokenFromTheCiEnvironmentPublishes()
{
    const QString file = writeFile(QStringLiteral("ci.txt"), "from ci\n");
    QProcessEnvironment ci;
    ci.insert(QStringLiteral("CI_API_V4_URL"),
              m_sim->baseUrl().toString() + QStringLiteral("/api/v4"));
    ci.insert(QStringLiteral("CI_JOB_TOKEN"), QStringLiteral("glcbt-demo-job"));
    ci.insert(QStringLiteral("CI_PROJECT_ID"), QStringLiteral("1"));
    const Run publish = run({QStringLiteral("publish"), QStringLiteral("1"),
                             QStringLiteral("ci-build"), QStringLiteral("7.0.0"), file},
                            QString(), ci);
    QCOMPARE(publish.exitCode, 0);
    const Run files = run({QStringLiteral("files"), QStringLiteral("demo/hello"),
                           QStringLiteral("ci-build"), QStringLiteral("7.0.0")});
    QVERIFY2(files.out.contains(QStringLiteral("ci.txt")), qPrintable(files.out));
}

void TestCli::tokenAppearsNowhere()
{
    for (const QString &output : std::as_const(m_allOutput)) {
        QVERIFY(!output.contains(QStringLiteral("glpat-demo-api")));
        QVERIFY(!output.contains(QStringLiteral("glcbt-demo-job")));
    }
    QDirIterator files(m_dir.filePath(QStringLiteral("config")), QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains("glpat-demo"), qPrintable(file.fileName()));
    }
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
