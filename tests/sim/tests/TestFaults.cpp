// README "Faults" and "Command line": status and 429 injection, latency, connection
// resets, stored uploads whose answer is lost, stalls; persistence across a restart; one
// stdout line; clean exit on signals.

#include "SimTest.h"

#include <QDateTime>
#include <QDebug>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using namespace Qt::StringLiterals;

namespace {

constexpr int ProjectId = 1;
constexpr qint64 BigFileSize = 1024 * 1024;

QJsonObject fixture()
{
    Fixture f;
    f.addUser(u"dev"_s).addPersonalToken(u"pat-dev"_s, u"dev"_s);
    f.addProject(ProjectId, u"grp/proj"_s, u"private"_s, {{u"dev"_s, u"maintainer"_s}});
    f.addPackage(u"grp/proj"_s, u"big"_s, u"1.0.0"_s,
                 {Fixture::generatedFile(u"big.bin"_s, BigFileSize)});
    return f.toJson();
}

const HttpHeaders &pat()
{
    static const HttpHeaders h = Http::privateToken("pat-dev");
    return h;
}

const QByteArray ListTarget = "/api/v4/projects/1/packages";
const QByteArray UserTarget = "/api/v4/user";

} // namespace

class TestFaults final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<Http> m_http;

    void start(const QStringList &arguments, const QString &dataDir = QString())
    {
        m_sim = std::make_unique<SimServer>(
            SimServer::Options().withFixture(fixture()).withArguments(arguments).withDataDir(
                dataDir));
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        m_http = std::make_unique<Http>(m_sim->baseUrl());
    }

    // The files of the package `name` (version 1.0.0 is the only one these tests create), as
    // the package-files API lists them; empty (with a warning) when there is no such package.
    QJsonArray storedFiles(const QByteArray &name)
    {
        const HttpReply packages =
            m_http->get(packagesTarget(ProjectId, "package_name=" + name), pat());
        const QJsonArray list = packages.jsonArray();
        if (packages.status != 200 || list.size() != 1) {
            qWarning().noquote() << "expected one package" << name << "got" << packages.describe();
            return {};
        }
        const qint64 packageId = list.at(0).toObject().value(u"id"_s).toInteger();
        const HttpReply files = m_http->get(packageFilesTarget(ProjectId, packageId), pat());
        if (files.status != 200)
            qWarning().noquote() << "listing package files failed:" << files.describe();
        return files.jsonArray();
    }

#define START(...)                                                                                 \
    do {                                                                                           \
        start(__VA_ARGS__);                                                                        \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

private slots:
    void cleanup()
    {
        if (m_sim) {
            m_sim->reportIfFailed();
            if (m_sim->isRunning())
                QCOMPARE(m_sim->stop(), 0);
        }
        m_http.reset();
        m_sim.reset();
    }

    // status=CODE:REGEX:COUNT — only matching paths, only COUNT times.
    void statusFaultHitsMatchingPathsCountTimes()
    {
        START({u"--fault"_s, u"status=503:.*/packages:2"_s});
        SIM_COMPARE_STATUS(m_http->get(UserTarget, pat()), 200); // no match, count kept
        SIM_EXPECT_REPLY(m_http->get(ListTarget, pat()), 503,
                         R"({"message":"503 Service Unavailable"})");
        SIM_COMPARE_STATUS(m_http->get(UserTarget, pat()), 200);
        SIM_EXPECT_REPLY(
            m_http->get(ListTarget + "?package_type=generic", pat()), 503,
            R"({"message":"503 Service Unavailable"})"); // the query is not part of the path
        SIM_COMPARE_STATUS(m_http->get(ListTarget, pat()), 200); // COUNT used up
        SIM_COMPARE_STATUS(m_http->get(ListTarget, pat()), 200);
    }

    void statusFaultWithCountZeroHitsEveryMatch()
    {
        START({u"--fault"_s, u"status=502:.*/user:0"_s});
        for (int i = 0; i < 3; ++i)
            SIM_EXPECT_REPLY(m_http->get(UserTarget, pat()), 502,
                             R"({"message":"502 Bad Gateway"})");
        SIM_COMPARE_STATUS(m_http->get(ListTarget, pat()), 200);
    }

    // The regex sees the path as sent, before decoding.
    void statusFaultMatchesRawPath()
    {
        START({u"--fault"_s, u"status=500:.*grp%2Fproj.*:1"_s});
        SIM_COMPARE_STATUS(m_http->get("/api/v4/projects/1", pat()), 200);
        SIM_EXPECT_REPLY(m_http->get("/api/v4/projects/grp%2Fproj", pat()), 500,
                         R"({"message":"500 Internal Server Error"})");
        SIM_COMPARE_STATUS(m_http->get("/api/v4/projects/grp%2Fproj", pat()), 200);
    }

    // 429:COUNT:SECONDS — §9's instance throttle answer.
    void rateLimitFaultAnswers429WithHeaders()
    {
        START({u"--fault"_s, u"429:2:7"_s});
        for (int i = 0; i < 2; ++i) {
            const HttpReply reply = m_http->get(i == 0 ? UserTarget : ListTarget, pat());
            SIM_COMPARE_STATUS(reply, 429);
            QCOMPARE(reply.body, QByteArray("Retry later\n"));
            QCOMPARE(mediaType(reply.header("Content-Type")), QByteArray("text/plain"));
            SIM_COMPARE_HEADER(reply, "Retry-After", "7");
            QVERIFY2(!reply.header("RateLimit-Name").isEmpty(), "RateLimit-Name");
            for (const char *name : {"RateLimit-Limit", "RateLimit-Observed", "RateLimit-Remaining",
                                     "RateLimit-Reset"}) {
                bool ok = false;
                reply.header(name).toLongLong(&ok);
                QVERIFY2(ok,
                         qPrintable(u"%1 is not a number: '%2'"_s.arg(
                             QLatin1StringView(name), QString::fromLatin1(reply.header(name)))));
            }
            const qint64 reset = reply.header("RateLimit-Reset").toLongLong();
            QVERIFY2(reset >= QDateTime::currentSecsSinceEpoch() - 5,
                     "RateLimit-Reset is a Unix time");
            // An HTTP date, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
            QString httpDate = QString::fromLatin1(reply.header("RateLimit-ResetTime"));
            if (httpDate.endsWith(u" GMT"_s))
                httpDate = httpDate.chopped(4) + u" +0000"_s;
            const QDateTime resetTime = QDateTime::fromString(httpDate, Qt::RFC2822Date);
            QVERIFY2(resetTime.isValid(), reply.header("RateLimit-ResetTime").constData());
        }
        SIM_COMPARE_STATUS(m_http->get(UserTarget, pat()), 200);
    }

    // latency=MS — every response waits at least MS.
    void latencyDelaysEveryResponse()
    {
        START({u"--fault"_s, u"latency=300"_s});
        for (const QByteArray &target : {UserTarget, ListTarget}) {
            QElapsedTimer timer;
            timer.start();
            SIM_COMPARE_STATUS(m_http->get(target, pat()), 200);
            QVERIFY2(timer.elapsed() >= 290,
                     qPrintable(u"answered after %1 ms"_s.arg(timer.elapsed())));
        }
    }

    // reset-after-bytes=N:COUNT:download — the client gets fewer bytes than announced.
    void resetAfterBytesCutsDownload()
    {
        START({u"--fault"_s, u"reset-after-bytes=4096:1:download"_s});
        const QByteArray target = genericTarget(ProjectId, "big/1.0.0/big.bin");
        const HttpReply cut = m_http->get(target, pat());
        QVERIFY2(!cut.error.isEmpty(),
                 qPrintable(u"expected a cut connection, got "_s + cut.describe()));
        QVERIFY2(cut.body.size() < BigFileSize, qPrintable(u"got %1 bytes"_s.arg(cut.body.size())));
        if (cut.status != 0)
            SIM_COMPARE_HEADER(cut, "Content-Length", QByteArray::number(BigFileSize));

        const HttpReply whole = m_http->get(target, pat()); // COUNT used up
        SIM_COMPARE_STATUS(whole, 200);
        QVERIFY(whole.error.isEmpty());
        QCOMPARE(whole.body.size(), BigFileSize);
        SIM_COMPARE_HEADER(whole, "X-Checksum-SHA256", sha256Hex(whole.body));
    }

    // reset-after-bytes=N:COUNT:upload — the client sees a connection error, no answer,
    // and nothing is stored.
    void resetAfterBytesCutsUpload()
    {
        START({u"--fault"_s, u"reset-after-bytes=4096:1:upload"_s});
        const QByteArray body(512 * 1024, 'u');
        const HttpReply cut =
            m_http->put(genericTarget(ProjectId, "cut/1.0.0/file.bin"), body, pat());
        QCOMPARE(cut.status, 0);
        QVERIFY(!cut.error.isEmpty());
        const HttpReply list = m_http->get(packagesTarget(ProjectId, "package_name=cut"), pat());
        QCOMPARE(list.jsonArray().size(), 0);

        SIM_EXPECT_REPLY(m_http->put(genericTarget(ProjectId, "cut/1.0.0/file.bin"), body, pat()),
                         201, Body201);
        const HttpReply download =
            m_http->get(genericTarget(ProjectId, "cut/1.0.0/file.bin"), pat());
        QCOMPARE(download.body, body);
    }

    // store-then-drop:COUNT — the upload is stored as a successful one would be, then the
    // connection is reset instead of the answer: no answer, yet exactly one stored copy.
    void storeThenDropStoresThenResets()
    {
        START({u"--fault"_s, u"store-then-drop:1"_s});
        QByteArray body;
        for (int i = 0; body.size() < 300 * 1024; ++i)
            body += "line " + QByteArray::number(i) + " of the dropped upload\n";
        const HttpReply dropped =
            m_http->put(genericTarget(ProjectId, "dropped/1.0.0/file.bin"), body, pat());
        QVERIFY2(dropped.status == 0 && !dropped.error.isEmpty(),
                 qPrintable(u"expected no HTTP answer, got "_s + dropped.describe()));

        const QJsonArray files = storedFiles("dropped");
        QCOMPARE(files.size(), 1);
        const QJsonObject file = files.at(0).toObject();
        QCOMPARE(file.value(u"file_name"_s).toString(), u"file.bin"_s);
        QCOMPARE(file.value(u"file_sha256"_s).toString(), QString::fromLatin1(sha256Hex(body)));
        QCOMPARE(file.value(u"size"_s).toInteger(), qint64(body.size()));
        const HttpReply download =
            m_http->get(genericTarget(ProjectId, "dropped/1.0.0/file.bin"), pat());
        SIM_COMPARE_STATUS(download, 200);
        QCOMPARE(download.body, body);

        // COUNT used up: the next upload is answered.
        SIM_EXPECT_REPLY(
            m_http->put(genericTarget(ProjectId, "dropped/1.0.0/second.bin"), "second\n", pat()),
            201, Body201);
        QCOMPARE(storedFiles("dropped").size(), 2);
    }

    // Without COUNT one upload is dropped; uploads that fail are answered and do not count.
    void storeThenDropCountsOnlyStoredUploads()
    {
        START({u"--fault"_s, u"store-then-drop"_s});
        SIM_COMPARE_STATUS(m_http->put(genericTarget(ProjectId, "once/1.0.0/~bad"), "x", pat()),
                           400);
        SIM_COMPARE_STATUS(m_http->put(genericTarget(ProjectId, "once/1.0.0/a.txt"), "a",
                                       Http::privateToken("no")),
                           401);
        const HttpReply dropped =
            m_http->put(genericTarget(ProjectId, "once/1.0.0/a.txt"), "a\n", pat());
        QVERIFY2(dropped.status == 0, qPrintable(dropped.describe()));
        SIM_EXPECT_REPLY(m_http->put(genericTarget(ProjectId, "once/1.0.0/b.txt"), "b\n", pat()),
                         201, Body201);
        QCOMPARE(column(storedFiles("once"), u"file_name"_s),
                 QStringList({u"a.txt"_s, u"b.txt"_s}));
    }

    // COUNT 0 drops every stored upload's answer, the select=package_file one (200) too.
    void storeThenDropWithCountZeroDropsEvery()
    {
        START({u"--fault"_s, u"store-then-drop:0"_s});
        for (const QByteArray &name : {QByteArray("one.txt"), QByteArray("two.txt")}) {
            const HttpReply dropped = m_http->put(
                genericTarget(ProjectId, "every/1.0.0/" + name + "?select=package_file"), name,
                pat());
            QVERIFY2(dropped.status == 0, qPrintable(dropped.describe()));
        }
        const QJsonArray files = storedFiles("every");
        QCOMPARE(column(files, u"file_name"_s), QStringList({u"one.txt"_s, u"two.txt"_s}));
        QCOMPARE(column(files, u"file_sha256"_s),
                 QStringList({QString::fromLatin1(sha256Hex("one.txt")),
                              QString::fromLatin1(sha256Hex("two.txt"))}));
    }

    // A malformed COUNT is refused at start.
    void storeThenDropRejectsMalformedCount()
    {
        for (const QString &spec : {u"store-then-drop:x"_s, u"store-then-drop:"_s,
                                    u"store-then-drop:-1"_s, u"store-then-drop-now"_s}) {
            SimServer sim(
                SimServer::Options().withFixture(fixture()).withArguments({u"--fault"_s, spec}));
            QVERIFY2(!sim.start(), qPrintable(spec + u" was accepted"_s));
        }
    }

    // Without a direction the fault applies to downloads and uploads alike.
    void resetAfterBytesWithoutDirectionHitsBoth()
    {
        START({u"--fault"_s, u"reset-after-bytes=2048:2"_s});
        const HttpReply upload = m_http->put(genericTarget(ProjectId, "both/1.0.0/f.bin"),
                                             QByteArray(256 * 1024, 'b'), pat());
        QCOMPARE(upload.status, 0);
        const HttpReply download =
            m_http->get(genericTarget(ProjectId, "big/1.0.0/big.bin"), pat());
        QVERIFY2(!download.error.isEmpty() && download.body.size() < BigFileSize,
                 qPrintable(download.describe()));
        SIM_COMPARE_STATUS(m_http->get(genericTarget(ProjectId, "big/1.0.0/big.bin"), pat()), 200);
    }

    // stall=MS:COUNT — nothing comes back, so the client's read timeout fires.
    void stallTriggersClientReadTimeout()
    {
        START({u"--fault"_s, u"stall=3000:1"_s});
        Http impatient(m_sim->baseUrl());
        impatient.setReadTimeout(std::chrono::milliseconds(800));
        QElapsedTimer timer;
        timer.start();
        const HttpReply stalled = impatient.get(UserTarget, pat());
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(stalled.status, 0);
        QVERIFY2(stalled.error.contains(u"timed out"_s), qPrintable(stalled.error));
        QVERIFY2(elapsed >= 700 && elapsed < 2900,
                 qPrintable(u"gave up after %1 ms"_s.arg(elapsed)));
        SIM_COMPARE_STATUS(impatient.get(UserTarget, pat()), 200); // COUNT used up
    }

    // A stalled connection is closed without an answer after MS.
    void stallClosesWithoutAnswer()
    {
        START({u"--fault"_s, u"stall=500:1"_s});
        QElapsedTimer timer;
        timer.start();
        const HttpReply stalled = m_http->get(UserTarget, pat());
        QCOMPARE(stalled.status, 0);
        QVERIFY2(timer.elapsed() >= 450, qPrintable(u"closed after %1 ms"_s.arg(timer.elapsed())));
    }

    // README --data-dir: a restart on the same folder keeps every package; the fixture is
    // ignored once state.json exists.
    void dataSurvivesRestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        START({}, dir.path());
        const QByteArray bytes = "persistent bytes\n";
        SIM_EXPECT_REPLY(m_http->put(genericTarget(ProjectId, "kept/2.0.0/kept.txt"), bytes, pat()),
                         201, Body201);
        QCOMPARE(m_sim->stop(), 0);
        QVERIFY2(QFile::exists(QDir(dir.path()).filePath(u"state.json"_s)),
                 "state.json in the data dir");

        Fixture other;
        other.addUser(u"dev"_s).addPersonalToken(u"pat-dev"_s, u"dev"_s);
        other.addProject(77, u"grp/ignored"_s, u"public"_s);
        m_sim = std::make_unique<SimServer>(
            SimServer::Options().withFixture(other.toJson()).withDataDir(dir.path()));
        SIM_START(*m_sim);
        m_http = std::make_unique<Http>(m_sim->baseUrl());
        const HttpReply list = m_http->get(packagesTarget(ProjectId, "package_name=kept"), pat());
        SIM_COMPARE_STATUS(list, 200);
        QCOMPARE(list.jsonArray().size(), 1);
        const HttpReply download =
            m_http->get(genericTarget(ProjectId, "kept/2.0.0/kept.txt"), pat());
        SIM_COMPARE_STATUS(download, 200);
        QCOMPARE(download.body, bytes);
        // The fixture-generated file survives too, with the same checksum.
        const HttpReply big = m_http->get(genericTarget(ProjectId, "big/1.0.0/big.bin"), pat());
        SIM_COMPARE_STATUS(big, 200);
        QCOMPARE(big.body.size(), BigFileSize);
        SIM_EXPECT_REPLY(m_http->get("/api/v4/projects/77", pat()), 404, Body404Project);
    }

    // README: exactly one stdout line, whatever happens; exit 0 on SIGTERM.
    void printsExactlyOneStdoutLine()
    {
        START({u"--fault"_s, u"status=500:.*/user:1"_s});
        SIM_COMPARE_STATUS(m_http->get(UserTarget, pat()), 500);
        SIM_COMPARE_STATUS(m_http->get(UserTarget, pat()), 200);
        SIM_COMPARE_STATUS(m_http->get("/api/v4/no/such/route", pat()), 404);
        SIM_COMPARE_STATUS(m_http->put(genericTarget(ProjectId, "x/1.0.0/~bad"), "x", pat()), 400);
        QCOMPARE(m_sim->stop(), 0);
        const QByteArray out = m_sim->standardOutput();
        QCOMPARE(QString::fromUtf8(out),
                 u"listening on http://127.0.0.1:%1\n"_s.arg(m_sim->port()));
    }

    // README --port: listens where it is told.
    void listensOnGivenPort()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        START({u"--port"_s, QString::number(port)});
        QCOMPARE(m_sim->port(), port);
        SIM_COMPARE_STATUS(m_http->get(UserTarget, pat()), 200);
    }

    // README: SIGINT also ends it with 0.
    void exitsZeroOnSigint()
    {
        START({});
        SIM_COMPARE_STATUS(m_http->get(UserTarget, pat()), 200);
        QVERIFY(::kill(static_cast<pid_t>(m_sim->processId()), SIGINT) == 0);
        QElapsedTimer timer;
        timer.start();
        while (m_sim->isRunning() && timer.elapsed() < 10000)
            QTest::qWait(20);
        QVERIFY2(!m_sim->isRunning(), "still running 10 s after SIGINT");
        QCOMPARE(m_sim->stop(), 0); // how it ended
    }

    // README --log: one line per request.
    void logRecordsEveryRequest()
    {
        START({});
        for (int i = 0; i < 3; ++i)
            SIM_COMPARE_STATUS(m_http->get(UserTarget, pat()), 200);
        QCOMPARE(m_sim->stop(), 0);
        const QByteArray log = m_sim->logContents();
        QCOMPARE(log.count("GET /api/v4/user"), 3);
        QVERIFY2(!log.contains("pat-dev"), "the log must not contain tokens");
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "TestFaults.moc"
