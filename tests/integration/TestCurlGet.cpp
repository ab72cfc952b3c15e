// CurlGet, the libcurl transport of download bodies, against HostileServer (two of them: two
// loopback origins) and gitlab-sim over TLS: the body goes to the sink with progress up to its
// size; a redirect to another origin is followed without the credential (a Range goes along);
// oversized headers and error answers fail quickly; error answers never reach the sink; a
// sink's error stops the transfer; a cancel or a deletion mid-body ends promptly; TLS trusts the
// account's CA file. With DownloadJob on top: a full disk stops the download with a clear
// message and loses nothing. A rate limit holds the download back.

#include "HostileServer.h"
#include "IntegrationSupport.h"
#include "TestCertificates.h"
#include "api/CurlGet.h"
#include "transfer/LocalTarget.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cstring>
#include <sys/mount.h>

using namespace Stevedore;
using namespace Stevedore::IntegrationTest;
using namespace Qt::StringLiterals;

using Stevedore::Test::HostileServer;
using stevedore::test::ScopedSim;
using stevedore::test::SimServer;

namespace {

const QString kFilePattern =
    u"^/api/v4/projects/demo%2Fhello/packages/generic/app/1.0.0/app.bin$"_s;
const QByteArray kFilePath = "/api/v4/projects/demo%2Fhello/packages/generic/app/1.0.0/app.bin";
const PackageTarget kSource{u"demo/hello"_s, u"app"_s, u"1.0.0"_s, u"app.bin"_s};

QByteArray content(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + i % 23);
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    Sha256 hash;
    hash.add(bytes);
    return hash.hexDigest();
}

qint64 rangeStart(const HostileServer::Request &request)
{
    const QByteArray range = request.header("Range");
    if (!range.startsWith("bytes="))
        return -1;
    return range.mid(6, range.indexOf('-') - 6).toLongLong();
}

// The whole file, or its tail from a Range's start (206), as a server that honours Range.
HostileServer::Reply serveWithRange(const QByteArray &whole, const HostileServer::Request &request)
{
    HostileServer::Reply reply;
    const qint64 from = rangeStart(request);
    if (from <= 0) {
        reply.body = whole;
        return reply;
    }
    reply.status = 206;
    reply.body = whole.mid(from);
    reply.headers = {{"Content-Range", "bytes " + QByteArray::number(from) + '-'
                                           + QByteArray::number(whole.size() - 1) + '/'
                                           + QByteArray::number(whole.size())}};
    return reply;
}

// Keeps what it is given; fails once it holds more than `failAfter` bytes when that is set.
class MemorySink final : public CurlCall::Sink
{
public:
    ApiError begin(int status, const QList<QPair<QByteArray, QByteArray>> &) override
    {
        statuses.append(status);
        return {};
    }
    ApiError write(const char *data, qint64 size) override
    {
        writes++;
        bytes.append(data, qsizetype(size));
        if (failAfter >= 0 && bytes.size() > failAfter)
            return ApiError(ApiError::Kind::Local, u"the sink is full"_s);
        return {};
    }

    QList<int> statuses;
    QByteArray bytes;
    qint64 failAfter = -1;
    std::atomic<int> writes{0};
};

struct Outcome
{
    ApiError error;
    int status = 0;
    QList<QPair<qint64, qint64>> progress;
    qint64 elapsedMs = 0;
};

Outcome get(GitLabClient &client, const QUrl &url, const std::shared_ptr<MemorySink> &sink,
            const QList<QByteArray> &headers = {})
{
    Outcome outcome;
    QElapsedTimer clock;
    clock.start();
    CurlGet call(&client, url, headers, sink);
    QObject::connect(&call, &CurlGet::progress, [&](qint64 received, qint64 total) {
        outcome.progress.append({received, total});
    });
    QSignalSpy finished(&call, &CurlGet::finished);
    call.start();
    if (!finished.wait(kTimeoutMs))
        outcome.error = ApiError(ApiError::Kind::Timeout, u"the GET did not finish"_s);
    else
        outcome.error = call.error();
    outcome.status = call.status();
    outcome.elapsedMs = clock.elapsed();
    return outcome;
}

// A body that keeps coming for a long while, slowly: time for a test to act mid-body.
HostileServer::Reply endlessDrip()
{
    HostileServer::Reply reply;
    reply.body = content(64 * 1024);
    reply.fillerBytes = -1;
    reply.dripBytesPerSecond = 256 * 1024;
    return reply;
}

} // namespace

class TestCurlGet final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HostileServer> m_server;
    std::unique_ptr<Session> m_session;

    QUrl fileUrl(const QUrl &origin) const
    {
        return QUrl::fromEncoded(origin.toEncoded() + kFilePath);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        m_server = std::make_unique<HostileServer>();
        QVERIFY(m_server->isListening());
        m_session = std::make_unique<Session>(m_server->baseUrl(),
                                              CredentialKind::PersonalAccessToken, kPat);
    }

    void cleanup()
    {
        m_session.reset();
        m_server.reset();
    }

    void theBodyReachesTheSinkWithProgress()
    {
        const QByteArray whole = content(3 * 1024 * 1024 + 5);
        m_server->on("GET", kFilePattern, [=](const HostileServer::Request &request) {
            return serveWithRange(whole, request);
        });
        auto sink = std::make_shared<MemorySink>();
        const Outcome outcome = get(*m_session->client, fileUrl(m_server->baseUrl()), sink);
        QVERIFY2(!outcome.error.isError(), qPrintable(describe(outcome.error)));
        QCOMPARE(outcome.status, 200);
        QCOMPARE(sink->statuses, QList<int>{200});
        QCOMPARE(sink->bytes.size(), whole.size());
        QVERIFY(sink->bytes == whole);
        QVERIFY(!outcome.progress.isEmpty());
        QCOMPARE(outcome.progress.last(), (QPair<qint64, qint64>(whole.size(), whole.size())));
        for (qsizetype i = 1; i < outcome.progress.size(); ++i)
            QVERIFY(outcome.progress[i].first > outcome.progress[i - 1].first);
        const HostileServer::Request request = m_server->requests().constFirst();
        QCOMPARE(request.header("PRIVATE-TOKEN"), kPat.toUtf8());
        QVERIFY(request.header("User-Agent").startsWith("Stevedore/"));
        QVERIFY(request.header("Accept-Encoding").isEmpty()); // the bytes as stored
    }

    void aRangeIsSentAndTheTailArrives()
    {
        const QByteArray whole = content(300000);
        m_server->on("GET", kFilePattern, [=](const HostileServer::Request &request) {
            return serveWithRange(whole, request);
        });
        auto sink = std::make_shared<MemorySink>();
        const Outcome outcome =
            get(*m_session->client, fileUrl(m_server->baseUrl()), sink, {"Range: bytes=123456-"});
        QVERIFY2(!outcome.error.isError(), qPrintable(describe(outcome.error)));
        QCOMPARE(sink->statuses, QList<int>{206});
        QVERIFY(sink->bytes == whole.mid(123456));
        QCOMPARE(rangeStart(m_server->requests().constFirst()), qint64(123456));
    }

    void aRedirectToAnotherOriginCarriesNoCredential_data()
    {
        QTest::addColumn<int>("status");
        for (const int status : {301, 302, 303, 307, 308})
            QTest::addRow("%d", status) << status;
    }

    void aRedirectToAnotherOriginCarriesNoCredential()
    {
        QFETCH(int, status);
        HostileServer storage; // another port: another origin
        const QByteArray whole = content(200000);
        storage.on("GET", u"^/objects/7/app.bin$"_s, [=](const HostileServer::Request &request) {
            return serveWithRange(whole, request);
        });
        const QByteArray location =
            storage.baseUrl().toEncoded() + "/objects/7/app.bin?X-Amz-Signature=abc";
        m_server->on("GET", kFilePattern, [=](const HostileServer::Request &) {
            HostileServer::Reply reply = HostileServer::json("{\"message\":\"moved\"}", status);
            reply.headers.append({"Location", location});
            return reply;
        });
        auto sink = std::make_shared<MemorySink>();
        const Outcome outcome =
            get(*m_session->client, fileUrl(m_server->baseUrl()), sink, {"Range: bytes=1000-"});
        QVERIFY2(!outcome.error.isError(), qPrintable(describe(outcome.error)));
        QCOMPARE(outcome.status, 206);
        QCOMPARE(sink->statuses, QList<int>{206}); // the redirect's own body went nowhere
        QVERIFY(sink->bytes == whole.mid(1000));

        const QList<HostileServer::Request> asked = m_server->requests();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().header("PRIVATE-TOKEN"), kPat.toUtf8());
        const QList<HostileServer::Request> redirected = storage.requests();
        QCOMPARE(redirected.size(), 1);
        QCOMPARE(redirected.first().target, QByteArray("/objects/7/app.bin?X-Amz-Signature=abc"));
        QCOMPARE(rangeStart(redirected.first()), qint64(1000));
        for (const QByteArray name :
             {"PRIVATE-TOKEN", "JOB-TOKEN", "DEPLOY-TOKEN", "Authorization", "Cookie"})
            QVERIFY2(redirected.first().header(name).isEmpty(), name.constData());
    }

    void aRedirectOnTheSameOriginKeepsTheCredential()
    {
        const QByteArray whole = content(1000);
        m_server->on("GET", u"^/elsewhere/app.bin$"_s, [=](const HostileServer::Request &request) {
            return serveWithRange(whole, request);
        });
        m_server->on("GET", kFilePattern, [](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.status = 302;
            reply.headers = {{"Location", "/elsewhere/app.bin"}};
            return reply;
        });
        auto sink = std::make_shared<MemorySink>();
        const Outcome outcome = get(*m_session->client, fileUrl(m_server->baseUrl()), sink);
        QVERIFY2(!outcome.error.isError(), qPrintable(describe(outcome.error)));
        QVERIFY(sink->bytes == whole);
        const QList<HostileServer::Request> requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(1).path, QByteArray("/elsewhere/app.bin"));
        QCOMPARE(requests.at(1).header("PRIVATE-TOKEN"), kPat.toUtf8());
    }

    void aRedirectLoopEnds()
    {
        m_server->on("GET", kFilePattern, [](const HostileServer::Request &request) {
            HostileServer::Reply reply;
            reply.status = 302;
            reply.headers = {{"Location", request.target}};
            return reply;
        });
        auto sink = std::make_shared<MemorySink>();
        const Outcome outcome = get(*m_session->client, fileUrl(m_server->baseUrl()), sink);
        QCOMPARE(outcome.error.kind(), ApiError::Kind::Protocol);
        QVERIFY2(outcome.error.message().contains(u"redirects"_s),
                 qPrintable(outcome.error.message()));
        QCOMPARE(m_server->requests().size(), ApiCall::kMaxRedirects + 1);
        QVERIFY(sink->statuses.isEmpty());
    }

    void oversizedHeadersFailQuickly_data()
    {
        QTest::addColumn<int>("headers");
        QTest::addColumn<int>("bytesEach");
        QTest::newRow("one 1 MiB header") << 1 << (1 << 20);
        QTest::newRow("forty 8 KiB headers") << 40 << 8000;
    }

    void oversizedHeadersFailQuickly()
    {
        QFETCH(int, headers);
        QFETCH(int, bytesEach);
        m_server->on("GET", kFilePattern, [=](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.body = content(1000);
            for (int i = 0; i < headers; ++i)
                reply.headers.append(
                    {"X-Padding-" + QByteArray::number(i), QByteArray(bytesEach, 'p')});
            return reply;
        });
        auto sink = std::make_shared<MemorySink>();
        const Outcome outcome = get(*m_session->client, fileUrl(m_server->baseUrl()), sink);
        QVERIFY2(outcome.error.kind() == ApiError::Kind::Protocol,
                 qPrintable(describe(outcome.error)));
        QVERIFY2(outcome.error.message().contains(u"response headers"_s),
                 qPrintable(outcome.error.message()));
        QVERIFY(sink->bytes.isEmpty());
        QVERIFY2(outcome.elapsedMs < 10000, qPrintable(QString::number(outcome.elapsedMs)));
    }

    void anErrorAnswerIsClassifiedAndNeverReachesTheSink()
    {
        m_server->on("GET", kFilePattern, [](const HostileServer::Request &) {
            return HostileServer::json(R"({"message":"429 Too Many Requests"})", 429,
                                       {{"Retry-After", "7"}});
        });
        auto sink = std::make_shared<MemorySink>();
        const Outcome outcome = get(*m_session->client, fileUrl(m_server->baseUrl()), sink);
        QCOMPARE(outcome.error.kind(), ApiError::Kind::RateLimited);
        QCOMPARE(outcome.status, 429);
        QCOMPARE(outcome.error.retryAfterSeconds(), std::optional<int>(7));
        QVERIFY(sink->statuses.isEmpty());
        QVERIFY(sink->bytes.isEmpty());
        QCOMPARE(m_session->client->reachability(), GitLabClient::Reachability::Reachable);
    }

    void anOversizedErrorAnswerIsRefused()
    {
        m_server->on("GET", kFilePattern, [](const HostileServer::Request &) {
            HostileServer::Reply reply = HostileServer::json("{", 500);
            reply.fillerBytes = 80 * 1024 * 1024;
            return reply;
        });
        auto sink = std::make_shared<MemorySink>();
        const Outcome outcome = get(*m_session->client, fileUrl(m_server->baseUrl()), sink);
        QCOMPARE(outcome.error.kind(), ApiError::Kind::Protocol);
        QVERIFY2(outcome.error.message().contains(u"unexpectedly large"_s),
                 qPrintable(outcome.error.message()));
        QVERIFY(sink->bytes.isEmpty());
    }

    void aSinkErrorStopsTheTransfer()
    {
        m_server->on("GET", kFilePattern,
                     [](const HostileServer::Request &) { return endlessDrip(); });
        auto sink = std::make_shared<MemorySink>();
        sink->failAfter = 100000;
        const Outcome outcome = get(*m_session->client, fileUrl(m_server->baseUrl()), sink);
        QCOMPARE(outcome.error.kind(), ApiError::Kind::Local);
        QCOMPARE(outcome.error.message(), u"the sink is full"_s);
        const int writes = sink->writes;
        QTest::qWait(200);
        QCOMPARE(sink->writes.load(), writes);
    }

    void cancelMidBodyEndsPromptly()
    {
        m_server->on("GET", kFilePattern,
                     [](const HostileServer::Request &) { return endlessDrip(); });
        auto sink = std::make_shared<MemorySink>();
        CurlGet call(m_session->client.get(), fileUrl(m_server->baseUrl()), {}, sink);
        QSignalSpy progress(&call, &CurlGet::progress);
        QSignalSpy finished(&call, &CurlGet::finished);
        call.start();
        QVERIFY(progress.wait(kTimeoutMs));
        QVERIFY(!call.isFinished());
        QElapsedTimer clock;
        clock.start();
        call.abort();
        QCOMPARE(finished.size(), 1);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(call.error().kind(), ApiError::Kind::Cancelled);
        // The worker let go of the sink: nothing more is written.
        const int writes = sink->writes;
        QTest::qWait(200);
        QCOMPARE(sink->writes.load(), writes);
        QCOMPARE(m_session->client->reachability(), GitLabClient::Reachability::Unknown);
    }

    void deletingARunningGetIsSafe()
    {
        m_server->on("GET", kFilePattern,
                     [](const HostileServer::Request &) { return endlessDrip(); });
        auto sink = std::make_shared<MemorySink>();
        auto call = std::make_unique<CurlGet>(m_session->client.get(), fileUrl(m_server->baseUrl()),
                                              QList<QByteArray>(), sink);
        QSignalSpy progress(call.get(), &CurlGet::progress);
        call->start();
        QVERIFY(progress.wait(kTimeoutMs));
        QElapsedTimer clock;
        clock.start();
        call.reset();
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(sink.use_count(), 1); // the worker is gone, and its hold on the sink with it
        QTest::qWait(100);             // queued reports for the deleted call are dropped
    }

    void tlsTrustsTheAccountsCaFileOnly()
    {
        TestCertificates certificates;
        const QString error = certificates.create(m_dir.path(), u"curl-get-"_s);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ScopedSim tls;
        QVERIFY(tls.start(SimServer::Options().withDemo().withArguments(
            {u"--tls-cert"_s, certificates.certificateFile(), u"--tls-key"_s,
             certificates.keyFile()})));
        const PackageTarget demo{kProject, kHelloCli, u"1.9.0"_s,
                                 u"hello-1.9.0-linux-amd64.tar.gz"_s};
        for (const bool trusted : {false, true}) {
            Account account = simAccount(tls->baseUrl(), CredentialKind::PersonalAccessToken);
            if (trusted)
                account.caBundlePath = certificates.caFile();
            Session session(account, kPat);
            auto sink = std::make_shared<MemorySink>();
            const Outcome outcome =
                get(*session.client, session.client->apiUrl(demo.encodedPath()), sink);
            if (trusted) {
                QVERIFY2(!outcome.error.isError(), qPrintable(describe(outcome.error)));
                QCOMPARE(outcome.status, 200);
                const auto listed = versionFiles(*session.api, demo);
                VERIFY_OK(listed);
                QCOMPARE(sha256Of(sink->bytes), listed.value().newest(demo.fileName)->sha256);
            } else {
                QCOMPARE(outcome.error.kind(), ApiError::Kind::Tls);
                QVERIFY2(outcome.error.message().contains(certificates.fingerprint()),
                         qPrintable(outcome.error.message()));
                QVERIFY2(outcome.error.message().contains(u"CA file"_s),
                         qPrintable(outcome.error.message()));
                QVERIFY(sink->bytes.isEmpty());
            }
        }
    }

    // A file system of 1 MiB (tmpfs, mounted for the test; it needs the right to mount) takes
    // part of a 3 MiB download: the download fails saying so, keeps what was written, and
    // finishes verified once there is room.
    void aFullDiskStopsTheDownloadAndLosesNothing()
    {
        const QString folder = m_dir.filePath(u"small-disk"_s);
        QVERIFY(QDir().mkpath(folder));
        const QByteArray mountPoint = QFile::encodeName(folder);
        if (::mount("tmpfs", mountPoint.constData(), "tmpfs", 0, "size=1m") != 0)
            QSKIP(qPrintable(u"cannot mount a small tmpfs here: "_s + qt_error_string(errno)));
        const auto unmount = qScopeGuard([&] { ::umount2(mountPoint.constData(), MNT_DETACH); });

        const QByteArray whole = content(3 * 1024 * 1024);
        m_server->on("GET", kFilePattern, [=](const HostileServer::Request &request) {
            return serveWithRange(whole, request);
        });
        const QString target = folder + u"/app.bin"_s;
        DownloadJob first(*m_session->api, kSource, target);
        first.setExpectedSize(whole.size());
        first.setExpectedSha256(sha256Of(whole));
        const Result<Success> full = runDownload(first);
        QVERIFY(!full.ok());
        QCOMPARE(full.error().kind(), ApiError::Kind::Local);
        QVERIFY2(full.error().message().contains(qt_error_string(ENOSPC)),
                 qPrintable(full.error().message()));
        QVERIFY2(full.error().message().contains(u"Free some disk space"_s),
                 qPrintable(full.error().message()));
        QVERIFY(!QFile::exists(target));
        const qint64 kept = QFileInfo(partPathOf(target)).size();
        QVERIFY2(kept > 0 && kept < whole.size(), qPrintable(QString::number(kept)));
        QCOMPARE(Sha256::ofFile(partPathOf(target)), sha256Of(whole.left(kept)));

        QCOMPARE(::mount("tmpfs", mountPoint.constData(), "tmpfs", MS_REMOUNT, "size=8m"), 0);
        DownloadJob second(*m_session->api, kSource, target);
        second.setExpectedSize(whole.size());
        second.setExpectedSha256(sha256Of(whole));
        VERIFY_OK(runDownload(second));
        QCOMPARE(Sha256::ofFile(target), sha256Of(whole));
        QCOMPARE(rangeStart(m_server->requests().constLast()), kept);
    }

    // 2 MiB/s cannot bring 10 MiB in under 2 s (TestCurlPut checks the other direction). More
    // than the loopback socket buffers hold: libcurl reads what already waits there at once.
    void aRateLimitHoldsTheDownloadBack()
    {
        const QByteArray whole = content(10 * 1024 * 1024);
        m_server->on("GET", kFilePattern, [=](const HostileServer::Request &request) {
            return serveWithRange(whole, request);
        });
        m_session->client->setTransferRateLimit(2 * 1024 * 1024);
        auto sink = std::make_shared<MemorySink>();
        const Outcome outcome = get(*m_session->client, fileUrl(m_server->baseUrl()), sink);
        QVERIFY2(!outcome.error.isError(), qPrintable(describe(outcome.error)));
        QVERIFY(sink->bytes == whole);
        QVERIFY2(outcome.elapsedMs >= 2000, qPrintable(QString::number(outcome.elapsedMs)));
    }
};

QTEST_GUILESS_MAIN(TestCurlGet)
#include "TestCurlGet.moc"
