#include "Pagination.h"

#include "Http.h"
#include "Validation.h"

#include <QStringList>

#include <map>

namespace sim {

namespace {
constexpr qsizetype kMaxPerPage = 100;
constexpr qsizetype kCountLimit = 10000;
} // namespace

std::optional<PageRequest> pageRequest(const httplib::Request &request, QString *error)
{
    PageRequest page;
    const auto read = [&](const char *name, qsizetype &target) {
        const auto value = param(request, name);
        if (!value)
            return true;
        bool ok = false;
        const qsizetype number = value->toLongLong(&ok);
        if (!ok) {
            *error = QLatin1String(name) + QStringLiteral(" is invalid");
            return false;
        }
        target = number;
        return true;
    };
    if (!read("page", page.page) || !read("per_page", page.perPage))
        return std::nullopt;
    if (page.perPage == 0) { // lib/api/pagination_params.rb: except_values: [0]
        *error = QStringLiteral("per_page has a value not allowed");
        return std::nullopt;
    }
    page.page = std::clamp<qsizetype>(page.page, 1, qsizetype(1) << 40);
    if (page.perPage <= 0)
        page.perPage = 20;
    page.perPage = std::min(page.perPage, kMaxPerPage);
    return page;
}

PageWindow paginate(const httplib::Request &request, httplib::Response &response,
                    const PageRequest &page, qsizetype total, const QString &externalUrl,
                    const RouteParams &routeParams)
{
    // Kaminari: no previous or next page once the page is past the end.
    const qsizetype pages = (total + page.perPage - 1) / page.perPage;
    const qsizetype totalPages = std::max<qsizetype>(1, pages);
    const bool inRange = page.page <= pages;
    const bool hasNext = inRange && page.page < pages;
    const bool hasPrev = inRange && page.page > 1;
    const bool countsKnown = total <= kCountLimit;

    response.set_header("X-Page", std::to_string(page.page));
    response.set_header("X-Per-Page", std::to_string(page.perPage));
    response.set_header("X-Next-Page", hasNext ? std::to_string(page.page + 1) : std::string());
    response.set_header("X-Prev-Page", hasPrev ? std::to_string(page.page - 1) : std::string());
    if (countsKnown) {
        response.set_header("X-Total", std::to_string(total));
        response.set_header("X-Total-Pages", std::to_string(totalPages));
    }

    // lib/gitlab/pagination/offset_header_builder.rb: the request's parameters (with the
    // route's path parameters and defaults) merged with page and per_page, through Rails'
    // Hash#to_query: CGI-escaped pairs in sorted order.
    std::map<QString, QString> params;
    for (const auto &[key, value] : routeParams)
        params[key] = value;
    for (const auto &[key, value] : request.params)
        params[QString::fromStdString(key)] = QString::fromStdString(value);
    params[QStringLiteral("per_page")] = QString::number(page.perPage);
    const auto link = [&](qsizetype number, const char *rel) {
        params[QStringLiteral("page")] = QString::number(number);
        QStringList pairs;
        for (const auto &[key, value] : params)
            pairs << cgiEscape(key) + QLatin1Char('=') + cgiEscape(value);
        pairs.sort();
        return QStringLiteral("<%1%2?%3>; rel=\"%4\"")
            .arg(externalUrl, rawPathOf(request), pairs.join(QLatin1Char('&')), QLatin1String(rel));
    };
    QStringList links;
    if (hasPrev)
        links << link(page.page - 1, "prev");
    if (hasNext)
        links << link(page.page + 1, "next");
    links << link(1, "first");
    if (countsKnown)
        links << link(totalPages, "last");
    response.set_header("Link", links.join(QStringLiteral(", ")).toStdString());

    const qsizetype begin = std::min(total, (page.page - 1) * page.perPage);
    return {begin, std::min(total, begin + page.perPage)};
}

} // namespace sim
