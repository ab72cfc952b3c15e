// The connection around a request body: generic uploads store the body as sent whatever its
// Content-Type (multipart too, workhorse/internal/upstream/routes.go), and any answer given
// before the body was read ends the connection, so that nothing of the unread body is ever
// taken for a further request (README "What it does not simulate"). Raw sockets: the tests
// see every byte the simulator sends and whether it closes the connection.

#include "SimTest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using namespace Qt::StringLiterals;

namespace {

constexpr int ProjectId = 1;
constexpr int WaitMs = 15000;

QJsonObject fixture()
{
    Fixture f;
    f.addUser(u"dev"_s).addPersonalToken(u"pat-dev"_s, u"dev"_s);
    f.addProject(ProjectId, u"grp/proj"_s, u"private"_s, {{u"dev"_s, u"maintainer"_s}});
    return f.toJson();
}

// A request that must never be answered: it hides inside a body.
const QByteArray Smuggled = "GET /api/v4/user HTTP/1.1\r\nHost: sim\r\nPRIVATE-TOKEN: pat-dev\r\n"
                            "\r\n";

// A body of about `size` bytes made of whole smuggled requests.
QByteArray bodyOfRequests(int size)
{
    QByteArray body;
    while (body.size() < size)
        body += Smuggled;
    return body;
}

QByteArray putHead(const QByteArray &target, qsizetype length, const QByteArray &extra = {})
{
    return "PUT " + target + " HTTP/1.1\r\nHost: sim\r\nPRIVATE-TOKEN: pat-dev\r\n" + extra
           + "Content-Length: " + QByteArray::number(length) + "\r\n\r\n";
}

struct Exchange
{
    QByteArray received;
    bool closedByServer = false;
};

// Sends each of `requests` on one connection, the next one once an answer to the previous one
// has come (cpp-httplib does not serve pipelined requests), then reads until the simulator
// closes the connection or `waitMs` pass.
Exchange exchange(const QUrl &base, const QList<QByteArray> &requests, int waitMs = WaitMs)
{
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    Exchange result;
    if (!socket.waitForConnected(5000))
        return result;
    QElapsedTimer clock;
    clock.start();
    for (qsizetype sent = 0; clock.elapsed() < waitMs;) {
        if (sent < requests.size() && result.received.count("HTTP/1.1 ") >= sent)
            socket.write(requests.at(sent++));
        if (socket.state() != QAbstractSocket::ConnectedState) {
            result.closedByServer = true;
            break;
        }
        socket.waitForReadyRead(100);
        result.received += socket.readAll();
    }
    result.received += socket.readAll();
    return result;
}

// The status codes of the answers in `received`, in order.
QList<int> statuses(const QByteArray &received)
{
    QList<int> found;
    for (qsizetype at = received.indexOf("HTTP/1.1 "); at >= 0;
         at = received.indexOf("HTTP/1.1 ", at + 1))
        found << received.mid(at + 9, 3).toInt();
    return found;
}

const QByteArray InvalidFileName = "{\"error\":\"file_name is invalid";

int logLinesWith(const QByteArray &log, const QByteArray &text)
{
    int count = 0;
    for (const QByteArray &line : log.split('\n'))
        count += line.contains(text) ? 1 : 0;
    return count;
}

} // namespace

class TestConnection final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_sim;

    void start(const QStringList &faults = {})
    {
        m_sim = std::make_unique<SimServer>(
            SimServer::Options().withFixture(fixture()).withFaults(faults));
        SIM_START(*m_sim);
    }

private slots:
    void cleanup()
    {
        if (m_sim)
            m_sim->reportIfFailed();
        m_sim.reset();
    }

    // curl -F sends multipart/form-data; GitLab stores the raw body and answers 201.
    void multipartUploadIsStoredAsSent()
    {
        start();
        const Http http(m_sim->baseUrl());
        const QByteArray body = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; "
                                "filename=\"a.txt\"\r\n\r\nhello\r\n--xyz--\r\n";
        const QByteArray target = genericTarget(ProjectId, "multi/1.0.0/a.txt");
        SIM_EXPECT_REPLY(
            http.put(target, body,
                     Http::privateToken("pat-dev")
                         + HttpHeaders{{"Content-Type", "multipart/form-data; boundary=xyz"}}),
            201, Body201);
        const HttpReply download = http.get(target, Http::privateToken("pat-dev"));
        SIM_COMPARE_STATUS(download, 200);
        QCOMPARE(download.body, body);
        SIM_COMPARE_HEADER(download, "X-Checksum-SHA256", sha256Hex(body));
    }

    // A multipart upload that fails validation is answered after its body was read, so the
    // connection stays usable: the next request on it gets its own answer.
    void rejectedMultipartUploadKeepsTheConnectionInStep()
    {
        start();
        // A real multipart body (cpp-httplib on its own fails on its first part), holding more
        // than cpp-httplib reads ahead.
        const QByteArray body = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; "
                                "filename=\"x\"\r\n\r\n"
                                + bodyOfRequests(64 * 1024) + "\r\n--xyz--\r\n";
        const Exchange got =
            exchange(m_sim->baseUrl(),
                     {putHead(genericTarget(ProjectId, "multi/1.0.0/bad%20name"), body.size(),
                              "Content-Type: multipart/form-data; boundary=xyz\r\n")
                          + body,
                      "GET /api/v4/user HTTP/1.1\r\nHost: sim\r\nPRIVATE-TOKEN: pat-dev\r\n"
                      "Connection: close\r\n\r\n"});
        QCOMPARE(statuses(got.received), (QList<int>{400, 200}));
        QVERIFY(!got.received.contains("EXCEPTION_WHAT"));
        QVERIFY(got.received.contains(InvalidFileName));
        QVERIFY(got.closedByServer);
    }

    // An injected fault answers before the body is read: one answer, then the connection
    // ends, and the requests inside the body are never served or logged.
    void faultAnswerBeforeTheBodyClosesTheConnection_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("status");
        QTest::newRow("status=503") << u"status=503:/packages/generic/:1"_s << 503;
        QTest::newRow("429") << u"429:1:7"_s << 429;
    }

    void faultAnswerBeforeTheBodyClosesTheConnection()
    {
        QFETCH(QString, fault);
        QFETCH(int, status);
        start({fault});
        const QByteArray body = bodyOfRequests(256 * 1024);
        const Exchange got =
            exchange(m_sim->baseUrl(),
                     {putHead(genericTarget(ProjectId, "pkg/1.0.0/file.bin"), body.size()) + body});
        QCOMPARE(statuses(got.received), QList<int>{status});
        QVERIFY(got.received.contains("Connection: close"));
        QVERIFY(got.closedByServer);
        const QByteArray log = m_sim->logContents();
        QCOMPARE(logLinesWith(log, "/packages/generic/"), 1);
        QCOMPARE(logLinesWith(log, "/api/v4/user"), 0);
    }

    // cpp-httplib does not read the body of a GET: the answer ends the connection too.
    void getWithABodyClosesTheConnection()
    {
        start();
        const QByteArray body = bodyOfRequests(64 * 1024); // more than cpp-httplib reads ahead
        const Exchange got =
            exchange(m_sim->baseUrl(), {"GET /api/v4/user HTTP/1.1\r\nHost: sim\r\n"
                                        "PRIVATE-TOKEN: pat-dev\r\nContent-Length: "
                                        + QByteArray::number(body.size()) + "\r\n\r\n" + body});
        QCOMPARE(statuses(got.received), QList<int>{200});
        QVERIFY(got.closedByServer);
        QCOMPARE(logLinesWith(m_sim->logContents(), "/api/v4/user"), 1);
    }

    // A request whose body was read keeps the connection open for the next one.
    void answeredUploadKeepsTheConnection()
    {
        start();
        const QByteArray body = "payload";
        const Exchange got =
            exchange(m_sim->baseUrl(),
                     {putHead(genericTarget(ProjectId, "pkg/1.0.0/file.bin"), body.size()) + body,
                      "GET /api/v4/user HTTP/1.1\r\nHost: sim\r\nPRIVATE-TOKEN: pat-dev\r\n\r\n"},
                     2000);
        QCOMPARE(statuses(got.received), (QList<int>{201, 200}));
        QVERIFY(!got.closedByServer); // kept alive: the exchange ended by waiting
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "TestConnection.moc"
