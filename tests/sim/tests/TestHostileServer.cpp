// tests/support's HostileServer, the scripted misbehaving server of the client tests: what it
// records, and that each misbehaviour reaches a client as described (lengths, early ends,
// endless and dripping bodies, large uploads and headers, a destructor that does not hang).

#include "HostileServer.h"
#include "SimTest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using Stevedore::Test::HostileServer;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;

// A raw keep-alive connection for what Http (one request per connection, whole bodies) cannot
// do: several requests on one connection, and reading only part of a response.
class RawConnection final
{
public:
    explicit RawConnection(const QUrl &baseUrl)
        : m_baseUrl(baseUrl)
    {
        m_socket.connectToHost(baseUrl.host(), quint16(baseUrl.port()));
        m_connected = m_socket.waitForConnected(5000);
    }

    bool isConnected() const { return m_connected; }

    bool send(const QByteArray &method, const QByteArray &target)
    {
        const QByteArray head = method + ' ' + target + " HTTP/1.1\r\nHost: "
                                + m_baseUrl.authority().toLatin1() + "\r\n\r\n";
        if (m_socket.write(head) != head.size())
            return false;
        return m_socket.waitForBytesWritten(5000);
    }

    // Reads until `data()` holds at least `size` bytes; false on a timeout or a close before.
    bool readAtLeast(qint64 size, int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_data.size() < size) {
            m_data += m_socket.readAll();
            if (m_data.size() >= size)
                break;
            const int left = timeoutMs - int(timer.elapsed());
            if (left <= 0 || !m_socket.waitForReadyRead(left)) {
                m_data += m_socket.readAll();
                return m_data.size() >= size;
            }
        }
        return true;
    }

    // The status line and headers of the next response, removed from `data()`; empty on a
    // timeout.
    QByteArray takeHead()
    {
        while (!m_data.contains("\r\n\r\n")) {
            if (!readAtLeast(m_data.size() + 1))
                return {};
        }
        const qsizetype end = m_data.indexOf("\r\n\r\n") + 4;
        const QByteArray head = m_data.left(end);
        m_data.remove(0, end);
        return head;
    }

    QByteArray take(qint64 size)
    {
        if (!readAtLeast(size))
            return {};
        const QByteArray out = m_data.left(size);
        m_data.remove(0, size);
        return out;
    }

    // Waits for the server to close the connection; false when it is still open after
    // `timeoutMs` (data that arrives meanwhile is kept).
    bool waitForClose(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
            m_data += m_socket.readAll(); // a full read buffer would stop waitForReadyRead()
            m_socket.waitForReadyRead(50);
        }
        m_data += m_socket.readAll();
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }

    QByteArray &data() { return m_data; }
    QTcpSocket &socket() { return m_socket; }

private:
    QUrl m_baseUrl;
    QTcpSocket m_socket;
    QByteArray m_data;
    bool m_connected = false;
};

// The value of `name` in a raw response head, or a null QByteArray.
QByteArray headValue(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

class TestHostileServer final : public QObject
{
    Q_OBJECT

private slots:
    // A scripted JSON reply; the request log keeps the raw target (%2F and the query).
    void scriptedJsonReplyAndRequestLog()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        QCOMPARE(server.baseUrl().host(), u"127.0.0.1"_s);
        server.on("GET", u"^/api/v4/projects/demo%2Fhello/packages$"_s,
                  [](const HostileServer::Request &request) {
                      return HostileServer::json(
                          R"([{"id":7,"page":")" + request.target.split('=').last() + R"("}])", 200,
                          {{"Link", R"(<http://elsewhere/next>; rel="next")"}});
                  });
        Http http(server.baseUrl());
        const HttpReply reply = http.get("/api/v4/projects/demo%2Fhello/packages?page=2",
                                         Http::privateToken("secret-token"));
        SIM_COMPARE_STATUS(reply, 200);
        QVERIFY2(reply.completed(), qPrintable(reply.describe()));
        QCOMPARE(reply.body, QByteArray(R"([{"id":7,"page":"2"}])"));
        SIM_COMPARE_HEADER(reply, "Content-Type", "application/json");
        SIM_COMPARE_HEADER(reply, "Content-Length", QByteArray::number(reply.body.size()));
        SIM_COMPARE_HEADER(reply, "Link", R"(<http://elsewhere/next>; rel="next")");
        QVERIFY2(!reply.hasHeader("Keep-Alive"), "only the scripted and framing headers");

        // The decoded path does not match the raw pattern: 404.
        const HttpReply decoded = http.get("/api/v4/projects/demo/hello/packages");
        SIM_EXPECT_REPLY(decoded, 404, Body404Generic);
        // Nor does another method.
        SIM_COMPARE_STATUS(http.put("/api/v4/projects/demo%2Fhello/packages", "x"), 404);

        const QList<HostileServer::Request> requests = server.requests();
        QCOMPARE(requests.size(), 3);
        const HostileServer::Request &first = requests.at(0);
        QCOMPARE(first.method, QByteArray("GET"));
        QCOMPARE(first.target, QByteArray("/api/v4/projects/demo%2Fhello/packages?page=2"));
        QCOMPARE(first.path, QByteArray("/api/v4/projects/demo%2Fhello/packages"));
        QCOMPARE(first.header("private-token"), QByteArray("secret-token"));
        QCOMPARE(first.header("PRIVATE-TOKEN"), QByteArray("secret-token"));
        QVERIFY(first.header("X-Absent").isEmpty());
        QVERIFY2(first.header("REMOTE_ADDR").isEmpty(), "cpp-httplib's pseudo headers are hidden");
        QCOMPARE(first.bodySize, 0);
        QCOMPARE(requests.at(1).path, QByteArray("/api/v4/projects/demo/hello/packages"));
        QCOMPARE(requests.at(2).method, QByteArray("PUT"));
        QCOMPARE(requests.at(2).bodySize, 1);
        QCOMPARE(server.count("GET", u"demo%2Fhello"_s), 1);
        QCOMPARE(server.count("GET", u"/packages$"_s), 2);
        QCOMPARE(server.count("PUT", u"^/api/v4/projects/demo%2Fhello/packages$"_s), 1);
        QCOMPARE(server.count("DELETE", u".*"_s), 0);

        // Later registrations win.
        server.on("GET", u"packages$"_s, [](const HostileServer::Request &) {
            return HostileServer::json(R"({"message":"503 Service Unavailable"})", 503,
                                       {{"Retry-After", "86400"}});
        });
        const HttpReply overridden = http.get("/api/v4/projects/demo%2Fhello/packages");
        SIM_EXPECT_REPLY(overridden, 503, R"({"message":"503 Service Unavailable"})");
        SIM_COMPARE_HEADER(overridden, "Retry-After", "86400");
    }

    // A body that ends early: Content-Length announces more than is sent, then the connection
    // closes at once (not after a timeout). Chunked: no last chunk.
    void bodyThatEndsEarly()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        server.on("GET", u"^/short$"_s, [](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.body = "0123456789";
            reply.contentLength = 100;
            reply.closeAfterBody = true;
            return reply;
        });
        server.on("GET", u"^/chunked-cut$"_s, [](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.body = "head:";
            reply.fillerBytes = 1000;
            reply.closeAfterBody = true;
            return reply;
        });
        server.on("GET", u"^/chunked$"_s, [](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.body = "head:";
            reply.fillerBytes = 1000;
            return reply;
        });
        Http http(server.baseUrl());
        http.setReadTimeout(std::chrono::seconds(10));

        QElapsedTimer timer;
        timer.start();
        const HttpReply cut = http.get("/short");
        QCOMPARE(cut.status, 200);
        SIM_COMPARE_HEADER(cut, "Content-Length", "100");
        QCOMPARE(cut.body, QByteArray("0123456789"));
        QVERIFY2(cut.error.contains(u"cut short"_s) && !cut.error.contains(u"timed out"_s),
                 qPrintable(cut.describe()));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(u"closed after %1 ms"_s.arg(timer.elapsed())));

        const HttpReply chunkedCut = http.get("/chunked-cut");
        QCOMPARE(chunkedCut.status, 200);
        SIM_COMPARE_HEADER(chunkedCut, "Transfer-Encoding", "chunked");
        QVERIFY(!chunkedCut.hasHeader("Content-Length"));
        QVERIFY2(chunkedCut.error.contains(u"chunked body cut short"_s)
                     && !chunkedCut.error.contains(u"timed out"_s),
                 qPrintable(chunkedCut.describe()));
        QCOMPARE(chunkedCut.body, "head:" + QByteArray(1000, 'x'));

        const HttpReply whole = http.get("/chunked");
        QVERIFY2(whole.completed(), qPrintable(whole.describe()));
        SIM_COMPARE_HEADER(whole, "Transfer-Encoding", "chunked");
        QCOMPARE(whole.body, "head:" + QByteArray(1000, 'x'));
        QVERIFY2(timer.elapsed() < 8000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
    }

    // Complete replies keep the connection for the next request; closeAfterBody closes it
    // even when the body was complete.
    void keepAliveUnlessCloseAfterBody()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        server.on("GET", u"^/a$"_s, [](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.body = "first";
            return reply;
        });
        server.on("GET", u"^/b$"_s, [](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.body = "second";
            reply.closeAfterBody = true;
            return reply;
        });
        RawConnection connection(server.baseUrl());
        QVERIFY(connection.isConnected());
        for (const QByteArray &target : {QByteArray("/a"), QByteArray("/a")}) {
            QVERIFY(connection.send("GET", target));
            const QByteArray head = connection.takeHead();
            QVERIFY2(head.startsWith("HTTP/1.1 200 "), head.constData());
            QCOMPARE(headValue(head, "Content-Length"), QByteArray("5"));
            QVERIFY2(headValue(head, "Content-Type").isNull(), head.constData()); // none given
            QCOMPARE(connection.take(5), QByteArray("first"));
        }
        QVERIFY(connection.send("GET", "/b"));
        const QByteArray head = connection.takeHead();
        QVERIFY2(head.startsWith("HTTP/1.1 200 "), head.constData());
        QVERIFY2(connection.waitForClose(3000), "still open 3 s after closeAfterBody");
        QCOMPARE(connection.data(), QByteArray("second"));
        QCOMPARE(server.count("GET", u"."_s), 3);
    }

    // An endless reply (fillerBytes -1): the client reads 1 MiB and aborts. Meanwhile other
    // connections are served, and the destructor returns promptly although a second endless
    // reply is held open by a client that stopped reading and a third one drips.
    void endlessReplyAndPromptDestructor()
    {
        auto server = std::make_unique<HostileServer>();
        QVERIFY(server->isListening());
        server->on("GET", u"^/endless$"_s, [](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.body = "start:";
            reply.fillerBytes = -1;
            return reply;
        });
        server->on("GET", u"^/drip$"_s, [](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.fillerBytes = -1;
            reply.dripBytesPerSecond = 100;
            return reply;
        });
        server->on("GET", u"^/ok$"_s,
                   [](const HostileServer::Request &) { return HostileServer::json("{}"); });

        RawConnection reader(server->baseUrl());
        QVERIFY(reader.isConnected());
        QVERIFY(reader.send("GET", "/endless"));
        const QByteArray head = reader.takeHead();
        QVERIFY2(head.startsWith("HTTP/1.1 200 "), head.constData());
        QCOMPARE(headValue(head, "Transfer-Encoding"), QByteArray("chunked"));
        QVERIFY(headValue(head, "Content-Length").isNull());
        QVERIFY2(reader.readAtLeast(MiB), "less than 1 MiB of the endless body arrived");
        QVERIFY2(reader.data().startsWith("6\r\nstart:\r\n"), reader.data().left(40).constData());
        QVERIFY2(reader.data().count('x') > MiB / 2, "the filler is 'x'");

        RawConnection stuck(server->baseUrl());
        QVERIFY(stuck.isConnected());
        // Qt reads at most this much ahead, so the socket buffers fill up and the server's
        // write blocks.
        stuck.socket().setReadBufferSize(64 * 1024);
        QVERIFY(stuck.send("GET", "/endless"));
        QVERIFY(!stuck.takeHead().isEmpty());
        RawConnection dripping(server->baseUrl());
        QVERIFY(dripping.isConnected());
        QVERIFY(dripping.send("GET", "/drip"));
        QVERIFY(!dripping.takeHead().isEmpty());
        RawConnection idle(server->baseUrl()); // an idle keep-alive connection
        QVERIFY(idle.isConnected());

        // Several connections at once: another request is answered meanwhile.
        Http http(server->baseUrl());
        SIM_COMPARE_STATUS(http.get("/ok"), 200);

        reader.socket().abort();
        QTest::qWait(300); // let the stuck connection's socket buffers fill
        QElapsedTimer timer;
        timer.start();
        server.reset();
        QVERIFY2(timer.elapsed() < 3000,
                 qPrintable(u"the destructor took %1 ms"_s.arg(timer.elapsed())));
        QVERIFY2(dripping.waitForClose(2000), "the dripping response is still open");
        QVERIFY2(idle.waitForClose(2000), "the idle connection is still open");
        stuck.data().clear();
        QVERIFY2(stuck.waitForClose(5000), "the endless response is still open");
    }

    // A dripping reply arrives at about the configured rate (loosely: not faster than twice).
    void dripArrivesAtRate()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        const QByteArray body(12000, 'd');
        server.on("GET", u"^/drip$"_s, [body](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.body = body;
            reply.dripBytesPerSecond = 16000; // 0.75 s
            return reply;
        });
        Http http(server.baseUrl());
        QElapsedTimer timer;
        timer.start();
        const HttpReply reply = http.get("/drip");
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(reply.completed(), qPrintable(reply.describe()));
        QCOMPARE(reply.body, body);
        QVERIFY2(elapsed >= 375 && elapsed < 10000,
                 qPrintable(u"12000 bytes at 16000 B/s took %1 ms"_s.arg(elapsed)));
    }

    // A 5 MiB upload is read and counted; the handler sees the count.
    void uploadIsCounted()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        server.on("PUT", u"^/api/v4/projects/1/packages/generic/"_s,
                  [](const HostileServer::Request &request) {
                      return HostileServer::json(QByteArray::number(request.bodySize), 201);
                  });
        Http http(server.baseUrl());
        const qint64 size = 5 * MiB;
        const HttpReply reply =
            http.putStreamed("/api/v4/projects/1/packages/generic/p/1.0.0/big.bin", size,
                             [](qint64, qint64 remaining) {
                                 return QByteArray(int(qMin(remaining, MiB / 4)), 'u');
                             });
        SIM_COMPARE_STATUS(reply, 201);
        QCOMPARE(reply.body, QByteArray::number(size));
        const QList<HostileServer::Request> requests = server.requests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.at(0).bodySize, size);
        QCOMPARE(requests.at(0).header("Content-Length"), QByteArray::number(size));
    }

    // A 1 MiB header value goes out intact.
    void hugeHeaderIsSentIntact()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        QByteArray value;
        for (int i = 0; value.size() < MiB; ++i)
            value += QByteArray::number(i % 10);
        value.truncate(MiB);
        server.on("GET", u"^/huge$"_s, [value](const HostileServer::Request &) {
            HostileServer::Reply reply;
            reply.headers = {{"X-Huge", value}};
            reply.body = "ok";
            return reply;
        });
        Http http(server.baseUrl());
        const HttpReply reply = http.get("/huge");
        QVERIFY2(reply.completed(), qPrintable(reply.describe().left(200)));
        QCOMPARE(reply.header("X-Huge").size(), MiB);
        QVERIFY(reply.header("X-Huge") == value);
        QCOMPARE(reply.body, QByteArray("ok"));
    }
};

QTEST_GUILESS_MAIN(TestHostileServer)
#include "TestHostileServer.moc"
