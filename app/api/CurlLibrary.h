#pragma once

#include <curl/curl.h>
#include <openssl/ssl.h>

namespace Stevedore {

// libcurl, loaded when the first upload or download starts. Linked instead, it would make every
// command load its thirty-odd dependencies (Kerberos, LDAP, SSH, RTMP, GnuTLS, …) at start, a third
// of `stevedore --version`'s time.
struct CurlLibrary
{
    decltype(&curl_global_init) global_init;
    decltype(&curl_easy_init) easy_init;
    decltype(&curl_easy_cleanup) easy_cleanup;
    decltype(&curl_easy_setopt) easy_setopt;
    decltype(&curl_easy_getinfo) easy_getinfo;
    decltype(&curl_easy_strerror) easy_strerror;
    decltype(&curl_multi_init) multi_init;
    decltype(&curl_multi_cleanup) multi_cleanup;
    decltype(&curl_multi_add_handle) multi_add_handle;
    decltype(&curl_multi_remove_handle) multi_remove_handle;
    decltype(&curl_multi_perform) multi_perform;
    decltype(&curl_multi_poll) multi_poll;
    decltype(&curl_multi_wakeup) multi_wakeup;
    decltype(&curl_multi_info_read) multi_info_read;
    decltype(&curl_slist_append) slist_append;
    decltype(&curl_slist_free_all) slist_free_all;
    decltype(&curl_share_init) share_init;
    decltype(&curl_share_setopt) share_setopt;
    decltype(&curl_share_cleanup) share_cleanup;
    // From the libssl that libcurl loaded (not linked either, for the same reason); null when
    // libcurl was built on another TLS library.
    decltype(&SSL_CTX_set_cert_verify_callback) ssl_ctx_set_cert_verify_callback;

    // Loaded and initialised (curl_global_init) once, thread-safely; null when libcurl.so.4 is
    // missing or lacks one of these functions.
    static const CurlLibrary *get();
};

} // namespace Stevedore
