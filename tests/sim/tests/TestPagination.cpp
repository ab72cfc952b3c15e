// §7 — offset pagination for the packages list, the package-files list and /projects:
// headers, Link relations keeping the query, per_page cap, page ≤ 0, past the end, and
// the "more than 10,000 records" rule.

#include "SimTest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using namespace Qt::StringLiterals;

namespace {

constexpr int PackagesProject = 1;
constexpr int FilesProject = 2;
constexpr int SmallCount = 105;
constexpr int BigCount = 10001;

// `count` packages in project 1, one package with `count` files in project 2, and the
// user `pager` a member of `count` projects (1, 2 and count − 2 more). Files are generated
// (`size`), so the simulator writes no blob for them.
QJsonObject fixture(int count)
{
    Fixture f;
    f.addUser(u"pager"_s).addPersonalToken(u"pat-pager"_s, u"pager"_s);
    const QMap<QString, QString> members{{u"pager"_s, u"developer"_s}};
    f.addProject(PackagesProject, u"pg/packages"_s, u"private"_s, members);
    f.addProject(FilesProject, u"pg/files"_s, u"private"_s, members);
    for (int i = 3; i <= count; ++i)
        f.addProject(i, u"pg/p%1"_s.arg(i, 5, 10, QLatin1Char('0')), u"private"_s, members);
    for (int i = 0; i < count; ++i) {
        f.addPackage(u"pg/packages"_s, u"pkg-%1"_s.arg(i, 5, 10, QLatin1Char('0')), u"1.0.0"_s,
                     {Fixture::generatedFile(u"f.txt"_s, 1)});
    }
    QJsonArray files;
    for (int i = 0; i < count; ++i)
        files.append(Fixture::generatedFile(u"f%1.txt"_s.arg(i, 5, 10, QLatin1Char('0')), 1));
    f.addPackage(u"pg/files"_s, u"bundle"_s, u"1.0.0"_s, files);
    return f.toJson();
}

struct Link
{
    QString rel;
    QUrl url;
};

QList<Link> parseLinks(const QByteArray &header)
{
    QList<Link> links;
    static const QRegularExpression re(QStringLiteral("<([^>]*)>\\s*;\\s*rel=\"([^\"]*)\""));
    auto it = re.globalMatch(QString::fromLatin1(header));
    while (it.hasNext()) {
        const auto m = it.next();
        links.append({m.captured(2), QUrl(m.captured(1))});
    }
    return links;
}

const char PerPageNotAllowed[] = R"({"error":"per_page has a value not allowed"})";
const char IncludeVersionlessInvalid[] = R"({"error":"include_versionless is invalid"})";
const char MembershipInvalid[] = R"({"error":"membership is invalid"})";

} // namespace

class TestPagination final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<SimServer> m_big;
    std::unique_ptr<Http> m_http;
    std::unique_ptr<Http> m_bigHttp;
    qint64 m_filesPackageId = 0;
    qint64 m_bigFilesPackageId = 0;

    static qint64 bundleId(const Http &http)
    {
        const HttpReply reply =
            http.get(packagesTarget(FilesProject), Http::privateToken("pat-pager"));
        return reply.jsonArray().at(0).toObject().value(u"id"_s).toInteger();
    }

    QByteArray resourcePath(const QByteArray &resource, bool big) const
    {
        if (resource == "packages")
            return "/api/v4/projects/1/packages";
        if (resource == "files")
            return "/api/v4/projects/2/packages/"
                   + QByteArray::number(big ? m_bigFilesPackageId : m_filesPackageId)
                   + "/package_files";
        return "/api/v4/projects";
    }

    // The query every request of a resource carries (kept in Link URLs).
    static QByteArray baseQuery(const QByteArray &resource)
    {
        if (resource == "packages")
            return "package_type=generic&order_by=name";
        if (resource == "files")
            return "order_by=file_name";
        return "membership=true&order_by=id&sort=asc";
    }

    // Checks every Link URL: the request path, the external URL's origin, every query
    // parameter kept, page and per_page set.
    void verifyLinkUrl(const QUrl &url, const QByteArray &path, const QByteArray &query, int page,
                       int perPage)
    {
        QCOMPARE(url.scheme(), m_sim->baseUrl().scheme());
        QCOMPARE(url.host(), u"127.0.0.1"_s);
        QVERIFY(url.port() > 0);
        QCOMPARE(url.path(QUrl::FullyEncoded).toLatin1(), path);
        const QUrlQuery linkQuery(url);
        const QUrlQuery requestQuery(QString::fromLatin1(query));
        for (const auto &[key, value] : requestQuery.queryItems()) {
            if (key == u"page"_s || key == u"per_page"_s)
                continue;
            QVERIFY2(linkQuery.hasQueryItem(key),
                     qPrintable(u"Link lost "_s + key + u": "_s + url.toString()));
            QCOMPARE(linkQuery.queryItemValue(key), value);
        }
        QCOMPARE(linkQuery.queryItemValue(u"page"_s), QString::number(page));
        QCOMPARE(linkQuery.queryItemValue(u"per_page"_s), QString::number(perPage));
    }

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimServer>(SimServer::Options().withFixture(fixture(SmallCount)));
        SIM_START(*m_sim);
        m_http = std::make_unique<Http>(m_sim->baseUrl());
        m_filesPackageId = bundleId(*m_http);
        QVERIFY(m_filesPackageId > 0);
    }

    void cleanup()
    {
        m_sim->reportIfFailed();
        if (m_big)
            m_big->reportIfFailed();
    }

    void cleanupTestCase()
    {
        if (m_sim && m_sim->isRunning())
            QCOMPARE(m_sim->stop(), 0);
        if (m_big && m_big->isRunning())
            QCOMPARE(m_big->stop(), 0);
    }

    void pageHeadersAndLinks_data()
    {
        QTest::addColumn<QByteArray>("resource");
        QTest::addColumn<QByteArray>("paging"); // page/per_page part of the query
        QTest::addColumn<int>("page");
        QTest::addColumn<int>("perPage");
        QTest::addColumn<int>("items");
        // 105 records: 6 pages of 20 (default), 2 pages of 100 (cap).
        for (const char *resource : {"packages", "files", "projects"}) {
            const QByteArray r(resource);
            QTest::addRow("§7 %s default per_page is 20", resource)
                << r << QByteArray() << 1 << 20 << 20;
            QTest::addRow("§7 %s middle page", resource)
                << r << QByteArray("page=3&per_page=20") << 3 << 20 << 20;
            QTest::addRow("§7 %s last page", resource) << r << QByteArray("page=6") << 6 << 20 << 5;
            QTest::addRow("§7 %s per_page=1000 is capped at 100", resource)
                << r << QByteArray("per_page=1000") << 1 << 100 << 100;
            QTest::addRow("§7 %s page 2 of 100", resource)
                << r << QByteArray("per_page=100&page=2") << 2 << 100 << 5;
            QTest::addRow("§7 %s page=0 acts as 1", resource)
                << r << QByteArray("page=0&per_page=10") << 1 << 10 << 10;
            QTest::addRow("§7 %s page=-3 acts as 1", resource)
                << r << QByteArray("page=-3&per_page=10") << 1 << 10 << 10;
            QTest::addRow("§7 %s per_page=7", resource)
                << r << QByteArray("per_page=7&page=15") << 15 << 7 << 7;
        }
    }

    void pageHeadersAndLinks()
    {
        QFETCH(QByteArray, resource);
        QFETCH(QByteArray, paging);
        QFETCH(int, page);
        QFETCH(int, perPage);
        QFETCH(int, items);
        const QByteArray query =
            baseQuery(resource) + (paging.isEmpty() ? QByteArray() : '&' + paging);
        const QByteArray path = resourcePath(resource, false);
        const HttpReply reply = m_http->get(path + '?' + query, Http::privateToken("pat-pager"));
        SIM_COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.jsonArray().size(), items);

        const int totalPages = (SmallCount + perPage - 1) / perPage;
        SIM_COMPARE_HEADER(reply, "X-Page", QByteArray::number(page));
        SIM_COMPARE_HEADER(reply, "X-Per-Page", QByteArray::number(perPage));
        SIM_COMPARE_HEADER(reply, "X-Total", QByteArray::number(SmallCount));
        SIM_COMPARE_HEADER(reply, "X-Total-Pages", QByteArray::number(totalPages));
        // Present but empty when there is none.
        SIM_COMPARE_HEADER(reply, "X-Next-Page",
                           page < totalPages ? QByteArray::number(page + 1) : QByteArray());
        SIM_COMPARE_HEADER(reply, "X-Prev-Page",
                           page > 1 ? QByteArray::number(page - 1) : QByteArray());

        const QList<Link> links = parseLinks(reply.header("Link"));
        QMap<QString, QUrl> byRel;
        for (const Link &l : links)
            byRel.insert(l.rel, l.url);
        QCOMPARE(byRel.size(), links.size()); // each rel once
        QCOMPARE(byRel.contains(u"prev"_s), page > 1);
        QCOMPARE(byRel.contains(u"next"_s), page < totalPages);
        QVERIFY(byRel.contains(u"first"_s));
        QVERIFY(byRel.contains(u"last"_s));
        // Order: prev, next, first, last.
        QStringList rels;
        for (const Link &l : links)
            rels << l.rel;
        QStringList expectedOrder;
        if (page > 1)
            expectedOrder << u"prev"_s;
        if (page < totalPages)
            expectedOrder << u"next"_s;
        expectedOrder << u"first"_s << u"last"_s;
        QCOMPARE(rels, expectedOrder);

        if (byRel.contains(u"prev"_s))
            verifyLinkUrl(byRel.value(u"prev"_s), path, query, page - 1, perPage);
        if (byRel.contains(u"next"_s))
            verifyLinkUrl(byRel.value(u"next"_s), path, query, page + 1, perPage);
        verifyLinkUrl(byRel.value(u"first"_s), path, query, 1, perPage);
        verifyLinkUrl(byRel.value(u"last"_s), path, query, totalPages, perPage);
    }

    // Walking rel="next" visits every record once, in order.
    void followingNextVisitsEveryRecordOnce_data()
    {
        QTest::addColumn<QByteArray>("resource");
        QTest::addColumn<QString>("key");
        QTest::newRow("§7 packages") << QByteArray("packages") << u"name"_s;
        QTest::newRow("§7 files") << QByteArray("files") << u"file_name"_s;
        QTest::newRow("§7 projects") << QByteArray("projects") << u"id"_s;
    }

    void followingNextVisitsEveryRecordOnce()
    {
        QFETCH(QByteArray, resource);
        QFETCH(QString, key);
        QByteArray target =
            resourcePath(resource, false) + '?' + baseQuery(resource) + "&per_page=30";
        QStringList seen;
        for (int guard = 0; guard < 10 && !target.isEmpty(); ++guard) {
            const HttpReply reply = m_http->get(target, Http::privateToken("pat-pager"));
            SIM_COMPARE_STATUS(reply, 200);
            seen << column(reply.jsonArray(), key);
            target.clear();
            for (const Link &l : parseLinks(reply.header("Link"))) {
                if (l.rel == u"next"_s)
                    target = l.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
            }
        }
        QCOMPARE(seen.size(), SmallCount);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), SmallCount);
    }

    // §7 (inferred): a page past the end gives [].
    void pagePastTheEndIsEmpty_data()
    {
        QTest::addColumn<QByteArray>("resource");
        QTest::newRow("§7 packages") << QByteArray("packages");
        QTest::newRow("§7 files") << QByteArray("files");
        QTest::newRow("§7 projects") << QByteArray("projects");
    }

    void pagePastTheEndIsEmpty()
    {
        QFETCH(QByteArray, resource);
        const HttpReply reply =
            m_http->get(resourcePath(resource, false) + '?' + baseQuery(resource) + "&page=50",
                        Http::privateToken("pat-pager"));
        SIM_COMPARE_STATUS(reply, 200);
        QVERIFY(reply.json().isArray());
        QCOMPARE(reply.jsonArray().size(), 0);
        SIM_COMPARE_HEADER(reply, "X-Total", QByteArray::number(SmallCount));
        SIM_COMPARE_HEADER(reply, "X-Next-Page", "");
        // Kaminari has no previous page once the page is out of range.
        SIM_COMPARE_HEADER(reply, "X-Prev-Page", "");
        QStringList rels;
        for (const Link &l : parseLinks(reply.header("Link")))
            rels << l.rel;
        QCOMPARE(rels, (QStringList{u"first"_s, u"last"_s}));
    }

    // lib/api/pagination_params.rb: per_page has `except_values: [0]`.
    void perPageZeroIsRejected_data() { pagePastTheEndIsEmpty_data(); }

    void perPageZeroIsRejected()
    {
        QFETCH(QByteArray, resource);
        SIM_EXPECT_REPLY(m_http->get(resourcePath(resource, false) + "?per_page=0",
                                     Http::privateToken("pat-pager")),
                         400, PerPageNotAllowed);
    }

    // Grape's Boolean type: true/false and their usual spellings; anything else is invalid.
    void booleanParametersAreValidated_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        const QByteArray packages = packagesTarget(PackagesProject);
        QTest::newRow("include_versionless=maybe") << packages + "?include_versionless=maybe" << 400
                                                   << QByteArray(IncludeVersionlessInvalid);
        QTest::newRow("include_versionless=true")
            << packages + "?include_versionless=true" << 200 << QByteArray();
        QTest::newRow("include_versionless=0")
            << packages + "?include_versionless=0" << 200 << QByteArray();
        QTest::newRow("membership=sure") << QByteArray("/api/v4/projects?membership=sure") << 400
                                         << QByteArray(MembershipInvalid);
        QTest::newRow("membership=yes")
            << QByteArray("/api/v4/projects?membership=yes") << 200 << QByteArray();
    }

    void booleanParametersAreValidated()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const HttpReply reply = m_http->get(target, Http::privateToken("pat-pager"));
        if (body.isEmpty())
            SIM_COMPARE_STATUS(reply, status);
        else
            SIM_EXPECT_REPLY(reply, status, body);
    }

    // lib/gitlab/pagination/offset_header_builder.rb: every Link URL carries the request's
    // parameters plus the route's path parameters and declared defaults, with page and
    // per_page, as Rails' Hash#to_query writes them: sorted and CGI-escaped.
    void linkQueryHasGitLabsForm_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("nextQuery");
        QTest::newRow("packages by id")
            << packagesTarget(PackagesProject, "package_type=generic&per_page=10")
            << QByteArray("id=1&order_by=created_at&package_type=generic&page=2&per_page=10&"
                          "sort=asc");
        QTest::newRow("packages by path, name filter with a space")
            << QByteArray("/api/v4/projects/pg%2Fpackages/packages?per_page=10&package_name=pkg-"
                          "&sort=desc&x=a%20b")
            << QByteArray("id=pg%2Fpackages&order_by=created_at&package_name=pkg-&page=2&"
                          "per_page=10&sort=desc&x=a+b");
        QTest::newRow("projects")
            << QByteArray("/api/v4/projects?membership=true&order_by=id&per_page=10")
            << QByteArray("imported=false&membership=true&order_by=id&owned=false&page=2&"
                          "per_page=10&simple=false&sort=desc&starred=false&statistics=false&"
                          "with_custom_attributes=false&with_issues_enabled=false&"
                          "with_merge_requests_enabled=false");
    }

    void linkQueryHasGitLabsForm()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, nextQuery);
        const HttpReply reply = m_http->get(target, Http::privateToken("pat-pager"));
        SIM_COMPARE_STATUS(reply, 200);
        QByteArray next;
        for (const Link &l : parseLinks(reply.header("Link"))) {
            if (l.rel == u"next"_s)
                next = l.url.query(QUrl::FullyEncoded).toLatin1();
        }
        QCOMPARE(next, nextQuery);
    }

    void packageFilesLinkQueryHasGitLabsForm()
    {
        const HttpReply reply =
            m_http->get(packageFilesTarget(FilesProject, m_filesPackageId, "per_page=10"),
                        Http::privateToken("pat-pager"));
        SIM_COMPARE_STATUS(reply, 200);
        QByteArray next;
        for (const Link &l : parseLinks(reply.header("Link"))) {
            if (l.rel == u"next"_s)
                next = l.url.query(QUrl::FullyEncoded).toLatin1();
        }
        QCOMPARE(next, "id=2&order_by=id&package_id=" + QByteArray::number(m_filesPackageId)
                           + "&page=2&per_page=10&sort=asc");
    }

    // §7: X-Total-Pages ≥ 1 even when nothing matches.
    void emptyResultHasOneTotalPage()
    {
        const HttpReply reply =
            m_http->get(packagesTarget(PackagesProject, "package_name=nothing-matches"),
                        Http::privateToken("pat-pager"));
        SIM_COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.jsonArray().size(), 0);
        SIM_COMPARE_HEADER(reply, "X-Total", "0");
        SIM_COMPARE_HEADER(reply, "X-Total-Pages", "1");
        SIM_COMPARE_HEADER(reply, "X-Next-Page", "");
        SIM_COMPARE_HEADER(reply, "X-Prev-Page", "");
    }

    // README `--external-url`: Link URLs use the configured external URL.
    void linksUseExternalUrl()
    {
        SimServer sim(SimServer::Options()
                          .withFixture(fixture(25))
                          .withArguments({u"--external-url"_s, u"https://gitlab.example.com"_s}));
        SIM_START(sim);
        const Http http(sim.baseUrl());
        const HttpReply reply = http.get(packagesTarget(PackagesProject, "package_type=generic"),
                                         Http::privateToken("pat-pager"));
        SIM_COMPARE_STATUS(reply, 200);
        const QList<Link> links = parseLinks(reply.header("Link"));
        QVERIFY(!links.isEmpty());
        for (const Link &l : links) {
            QCOMPARE(l.url.scheme(), u"https"_s);
            QCOMPARE(l.url.host(), u"gitlab.example.com"_s);
            QCOMPARE(l.url.port(), -1);
            QCOMPARE(l.url.path(), u"/api/v4/projects/1/packages"_s);
        }
        QCOMPARE(sim.stop(), 0);
    }

    // §7: above 10,000 matching records, X-Total, X-Total-Pages and rel="last" are omitted.
    void moreThanTenThousandRecordsOmitTotals_data()
    {
        QTest::addColumn<QByteArray>("resource");
        QTest::newRow("§7 packages, 10001") << QByteArray("packages");
        QTest::newRow("§7 files, 10001") << QByteArray("files");
        QTest::newRow("§7 projects, 10001") << QByteArray("projects");
    }

    void moreThanTenThousandRecordsOmitTotals()
    {
        QFETCH(QByteArray, resource);
        if (!m_bigHttp) {
            // 3 × 10,001 records: allow for a loaded machine; the time is reported.
            QElapsedTimer startTimer;
            startTimer.start();
            m_big = std::make_unique<SimServer>(SimServer::Options()
                                                    .withFixture(fixture(BigCount))
                                                    .withStartTimeout(std::chrono::seconds(60)));
            SIM_START(*m_big);
            qInfo().noquote() << u"gitlab-sim loaded 3 × 10,001 records in %1 ms"_s.arg(
                startTimer.elapsed());
            m_bigHttp = std::make_unique<Http>(m_big->baseUrl());
            m_bigFilesPackageId = bundleId(*m_bigHttp);
            QVERIFY(m_bigFilesPackageId > 0);
        }
        const QByteArray path = resourcePath(resource, true);
        for (const QByteArray &paging :
             {QByteArray("page=2&per_page=20"), QByteArray("page=500&per_page=20")}) {
            QElapsedTimer timer;
            timer.start();
            const HttpReply reply = m_bigHttp->get(path + '?' + baseQuery(resource) + '&' + paging,
                                                   Http::privateToken("pat-pager"));
            const qint64 ms = timer.elapsed();
            SIM_COMPARE_STATUS(reply, 200);
            QVERIFY2(ms < 5000, qPrintable(u"a page of 10,001 records took %1 ms"_s.arg(ms)));
            QCOMPARE(reply.jsonArray().size(), 20);
            QVERIFY2(!reply.hasHeader("X-Total"), "X-Total must be omitted above 10,000");
            QVERIFY2(!reply.hasHeader("X-Total-Pages"),
                     "X-Total-Pages must be omitted above 10,000");
            const int page = paging.startsWith("page=2&") ? 2 : 500;
            SIM_COMPARE_HEADER(reply, "X-Page", QByteArray::number(page));
            SIM_COMPARE_HEADER(reply, "X-Per-Page", "20");
            SIM_COMPARE_HEADER(reply, "X-Next-Page", QByteArray::number(page + 1));
            SIM_COMPARE_HEADER(reply, "X-Prev-Page", QByteArray::number(page - 1));
            QStringList rels;
            for (const Link &l : parseLinks(reply.header("Link")))
                rels << l.rel;
            QCOMPARE(rels, (QStringList{u"prev"_s, u"next"_s, u"first"_s}));
        }
        // The last page (10,001 = 500 × 20 + 1) has one record and no next.
        const HttpReply last =
            m_bigHttp->get(path + '?' + baseQuery(resource) + "&page=501&per_page=20",
                           Http::privateToken("pat-pager"));
        SIM_COMPARE_STATUS(last, 200);
        QCOMPARE(last.jsonArray().size(), 1);
        SIM_COMPARE_HEADER(last, "X-Next-Page", "");
        QVERIFY(!last.hasHeader("X-Total"));
    }

    // Exactly 10,000 records still have totals (the rule is "above 10,000").
    void exactlyTenThousandRecordsKeepTotals()
    {
        QVERIFY(m_bigHttp);
        const HttpReply reply =
            m_bigHttp->get(packagesTarget(PackagesProject, "package_name=pkg-&per_page=100"),
                           Http::privateToken("pat-pager"));
        SIM_COMPARE_STATUS(reply, 200);
        QVERIFY(!reply.hasHeader("X-Total")); // 10,001 match "pkg-"
        // pkg-00000 … pkg-09999 contain "pkg-0": exactly 10,000 records.
        const HttpReply exact =
            m_bigHttp->get(packagesTarget(PackagesProject, "package_name=pkg-0&per_page=100"),
                           Http::privateToken("pat-pager"));
        SIM_COMPARE_STATUS(exact, 200);
        SIM_COMPARE_HEADER(exact, "X-Total", "10000");
        SIM_COMPARE_HEADER(exact, "X-Total-Pages", "100");
    }
};

QTEST_GUILESS_MAIN(TestPagination)
#include "TestPagination.moc"
