#include "api/CurlConnections.h"

namespace Stevedore {

namespace {

void lock(CURL *, curl_lock_data data, curl_lock_access, void *locks)
{
    static_cast<std::array<std::mutex, CURL_LOCK_DATA_LAST> *>(locks)->at(size_t(data)).lock();
}

void unlock(CURL *, curl_lock_data data, void *locks)
{
    static_cast<std::array<std::mutex, CURL_LOCK_DATA_LAST> *>(locks)->at(size_t(data)).unlock();
}

} // namespace

CurlConnections::CurlConnections()
    : m_share(curl_share_init())
{
    if (!m_share)
        return;
    curl_share_setopt(m_share, CURLSHOPT_LOCKFUNC, &lock);
    curl_share_setopt(m_share, CURLSHOPT_UNLOCKFUNC, &unlock);
    curl_share_setopt(m_share, CURLSHOPT_USERDATA, &m_locks);
    for (const curl_lock_data data :
         {CURL_LOCK_DATA_CONNECT, CURL_LOCK_DATA_SSL_SESSION, CURL_LOCK_DATA_DNS})
        curl_share_setopt(m_share, CURLSHOPT_SHARE, data);
}

CurlConnections::~CurlConnections()
{
    if (m_share)
        curl_share_cleanup(m_share);
}

} // namespace Stevedore
