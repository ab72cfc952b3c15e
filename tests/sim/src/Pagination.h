// Offset pagination with GitLab's headers (gitlab-api.md §7).
#pragma once

#include <QList>
#include <QString>

#include <httplib.h>
#include <optional>
#include <utility>

namespace sim {

struct PageWindow
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

struct PageRequest
{
    qsizetype page = 1;
    qsizetype perPage = 20;
};

// Reads page/per_page; an error message ("page is invalid", "per_page has a value not
// allowed") when they are not integers or per_page is 0.
std::optional<PageRequest> pageRequest(const httplib::Request &request, QString *error);

// Parameters a route has besides the query: its path parameters (`id`, `package_id`) and the
// defaults of its declared parameters, which Grape adds to the request's parameters and GitLab
// therefore writes into every Link URL.
using RouteParams = QList<std::pair<QString, QString>>;

// Sets X-Page, X-Per-Page, X-Next-Page, X-Prev-Page, X-Total(-Pages) and Link on the response.
PageWindow paginate(const httplib::Request &request, httplib::Response &response,
                    const PageRequest &page, qsizetype total, const QString &externalUrl,
                    const RouteParams &routeParams);

} // namespace sim
