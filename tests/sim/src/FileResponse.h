// Streams a package file the way Workhorse's http.ServeContent does: HEAD, single Range,
// conditional requests (gitlab-api.md §4.2).
#pragma once

#include "Model.h"

#include <httplib.h>
#include <optional>

namespace sim {

struct ServedFile
{
    PackageFile file;
    QString blobDir;
    std::string contentType = "application/octet-stream";
    std::optional<qint64> resetAfterBytes; // fault injection
};

void serveFile(const httplib::Request &request, httplib::Response &response,
               const ServedFile &served);

} // namespace sim
