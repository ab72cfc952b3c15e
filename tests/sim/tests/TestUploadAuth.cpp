// §11.1 — generic upload: authentication and authorization (rows 1–38), plus the
// job-token Basic switch of §2.2.

#include "SimTest.h"

#include <QObject>
#include <QTest>

#include <memory>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using namespace Qt::StringLiterals;

namespace {

enum class Credential {
    None,
    Pat,
    Basic,
    BadPat,
    BadBasic,
    Job,
    JobBasic,
    BadJob,
    DeployRo,
    BadDeploy
};

constexpr int PublicProject = 1;
constexpr int PrivateProject = 2;

QJsonObject fixture()
{
    Fixture f;
    for (const QString &user : {u"dev"_s, u"guest"_s, u"devout"_s, u"guestout"_s})
        f.addUser(user).addPersonalToken(u"pat-"_s + user, user);
    const QMap<QString, QString> members{{u"dev"_s, u"developer"_s}, {u"guest"_s, u"guest"_s}};
    f.addProject(PublicProject, u"grp/pub"_s, u"public"_s, members)
        .addProject(PrivateProject, u"grp/priv"_s, u"private"_s, members);
    // Running jobs of the non-member developer inside each project (rows 32, 35), and of
    // the member (for the job-token Basic checks).
    f.addJobToken(u"job-devout-pub"_s, u"devout"_s, u"grp/pub"_s, 9001, 801)
        .addJobToken(u"job-devout-priv"_s, u"devout"_s, u"grp/priv"_s, 9002, 802)
        .addJobToken(u"job-dev-priv"_s, u"dev"_s, u"grp/priv"_s, 9003, 803);
    f.addDeployToken(u"deploy-ro"_s, u"grp/priv"_s, {u"read_package_registry"_s});
    return f.toJson();
}

HttpHeaders headersFor(Credential credential, const QByteArray &user, int project)
{
    const QByteArray vis = project == PublicProject ? "pub" : "priv";
    switch (credential) {
    case Credential::None:
        return {};
    case Credential::Pat:
        return Http::privateToken("pat-" + user);
    case Credential::Basic:
        return Http::basic(user, "pat-" + user);
    case Credential::BadPat:
        return Http::privateToken("glpat-unknown-0123456789");
    case Credential::BadBasic:
        return Http::basic("invalid user", "invalid password");
    case Credential::Job:
        return Http::jobToken("job-" + user + '-' + vis);
    case Credential::JobBasic:
        return Http::basic("gitlab-ci-token", "job-" + user + '-' + vis);
    case Credential::BadJob:
        return Http::jobToken("glcbt-unknown-job-token");
    case Credential::DeployRo:
        return Http::deployToken("deploy-ro");
    case Credential::BadDeploy:
        return Http::deployToken("gldt-unknown-deploy-token");
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(Credential)

class TestUploadAuth final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimServer>(SimServer::Options().withFixture(fixture()));
        SIM_START(*m_sim);
        m_http = std::make_unique<Http>(m_sim->baseUrl());
    }

    void cleanup() { m_sim->reportIfFailed(); }

    void cleanupTestCase()
    {
        if (m_sim && m_sim->isRunning())
            QCOMPARE(m_sim->stop(), 0);
    }

    void uploadIsAuthenticatedAndAuthorized_data()
    {
        QTest::addColumn<int>("project");
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<Credential>("credential");
        QTest::addColumn<int>("expected");

        struct Row
        {
            int number;
            int project;
            const char *user; // "dev"/"guest" members, "devout"/"guestout" non-members
            Credential credential;
            int expected;
        };
        const int pub = PublicProject;
        const int priv = PrivateProject;
        using C = Credential;
        const Row rows[] = {
            {1, pub, "guest", C::Pat, 403},
            {2, pub, "guest", C::Basic, 403},
            {3, pub, "dev", C::BadPat, 401},
            {4, pub, "guest", C::BadPat, 401},
            {5, pub, "dev", C::BadBasic, 401},
            {6, pub, "guest", C::BadBasic, 401},
            {7, pub, "devout", C::Pat, 403},
            {8, pub, "guestout", C::Pat, 403},
            {9, pub, "devout", C::Basic, 403},
            {10, pub, "guestout", C::Basic, 403},
            {11, pub, "devout", C::BadPat, 401},
            {12, pub, "guestout", C::BadPat, 401},
            {13, pub, "devout", C::BadBasic, 401},
            {14, pub, "guestout", C::BadBasic, 401},
            {15, pub, "", C::None, 401},
            {16, priv, "guest", C::Pat, 403},
            {17, priv, "guest", C::Basic, 403},
            {18, priv, "dev", C::BadPat, 401},
            {19, priv, "guest", C::BadPat, 401},
            {20, priv, "dev", C::BadBasic, 401},
            {21, priv, "guest", C::BadBasic, 401},
            {22, priv, "devout", C::Pat, 404},
            {23, priv, "guestout", C::Pat, 404},
            {24, priv, "devout", C::Basic, 404},
            {25, priv, "guestout", C::Basic, 404},
            {26, priv, "devout", C::BadPat, 401},
            {27, priv, "guestout", C::BadPat, 401},
            {28, priv, "devout", C::BadBasic, 401},
            {29, priv, "guestout", C::BadBasic, 401},
            {30, priv, "", C::None, 401},
            {31, pub, "dev", C::BadJob, 401},
            {32, pub, "devout", C::Job, 403},
            {33, pub, "devout", C::BadJob, 401},
            {34, priv, "dev", C::BadJob, 401},
            {35, priv, "devout", C::Job, 404},
            {36, priv, "devout", C::BadJob, 401},
            {37, priv, "", C::DeployRo, 403},
            {38, priv, "", C::BadDeploy, 401},
        };
        static const QMap<Credential, const char *> credentialNames{
            {C::None, "none"},          {C::Pat, "PAT"},
            {C::Basic, "basic"},        {C::BadPat, "bad PAT"},
            {C::BadBasic, "bad basic"}, {C::Job, "job"},
            {C::JobBasic, "job-basic"}, {C::BadJob, "bad job"},
            {C::DeployRo, "deploy ro"}, {C::BadDeploy, "bad deploy"}};
        for (const Row &row : rows) {
            const QByteArray user(row.user);
            QString who;
            if (user.isEmpty())
                who = row.credential == C::None ? u"anon"_s : u"-"_s;
            else
                who = user.startsWith("dev") ? u"dev"_s : u"guest"_s;
            const QString member = user.isEmpty()         ? u""_s
                                   : user.endsWith("out") ? u" non-member"_s
                                                          : u" member"_s;
            const QString tag =
                u"11.1#%1 %2 %3%4 %5"_s.arg(row.number)
                    .arg(row.project == pub ? u"pub"_s : u"priv"_s, who, member,
                         QString::fromLatin1(credentialNames.value(row.credential)));
            QTest::addRow("%s", qPrintable(tag))
                << row.project << user << row.credential << row.expected;
        }
    }

    void uploadIsAuthenticatedAndAuthorized()
    {
        QFETCH(int, project);
        QFETCH(QByteArray, user);
        QFETCH(Credential, credential);
        QFETCH(int, expected);

        const HttpReply reply = m_http->put(genericTarget(project, "mypackage/0.0.1/myfile.tar.gz"),
                                            "refused bytes", headersFor(credential, user, project));
        switch (expected) {
        case 401:
            SIM_EXPECT_PACKAGES_401(reply);
            break;
        case 403:
            SIM_EXPECT_REPLY(reply, 403, Body403);
            break;
        case 404:
            SIM_EXPECT_REPLY(reply, 404, Body404Generic);
            break;
        default:
            QFAIL("unexpected expectation");
        }
        SIM_VERIFY_SECURITY_HEADERS(reply);
    }

    // None of the refused uploads above may have created anything.
    void refusedUploadsCreateNoPackage()
    {
        for (int project : {PublicProject, PrivateProject}) {
            const HttpReply list = m_http->get(packagesTarget(project, "package_type=generic"),
                                               Http::privateToken("pat-dev"));
            SIM_COMPARE_STATUS(list, 200);
            QCOMPARE(list.jsonArray().size(), 0);
        }
    }

    // §2.2 (uncertain, simulator default): job-token Basic auth is refused on PUT (401)
    // although GET accepts it.
    void jobTokenBasicOnUploadIsUnauthorizedByDefault()
    {
        const HttpReply reply =
            m_http->put(genericTarget(PrivateProject, "mypackage/0.0.1/myfile.tar.gz"), "bytes",
                        headersFor(Credential::JobBasic, "dev", PrivateProject));
        SIM_EXPECT_PACKAGES_401(reply);
    }

    // README: `--fault job-token-basic-put` accepts it, as the newest docs show.
    void jobTokenBasicOnUploadIsAcceptedWithSwitch()
    {
        SimServer sim(SimServer::Options().withFixture(fixture()).withArguments(
            {u"--fault"_s, u"job-token-basic-put"_s}));
        SIM_START(sim);
        const Http http(sim.baseUrl());
        const HttpReply reply =
            http.put(genericTarget(PrivateProject, "mypackage/0.0.1/myfile.tar.gz"), "bytes",
                     headersFor(Credential::JobBasic, "dev", PrivateProject));
        SIM_EXPECT_REPLY(reply, 201, Body201);
        QCOMPARE(sim.stop(), 0);
    }

private:
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<Http> m_http;
};

QTEST_GUILESS_MAIN(TestUploadAuth)
#include "TestUploadAuth.moc"
