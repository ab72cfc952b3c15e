// §5 (packages API) and §6 (package files API): listing, filters, ordering, entity
// fields and links, single package, deletion, and who may do what.

#include "SimTest.h"

#include <QObject>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using namespace Qt::StringLiterals;

namespace {

constexpr int ProjectId = 5; // read-only: ordering and filtering
constexpr int MutableId = 6; // deletions and uploads

struct FixturePackage
{
    const char *name;
    const char *version;
    const char *status;
    const char *createdAt;
};

// id order (fixture order) differs from created_at order on purpose.
const FixturePackage Packages[] = {
    {"alpha", "1.9.0", "default", "2024-01-03T10:00:00.000Z"},
    {"alpha", "1.10.0", "default", "2024-01-01T10:00:00.000Z"},
    {"beta-tool", "2.0.0", "default", "2024-01-05T10:00:00.000Z"},
    {"gamma", "1.0.0", "hidden", "2024-01-02T10:00:00.000Z"},
    {"delta", "1.0.0", "error", "2024-01-04T10:00:00.000Z"},
    {"zeta", "3.0.0", "deprecated", "2024-01-06T10:00:00.000Z"},
    {"eps", "1.0.0", "processing", "2024-01-07T10:00:00.000Z"},
    {"alpha", "0.1.0", "error", "2024-01-08T10:00:00.000Z"},
    {"alpha", "2.0.0", "hidden", "2024-01-09T10:00:00.000Z"},
};

QJsonObject fixture()
{
    Fixture f;
    for (const QString &user : {u"maint"_s, u"dev"_s, u"guest"_s, u"outsider"_s})
        f.addUser(user).addPersonalToken(u"pat-"_s + user, user);
    f.addPersonalToken(u"pat-maint-read"_s, u"maint"_s, {u"read_api"_s});
    f.addJobToken(u"job-dev"_s, u"dev"_s, u"grp/mutable"_s, 4001, 3001);
    f.addDeployToken(u"deploy-rw"_s, u"grp/proj"_s,
                     {u"read_package_registry"_s, u"write_package_registry"_s});
    const QMap<QString, QString> members{
        {u"maint"_s, u"maintainer"_s}, {u"dev"_s, u"developer"_s}, {u"guest"_s, u"guest"_s}};
    f.addProject(ProjectId, u"grp/proj"_s, u"private"_s, members);
    f.addProject(MutableId, u"grp/mutable"_s, u"private"_s, members);
    for (const FixturePackage &p : Packages) {
        f.addPackage(u"grp/proj"_s, QString::fromLatin1(p.name), QString::fromLatin1(p.version),
                     {Fixture::file(u"file.txt"_s, QByteArray(p.name) + ' ' + p.version + '\n')},
                     {{u"status"_s, QString::fromLatin1(p.status)},
                      {u"created_at"_s, QString::fromLatin1(p.createdAt)}});
    }
    // A package whose files test §6: ids b, a, c, a(dup); created_at a, c, b, a(dup).
    f.addPackage(
        u"grp/proj"_s, u"files-pkg"_s, u"1.0.0"_s,
        {Fixture::file(u"b.txt"_s, "b\n", {{u"created_at"_s, u"2024-02-03T00:00:00.000Z"_s}}),
         Fixture::file(u"a.txt"_s, "a first\n", {{u"created_at"_s, u"2024-02-01T00:00:00.000Z"_s}}),
         Fixture::file(u"c.txt"_s, "c\n", {{u"created_at"_s, u"2024-02-02T00:00:00.000Z"_s}}),
         Fixture::file(u"a.txt"_s, "a second\n",
                       {{u"created_at"_s, u"2024-02-04T00:00:00.000Z"_s}})},
        {{u"created_at"_s, u"2024-01-10T10:00:00.000Z"_s}});
    f.addPackage(u"grp/mutable"_s, u"doomed"_s, u"1.0.0"_s,
                 {Fixture::file(u"file.txt"_s, "doomed\n")});
    f.addPackage(u"grp/mutable"_s, u"kept"_s, u"1.0.0"_s,
                 {Fixture::file(u"one.txt"_s, "one\n"), Fixture::file(u"two.txt"_s, "two\n")});
    return f.toJson();
}

HttpHeaders pat(const char *user)
{
    return Http::privateToken(QByteArray("pat-") + user);
}

QString nameVersion(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    return o.value(u"name"_s).toString() + u'@' + o.value(u"version"_s).toString();
}

QStringList nameVersions(const QJsonArray &array)
{
    QStringList out;
    for (const QJsonValue &v : array)
        out << nameVersion(v);
    return out;
}

} // namespace

class TestPackagesApi final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<Http> m_http;

    QJsonObject findPackage(int project, const QString &name, const QString &version,
                            const QByteArray &status = {})
    {
        QByteArray query = "package_type=generic&per_page=100&package_name=" + name.toUtf8();
        if (!status.isEmpty())
            query += "&status=" + status;
        const HttpReply reply = m_http->get(packagesTarget(project, query), pat("maint"));
        for (const QJsonValue &v : reply.jsonArray()) {
            if (v.toObject().value(u"name"_s).toString() == name
                && v.toObject().value(u"version"_s).toString() == version)
                return v.toObject();
        }
        return {};
    }

    QByteArray packageTarget(int project, qint64 id) const
    {
        return "/api/v4/projects/" + QByteArray::number(project) + "/packages/"
               + QByteArray::number(id);
    }

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

    // §5.1: filters, default status set, ordering.
    void listFiltersAndOrders_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QStringList>("expected"); // name@version, in order
        QTest::addColumn<bool>("ordered");         // false: compare as sets
        const QString files = u"files-pkg@1.0.0"_s;
        // Default: displayable statuses (default, error, deprecated), created_at asc.
        QTest::newRow("§5.1 default: displayable only, created_at asc")
            << QByteArray("package_type=generic")
            << QStringList{u"alpha@1.10.0"_s,
                           u"alpha@1.9.0"_s,
                           u"delta@1.0.0"_s,
                           u"beta-tool@2.0.0"_s,
                           u"zeta@3.0.0"_s,
                           u"alpha@0.1.0"_s,
                           files}
            << true;
        QTest::newRow("§5.1 order_by=created_at sort=desc")
            << QByteArray("package_type=generic&order_by=created_at&sort=desc")
            << QStringList{files,
                           u"alpha@0.1.0"_s,
                           u"zeta@3.0.0"_s,
                           u"beta-tool@2.0.0"_s,
                           u"delta@1.0.0"_s,
                           u"alpha@1.9.0"_s,
                           u"alpha@1.10.0"_s}
            << true;
        QTest::newRow("§5.1 order_by=version is a string sort")
            << QByteArray("package_type=generic&order_by=version&package_name=alpha")
            << QStringList{u"alpha@0.1.0"_s, u"alpha@1.10.0"_s, u"alpha@1.9.0"_s} << true;
        QTest::newRow("§5.1 order_by=version sort=desc")
            << QByteArray("package_type=generic&order_by=version&sort=desc&package_name=alpha")
            << QStringList{u"alpha@1.9.0"_s, u"alpha@1.10.0"_s, u"alpha@0.1.0"_s} << true;
        QTest::newRow("§5.1 hidden only with status=hidden")
            << QByteArray("package_type=generic&status=hidden")
            << QStringList{u"gamma@1.0.0"_s, u"alpha@2.0.0"_s} << false;
        QTest::newRow("§5.1 status=default")
            << QByteArray("package_type=generic&status=default")
            << QStringList{u"alpha@1.9.0"_s, u"alpha@1.10.0"_s, u"beta-tool@2.0.0"_s, files}
            << false;
        QTest::newRow("§5.1 status=error")
            << QByteArray("status=error") << QStringList{u"delta@1.0.0"_s, u"alpha@0.1.0"_s}
            << false;
        QTest::newRow("§5.1 status=processing")
            << QByteArray("status=processing") << QStringList{u"eps@1.0.0"_s} << false;
        QTest::newRow("§5.1 status=deprecated")
            << QByteArray("status=deprecated") << QStringList{u"zeta@3.0.0"_s} << false;
        QTest::newRow("§5.1 package_name is case-insensitive (ALP)")
            << QByteArray("package_name=ALP")
            << QStringList{u"alpha@1.9.0"_s, u"alpha@1.10.0"_s, u"alpha@0.1.0"_s} << false;
        QTest::newRow("§5.1 package_name is a substring (ta)")
            << QByteArray("package_name=ta")
            << QStringList{u"beta-tool@2.0.0"_s, u"delta@1.0.0"_s, u"zeta@3.0.0"_s} << false;
        QTest::newRow("§5.1 package_name one letter (z)")
            << QByteArray("package_name=z") << QStringList{u"zeta@3.0.0"_s} << false;
        QTest::newRow("§5.1 package_version exact")
            << QByteArray("package_version=1.9.0") << QStringList{u"alpha@1.9.0"_s} << false;
        QTest::newRow("§5.1 package_version is not a prefix match")
            << QByteArray("package_version=1.9") << QStringList() << false;
        QTest::newRow("§5.1 package_type=npm")
            << QByteArray("package_type=npm") << QStringList() << false;
        QTest::newRow("§5.1 package_name and package_version")
            << QByteArray("package_name=alpha&package_version=1.10.0")
            << QStringList{u"alpha@1.10.0"_s} << false;
    }

    // GitLab's nginx compresses JSON with gzip, whatever else a client offers; cpp-httplib on
    // its own would choose Brotli.
    void jsonIsGzippedAsGitLabDoes()
    {
        const HttpReply offered =
            m_http->get(packagesTarget(ProjectId, "package_type=generic"),
                        pat("maint") + HttpHeaders{{"Accept-Encoding", "zstd, br, gzip, deflate"}});
        SIM_COMPARE_STATUS(offered, 200);
        QCOMPARE(offered.header("Content-Encoding"), QByteArray("gzip"));
        const HttpReply plain =
            m_http->get(packagesTarget(ProjectId, "package_type=generic"), pat("maint"));
        SIM_COMPARE_STATUS(plain, 200);
        QVERIFY(plain.header("Content-Encoding").isEmpty());
        QVERIFY(plain.jsonArray().size() > 0);
    }

    void listFiltersAndOrders()
    {
        QFETCH(QByteArray, query);
        QFETCH(QStringList, expected);
        QFETCH(bool, ordered);
        const HttpReply reply = m_http->get(packagesTarget(ProjectId, query), pat("maint"));
        SIM_COMPARE_STATUS(reply, 200);
        QCOMPARE(mediaType(reply.header("Content-Type")), QByteArray("application/json"));
        QStringList actual = nameVersions(reply.jsonArray());
        if (!ordered) {
            actual.sort();
            expected.sort();
        }
        QCOMPARE(actual, expected);
    }

    // §5.1: order_by=name (ties in any order).
    void listOrderedByName_data()
    {
        QTest::addColumn<QByteArray>("sort");
        QTest::newRow("§5.1 order_by=name asc") << QByteArray("asc");
        QTest::newRow("§5.1 order_by=name desc") << QByteArray("desc");
    }

    void listOrderedByName()
    {
        QFETCH(QByteArray, sort);
        const HttpReply reply =
            m_http->get(packagesTarget(ProjectId, "order_by=name&sort=" + sort), pat("maint"));
        SIM_COMPARE_STATUS(reply, 200);
        const QStringList names = column(reply.jsonArray(), u"name"_s);
        QStringList expected{u"alpha"_s, u"alpha"_s,     u"alpha"_s, u"beta-tool"_s,
                             u"delta"_s, u"files-pkg"_s, u"zeta"_s};
        if (sort == "desc")
            std::reverse(expected.begin(), expected.end());
        QCOMPARE(names, expected);
    }

    // §5.1: bad enum values.
    void listRejectsBadEnumValue_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("param");
        QTest::newRow("§5.1 order_by=bogus")
            << QByteArray("order_by=bogus") << QByteArray("order_by");
        QTest::newRow("§5.1 sort=up") << QByteArray("sort=up") << QByteArray("sort");
        QTest::newRow("§5.1 package_type=bogus")
            << QByteArray("package_type=bogus") << QByteArray("package_type");
        QTest::newRow("§5.1 status=bogus") << QByteArray("status=bogus") << QByteArray("status");
    }

    void listRejectsBadEnumValue()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, param);
        const HttpReply reply = m_http->get(packagesTarget(ProjectId, query), pat("maint"));
        SIM_EXPECT_REPLY(reply, 400, R"({"error":")" + param + R"( does not have a valid value"})");
    }

    // §5.2: entity fields.
    void packageEntityHasDocumentedFields()
    {
        const QJsonObject p = findPackage(ProjectId, u"alpha"_s, u"1.9.0"_s);
        QVERIFY(!p.isEmpty());
        QVERIFY(p.value(u"id"_s).isDouble());
        QCOMPARE(p.value(u"package_type"_s).toString(), u"generic"_s);
        QCOMPARE(p.value(u"status"_s).toString(), u"default"_s);
        QCOMPARE(p.value(u"created_at"_s).toString(), u"2024-01-03T10:00:00.000Z"_s);
        QVERIFY(p.contains(u"last_downloaded_at"_s));
        QVERIFY(p.value(u"tags"_s).isArray());
        QVERIFY2(!p.contains(u"pipeline"_s) && !p.contains(u"pipelines"_s),
                 "no build info, no pipeline keys");
        QVERIFY(!p.contains(u"versions"_s)); // single GET only
    }

    // §5.2: _links.web_path only for default/deprecated; delete_api_path only for callers
    // who may delete, as an absolute URL on the external URL.
    void packageLinksDependOnStatusAndCaller_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QByteArray>("status"); // list filter
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<bool>("webPath");
        QTest::addColumn<bool>("deletePath");
        QTest::newRow("§5.2 default, maintainer")
            << u"alpha"_s << u"1.9.0"_s << QByteArray() << QByteArray("maint") << true << true;
        QTest::newRow("§5.2 default, developer")
            << u"alpha"_s << u"1.9.0"_s << QByteArray() << QByteArray("dev") << true << false;
        QTest::newRow("§5.2 default, guest")
            << u"alpha"_s << u"1.9.0"_s << QByteArray() << QByteArray("guest") << true << false;
        QTest::newRow("§5.2 deprecated, maintainer")
            << u"zeta"_s << u"3.0.0"_s << QByteArray() << QByteArray("maint") << true << true;
        QTest::newRow("§5.2 error, maintainer")
            << u"delta"_s << u"1.0.0"_s << QByteArray() << QByteArray("maint") << false << true;
        QTest::newRow("§5.2 hidden, maintainer") << u"gamma"_s << u"1.0.0"_s << QByteArray("hidden")
                                                 << QByteArray("maint") << false << true;
    }

    void packageLinksDependOnStatusAndCaller()
    {
        QFETCH(QString, name);
        QFETCH(QString, version);
        QFETCH(QByteArray, status);
        QFETCH(QByteArray, user);
        QFETCH(bool, webPath);
        QFETCH(bool, deletePath);
        QByteArray query = "package_name=" + name.toUtf8() + "&package_version=" + version.toUtf8();
        if (!status.isEmpty())
            query += "&status=" + status;
        const HttpReply reply =
            m_http->get(packagesTarget(ProjectId, query), pat(user.constData()));
        SIM_COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.jsonArray().size(), 1);
        const QJsonObject p = reply.jsonArray().at(0).toObject();
        const QString id = QString::number(p.value(u"id"_s).toInteger());
        const QJsonObject links = p.value(u"_links"_s).toObject();
        const QString context = compactJson(QJsonDocument(p));
        QCOMPARE(links.contains(u"web_path"_s), webPath);
        if (webPath)
            QCOMPARE(links.value(u"web_path"_s).toString(), u"/grp/proj/-/packages/"_s + id);
        QVERIFY2(links.contains(u"delete_api_path"_s) == deletePath, qPrintable(context));
        if (deletePath) {
            QCOMPARE(links.value(u"delete_api_path"_s).toString(),
                     m_sim->baseUrl().toString() + u"/api/v4/projects/5/packages/"_s + id);
        }
    }

    // §5.3: a single package, with its other displayable versions.
    void singlePackageListsOtherVersions()
    {
        const QJsonObject p = findPackage(ProjectId, u"alpha"_s, u"1.9.0"_s);
        const HttpReply reply =
            m_http->get(packageTarget(ProjectId, p.value(u"id"_s).toInteger()), pat("guest"));
        SIM_COMPARE_STATUS(reply, 200);
        const QJsonObject one = reply.jsonObject();
        QCOMPARE(one.value(u"name"_s).toString(), u"alpha"_s);
        QCOMPARE(one.value(u"version"_s).toString(), u"1.9.0"_s);
        QVERIFY(one.value(u"versions"_s).isArray());
        const QJsonArray versions = one.value(u"versions"_s).toArray();
        // The others (not itself), displayable only (not hidden 2.0.0), ordered by version.
        QCOMPARE(column(versions, u"version"_s), (QStringList{u"0.1.0"_s, u"1.10.0"_s}));
        for (const QJsonValue &v : versions) {
            const QJsonObject o = v.toObject();
            for (const QString &key : {u"id"_s, u"version"_s, u"created_at"_s, u"tags"_s})
                QVERIFY2(o.contains(key), qPrintable(u"versions[] lacks "_s + key));
        }
    }

    void singlePackageNotFound_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("§5.3 hidden → 404 Not found")
            << u"gamma"_s << u"1.0.0"_s << QByteArray("hidden") << QByteArray(Body404NotFoundLower);
        QTest::newRow("§5.3 processing → 404 Not found")
            << u"eps"_s << u"1.0.0"_s << QByteArray("processing")
            << QByteArray(Body404NotFoundLower);
        QTest::newRow("§5.3 error → Package not found")
            << u"delta"_s << u"1.0.0"_s << QByteArray()
            << QByteArray(R"({"message":"Package not found"})");
    }

    void singlePackageNotFound()
    {
        QFETCH(QString, name);
        QFETCH(QString, version);
        QFETCH(QByteArray, status);
        QFETCH(QByteArray, body);
        const QJsonObject p = findPackage(ProjectId, name, version, status);
        QVERIFY(!p.isEmpty());
        SIM_EXPECT_REPLY(
            m_http->get(packageTarget(ProjectId, p.value(u"id"_s).toInteger()), pat("maint")), 404,
            body);
    }

    void unknownPackageIdIsNotFound()
    {
        SIM_EXPECT_REPLY(m_http->get(packageTarget(ProjectId, 987654), pat("maint")), 404,
                         Body404NotFoundLower);
    }

    // §6.1: package files, ordering, duplicates as separate entries, fields.
    void packageFilesListOrders_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("§6.1 default id asc")
            << QByteArray() << QStringList{u"b.txt"_s, u"a.txt"_s, u"c.txt"_s, u"a.txt"_s};
        QTest::newRow("§6.1 sort=desc")
            << QByteArray("sort=desc")
            << QStringList{u"a.txt"_s, u"c.txt"_s, u"a.txt"_s, u"b.txt"_s};
        QTest::newRow("§6.1 order_by=file_name")
            << QByteArray("order_by=file_name")
            << QStringList{u"a.txt"_s, u"a.txt"_s, u"b.txt"_s, u"c.txt"_s};
        QTest::newRow("§6.1 order_by=file_name sort=desc")
            << QByteArray("order_by=file_name&sort=desc")
            << QStringList{u"c.txt"_s, u"b.txt"_s, u"a.txt"_s, u"a.txt"_s};
        QTest::newRow("§6.1 order_by=created_at")
            << QByteArray("order_by=created_at")
            << QStringList{u"a.txt"_s, u"c.txt"_s, u"b.txt"_s, u"a.txt"_s};
        QTest::newRow("§6.1 order_by=id sort=asc")
            << QByteArray("order_by=id&sort=asc")
            << QStringList{u"b.txt"_s, u"a.txt"_s, u"c.txt"_s, u"a.txt"_s};
    }

    void packageFilesListOrders()
    {
        QFETCH(QByteArray, query);
        QFETCH(QStringList, expected);
        const QJsonObject p = findPackage(ProjectId, u"files-pkg"_s, u"1.0.0"_s);
        QVERIFY(!p.isEmpty());
        const HttpReply reply = m_http->get(
            packageFilesTarget(ProjectId, p.value(u"id"_s).toInteger(), query), pat("guest"));
        SIM_COMPARE_STATUS(reply, 200);
        const QJsonArray files = reply.jsonArray();
        QCOMPARE(column(files, u"file_name"_s), expected);
        if (query.isEmpty()) {
            QList<qint64> ids;
            for (const QJsonValue &v : files)
                ids << v.toObject().value(u"id"_s).toInteger();
            QVERIFY(std::is_sorted(ids.begin(), ids.end()));
        }
    }

    void packageFileEntityHasDocumentedFields()
    {
        const QJsonObject p = findPackage(ProjectId, u"files-pkg"_s, u"1.0.0"_s);
        const HttpReply reply =
            m_http->get(packageFilesTarget(ProjectId, p.value(u"id"_s).toInteger()), pat("maint"));
        SIM_COMPARE_STATUS(reply, 200);
        const QJsonObject b = reply.jsonArray().at(0).toObject();
        QCOMPARE(b.value(u"package_id"_s).toInteger(), p.value(u"id"_s).toInteger());
        QCOMPARE(b.value(u"file_name"_s).toString(), u"b.txt"_s);
        QCOMPARE(b.value(u"size"_s).toInteger(), 2);
        QCOMPARE(b.value(u"created_at"_s).toString(), u"2024-02-03T00:00:00.000Z"_s);
        QVERIFY(b.contains(u"file_md5"_s) && b.value(u"file_md5"_s).isNull());
        QVERIFY(b.contains(u"file_sha1"_s) && b.value(u"file_sha1"_s).isNull());
        QCOMPARE(b.value(u"file_sha256"_s).toString().toLatin1(), sha256Hex("b\n"));
        QVERIFY(QRegularExpression(u"^[0-9a-f]{64}$"_s)
                    .match(b.value(u"file_sha256"_s).toString())
                    .hasMatch());
    }

    void packageFilesRejectBadOrder()
    {
        const QJsonObject p = findPackage(ProjectId, u"files-pkg"_s, u"1.0.0"_s);
        SIM_EXPECT_REPLY(m_http->get(packageFilesTarget(ProjectId, p.value(u"id"_s).toInteger(),
                                                        "order_by=size"),
                                     pat("maint")),
                         400, R"({"error":"order_by does not have a valid value"})");
    }

    // §6.1 (inferred, simulator default): a hidden package's files give 404.
    void hiddenPackageFilesAreNotFound()
    {
        const QJsonObject p = findPackage(ProjectId, u"gamma"_s, u"1.0.0"_s, "hidden");
        QVERIFY(!p.isEmpty());
        const HttpReply reply =
            m_http->get(packageFilesTarget(ProjectId, p.value(u"id"_s).toInteger()), pat("maint"));
        SIM_COMPARE_STATUS(reply, 404);
        QVERIFY2(reply.jsonObject().value(u"message"_s).toString().startsWith(u"404 "_s),
                 qPrintable(reply.describe()));
    }

    // §2.5, §2.4, §2.6 for the packages API.
    void accessRules_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("who");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QByteArray>("body");
        const QByteArray list = packagesTarget(ProjectId);
        QTest::newRow("§2.5 guest lists (Guests read)")
            << QByteArray("GET") << list << QByteArray("guest") << 200 << QByteArray();
        QTest::newRow("§2.5 read_api PAT lists")
            << QByteArray("GET") << list << QByteArray("maint-read") << 200 << QByteArray();
        QTest::newRow("§5 non-member → 404 Project Not Found")
            << QByteArray("GET") << list << QByteArray("outsider") << 404
            << QByteArray(Body404Project);
        QTest::newRow("§5 anonymous, private → 404 Project Not Found")
            << QByteArray("GET") << list << QByteArray() << 404 << QByteArray(Body404Project);
        QTest::newRow("§2.1 deploy token is not for the packages API")
            << QByteArray("GET") << list << QByteArray("deploy") << 404
            << QByteArray(Body404Project);
        QTest::newRow("§5 missing project → 404 Project Not Found")
            << QByteArray("GET") << packagesTarget(424242) << QByteArray("maint") << 404
            << QByteArray(Body404Project);
        QTest::newRow("§2.3 bad PAT → 401")
            << QByteArray("GET") << list << QByteArray("bad") << 401 << QByteArray(Body401);
    }

    void accessRules()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, who);
        QFETCH(int, expected);
        QFETCH(QByteArray, body);
        HttpHeaders headers;
        if (who == "deploy")
            headers = Http::deployToken("deploy-rw");
        else if (who == "bad")
            headers = Http::privateToken("glpat-nope");
        else if (!who.isEmpty())
            headers = Http::privateToken("pat-" + who);
        const HttpReply reply = m_http->request(method, target, headers);
        SIM_COMPARE_STATUS(reply, expected);
        if (!body.isEmpty())
            SIM_COMPARE_JSON_BODY(reply, body);
    }

    // §2.5 / §2.4 / §5.4 / §6.2: who may delete.
    void deleteIsRefusedBelowMaintainer_data()
    {
        QTest::addColumn<QByteArray>("who");
        QTest::addColumn<bool>("file");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("§2.5 guest deletes package → 403")
            << QByteArray("guest") << false << QByteArray(Body403);
        QTest::newRow("§2.5 developer deletes package → 403")
            << QByteArray("dev") << false << QByteArray(Body403);
        QTest::newRow("§2.4 read_api PAT deletes package → insufficient_scope")
            << QByteArray("maint-read") << false << QByteArray(BodyInsufficientScope);
        QTest::newRow("§2.5 guest deletes file → 403")
            << QByteArray("guest") << true << QByteArray(Body403);
        QTest::newRow("§2.5 developer deletes file → 403")
            << QByteArray("dev") << true << QByteArray(Body403);
        QTest::newRow("§2.4 read_api PAT deletes file → insufficient_scope")
            << QByteArray("maint-read") << true << QByteArray(BodyInsufficientScope);
    }

    void deleteIsRefusedBelowMaintainer()
    {
        QFETCH(QByteArray, who);
        QFETCH(bool, file);
        QFETCH(QByteArray, body);
        const QJsonObject p = findPackage(MutableId, u"kept"_s, u"1.0.0"_s);
        QVERIFY(!p.isEmpty());
        const qint64 id = p.value(u"id"_s).toInteger();
        QByteArray target = packageTarget(MutableId, id);
        if (file) {
            const HttpReply files = m_http->get(packageFilesTarget(MutableId, id), pat("maint"));
            target +=
                "/package_files/"
                + QByteArray::number(files.jsonArray().at(0).toObject().value(u"id"_s).toInteger());
        }
        SIM_EXPECT_REPLY(m_http->del(target, Http::privateToken("pat-" + who)), 403, body);
        QCOMPARE(m_http->get(packageFilesTarget(MutableId, id), pat("maint")).jsonArray().size(),
                 2);
    }

    // §5.4: delete → 204; gone from the list, the single GET and downloads; a new upload
    // of the same name+version is a new package.
    void deletedPackageIsGoneAndReuploadCreatesNewOne()
    {
        const QJsonObject p = findPackage(MutableId, u"doomed"_s, u"1.0.0"_s);
        QVERIFY(!p.isEmpty());
        const qint64 id = p.value(u"id"_s).toInteger();
        const HttpReply deleted = m_http->del(packageTarget(MutableId, id), pat("maint"));
        SIM_COMPARE_STATUS(deleted, 204);
        QVERIFY(deleted.body.isEmpty());

        QVERIFY(findPackage(MutableId, u"doomed"_s, u"1.0.0"_s).isEmpty());
        SIM_EXPECT_REPLY(m_http->get(packageTarget(MutableId, id), pat("maint")), 404,
                         Body404NotFoundLower);
        SIM_EXPECT_REPLY(
            m_http->get(genericTarget(MutableId, "doomed/1.0.0/file.txt"), pat("maint")), 404,
            Body404NotFoundLower);

        SIM_EXPECT_REPLY(
            m_http->put(genericTarget(MutableId, "doomed/1.0.0/file.txt"), "reborn\n", pat("dev")),
            201, Body201);
        const QJsonObject reborn = findPackage(MutableId, u"doomed"_s, u"1.0.0"_s);
        QVERIFY(!reborn.isEmpty());
        QVERIFY(reborn.value(u"id"_s).toInteger() != id);
        const HttpReply download =
            m_http->get(genericTarget(MutableId, "doomed/1.0.0/file.txt"), pat("maint"));
        SIM_COMPARE_STATUS(download, 200);
        QCOMPARE(download.body, QByteArray("reborn\n"));
    }

    // §6.2: delete one file → 204; listing and downloads follow; unknown ids → 404.
    void deletePackageFile()
    {
        // Duplicates: delete the newest a.txt, and the older copy downloads again.
        QVERIFY(
            m_http->put(genericTarget(MutableId, "dups/1.0.0/a.txt"), "older", pat("dev")).status
            == 201);
        QVERIFY(
            m_http->put(genericTarget(MutableId, "dups/1.0.0/a.txt"), "newer", pat("dev")).status
            == 201);
        const QJsonObject p = findPackage(MutableId, u"dups"_s, u"1.0.0"_s);
        QVERIFY(!p.isEmpty());
        const qint64 packageId = p.value(u"id"_s).toInteger();
        const HttpReply before =
            m_http->get(packageFilesTarget(MutableId, packageId), pat("maint"));
        QCOMPARE(before.jsonArray().size(), 2);
        const qint64 newest = before.jsonArray().at(1).toObject().value(u"id"_s).toInteger();
        const QByteArray fileTarget =
            packageTarget(MutableId, packageId) + "/package_files/" + QByteArray::number(newest);

        const HttpReply deleted = m_http->del(fileTarget, pat("maint"));
        SIM_COMPARE_STATUS(deleted, 204);
        QVERIFY(deleted.body.isEmpty());
        const HttpReply after = m_http->get(packageFilesTarget(MutableId, packageId), pat("maint"));
        QCOMPARE(after.jsonArray().size(), 1);
        const HttpReply download =
            m_http->get(genericTarget(MutableId, "dups/1.0.0/a.txt"), pat("maint"));
        SIM_COMPARE_STATUS(download, 200);
        QCOMPARE(download.body, QByteArray("older"));

        SIM_EXPECT_REPLY(m_http->del(fileTarget, pat("maint")), 404,
                         Body404Generic); // already gone
        SIM_EXPECT_REPLY(
            m_http->del(packageTarget(MutableId, packageId) + "/package_files/99999", pat("maint")),
            404, Body404Generic);
        // A file of another package.
        const QJsonObject kept = findPackage(MutableId, u"kept"_s, u"1.0.0"_s);
        const HttpReply keptFiles = m_http->get(
            packageFilesTarget(MutableId, kept.value(u"id"_s).toInteger()), pat("maint"));
        const qint64 foreign = keptFiles.jsonArray().at(0).toObject().value(u"id"_s).toInteger();
        SIM_EXPECT_REPLY(m_http->del(packageTarget(MutableId, packageId) + "/package_files/"
                                         + QByteArray::number(foreign),
                                     pat("maint")),
                         404, Body404Generic);

        // §6.2 (inferred): deleting the last file leaves an empty package.
        const qint64 last = after.jsonArray().at(0).toObject().value(u"id"_s).toInteger();
        SIM_COMPARE_STATUS(m_http->del(packageTarget(MutableId, packageId) + "/package_files/"
                                           + QByteArray::number(last),
                                       pat("maint")),
                           204);
        QVERIFY(!findPackage(MutableId, u"dups"_s, u"1.0.0"_s).isEmpty());
        QCOMPARE(
            m_http->get(packageFilesTarget(MutableId, packageId), pat("maint")).jsonArray().size(),
            0);
    }

    // §5.2: `pipeline` only with build info; `pipelines` then `[]`.
    void packageBuiltByJobHasPipeline()
    {
        SIM_COMPARE_STATUS(m_http->put(genericTarget(MutableId, "built/1.0.0/file.txt"), "ci\n",
                                       Http::jobToken("job-dev")),
                           201);
        const QJsonObject p = findPackage(MutableId, u"built"_s, u"1.0.0"_s);
        QVERIFY(!p.isEmpty());
        QVERIFY2(p.value(u"pipeline"_s).isObject(), qPrintable(compactJson(QJsonDocument(p))));
        QCOMPARE(p.value(u"pipeline"_s).toObject().value(u"id"_s).toInt(), 3001);
        QVERIFY2(p.value(u"pipelines"_s).isArray() && p.value(u"pipelines"_s).toArray().isEmpty(),
                 qPrintable(compactJson(QJsonDocument(p))));
    }

    // §5: a job token acts as its user on the packages API.
    void jobTokenListsPackagesAsItsUser()
    {
        const HttpReply reply = m_http->get(packagesTarget(MutableId), Http::jobToken("job-dev"));
        SIM_COMPARE_STATUS(reply, 200);
        QVERIFY(!reply.jsonArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPackagesApi)
#include "TestPackagesApi.moc"
