#include "api/ProxyChoice.h"

namespace Stevedore {

namespace {

QString firstSet(const QProcessEnvironment &environment, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        const QString value = environment.value(QString::fromLatin1(name)).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

bool bypassed(const QString &host, const QString &noProxy)
{
    for (QString entry : noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry == QLatin1String("*"))
            return true;
        if (entry.startsWith(QLatin1Char('.')))
            entry.remove(0, 1);
        if (!entry.isEmpty() && (host == entry || host.endsWith(QLatin1Char('.') + entry)))
            return true;
    }
    return false;
}

} // namespace

ProxyChoice ProxyChoice::forUrl(const QUrl &url, const QProcessEnvironment &environment)
{
    ProxyChoice choice;
    if (bypassed(url.host().toLower(), firstSet(environment, {"no_proxy", "NO_PROXY"})))
        return choice;
    QString proxy = url.scheme() == QLatin1String("https")
                        ? firstSet(environment, {"https_proxy", "HTTPS_PROXY"})
                        : firstSet(environment, {"http_proxy"});
    if (proxy.isEmpty())
        proxy = firstSet(environment, {"all_proxy", "ALL_PROXY"});
    choice.m_proxy = proxy.toUtf8();
    return choice;
}

QString ProxyChoice::address() const
{
    QString written = QString::fromUtf8(m_proxy);
    if (!written.contains(QLatin1String("://")))
        written.prepend(QLatin1String("http://"));
    const QUrl url(written);
    return url.host() + QLatin1Char(':') + QString::number(url.port(1080));
}

} // namespace Stevedore
