// How the client treats the connection itself, against gitlab-sim: https with a certificate
// authority made at test time (trusted through the account's CA file, or refused with the
// certificate's fingerprint), object-storage downloads that follow a redirect to another
// origin without GitLab credentials, and a PUT that is never redirected (gitlab-api.md §4.3,
// §12.4, §12.5; design.md "One network choke point").

#include "IntegrationSupport.h"
#include "TestCertificates.h"
#include "transfer/TransferQueue.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using namespace Stevedore::IntegrationTest;
using namespace Qt::StringLiterals;

using stevedore::test::ScopedSim;
using stevedore::test::SimServer;

class TestTlsAndRedirects final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestCertificates m_certificates;
    TestCertificates m_otherCa; // trusted by nobody here
    ScopedSim m_tls;
    ScopedSim m_sim; // a test's own simulator

    QString path(const QString &name) const { return m_dir.filePath(name); }

    Account tlsAccount(CredentialKind kind, const QString &caFile) const
    {
        Account account = simAccount(m_tls->baseUrl(), kind);
        account.caBundlePath = caFile;
        return account;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error = m_certificates.create(m_dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = m_otherCa.create(m_dir.path(), u"other-"_s);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_tls.start(SimServer::Options().withDemo().withArguments(
            {u"--tls-cert"_s, m_certificates.certificateFile(), u"--tls-key"_s,
             m_certificates.keyFile()})));
        QCOMPARE(m_tls->baseUrl().scheme(), u"https"_s);
    }

    void cleanup()
    {
        m_tls.reportIfFailed();
        m_sim.reset();
    }

    void cleanupTestCase() { QCOMPARE(m_tls.stop(), 0); }

    void trustedCaFileRoundTripsOverHttps()
    {
        Session session(tlsAccount(CredentialKind::PersonalAccessToken, m_certificates.caFile()),
                        kPat);
        const auto listed = packages(*session.api, kProject, kHelloCli);
        VERIFY_OK(listed);
        QVERIFY(!listed.value().isEmpty());

        const QString local = path(u"tls-upload.bin"_s);
        const QString sha = writeFile(local, 700 * 1024, 21);
        const PackageTarget target{kProject, u"over-tls"_s, u"1.0.0"_s, u"tls-upload.bin"_s};
        const auto uploaded = upload(*session.api, target, local);
        VERIFY_OK(uploaded);
        QCOMPARE(uploaded.value().sha256, sha);

        const QString copy = path(u"tls-download/tls-upload.bin"_s);
        VERIFY_OK(download(*session.api, target, copy));
        QCOMPARE(Sha256::ofFile(copy), sha);
    }

    void untrustedCertificateFailsWithItsFingerprint_data()
    {
        QTest::addColumn<bool>("otherCa"); // the account trusts another CA instead of none
        QTest::addColumn<bool>("uploading");
        QTest::newRow("no CA file, listing") << false << false;
        QTest::newRow("no CA file, uploading") << false << true;
        QTest::newRow("another CA's file, listing") << true << false;
    }

    void untrustedCertificateFailsWithItsFingerprint()
    {
        QFETCH(bool, otherCa);
        QFETCH(bool, uploading);
        Session session(tlsAccount(CredentialKind::PersonalAccessToken,
                                   otherCa ? m_otherCa.caFile() : QString()),
                        kPat);
        ApiError error;
        if (uploading) {
            const QString local = path(u"untrusted.bin"_s);
            QVERIFY(!writeFile(local, 1000, 22).isEmpty());
            const auto uploaded = upload(
                *session.api, {kProject, u"untrusted"_s, u"1.0.0"_s, u"untrusted.bin"_s}, local);
            QVERIFY(!uploaded.ok());
            error = uploaded.error();
        } else {
            const auto listed = packages(*session.api, kProject, kHelloCli);
            QVERIFY(!listed.ok());
            error = listed.error();
        }
        QCOMPARE(error.kind(), ApiError::Kind::Tls);
        QVERIFY2(error.message().contains(m_certificates.fingerprint()),
                 qPrintable(error.message() + u"\nexpected fingerprint "_s
                            + m_certificates.fingerprint()));
        QVERIFY2(error.message().contains(u"CA file"_s), qPrintable(error.message()));
        // Not something a retry fixes.
        QVERIFY(!error.isTransient());
    }

    void unreadableCaFileFailsBeforeConnecting()
    {
        const QString notPem = path(u"not-a-certificate.pem"_s);
        QVERIFY(!writeText(notPem, "this is not PEM\n").isEmpty());
        Session session(tlsAccount(CredentialKind::PersonalAccessToken, notPem), kPat);
        const auto listed = packages(*session.api, u"demo/ca-probe"_s, u"hello-cli"_s);
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().kind(), ApiError::Kind::Configuration);
        QVERIFY2(listed.error().message().contains(notPem), qPrintable(listed.error().message()));
        QVERIFY(!m_tls->logContents().contains("ca-probe"));
    }

    void objectStorageDownloadsWithoutLeakingCredentials_data()
    {
        QTest::addColumn<bool>("https");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("username");
        const int pat = int(CredentialKind::PersonalAccessToken);
        QTest::newRow("http, personal access token") << false << pat << kPat << QString();
        QTest::newRow("http, CI job token")
            << false << int(CredentialKind::JobToken) << kJobToken << QString();
        QTest::newRow("http, OAuth token")
            << false << int(CredentialKind::OAuthToken) << kOAuth << QString();
        QTest::newRow("http, basic auth")
            << false << int(CredentialKind::BasicAuth) << kPat << kUser;
        QTest::newRow("https, personal access token") << true << pat << kPat << QString();
        // Deploy tokens may not read the package file list, the only checksum there is: the
        // download arrives but cannot be verified, and says so.
        QTest::newRow("http, deploy token")
            << false << int(CredentialKind::DeployToken) << kDeployRw << QString();
    }

    void objectStorageDownloadsWithoutLeakingCredentials()
    {
        QFETCH(bool, https);
        QFETCH(int, kind);
        QFETCH(QString, secret);
        QFETCH(QString, username);
        QStringList arguments{u"--object-storage"_s};
        if (https)
            arguments << u"--tls-cert"_s << m_certificates.certificateFile() << u"--tls-key"_s
                      << m_certificates.keyFile();
        QVERIFY(m_sim.start(SimServer::Options().withDemo().withArguments(arguments)));
        Account account = simAccount(m_sim->baseUrl(), CredentialKind(kind), username);
        if (https)
            account.caBundlePath = m_certificates.caFile();
        Session session(account, secret);
        Account patAccount = account;
        patAccount.kind = CredentialKind::PersonalAccessToken;
        Session observer(patAccount, kPat); // reads the expected checksums
        const bool verifiable = CredentialKind(kind) != CredentialKind::DeployToken;

        // A file that was uploaded (stored blob) and a generated demo file.
        const QString local = path(u"os-upload.bin"_s);
        const QString sha = writeFile(local, 300 * 1024, 23);
        const PackageTarget uploadedTarget{kProject, u"object-stored"_s,
                                           credentialKindId(CredentialKind(kind)),
                                           u"os-upload.bin"_s};
        VERIFY_OK(upload(*session.api, uploadedTarget, local));
        const PackageTarget demoTarget{kProject, kHelloCli, u"1.9.0"_s,
                                       u"hello-1.9.0-linux-amd64.tar.gz"_s};
        const auto demoVersion = versionFiles(*observer.api, demoTarget);
        VERIFY_OK(demoVersion);
        const QString demoSha = demoVersion.value().newest(demoTarget.fileName)->sha256;

        const QString tag = QString::number(qHash(QString::fromLatin1(QTest::currentDataTag())));
        const QList<std::pair<PackageTarget, QString>> downloads{{uploadedTarget, sha},
                                                                 {demoTarget, demoSha}};
        for (const auto &[source, expected] : downloads) {
            const QString target = path(u"os-"_s + tag + u'/' + source.fileName);
            // No X-Checksum-SHA256 comes with a redirect: the job asks the package-files API.
            const auto downloaded = download(*session.api, source, target);
            if (!verifiable) {
                QVERIFY(!downloaded.ok());
                QCOMPARE(downloaded.error().kind(), ApiError::Kind::Integrity);
                QVERIFY2(downloaded.error().message().contains(u"cannot be verified"_s),
                         qPrintable(downloaded.error().message()));
                QVERIFY(!QFile::exists(target));
                // What arrived waits in the part file, whole and correct.
                QCOMPARE(Sha256::ofFile(target + u".part"_s), expected);
                continue;
            }
            VERIFY_OK(downloaded);
            QCOMPARE(Sha256::ofFile(target), expected);
        }
        if (verifiable) {
            // Each download looked its checksum up in the package file list (one more listing
            // was the observer's).
            QTRY_COMPARE_WITH_TIMEOUT(
                requestLines(m_sim->logContents(), u"GET"_s, u"/package_files"_s).size(), 3,
                kTimeoutMs);
        }

        // GitLab answered with redirects, and the object store saw no GitLab credential.
        // (The simulator writes a line once its answer is out: it may lag a moment.)
        QTRY_COMPARE_WITH_TIMEOUT(
            requestLines(m_sim->logContents(), u"GET"_s, u"/packages/generic/"_s).size(), 2,
            kTimeoutMs);
        const QStringList redirected =
            requestLines(m_sim->logContents(), u"GET"_s, u"/packages/generic/"_s);
        for (const QString &line : redirected)
            QVERIFY2(line.endsWith(u" 302"_s), qPrintable(line));
        QVERIFY2(!m_sim->logContents().contains("CREDENTIAL LEAK"),
                 m_sim->logContents().constData());
    }

    void putIsNeverRedirected()
    {
        // The simulator's status fault answers the upload with a 302.
        QVERIFY(m_sim.startDemo({u"status=302:/packages/generic/:1"_s}));
        Session session(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
        const QString local = path(u"redirected.bin"_s);
        QVERIFY(!writeFile(local, 2000, 24).isEmpty());

        TransferQueue queue([&](const QString &) { return apiHandle(*session.api); }, QString());
        queue.setRetryPolicy({5, std::chrono::milliseconds(20), std::chrono::milliseconds(100)});
        QSignalSpy idle(&queue, &TransferQueue::idle);
        TransferItem item;
        item.accountId = u"sim"_s;
        item.target = {kProject, u"redirected"_s, u"1.0.0"_s, u"redirected.bin"_s};
        item.localPath = local;
        const QString id = queue.add(item);
        WAIT_FOR_SIGNALS(idle, 1);
        QCOMPARE(idle.size(), 1);

        // A configuration problem, shown with where GitLab pointed, and never retried.
        const TransferItem *done = queue.item(id);
        QCOMPARE(done->state, TransferState::Failed);
        QCOMPARE(done->errorKind, ApiError::Kind::Configuration);
        QCOMPARE(done->attempts, 1);
        QVERIFY2(done->errorMessage.contains(u"redirect"_s), qPrintable(done->errorMessage));
        QVERIFY2(done->errorMessage.contains(m_sim->baseUrl().toString()),
                 qPrintable(done->errorMessage));
        QTRY_COMPARE_WITH_TIMEOUT(
            requestLines(m_sim->logContents(), u"PUT"_s, u"/redirected/"_s).size(), 1, kTimeoutMs);
    }
};

QTEST_GUILESS_MAIN(TestTlsAndRedirects)
#include "TestTlsAndRedirects.moc"
