// README `--tls-cert/--tls-key`: https on both listeners, with a CA and a server
// certificate made at test time by the openssl command-line tool.

#include "SimTest.h"

#include <QDir>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using namespace Qt::StringLiterals;

namespace {

// Runs `openssl args…` in `dir`; returns an error text, empty on success.
QString openssl(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"openssl"_s, args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return u"openssl %1 failed: %2"_s.arg(args.join(u' '), QString::fromLocal8Bit(p.readAll())
                                                                   + p.errorString());
    return {};
}

} // namespace

class TestTls final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ca;
    QString m_cert;
    QString m_key;
    std::unique_ptr<SimServer> m_sim;

    QString path(const QString &name) const { return QDir(m_dir.path()).filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString d = m_dir.path();
        const QStringList ec{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                             u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s};
        QString error =
            openssl(d, QStringList{u"req"_s, u"-x509"_s} + ec
                           + QStringList{u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.pem"_s,
                                         u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=Stevedore Test CA"_s,
                                         u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                                         u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = openssl(d, QStringList{u"req"_s} + ec
                               + QStringList{u"-keyout"_s, u"server.key"_s, u"-out"_s,
                                             u"server.csr"_s, u"-subj"_s, u"/CN=127.0.0.1"_s});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile ext(path(u"server.ext"_s));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                  "basicConstraints=critical,CA:FALSE\n"
                  "keyUsage=critical,digitalSignature,keyEncipherment\n"
                  "extendedKeyUsage=serverAuth\n");
        ext.close();
        error = openssl(d, {u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.pem"_s,
                            u"-CAkey"_s, u"ca.key"_s, u"-CAcreateserial"_s, u"-out"_s,
                            u"server.pem"_s, u"-days"_s, u"2"_s, u"-extfile"_s, u"server.ext"_s});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_ca = path(u"ca.pem"_s);
        m_cert = path(u"server.pem"_s);
        m_key = path(u"server.key"_s);

        m_sim = std::make_unique<SimServer>(SimServer::Options().withDemo().withArguments(
            {u"--tls-cert"_s, m_cert, u"--tls-key"_s, m_key, u"--object-storage"_s}));
        SIM_START(*m_sim);
    }

    void cleanup()
    {
        if (m_sim)
            m_sim->reportIfFailed();
    }

    void cleanupTestCase()
    {
        if (m_sim && m_sim->isRunning())
            QCOMPARE(m_sim->stop(), 0);
    }

    void listeningLineSaysHttps()
    {
        QCOMPARE(m_sim->baseUrl().scheme(), u"https"_s);
        QVERIFY(m_sim->standardOutput().startsWith("listening on https://127.0.0.1:"));
    }

    void clientTrustingTheCaIsServed_data()
    {
        QTest::addColumn<QString>("host");
        QTest::newRow("IP 127.0.0.1") << u"127.0.0.1"_s;
        QTest::newRow("DNS localhost") << u"localhost"_s;
    }

    void clientTrustingTheCaIsServed()
    {
        QFETCH(QString, host);
        QUrl url = m_sim->baseUrl();
        url.setHost(host);
        Http http(url);
        http.setCaCertificateFile(m_ca);
        const HttpReply reply = http.get("/api/v4/user", Http::privateToken("glpat-demo-api"));
        SIM_COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.jsonObject().value(u"username"_s).toString(), u"demo"_s);
    }

    void untrustingClientFailsTheHandshake()
    {
        const Http http(m_sim->baseUrl()); // system trust store only
        const HttpReply reply = http.get("/api/v4/user", Http::privateToken("glpat-demo-api"));
        QCOMPARE(reply.status, 0);
        QVERIFY2(reply.error.contains(u"TLS handshake failed"_s), qPrintable(reply.error));
        // …and nothing else changed: the trusting client is still served.
        Http trusting(m_sim->baseUrl());
        trusting.setCaCertificateFile(m_ca);
        SIM_COMPARE_STATUS(trusting.get("/api/v4/user", Http::privateToken("glpat-demo-api")), 200);
    }

    void plainHttpToTheTlsPortGetsNoHttpAnswer()
    {
        QUrl url = m_sim->baseUrl();
        url.setScheme(u"http"_s);
        Http http(url);
        http.setReadTimeout(std::chrono::milliseconds(3000));
        const HttpReply reply = http.get("/api/v4/user");
        QVERIFY2(reply.status == 0 || reply.status == 400, qPrintable(reply.describe()));
    }

    // README: both listeners serve https; the presigned URL is https on the other port.
    void objectStorageListenerIsHttpsToo()
    {
        Http http(m_sim->baseUrl());
        http.setCaCertificateFile(m_ca);
        const HttpReply list = http.get("/api/v4/projects/1/packages?package_type=generic",
                                        Http::privateToken("glpat-demo-api"));
        SIM_COMPARE_STATUS(list, 200);
        QVERIFY(!list.jsonArray().isEmpty());
        const QJsonObject package = list.jsonArray().at(0).toObject();
        const HttpReply files = http.get(packageFilesTarget(1, package.value(u"id"_s).toInteger()),
                                         Http::privateToken("glpat-demo-api"));
        SIM_COMPARE_STATUS(files, 200);
        QVERIFY(!files.jsonArray().isEmpty());
        const QJsonObject file = files.jsonArray().last().toObject();
        const QByteArray target =
            genericTarget(1, package.value(u"name"_s).toString().toUtf8() + '/'
                                 + package.value(u"version"_s).toString().toUtf8() + '/'
                                 + file.value(u"file_name"_s).toString().toUtf8());
        const HttpReply redirect = http.get(target, Http::privateToken("glpat-demo-api"));
        SIM_COMPARE_STATUS(redirect, 302);
        const QUrl location(QString::fromLatin1(redirect.header("Location")));
        QCOMPARE(location.scheme(), u"https"_s);
        QVERIFY(location.port() != m_sim->port());
        Http store(location);
        store.setCaCertificateFile(m_ca);
        const HttpReply bytes =
            store.get(location.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority));
        SIM_COMPARE_STATUS(bytes, 200);
        QCOMPARE(sha256Hex(bytes.body), file.value(u"file_sha256"_s).toString().toLatin1());
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "TestTls.moc"
