// Offset pagination with GitLab's headers (gitlab-api.md §7).
#pragma once

#include <QString>

#include <httplib.h>
#include <optional>

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

// Reads page/per_page; an error message ("page is invalid") when they are not integers.
std::optional<PageRequest> pageRequest(const httplib::Request &request, QString *error);

// Sets X-Page, X-Per-Page, X-Next-Page, X-Prev-Page, X-Total(-Pages) and Link on the response.
PageWindow paginate(const httplib::Request &request, httplib::Response &response,
                    const PageRequest &page, qsizetype total, const QString &externalUrl);

} // namespace sim
