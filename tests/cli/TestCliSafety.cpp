// The `stevedore` command line when the input is wrong or the server misbehaves: names checked
// before any request, exact package matches for delete, no control characters on the terminal,
// downloads that stay inside their folder and within the listed size, bounded pagination, JSON
// that is not what the API documents, Retry-After limits, huge headers, special local files,
// links leading out of a published folder, the duplicate policies, an upload whose answer is
// lost, and a full disk. Against gitlab-sim --demo (with faults) and HostileServer, with an
// account from the environment and isolated HOME and XDG folders.

#include "CliTestSupport.h"
#include "DemoData.h"
#include "HostileServer.h"
#include "SimServer.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Stevedore::CliTest;
using Stevedore::Test::HostileServer;
using stevedore::test::ScopedSim;
using namespace stevedore::test::demo;
using namespace Qt::StringLiterals;

namespace {

const QString kPackages = u"^/api/v4/projects/demo%2Fhello/packages$"_s;
const QString kFilesOf10 = u"^/api/v4/projects/demo%2Fhello/packages/10/package_files$"_s;
const QString kGeneric = u"^/api/v4/projects/demo%2Fhello/packages/generic/app/1\\.0\\.0/"_s;

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Deterministic, not compressible: a small "binary".
QByteArray content(qsizetype size, char seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 state = 2166136261u ^ quint32(seed);
    for (qsizetype i = 0; i < size; ++i) {
        state = state * 1664525u + 1013904223u;
        bytes[i] = char(state >> 24);
    }
    return bytes;
}

// A package as GET /projects/:id/packages lists it (gitlab-api.md §5.2).
QJsonObject packageObject(const QUrl &base, qint64 id, const QString &name, const QString &version)
{
    return QJsonObject{
        {u"id"_s, id},
        {u"name"_s, name},
        {u"version"_s, version},
        {u"package_type"_s, u"generic"_s},
        {u"status"_s, u"default"_s},
        {u"_links"_s,
         QJsonObject{{u"web_path"_s, u"/demo/hello/-/packages/%1"_s.arg(id)},
                     {u"delete_api_path"_s,
                      QString(base.toString() + u"/api/v4/projects/1/packages/%1"_s.arg(id))}}},
        {u"created_at"_s, u"2026-03-01T09:30:00.000Z"_s},
        {u"last_downloaded_at"_s, QJsonValue::Null},
        {u"tags"_s, QJsonArray{}}};
}

// A package file as GET …/package_files lists it (gitlab-api.md §6.1).
QJsonObject fileObject(qint64 id, const QString &storedName, const QByteArray &bytes)
{
    return QJsonObject{{u"id"_s, id},
                       {u"package_id"_s, 10},
                       {u"created_at"_s, u"2026-03-01T09:30:05.000Z"_s},
                       {u"file_name"_s, storedName},
                       {u"size"_s, bytes.size()},
                       {u"file_md5"_s, QJsonValue::Null},
                       {u"file_sha1"_s, QJsonValue::Null},
                       {u"file_sha256"_s, sha256Of(bytes)}};
}

HostileServer::Reply reply(int status, const QByteArray &body = {})
{
    HostileServer::Reply answer;
    answer.status = status;
    answer.body = body;
    return answer;
}

QByteArray toJson(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

// demo/hello with the packages `packages` (none of them hidden) and package 10 holding `files`.
void serveVersion(HostileServer &server, const QJsonArray &packages, const QJsonArray &files)
{
    const QByteArray visible = toJson(packages);
    server.on("GET", kPackages, [visible](const HostileServer::Request &request) {
        return HostileServer::json(request.target.contains("status=hidden") ? "[]" : visible);
    });
    const QByteArray listed = toJson(files);
    server.on("GET", kFilesOf10,
              [listed](const HostileServer::Request &) { return HostileServer::json(listed); });
}

QString describeRequests(const HostileServer &server)
{
    QStringList lines;
    for (const HostileServer::Request &request : server.requests())
        lines << QString::fromLatin1(request.method + ' ' + request.target
                                     + (request.header("Range").isEmpty()
                                            ? QByteArray()
                                            : " Range: " + request.header("Range")));
    return u"requests:\n  "_s + lines.join(u"\n  "_s);
}

QStringList namesIn(const Run &files)
{
    QStringList names;
    for (const QJsonValue &file : files.json().array())
        names << file[u"name"_s].toString();
    names.sort();
    return names;
}

// Every path below `root` (links not followed) whose file name matches `pattern`.
QStringList pathsNamed(const QString &root, const QRegularExpression &pattern)
{
    QStringList found;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (pattern.match(it.fileName()).hasMatch())
            found << path;
    }
    return found;
}

} // namespace

class TestCliSafety final : public QObject
{
    Q_OBJECT

private:
    ScopedSim m_sim;
    QTemporaryDir m_root; // HOME and the XDG folders of every run
    QTemporaryDir m_work; // the runs' working directory: local files, downloads

    QString work(const QString &name) const { return m_work.filePath(name); }

    QProcessEnvironment isolated() const { return isolatedEnvironment(m_root.path()); }

    // GITLAB_HOST + GITLAB_TOKEN for the server at `base`.
    QProcessEnvironment against(const QUrl &base, const QString &token = kPat) const
    {
        QProcessEnvironment environment = isolated();
        environment.insert(u"GITLAB_HOST"_s, base.toString());
        environment.insert(u"GITLAB_TOKEN"_s, token);
        return environment;
    }

    Run run(const QStringList &arguments, const QProcessEnvironment &environment,
            int timeoutMs = 60000) const
    {
        return runStevedore(arguments, environment, m_work.path(), {}, timeoutMs);
    }

    // Against the shared gitlab-sim --demo.
    Run sim(const QStringList &arguments) const
    {
        return run(arguments, against(m_sim->baseUrl()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(m_work.isValid());
        QVERIFY2(QFileInfo(QStringLiteral(STEVEDORE_EXECUTABLE)).isExecutable(),
                 STEVEDORE_EXECUTABLE);
        QVERIFY(m_sim.startDemo());
    }

    void cleanup() { m_sim.reportIfFailed(); }

    void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }

    // 1. Every name is checked before anything is sent.
    void namesAreCheckedBeforeAnyRequest_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected"); // in stderr

        const QString tooLong(256, u'a');
        const QString emptyName = u"NAME \"\": A package name may not be empty."_s;
        const QString emptyVersion = u"VERSION \"\": A version may not be empty."_s;
        const QString longName = u"A package name may be at most 255 characters long."_s;
        const QString longVersion = u"A version may be at most 255 characters long."_s;
        const QString dotDot = u"FILE \"../x\": A folder name may not be '.' or '..'."_s;
        const QString doubleSlash =
            u"FILE \"a//b\": An upload path may not start or end with '/' or contain '//'."_s;
        const QString slashes = u"A project path may not start or end with '/' or contain '//'."_s;
        const QString out = work(u"never"_s);

        const QList<std::pair<QString, QString>> projects{
            {u""_s, u"PROJECT \"\": A project may not be empty"_s},
            {u".."_s, u"PROJECT \"..\": "_s},
            {u"demo//hello"_s, u"PROJECT \"demo//hello\": "_s + slashes},
            {u"/demo/hello"_s, u"PROJECT \"/demo/hello\": "_s + slashes},
            {u"demo/hello/"_s, u"PROJECT \"demo/hello/\": "_s + slashes},
            {u"demo/../x"_s,
             u"PROJECT \"demo/../x\": A project path may not contain '.' or '..' segments."_s},
            {u"hello"_s, u"PROJECT \"hello\": A project is a numeric id or a full path"_s},
        };
        for (const auto &[project, message] : projects) {
            QTest::addRow("list, project '%s'", qPrintable(project))
                << QStringList{u"list"_s, project} << message;
        }
        QTest::newRow("files, project 'demo/../x'")
            << QStringList{u"files"_s, u"demo/../x"_s, u"app"_s, u"1.0.0"_s}
            << projects.at(5).second;
        QTest::newRow("download, project 'demo//hello'")
            << QStringList{u"download"_s, u"demo//hello"_s, u"app"_s, u"1.0.0"_s, u"-o"_s, out}
            << projects.at(2).second;
        QTest::newRow("delete, project '/demo/hello'")
            << QStringList{u"delete"_s, u"/demo/hello"_s, u"app"_s, u"1.0.0"_s}
            << projects.at(3).second;
        QTest::newRow("delete, project 'hello'")
            << QStringList{u"delete"_s, u"hello"_s, u"app"_s, u"1.0.0"_s} << projects.at(6).second;
        QTest::newRow("delete, project ''")
            << QStringList{u"delete"_s, u""_s, u"app"_s, u"1.0.0"_s} << projects.at(0).second;
        QTest::newRow("publish, project 'demo/hello/'")
            << QStringList{u"publish"_s, u"demo/hello/"_s, u"app"_s, u"1.0.0"_s, u"exists.txt"_s}
            << projects.at(4).second;

        QTest::newRow("list, empty name")
            << QStringList{u"list"_s, u"demo/hello"_s, u""_s} << emptyName;
        QTest::newRow("list, 256-character name")
            << QStringList{u"list"_s, u"demo/hello"_s, tooLong} << longName;
        QTest::newRow("files, empty name")
            << QStringList{u"files"_s, u"demo/hello"_s, u""_s, u"1.0.0"_s} << emptyName;
        QTest::newRow("files, empty version")
            << QStringList{u"files"_s, u"demo/hello"_s, u"app"_s, u""_s} << emptyVersion;
        QTest::newRow("files, 256-character version")
            << QStringList{u"files"_s, u"demo/hello"_s, u"app"_s, tooLong} << longVersion;
        QTest::newRow("download, empty name")
            << QStringList{u"download"_s, u"demo/hello"_s, u""_s, u"1.0.0"_s, u"-o"_s, out}
            << emptyName;
        QTest::newRow("download, 256-character name")
            << QStringList{u"download"_s, u"demo/hello"_s, tooLong, u"1.0.0"_s, u"-o"_s, out}
            << longName;
        QTest::newRow("download, empty version")
            << QStringList{u"download"_s, u"demo/hello"_s, u"app"_s, u""_s, u"-o"_s, out}
            << emptyVersion;
        QTest::newRow("download, file '../x'")
            << QStringList{u"download"_s, u"demo/hello"_s, u"app"_s, u"1.0.0"_s,
                           u"../x"_s,     u"-o"_s,         out}
            << dotDot;
        QTest::newRow("download, file 'a//b'")
            << QStringList{u"download"_s, u"demo/hello"_s, u"app"_s, u"1.0.0"_s,
                           u"a//b"_s,     u"-o"_s,         out}
            << doubleSlash;
        QTest::newRow("delete, empty name")
            << QStringList{u"delete"_s, u"demo/hello"_s, u""_s, u"7.7.7"_s} << emptyName;
        QTest::newRow("delete, 256-character name")
            << QStringList{u"delete"_s, u"demo/hello"_s, tooLong, u"7.7.7"_s} << longName;
        QTest::newRow("delete, empty version")
            << QStringList{u"delete"_s, u"demo/hello"_s, u"app"_s, u""_s} << emptyVersion;
        QTest::newRow("delete, 256-character version")
            << QStringList{u"delete"_s, u"demo/hello"_s, u"app"_s, tooLong} << longVersion;
        QTest::newRow("delete, file '../x'")
            << QStringList{u"delete"_s, u"demo/hello"_s, u"app"_s, u"1.0.0"_s, u"../x"_s} << dotDot;
        QTest::newRow("delete, file 'a//b'")
            << QStringList{u"delete"_s, u"demo/hello"_s, u"app"_s, u"1.0.0"_s, u"a//b"_s}
            << doubleSlash;
        QTest::newRow("publish, empty name")
            << QStringList{u"publish"_s, u"demo/hello"_s, u""_s, u"1.0.0"_s, u"exists.txt"_s}
            << emptyName;
        QTest::newRow("publish, 256-character version")
            << QStringList{u"publish"_s, u"demo/hello"_s, u"app"_s, tooLong, u"exists.txt"_s}
            << longVersion;
        QTest::newRow("publish, --file-name '../x'")
            << QStringList{u"publish"_s,    u"demo/hello"_s,  u"app"_s, u"1.0.0"_s,
                           u"exists.txt"_s, u"--file-name"_s, u"../x"_s}
            << u"\"../x\": A folder name may not be '.' or '..'."_s;
        QTest::newRow("publish, --file-name 'a//b'")
            << QStringList{u"publish"_s,    u"demo/hello"_s,  u"app"_s, u"1.0.0"_s,
                           u"exists.txt"_s, u"--file-name"_s, u"a//b"_s}
            << u"\"a//b\": An upload path may not start or end with '/' or contain '//'."_s;
    }

    void namesAreCheckedBeforeAnyRequest()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        QVERIFY(writeBytes(work(u"exists.txt"_s), "content\n"));
        HostileServer server; // records whatever would reach it
        QVERIFY(server.isListening());

        const Run result = run(arguments, against(server.baseUrl()));
        QVERIFY2(result.exitCode == 2, qPrintable(result.describe()));
        QVERIFY2(result.err().startsWith(u"stevedore: "_s), qPrintable(result.describe()));
        QVERIFY2(result.err().contains(expected),
                 qPrintable(u"expected \"%1\" in stderr\n"_s.arg(expected) + result.describe()));
        QVERIFY2(server.requests().isEmpty(), qPrintable(describeRequests(server)));
        QVERIFY(!QFileInfo::exists(work(u"never"_s)));
    }

    // 1. An unset $PKG in CI: `delete demo/hello "" 7.7.7` deletes nothing.
    void deleteWithAnEmptyNameDeletesNothing()
    {
        QVERIFY(writeBytes(work(u"other/other.txt"_s), "another package\n"));
        const Run published =
            sim({u"publish"_s, u"demo/hello"_s, u"other"_s, u"7.7.7"_s, u"other/other.txt"_s});
        QVERIFY2(published.exitCode == 0, qPrintable(published.describe()));

        const qsizetype before = m_sim->logContents().size();
        const Run refused = sim({u"delete"_s, u"demo/hello"_s, u""_s, u"7.7.7"_s});
        QVERIFY2(refused.exitCode == 2, qPrintable(refused.describe()));
        QVERIFY2(refused.err().startsWith(u"stevedore: "_s)
                     && refused.err().contains(u"NAME \"\": A package name may not be empty."_s),
                 qPrintable(refused.describe()));
        const QByteArray during = m_sim->logContents().mid(before);
        QVERIFY2(!during.contains("/api/v4/"), during.constData());

        const Run still = sim({u"files"_s, u"demo/hello"_s, u"other"_s, u"7.7.7"_s, u"--json"_s});
        QVERIFY2(still.exitCode == 0, qPrintable(still.describe()));
        QCOMPARE(namesIn(still), QStringList{u"other.txt"_s});
    }

    // 2. Two packages with the same name and version: delete refuses to choose.
    void deleteRefusesTwoPackagesOfOneVersion()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        const QUrl base = server.baseUrl();
        serveVersion(server,
                     {packageObject(base, 10, u"app"_s, u"1.0.0"_s),
                      packageObject(base, 11, u"app"_s, u"1.0.0"_s),
                      packageObject(base, 12, u"app-extra"_s, u"1.0.0"_s)},
                     {fileObject(1, u"app.bin"_s, "x")});
        server.on("DELETE", u".*"_s, [](const HostileServer::Request &) { return reply(204); });

        const Run result = run({u"delete"_s, u"demo/hello"_s, u"app"_s, u"1.0.0"_s}, against(base));
        QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
        QVERIFY2(result.err().contains(u"refusing to choose"_s), qPrintable(result.describe()));
        QVERIFY2(server.count("DELETE", u".*"_s) == 0, qPrintable(describeRequests(server)));
        QVERIFY2(server.count("GET", kPackages) >= 1, qPrintable(describeRequests(server)));
    }

    // 2. package_name is a fuzzy match: app-extra is not app.
    void deleteIgnoresAFuzzyMatch()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        const QUrl base = server.baseUrl();
        serveVersion(server, {packageObject(base, 12, u"app-extra"_s, u"1.0.0"_s)}, {});
        server.on("DELETE", u".*"_s, [](const HostileServer::Request &) { return reply(204); });

        const Run result = run({u"delete"_s, u"demo/hello"_s, u"app"_s, u"1.0.0"_s}, against(base));
        QVERIFY2(result.exitCode == 4, qPrintable(result.describe()));
        QVERIFY2(result.err().contains(u"1.0.0"_s) && result.err().contains(u"app"_s),
                 qPrintable(result.describe()));
        QVERIFY2(server.count("DELETE", u".*"_s) == 0, qPrintable(describeRequests(server)));
        QVERIFY2(server.count("GET", kPackages) >= 1, qPrintable(describeRequests(server)));
    }

    // 3. A file name with ESC and BEL reaches the terminal escaped.
    void filesNeverPrintsControlCharacters()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        const QUrl base = server.baseUrl();
        serveVersion(server, {packageObject(base, 10, u"app"_s, u"1.0.0"_s)},
                     {fileObject(1, u"evil\u001b[2Jname.txt"_s, "payload\n"),
                      fileObject(2, u"bell\u0007.txt"_s, "ring\n"),
                      fileObject(3, u"plain.txt"_s, "plain\n")});

        const Run result = run({u"files"_s, u"demo/hello"_s, u"app"_s, u"1.0.0"_s}, against(base));
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        for (const char control : {'\x1b', '\x07'}) {
            QVERIFY2(!result.standardOutput.contains(control)
                         && !result.standardError.contains(control),
                     result.standardOutput.toPercentEncoding().constData());
        }
        QVERIFY2(result.out().contains(u"evil\\x1b[2Jname.txt"_s), qPrintable(result.describe()));
        QVERIFY2(result.out().contains(u"bell\\x07.txt"_s), qPrintable(result.describe()));
        QVERIFY2(result.out().contains(u"plain.txt"_s), qPrintable(result.describe()));

        // A server error message with ESC in it is escaped as well.
        HostileServer refusing;
        QVERIFY(refusing.isListening());
        refusing.on("GET", kPackages, [](const HostileServer::Request &) {
            return HostileServer::json(
                QJsonDocument(QJsonObject{{u"message"_s, u"403 Forbidden \u001b[2J\u0007"_s}})
                    .toJson(QJsonDocument::Compact),
                403);
        });
        const Run error =
            run({u"files"_s, u"demo/hello"_s, u"app"_s, u"1.0.0"_s}, against(refusing.baseUrl()));
        QVERIFY2(error.exitCode == 3, qPrintable(error.describe()));
        QVERIFY2(error.err().startsWith(u"stevedore: "_s), qPrintable(error.describe()));
        for (const char control : {'\x1b', '\x07'}) {
            QVERIFY2(!error.standardOutput.contains(control)
                         && !error.standardError.contains(control),
                     error.standardError.toPercentEncoding().constData());
        }
    }

    // 4. Names that lead out of the folder are refused; nothing is fetched for them.
    void downloadStaysInsideTheFolder()
    {
        const QByteArray good = "good content\n" + content(3000, 'g');
        const QStringList bad{u"../evil.txt"_s,
                              u"%2E%2E%2Fevil2.txt"_s,
                              u"sub%2F..%2F..%2Fevil3.txt"_s,
                              u"/etc/evil4"_s,
                              u"C:evil5"_s,
                              u"a\\b.txt"_s,
                              u"bell\u0007.txt"_s};
        QVERIFY2(!QFileInfo::exists(u"/etc/evil4"_s), "/etc/evil4 exists before the test");

        HostileServer server;
        QVERIFY(server.isListening());
        const QUrl base = server.baseUrl();
        QJsonArray files;
        qint64 id = 1;
        for (const QString &name : bad)
            files.append(fileObject(id++, name, "evil " + name.toUtf8() + '\n'));
        files.append(fileObject(id, u"good.txt"_s, good));
        serveVersion(server, {packageObject(base, 10, u"app"_s, u"1.0.0"_s)}, files);
        server.on("GET", kGeneric + u"good\\.txt$"_s,
                  [good](const HostileServer::Request &) { return reply(200, good); });

        QTemporaryDir parent;
        QVERIFY(parent.isValid());
        const QString out = parent.filePath(u"OUT"_s);
        const Run result = run({u"download"_s, u"demo/hello"_s, u"app"_s, u"1.0.0"_s, u"-o"_s, out},
                               against(base));
        const bool wroteEtc = QFileInfo::exists(u"/etc/evil4"_s);
        if (wroteEtc)
            QFile::remove(u"/etc/evil4"_s);
        QVERIFY2(!wroteEtc, qPrintable(u"/etc/evil4 was written\n"_s + result.describe()));

        QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
        QCOMPARE(sha256Hex(out + u"/good.txt"_s), sha256Of(good).toLatin1());
        QVERIFY2(result.out().contains(u"good.txt"_s), qPrintable(result.describe()));
        QVERIFY2(result.err().count(u"Refusing to write"_s) == bad.size(),
                 qPrintable(result.describe()));
        QVERIFY2(!result.standardError.contains('\x07'), qPrintable(result.describe()));

        QCOMPARE(
            QDir(parent.path())
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
            QStringList{u"OUT"_s});
        const QRegularExpression evil(u"evil"_s);
        for (const QString &root : {parent.path(), m_work.path()}) {
            const QStringList found = pathsNamed(root, evil);
            QVERIFY2(found.isEmpty(), qPrintable(found.join(u", "_s)));
        }
        const QStringList parts = pathsNamed(parent.path(), QRegularExpression(u"\\.part$"_s));
        QVERIFY2(parts.isEmpty(), qPrintable(parts.join(u", "_s)));

        for (const HostileServer::Request &request : server.requests()) {
            if (request.path.contains("/packages/generic/"))
                QVERIFY2(request.method == "GET" && request.path.endsWith("/good.txt"),
                         qPrintable(describeRequests(server)));
        }
        QCOMPARE(server.count("GET", kGeneric + u"good\\.txt$"_s), 1);
    }

    // 4. A link inside the folder that leads out of it is not written through.
    void downloadRefusesALinkLeadingOutside()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        const QUrl base = server.baseUrl();
        const QByteArray inside = "inside\n";
        serveVersion(server, {packageObject(base, 10, u"app"_s, u"1.0.0"_s)},
                     {fileObject(1, u"sub%2Finside.txt"_s, inside)});
        server.on("GET", kGeneric,
                  [inside](const HostileServer::Request &) { return reply(200, inside); });

        QTemporaryDir parent;
        QVERIFY(parent.isValid());
        const QString out = parent.filePath(u"OUT"_s);
        const QString outside = parent.filePath(u"outside"_s);
        QVERIFY(QDir().mkpath(out));
        QVERIFY(QDir().mkpath(outside));
        QVERIFY(QFile::link(outside, out + u"/sub"_s));

        const Run result = run({u"download"_s, u"demo/hello"_s, u"app"_s, u"1.0.0"_s, u"-o"_s, out},
                               against(base));
        QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
        QVERIFY2(result.err().contains(u"leads outside"_s), qPrintable(result.describe()));
        QCOMPARE(QDir(outside).entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                         | QDir::NoDotAndDotDot),
                 QStringList());
        QVERIFY2(server.count("GET", kGeneric) == 0, qPrintable(describeRequests(server)));
    }

    // 5. More bytes than the list says: stopped, nothing under the final name.
    void downloadStopsAtTheListedSize_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::addColumn<QString>("expected"); // regular expression, in stderr
        QTest::newRow("chunked body with filler") << true << u"more than"_s;
        // The answer announces its length, so the app may stop before reading the body.
        QTest::newRow("Content-Length beyond the size") << false << u"more than|but sends"_s;
    }

    void downloadStopsAtTheListedSize()
    {
        QFETCH(bool, chunked);
        QFETCH(QString, expected);
        const QByteArray listed = content(100000, 'b');
        HostileServer server;
        QVERIFY(server.isListening());
        serveVersion(server, {packageObject(server.baseUrl(), 10, u"app"_s, u"1.0.0"_s)},
                     {fileObject(1, u"big.bin"_s, listed)});
        server.on("GET", kGeneric + u"big\\.bin$"_s,
                  [listed, chunked](const HostileServer::Request &) {
                      HostileServer::Reply answer = reply(200, listed);
                      if (chunked)
                          answer.fillerBytes = 50000;
                      else
                          answer.body += content(50000, 'x');
                      return answer;
                  });

        const QString out = work(chunked ? u"bounded-chunked"_s : u"bounded-length"_s);
        const Run result = run({u"download"_s, u"demo/hello"_s, u"app"_s, u"1.0.0"_s, u"-o"_s, out},
                               against(server.baseUrl()));
        qInfo().noquote() << u"stderr:"_s << result.err().trimmed();
        QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
        QVERIFY2(result.err().contains(QRegularExpression(expected)),
                 qPrintable(result.describe()));
        QVERIFY2(!QFileInfo::exists(out + u"/big.bin"_s), qPrintable(result.describe()));
    }

    // 5. A body that ends early is resumed with a Range request and verified.
    void downloadResumesABodyThatEndedEarly()
    {
        const QByteArray whole = content(300000, 'r');
        constexpr qsizetype firstPart = 100000;
        HostileServer server;
        QVERIFY(server.isListening());
        serveVersion(server, {packageObject(server.baseUrl(), 10, u"app"_s, u"1.0.0"_s)},
                     {fileObject(1, u"resume.bin"_s, whole)});
        server.on(
            "GET", kGeneric + u"resume\\.bin$"_s, [whole](const HostileServer::Request &request) {
                const QByteArray range = request.header("Range");
                HostileServer::Reply answer;
                if (range.isEmpty()) {
                    answer.body = whole.first(firstPart);
                    answer.contentLength = whole.size();
                    answer.closeAfterBody = true;
                    return answer;
                }
                static const QRegularExpression pattern(u"^bytes=(\\d+)-$"_s);
                const auto match = pattern.match(QString::fromLatin1(range));
                if (!match.hasMatch())
                    return reply(416);
                const qsizetype from = match.captured(1).toLongLong();
                answer.status = 206;
                answer.headers = {{"Content-Range", "bytes " + QByteArray::number(from) + '-'
                                                        + QByteArray::number(whole.size() - 1) + '/'
                                                        + QByteArray::number(whole.size())}};
                answer.body = whole.mid(from);
                return answer;
            });

        const QString out = work(u"resumed"_s);
        const Run result = run({u"download"_s, u"demo/hello"_s, u"app"_s, u"1.0.0"_s, u"-o"_s, out},
                               against(server.baseUrl()));
        QVERIFY2(result.exitCode == 0,
                 qPrintable(result.describe() + u"\n"_s + describeRequests(server)));
        QCOMPARE(sha256Hex(out + u"/resume.bin"_s), sha256Of(whole).toLatin1());
        QVERIFY(!QFileInfo::exists(out + u"/resume.bin.part"_s));

        QList<HostileServer::Request> downloads;
        for (const HostileServer::Request &request : server.requests()) {
            if (request.path.endsWith("/resume.bin"))
                downloads << request;
        }
        // Qt itself may send a GET again when the connection closes before it read an answer
        // (a busy machine); what matters is that the file was resumed, not started over.
        QVERIFY2(downloads.size() >= 2, qPrintable(describeRequests(server)));
        QVERIFY(downloads.first().header("Range").isEmpty());
        QCOMPARE(downloads.last().header("Range"), QByteArray("bytes=100000-"));
        for (qsizetype i = 0; i + 1 < downloads.size(); ++i)
            QVERIFY2(downloads.at(i).header("Range").isEmpty(),
                     qPrintable(describeRequests(server)));
    }

    // 6. A next page that is the page itself.
    void paginationThatPointsBackStops()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        const QUrl base = server.baseUrl();
        const QByteArray page = toJson({packageObject(base, 10, u"app"_s, u"1.0.0"_s)});
        const QByteArray origin = base.toEncoded();
        server.on("GET", kPackages, [page, origin](const HostileServer::Request &request) {
            return HostileServer::json(
                page, 200, {{"Link", '<' + origin + request.target + ">; rel=\"next\""}});
        });

        QElapsedTimer clock;
        clock.start();
        const Run result = run({u"list"_s, u"demo/hello"_s}, against(base), 30000);
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
        QVERIFY2(result.err().contains(u"points back"_s), qPrintable(result.describe()));
        QVERIFY2(elapsed < 10000, qPrintable(u"took %1 ms"_s.arg(elapsed)));
        QVERIFY2(server.count("GET", kPackages) <= 2, qPrintable(describeRequests(server)));
    }

    // 6. An endless chain of distinct pages stops after 1000 of them.
    void endlessPaginationStops()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        const QUrl base = server.baseUrl();
        const QByteArray origin = base.toEncoded();
        server.on("GET", kPackages, [base, origin](const HostileServer::Request &request) {
            // The same query with page=N+1, as GitLab writes it (gitlab-api.md §7).
            QUrlQuery query(QUrl::fromEncoded(request.target).query());
            const int page = std::max(1, query.queryItemValue(u"page"_s).toInt());
            query.removeAllQueryItems(u"page"_s);
            query.addQueryItem(u"page"_s, QString::number(page + 1));
            const QByteArray next =
                origin + request.path + '?' + query.toString(QUrl::FullyEncoded).toLatin1();
            return HostileServer::json(
                toJson({packageObject(base, page, u"app"_s, u"1.0.%1"_s.arg(page))}), 200,
                {{"Link", '<' + next + ">; rel=\"next\""},
                 {"X-Page", QByteArray::number(page)},
                 {"X-Next-Page", QByteArray::number(page + 1)}});
        });

        QElapsedTimer clock;
        clock.start();
        const Run result = run({u"list"_s, u"demo/hello"_s}, against(base), 60000);
        const qint64 elapsed = clock.elapsed();
        qInfo("1000 pages took %lld ms", elapsed);
        QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
        QVERIFY2(result.err().contains(u"more than 1000 pages"_s), qPrintable(result.describe()));
        const int requests = server.count("GET", kPackages);
        QVERIFY2(requests >= 1000 && requests <= 1001, qPrintable(QString::number(requests)));
        QVERIFY2(elapsed < 20000, qPrintable(u"took %1 ms"_s.arg(elapsed)));
    }

    // 6. A list that fails on a later page prints no list (text or JSON), and asks for no
    // page beyond the one read ahead of the failure.
    void aListThatFailsMidwayPrintsNoList_data()
    {
        QTest::addColumn<QString>("failure");
        QTest::addColumn<bool>("json");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message"); // in stderr
        for (const bool json : {false, true}) {
            const char *format = json ? "--json" : "text";
            QTest::addRow("page 3 answers 401, %s", format)
                << u"401"_s << json << 3 << u"(HTTP 401)"_s;
            QTest::addRow("page 3 points back to page 2, %s", format)
                << u"back"_s << json << 1 << u"points back"_s;
            QTest::addRow("page 3 is not JSON, %s", format)
                << u"html"_s << json << 1 << u"could not be read"_s;
        }
    }

    void aListThatFailsMidwayPrintsNoList()
    {
        QFETCH(QString, failure);
        QFETCH(bool, json);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        HostileServer server;
        QVERIFY(server.isListening());
        const QUrl base = server.baseUrl();
        const QByteArray origin = base.toEncoded();
        // Endless pages of one package each, page 3 failing as the row says.
        server.on("GET", kPackages, [=](const HostileServer::Request &request) {
            const int page = std::max(1, QUrlQuery(QUrl::fromEncoded(request.target).query())
                                             .queryItemValue(u"page"_s)
                                             .toInt());
            if (page == 3 && failure == u"401"_s)
                return HostileServer::json(R"({"message":"401 Unauthorized"})", 401);
            const int next = page == 3 && failure == u"back"_s ? 2 : page + 1;
            const QByteArray link = '<' + origin + request.path + "?package_type=generic&page="
                                    + QByteArray::number(next) + "&per_page=100>; rel=\"next\"";
            const QByteArray body =
                page == 3 && failure == u"html"_s
                    ? QByteArray("<html>maintenance</html>")
                    : toJson({packageObject(base, page, u"app"_s, u"1.0.%1"_s.arg(page))});
            return HostileServer::json(body, 200, {{"Link", link}});
        });
        QStringList arguments{u"list"_s, u"demo/hello"_s};
        if (json)
            arguments << u"--json"_s;
        const Run result = run(arguments, against(base));
        QVERIFY2(result.exitCode == exitCode, qPrintable(result.describe()));
        QVERIFY2(result.err().contains(message), qPrintable(result.describe()));
        if (json) {
            const QJsonDocument document = result.json();
            QVERIFY2(document.isObject() && document.object().keys() == QStringList{u"error"_s},
                     qPrintable(result.describe()));
        } else {
            QVERIFY2(result.standardOutput.isEmpty(), qPrintable(result.describe()));
        }
        for (const HostileServer::Request &request : server.requests()) {
            const int page = std::max(1, QUrlQuery(QUrl::fromEncoded(request.target).query())
                                             .queryItemValue(u"page"_s)
                                             .toInt());
            // Page 4 is named by page 3's Link; page 5 may have been guessed from it.
            QVERIFY2(page <= 5, qPrintable(describeRequests(server)));
        }
    }

    // 7. Entries whose fields do not have the documented types.
    void undocumentedJsonIsRefused_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QJsonObject>("package");
        QTest::addColumn<QJsonObject>("file");

        const QUrl base(u"http://127.0.0.1:1"_s);
        const QJsonObject package = packageObject(base, 10, u"app"_s, u"1.0.0"_s);
        const QJsonObject file = fileObject(1, u"app.bin"_s, "x");
        QJsonObject withoutId = package;
        withoutId.remove(u"id"_s);
        QJsonObject idAsString = package;
        idAsString[u"id"_s] = u"10"_s;
        QJsonObject negativeSize = file;
        negativeSize[u"size"_s] = -5;
        QJsonObject notHex = file;
        notHex[u"file_sha256"_s] = QString(64, u'z');

        QTest::newRow("list: package without id") << u"list"_s << withoutId << file;
        QTest::newRow("list: id as a string") << u"list"_s << idAsString << file;
        QTest::newRow("files: package without id") << u"files"_s << withoutId << file;
        QTest::newRow("files: negative size") << u"files"_s << package << negativeSize;
        QTest::newRow("files: file_sha256 not hex") << u"files"_s << package << notHex;
    }

    void undocumentedJsonIsRefused()
    {
        QFETCH(QString, command);
        QFETCH(QJsonObject, package);
        QFETCH(QJsonObject, file);
        HostileServer server;
        QVERIFY(server.isListening());
        serveVersion(server, {package}, {file});
        const QStringList arguments =
            command == u"list"_s ? QStringList{u"list"_s, u"demo/hello"_s}
                                 : QStringList{command, u"demo/hello"_s, u"app"_s, u"1.0.0"_s};
        const Run result = run(arguments, against(server.baseUrl()));
        QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
        QVERIFY2(result.err().contains(u"not what the API documents"_s),
                 qPrintable(result.describe()));
    }

    // 8. A short Retry-After is honoured.
    void shortRetryAfterIsHonoured()
    {
        ScopedSim limited;
        QVERIFY(limited.startDemo({u"429:1:2"_s}));
        QElapsedTimer clock;
        clock.start();
        const Run result = run({u"list"_s, u"demo/hello"_s}, against(limited->baseUrl()));
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY2(result.out().contains(u"hello-cli"_s), qPrintable(result.describe()));
        QVERIFY2(result.err().contains(u"GitLab asked to wait 2 s; retrying at"_s),
                 qPrintable(result.describe()));
        QVERIFY2(elapsed >= 1800, qPrintable(u"took %1 ms"_s.arg(elapsed)));
        QVERIFY2(limited->logContents().contains(" 429"), limited->logContents().constData());
        QCOMPARE(limited.stop(), 0);
    }

    // 8. A Retry-After beyond --max-wait (default 300 s) fails at once.
    void longRetryAfterFailsAtOnce_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("list, a day") << u"429:1:86400"_s << QStringList{u"list"_s, u"demo/hello"_s};
        QTest::newRow("list, 7 s with --max-wait 5")
            << u"429:1:7"_s << QStringList{u"list"_s, u"demo/hello"_s, u"--max-wait"_s, u"5"_s};
        QTest::newRow("publish, a day")
            << u"429:1:86400"_s
            << QStringList{u"publish"_s,       u"demo/hello"_s,     u"limited"_s, u"1.0.0"_s,
                           u"limited/a.bin"_s, u"--on-duplicate"_s, u"keep"_s};
    }

    void longRetryAfterFailsAtOnce()
    {
        QFETCH(QString, fault);
        QFETCH(QStringList, arguments);
        QVERIFY(writeBytes(work(u"limited/a.bin"_s), content(20000, 'l')));
        ScopedSim limited;
        QVERIFY(limited.startDemo({fault}));
        QElapsedTimer clock;
        clock.start();
        const Run result = run(arguments, against(limited->baseUrl()), 30000);
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
        QVERIFY2(result.err().contains(u"GitLab asked to wait"_s)
                     && result.err().contains(u"longer than"_s),
                 qPrintable(result.describe()));
        QVERIFY2(elapsed < 5000, qPrintable(u"took %1 ms"_s.arg(elapsed)));
        const QByteArray log = limited->logContents();
        if (arguments.first() == u"publish"_s) {
            // The upload itself met the 429, and was not sent again.
            const QList<QByteArray> puts = logLines(log, "PUT", "/packages/generic/limited/");
            QVERIFY2(puts.size() == 1 && puts.first().endsWith(" 429"), log.constData());
        }
        QCOMPARE(limited.stop(), 0);
    }

    // 9. A 1 MiB response header.
    void hugeResponseHeaderFailsQuickly()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        server.on("GET", kPackages, [](const HostileServer::Request &) {
            return HostileServer::json("[]", 200, {{"X-Padding", QByteArray(1 << 20, 'a')}});
        });
        QElapsedTimer clock;
        clock.start();
        const Run result = run({u"list"_s, u"demo/hello"_s}, against(server.baseUrl()), 70000);
        const qint64 elapsed = clock.elapsed();
        qInfo().noquote() << u"1 MiB header: exit %1 after %2 ms, stderr: %3"_s.arg(result.exitCode)
                                 .arg(elapsed)
                                 .arg(result.err().trimmed());
        QVERIFY2(result.exitCode != -1, "stevedore did not finish within 70 s");
        QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
        QVERIFY2(result.err().startsWith(u"stevedore: "_s)
                     && result.err().contains(u"header"_s, Qt::CaseInsensitive),
                 qPrintable(result.describe()));
        QVERIFY2(elapsed < 30000, qPrintable(u"took %1 ms"_s.arg(elapsed)));
    }

    // 11. A FIFO, a socket and a folder named as one file are refused before anything is sent.
    void publishRefusesWhatIsNotAFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected"); // regular expression, in stderr
        QTest::newRow("fifo") << u"fifo"_s << u"not a regular file"_s;
        QTest::newRow("socket") << u"socket"_s << u"not a regular file"_s;
        QTest::newRow("folder of one file with --file-name") << u"folder"_s << u"folder"_s;
    }

    void publishRefusesWhatIsNotAFile()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QTemporaryDir special; // short path: a socket's path is at most 107 bytes
        QVERIFY(special.isValid());
        const QString path = special.filePath(kind);
        int socketHandle = -1;
        if (kind == u"fifo"_s) {
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (kind == u"socket"_s) {
            socketHandle = ::socket(AF_UNIX, SOCK_STREAM, 0);
            QVERIFY(socketHandle >= 0);
            sockaddr_un address{};
            address.sun_family = AF_UNIX;
            const QByteArray encoded = QFile::encodeName(path);
            QVERIFY(size_t(encoded.size()) < sizeof(address.sun_path));
            std::memcpy(address.sun_path, encoded.constData(), size_t(encoded.size()));
            QCOMPARE(::bind(socketHandle, reinterpret_cast<sockaddr *>(&address), sizeof(address)),
                     0);
            QCOMPARE(::listen(socketHandle, 1), 0);
        } else {
            QVERIFY(writeBytes(path + u"/inside.bin"_s, content(1000, 'f')));
        }

        // A GitLab that would accept the upload, so that only the client can refuse it.
        HostileServer server;
        QVERIFY(server.isListening());
        serveVersion(server, {}, {});
        const QByteArray stored = QJsonDocument(fileObject(1, u"special.bin"_s, content(1000, 'f')))
                                      .toJson(QJsonDocument::Compact);
        server.on("PUT", u".*"_s, [stored](const HostileServer::Request &) {
            return HostileServer::json(stored, 201);
        });
        const Run result = run({u"publish"_s, u"demo/hello"_s, u"special"_s, u"1.0.0"_s, path,
                                u"--file-name"_s, u"special.bin"_s},
                               against(server.baseUrl()), 15000);
        if (socketHandle >= 0)
            ::close(socketHandle);
        QVERIFY2(result.exitCode != -1, qPrintable(u"hung\n"_s + result.describe()));
        const QString seen = result.describe() + u"\n"_s + describeRequests(server);
        QVERIFY2(result.exitCode == 1, qPrintable(seen));
        QVERIFY2(result.err().contains(QRegularExpression(expected)), qPrintable(seen));
        QVERIFY2(server.count("PUT", u".*"_s) == 0, qPrintable(seen));
    }

    // 11. A link to a file outside a published folder is skipped unless --follow-symlinks.
    void publishSkipsLinksLeadingOutside()
    {
        QVERIFY(writeBytes(work(u"links/pub/a.txt"_s), "a\n"));
        QVERIFY(writeBytes(work(u"links/pub/b.txt"_s), "b\n"));
        QVERIFY(writeBytes(work(u"links/outside/secret.txt"_s), "outside the folder\n"));
        QVERIFY(QFile::link(u"../outside/secret.txt"_s, work(u"links/pub/link.txt"_s)));

        // Published from inside links/, so the names start with pub/.
        const auto inLinks = [this](const QStringList &arguments) {
            return runStevedore(arguments, against(m_sim->baseUrl()), work(u"links"_s));
        };
        const Run skipped =
            inLinks({u"publish"_s, u"demo/hello"_s, u"links"_s, u"1.0.0"_s, u"pub"_s});
        QVERIFY2(skipped.exitCode == 0, qPrintable(skipped.describe()));
        QVERIFY2(skipped.err().contains(u"outside the folder"_s), qPrintable(skipped.describe()));
        QVERIFY2(skipped.err().contains(u"link.txt"_s), qPrintable(skipped.describe()));
        const Run first = sim({u"files"_s, u"demo/hello"_s, u"links"_s, u"1.0.0"_s, u"--json"_s});
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
        QCOMPARE(namesIn(first), (QStringList{u"pub/a.txt"_s, u"pub/b.txt"_s}));

        const Run followed = inLinks({u"publish"_s, u"demo/hello"_s, u"links"_s, u"2.0.0"_s,
                                      u"pub"_s, u"--follow-symlinks"_s});
        QVERIFY2(followed.exitCode == 0, qPrintable(followed.describe()));
        const Run second = sim({u"files"_s, u"demo/hello"_s, u"links"_s, u"2.0.0"_s, u"--json"_s});
        QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
        QCOMPARE(namesIn(second), (QStringList{u"pub/a.txt"_s, u"pub/b.txt"_s, u"pub/link.txt"_s}));
        for (const QJsonValue &file : second.json().array()) {
            if (file[u"name"_s].toString() == u"pub/link.txt"_s)
                QCOMPARE(file[u"sha256"_s].toString().toLatin1(),
                         sha256Hex(work(u"links/outside/secret.txt"_s)));
        }
    }

    // 12. The default policy uploads only what changed; fail and keep do what they say.
    void duplicatePolicies()
    {
        QVERIFY(writeBytes(work(u"dup/x.txt"_s), "x one\n"));
        QVERIFY(writeBytes(work(u"dup/y.txt"_s), "y one\n"));
        QVERIFY(writeBytes(work(u"dup/z.txt"_s), "z one\n"));
        const QByteArray versionPath = "/packages/generic/dup/1.0.0/";
        qsizetype before = m_sim->logContents().size();
        const Run first = sim({u"publish"_s, u"demo/hello"_s, u"dup"_s, u"1.0.0"_s, u"dup"_s});
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
        QCOMPARE(logLines(m_sim->logContents().mid(before), "PUT", versionPath).size(), 3);

        QVERIFY(writeBytes(work(u"dup/y.txt"_s), "y two\n"));
        QVERIFY(writeBytes(work(u"dup/w.txt"_s), "w new\n"));
        before = m_sim->logContents().size();
        const Run second = sim({u"publish"_s, u"demo/hello"_s, u"dup"_s, u"1.0.0"_s, u"dup"_s});
        QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
        const QList<QByteArray> puts =
            logLines(m_sim->logContents().mid(before), "PUT", versionPath);
        QVERIFY2(puts.size() == 2, puts.join('\n').constData());
        QVERIFY2(puts.join('\n').contains("/dup/1.0.0/dup/y.txt")
                     && puts.join('\n').contains("/dup/1.0.0/dup/w.txt"),
                 puts.join('\n').constData());
        for (const QString &unchanged : {u"dup/x.txt"_s, u"dup/z.txt"_s}) {
            QVERIFY2(second.out().contains(QRegularExpression(
                         u"skipped\\s+"_s + QRegularExpression::escape(unchanged))),
                     qPrintable(second.describe()));
        }

        const Run files = sim({u"files"_s, u"demo/hello"_s, u"dup"_s, u"1.0.0"_s, u"--json"_s});
        QVERIFY2(files.exitCode == 0, qPrintable(files.describe()));
        QCOMPARE(namesIn(files), (QStringList{u"dup/w.txt"_s, u"dup/x.txt"_s, u"dup/y.txt"_s,
                                              u"dup/y.txt"_s, u"dup/z.txt"_s}));
        const Run text = sim({u"files"_s, u"demo/hello"_s, u"dup"_s, u"1.0.0"_s});
        const QStringList older = text.out().split(u'\n').filter(u"older copy"_s);
        QVERIFY2(older.size() == 1 && older.first().startsWith(u"dup/y.txt"_s),
                 qPrintable(text.describe()));

        // fail: an existing name stops the upload before it is sent.
        QVERIFY(writeBytes(work(u"dup/x.txt"_s), "x changed\n"));
        before = m_sim->logContents().size();
        const Run failed = sim({u"publish"_s, u"demo/hello"_s, u"dup"_s, u"1.0.0"_s, u"dup/x.txt"_s,
                                u"--file-name"_s, u"dup/x.txt"_s, u"--on-duplicate"_s, u"fail"_s});
        QVERIFY2(failed.exitCode == 1, qPrintable(failed.describe()));
        QVERIFY2(failed.err().contains(u"already has a file named"_s),
                 qPrintable(failed.describe()));
        QVERIFY2(logLines(m_sim->logContents().mid(before), "PUT", "/packages/generic/").isEmpty(),
                 m_sim->logContents().mid(before).constData());

        // keep: a second copy even of identical content.
        before = m_sim->logContents().size();
        const Run kept = sim({u"publish"_s, u"demo/hello"_s, u"dup"_s, u"1.0.0"_s, u"dup/z.txt"_s,
                              u"--file-name"_s, u"dup/z.txt"_s, u"--on-duplicate"_s, u"keep"_s});
        QVERIFY2(kept.exitCode == 0, qPrintable(kept.describe()));
        QCOMPARE(logLines(m_sim->logContents().mid(before), "PUT", versionPath).size(), 1);
        const Run after = sim({u"files"_s, u"demo/hello"_s, u"dup"_s, u"1.0.0"_s, u"--json"_s});
        QCOMPARE(namesIn(after).count(u"dup/z.txt"_s), 2);
    }

    // 13. An upload stored by the server whose answer was lost is not sent again.
    void lostAnswerLeavesOneCopy()
    {
        ScopedSim dropping;
        QVERIFY(dropping.startDemo({u"store-then-drop:1"_s}));
        QVERIFY(writeBytes(work(u"once/file.bin"_s), content(1 << 20, 'o')));
        const QProcessEnvironment environment = against(dropping->baseUrl());

        const Run published =
            run({u"publish"_s, u"demo/hello"_s, u"once"_s, u"1.0.0"_s, u"once/file.bin"_s},
                environment);
        QVERIFY2(published.exitCode == 0, qPrintable(published.describe()));
        // The fault did drop the first answer: the upload was seen to fail once.
        QVERIFY2(published.err().contains(u"attempt 1 failed"_s), qPrintable(published.describe()));
        const Run files =
            run({u"files"_s, u"demo/hello"_s, u"once"_s, u"1.0.0"_s, u"--json"_s}, environment);
        QVERIFY2(files.exitCode == 0, qPrintable(files.describe()));
        QCOMPARE(namesIn(files), QStringList{u"file.bin"_s});
        QCOMPARE(files.json().array().first()[u"sha256"_s].toString().toLatin1(),
                 sha256Hex(work(u"once/file.bin"_s)));
        const QByteArray log = dropping->logContents();
        const QList<QByteArray> puts =
            logLines(log, "PUT", "/packages/generic/once/1.0.0/file.bin");
        QVERIFY2(puts.size() == 1, log.constData());
        QCOMPARE(dropping.stop(), 0);
    }

    // 14. A full disk is reported as such.
    void fullDiskIsReported()
    {
        const QProcessEnvironment environment = against(m_sim->baseUrl());
        const Run probe = runProgram(u"unshare"_s, {u"--mount"_s, u"--map-root-user"_s, u"true"_s},
                                     environment, m_work.path(), {}, 10000);
        if (probe.exitCode != 0)
            QSKIP(qPrintable(u"unshare --mount --map-root-user is not permitted here: "_s
                             + probe.err().trimmed()));
        const QString outDir = work(u"full"_s);
        QVERIFY(QDir().mkpath(outDir));
        const Run result =
            runProgram(u"unshare"_s,
                       {u"--mount"_s, u"--map-root-user"_s, u"sh"_s, u"-c"_s,
                        u"mount -t tmpfs -o size=1m tmpfs \"$0\" && exec \"$@\""_s, outDir,
                        QStringLiteral(STEVEDORE_EXECUTABLE), u"download"_s, u"demo/hello"_s,
                        u"installer"_s, u"3.1.0"_s, u"-o"_s, outDir},
                       environment, m_work.path(), {}, 60000);
        QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
        QVERIFY2(result.err().contains(u"No space left on device"_s),
                 qPrintable(result.describe()));
        // The tmpfs is gone with the namespace; nothing went to the real folder.
        QCOMPARE(QDir(outDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCliSafety)
#include "TestCliSafety.moc"
