#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace Stevedore {

// The proxy an upload or download goes through, read from the environment by curl's rules:
// `http_proxy` (lower case only) for http, `https_proxy` or `HTTPS_PROXY` for https, else
// `all_proxy` or `ALL_PROXY`; none when `no_proxy` or `NO_PROXY` is "*" or names the host or
// one of its parent domains. Transfers hand the choice to curl explicitly, so that a failure
// can name the proxy that failed.
class ProxyChoice final
{
public:
    static ProxyChoice
    forUrl(const QUrl &url,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    bool isDirect() const { return m_proxy.isEmpty(); }
    // As written in the environment (it may hold credentials: never shown); empty when direct.
    const QByteArray &proxy() const { return m_proxy; }
    // "HOST:PORT" of the proxy, for messages (curl's default port 1080 when none is given).
    QString address() const;

private:
    QByteArray m_proxy;
};

} // namespace Stevedore
