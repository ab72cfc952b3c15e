// Paged lists read one page ahead (PageFetcher, through GitLabApi::packagePages) against a
// scripted server: the next page is asked for while a page still arrives, pages are handed
// over in order and complete, an error on any page ends the list with that page's error and
// nothing after it, and a retried page neither reorders nor repeats the pages.

#include "HostileServer.h"
#include "IntegrationSupport.h"
#include "api/PageFetcher.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QTest>
#include <QUrlQuery>

using namespace Stevedore;
using namespace Stevedore::IntegrationTest;
using namespace Qt::StringLiterals;
using Stevedore::Test::HostileServer;

namespace {

const QString kPackagesPath = u"^/api/v4/projects/demo%2Fhello/packages$"_s;
constexpr int kPages = 6;
constexpr int kPerPage = 3;

// The ids on page `page`: page·100 + 1 … page·100 + kPerPage.
QList<qint64> idsOf(int page)
{
    QList<qint64> ids;
    for (int i = 1; i <= kPerPage; ++i)
        ids << page * 100 + i;
    return ids;
}

QByteArray pageBody(int page)
{
    QJsonArray packages;
    for (const qint64 id : idsOf(page))
        packages.append(QJsonObject{{u"id"_s, id},
                                    {u"name"_s, u"app"_s},
                                    {u"version"_s, u"%1.%2.0"_s.arg(page).arg(id % 100)},
                                    {u"package_type"_s, u"generic"_s},
                                    {u"status"_s, u"default"_s},
                                    {u"created_at"_s, u"2026-11-01T10:00:00.000Z"_s}});
    return QJsonDocument(packages).toJson(QJsonDocument::Compact);
}

int pageOf(const HostileServer::Request &request)
{
    const QUrlQuery query(QUrl::fromEncoded(request.target).query());
    return std::max(1, query.queryItemValue(u"page"_s).toInt());
}

// How the scripted server answers: page `page`, asked for the `attempt`-th time (1 first).
// Unless a script answers otherwise, a page lists its packages with Link rel="next" to the
// following page, and page kPages is the last.
using Script = std::function<std::optional<HostileServer::Reply>(int page, int attempt,
                                                                 const QByteArray &origin)>;

QByteArray linkTo(const QByteArray &origin, int page)
{
    return '<' + origin + "/api/v4/projects/demo%2Fhello/packages?package_type=generic&page="
           + QByteArray::number(page) + "&per_page=100>; rel=\"next\"";
}

HostileServer::Reply normalPage(int page, const QByteArray &origin)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (page < kPages)
        headers.append({"Link", linkTo(origin, page + 1)});
    return HostileServer::json(pageBody(page), 200, headers);
}

// What a listing handed over: the ids of each page in the order they came, how many requests
// the server had received when each page came, and the end.
struct Listing
{
    QList<QList<qint64>> pages;
    QList<int> requestsWhenHandedOver;
    Result<Success> result = ApiError(ApiError::Kind::Timeout, u"no end within 30 s"_s);
};

QString describe(const Listing &listing)
{
    QStringList pages;
    for (const QList<qint64> &page : listing.pages)
        pages << (page.isEmpty() ? u"-"_s : QString::number(page.first() / 100));
    return u"pages handed over: [%1]; end: %2"_s.arg(
        pages.join(u", "_s),
        listing.result.ok() ? u"complete"_s : listing.result.error().message());
}

} // namespace

class TestPagedLists final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HostileServer> m_server;
    std::unique_ptr<Session> m_session;

    // Serves demo/hello's packages by `script`, counting the attempts of each page.
    void serve(const Script &script)
    {
        const auto attempts = std::make_shared<std::pair<QMutex, QMap<int, int>>>();
        const QByteArray origin = m_server->baseUrl().toEncoded();
        m_server->on("GET", kPackagesPath,
                     [script, attempts, origin](const HostileServer::Request &request) {
                         const int page = pageOf(request);
                         int attempt = 0;
                         {
                             QMutexLocker lock(&attempts->first);
                             attempt = ++attempts->second[page];
                         }
                         if (const auto scripted = script(page, attempt, origin))
                             return *scripted;
                         return normalPage(page, origin);
                     });
    }

    int requestsFor(int page) const
    {
        int count = 0;
        for (const HostileServer::Request &request : m_server->requests())
            count += request.method == "GET" && pageOf(request) == page ? 1 : 0;
        return count;
    }

    Listing list()
    {
        Listing listing;
        std::optional<Result<Success>> done;
        QObject context;
        QEventLoop loop;
        m_session->api->packagePages(
            u"demo/hello"_s, {}, &context,
            [&](QList<Package> &&page) {
                QList<qint64> ids;
                for (const Package &package : page)
                    ids << package.id;
                listing.pages << ids;
                listing.requestsWhenHandedOver << m_server->count("GET", kPackagesPath);
            },
            [&](Result<Success> result) {
                done = std::move(result);
                loop.quit();
            });
        if (runUntil(loop, done))
            listing.result = *done;
        return listing;
    }

    static QList<QList<qint64>> pagesUpTo(int last)
    {
        QList<QList<qint64>> pages;
        for (int page = 1; page <= last; ++page)
            pages << idsOf(page);
        return pages;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<HostileServer>();
        QVERIFY(m_server->isListening());
        m_session = std::make_unique<Session>(m_server->baseUrl(),
                                              CredentialKind::PersonalAccessToken, u"token"_s);
        m_session->client->setRetryPolicy({1});
    }

    void cleanup()
    {
        m_session.reset();
        m_server.reset();
    }

    // Page 1's body drips for a second or more; page 2 (named by page 1's Link) and page 3
    // (guessed from page 2's address) are asked for meanwhile, their answers wait, and page 4
    // only once page 1 is handed over. Page 7, guessed after the last page, is never handed
    // over although the server answers it.
    void theNextPageIsAskedForWhileAPageArrives()
    {
        serve([](int page, int, const QByteArray &origin) -> std::optional<HostileServer::Reply> {
            if (page != 1)
                return std::nullopt;
            HostileServer::Reply slow = normalPage(1, origin);
            slow.dripBytesPerSecond = int(slow.body.size()) / 2 + 1;
            return slow;
        });
        const Listing listing = list();
        QVERIFY2(listing.result.ok(), qPrintable(describe(listing)));
        QCOMPARE(listing.pages, pagesUpTo(kPages));
        QVERIFY2(listing.requestsWhenHandedOver.first() == 3, qPrintable(describe(listing)));
        for (int page = 1; page <= kPages; ++page)
            QCOMPARE(requestsFor(page), 1);
        QVERIFY(requestsFor(kPages + 1) <= 1);
        QVERIFY(m_server->count("GET", kPackagesPath) <= kPages + 1);
    }

    // Page 2's Link skips to page 5: the guessed page 3 is dropped, page 4 never asked for,
    // and the list is what the Links name.
    void aWrongGuessIsDropped()
    {
        serve([](int page, int, const QByteArray &origin) -> std::optional<HostileServer::Reply> {
            if (page != 2)
                return std::nullopt;
            HostileServer::Reply skip = normalPage(2, origin);
            skip.headers = {{"Content-Type", "application/json"}, {"Link", linkTo(origin, 5)}};
            return skip;
        });
        const Listing listing = list();
        QVERIFY2(listing.result.ok(), qPrintable(describe(listing)));
        QCOMPARE(listing.pages, (QList<QList<qint64>>{idsOf(1), idsOf(2), idsOf(5), idsOf(6)}));
        QVERIFY(requestsFor(3) <= 1);
        QCOMPARE(requestsFor(4), 0);
        QCOMPARE(requestsFor(5), 1);
    }

    void theFollowingPageIsGuessedOnlyFromAPageNumber_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("following");
        const QString base = u"https://gitlab.example.com/api/v4/projects/a%2Fb/packages?"_s;
        QTest::newRow("page in the middle") << base + u"package_type=generic&page=7&per_page=100"_s
                                            << base + u"package_type=generic&page=8&per_page=100"_s;
        QTest::newRow("encoded values stay as written")
            << base + u"package_name=a%2Bb&page=1"_s << base + u"package_name=a%2Bb&page=2"_s;
        QTest::newRow("no page number") << base + u"per_page=100"_s << QString();
        QTest::newRow("keyset cursor") << base + u"cursor=eyJpZCI6MX0&per_page=20"_s << QString();
        QTest::newRow("page zero") << base + u"page=0"_s << QString();
        QTest::newRow("not a number") << base + u"page=2x"_s << QString();
        QTest::newRow("two page numbers") << base + u"page=2&page=3"_s << QString();
        QTest::newRow("beyond the page limit")
            << base + u"page=%1"_s.arg(GitLabApi::kMaxPages) << QString();
        QTest::newRow("a longer name ending in page") << base + u"subpage=2"_s << QString();
    }

    void theFollowingPageIsGuessedOnlyFromAPageNumber()
    {
        QFETCH(QString, url);
        QFETCH(QString, following);
        QCOMPARE(PageFetcher::followingPage(QUrl(url, QUrl::StrictMode)),
                 following.isEmpty() ? QUrl() : QUrl(following, QUrl::StrictMode));
    }

    void aListOfOnePageEndsThere()
    {
        serve([](int page, int, const QByteArray &) -> std::optional<HostileServer::Reply> {
            if (page != 1)
                return std::nullopt;
            return HostileServer::json(pageBody(1));
        });
        const Listing listing = list();
        QVERIFY2(listing.result.ok(), qPrintable(describe(listing)));
        QCOMPARE(listing.pages, pagesUpTo(1));
        QCOMPARE(m_server->count("GET", kPackagesPath), 1);
    }

    void anErrorStopsTheListAtItsPage_data()
    {
        QTest::addColumn<QString>("failure");
        QTest::addColumn<int>("kind"); // ApiError::Kind
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("handedOver"); // pages handed over before the end
        // No page after this one was requested, but for one guessed page.
        QTest::addColumn<int>("lastAskedFor");
        QTest::newRow("page 3 answers 500")
            << u"500"_s << int(ApiError::Kind::Server) << QString() << 2 << 3;
        QTest::newRow("page 3 answers 401")
            << u"401"_s << int(ApiError::Kind::Auth) << QString() << 2 << 3;
        QTest::newRow("page 3 is not JSON")
            << u"not json"_s << int(ApiError::Kind::Protocol) << u"could not be read"_s << 2 << 4;
        QTest::newRow("page 3 points back to page 2")
            << u"back"_s << int(ApiError::Kind::Protocol) << u"points back"_s << 3 << 3;
        // Page 3's 404 comes first, while page 2's body still drips; page 2's failure wins.
        QTest::newRow("page 2 ends early after page 3 failed")
            << u"short"_s << int(ApiError::Kind::Network) << QString() << 1 << 3;
    }

    void anErrorStopsTheListAtItsPage()
    {
        QFETCH(QString, failure);
        QFETCH(int, kind);
        QFETCH(QString, message);
        QFETCH(int, handedOver);
        QFETCH(int, lastAskedFor);
        serve([failure](int page, int,
                        const QByteArray &origin) -> std::optional<HostileServer::Reply> {
            if (failure == u"short"_s && page == 2) {
                HostileServer::Reply cut = normalPage(2, origin);
                cut.contentLength = cut.body.size();
                cut.body.truncate(cut.body.size() / 2);
                cut.dripBytesPerSecond = int(cut.body.size()) + 1;
                cut.closeAfterBody = true;
                return cut;
            }
            if (page != 3)
                return std::nullopt;
            if (failure == u"500"_s)
                return HostileServer::json(R"({"message":"500 Internal Server Error"})", 500);
            if (failure == u"401"_s)
                return HostileServer::json(R"({"message":"401 Unauthorized"})", 401);
            if (failure == u"not json"_s) {
                HostileServer::Reply html = normalPage(3, origin);
                html.body = "<html>maintenance</html>";
                return html;
            }
            if (failure == u"back"_s) {
                HostileServer::Reply back = normalPage(3, origin);
                back.headers = {{"Content-Type", "application/json"}, {"Link", linkTo(origin, 2)}};
                return back;
            }
            return HostileServer::json(R"({"message":"404 Not Found"})", 404);
        });
        const Listing listing = list();
        QVERIFY2(!listing.result.ok(), qPrintable(describe(listing)));
        QVERIFY2(int(listing.result.error().kind()) == kind, qPrintable(describe(listing)));
        QVERIFY2(listing.result.error().message().contains(message), qPrintable(describe(listing)));
        QCOMPARE(listing.pages, pagesUpTo(handedOver));
        for (int page = 1; page <= lastAskedFor; ++page)
            QVERIFY2(requestsFor(page) <= 1, qPrintable(describe(listing)));
        QVERIFY(requestsFor(lastAskedFor + 1) <= 1);
        for (int page = lastAskedFor + 2; page <= kPages; ++page)
            QCOMPARE(requestsFor(page), 0);
    }

    // A page that failed is asked for again; the list goes on in order, and the page after it
    // is asked for once, whether or not the failed attempt's headers announced it already.
    void aRetriedPageKeepsTheOrder_data()
    {
        QTest::addColumn<bool>("headersFirst");
        QTest::newRow("page 2 answers 500 once") << false;
        QTest::newRow("page 2's first body ends early") << true;
    }

    void aRetriedPageKeepsTheOrder()
    {
        QFETCH(bool, headersFirst);
        m_session->client->setRetryPolicy(
            {3, std::chrono::milliseconds(20), std::chrono::milliseconds(100)});
        serve([headersFirst](int page, int attempt,
                             const QByteArray &origin) -> std::optional<HostileServer::Reply> {
            if (page != 2 || attempt > 1)
                return std::nullopt;
            if (!headersFirst)
                return HostileServer::json(R"({"message":"500 Internal Server Error"})", 500);
            HostileServer::Reply cut = normalPage(2, origin);
            cut.contentLength = cut.body.size();
            cut.body.truncate(cut.body.size() / 2);
            cut.closeAfterBody = true;
            return cut;
        });
        const Listing listing = list();
        QVERIFY2(listing.result.ok(), qPrintable(describe(listing)));
        QCOMPARE(listing.pages, pagesUpTo(kPages));
        QCOMPARE(requestsFor(2), 2);
        for (int page = 3; page <= kPages; ++page)
            QCOMPARE(requestsFor(page), 1);
    }

    // A page handler may end the list by destroying its context: nothing more is handed
    // over, the end is not reported, and no further page is asked for.
    void destroyingTheContextStopsTheList()
    {
        serve([](int, int, const QByteArray &) { return std::optional<HostileServer::Reply>(); });
        int pages = 0;
        bool ended = false;
        auto context = std::make_unique<QObject>();
        m_session->api->packagePages(
            u"demo/hello"_s, {}, context.get(),
            [&](QList<Package> &&) {
                if (++pages == 1)
                    context.reset();
            },
            [&](Result<Success>) { ended = true; });
        QTRY_VERIFY_WITH_TIMEOUT(!context, kTimeoutMs);
        QTest::qWait(200); // time for pages that should not come
        QCOMPARE(pages, 1);
        QVERIFY(!ended);
        QCOMPARE(requestsFor(4), 0); // page 3 may have been guessed before page 1 came
    }
};

QTEST_GUILESS_MAIN(TestPagedLists)
#include "TestPagedLists.moc"
