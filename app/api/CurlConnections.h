#pragma once

#include <array>
#include <curl/curl.h>
#include <mutex>

namespace Stevedore {

// The connections (and TLS sessions and DNS answers) libcurl keeps open between the uploads and
// downloads of one account, so that 1,000 small files do not cost 1,000 connections and TLS
// handshakes. Transfers run on worker threads, so every access is locked.
class CurlConnections final
{
public:
    CurlConnections();
    ~CurlConnections();
    CurlConnections(const CurlConnections &) = delete;
    CurlConnections &operator=(const CurlConnections &) = delete;

    CURLSH *handle() const { return m_share; }

private:
    CURLSH *m_share = nullptr;
    std::array<std::mutex, CURL_LOCK_DATA_LAST> m_locks; // one per kind of shared data
};

} // namespace Stevedore
