// normalizedBaseUrl() and Account::secretKey(): how an account's address is compared, saved
// and turned into its keychain key.

#include "core/Account.h"

#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

class TestAccountUrls final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalizedBaseUrl_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty: rejected

        QTest::newRow("plain https")
            << u"https://gitlab.example.com"_s << u"https://gitlab.example.com"_s;
        QTest::newRow("trailing slash")
            << u"https://gitlab.example.com/"_s << u"https://gitlab.example.com"_s;
        QTest::newRow("many trailing slashes")
            << u"https://gitlab.example.com///"_s << u"https://gitlab.example.com"_s;
        QTest::newRow("api v4 suffix")
            << u"https://gitlab.example.com/api/v4"_s << u"https://gitlab.example.com"_s;
        QTest::newRow("api v4 suffix and slash")
            << u"https://gitlab.example.com/api/v4/"_s << u"https://gitlab.example.com"_s;
        QTest::newRow("relative root")
            << u"https://example.com/gitlab/"_s << u"https://example.com/gitlab"_s;
        QTest::newRow("relative root with api v4")
            << u"https://example.com/gitlab/api/v4//"_s << u"https://example.com/gitlab"_s;
        QTest::newRow("default https port")
            << u"https://gitlab.example.com:443/"_s << u"https://gitlab.example.com"_s;
        QTest::newRow("default http port")
            << u"http://gitlab.example.com:80"_s << u"http://gitlab.example.com"_s;
        QTest::newRow("other port kept")
            << u"https://gitlab.example.com:8443"_s << u"https://gitlab.example.com:8443"_s;
        QTest::newRow("http on 443 keeps the port")
            << u"http://gitlab.example.com:443"_s << u"http://gitlab.example.com:443"_s;
        QTest::newRow("uppercase host")
            << u"https://GitLab.Example.COM:443/"_s << u"https://gitlab.example.com"_s;
        QTest::newRow("uppercase scheme")
            << u"HTTPS://gitlab.example.com"_s << u"https://gitlab.example.com"_s;
        QTest::newRow("localhost with port")
            << u"http://127.0.0.1:8080/api/v4"_s << u"http://127.0.0.1:8080"_s;
        QTest::newRow("query, fragment and credentials dropped")
            << u"https://user:secret@gitlab.example.com/?private_token=x#top"_s
            << u"https://gitlab.example.com"_s;
        QTest::newRow("ftp") << u"ftp://gitlab.example.com"_s << u""_s;
        QTest::newRow("ssh") << u"ssh://git@gitlab.example.com"_s << u""_s;
        QTest::newRow("file") << u"file:///home/me"_s << u""_s;
        QTest::newRow("javascript") << u"javascript:alert(1)"_s << u""_s;
        QTest::newRow("no scheme") << u"gitlab.example.com"_s << u""_s;
        QTest::newRow("no host") << u"https://"_s << u""_s;
        QTest::newRow("empty") << u""_s << u""_s;
    }

    void normalizedBaseUrl()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const QUrl result = Stevedore::normalizedBaseUrl(QUrl(input));
        QCOMPARE(result.toString(), expected);
        if (!expected.isEmpty()) // idempotent
            QCOMPARE(Stevedore::normalizedBaseUrl(result), result);
    }

    void secretKeyUsesTheNormalisedUrlAndId()
    {
        Account account;
        account.id = QStringLiteral("6f1c3c1e-0000-4000-8000-000000000001");
        account.baseUrl = QUrl(QStringLiteral("https://GitLab.example.com:443/api/v4/"));
        QCOMPARE(account.secretKey(),
                 QStringLiteral("https://gitlab.example.com#6f1c3c1e-0000-4000-8000-000000000001"));

        // Two accounts on one instance have two keys; one account's key does not depend on
        // how its URL was typed.
        Account other = account;
        other.id = QStringLiteral("6f1c3c1e-0000-4000-8000-000000000002");
        QVERIFY(other.secretKey() != account.secretKey());
        Account retyped = account;
        retyped.baseUrl = QUrl(QStringLiteral("https://gitlab.example.com"));
        QCOMPARE(retyped.secretKey(), account.secretKey());
    }

    void credentialKindIdsRoundTrip()
    {
        for (CredentialKind kind :
             {CredentialKind::PersonalAccessToken, CredentialKind::DeployToken,
              CredentialKind::JobToken, CredentialKind::BasicAuth, CredentialKind::OAuthToken}) {
            const QString id = credentialKindId(kind);
            QVERIFY(!id.isEmpty());
            QCOMPARE(credentialKindFromId(id), kind);
            QVERIFY(!credentialKindDisplayName(kind).isEmpty());
        }
        QCOMPARE(credentialKindFromId(QStringLiteral("password")), std::nullopt);
        QCOMPARE(credentialKindFromId(QString()), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestAccountUrls)
#include "TestAccountUrls.moc"
