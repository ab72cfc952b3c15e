// ApiCall's redirect policy (design.md "One network choke point", gitlab-api.md §12.4, §12.5)
// against two tiny local HTTP servers on different ports, i.e. different origins: a DELETE is
// never redirected and the error names the target (TestCurlPut does the same for a PUT); a GET
// follows, keeping credentials on the same origin only; https → http is refused; a redirect
// loop ends. CurlGet, which follows a download's redirects by the same rules, is checked here
// for https → http (TestCurlGet has the rest). gitlab-sim cannot answer with an arbitrary Location,
// so this single-class test uses a fake of its own.

#include "IntegrationSupport.h"
#include "TestCertificates.h"
#include "api/CurlGet.h"

#include <QMap>
#include <QPointer>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Stevedore;
using namespace Stevedore::IntegrationTest;
using namespace Qt::StringLiterals;

namespace {

// A one-request-per-connection HTTP/1.1 server: reads the request line, the headers and a
// Content-Length body, records them, and sends what the responder returns, then closes.
class FakeServer final : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QMap<QByteArray, QByteArray> headers; // names in lower case
    };
    // The whole answer for a request, e.g. "HTTP/1.1 302 Found\r\nLocation: …\r\n…".
    using Responder = std::function<QByteArray(const Request &)>;

    explicit FakeServer(std::unique_ptr<QTcpServer> server)
        : m_server(std::move(server))
    {
        connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &FakeServer::accept);
    }

    bool listen() { return m_server->listen(QHostAddress::LocalHost); }
    QUrl origin(const QString &scheme = u"http"_s) const
    {
        return QUrl(u"%1://127.0.0.1:%2"_s.arg(scheme).arg(m_server->serverPort()));
    }
    void setResponder(Responder responder) { m_responder = std::move(responder); }
    const QList<Request> &requests() const { return m_requests; }

    static QByteArray answer(int status, const QByteArray &reason, const QByteArray &location = {},
                             const QByteArray &body = {})
    {
        QByteArray text = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
        if (!location.isEmpty())
            text += "Location: " + location + "\r\n";
        text += "Content-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        return text;
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            socket->setParent(this);
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QIODevice::readyRead, this,
                    [this, socket, buffer] { onData(socket, *buffer); });
            connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
            if (socket->bytesAvailable() > 0)
                onData(socket, *buffer);
        }
    }

    void onData(QTcpSocket *socket, QByteArray &buffer)
    {
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0 || socket->property("answered").toBool())
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                request.headers.insert(line.left(colon).trimmed().toLower(),
                                       line.mid(colon + 1).trimmed());
        }
        const qint64 length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() - (end + 4) < length)
            return; // wait for the rest of the body
        socket->setProperty("answered", true);
        m_requests.append(request);
        socket->write(m_responder ? m_responder(request) : answer(500, "No responder"));
        socket->disconnectFromHost();
    }

    std::unique_ptr<QTcpServer> m_server;
    Responder m_responder;
    QList<Request> m_requests;
};

const QByteArray kGenericPath = "/api/v4/projects/1/packages/generic/pkg/1.0.0/file.bin";

// Which request header carries each credential kind (on a generic package route).
QByteArray credentialHeader(CredentialKind kind)
{
    switch (kind) {
    case CredentialKind::PersonalAccessToken:
        return "private-token";
    case CredentialKind::DeployToken:
        return "deploy-token";
    case CredentialKind::JobToken:
        return "job-token";
    case CredentialKind::BasicAuth:
    case CredentialKind::OAuthToken:
        return "authorization";
    }
    return {};
}

const QByteArrayList kCredentialHeaders{"private-token", "job-token", "deploy-token",
                                        "authorization", "cookie"};

} // namespace

class TestApiCallRedirects final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestCertificates m_certificates;
    std::unique_ptr<FakeServer> m_gitlab;
    std::unique_ptr<FakeServer> m_elsewhere; // another port: another origin

    // Runs one call to its end.
    static ApiError run(GitLabClient &client, ApiCall::Method method, const QUrl &url,
                        QByteArray *body = nullptr)
    {
        ApiCall::Options options;
        options.method = method;
        options.url = url;
        std::unique_ptr<ApiCall> call(client.call(options));
        QSignalSpy finished(call.get(), &ApiCall::finished);
        if (!call->isFinished() && !finished.wait(kTimeoutMs))
            return ApiError(ApiError::Kind::Timeout, u"the call did not finish"_s);
        if (body)
            *body = call->body();
        return call->error();
    }

    // Runs one CurlGet to its end; the body goes nowhere.
    static ApiError runCurlGet(GitLabClient &client, const QUrl &url)
    {
        struct Discard final : CurlCall::Sink
        {
            ApiError begin(int, const QList<QPair<QByteArray, QByteArray>> &) override
            {
                return {};
            }
            ApiError write(const char *, qint64) override { return {}; }
        };
        CurlGet call(&client, url, {}, std::make_shared<Discard>());
        QSignalSpy finished(&call, &CurlGet::finished);
        call.start();
        if (!finished.wait(kTimeoutMs))
            return ApiError(ApiError::Kind::Timeout, u"the GET did not finish"_s);
        return call.error();
    }

    static Account account(const QUrl &origin, CredentialKind kind)
    {
        return simAccount(origin, kind, kind == CredentialKind::BasicAuth ? u"demo"_s : QString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = m_certificates.create(m_dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void init()
    {
        m_gitlab = std::make_unique<FakeServer>(std::make_unique<QTcpServer>());
        m_elsewhere = std::make_unique<FakeServer>(std::make_unique<QTcpServer>());
        QVERIFY(m_gitlab->listen());
        QVERIFY(m_elsewhere->listen());
        m_elsewhere->setResponder(
            [](const FakeServer::Request &) { return FakeServer::answer(200, "OK", {}, "moved"); });
    }

    void cleanup()
    {
        m_gitlab.reset();
        m_elsewhere.reset();
    }

    void deleteRedirectFailsNamingTheTarget_data()
    {
        QTest::addColumn<int>("status");
        for (const int status : {301, 302, 303, 307, 308})
            QTest::addRow("%d", status) << status;
    }

    void deleteRedirectFailsNamingTheTarget()
    {
        QFETCH(int, status);
        const QByteArray location =
            m_elsewhere->origin().toEncoded() + "/upload-here/file.bin?token=secret";
        m_gitlab->setResponder([&](const FakeServer::Request &) {
            return FakeServer::answer(status, "Redirect", location);
        });
        GitLabClient client(account(m_gitlab->origin(), CredentialKind::PersonalAccessToken), kPat);
        const ApiError error =
            run(client, ApiCall::Method::Delete,
                QUrl::fromEncoded(m_gitlab->origin().toEncoded() + kGenericPath));
        QCOMPARE(error.kind(), ApiError::Kind::Configuration);
        const QString target = m_elsewhere->origin().toString() + u"/upload-here/file.bin"_s;
        QVERIFY2(error.message().contains(target), qPrintable(error.message()));
        // The message names where, but never the query (it may hold a signature).
        QVERIFY2(!error.message().contains(u"secret"_s), qPrintable(error.message()));
        QCOMPARE(m_gitlab->requests().size(), 1);
        QVERIFY(m_elsewhere->requests().isEmpty());
    }

    void getRedirectToAnotherOriginCarriesNoCredentials_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("personal access token") << int(CredentialKind::PersonalAccessToken);
        QTest::newRow("deploy token") << int(CredentialKind::DeployToken);
        QTest::newRow("job token") << int(CredentialKind::JobToken);
        QTest::newRow("basic auth") << int(CredentialKind::BasicAuth);
        QTest::newRow("OAuth token") << int(CredentialKind::OAuthToken);
    }

    void getRedirectToAnotherOriginCarriesNoCredentials()
    {
        QFETCH(int, kind);
        const QByteArray location =
            m_elsewhere->origin().toEncoded() + "/objects/7/file.bin?X-Amz-Signature=abc";
        m_gitlab->setResponder([&](const FakeServer::Request &) {
            return FakeServer::answer(302, "Found", location);
        });
        GitLabClient client(account(m_gitlab->origin(), CredentialKind(kind)), u"s3cr3t"_s);
        QByteArray body;
        const ApiError error =
            run(client, ApiCall::Method::Get,
                QUrl::fromEncoded(m_gitlab->origin().toEncoded() + kGenericPath), &body);
        QVERIFY2(!error.isError(), qPrintable(describe(error)));
        QCOMPARE(body, QByteArray("moved"));

        QCOMPARE(m_gitlab->requests().size(), 1);
        QVERIFY(
            m_gitlab->requests().first().headers.contains(credentialHeader(CredentialKind(kind))));
        QCOMPARE(m_elsewhere->requests().size(), 1);
        const FakeServer::Request &redirected = m_elsewhere->requests().first();
        QCOMPARE(redirected.target, QByteArray("/objects/7/file.bin?X-Amz-Signature=abc"));
        for (const QByteArray &name : kCredentialHeaders)
            QVERIFY2(!redirected.headers.contains(name), name.constData());
    }

    void getRedirectOnTheSameOriginKeepsCredentials()
    {
        m_gitlab->setResponder([](const FakeServer::Request &request) {
            return request.target == kGenericPath
                       ? FakeServer::answer(302, "Found", "/api/v4/projects/1/other")
                       : FakeServer::answer(200, "OK", {}, "[]");
        });
        GitLabClient client(account(m_gitlab->origin(), CredentialKind::PersonalAccessToken), kPat);
        const ApiError error =
            run(client, ApiCall::Method::Get,
                QUrl::fromEncoded(m_gitlab->origin().toEncoded() + kGenericPath));
        QVERIFY2(!error.isError(), qPrintable(describe(error)));
        QCOMPARE(m_gitlab->requests().size(), 2);
        QCOMPARE(m_gitlab->requests().at(1).target, QByteArray("/api/v4/projects/1/other"));
        QCOMPARE(m_gitlab->requests().at(1).headers.value("private-token"), kPat.toUtf8());
    }

    void httpsToHttpRedirectIsRefused_data()
    {
        QTest::addColumn<bool>("curl");
        QTest::newRow("ApiCall") << false;
        QTest::newRow("CurlGet") << true;
    }

    void httpsToHttpRedirectIsRefused()
    {
        QFETCH(bool, curl);
        auto tls = std::make_unique<QSslServer>();
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        const QList<QSslCertificate> chain =
            QSslCertificate::fromPath(m_certificates.certificateFile(), QSsl::Pem);
        QCOMPARE(chain.size(), 1);
        configuration.setLocalCertificate(chain.first());
        QFile keyFile(m_certificates.keyFile());
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        configuration.setPrivateKey(QSslKey(&keyFile, QSsl::Ec));
        tls->setSslConfiguration(configuration);
        FakeServer secure(std::move(tls));
        QVERIFY(secure.listen());
        const QByteArray location = m_elsewhere->origin().toEncoded() + "/objects/1/file.bin";
        secure.setResponder([&](const FakeServer::Request &) {
            return FakeServer::answer(302, "Found", location);
        });

        Account https = account(secure.origin(u"https"_s), CredentialKind::PersonalAccessToken);
        https.caBundlePath = m_certificates.caFile();
        GitLabClient client(https, kPat);
        const QUrl url = QUrl::fromEncoded(secure.origin(u"https"_s).toEncoded() + kGenericPath);
        const ApiError error =
            curl ? runCurlGet(client, url) : run(client, ApiCall::Method::Get, url);
        QCOMPARE(error.kind(), ApiError::Kind::Configuration);
        QVERIFY2(error.message().contains(m_elsewhere->origin().toString()),
                 qPrintable(error.message()));
        QCOMPARE(secure.requests().size(), 1);
        QVERIFY(m_elsewhere->requests().isEmpty());
    }

    void redirectLoopEnds()
    {
        m_gitlab->setResponder([](const FakeServer::Request &request) {
            return FakeServer::answer(302, "Found", request.target);
        });
        GitLabClient client(account(m_gitlab->origin(), CredentialKind::PersonalAccessToken), kPat);
        const ApiError error =
            run(client, ApiCall::Method::Get,
                QUrl::fromEncoded(m_gitlab->origin().toEncoded() + kGenericPath));
        QCOMPARE(error.kind(), ApiError::Kind::Protocol);
        QCOMPARE(m_gitlab->requests().size(), ApiCall::kMaxRedirects + 1);
    }
};

QTEST_GUILESS_MAIN(TestApiCallRedirects)
#include "TestApiCallRedirects.moc"
