#include "api/CurlGet.h"

namespace Stevedore {

CurlGet::CurlGet(GitLabClient *client, QUrl url, QList<QByteArray> headers,
                 std::shared_ptr<Sink> sink, QObject *parent)
    : CurlCall(client, {"GET", std::move(url), std::move(headers), {}, std::move(sink), true},
               parent)
{
}

} // namespace Stevedore
