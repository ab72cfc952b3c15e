#include "api/CurlLibrary.h"

#include <dlfcn.h>
#include <optional>

namespace Stevedore {

namespace {

template<typename Function> bool resolve(void *library, const char *name, Function &function)
{
    function = reinterpret_cast<Function>(dlsym(library, name));
    return function != nullptr;
}

std::optional<CurlLibrary> load()
{
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library)
        return std::nullopt;
    CurlLibrary curl{};
    const bool complete = resolve(library, "curl_global_init", curl.global_init)
                          && resolve(library, "curl_easy_init", curl.easy_init)
                          && resolve(library, "curl_easy_cleanup", curl.easy_cleanup)
                          && resolve(library, "curl_easy_setopt", curl.easy_setopt)
                          && resolve(library, "curl_easy_getinfo", curl.easy_getinfo)
                          && resolve(library, "curl_easy_strerror", curl.easy_strerror)
                          && resolve(library, "curl_multi_init", curl.multi_init)
                          && resolve(library, "curl_multi_cleanup", curl.multi_cleanup)
                          && resolve(library, "curl_multi_add_handle", curl.multi_add_handle)
                          && resolve(library, "curl_multi_remove_handle", curl.multi_remove_handle)
                          && resolve(library, "curl_multi_perform", curl.multi_perform)
                          && resolve(library, "curl_multi_poll", curl.multi_poll)
                          && resolve(library, "curl_multi_wakeup", curl.multi_wakeup)
                          && resolve(library, "curl_multi_info_read", curl.multi_info_read)
                          && resolve(library, "curl_slist_append", curl.slist_append)
                          && resolve(library, "curl_slist_free_all", curl.slist_free_all)
                          && resolve(library, "curl_share_init", curl.share_init)
                          && resolve(library, "curl_share_setopt", curl.share_setopt)
                          && resolve(library, "curl_share_cleanup", curl.share_cleanup);
    // curl_global_init() is not thread-safe: it runs here, once, before the first handle.
    if (!complete || curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        dlclose(library);
        return std::nullopt;
    }
    if (void *ssl = dlopen("libssl.so.3", RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD))
        resolve(ssl, "SSL_CTX_set_cert_verify_callback", curl.ssl_ctx_set_cert_verify_callback);
    return curl; // the library stays loaded for the rest of the process
}

} // namespace

const CurlLibrary *CurlLibrary::get()
{
    static const std::optional<CurlLibrary> library = load();
    return library ? &*library : nullptr;
}

} // namespace Stevedore
