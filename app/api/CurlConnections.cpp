#include "api/CurlConnections.h"

#include "api/CurlLibrary.h"

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
    : m_share(CurlLibrary::get() ? CurlLibrary::get()->share_init() : nullptr)
{
    if (!m_share)
        return;
    CurlLibrary::get()->share_setopt(m_share, CURLSHOPT_LOCKFUNC, &lock);
    CurlLibrary::get()->share_setopt(m_share, CURLSHOPT_UNLOCKFUNC, &unlock);
    CurlLibrary::get()->share_setopt(m_share, CURLSHOPT_USERDATA, &m_locks);
    for (const curl_lock_data data :
         {CURL_LOCK_DATA_CONNECT, CURL_LOCK_DATA_SSL_SESSION, CURL_LOCK_DATA_DNS})
        CurlLibrary::get()->share_setopt(m_share, CURLSHOPT_SHARE, data);
}

CurlConnections::~CurlConnections()
{
    if (m_share)
        CurlLibrary::get()->share_cleanup(m_share);
}

} // namespace Stevedore
