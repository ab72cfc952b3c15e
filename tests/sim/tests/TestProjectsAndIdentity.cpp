// §8 — GET /projects, GET /projects/:id, GET /user, GET /personal_access_tokens/self, and
// the token-state and scope errors of §2.4 and §2.7.

#include "SimTest.h"

#include <QDateTime>
#include <QObject>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using namespace Qt::StringLiterals;

namespace {

constexpr int DevUserId = 1;

QJsonObject fixture()
{
    Fixture f;
    f.addUser(u"dev"_s, false, {{u"id"_s, DevUserId}, {u"name"_s, u"Dana Developer"_s}})
        .addUser(u"other"_s);
    f.addPersonalToken(u"pat-dev"_s, u"dev"_s, {u"api"_s},
                       {{u"name"_s, u"laptop"_s}, {u"expires_at"_s, u"2099-12-31"_s}})
        .addPersonalToken(u"pat-dev-read"_s, u"dev"_s, {u"read_api"_s})
        .addPersonalToken(u"pat-dev-user"_s, u"dev"_s, {u"read_user"_s})
        .addPersonalToken(u"pat-dev-forever"_s, u"dev"_s, {u"api"_s})
        .addPersonalToken(u"pat-dev-expired"_s, u"dev"_s, {u"api"_s},
                          {{u"expires_at"_s, u"2020-01-01"_s}})
        .addPersonalToken(u"pat-dev-revoked"_s, u"dev"_s, {u"api"_s}, {{u"revoked"_s, true}})
        .addPersonalToken(u"pat-other"_s, u"other"_s)
        .addOAuthToken(u"oauth-dev"_s, u"dev"_s, {u"api"_s});
    f.addJobToken(u"job-dev"_s, u"dev"_s, u"acme/widget"_s, 71, 72);
    f.addDeployToken(u"deploy-widget"_s, u"acme/widget"_s, {u"read_package_registry"_s});
    auto project = [&](int id, const QString &path, const QString &name, const QString &visibility,
                       const QMap<QString, QString> &members, const QString &created) {
        f.addProject(id, path, visibility, members,
                     {{u"name"_s, name}, {u"created_at"_s, created}});
    };
    project(1, u"acme/widget"_s, u"Widget"_s, u"private"_s, {{u"dev"_s, u"developer"_s}},
            u"2024-01-01T00:00:00.000Z"_s);
    project(2, u"acme/tools/gadget-cli"_s, u"Gadget CLI"_s, u"private"_s,
            {{u"dev"_s, u"maintainer"_s}}, u"2024-01-03T00:00:00.000Z"_s);
    project(3, u"acme/public-site"_s, u"Public Site"_s, u"public"_s, {{u"other"_s, u"owner"_s}},
            u"2024-01-02T00:00:00.000Z"_s);
    project(4, u"other/secret"_s, u"Secret"_s, u"private"_s, {{u"other"_s, u"owner"_s}},
            u"2024-01-05T00:00:00.000Z"_s);
    project(5, u"acme/guest-area"_s, u"Guest Area"_s, u"private"_s, {{u"dev"_s, u"guest"_s}},
            u"2024-01-04T00:00:00.000Z"_s);
    project(6, u"acme/internal-docs"_s, u"Internal Docs"_s, u"internal"_s,
            {{u"other"_s, u"owner"_s}}, u"2024-01-06T00:00:00.000Z"_s);
    return f.toJson();
}

QList<int> ids(const QJsonArray &array)
{
    QList<int> out;
    for (const QJsonValue &v : array)
        out << v.toObject().value(u"id"_s).toInt();
    return out;
}

QByteArray invalidToken(const char *description)
{
    return QByteArray(R"({"error":"invalid_token","error_description":")") + description + R"("})";
}

constexpr char Expired[] = "Token is expired. You can either do re-authorization or token refresh.";
constexpr char Revoked[] = "Token was revoked. You have to re-authorize from the user.";

} // namespace

Q_DECLARE_METATYPE(stevedore::test::HttpHeaders)

class TestProjectsAndIdentity final : public QObject
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

    void cleanupTestCase()
    {
        if (m_sim && m_sim->isRunning())
            QCOMPARE(m_sim->stop(), 0);
    }

    // §8.1: which projects, filtered how.
    void listProjects_data()
    {
        QTest::addColumn<QByteArray>("token"); // empty: anonymous
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QList<int>>("expected");
        QTest::addColumn<bool>("ordered");
        const QByteArray dev = "pat-dev";
        QTest::newRow("§8.1 signed in: member, public and internal projects")
            << dev << QByteArray() << QList<int>{1, 2, 3, 5, 6} << false;
        QTest::newRow("§8.1 membership=true")
            << dev << QByteArray("membership=true") << QList<int>{1, 2, 5} << false;
        QTest::newRow("§8.1 min_access_level=10")
            << dev << QByteArray("membership=true&min_access_level=10") << QList<int>{1, 2, 5}
            << false;
        QTest::newRow("§8.1 min_access_level=30 (can upload)")
            << dev << QByteArray("membership=true&min_access_level=30") << QList<int>{1, 2}
            << false;
        QTest::newRow("§8.1 min_access_level=40 (can delete)")
            << dev << QByteArray("min_access_level=40") << QList<int>{2} << false;
        QTest::newRow("§8.1 search on name, case-insensitive")
            << dev << QByteArray("search=WIDG") << QList<int>{1} << false;
        QTest::newRow("§8.1 search on path")
            << dev << QByteArray("search=gadget-cli") << QList<int>{2} << false;
        QTest::newRow("§8.1 search on name with a space")
            << dev << QByteArray("search=gadget%20cli") << QList<int>{2} << false;
        QTest::newRow("§8.1 search nothing")
            << dev << QByteArray("search=zzzz") << QList<int>{} << false;
        QTest::newRow("§8.1 order_by=id sort=asc")
            << dev << QByteArray("order_by=id&sort=asc") << QList<int>{1, 2, 3, 5, 6} << true;
        QTest::newRow("§8.1 order_by=id sort=desc")
            << dev << QByteArray("order_by=id&sort=desc") << QList<int>{6, 5, 3, 2, 1} << true;
        QTest::newRow("§8.1 order_by=name sort=asc")
            << dev << QByteArray("order_by=name&sort=asc") << QList<int>{2, 5, 6, 3, 1} << true;
        QTest::newRow("§8.1 order_by=path sort=desc")
            << dev << QByteArray("order_by=path&sort=desc") << QList<int>{1, 3, 6, 5, 2} << true;
        QTest::newRow("§8.1 order_by=created_at sort=asc")
            << dev << QByteArray("order_by=created_at&sort=asc") << QList<int>{1, 3, 2, 5, 6}
            << true;
        QTest::newRow("§8.1 anonymous sees public only")
            << QByteArray() << QByteArray() << QList<int>{3} << false;
        QTest::newRow("§8.1 anonymous search")
            << QByteArray() << QByteArray("search=site") << QList<int>{3} << false;
        QTest::newRow("§2.4 read_api lists")
            << QByteArray("pat-dev-read") << QByteArray("membership=true") << QList<int>{1, 2, 5}
            << false;
    }

    void listProjects()
    {
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, query);
        QFETCH(QList<int>, expected);
        QFETCH(bool, ordered);
        const HttpHeaders headers = token.isEmpty() ? HttpHeaders() : Http::privateToken(token);
        const HttpReply reply = m_http->get(
            "/api/v4/projects" + (query.isEmpty() ? QByteArray() : '?' + query), headers);
        SIM_COMPARE_STATUS(reply, 200);
        QList<int> actual = ids(reply.jsonArray());
        if (!ordered) {
            std::sort(actual.begin(), actual.end());
            std::sort(expected.begin(), expected.end());
        }
        QCOMPARE(actual, expected);
    }

    // §8.1: the default order is created_at desc.
    void defaultOrderIsCreatedAtDescending()
    {
        const HttpReply reply = m_http->get("/api/v4/projects", Http::privateToken("pat-dev"));
        SIM_COMPARE_STATUS(reply, 200);
        QCOMPARE(ids(reply.jsonArray()), (QList<int>{6, 5, 2, 3, 1}));
        const QStringList created = column(reply.jsonArray(), u"created_at"_s);
        QVERIFY(std::is_sorted(created.rbegin(), created.rend()));
    }

    // §8.1: simple=true fields; the full entity adds permissions etc.
    void simpleAndFullProjectFields()
    {
        const HttpReply simple = m_http->get("/api/v4/projects?simple=true&search=widget",
                                             Http::privateToken("pat-dev"));
        SIM_COMPARE_STATUS(simple, 200);
        QCOMPARE(simple.jsonArray().size(), 1);
        const QJsonObject s = simple.jsonArray().at(0).toObject();
        for (const QString &key :
             {u"id"_s, u"description"_s, u"name"_s, u"name_with_namespace"_s, u"path"_s,
              u"path_with_namespace"_s, u"created_at"_s, u"default_branch"_s, u"tag_list"_s,
              u"topics"_s, u"ssh_url_to_repo"_s, u"http_url_to_repo"_s, u"web_url"_s,
              u"readme_url"_s, u"forks_count"_s, u"avatar_url"_s, u"star_count"_s,
              u"last_activity_at"_s, u"namespace"_s})
            QVERIFY2(s.contains(key), qPrintable(u"simple entity lacks "_s + key));
        QVERIFY2(!s.contains(u"permissions"_s), "simple=true has no permissions");
        QCOMPARE(s.value(u"path"_s).toString(), u"widget"_s);
        QCOMPARE(s.value(u"path_with_namespace"_s).toString(), u"acme/widget"_s);
        const QJsonObject ns = s.value(u"namespace"_s).toObject();
        for (const QString &key : {u"id"_s, u"name"_s, u"path"_s, u"kind"_s, u"full_path"_s,
                                   u"parent_id"_s, u"avatar_url"_s, u"web_url"_s})
            QVERIFY2(ns.contains(key), qPrintable(u"namespace lacks "_s + key));
        QCOMPARE(ns.value(u"full_path"_s).toString(), u"acme"_s);

        const HttpReply full =
            m_http->get("/api/v4/projects?search=gadget", Http::privateToken("pat-dev"));
        SIM_COMPARE_STATUS(full, 200);
        const QJsonObject g = full.jsonArray().at(0).toObject();
        for (const QString &key :
             {u"permissions"_s, u"packages_enabled"_s, u"visibility"_s, u"archived"_s})
            QVERIFY2(g.contains(key), qPrintable(u"full entity lacks "_s + key));
        QCOMPARE(g.value(u"visibility"_s).toString(), u"private"_s);
        QCOMPARE(g.value(u"permissions"_s)
                     .toObject()
                     .value(u"project_access"_s)
                     .toObject()
                     .value(u"access_level"_s)
                     .toInt(),
                 40);
        QCOMPARE(g.value(u"namespace"_s).toObject().value(u"full_path"_s).toString(),
                 u"acme/tools"_s);
    }

    void listProjectsPaginates()
    {
        const HttpReply reply =
            m_http->get("/api/v4/projects?per_page=2&page=2&order_by=id&sort=asc",
                        Http::privateToken("pat-dev"));
        SIM_COMPARE_STATUS(reply, 200);
        QCOMPARE(ids(reply.jsonArray()), (QList<int>{3, 5}));
        SIM_COMPARE_HEADER(reply, "X-Total", "5");
        SIM_COMPARE_HEADER(reply, "X-Total-Pages", "3");
        SIM_COMPARE_HEADER(reply, "X-Next-Page", "3");
        SIM_COMPARE_HEADER(reply, "X-Prev-Page", "1");
        QVERIFY(reply.header("Link").contains("rel=\"next\""));
    }

    void listProjectsRejectsBadParameters_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("param");
        QTest::newRow("§8.1 min_access_level=25")
            << QByteArray("min_access_level=25") << QByteArray("min_access_level");
        QTest::newRow("§8.1 order_by=bogus")
            << QByteArray("order_by=bogus") << QByteArray("order_by");
        QTest::newRow("§8.1 sort=sideways") << QByteArray("sort=sideways") << QByteArray("sort");
    }

    void listProjectsRejectsBadParameters()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, param);
        SIM_EXPECT_REPLY(m_http->get("/api/v4/projects?" + query, Http::privateToken("pat-dev")),
                         400, R"({"error":")" + param + R"( does not have a valid value"})");
    }

    // §8.2: lookup by id and by encoded path.
    void getProject_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("expectedStatus");
        QTest::addColumn<int>("expectedId");       // for 200
        QTest::addColumn<QByteArray>("errorBody"); // otherwise
        const QByteArray dev = "pat-dev";
        const QByteArray notFound = Body404Project;
        QTest::newRow("§8.2 numeric id") << QByteArray("1") << dev << 200 << 1 << QByteArray();
        QTest::newRow("§8.2 %2F path")
            << QByteArray("acme%2Fwidget") << dev << 200 << 1 << QByteArray();
        QTest::newRow("§8.2 %2f lower-case escape")
            << QByteArray("acme%2fwidget") << dev << 200 << 1 << QByteArray();
        QTest::newRow("§8.2 path is case-insensitive")
            << QByteArray("ACME%2FWidget") << dev << 200 << 1 << QByteArray();
        QTest::newRow("§8.2 subgroup path")
            << QByteArray("acme%2Ftools%2Fgadget-cli") << dev << 200 << 2 << QByteArray();
        QTest::newRow("§8.2 unencoded slash misses the route")
            << QByteArray("acme/widget") << dev << 404 << 0
            << QByteArray(R"({"error":"404 Not Found"})");
        QTest::newRow("§8.2 unknown id") << QByteArray("999") << dev << 404 << 0 << notFound;
        QTest::newRow("§8.2 neither numeric nor a path")
            << QByteArray("widget") << dev << 404 << 0 << notFound;
        QTest::newRow("§8.2 unknown path")
            << QByteArray("acme%2Fnope") << dev << 404 << 0 << notFound;
        QTest::newRow("§2.6 invisible private project")
            << QByteArray("other%2Fsecret") << dev << 404 << 0 << notFound;
        QTest::newRow("§2.6 anonymous, private project")
            << QByteArray("1") << QByteArray() << 404 << 0 << notFound;
        QTest::newRow("§8.1 anonymous, public project")
            << QByteArray("3") << QByteArray() << 200 << 3 << QByteArray();
        QTest::newRow("§8.1 anonymous, public project by path")
            << QByteArray("acme%2Fpublic-site") << QByteArray() << 200 << 3 << QByteArray();
        QTest::newRow("§8.1 signed in, internal project")
            << QByteArray("6") << dev << 200 << 6 << QByteArray();
        QTest::newRow("§8.1 anonymous, internal project")
            << QByteArray("6") << QByteArray() << 404 << 0 << notFound;
    }

    void getProject()
    {
        QFETCH(QByteArray, id);
        QFETCH(QByteArray, token);
        QFETCH(int, expectedStatus);
        QFETCH(int, expectedId);
        QFETCH(QByteArray, errorBody);
        const HttpReply reply = m_http->get(
            "/api/v4/projects/" + id, token.isEmpty() ? HttpHeaders() : Http::privateToken(token));
        if (expectedStatus != 200) {
            SIM_EXPECT_REPLY(reply, expectedStatus, errorBody);
            return;
        }
        SIM_COMPARE_STATUS(reply, 200);
        const QJsonObject p = reply.jsonObject();
        QCOMPARE(p.value(u"id"_s).toInt(), expectedId);
        // lib/api/projects.rb: signed-in callers get ProjectWithAccess (with permissions),
        // anonymous ones ProjectDetails (without).
        QVERIFY2(p.contains(u"permissions"_s) == !token.isEmpty(),
                 "GET /projects/:id: permissions exactly for signed-in callers");
        if (expectedId == 1) {
            QCOMPARE(p.value(u"path_with_namespace"_s).toString(), u"acme/widget"_s);
            QCOMPARE(p.value(u"permissions"_s)
                         .toObject()
                         .value(u"project_access"_s)
                         .toObject()
                         .value(u"access_level"_s)
                         .toInt(),
                     30);
        }
    }

    // §8.3.
    void currentUser_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<int>("expected");
        QTest::newRow("§8.3 PAT api")
            << QByteArray("PRIVATE-TOKEN") << QByteArray("pat-dev") << QByteArray() << 200;
        QTest::newRow("§8.3 PAT read_api")
            << QByteArray("PRIVATE-TOKEN") << QByteArray("pat-dev-read") << QByteArray() << 200;
        QTest::newRow("§8.3 PAT read_user")
            << QByteArray("PRIVATE-TOKEN") << QByteArray("pat-dev-user") << QByteArray() << 200;
        QTest::newRow("§2.1 PAT as Bearer")
            << QByteArray("Authorization") << QByteArray("Bearer pat-dev") << QByteArray() << 200;
        QTest::newRow("§2.1 OAuth as Bearer")
            << QByteArray("Authorization") << QByteArray("Bearer oauth-dev") << QByteArray() << 200;
        QTest::newRow("§2.1 ?private_token=")
            << QByteArray() << QByteArray() << QByteArray("private_token=pat-dev") << 200;
        QTest::newRow("§2.1 ?access_token= (OAuth)")
            << QByteArray() << QByteArray() << QByteArray("access_token=oauth-dev") << 200;
        QTest::newRow("§8.3 bad PAT")
            << QByteArray("PRIVATE-TOKEN") << QByteArray("glpat-nope") << QByteArray() << 401;
        QTest::newRow("§8.3 no credentials") << QByteArray() << QByteArray() << QByteArray() << 401;
        QTest::newRow("§8.3 deploy token is not accepted")
            << QByteArray("Deploy-Token") << QByteArray("deploy-widget") << QByteArray() << 401;
        QTest::newRow("§8.3 job token is not accepted")
            << QByteArray("JOB-TOKEN") << QByteArray("job-dev") << QByteArray() << 401;
    }

    void currentUser()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, query);
        QFETCH(int, expected);
        HttpHeaders headers;
        if (!header.isEmpty())
            headers.emplace(header, value);
        const HttpReply reply =
            m_http->get("/api/v4/user" + (query.isEmpty() ? QByteArray() : '?' + query), headers);
        if (expected == 401) {
            SIM_EXPECT_REPLY(reply, 401, Body401);
            return;
        }
        SIM_COMPARE_STATUS(reply, 200);
        const QJsonObject user = reply.jsonObject();
        QCOMPARE(user.value(u"id"_s).toInt(), DevUserId);
        QCOMPARE(user.value(u"username"_s).toString(), u"dev"_s);
        QCOMPARE(user.value(u"name"_s).toString(), u"Dana Developer"_s);
        QCOMPARE(user.value(u"state"_s).toString(), u"active"_s);
        for (const QString &key : {u"avatar_url"_s, u"web_url"_s, u"created_at"_s, u"email"_s})
            QVERIFY2(user.contains(key), qPrintable(u"user lacks "_s + key));
    }

    // §2.7: token state errors, on the general API and on the generic routes.
    void expiredOrRevokedTokenIsInvalid_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("description");
        const QByteArray user = "/api/v4/user";
        const QByteArray self = "/api/v4/personal_access_tokens/self";
        const QByteArray generic = genericTarget(1, "mypackage/0.0.1/myfile.tar.gz");
        QTest::newRow("§2.7 expired, GET /user")
            << QByteArray("pat-dev-expired") << QByteArray("GET") << user << QByteArray(Expired);
        QTest::newRow("§2.7 revoked, GET /user")
            << QByteArray("pat-dev-revoked") << QByteArray("GET") << user << QByteArray(Revoked);
        QTest::newRow("§2.7 expired, GET /personal_access_tokens/self")
            << QByteArray("pat-dev-expired") << QByteArray("GET") << self << QByteArray(Expired);
        QTest::newRow("§2.7 revoked, GET /projects")
            << QByteArray("pat-dev-revoked") << QByteArray("GET") << QByteArray("/api/v4/projects")
            << QByteArray(Revoked);
        QTest::newRow("§2.3 expired, generic upload")
            << QByteArray("pat-dev-expired") << QByteArray("PUT") << generic << QByteArray(Expired);
        QTest::newRow("§2.3 revoked, generic download")
            << QByteArray("pat-dev-revoked") << QByteArray("GET") << generic << QByteArray(Revoked);
    }

    void expiredOrRevokedTokenIsInvalid()
    {
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, description);
        const HttpReply reply = m_http->request(method, target, Http::privateToken(token),
                                                method == "PUT" ? QByteArray("x") : QByteArray());
        SIM_EXPECT_REPLY(reply, 401, invalidToken(description.constData()));
        SIM_COMPARE_HEADER(reply, "WWW-Authenticate",
                           "Bearer realm=\"The API\", error=\"invalid_token\", error_description=\""
                               + description + '"');
    }

    // §8.4.
    void tokenSelfInformation_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QStringList>("scopes");
        QTest::addColumn<QString>("expiresAt"); // prefix; empty: null
        QTest::newRow("§8.4 api PAT with expiry")
            << QByteArray("pat-dev") << QStringList{u"api"_s} << u"2099-12-31"_s;
        QTest::newRow("§8.4 PAT without expiry")
            << QByteArray("pat-dev-forever") << QStringList{u"api"_s} << QString();
        QTest::newRow("§8.4 any scope: read_user")
            << QByteArray("pat-dev-user") << QStringList{u"read_user"_s} << QString();
        QTest::newRow("§8.4 any scope: read_api")
            << QByteArray("pat-dev-read") << QStringList{u"read_api"_s} << QString();
    }

    void tokenSelfInformation()
    {
        QFETCH(QByteArray, token);
        QFETCH(QStringList, scopes);
        QFETCH(QString, expiresAt);
        const HttpReply reply =
            m_http->get("/api/v4/personal_access_tokens/self", Http::privateToken(token));
        SIM_COMPARE_STATUS(reply, 200);
        const QJsonObject t = reply.jsonObject();
        for (const QString &key :
             {u"id"_s, u"name"_s, u"description"_s, u"active"_s, u"revoked"_s, u"created_at"_s,
              u"last_used_at"_s, u"user_id"_s, u"scopes"_s, u"expires_at"_s, u"expired"_s})
            QVERIFY2(t.contains(key),
                     qPrintable(u"token lacks "_s + key + u": "_s + reply.describe()));
        QCOMPARE(t.value(u"user_id"_s).toInt(), DevUserId);
        QCOMPARE(t.value(u"active"_s).toBool(), true);
        QCOMPARE(t.value(u"revoked"_s).toBool(), false);
        QCOMPARE(t.value(u"expired"_s).toBool(), false);
        QStringList actualScopes;
        for (const QJsonValue &v : t.value(u"scopes"_s).toArray())
            actualScopes << v.toString();
        QCOMPARE(actualScopes, scopes);
        if (expiresAt.isEmpty()) {
            QVERIFY2(t.value(u"expires_at"_s).isNull(), qPrintable(reply.describe()));
        } else {
            // ISO 8601: `YYYY-MM-DD` (older) or a full timestamp (newer).
            QVERIFY2(t.value(u"expires_at"_s).toString().startsWith(expiresAt),
                     qPrintable(reply.describe()));
        }
        if (token == "pat-dev")
            QCOMPARE(t.value(u"name"_s).toString(), u"laptop"_s);
    }

    void tokenSelfRejectsOtherTokenKinds_data()
    {
        QTest::addColumn<HttpHeaders>("headers");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("§8.4 OAuth token → 400")
            << Http::bearer("oauth-dev") << 400
            << QByteArray(
                   R"({"message":"400 Bad request - This endpoint requires token type to be a personal access token"})");
        QTest::newRow("§8.4 bad token → 401")
            << Http::privateToken("glpat-nope") << 401 << QByteArray(Body401);
        QTest::newRow("§8.4 no token → 401") << HttpHeaders() << 401 << QByteArray(Body401);
    }

    void tokenSelfRejectsOtherTokenKinds()
    {
        QFETCH(HttpHeaders, headers);
        QFETCH(int, expected);
        QFETCH(QByteArray, body);
        SIM_EXPECT_REPLY(m_http->get("/api/v4/personal_access_tokens/self", headers), expected,
                         body);
    }

    // §2.4: read_api allows only GET/HEAD; read_user only GET /user.
    void insufficientScope_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("§2.4 read_api PAT, generic PUT")
            << QByteArray("pat-dev-read") << QByteArray("PUT")
            << genericTarget(1, "mypackage/0.0.1/myfile.tar.gz");
        QTest::newRow("§2.4 read_user PAT, GET /projects")
            << QByteArray("pat-dev-user") << QByteArray("GET") << QByteArray("/api/v4/projects");
        QTest::newRow("§2.4 read_user PAT, generic GET")
            << QByteArray("pat-dev-user") << QByteArray("GET")
            << genericTarget(1, "mypackage/0.0.1/myfile.tar.gz");
    }

    void insufficientScope()
    {
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        const HttpReply reply = m_http->request(method, target, Http::privateToken(token),
                                                method == "PUT" ? QByteArray("x") : QByteArray());
        SIM_EXPECT_REPLY(reply, 403, BodyInsufficientScope);
    }

    // A read_api token downloads (§2.4).
    void readApiTokenMayDownload()
    {
        SIM_COMPARE_STATUS(m_http->put(genericTarget(1, "scoped/1.0.0/f.txt"), "scoped\n",
                                       Http::privateToken("pat-dev")),
                           201);
        const HttpReply reply =
            m_http->get(genericTarget(1, "scoped/1.0.0/f.txt"), Http::privateToken("pat-dev-read"));
        SIM_COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.body, QByteArray("scoped\n"));
    }

    // Every route outside the API answers the catch-all (§9).
    void unknownRouteIsNotFound()
    {
        SIM_EXPECT_REPLY(m_http->get("/api/v4/no/such/route", Http::privateToken("pat-dev")), 404,
                         R"({"error":"404 Not Found"})");
    }
};

QTEST_GUILESS_MAIN(TestProjectsAndIdentity)
#include "TestProjectsAndIdentity.moc"
