#pragma once

#include "api/CurlCall.h"

namespace Stevedore {

// The GET of a file download: the body of the final 2xx answer goes from libcurl's receive
// buffer straight into the Sink on the worker thread (for a download, into the .part file and
// its SHA-256). Redirects are followed by ApiCall's rules (never from https to http, at most
// ApiCall::kMaxRedirects), each hop built anew by GitLabClient, so the account's credential
// never goes to another origin such as object storage; `headers` (say, a Range) go to every
// hop. Error answers are buffered, bounded like ApiCall's.
class CurlGet final : public CurlCall
{
    Q_OBJECT

public:
    CurlGet(GitLabClient *client, QUrl url, QList<QByteArray> headers, std::shared_ptr<Sink> sink,
            QObject *parent = nullptr);
};

} // namespace Stevedore
