// The real `stevedore` command line against gitlab-sim --demo, with accounts from the
// environment (GITLAB_HOST + GITLAB_TOKEN, and a CI job's CI_API_V4_URL + CI_JOB_TOKEN +
// CI_PROJECT_ID) and an isolated HOME and XDG folders: browsing, publishing files and folders,
// downloading with verification, deleting, --json output, the exit codes 0–4, and that no token
// is ever printed or written to disk.

#include "../integration/TestCertificates.h"
#include "CliTestSupport.h"
#include "DemoData.h"
#include "Http.h"
#include "SimServer.h"
#include "core/VersionOrder.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore::CliTest;
using namespace stevedore::test::demo;
using namespace Qt::StringLiterals;

namespace {

QStringList column(const QJsonArray &array, const QString &key)
{
    QStringList values;
    for (const QJsonValue &value : array)
        values << value.toObject().value(key).toVariant().toString();
    return values;
}

// 1,050 generic packages of demo/many (11 pages of 100): 210 names of mixed case and
// punctuation, five versions each whose order is not the strings' order, every seventh
// package hidden, each created at its own minute.
QJsonObject manyPackagesFixture()
{
    const QStringList versions{u"1.9.0"_s, u"1.10.0"_s, u"2.0.0-rc.1"_s, u"2.0.0"_s,
                               u"0.1.0+build.5"_s};
    QJsonArray packages;
    for (int i = 0; i < 210 * versions.size(); ++i) {
        const int n = i / int(versions.size());
        const QString name = n % 3 == 0   ? u"Tool-%1"_s.arg(n, 3, 10, QLatin1Char('0'))
                             : n % 3 == 1 ? u"lib_%1.core"_s.arg(n, 3, 10, QLatin1Char('0'))
                                          : u"app-%1"_s.arg(n, 3, 10, QLatin1Char('0'));
        packages.append(
            QJsonObject{{u"project"_s, u"demo/many"_s},
                        {u"name"_s, name},
                        {u"version"_s, versions.at(i % versions.size())},
                        {u"status"_s, i % 7 == 3 ? u"hidden"_s : u"default"_s},
                        {u"created_at"_s, QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC)
                                              .addSecs(61 * i)
                                              .addMSecs(i)
                                              .toString(Qt::ISODateWithMs)}});
    }
    return QJsonObject{
        {u"users"_s, QJsonArray{QJsonObject{{u"id"_s, 1}, {u"username"_s, u"lister"_s}}}},
        {u"tokens"_s, QJsonArray{QJsonObject{{u"kind"_s, u"personal"_s},
                                             {u"token"_s, u"glpat-lister"_s},
                                             {u"user"_s, u"lister"_s},
                                             {u"scopes"_s, QJsonArray{u"api"_s}}}}},
        {u"projects"_s,
         QJsonArray{QJsonObject{{u"id"_s, 1},
                                {u"path"_s, u"demo/many"_s},
                                {u"members"_s, QJsonObject{{u"lister"_s, u"maintainer"_s}}}}}},
        {u"packages"_s, packages}};
}

// Every package of demo/many as the API lists it, page by page (the hidden ones too when
// asked), each once.
QList<QJsonObject> listedPackages(const QUrl &base, bool hidden)
{
    const stevedore::test::Http http(base);
    QList<QJsonObject> packages;
    QSet<qint64> seen;
    for (const QByteArray &status :
         hidden ? QByteArrayList{"", "&status=hidden"} : QByteArrayList{""}) {
        for (int page = 1;; ++page) {
            const stevedore::test::HttpReply reply = http.get(
                "/api/v4/projects/demo%2Fmany/packages?package_type=generic&per_page=100&page="
                    + QByteArray::number(page) + status,
                stevedore::test::Http::privateToken("glpat-lister"));
            if (reply.status != 200)
                return {};
            for (const QJsonValue &package : reply.jsonArray()) {
                if (!seen.contains(package[u"id"_s].toInteger()))
                    packages << package.toObject();
                seen.insert(package[u"id"_s].toInteger());
            }
            if (reply.header("X-Next-Page").isEmpty())
                break;
        }
    }
    return packages;
}

// What `list` printed for `packages` when it built the whole output at once: grouped by name,
// versions newest first, the JSON document of every group or the text table.
QByteArray wholeListOutput(const QList<QJsonObject> &packages, bool json)
{
    QMap<QString, QList<QJsonObject>> byName;
    for (const QJsonObject &package : packages)
        byName[package[u"name"_s].toString()] << package;
    QJsonArray document;
    QString text;
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        std::sort(it->begin(), it->end(), [](const QJsonObject &a, const QJsonObject &b) {
            return Stevedore::VersionOrder::lessThan(b[u"version"_s].toString(),
                                                     a[u"version"_s].toString());
        });
        QJsonArray versions;
        text += it.key() + u'\n';
        for (const QJsonObject &package : std::as_const(*it)) {
            const QDateTime created =
                QDateTime::fromString(package[u"created_at"_s].toString(), Qt::ISODateWithMs)
                    .toUTC();
            const QString status = package[u"status"_s].toString();
            versions.append(QJsonObject{{u"id"_s, package[u"id"_s].toInteger()},
                                        {u"name"_s, it.key()},
                                        {u"version"_s, package[u"version"_s].toString()},
                                        {u"status"_s, status},
                                        {u"created_at"_s, created.toString(Qt::ISODateWithMs)}});
            text += u"  "_s + package[u"version"_s].toString().leftJustified(22) + u"  "_s
                    + QLocale::c().toString(created, u"yyyy-MM-dd HH:mm"_s).leftJustified(16)
                    + u"  "_s + (status == u"default"_s ? QString() : status) + u'\n';
        }
        document.append(QJsonObject{{u"name"_s, it.key()}, {u"versions"_s, versions}});
    }
    return json ? QJsonDocument(document).toJson(QJsonDocument::Indented) : text.toUtf8();
}

} // namespace

class TestCliCommands final : public QObject
{
    Q_OBJECT

private:
    stevedore::test::ScopedSim m_sim;
    QTemporaryDir m_root;  // HOME and the XDG folders of every run
    QTemporaryDir m_work;  // the runs' working directory: local files, downloads
    QStringList m_secrets; // every token a run was given
    QStringList m_leaks;   // runs that printed one

    QString work(const QString &name) const { return m_work.filePath(name); }

    QProcessEnvironment isolated() const { return isolatedEnvironment(m_root.path()); }

    // GITLAB_HOST + GITLAB_TOKEN, as glab uses them.
    QProcessEnvironment withToken(const QString &token)
    {
        QProcessEnvironment environment = isolated();
        environment.insert(u"GITLAB_HOST"_s, m_sim->baseUrl().toString());
        environment.insert(u"GITLAB_TOKEN"_s, token);
        return environment;
    }

    // Inside a GitLab CI job.
    QProcessEnvironment inCiJob()
    {
        QProcessEnvironment environment = isolated();
        environment.insert(u"CI_API_V4_URL"_s, m_sim->baseUrl().toString() + u"/api/v4"_s);
        environment.insert(u"CI_JOB_TOKEN"_s, kJobToken);
        environment.insert(u"CI_PROJECT_ID"_s, u"1"_s);
        return environment;
    }

    Run run(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        Run result = runStevedore(arguments, environment, m_work.path());
        for (const QString &name : {u"GITLAB_TOKEN"_s, u"CI_JOB_TOKEN"_s}) {
            const QString secret = environment.value(name);
            if (secret.isEmpty())
                continue;
            if (!m_secrets.contains(secret))
                m_secrets << secret;
            if (result.out().contains(secret) || result.err().contains(secret))
                m_leaks << result.describe();
        }
        return result;
    }

    Run run(const QStringList &arguments) { return run(arguments, withToken(kPat)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(m_work.isValid());
        QVERIFY2(QFileInfo(QStringLiteral(STEVEDORE_EXECUTABLE)).isExecutable(),
                 STEVEDORE_EXECUTABLE);
        QVERIFY(m_sim.startDemo());
    }

    void cleanup()
    {
        m_sim.reportIfFailed();
        const QStringList leaks = std::exchange(m_leaks, {});
        QVERIFY2(leaks.isEmpty(), qPrintable(u"a token was printed:\n"_s + leaks.join(u'\n')));
    }

    void cleanupTestCase()
    {
        // Nothing any run wrote under HOME or the XDG folders holds a token.
        QVERIFY(!m_secrets.isEmpty());
        for (const QString &secret : std::as_const(m_secrets)) {
            const QStringList found = filesContaining(m_root.path(), secret.toUtf8());
            QVERIFY2(found.isEmpty(), qPrintable(found.join(u", "_s)));
        }
        QCOMPARE(m_sim.stop(), 0);
    }

    void projectsListsWhatTheTokenCanSee()
    {
        const Run text = run({u"projects"_s});
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        for (const QString &path : {u"demo/hello"_s, u"demo/tools"_s, u"demo/platform/agent"_s})
            QVERIFY2(text.out().contains(path), qPrintable(text.describe()));

        const Run json = run({u"projects"_s, u"--json"_s});
        QCOMPARE(json.exitCode, 0);
        QVERIFY2(json.json().isArray(), qPrintable(json.describe()));
        QStringList paths = column(json.json().array(), u"path"_s);
        paths.sort();
        QCOMPARE(paths, (QStringList{u"demo/hello"_s, u"demo/platform/agent"_s, u"demo/tools"_s}));
    }

    void listSortsVersionsSemantically()
    {
        // GitLab's order_by=version is a string sort (1.10.0 before 1.9.0); the CLI sorts itself,
        // newest first.
        const Run text = run({u"list"_s, u"demo/hello"_s, u"hello-cli"_s});
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        const QString out = text.out();
        const auto at = [&](const QString &version) {
            return out.indexOf(
                QRegularExpression(u"^\\s+"_s + QRegularExpression::escape(version) + u"\\s"_s,
                                   QRegularExpression::MultilineOption));
        };
        QVERIFY2(at(u"1.10.0"_s) >= 0 && at(u"1.10.0"_s) < at(u"1.9.0"_s), qPrintable(out));
        QVERIFY2(at(u"1.9.0"_s) < at(u"1.2.0"_s), qPrintable(out));

        const Run json = run({u"list"_s, u"demo/hello"_s, u"hello-cli"_s, u"--json"_s});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray packages = json.json().array();
        QCOMPARE(packages.size(), 1);
        QCOMPARE(packages.first()[u"name"_s].toString(), u"hello-cli"_s);
        QCOMPARE(column(packages.first()[u"versions"_s].toArray(), u"version"_s),
                 (QStringList{u"2.0.0-rc.1"_s, u"2.0.0-beta.2"_s, u"1.10.0"_s, u"1.9.0"_s,
                              u"1.2.0"_s, u"1.0.0"_s}));
    }

    void listShowsHiddenPackagesOnlyWhenAsked()
    {
        const Run plain = run({u"list"_s, u"demo/hello"_s, u"firmware"_s});
        QVERIFY2(plain.exitCode == 4, qPrintable(plain.describe()));
        const Run hidden = run({u"list"_s, u"demo/hello"_s, u"firmware"_s, u"--hidden"_s});
        QVERIFY2(hidden.exitCode == 0, qPrintable(hidden.describe()));
        QVERIFY2(hidden.out().contains(u"0.9.0"_s) && hidden.out().contains(u"hidden"_s),
                 qPrintable(hidden.describe()));
    }

    // Eleven pages (and the hidden list's own): every package once, in the order and the
    // format the list had when it was built whole, byte for byte.
    void listOverManyPagesMatchesTheServer_data()
    {
        QTest::addColumn<bool>("json");
        QTest::addColumn<bool>("hidden");
        QTest::newRow("text") << false << false;
        QTest::newRow("text, --hidden") << false << true;
        QTest::newRow("--json") << true << false;
        QTest::newRow("--json --hidden") << true << true;
    }

    void listOverManyPagesMatchesTheServer()
    {
        QFETCH(bool, json);
        QFETCH(bool, hidden);
        stevedore::test::ScopedSim many;
        QVERIFY(
            many.start(stevedore::test::SimServer::Options().withFixture(manyPackagesFixture())));
        const QList<QJsonObject> packages = listedPackages(many->baseUrl(), hidden);
        QCOMPARE(packages.size(), hidden ? 1050 : 900);

        QProcessEnvironment environment = isolated();
        environment.insert(u"GITLAB_HOST"_s, many->baseUrl().toString());
        environment.insert(u"GITLAB_TOKEN"_s, u"glpat-lister"_s);
        QStringList arguments{u"list"_s, u"demo/many"_s};
        if (json)
            arguments << u"--json"_s;
        if (hidden)
            arguments << u"--hidden"_s;
        const Run listed = run(arguments, environment);
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err()));
        QVERIFY(listed.standardError.isEmpty());
        const QByteArray expected = wholeListOutput(packages, json);
        if (listed.standardOutput != expected) {
            const QList<QByteArray> got = listed.standardOutput.split('\n');
            const QList<QByteArray> want = expected.split('\n');
            qsizetype line = 0;
            while (line < std::min(got.size(), want.size()) && got.at(line) == want.at(line))
                ++line;
            QFAIL(qPrintable(
                u"output differs at line %1 of %2: \"%3\", expected \"%4\""_s.arg(line + 1)
                    .arg(want.size())
                    .arg(QString::fromUtf8(got.value(line)), QString::fromUtf8(want.value(line)))));
        }
        if (json)
            QCOMPARE(listed.json().array().size(), 210);
        QCOMPARE(many.stop(), 0);
    }

    void filesMarksTheOlderCopy()
    {
        const QString duplicated = u"hello-1.9.0-linux-amd64.tar.gz"_s;
        const Run text = run({u"files"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.9.0"_s});
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        const QStringList lines = text.out().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.filter(duplicated).size(), 2);
        QCOMPARE(lines.filter(u"older copy"_s).size(), 1);
        QVERIFY(lines.filter(u"older copy"_s).first().startsWith(duplicated));

        const Run json =
            run({u"files"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.9.0"_s, u"--json"_s});
        QCOMPARE(json.exitCode, 0);
        int newest = 0;
        int older = 0;
        for (const QJsonValue &file : json.json().array()) {
            if (file[u"name"_s].toString() != duplicated)
                continue;
            (file[u"newest"_s].toBool() ? newest : older) += 1;
            QCOMPARE(file[u"sha256"_s].toString().size(), 64);
        }
        QCOMPARE(newest, 1);
        QCOMPARE(older, 1);
    }

    void publishesFilesAndAFolderThenDownloadsThem()
    {
        // Files, and a folder whose relative paths become path segments.
        QMap<QString, QByteArray> local{
            {u"notes.txt"_s, "release notes\n"},
            {u"tool.bin"_s, QByteArray(70000, 'x') + "end"},
            {u"site/index.html"_s, "<h1>hi</h1>\n"},
            {u"site/css/site.css"_s, "body { margin: 0 }\n"},
        };
        QDir publishDir(work(u"publish"_s));
        for (auto it = local.cbegin(); it != local.cend(); ++it)
            QVERIFY(writeBytes(publishDir.filePath(it.key()), it.value()));

        const Run published =
            run({u"publish"_s, u"demo/hello"_s, u"cli-pub"_s, u"1.0.0"_s, u"publish/notes.txt"_s,
                 u"publish/tool.bin"_s, u"publish/site"_s, u"--json"_s});
        QVERIFY2(published.exitCode == 0, qPrintable(published.describe()));
        const QJsonArray results = published.json().array();
        QCOMPARE(results.size(), local.size());
        for (const QJsonValue &result : results) {
            const QString name = result[u"name"_s].toString();
            QVERIFY2(local.contains(name), qPrintable(name));
            QCOMPARE(result[u"state"_s].toString(), u"done"_s);
            QCOMPARE(result[u"sha256"_s].toString().toLatin1(),
                     sha256Hex(publishDir.filePath(name)));
        }

        // The package lists them with the same names and checksums.
        const Run files = run({u"files"_s, u"demo/hello"_s, u"cli-pub"_s, u"1.0.0"_s, u"--json"_s});
        QCOMPARE(files.exitCode, 0);
        QStringList names = column(files.json().array(), u"name"_s);
        names.sort();
        QCOMPARE(names, QStringList(local.keys()));

        // Text output: one line per published file with its SHA-256.
        QVERIFY(writeBytes(work(u"publish/extra.txt"_s), "one more\n"));
        const Run text =
            run({u"publish"_s, u"demo/hello"_s, u"cli-pub"_s, u"1.0.0"_s, u"publish/extra.txt"_s});
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY2(
            text.out().contains(u"published extra.txt  "_s
                                + QString::fromLatin1(sha256Hex(work(u"publish/extra.txt"_s)))),
            qPrintable(text.describe()));

        // Download everything into a folder, verified.
        const Run downloaded =
            run({u"download"_s, u"demo/hello"_s, u"cli-pub"_s, u"1.0.0"_s, u"-o"_s, u"fetched"_s});
        QVERIFY2(downloaded.exitCode == 0, qPrintable(downloaded.describe()));
        local.insert(u"extra.txt"_s, "one more\n");
        for (auto it = local.cbegin(); it != local.cend(); ++it) {
            const QString copy = work(u"fetched/"_s + it.key());
            QVERIFY2(QFileInfo::exists(copy), qPrintable(copy + u"\n"_s + downloaded.describe()));
            QCOMPARE(sha256Hex(copy), sha256Hex(publishDir.filePath(it.key())));
            QVERIFY(!QFileInfo::exists(copy + u".part"_s));
        }
    }

    void downloadGetsTheNewestCopyVerified()
    {
        const Run files =
            run({u"files"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.9.0"_s, u"--json"_s});
        QCOMPARE(files.exitCode, 0);
        QString newestSha;
        for (const QJsonValue &file : files.json().array()) {
            if (file[u"name"_s].toString() == u"hello-1.9.0-linux-amd64.tar.gz"_s
                && file[u"newest"_s].toBool())
                newestSha = file[u"sha256"_s].toString();
        }
        QCOMPARE(newestSha.size(), 64);

        const Run downloaded =
            run({u"download"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.9.0"_s,
                 u"hello-1.9.0-linux-amd64.tar.gz"_s, u"-o"_s, u"newest"_s, u"--json"_s});
        QVERIFY2(downloaded.exitCode == 0, qPrintable(downloaded.describe()));
        QCOMPARE(downloaded.json().array().size(), 1);
        QVERIFY(downloaded.json().array().first()[u"ok"_s].toBool());
        QCOMPARE(sha256Hex(work(u"newest/hello-1.9.0-linux-amd64.tar.gz"_s)), newestSha.toLatin1());
    }

    // A proxy that is not listening is named as the culprit, not mistaken for the server.
    void aDeadProxyIsNamed()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString address = u"127.0.0.1:%1"_s.arg(closed.serverPort());
        closed.close();
        QProcessEnvironment environment = withToken(kPat);
        for (const QString &name : {u"no_proxy"_s, u"NO_PROXY"_s, u"all_proxy"_s, u"ALL_PROXY"_s})
            environment.remove(name);
        environment.insert(u"http_proxy"_s, u"http://"_s + address);
        environment.insert(u"https_proxy"_s, u"http://"_s + address);

        const Run dead = run({u"download"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.9.0"_s,
                              u"hello-1.9.0-linux-amd64.tar.gz"_s, u"-o"_s, u"via-proxy"_s},
                             environment);
        QVERIFY2(dead.exitCode == 1, qPrintable(dead.describe()));
        QVERIFY2(dead.err().contains(u"The proxy at %1 refused the connection"_s.arg(address)),
                 qPrintable(dead.describe()));
        QVERIFY2(!dead.err().contains(u"Check the URL and port"_s), qPrintable(dead.describe()));
        QVERIFY(!QFileInfo::exists(work(u"via-proxy/hello-1.9.0-linux-amd64.tar.gz"_s)));

        // no_proxy naming the server goes around it.
        environment.insert(u"no_proxy"_s, m_sim->baseUrl().host());
        const Run direct = run({u"download"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.9.0"_s,
                                u"hello-1.9.0-linux-amd64.tar.gz"_s, u"-o"_s, u"via-proxy"_s},
                               environment);
        QVERIFY2(direct.exitCode == 0, qPrintable(direct.describe()));
        QVERIFY(QFileInfo::exists(work(u"via-proxy/hello-1.9.0-linux-amd64.tar.gz"_s)));
    }

    void downloadKeepsAnExistingFileUnlessOverwrite()
    {
        QVERIFY(writeBytes(work(u"keep/CHANGELOG.md"_s), "my own notes\n"));
        const QStringList arguments{u"download"_s,     u"demo/hello"_s, u"hello-cli"_s, u"1.9.0"_s,
                                    u"CHANGELOG.md"_s, u"-o"_s,         u"keep"_s};
        const Run refused = run(arguments);
        QVERIFY2(refused.exitCode == 1, qPrintable(refused.describe()));
        QVERIFY2(refused.err().contains(u"already exists"_s), qPrintable(refused.describe()));
        QFile kept(work(u"keep/CHANGELOG.md"_s));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("my own notes\n"));
        kept.close();

        const Run replaced = run(arguments + QStringList{u"--overwrite"_s});
        QVERIFY2(replaced.exitCode == 0, qPrintable(replaced.describe()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QVERIFY(kept.readAll().startsWith("# 1.9.0"));
    }

    void deletesAFileThenTheVersion()
    {
        QVERIFY(writeBytes(work(u"del/a.txt"_s), "a\n"));
        QVERIFY(writeBytes(work(u"del/b.txt"_s), "b\n"));
        const Run published = run({u"publish"_s, u"demo/hello"_s, u"cli-del"_s, u"1.0.0"_s,
                                   u"del/a.txt"_s, u"del/b.txt"_s});
        QVERIFY2(published.exitCode == 0, qPrintable(published.describe()));

        const Run deletedFile =
            run({u"delete"_s, u"demo/hello"_s, u"cli-del"_s, u"1.0.0"_s, u"a.txt"_s});
        QVERIFY2(deletedFile.exitCode == 0, qPrintable(deletedFile.describe()));
        const Run left = run({u"files"_s, u"demo/hello"_s, u"cli-del"_s, u"1.0.0"_s, u"--json"_s});
        QCOMPARE(left.exitCode, 0);
        QCOMPARE(column(left.json().array(), u"name"_s), QStringList{u"b.txt"_s});

        const Run deletedVersion = run({u"delete"_s, u"demo/hello"_s, u"cli-del"_s, u"1.0.0"_s});
        QVERIFY2(deletedVersion.exitCode == 0, qPrintable(deletedVersion.describe()));
        const Run gone = run({u"files"_s, u"demo/hello"_s, u"cli-del"_s, u"1.0.0"_s});
        QVERIFY2(gone.exitCode == 4, qPrintable(gone.describe()));
        const Run unlisted = run({u"list"_s, u"demo/hello"_s, u"cli-del"_s});
        QVERIFY2(unlisted.exitCode == 4, qPrintable(unlisted.describe()));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrPattern"); // regular expression

        QTest::newRow("0: success")
            << QStringList{u"list"_s, u"demo/tools"_s} << kPat << 0 << QString();
        QTest::newRow("1: local file missing")
            << QStringList{u"publish"_s, u"demo/hello"_s, u"x"_s, u"1.0.0"_s, u"missing.txt"_s}
            << kPat << 1 << u"missing.txt does not exist"_s;
        QTest::newRow("2: bad package name, with a suggestion")
            << QStringList{u"publish"_s, u"demo/hello"_s, u"my package"_s, u"1.0.0"_s,
                           u"exists.txt"_s}
            << kPat << 2 << u"Try \"my_package\""_s;
        QTest::newRow("2: bad version, with a suggestion")
            << QStringList{u"publish"_s, u"demo/hello"_s, u"pkg"_s, u"1..0"_s, u"exists.txt"_s}
            << kPat << 2 << u"Try \"1\\.0\""_s;
        QTest::newRow("2: bad file name, with a suggestion")
            << QStringList{u"publish"_s,    u"demo/hello"_s,  u"pkg"_s,        u"1.0.0"_s,
                           u"exists.txt"_s, u"--file-name"_s, u"my file.txt"_s}
            << kPat << 2 << u"Try --file-name \"my_file\\.txt\""_s;
        QTest::newRow("2: missing arguments")
            << QStringList{u"files"_s, u"demo/hello"_s} << kPat << 2 << u"usage"_s;
        QTest::newRow("3: read_api token publishing")
            << QStringList{u"publish"_s, u"demo/hello"_s, u"pkg"_s, u"1.0.0"_s, u"exists.txt"_s}
            << kReadApiPat << 3 << u"api scope"_s;
        QTest::newRow("3: wrong token")
            << QStringList{u"projects"_s} << u"glpat-wrong"_s << 3 << u"did not accept the token"_s;
        QTest::newRow("3: expired token")
            << QStringList{u"projects"_s} << kExpiredPat << 3 << u"expired"_s;
        QTest::newRow("3: guest publishing")
            << QStringList{u"publish"_s, u"demo/hello"_s, u"pkg"_s, u"1.0.0"_s, u"exists.txt"_s}
            << kGuestPat << 3 << u"role"_s;
        QTest::newRow("4: unknown project")
            << QStringList{u"list"_s, u"demo/nowhere"_s} << kPat << 4 << u"project"_s;
        QTest::newRow("4: unknown version")
            << QStringList{u"files"_s, u"demo/hello"_s, u"hello-cli"_s, u"9.9.9"_s} << kPat << 4
            << u"9\\.9\\.9"_s;
        QTest::newRow("4: unknown file")
            << QStringList{u"download"_s,    u"demo/hello"_s, u"hello-cli"_s, u"1.9.0"_s,
                           u"nothing.bin"_s, u"-o"_s,         u"nowhere"_s}
            << kPat << 4 << u"nothing\\.bin"_s;
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, token);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrPattern);
        QVERIFY(writeBytes(work(u"exists.txt"_s), "content\n"));
        const qsizetype before = m_sim->logContents().count("demo%2Fhello");

        const Run result = run(arguments, withToken(token));
        QVERIFY2(result.exitCode == exitCode, qPrintable(result.describe()));
        if (!stderrPattern.isEmpty()) {
            QVERIFY2(result.err().contains(QRegularExpression(stderrPattern)),
                     qPrintable(result.describe()));
        }
        if (exitCode == 2) // a malformed command never reaches the server
            QCOMPARE(m_sim->logContents().count("demo%2Fhello"), before);
    }

    void runsInACiJobWithTheJobToken()
    {
        const Run accounts = run({u"accounts"_s, u"--json"_s}, inCiJob());
        QVERIFY2(accounts.exitCode == 0, qPrintable(accounts.describe()));
        QVERIFY2(column(accounts.json().array(), u"name"_s).contains(u"env:CI_JOB_TOKEN"_s),
                 qPrintable(accounts.describe()));

        QVERIFY(writeBytes(work(u"ci/build.tar.gz"_s), QByteArray(30000, 'c')));
        const Run published =
            run({u"publish"_s, u"1"_s, u"ci-build"_s, u"1.0.0"_s, u"ci/build.tar.gz"_s}, inCiJob());
        QVERIFY2(published.exitCode == 0, qPrintable(published.describe()));

        const Run listed = run({u"list"_s, u"1"_s, u"ci-build"_s, u"--json"_s}, inCiJob());
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        QCOMPARE(column(listed.json().array().first()[u"versions"_s].toArray(), u"version"_s),
                 QStringList{u"1.0.0"_s});

        const Run downloaded = run(
            {u"download"_s, u"1"_s, u"ci-build"_s, u"1.0.0"_s, u"-o"_s, u"ci-out"_s}, inCiJob());
        QVERIFY2(downloaded.exitCode == 0, qPrintable(downloaded.describe()));
        QCOMPARE(sha256Hex(work(u"ci-out/build.tar.gz"_s)), sha256Hex(work(u"ci/build.tar.gz"_s)));
    }

    // With the job token, a first argument that cannot be a PROJECT means PROJECT was left out
    // and CI_PROJECT_ID stands for it; a numeric or group/project first argument keeps its
    // meaning.
    void ciJobLeavesOutTheProject()
    {
        QVERIFY(writeBytes(work(u"ci-default/app.bin"_s), QByteArray(2000, 'a')));
        QVERIFY(writeBytes(work(u"ci-default/app.sig"_s), QByteArray(64, 's')));
        const Run published = run({u"publish"_s, u"ci-default"_s, u"2.0.0"_s,
                                   u"ci-default/app.bin"_s, u"ci-default/app.sig"_s},
                                  inCiJob());
        QVERIFY2(published.exitCode == 0, qPrintable(published.describe()));

        const Run files =
            run({u"files"_s, u"1"_s, u"ci-default"_s, u"2.0.0"_s, u"--json"_s}, withToken(kPat));
        QVERIFY2(files.exitCode == 0, qPrintable(files.describe()));
        QStringList names = column(files.json().array(), u"name"_s);
        names.sort();
        QCOMPARE(names, (QStringList{u"app.bin"_s, u"app.sig"_s}));

        const Run listed = run({u"list"_s, u"--json"_s}, inCiJob());
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        QVERIFY2(column(listed.json().array(), u"name"_s).contains(u"ci-default"_s),
                 qPrintable(listed.describe()));

        const Run downloaded = run({u"download"_s, u"ci-default"_s, u"2.0.0"_s, u"app.bin"_s,
                                    u"-o"_s, u"ci-default-out"_s},
                                   inCiJob());
        QVERIFY2(downloaded.exitCode == 0, qPrintable(downloaded.describe()));
        QCOMPARE(sha256Hex(work(u"ci-default-out/app.bin"_s)),
                 sha256Hex(work(u"ci-default/app.bin"_s)));

        // A numeric first argument is still the PROJECT.
        const Run numeric =
            run({u"files"_s, u"1"_s, u"ci-default"_s, u"2.0.0"_s, u"--json"_s}, inCiJob());
        QVERIFY2(numeric.exitCode == 0, qPrintable(numeric.describe()));
        QCOMPARE(numeric.json().array().size(), 2);
    }

    void leftOutProjectNeedsTheJobTokenAndCiProjectId()
    {
        QProcessEnvironment noProjectId = inCiJob();
        noProjectId.remove(u"CI_PROJECT_ID"_s);
        const Run unset = run({u"files"_s, u"ci-default"_s, u"2.0.0"_s}, noProjectId);
        QCOMPARE(unset.exitCode, 2);
        QVERIFY2(unset.err().contains(u"CI_PROJECT_ID is not set"_s), qPrintable(unset.describe()));

        QProcessEnvironment badProjectId = inCiJob();
        badProjectId.insert(u"CI_PROJECT_ID"_s, u"my project"_s);
        const Run bad = run({u"files"_s, u"ci-default"_s, u"2.0.0"_s}, badProjectId);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err().contains(u"CI_PROJECT_ID=\"my project\""_s), qPrintable(bad.describe()));

        // With a personal access token the first argument is always PROJECT.
        const Run personal = run({u"files"_s, u"ci-default"_s, u"2.0.0"_s}, withToken(kPat));
        QCOMPARE(personal.exitCode, 2);
        QVERIFY2(personal.err().contains(u"usage: stevedore files PROJECT NAME VERSION"_s),
                 qPrintable(personal.describe()));
        QVERIFY2(!personal.err().contains(u"CI_PROJECT_ID"_s), qPrintable(personal.describe()));
    }

    // GITLAB_TOKEN names no server; --url (before or after the command) does, for this run.
    void tokenWithUrlNeedsNoGitLabHost()
    {
        QProcessEnvironment tokenOnly = isolated();
        tokenOnly.insert(u"GITLAB_TOKEN"_s, kPat);
        const QString url = m_sim->baseUrl().toString();

        const Run before =
            run({u"--url"_s, url, u"list"_s, u"demo/hello"_s, u"hello-cli"_s}, tokenOnly);
        QVERIFY2(before.exitCode == 0, qPrintable(before.describe()));
        QVERIFY2(before.out().contains(u"1.10.0"_s), qPrintable(before.describe()));

        const Run after = run(
            {u"files"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.10.0"_s, u"--url"_s, url}, tokenOnly);
        QVERIFY2(after.exitCode == 0, qPrintable(after.describe()));

        const Run accounts = run({u"accounts"_s, u"--json"_s, u"--url"_s, url}, tokenOnly);
        QVERIFY2(accounts.exitCode == 0, qPrintable(accounts.describe()));
        QCOMPARE(accountNames(accounts), QStringList{u"env:GITLAB_TOKEN"_s});
        QCOMPARE(accounts.json().array().first()[u"url"_s].toString(), url);

        // Without --url the token goes nowhere, and the message says what to set.
        const Run nowhere = run({u"list"_s, u"demo/hello"_s}, tokenOnly);
        QCOMPARE(nowhere.exitCode, 3);
        QVERIFY2(nowhere.err().contains(u"--url"_s), qPrintable(nowhere.describe()));
    }

    void anUnusableGitLabHostIsNamedWhenNoAccountFits()
    {
        QProcessEnvironment environment = isolated();
        environment.insert(u"GITLAB_HOST"_s, u"ftp://gitlab.example.com"_s);
        environment.insert(u"GITLAB_TOKEN"_s, kPat);
        const Run result = run({u"list"_s, u"demo/hello"_s}, environment);
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err().contains(u"GITLAB_HOST=ftp://gitlab.example.com"_s),
                 qPrintable(result.describe()));
    }

    // A server whose CA only CI_SERVER_TLS_CA_FILE (the runner's) or SSL_CERT_FILE names.
    void environmentAccountsTrustTheCaFile()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        Stevedore::IntegrationTest::TestCertificates certificates;
        const QString error = certificates.create(folder.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        stevedore::test::ScopedSim tls;
        QVERIFY(tls.start(stevedore::test::SimServer::Options().withDemo().withArguments(
            {u"--tls-cert"_s, certificates.certificateFile(), u"--tls-key"_s,
             certificates.keyFile()})));
        QCOMPARE(tls->baseUrl().scheme(), u"https"_s);

        QProcessEnvironment ciJob = isolated();
        ciJob.insert(u"CI_API_V4_URL"_s, tls->baseUrl().toString() + u"/api/v4"_s);
        ciJob.insert(u"CI_JOB_TOKEN"_s, kJobToken);
        ciJob.insert(u"CI_PROJECT_ID"_s, u"1"_s);
        const QStringList list{u"list"_s, u"hello-cli"_s};

        const Run untrusted = run(list, ciJob);
        QVERIFY2(untrusted.exitCode != 0 && untrusted.exitCode != -1,
                 qPrintable(untrusted.describe()));
        QVERIFY2(untrusted.err().contains(u"certificate"_s, Qt::CaseInsensitive),
                 qPrintable(untrusted.describe()));

        QProcessEnvironment runner = ciJob;
        runner.insert(u"CI_SERVER_TLS_CA_FILE"_s, certificates.caFile());
        const Run trusted = run(list, runner);
        QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.describe()));
        QVERIFY2(trusted.out().contains(u"1.10.0"_s), qPrintable(trusted.describe()));

        QProcessEnvironment openSsl = isolated();
        openSsl.insert(u"GITLAB_HOST"_s, tls->baseUrl().toString());
        openSsl.insert(u"GITLAB_TOKEN"_s, kPat);
        openSsl.insert(u"SSL_CERT_FILE"_s, certificates.caFile());
        const Run personal = run({u"list"_s, u"demo/hello"_s, u"hello-cli"_s}, openSsl);
        QVERIFY2(personal.exitCode == 0, qPrintable(personal.describe()));

        QProcessEnvironment missing = ciJob;
        missing.insert(u"CI_SERVER_TLS_CA_FILE"_s, folder.filePath(u"no-such-ca.pem"_s));
        const Run unreadable = run(list, missing);
        QVERIFY2(unreadable.exitCode != 0 && unreadable.exitCode != -1,
                 qPrintable(unreadable.describe()));
        QVERIFY2(unreadable.err().contains(u"no-such-ca.pem"_s), qPrintable(unreadable.describe()));
        QCOMPARE(tls.stop(), 0);
    }

    // --output json|text, glab's spelling, before or after the command; download keeps its own
    // --output, the folder.
    void outputJsonIsJson()
    {
        const QStringList files{u"files"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.10.0"_s};
        const Run json = run(files + QStringList{u"--json"_s});
        QVERIFY2(json.exitCode == 0 && json.json().isArray(), qPrintable(json.describe()));

        const Run before = run(QStringList{u"--output"_s, u"json"_s} + files);
        QVERIFY2(before.exitCode == 0, qPrintable(before.describe()));
        QCOMPARE(before.json(), json.json());
        const Run after = run(files + QStringList{u"--output"_s, u"json"_s});
        QVERIFY2(after.exitCode == 0, qPrintable(after.describe()));
        QCOMPARE(after.json(), json.json());

        const Run text = run(files + QStringList{u"--output"_s, u"text"_s});
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY2(text.json().isNull() && !text.out().isEmpty(), qPrintable(text.describe()));
        QCOMPARE(text.out(), run(files).out());

        const Run wrong = run(files + QStringList{u"--output"_s, u"yaml"_s});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err().contains(u"--output expects json or text, not 'yaml'"_s),
                 qPrintable(wrong.describe()));

        const Run folder = run({u"download"_s, u"demo/hello"_s, u"hello-cli"_s, u"1.10.0"_s,
                                u"--output"_s, u"json"_s});
        QVERIFY2(folder.exitCode == 0, qPrintable(folder.describe()));
        QVERIFY2(QFileInfo(work(u"json"_s)).isDir() && !QDir(work(u"json"_s)).isEmpty(),
                 qPrintable(folder.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCliCommands)
#include "TestCliCommands.moc"
