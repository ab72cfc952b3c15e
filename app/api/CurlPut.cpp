#include "api/CurlPut.h"

namespace Stevedore {

CurlPut::CurlPut(GitLabClient *client, QUrl url, std::shared_ptr<Body> body, QObject *parent)
    : CurlCall(client,
               {"PUT",
                std::move(url),
                {"Accept: application/json", "Content-Type: application/octet-stream"},
                std::move(body),
                {},
                false},
               parent)
{
}

} // namespace Stevedore
