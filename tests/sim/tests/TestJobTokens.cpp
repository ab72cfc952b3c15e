// CI job tokens beyond their own project: GET /projects/:id does not take them (lib/api/
// projects.rb sets no job_token_allowed there, so the caller is anonymous), and a project
// admits another project's job token only when its job token allowlist names that project or
// a group above it (app/policies/project_policy.rb). Refused on the packages API with
// lib/api/helpers.rb's handle_job_token_failure! message; on the generic routes as a project
// the caller cannot see (lib/api/helpers/packages/basic_auth_helpers.rb).

#include "SimTest.h"

#include <QObject>
#include <QTest>

#include <memory>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using namespace Qt::StringLiterals;

namespace {

constexpr int Source = 1;       // grp/src: the job's project
constexpr int Admits = 2;       // names grp/src in its allowlist
constexpr int Refuses = 3;      // no allowlist
constexpr int PublicOne = 4;    // public, no allowlist
constexpr int OpenRegistry = 5; // private, package registry open to everyone, no allowlist
constexpr int ByGroup = 6;      // other/by-group admits every project below grp

QJsonObject fixture()
{
    Fixture f;
    f.addUser(u"dev"_s).addPersonalToken(u"pat-dev"_s, u"dev"_s);
    const QMap<QString, QString> dev{{u"dev"_s, u"maintainer"_s}};
    const auto allowing = [](const QString &admitted) {
        return QJsonObject{{u"ci_job_token_allowlist"_s, QJsonArray{admitted}}};
    };
    f.addProject(Source, u"grp/src"_s, u"private"_s, dev);
    f.addProject(Admits, u"grp/admits"_s, u"private"_s, dev, allowing(u"grp/src"_s));
    f.addProject(Refuses, u"grp/refuses"_s, u"private"_s, dev);
    f.addProject(PublicOne, u"grp/public-one"_s, u"public"_s, dev);
    f.addProject(OpenRegistry, u"grp/open-registry"_s, u"private"_s, dev,
                 {{u"package_registry_access_level"_s, u"public"_s}});
    f.addProject(ByGroup, u"other/by-group"_s, u"private"_s, dev, allowing(u"grp"_s));
    for (const QString &project :
         {u"grp/src"_s, u"grp/admits"_s, u"grp/refuses"_s, u"grp/public-one"_s,
          u"grp/open-registry"_s, u"other/by-group"_s})
        f.addPackage(project, u"tool"_s, u"1.0.0"_s, {Fixture::file(u"a.txt"_s, "A")});
    f.addJobToken(u"job-src"_s, u"dev"_s, u"grp/src"_s, 41, 31);
    f.addDeployToken(u"deploy-src"_s, u"grp/src"_s, {u"read_package_registry"_s});
    return f.toJson();
}

const HttpHeaders &job()
{
    static const HttpHeaders h = Http::jobToken("job-src");
    return h;
}

QByteArray projectTarget(int id)
{
    return "/api/v4/projects/" + QByteArray::number(id);
}

const char RefusedBody[] =
    R"({"message":"403 Forbidden - Authentication by CI/CD job token not allowed from src to refuses."})";
const char RefusedPublicBody[] =
    R"({"message":"403 Forbidden - Authentication by CI/CD job token not allowed from src to public-one."})";
const char DemoRefusedBody[] =
    R"({"message":"403 Forbidden - Authentication by CI/CD job token not allowed from hello to agent."})";

} // namespace

class TestJobTokens final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<Http> m_http;

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimServer>(SimServer::Options().withFixture(fixture()));
        SIM_START(*m_sim);
        m_http = std::make_unique<Http>(m_sim->baseUrl());
    }

    void cleanup() { m_sim->reportIfFailed(); }

    // lib/api/projects.rb: no job_token_allowed on GET /projects/:id, so a job token there is
    // ignored, even for its own project.
    void projectApiIgnoresJobTokens_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("own project by id") << projectTarget(Source);
        QTest::newRow("own project by path") << QByteArray("/api/v4/projects/grp%2Fsrc");
        QTest::newRow("allowlisted project") << projectTarget(Admits);
    }

    void projectApiIgnoresJobTokens()
    {
        QFETCH(QByteArray, target);
        SIM_EXPECT_REPLY(m_http->get(target, job()), 404, Body404Project);
        SIM_EXPECT_REPLY(m_http->get(target, Http::deployToken("deploy-src")), 404, Body404Project);
        SIM_COMPARE_STATUS(m_http->get(target, Http::privateToken("pat-dev")), 200);
    }

    void projectApiShowsPublicProjectsToJobTokensAsToAnyone()
    {
        const HttpReply reply = m_http->get(projectTarget(PublicOne), job());
        SIM_COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.jsonObject().value(u"path_with_namespace"_s).toString(),
                 u"grp/public-one"_s);
        QVERIFY(!reply.jsonObject().contains(u"permissions"_s)); // the anonymous entity
    }

    // A job token in Bearer is a PAT there, and no PAT matches: 401 at once (§2.2).
    void projectApiRefusesJobTokenInBearer()
    {
        SIM_EXPECT_REPLY(m_http->get(projectTarget(Source), Http::bearer("job-src")), 401, Body401);
    }

    void packagesApiFollowsTheAllowlist_data()
    {
        QTest::addColumn<int>("project");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body"); // for refusals
        QTest::newRow("own project") << Source << 200 << QByteArray();
        QTest::newRow("allowlist names the project") << Admits << 200 << QByteArray();
        QTest::newRow("allowlist names a group above it") << ByGroup << 200 << QByteArray();
        QTest::newRow("not allowlisted") << Refuses << 403 << QByteArray(RefusedBody);
        QTest::newRow("public, not allowlisted")
            << PublicOne << 403 << QByteArray(RefusedPublicBody);
        QTest::newRow("registry open to everyone") << OpenRegistry << 200 << QByteArray();
    }

    void packagesApiFollowsTheAllowlist()
    {
        QFETCH(int, project);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const HttpReply reply = m_http->get(packagesTarget(project), job());
        if (status == 200) {
            SIM_COMPARE_STATUS(reply, 200);
            QCOMPARE(column(reply.jsonArray(), u"name"_s), QStringList{u"tool"_s});
        } else {
            SIM_EXPECT_REPLY(reply, status, body);
        }
        // The member's own token is not limited by any allowlist.
        SIM_COMPARE_STATUS(m_http->get(packagesTarget(project), Http::privateToken("pat-dev")),
                           200);
    }

    void genericRoutesFollowTheAllowlist_data()
    {
        QTest::addColumn<int>("project");
        QTest::addColumn<int>("download");
        QTest::addColumn<int>("upload");
        QTest::newRow("own project") << Source << 200 << 201;
        QTest::newRow("allowlisted") << Admits << 200 << 201;
        QTest::newRow("allowlisted by group") << ByGroup << 200 << 201;
        QTest::newRow("not allowlisted") << Refuses << 404 << 404;
        QTest::newRow("public, not allowlisted") << PublicOne << 404 << 404;
        QTest::newRow("registry open to everyone") << OpenRegistry << 200 << 404;
    }

    void genericRoutesFollowTheAllowlist()
    {
        QFETCH(int, project);
        QFETCH(int, download);
        QFETCH(int, upload);
        const HttpReply got = m_http->get(genericTarget(project, "tool/1.0.0/a.txt"), job());
        if (download == 200) {
            SIM_COMPARE_STATUS(got, 200);
            QCOMPARE(got.body, QByteArray("A"));
        } else {
            SIM_EXPECT_REPLY(got, download, Body404Generic);
        }
        const HttpReply put = m_http->put(genericTarget(project, "tool/2.0.0/b.txt"), "B", job());
        if (upload == 201)
            SIM_EXPECT_REPLY(put, 201, Body201);
        else
            SIM_EXPECT_REPLY(put, upload, Body404Generic);
    }

    // The demo data (README): demo/tools admits demo/hello's job token, demo/platform/agent
    // does not.
    void demoDataHasOneAllowedAndOneRefusedProject()
    {
        SimServer demo(SimServer::Options().withDemo());
        SIM_START(demo);
        const Http http(demo.baseUrl());
        const HttpHeaders demoJob = Http::jobToken("glcbt-demo-job");
        SIM_COMPARE_STATUS(http.get("/api/v4/projects/demo%2Ftools/packages", demoJob), 200);
        SIM_EXPECT_REPLY(http.get("/api/v4/projects/demo%2Fplatform%2Fagent/packages", demoJob),
                         403, DemoRefusedBody);
        SIM_EXPECT_REPLY(
            http.put(genericTarget("demo%2Fplatform%2Fagent", "x/1.0.0/x.txt"), "x", demoJob), 404,
            Body404Generic);
        SIM_COMPARE_STATUS(http.get("/api/v4/projects/demo%2Fhello/packages", demoJob), 200);
        QCOMPARE(demo.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJobTokens)
#include "TestJobTokens.moc"
