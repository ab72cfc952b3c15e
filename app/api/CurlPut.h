#pragma once

#include "api/CurlCall.h"

namespace Stevedore {

// The PUT of an upload body: the body goes from its source straight into curl's 1 MiB buffer on
// the worker thread. A redirect is never followed (it fails naming the target); the answer (the
// package file record with select=package_file) is buffered.
class CurlPut final : public CurlCall
{
    Q_OBJECT

public:
    using Body = CurlCall::Source;

    CurlPut(GitLabClient *client, QUrl url, std::shared_ptr<Body> body, QObject *parent = nullptr);

    qint64 bytesSent() const { return bytesMoved(); }
};

} // namespace Stevedore
