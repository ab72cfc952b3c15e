// AccountValidator against gitlab-sim's demo data (tests/sim/README.md, "The demo data set"):
// every credential kind, good and bad, with and without a project.

#include "DemoData.h"
#include "Http.h"
#include "SimServer.h"
#include "account/AccountValidator.h"

#include <QRegularExpression>
#include <QTest>

using namespace Stevedore;
using namespace stevedore::test::demo;
using namespace Qt::StringLiterals;

namespace {

// The Qt Test data columns carry these as ints.
int kindOf(CredentialKind kind)
{
    return int(kind);
}

} // namespace

class TestAccountValidation final : public QObject
{
    Q_OBJECT

private:
    stevedore::test::ScopedSim m_sim;

    Account account(CredentialKind kind, const QString &defaultProject = {}) const
    {
        Account result;
        result.id = u"test-account"_s;
        result.name = u"test"_s;
        result.baseUrl = m_sim->baseUrl();
        result.kind = kind;
        result.username = kind == CredentialKind::BasicAuth ? u"anyone"_s : QString();
        result.defaultProject = defaultProject;
        return result;
    }

    // Runs one validation to its end; the report must not arrive inside start().
    ValidationReport validate(const Account &target, const QString &secret,
                              const QString &project = {})
    {
        AccountValidator validator(target, secret);
        validator.setProject(project);
        bool finished = false;
        connect(&validator, &AccountValidator::finished, this, [&] { finished = true; });
        validator.start();
        if (finished) {
            qWarning("finished() was emitted inside start()");
            return {};
        }
        if (!QTest::qWaitFor([&] { return finished; }, 20000)) {
            qWarning("no answer within 20 s");
            return {};
        }
        return validator.report();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_sim.startDemo()); }

    void cleanup() { m_sim.reportIfFailed(); }

    void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }

    void report_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("defaultProject");
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("user");         // expected username, empty: none
        QTest::addColumn<QStringList>("scopes");   // expected token scopes, empty: no token info
        QTest::addColumn<QStringList>("warnings"); // regular expressions, one per warning
        QTest::addColumn<int>("errorKind");
        QTest::addColumn<QString>("errorMentions");

        const int pat = kindOf(CredentialKind::PersonalAccessToken);
        const int deploy = kindOf(CredentialKind::DeployToken);
        const int job = kindOf(CredentialKind::JobToken);
        const int none = int(ApiError::Kind::None);
        const int auth = int(ApiError::Kind::Auth);
        const int notFound = int(ApiError::Kind::NotFound);
        const int validation = int(ApiError::Kind::Validation);
        const QStringList noWarnings;
        const QStringList noScopes;
        const QString readApi = QRegularExpression::escape(
            u"This token has read_api only: browsing and downloading work, publishing and "
            "deleting need the api scope."_s);
        const QString expiring =
            uR"(^This token expires on \d{4}-\d\d-\d\d \(in [4-6] days\)\.$)"_s;
        const QString publicProject = u"^The project demo/tools is public, .*deploy token"_s;
        // gitlab-sim follows §2.6: the project is visible, and a deploy token of another project
        // may not read its packages → 403.
        const QString otherProject =
            uR"(^GitLab does not let this deploy token read packages in demo/tools \(HTTP 403: 403 Forbidden\))"_s;

        QTest::newRow("PAT api") << pat << kPat << QString() << QString() << kUser
                                 << QStringList{u"api"_s} << noWarnings << none << QString();
        QTest::newRow("PAT read_api")
            << pat << kReadApiPat << QString() << QString() << kUser << QStringList{u"read_api"_s}
            << QStringList{readApi} << none << QString();
        QTest::newRow("PAT expiring")
            << pat << kExpiringPat << QString() << QString() << kUser << QStringList{u"api"_s}
            << QStringList{expiring} << none << QString();
        QTest::newRow("PAT expired") << pat << kExpiredPat << QString() << QString() << QString()
                                     << noScopes << noWarnings << auth << u"expired"_s;
        QTest::newRow("PAT wrong") << pat << u"glpat-not-a-real-token"_s << QString() << QString()
                                   << QString() << noScopes << noWarnings << auth << u"HTTP 401"_s;
        QTest::newRow("PAT guest") << pat << kGuestPat << QString() << QString() << kGuestUser
                                   << QStringList{u"api"_s} << noWarnings << none << QString();
        QTest::newRow("PAT ignores the project")
            << pat << kPat << u"no/such"_s << u"no/such"_s << kUser << QStringList{u"api"_s}
            << noWarnings << none << QString();
        QTest::newRow("no token") << pat << QString() << QString() << QString() << QString()
                                  << noScopes << noWarnings << auth << u"no token"_s;

        QTest::newRow("Basic") << kindOf(CredentialKind::BasicAuth) << kReadApiPat << QString()
                               << QString() << kUser << QStringList{u"read_api"_s}
                               << QStringList{readApi} << none << QString();
        QTest::newRow("Basic wrong")
            << kindOf(CredentialKind::BasicAuth) << u"wrong"_s << QString() << QString()
            << QString() << noScopes << noWarnings << auth << QString();

        QTest::newRow("OAuth") << kindOf(CredentialKind::OAuthToken) << kOAuth << QString()
                               << QString() << kUser << noScopes << noWarnings << none << QString();
        QTest::newRow("OAuth wrong")
            << kindOf(CredentialKind::OAuthToken) << u"oauth-wrong"_s << QString() << QString()
            << QString() << noScopes << noWarnings << auth << QString();

        QTest::newRow("deploy ro, demo/hello")
            << deploy << kDeployRo << QString() << kProject << QString() << noScopes << noWarnings
            << none << QString();
        QTest::newRow("deploy rw, demo/hello as default project")
            << deploy << kDeployRw << kProject << QString() << QString() << noScopes << noWarnings
            << none << QString();
        QTest::newRow("deploy rw, project by id")
            << deploy << kDeployRw << QString() << kProjectId << QString() << noScopes << noWarnings
            << none << QString();
        QTest::newRow("argument wins over default project")
            << deploy << kDeployRo << kAgentProject << kProject << QString() << noScopes
            << noWarnings << none << QString();
        QTest::newRow("deploy ro, public demo/tools")
            << deploy << kDeployRo << QString() << kToolsProject << QString() << noScopes
            << QStringList{otherProject, publicProject} << none << QString();
        QTest::newRow("deploy rw, public demo/tools")
            << deploy << kDeployRw << QString() << kToolsProject << QString() << noScopes
            << QStringList{otherProject, publicProject} << none << QString();
        QTest::newRow("deploy wrong, public project: cannot tell")
            << deploy << u"gldt-wrong"_s << QString() << kToolsProject << QString() << noScopes
            << QStringList{publicProject} << none << QString();
        QTest::newRow("deploy without project")
            << deploy << kDeployRo << QString() << QString() << QString() << noScopes << noWarnings
            << validation << u"Give the project the token belongs to"_s;
        QTest::newRow("deploy, invisible project")
            << deploy << kDeployRo << QString() << kAgentProject << QString() << noScopes
            << noWarnings << notFound
            << u"demo/platform/agent does not exist, or this deploy token cannot see it"_s;
        QTest::newRow("deploy, unknown project")
            << deploy << kDeployRw << QString() << u"demo/nothing-here"_s << QString() << noScopes
            << noWarnings << notFound << u"does not exist"_s;
        QTest::newRow("deploy wrong, private project")
            << deploy << u"gldt-wrong"_s << QString() << kProject << QString() << noScopes
            << noWarnings << auth << u"did not accept the deploy token"_s;

        QTest::newRow("job, demo/hello") << job << kJobToken << QString() << kProject << QString()
                                         << noScopes << noWarnings << none << QString();
        QTest::newRow("job, CI_PROJECT_ID as default project")
            << job << kJobToken << kProjectId << QString() << QString() << noScopes << noWarnings
            << none << QString();
        QTest::newRow("job, public project")
            << job << kJobToken << QString() << kToolsProject << QString() << noScopes << noWarnings
            << none << QString();
        QTest::newRow("job without project")
            << job << kJobToken << QString() << QString() << QString() << noScopes << noWarnings
            << validation << u"CI_PROJECT_ID"_s;
        QTest::newRow("job wrong")
            << job << u"glcbt-wrong"_s << QString() << kToolsProject << QString() << noScopes
            << noWarnings << auth << u"did not accept the CI job token"_s;
    }

    void report()
    {
        QFETCH(int, kind);
        QFETCH(QString, secret);
        QFETCH(QString, defaultProject);
        QFETCH(QString, project);
        QFETCH(QString, user);
        QFETCH(QStringList, scopes);
        QFETCH(QStringList, warnings);
        QFETCH(int, errorKind);
        QFETCH(QString, errorMentions);

        const ValidationReport report =
            validate(account(CredentialKind(kind), defaultProject), secret, project);

        QVERIFY2(int(report.error.kind()) == errorKind,
                 qPrintable(u"error kind %1: %2"_s.arg(apiErrorKindName(report.error.kind()),
                                                       report.error.message())));
        QVERIFY2(report.error.message().contains(errorMentions),
                 qPrintable(report.error.message()));
        QCOMPARE(report.ok(), errorKind == int(ApiError::Kind::None));

        QCOMPARE(report.user.has_value(), !user.isEmpty());
        if (report.user)
            QCOMPARE(report.user->username, user);
        QCOMPARE(report.token.has_value(), !scopes.isEmpty());
        if (report.token)
            QCOMPARE(report.token->scopes, scopes);

        QVERIFY2(report.warnings.size() == warnings.size(),
                 qPrintable(report.warnings.join(u" / "_s)));
        for (qsizetype i = 0; i < warnings.size(); ++i) {
            const QRegularExpression pattern(warnings.at(i));
            QVERIFY2(pattern.match(report.warnings.at(i)).hasMatch(),
                     qPrintable(report.warnings.at(i)));
        }
    }

    void expiringWarningNamesTheDate()
    {
        const ValidationReport report =
            validate(account(CredentialKind::PersonalAccessToken), kExpiringPat);
        QVERIFY(report.ok());
        QVERIFY(report.token && report.token->expiresAt);
        const qint64 days = QDate::currentDate().daysTo(*report.token->expiresAt);
        QCOMPARE(report.warnings,
                 QStringList{u"This token expires on %1 (in %2 days)."_s.arg(
                     report.token->expiresAt->toString(Qt::ISODate), QString::number(days))});
    }

    void probeFileThatExistsAlsoMeansTheTokenWorks()
    {
        // Someone published the probe package: the GET answers 200 with the file, which the
        // validator does not read to its end.
        stevedore::test::SimServer sim(stevedore::test::SimServer::Options().withDemo());
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        const stevedore::test::HttpReply upload =
            stevedore::test::Http(sim.baseUrl())
                .put("/api/v4/projects/demo%2Fhello/packages/generic/stevedore-probe/0.0.0/"
                     "probe.txt",
                     QByteArray(4 * 1024 * 1024, 'p'), {{"PRIVATE-TOKEN", kPat.toUtf8()}});
        QVERIFY2(upload.status == 201, qPrintable(upload.describe()));

        for (const QString &token : {kDeployRo, kDeployRw}) {
            Account target = account(CredentialKind::DeployToken, kProject);
            target.baseUrl = sim.baseUrl();
            const ValidationReport report = validate(target, token);
            QVERIFY2(report.ok(), qPrintable(report.error.message()));
            QVERIFY2(report.warnings.isEmpty(), qPrintable(report.warnings.join(u" / "_s)));
        }
        Account job = account(CredentialKind::JobToken, kProjectId);
        job.baseUrl = sim.baseUrl();
        QVERIFY(validate(job, kJobToken).ok());
        QCOMPARE(sim.stop(), 0);
    }

    void oneShotFormDeliversToItsContext()
    {
        std::optional<ValidationReport> received;
        QObject context;
        AccountValidator::validate(account(CredentialKind::PersonalAccessToken), kPat, {}, &context,
                                   [&](const ValidationReport &report) { received = report; });
        QVERIFY(!received);
        QTRY_VERIFY_WITH_TIMEOUT(received.has_value(), 20000);
        QVERIFY(received->ok());
        QCOMPARE(received->user->username, kUser);
    }

    void oneShotFormDropsTheAnswerWithItsContext()
    {
        bool called = false;
        {
            QObject context;
            AccountValidator::validate(account(CredentialKind::PersonalAccessToken), kPat, {},
                                       &context, [&](const ValidationReport &) { called = true; });
        }
        QTest::qWait(500);
        QVERIFY(!called);
    }

    // Someone waits on the answer: a transient failure gets one more attempt, not the retries
    // of a command, so a second 503 is the answer.
    void aTransientFailureIsRetriedOnce_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<bool>("valid");
        QTest::newRow("one 503, then the answer") << 1 << true;
        QTest::newRow("two 503") << 2 << false;
    }

    void aTransientFailureIsRetriedOnce()
    {
        QFETCH(int, failures);
        QFETCH(bool, valid);
        stevedore::test::ScopedSim flaky;
        QVERIFY(flaky.startDemo({u"status=503:^/api/v4/user$:%1"_s.arg(failures)}));
        Account target = account(CredentialKind::PersonalAccessToken);
        target.baseUrl = flaky->baseUrl();
        const ValidationReport report = validate(target, kPat);
        QVERIFY2(report.error.isError() != valid, qPrintable(report.error.message()));
        if (!valid)
            QCOMPARE(report.error.httpStatus(), 503);
        const QList<QByteArray> lines = flaky->logContents().split('\n');
        const auto userRequests =
            std::count_if(lines.cbegin(), lines.cend(), [](const QByteArray &line) {
                return line.contains(" GET /api/v4/user ");
            });
        QCOMPARE(userRequests, 2);
        QCOMPARE(flaky.stop(), 0);
    }

    void unreachableServerIsANetworkError()
    {
        Account target = account(CredentialKind::PersonalAccessToken);
        target.baseUrl = QUrl(u"http://127.0.0.1:1"_s);
        const ValidationReport report = validate(target, kPat);
        QCOMPARE(report.error.kind(), ApiError::Kind::Network);
    }

    void invalidUrlIsAConfigurationError()
    {
        Account target = account(CredentialKind::PersonalAccessToken);
        target.baseUrl = QUrl(u"ftp://gitlab.example.com"_s);
        const ValidationReport report = validate(target, kPat);
        QCOMPARE(report.error.kind(), ApiError::Kind::Configuration);
    }
};

QTEST_GUILESS_MAIN(TestAccountValidation)
#include "TestAccountValidation.moc"
