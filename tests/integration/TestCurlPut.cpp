// CurlPut, the libcurl transport of upload bodies, against gitlab-sim (plain and TLS) and
// HostileServer: the request is GitLabClient's (credentials for the account's origin only), a
// redirect is refused, oversized answers fail quickly, a cancel or a deletion mid-body ends
// promptly, TLS trusts the account's CA file, progress reaches the total, and a rate limit
// holds the upload back.

#include "HostileServer.h"
#include "IntegrationSupport.h"
#include "TestCertificates.h"
#include "api/CurlPut.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>

using namespace Stevedore;
using namespace Stevedore::IntegrationTest;
using namespace Qt::StringLiterals;

using Stevedore::Test::HostileServer;
using stevedore::test::ScopedSim;
using stevedore::test::SimServer;

namespace {

// A body of `size` bytes of 'b', handed out in pieces of at most `piece` bytes, each after
// `delay`: slow enough for a test to act while it is being sent.
class SlowBody final : public CurlPut::Body
{
public:
    SlowBody(qint64 size, qint64 piece, std::chrono::milliseconds delay)
        : m_size(size)
        , m_piece(piece)
        , m_delay(delay)
    {
    }
    qint64 size() const override { return m_size; }
    qint64 read(char *data, qint64 maxSize) override
    {
        std::this_thread::sleep_for(m_delay);
        const qint64 given = std::min({maxSize, m_piece, m_size - m_sent});
        std::memset(data, 'b', size_t(given));
        m_sent += given;
        reads++;
        return given;
    }
    QString errorText() const override { return {}; }

    std::atomic<int> reads{0};

private:
    qint64 m_size;
    qint64 m_piece;
    std::chrono::milliseconds m_delay;
    qint64 m_sent = 0;
};

std::shared_ptr<SlowBody> quickBody(qint64 size)
{
    return std::make_shared<SlowBody>(size, size, std::chrono::milliseconds(0));
}

struct Outcome
{
    ApiError error;
    int status = 0;
    QByteArray body;
    QList<QPair<qint64, qint64>> progress;
    qint64 elapsedMs = 0;
};

Outcome put(GitLabClient &client, const QUrl &url, std::shared_ptr<CurlPut::Body> body)
{
    Outcome outcome;
    QElapsedTimer clock;
    clock.start();
    CurlPut call(&client, url, std::move(body));
    QObject::connect(&call, &CurlPut::progress, [&](qint64 sent, qint64 total) {
        outcome.progress.append({sent, total});
    });
    QSignalSpy finished(&call, &CurlPut::finished);
    call.start();
    if (!finished.wait(kTimeoutMs))
        outcome.error = ApiError(ApiError::Kind::Timeout, u"the PUT did not finish"_s);
    else
        outcome.error = call.error();
    outcome.status = call.status();
    outcome.body = call.body();
    outcome.elapsedMs = clock.elapsed();
    return outcome;
}

const QString kUploadPattern = u"^/api/v4/projects/[^/]+/packages/generic/"_s;

} // namespace

class TestCurlPut final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HostileServer> m_server;
    std::unique_ptr<Session> m_session;

    QUrl uploadUrl(const QUrl &origin) const
    {
        return QUrl::fromEncoded(origin.toEncoded()
                                 + "/api/v4/projects/demo%2Fhello/packages/generic/app/1.0.0/"
                                   "a.bin?select=package_file");
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

    void aRedirectIsRefusedNamingTheTarget_data()
    {
        QTest::addColumn<int>("status");
        for (const int status : {301, 302, 303, 307, 308})
            QTest::addRow("%d", status) << status;
    }

    void aRedirectIsRefusedNamingTheTarget()
    {
        QFETCH(int, status);
        HostileServer elsewhere;
        const QByteArray location =
            elsewhere.baseUrl().toEncoded() + "/upload-here/file.bin?token=secret";
        m_server->on("PUT", kUploadPattern, [status, location](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.status = status;
            reply.headers = {{"Location", location}};
            return reply;
        });
        const Outcome outcome =
            put(*m_session->client, uploadUrl(m_server->baseUrl()), quickBody(4096));
        QCOMPARE(outcome.error.kind(), ApiError::Kind::Configuration);
        const QString target = elsewhere.baseUrl().toString() + u"/upload-here/file.bin"_s;
        QVERIFY2(outcome.error.message().contains(target), qPrintable(outcome.error.message()));
        QVERIFY2(outcome.error.message().contains(u"never redirected"_s),
                 qPrintable(outcome.error.message()));
        QVERIFY2(!outcome.error.message().contains(u"secret"_s),
                 qPrintable(outcome.error.message()));
        QCOMPARE(m_server->count("PUT", kUploadPattern), 1);
        QVERIFY(elsewhere.requests().isEmpty());
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
        m_server->on("PUT", kUploadPattern, [=](const HostileServer::Request &) {
            QList<QPair<QByteArray, QByteArray>> padding;
            for (int i = 0; i < headers; ++i)
                padding.append({"X-Padding-" + QByteArray::number(i), QByteArray(bytesEach, 'p')});
            return HostileServer::json("{}", 201, padding);
        });
        const Outcome outcome =
            put(*m_session->client, uploadUrl(m_server->baseUrl()), quickBody(4096));
        QVERIFY2(outcome.error.kind() == ApiError::Kind::Protocol,
                 qPrintable(describe(outcome.error)));
        QVERIFY2(outcome.error.message().contains(u"response headers"_s),
                 qPrintable(outcome.error.message()));
        QVERIFY2(outcome.elapsedMs < 10000, qPrintable(QString::number(outcome.elapsedMs)));
    }

    void anOversizedAnswerIsRefused()
    {
        m_server->on("PUT", kUploadPattern, [](const HostileServer::Request &) {
            HostileServer::Reply reply = HostileServer::json("{", 201);
            reply.fillerBytes = 80 * 1024 * 1024;
            return reply;
        });
        const Outcome outcome =
            put(*m_session->client, uploadUrl(m_server->baseUrl()), quickBody(4096));
        QCOMPARE(outcome.error.kind(), ApiError::Kind::Protocol);
        QVERIFY2(outcome.error.message().contains(u"unexpectedly large"_s),
                 qPrintable(outcome.error.message()));
    }

    void anErrorAnswerIsClassified()
    {
        m_server->on("PUT", kUploadPattern, [](const HostileServer::Request &) {
            return HostileServer::json(R"({"message":"429 Too Many Requests"})", 429,
                                       {{"Retry-After", "7"}});
        });
        const Outcome outcome =
            put(*m_session->client, uploadUrl(m_server->baseUrl()), quickBody(4096));
        QCOMPARE(outcome.error.kind(), ApiError::Kind::RateLimited);
        QCOMPARE(outcome.status, 429);
        QCOMPARE(outcome.error.retryAfterSeconds(), std::optional<int>(7));
        QCOMPARE(m_session->client->reachability(), GitLabClient::Reachability::Reachable);
    }

    void theCredentialGoesToTheAccountsOriginOnly()
    {
        m_server->on("PUT", kUploadPattern,
                     [](const HostileServer::Request &) { return HostileServer::json("{}", 201); });
        // The same server by another name is another origin.
        QUrl otherOrigin = m_server->baseUrl();
        otherOrigin.setHost(u"localhost"_s);
        for (const QUrl &origin : {m_server->baseUrl(), otherOrigin}) {
            const Outcome outcome = put(*m_session->client, uploadUrl(origin), quickBody(1000));
            QVERIFY2(!outcome.error.isError(), qPrintable(describe(outcome.error)));
        }
        const QList<HostileServer::Request> requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0].header("PRIVATE-TOKEN"), kPat.toUtf8());
        QVERIFY(requests[1].header("PRIVATE-TOKEN").isEmpty());
        for (const HostileServer::Request &request : requests) {
            QVERIFY(request.header("User-Agent").startsWith("Stevedore/"));
            QCOMPARE(request.header("Content-Type"), QByteArray("application/octet-stream"));
            QCOMPARE(request.header("Content-Length"), QByteArray("1000"));
            QCOMPARE(request.bodySize, 1000);
        }
    }

    // One account's uploads go over one kept-open connection, not one connection each.
    void uploadsOfOneAccountShareAConnection()
    {
        m_server->on("PUT", kUploadPattern,
                     [](const HostileServer::Request &) { return HostileServer::json("{}", 201); });
        for (int i = 0; i < 3; ++i) {
            const Outcome outcome =
                put(*m_session->client, uploadUrl(m_server->baseUrl()), quickBody(1000));
            QVERIFY2(!outcome.error.isError(), qPrintable(describe(outcome.error)));
        }
        const QList<HostileServer::Request> requests = m_server->requests();
        QCOMPARE(requests.size(), 3);
        QVERIFY(requests[0].clientPort > 0);
        QCOMPARE(requests[1].clientPort, requests[0].clientPort);
        QCOMPARE(requests[2].clientPort, requests[0].clientPort);
    }

    void cancelMidBodyEndsPromptly()
    {
        m_server->on("PUT", kUploadPattern,
                     [](const HostileServer::Request &) { return HostileServer::json("{}", 201); });
        auto body =
            std::make_shared<SlowBody>(qint64(1) << 30, 64 * 1024, std::chrono::milliseconds(20));
        CurlPut call(m_session->client.get(), uploadUrl(m_server->baseUrl()), body);
        QSignalSpy progress(&call, &CurlPut::progress);
        QSignalSpy finished(&call, &CurlPut::finished);
        call.start();
        QVERIFY(progress.wait(kTimeoutMs));
        QVERIFY(!call.isFinished());
        QElapsedTimer clock;
        clock.start();
        call.abort();
        QCOMPARE(finished.size(), 1);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(call.error().kind(), ApiError::Kind::Cancelled);
        // The worker let go of the body: nothing more is read.
        const int reads = body->reads;
        QTest::qWait(200);
        QCOMPARE(body->reads.load(), reads);
        QVERIFY(call.bytesSent() < body->size());
        // A cancelled call says nothing about the server's reachability.
        QCOMPARE(m_session->client->reachability(), GitLabClient::Reachability::Unknown);
    }

    void deletingARunningPutIsSafe()
    {
        m_server->on("PUT", kUploadPattern,
                     [](const HostileServer::Request &) { return HostileServer::json("{}", 201); });
        auto body =
            std::make_shared<SlowBody>(qint64(1) << 30, 64 * 1024, std::chrono::milliseconds(20));
        auto call = std::make_unique<CurlPut>(m_session->client.get(),
                                              uploadUrl(m_server->baseUrl()), body);
        QSignalSpy progress(call.get(), &CurlPut::progress);
        call->start();
        QVERIFY(progress.wait(kTimeoutMs));
        QElapsedTimer clock;
        clock.start();
        call.reset();
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(body.use_count(), 1); // the worker is gone, and the body with it
        QTest::qWait(100);             // queued reports for the deleted call are dropped
    }

    void anUnreadableCaFileFailsBeforeSending()
    {
        const QString notPem = m_dir.filePath(u"not-a-certificate.pem"_s);
        QVERIFY(!writeText(notPem, "this is not PEM\n").isEmpty());
        Account account = simAccount(m_server->baseUrl(), CredentialKind::PersonalAccessToken);
        account.caBundlePath = notPem;
        Session session(account, kPat);
        const Outcome outcome = put(*session.client, uploadUrl(m_server->baseUrl()), quickBody(10));
        QCOMPARE(outcome.error.kind(), ApiError::Kind::Configuration);
        QVERIFY(m_server->requests().isEmpty());
    }

    void progressReachesTheTotalAndTheFileArrives()
    {
        ScopedSim sim;
        QVERIFY(sim.startDemo());
        Session session(sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
        const qint64 size = 5 * 1024 * 1024 + 17;
        const PackageTarget target{kProject, u"curl-put"_s, u"1.0.0"_s, u"five.bin"_s};
        QUrlQuery query;
        query.addQueryItem(u"select"_s, u"package_file"_s);
        const Outcome outcome =
            put(*session.client, session.client->apiUrl(target.encodedPath(), query),
                std::make_shared<SlowBody>(size, 256 * 1024, std::chrono::milliseconds(1)));
        QVERIFY2(!outcome.error.isError(), qPrintable(describe(outcome.error)));
        QCOMPARE(outcome.status, 200); // select=package_file: the record comes back
        QVERIFY(!outcome.progress.isEmpty());
        QCOMPARE(outcome.progress.last(), (QPair<qint64, qint64>(size, size)));
        for (qsizetype i = 1; i < outcome.progress.size(); ++i)
            QVERIFY(outcome.progress[i].first > outcome.progress[i - 1].first);
        const QJsonObject record = QJsonDocument::fromJson(outcome.body).object();
        QCOMPARE(record.value(u"size"_s).toInteger(), size);
        QCOMPARE(record.value(u"file_sha256"_s).toString(),
                 QString::fromLatin1(
                     QCryptographicHash::hash(QByteArray(size, 'b'), QCryptographicHash::Sha256)
                         .toHex()));
    }

    // 1 MiB/s cannot send 3 MiB in under 2 s (TestCurlGet checks the other direction).
    void aRateLimitHoldsTheUploadBack()
    {
        m_server->on("PUT", kUploadPattern,
                     [](const HostileServer::Request &) { return HostileServer::json("{}", 201); });
        m_session->client->setTransferRateLimit(1024 * 1024);
        const qint64 size = 3 * 1024 * 1024;
        const Outcome outcome =
            put(*m_session->client, uploadUrl(m_server->baseUrl()), quickBody(size));
        QVERIFY2(!outcome.error.isError(), qPrintable(describe(outcome.error)));
        QCOMPARE(m_server->requests().constFirst().bodySize, size);
        QVERIFY2(outcome.elapsedMs >= 2000, qPrintable(QString::number(outcome.elapsedMs)));
    }

    void tlsTrustsTheAccountsCaFileOnly()
    {
        TestCertificates certificates;
        const QString error = certificates.create(m_dir.path(), u"curl-"_s);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ScopedSim tls;
        QVERIFY(tls.start(SimServer::Options().withDemo().withArguments(
            {u"--tls-cert"_s, certificates.certificateFile(), u"--tls-key"_s,
             certificates.keyFile()})));
        const PackageTarget target{kProject, u"curl-tls"_s, u"1.0.0"_s, u"tls.bin"_s};
        for (const bool trusted : {false, true}) {
            Account account = simAccount(tls->baseUrl(), CredentialKind::PersonalAccessToken);
            if (trusted)
                account.caBundlePath = certificates.caFile();
            Session session(account, kPat);
            const Outcome outcome =
                put(*session.client, session.client->apiUrl(target.encodedPath()),
                    quickBody(300 * 1024));
            if (trusted) {
                QVERIFY2(!outcome.error.isError(), qPrintable(describe(outcome.error)));
                QCOMPARE(outcome.status, 201);
            } else {
                QCOMPARE(outcome.error.kind(), ApiError::Kind::Tls);
                QVERIFY2(outcome.error.message().contains(certificates.fingerprint()),
                         qPrintable(outcome.error.message()));
                QVERIFY2(outcome.error.message().contains(u"CA file"_s),
                         qPrintable(outcome.error.message()));
                QCOMPARE(session.client->reachability(), GitLabClient::Reachability::Unreachable);
            }
        }
        // The simulator writes its log line after it answered.
        QTRY_COMPARE_WITH_TIMEOUT(
            requestLines(tls->logContents(), u"PUT"_s, u"/curl-tls/"_s).size(), 1, kTimeoutMs);
    }
};

QTEST_GUILESS_MAIN(TestCurlPut)
#include "TestCurlPut.moc"
