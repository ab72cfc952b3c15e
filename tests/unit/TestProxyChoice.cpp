// The proxy a transfer uses is chosen from the environment by curl's rules, and named as
// HOST:PORT without its credentials.

#include "api/ProxyChoice.h"

#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

QProcessEnvironment
environmentWith(std::initializer_list<std::pair<const char *, const char *>> variables)
{
    QProcessEnvironment environment;
    for (const auto &[name, value] : variables)
        environment.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    return environment;
}

} // namespace

class TestProxyChoice final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choosesBySchemeAsCurlDoes()
    {
        const QProcessEnvironment environment = environmentWith(
            {{"http_proxy", "http://plain:3128"}, {"HTTPS_PROXY", "http://secure:8080"}});
        QCOMPARE(ProxyChoice::forUrl(QUrl(u"http://gitlab.example"_s), environment).proxy(),
                 "http://plain:3128");
        QCOMPARE(ProxyChoice::forUrl(QUrl(u"https://gitlab.example"_s), environment).proxy(),
                 "http://secure:8080");
        // Upper-case HTTP_PROXY is ignored (a web server may set it from a request header).
        QVERIFY(ProxyChoice::forUrl(QUrl(u"http://gitlab.example"_s),
                                    environmentWith({{"HTTP_PROXY", "http://evil:1"}}))
                    .isDirect());
        QCOMPARE(ProxyChoice::forUrl(QUrl(u"https://gitlab.example"_s),
                                     environmentWith({{"ALL_PROXY", "socks5://any:1080"}}))
                     .proxy(),
                 "socks5://any:1080");
        QVERIFY(ProxyChoice::forUrl(QUrl(u"https://gitlab.example"_s), {}).isDirect());
    }

    void noProxyGoesAround()
    {
        const auto choice = [](const char *host, const char *noProxy) {
            return ProxyChoice::forUrl(
                QUrl(u"https://"_s + QString::fromLatin1(host)),
                environmentWith({{"https_proxy", "http://proxy:3128"}, {"no_proxy", noProxy}}));
        };
        QVERIFY(choice("gitlab.example", "*").isDirect());
        QVERIFY(choice("gitlab.example", "localhost, gitlab.example").isDirect());
        QVERIFY(choice("git.corp.example", ".corp.example").isDirect());
        QVERIFY(choice("git.corp.example", "corp.example").isDirect());
        QVERIFY(!choice("notcorp.example", "corp.example").isDirect());
        QVERIFY(!choice("gitlab.example", "other.example").isDirect());
    }

    void addressIsHostAndPortWithoutCredentials()
    {
        const auto address = [](const char *proxy) {
            return ProxyChoice::forUrl(QUrl(u"https://gitlab.example"_s),
                                       environmentWith({{"https_proxy", proxy}}))
                .address();
        };
        QCOMPARE(address("http://user:secret@proxy.example:3128"), u"proxy.example:3128"_s);
        QCOMPARE(address("proxy.example:8080"), u"proxy.example:8080"_s);
        QCOMPARE(address("http://proxy.example"), u"proxy.example:1080"_s);
    }
};

QTEST_GUILESS_MAIN(TestProxyChoice)
#include "TestProxyChoice.moc"
