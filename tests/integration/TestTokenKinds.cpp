// Every credential kind against gitlab-sim's demo data over real HTTP: publish → list → files →
// download with matching SHA-256, and the actionable errors of expired, narrow and wrong tokens
// (gitlab-api.md §2, §12.13).

#include "IntegrationSupport.h"
#include "cli/ExitCodes.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using namespace Stevedore::IntegrationTest;
using namespace Qt::StringLiterals;

class TestTokenKinds final : public QObject
{
    Q_OBJECT

private:
    stevedore::test::ScopedSim m_sim;
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sim.startDemo());
    }

    void cleanup() { m_sim.reportIfFailed(); }

    void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }

    void roundTripsPublishListFilesDownload_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("username");
        // Deploy tokens work only on the generic package URLs (§2.1, §12.12): their own listing
        // must fail, and a personal access token lists what they published.
        QTest::addColumn<bool>("browsesItself");

        QTest::newRow("personal access token")
            << int(CredentialKind::PersonalAccessToken) << kPat << QString() << true;
        QTest::newRow("deploy token, read and write")
            << int(CredentialKind::DeployToken) << kDeployRw << QString() << false;
        QTest::newRow("CI job token")
            << int(CredentialKind::JobToken) << kJobToken << QString() << true;
        QTest::newRow("basic auth, username and personal access token")
            << int(CredentialKind::BasicAuth) << kPat << kUser << true;
        QTest::newRow("OAuth bearer token")
            << int(CredentialKind::OAuthToken) << kOAuth << QString() << true;
    }

    void roundTripsPublishListFilesDownload()
    {
        QFETCH(int, kind);
        QFETCH(QString, secret);
        QFETCH(QString, username);
        QFETCH(bool, browsesItself);
        const auto credential = CredentialKind(kind);

        Session session(m_sim->baseUrl(), credential, secret, username);
        Session observer(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
        GitLabApi &browser = browsesItself ? *session.api : *observer.api;

        const QString name = u"roundtrip-"_s + credentialKindId(credential);
        const QString version = u"1.0.0"_s;
        const QString dir = path(name);
        QVERIFY(QDir().mkpath(dir + u"/out"_s));
        struct Local
        {
            QString fileName; // in the package
            QString storedName;
            QString path;
            QString sha256;
        };
        const QList<Local> files{
            {u"payload.bin"_s, u"payload.bin"_s, dir + u"/payload.bin"_s,
             writeFile(dir + u"/payload.bin"_s, 300 * 1024 + 7, quint32(kind + 1))},
            {u"docs/notes/read+me.txt"_s, u"docs%2Fnotes%2Fread%2Bme.txt"_s, dir + u"/readme.txt"_s,
             writeText(dir + u"/readme.txt"_s, "published with " + secret.left(5).toUtf8())},
        };

        // Publish: UploadJob verifies GitLab's file_sha256 against the local hash.
        for (const Local &file : files) {
            QVERIFY(!file.sha256.isEmpty());
            const auto uploaded =
                upload(*session.api, {kProject, name, version, file.fileName}, file.path);
            VERIFY_OK(uploaded);
            QCOMPARE(uploaded.value().sha256, file.sha256);
            QCOMPARE(uploaded.value().storedName, file.storedName);
            QCOMPARE(uploaded.value().size, QFileInfo(file.path).size());
        }

        // List: exactly one package of that name, with the version.
        const auto listed = packages(browser, kProject, name);
        VERIFY_OK(listed);
        QCOMPARE(listed.value().size(), 1);
        QCOMPARE(listed.value().first().name, name);
        QCOMPARE(listed.value().first().version, version);
        QCOMPARE(listed.value().first().status, u"default"_s);
        if (credential == CredentialKind::JobToken) {
            // A job token's package records the pipeline (demo pipeline 1204).
            QVERIFY(listed.value().first().pipeline.has_value());
            QCOMPARE(listed.value().first().pipeline->id, qint64(1204));
        }

        // Files: both, with GitLab's stored names and our hashes.
        const auto version1 = versionFiles(browser, {kProject, name, version, {}});
        VERIFY_OK(version1);
        QVERIFY(version1.value().package.has_value());
        QCOMPARE(version1.value().files.size(), files.size());
        for (const Local &file : files) {
            const PackageFile *listedFile = version1.value().newest(file.storedName);
            QVERIFY2(listedFile, qPrintable(file.storedName));
            QCOMPARE(listedFile->sha256, file.sha256);
            QCOMPARE(listedFile->displayName(), file.fileName);
        }

        // Download with the same credential: verified against X-Checksum-SHA256, renamed in place.
        for (const Local &file : files) {
            const QString target = dir + u"/out/"_s + file.fileName;
            const auto downloaded =
                download(*session.api, {kProject, name, version, file.fileName}, target);
            VERIFY_OK(downloaded);
            QCOMPARE(Sha256::ofFile(target), file.sha256);
            QVERIFY(!QFile::exists(target + u".part"_s));
        }

        if (!browsesItself) {
            const auto refused = packages(*session.api, kProject, name);
            QVERIFY(!refused.ok());
            QVERIFY2(refused.error().kind() == ApiError::Kind::NotFound
                         || refused.error().kind() == ApiError::Kind::Auth,
                     qPrintable(describe(refused.error())));
        }
    }

    void expiredTokenGivesActionable401()
    {
        Session session(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kExpiredPat);
        const auto listed = packages(*session.api, kProject, kHelloCli);
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().kind(), ApiError::Kind::Auth);
        QCOMPARE(listed.error().httpStatus(), 401);
        QVERIFY2(listed.error().message().contains(u"expired"_s)
                     && listed.error().message().contains(u"new token"_s),
                 qPrintable(listed.error().message()));
        QCOMPARE(ExitCode::of(listed.error()), 3);

        const QString local = path(u"expired.txt"_s);
        QVERIFY(!writeText(local, "never arrives").isEmpty());
        const auto uploaded =
            upload(*session.api, {kProject, u"expired-upload"_s, u"1.0.0"_s, u"a.txt"_s}, local);
        QVERIFY(!uploaded.ok());
        QCOMPARE(uploaded.error().kind(), ApiError::Kind::Auth);
        QVERIFY2(uploaded.error().message().contains(u"expired"_s),
                 qPrintable(uploaded.error().message()));
        QVERIFY(!uploaded.error().isTransient());
    }

    void readApiTokenUploadExplainsScope()
    {
        Session session(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kReadApiPat);
        const QString local = path(u"read-api.txt"_s);
        QVERIFY(!writeText(local, "read_api cannot publish").isEmpty());
        const PackageTarget target{kProject, u"scope-check"_s, u"1.0.0"_s, u"a.txt"_s};
        const auto uploaded = upload(*session.api, target, local);
        QVERIFY(!uploaded.ok());
        QCOMPARE(uploaded.error().kind(), ApiError::Kind::Scope);
        QCOMPARE(uploaded.error().httpStatus(), 403);
        QVERIFY2(uploaded.error().message().contains(u"api scope"_s)
                     && uploaded.error().message().contains(u"read_api"_s),
                 qPrintable(uploaded.error().message()));
        QVERIFY(!uploaded.error().isTransient());

        // The same token still browses and downloads.
        const auto listed = packages(*session.api, kProject, kHelloCli);
        VERIFY_OK(listed);
        QVERIFY(!listed.value().isEmpty());
        const auto nothing = versionFiles(*session.api, target);
        VERIFY_OK(nothing);
        QVERIFY(!nothing.value().package.has_value());
    }

    void unknownTokenIsRejected_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("username");
        QTest::newRow("personal access token")
            << int(CredentialKind::PersonalAccessToken) << QString();
        QTest::newRow("job token") << int(CredentialKind::JobToken) << QString();
        // An unknown deploy token or Basic password is ignored: the caller is anonymous, and an
        // anonymous upload is 401 (§2.3).
        QTest::newRow("deploy token") << int(CredentialKind::DeployToken) << QString();
        QTest::newRow("basic auth") << int(CredentialKind::BasicAuth) << kUser;
        QTest::newRow("OAuth token") << int(CredentialKind::OAuthToken) << QString();
    }

    void unknownTokenIsRejected()
    {
        QFETCH(int, kind);
        QFETCH(QString, username);
        Session session(m_sim->baseUrl(), CredentialKind(kind), u"not-a-real-token"_s, username);
        const QString local = path(u"unknown-token.txt"_s);
        QVERIFY(!writeText(local, "nobody").isEmpty());
        const auto uploaded =
            upload(*session.api, {kProject, u"unknown-token"_s, u"1.0.0"_s, u"a.txt"_s}, local);
        QVERIFY(!uploaded.ok());
        QCOMPARE(uploaded.error().kind(), ApiError::Kind::Auth);
        QCOMPARE(uploaded.error().httpStatus(), 401);
        QCOMPARE(ExitCode::of(uploaded.error()), 3);
    }
};

QTEST_GUILESS_MAIN(TestTokenKinds)
#include "TestTokenKinds.moc"
