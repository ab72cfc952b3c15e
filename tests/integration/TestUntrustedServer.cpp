// The client against a GitLab that answers what the API does not document (HostileServer):
// downloads never write more than was announced and never lose what a .part holds, bodies
// that end early resume, slow drips and oversized headers are cut off, pagination and
// Retry-After are bounded, and wrong-typed JSON is an error instead of blank rows.

#include "HostileServer.h"
#include "IntegrationSupport.h"
#include "transfer/LocalTarget.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using namespace Stevedore::IntegrationTest;
using namespace Qt::StringLiterals;
using Stevedore::Test::HostileServer;

namespace {

const QString kFilePath = u"/api/v4/projects/demo%2Fhello/packages/generic/app/1.0.0/app.bin"_s;
const QString kPackagesPath = u"^/api/v4/projects/demo%2Fhello/packages$"_s;
const QString kFilesPath = u"^/api/v4/projects/demo%2Fhello/packages/10/package_files$"_s;
const PackageTarget kSource{u"demo/hello"_s, u"app"_s, u"1.0.0"_s, u"app.bin"_s};

QByteArray content(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + i % 24);
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    Sha256 hash;
    hash.add(bytes);
    return hash.hexDigest();
}

HostileServer::Reply partial(const QByteArray &whole, qint64 from)
{
    HostileServer::Reply reply;
    reply.status = 206;
    reply.body = whole.mid(from);
    reply.headers = {{"Content-Range", "bytes " + QByteArray::number(from) + '-'
                                           + QByteArray::number(whole.size() - 1) + '/'
                                           + QByteArray::number(whole.size())}};
    return reply;
}

qint64 rangeStart(const HostileServer::Request &request)
{
    const QByteArray range = request.header("Range");
    if (!range.startsWith("bytes="))
        return -1;
    return range.mid(6, range.indexOf('-') - 6).toLongLong();
}

QByteArray packageJson(const QByteArray &extra = {})
{
    return "[{\"id\":10,\"name\":\"app\",\"version\":\"1.0.0\",\"package_type\":\"generic\","
           "\"status\":\"default\",\"created_at\":\"2026-11-01T10:00:00.000Z\""
           + extra + "}]";
}

} // namespace

class TestUntrustedServer final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HostileServer> m_server;
    std::unique_ptr<Session> m_session;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    Result<Success> fetch(const QString &target, qint64 expectedSize, const QString &expectedSha256)
    {
        DownloadJob job(*m_session->api, kSource, target);
        job.setExpectedSize(expectedSize);
        job.setExpectedSha256(expectedSha256);
        return runDownload(job);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        m_server = std::make_unique<HostileServer>();
        QVERIFY(m_server->isListening());
        m_session = std::make_unique<Session>(m_server->baseUrl(),
                                              CredentialKind::PersonalAccessToken, u"token"_s);
        m_session->client->setRetryPolicy(
            {3, std::chrono::milliseconds(20), std::chrono::milliseconds(100)});
    }

    void cleanup()
    {
        m_session.reset();
        m_server.reset();
    }

    void moreBytesThanAnnouncedFailTheDownload_data()
    {
        QTest::addColumn<qint64>("contentLength"); // -1: chunked, no length
        QTest::addColumn<qint64>("filler");
        QTest::newRow("endless chunked body") << qint64(-1) << qint64(-1);
        QTest::newRow("Content-Length larger than listed") << qint64(300000) << qint64(200000);
    }

    void moreBytesThanAnnouncedFailTheDownload()
    {
        QFETCH(qint64, contentLength);
        QFETCH(qint64, filler);
        const QByteArray whole = content(100000);
        m_server->on("GET", kFilePath, [=](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.body = whole;
            reply.contentLength = contentLength;
            reply.fillerBytes = filler;
            return reply;
        });
        const QString target = path(
            u"oversized-"_s + QString::number(qHash(QString::fromLatin1(QTest::currentDataTag()))));
        const auto result = fetch(target, whole.size(), sha256Of(whole));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ApiError::Kind::Protocol);
        QVERIFY2(!QFile::exists(target), "an unverified file appeared under its name");
        QVERIFY2(QFileInfo(partPathOf(target)).size() <= whole.size(),
                 qPrintable(QString::number(QFileInfo(partPathOf(target)).size())));
    }

    void aBodyThatEndsEarlyIsResumedNotTakenAsComplete()
    {
        const QByteArray whole = content(256 * 1024);
        m_server->on("GET", kFilePath, [=](const HostileServer::Request &request) {
            const qint64 from = rangeStart(request);
            if (from > 0)
                return partial(whole, from);
            HostileServer::Reply reply;
            reply.body = whole.left(100000);
            reply.contentLength = whole.size();
            reply.closeAfterBody = true;
            return reply;
        });
        const QString target = path(u"early.bin"_s);
        const auto first = fetch(target, whole.size(), sha256Of(whole));
        QVERIFY(!first.ok());
        QVERIFY2(first.error().isTransient(), qPrintable(first.error().message()));
        QVERIFY(!QFile::exists(target));
        const qint64 kept = QFileInfo(partPathOf(target)).size();
        QVERIFY2(kept > 0 && kept <= 100000, qPrintable(QString::number(kept)));

        VERIFY_OK(fetch(target, whole.size(), sha256Of(whole)));
        QCOMPARE(Sha256::ofFile(target), sha256Of(whole));
        const QList<HostileServer::Request> requests = m_server->requests();
        QCOMPARE(rangeStart(requests.last()), kept);
    }

    void aChunkedBodyCutShortIsResumed()
    {
        const QByteArray whole = content(200000);
        // A chunked answer needs filler; its one byte 'x' is the file's next byte here.
        constexpr qsizetype kCut = 24 * 2082 + 23;
        QCOMPARE(whole.at(kCut), 'x');
        m_server->on("GET", kFilePath, [=](const HostileServer::Request &request) {
            const qint64 from = rangeStart(request);
            if (from > 0)
                return partial(whole, from);
            HostileServer::Reply reply; // chunked, and the last chunk never comes
            reply.body = whole.left(kCut);
            reply.fillerBytes = 1;
            reply.closeAfterBody = true;
            return reply;
        });
        const QString target = path(u"chunked.bin"_s);
        const auto first = fetch(target, whole.size(), sha256Of(whole));
        QVERIFY(!first.ok());
        QVERIFY2(first.error().isTransient(), qPrintable(first.error().message()));
        QVERIFY(!QFile::exists(target));
        QCOMPARE(QFileInfo(partPathOf(target)).size(), qint64(kCut + 1));
        VERIFY_OK(fetch(target, whole.size(), sha256Of(whole)));
        QCOMPARE(Sha256::ofFile(target), sha256Of(whole));
        QCOMPARE(rangeStart(m_server->requests().constLast()), qint64(kCut + 1));
    }

    void errorAnswersToARangedRequestKeepThePart_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("500") << 500;
        QTest::newRow("503") << 503;
        QTest::newRow("429") << 429;
        QTest::newRow("416 for a part that is not complete") << 416;
    }

    void errorAnswersToARangedRequestKeepThePart()
    {
        QFETCH(int, status);
        const QByteArray whole = content(150000);
        const QString target = path(u"kept-"_s + QString::number(status) + u".bin"_s);
        QVERIFY(writeText(partPathOf(target), whole.left(60000)).size() == 64);
        m_server->on("GET", kFilePath, [=](const HostileServer::Request &) {
            HostileServer::Reply reply =
                HostileServer::json("{\"message\":\"server trouble\"}", status);
            if (status == 416)
                reply.headers.append(
                    qMakePair(QByteArray("Content-Range"), QByteArray("bytes */150000")));
            return reply;
        });
        const auto result = fetch(target, whole.size(), sha256Of(whole));
        QVERIFY(!result.ok());
        QCOMPARE(QFileInfo(partPathOf(target)).size(), qint64(60000));
        QCOMPARE(Sha256::ofFile(partPathOf(target)), sha256Of(whole.left(60000)));
        QCOMPARE(rangeStart(m_server->requests().constLast()), qint64(60000));
    }

    void aCompletePartIsVerifiedAndRenamedOn416()
    {
        const QByteArray whole = content(90000);
        const QString target = path(u"complete.bin"_s);
        QVERIFY(writeText(partPathOf(target), whole).size() == 64);
        m_server->on("GET", kFilePath, [](const HostileServer::Request &) {
            HostileServer::Reply reply =
                HostileServer::json("{\"message\":\"416 Range Not Satisfiable\"}", 416);
            reply.headers.append(
                qMakePair(QByteArray("Content-Range"), QByteArray("bytes */90000")));
            return reply;
        });
        VERIFY_OK(fetch(target, whole.size(), sha256Of(whole)));
        QCOMPARE(Sha256::ofFile(target), sha256Of(whole));
        QVERIFY(!QFile::exists(partPathOf(target)));
    }

    void aServerThatIgnoresRangeStartsThePartOver()
    {
        const QByteArray whole = content(150000);
        const QString target = path(u"ignored-range.bin"_s);
        // Not the file's first bytes: only a fresh start gives the right checksum.
        QVERIFY(writeText(partPathOf(target), QByteArray(60000, '#')).size() == 64);
        m_server->on("GET", kFilePath, [=](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.body = whole;
            return reply;
        });
        VERIFY_OK(fetch(target, whole.size(), sha256Of(whole)));
        QCOMPARE(Sha256::ofFile(target), sha256Of(whole));
        QCOMPARE(rangeStart(m_server->requests().constLast()), qint64(60000));
    }

    void aSecondDownloadOfTheSameFileIsRefusedWhileTheFirstRuns()
    {
        const QByteArray whole = content(64 * 1024);
        m_server->on("GET", kFilePath, [=](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.body = whole;
            reply.dripBytesPerSecond = 32 * 1024; // two seconds
            return reply;
        });
        const QString target = path(u"twice.bin"_s);
        DownloadJob first(*m_session->api, kSource, target);
        first.setExpectedSha256(sha256Of(whole));
        std::optional<Result<Success>> firstResult;
        connect(&first, &DownloadJob::finished, this,
                [&](const Result<Success> &result) { firstResult = result; });
        first.start();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(partPathOf(target)), kTimeoutMs);

        const auto second = fetch(target, whole.size(), sha256Of(whole));
        QVERIFY(!second.ok());
        QVERIFY2(second.error().message().contains(u"Another download is writing"_s),
                 qPrintable(second.error().message()));
        QTRY_VERIFY_WITH_TIMEOUT(firstResult.has_value(), kTimeoutMs);
        VERIFY_OK(*firstResult);
        QCOMPARE(Sha256::ofFile(target), sha256Of(whole));
    }

    void aSlowDripIsCutOff()
    {
        m_session->client->setSlowBodyFloor({1024, std::chrono::milliseconds(1500)});
        m_server->on("GET", kFilePath, [](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.body = content(20000);
            reply.dripBytesPerSecond = 200; // under the floor, but never silent
            return reply;
        });
        QElapsedTimer clock;
        clock.start();
        const QString target = path(u"drip.bin"_s);
        const auto result = fetch(target, 20000, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ApiError::Kind::Timeout);
        QVERIFY2(result.error().message().contains(u"slower than 1024 bytes per second"_s),
                 qPrintable(result.error().message()));
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(QFileInfo(partPathOf(target)).size() > 0, "what arrived was thrown away");
    }

    void oversizedHeadersFailAtOnce()
    {
        m_server->on("GET", kPackagesPath, [](const HostileServer::Request &) {
            return HostileServer::json(packageJson(), 200,
                                       {{"X-Padding", QByteArray(1 << 20, 'p')}});
        });
        m_session->client->setRetryPolicy({1});
        QElapsedTimer clock;
        clock.start();
        const auto listed = packages(*m_session->api, u"demo/hello"_s, u"app"_s);
        QVERIFY(!listed.ok());
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(listed.error().message().contains(u"header"_s, Qt::CaseInsensitive),
                 qPrintable(describe(listed.error())));
    }

    void anOversizedJsonAnswerIsRefused()
    {
        m_server->on("GET", kPackagesPath, [](const HostileServer::Request &) {
            HostileServer::Reply reply = HostileServer::json("[");
            reply.fillerBytes = 80 * 1024 * 1024;
            return reply;
        });
        m_session->client->setRetryPolicy({1});
        const auto listed = packages(*m_session->api, u"demo/hello"_s, u"app"_s);
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().kind(), ApiError::Kind::Protocol);
        QVERIFY2(listed.error().message().contains(u"unexpectedly large"_s),
                 qPrintable(listed.error().message()));
    }

    void paginationIsBounded_data()
    {
        QTest::addColumn<bool>("sameUrl");
        QTest::newRow("next points back to the same page") << true;
        QTest::newRow("a new page every time") << false;
    }

    void paginationIsBounded()
    {
        QFETCH(bool, sameUrl);
        const QByteArray base = m_server->baseUrl().toEncoded();
        m_server->on("GET", kPackagesPath, [=](const HostileServer::Request &request) {
            const qsizetype at = request.target.indexOf("&page=");
            const qint64 page = at < 0 ? 1 : request.target.mid(at + 6).toLongLong();
            const QByteArray next = base
                                    + "/api/v4/projects/demo%2Fhello/packages?package_type="
                                      "generic&per_page=100&page="
                                    + QByteArray::number(sameUrl ? 1 : page + 1);
            return HostileServer::json(packageJson(), 200,
                                       {{"Link", "<" + next + ">; rel=\"next\""}});
        });
        const auto listed = packages(*m_session->api, u"demo/hello"_s, u"app"_s);
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().kind(), ApiError::Kind::Protocol);
        QVERIFY2(listed.error().message().contains(sameUrl ? u"points back"_s : u"1000 pages"_s),
                 qPrintable(listed.error().message()));
        QVERIFY(m_server->count("GET", kPackagesPath) <= GitLabApi::kMaxPages);
    }

    void wrongTypedJsonIsAnError_data()
    {
        QTest::addColumn<QByteArray>("files");
        QTest::addColumn<QString>("problem");
        const QByteArray good =
            "\"package_id\":10,\"file_name\":\"a.bin\",\"size\":3,\"created_at\":"
            "\"2026-11-01T10:00:00.000Z\",\"file_sha256\":\""
            + QByteArray(64, 'a') + "\"";
        QTest::newRow("no id") << "[{" + good + "}]" << u"without a numeric id"_s;
        QTest::newRow("id as a string")
            << "[{\"id\":\"7\"," + good + "}]" << u"without a numeric id"_s;
        QTest::newRow("negative size")
            << "[{\"id\":7,\"package_id\":10,\"file_name\":\"a.bin\",\"size\":-1,\"file_sha256\":\""
                   + QByteArray(64, 'a') + "\"}]"
            << u"no size"_s;
        QTest::newRow("sha256 not hex")
            << "[{\"id\":7,\"package_id\":10,\"file_name\":\"a.bin\",\"size\":1,\"file_sha256\":\""
                   + QByteArray(64, 'z') + "\"}]"
            << u"64 hexadecimal digits"_s;
        QTest::newRow("no file name")
            << "[{\"id\":7,\"package_id\":10,\"size\":1,\"file_sha256\":\"" + QByteArray(64, 'a')
                   + "\"}]"
            << u"no file_name"_s;
        QTest::newRow("an entry that is not an object")
            << QByteArray("[42]") << u"without a numeric id"_s;
    }

    void wrongTypedJsonIsAnError()
    {
        QFETCH(QByteArray, files);
        QFETCH(QString, problem);
        m_server->on("GET", kPackagesPath, [](const HostileServer::Request &) {
            return HostileServer::json(packageJson());
        });
        m_server->on("GET", kFilesPath,
                     [=](const HostileServer::Request &) { return HostileServer::json(files); });
        const auto version = versionFiles(*m_session->api, kSource);
        QVERIFY(!version.ok());
        QCOMPARE(version.error().kind(), ApiError::Kind::Protocol);
        QVERIFY2(version.error().message().contains(u"not what the API documents"_s)
                     && version.error().message().contains(problem),
                 qPrintable(version.error().message()));
    }

    void aPackageWithoutANameIsAnError()
    {
        m_server->on("GET", kPackagesPath, [](const HostileServer::Request &) {
            return HostileServer::json("[{\"id\":10,\"name\":\"\",\"version\":\"1.0.0\"}]");
        });
        const auto listed = packages(*m_session->api, u"demo/hello"_s, {});
        QVERIFY(!listed.ok());
        QVERIFY2(listed.error().message().contains(u"no name or no version"_s),
                 qPrintable(listed.error().message()));
    }

    void readOnlyCallsRetryServerErrorsAndHonourRetryAfter()
    {
        m_server->on("GET", kPackagesPath, [this](const HostileServer::Request &) {
            if (m_server->count("GET", kPackagesPath) == 1)
                return HostileServer::json("{\"message\":\"503\"}", 503, {{"Retry-After", "1"}});
            return HostileServer::json(packageJson());
        });
        QStringList notices;
        connect(m_session->client.get(), &GitLabClient::retrying, this,
                [&](const QString &notice) { notices << notice; });
        QElapsedTimer clock;
        clock.start();
        const auto listed = packages(*m_session->api, u"demo/hello"_s, u"app"_s);
        VERIFY_OK(listed);
        QCOMPARE(listed.value().size(), 1);
        QVERIFY2(clock.elapsed() >= 900, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(notices.size(), 1);
        QVERIFY2(notices.first().contains(u"GitLab asked to wait 1 s; retrying at"_s),
                 qPrintable(notices.first()));
    }

    void aRetryAfterBeyondTheCapFailsAtOnce()
    {
        m_server->on("GET", kPackagesPath, [](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.status = 429;
            reply.body = "Retry later\n";
            reply.headers = {{"Retry-After", "86400"}};
            return reply;
        });
        QElapsedTimer clock;
        clock.start();
        const auto listed = packages(*m_session->api, u"demo/hello"_s, u"app"_s);
        QVERIFY(!listed.ok());
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(listed.error().kind(), ApiError::Kind::RateLimited);
        QVERIFY2(listed.error().message().contains(u"GitLab asked to wait 1 day"_s)
                     || listed.error().message().contains(u"GitLab asked to wait 24 h"_s),
                 qPrintable(listed.error().message()));
        QCOMPARE(m_server->count("GET", kPackagesPath), 1);
    }
};

QTEST_GUILESS_MAIN(TestUntrustedServer)
#include "TestUntrustedServer.moc"
