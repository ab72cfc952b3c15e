#include "Pagination.h"

#include "Http.h"

#include <QStringList>

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
    page.page = std::clamp<qsizetype>(page.page, 1, qsizetype(1) << 40);
    if (page.perPage <= 0)
        page.perPage = 20;
    page.perPage = std::min(page.perPage, kMaxPerPage);
    return page;
}

PageWindow paginate(const httplib::Request &request, httplib::Response &response,
                    const PageRequest &page, qsizetype total, const QString &externalUrl)
{
    const qsizetype totalPages = std::max<qsizetype>(1, (total + page.perPage - 1) / page.perPage);
    const bool hasNext = page.page < totalPages;
    const bool hasPrev = page.page > 1;
    const bool countsKnown = total <= kCountLimit;

    response.set_header("X-Page", std::to_string(page.page));
    response.set_header("X-Per-Page", std::to_string(page.perPage));
    response.set_header("X-Next-Page", hasNext ? std::to_string(page.page + 1) : std::string());
    response.set_header("X-Prev-Page", hasPrev ? std::to_string(page.page - 1) : std::string());
    if (countsKnown) {
        response.set_header("X-Total", std::to_string(total));
        response.set_header("X-Total-Pages", std::to_string(totalPages));
    }

    QStringList kept;
    for (const QString &pair : rawQueryOf(request).split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const QString key = pair.section(QLatin1Char('='), 0, 0);
        if (key != QLatin1String("page") && key != QLatin1String("per_page"))
            kept << pair;
    }
    const QString base =
        externalUrl + rawPathOf(request) + QLatin1Char('?')
        + (kept.isEmpty() ? QString() : kept.join(QLatin1Char('&')) + QLatin1Char('&'));
    const auto link = [&](qsizetype number, const char *rel) {
        return QString(QLatin1Char('<') + base + QStringLiteral("page=") + QString::number(number)
                       + QStringLiteral("&per_page=") + QString::number(page.perPage)
                       + QStringLiteral(">; rel=\"") + QLatin1String(rel) + QLatin1Char('"'));
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
