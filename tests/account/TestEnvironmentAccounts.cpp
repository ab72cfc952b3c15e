// EnvironmentAccounts: accounts from GITLAB_HOST / GITLAB_TOKEN and from a GitLab CI job.

#include "account/EnvironmentAccounts.h"

#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

// "NAME=value" pairs → an environment holding only those.
QProcessEnvironment environmentOf(const QStringList &pairs)
{
    QProcessEnvironment environment;
    for (const QString &pair : pairs)
        environment.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    return environment;
}

// One line per account: name|kind|url|defaultProject|secret.
QString describe(const EnvironmentAccount &entry)
{
    return QStringList{entry.account.name, credentialKindId(entry.account.kind),
                       entry.account.baseUrl.toString(), entry.account.defaultProject, entry.secret}
        .join(QLatin1Char('|'));
}

} // namespace

class TestEnvironmentAccounts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_data()
    {
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<QStringList>("expected"); // describe() of each account
        QTest::addColumn<int>("warnings");

        QTest::newRow("nothing") << QStringList{u"HOME=/home/me"_s} << QStringList{} << 0;
        QTest::newRow("bare host and token")
            << QStringList{u"GITLAB_HOST=gitlab.example.com"_s, u"GITLAB_TOKEN=glpat-abc"_s}
            << QStringList{u"env:GITLAB_HOST|personal|https://gitlab.example.com||glpat-abc"_s}
            << 0;
        QTest::newRow("bare host with port")
            << QStringList{u"GITLAB_HOST=gitlab.example.com:8443"_s, u"GITLAB_TOKEN=t"_s}
            << QStringList{u"env:GITLAB_HOST|personal|https://gitlab.example.com:8443||t"_s} << 0;
        QTest::newRow("bare host with path")
            << QStringList{u"GITLAB_HOST=example.com/gitlab/"_s}
            << QStringList{u"env:GITLAB_HOST|personal|https://example.com/gitlab||"_s} << 0;
        QTest::newRow("host without token")
            << QStringList{u"GITLAB_HOST=https://gitlab.example.com"_s}
            << QStringList{u"env:GITLAB_HOST|personal|https://gitlab.example.com||"_s} << 0;
        QTest::newRow("http URL kept")
            << QStringList{u"GITLAB_HOST=http://localhost:8080/"_s, u"GITLAB_TOKEN=t"_s}
            << QStringList{u"env:GITLAB_HOST|personal|http://localhost:8080||t"_s} << 0;
        QTest::newRow("URL with api v4 and upper case")
            << QStringList{u"GITLAB_HOST=https://GitLab.Example.com:443/api/v4"_s,
                           u"GITLAB_TOKEN=t"_s}
            << QStringList{u"env:GITLAB_HOST|personal|https://gitlab.example.com||t"_s} << 0;
        QTest::newRow("whitespace trimmed")
            << QStringList{u"GITLAB_HOST=  gitlab.example.com \n"_s, u"GITLAB_TOKEN=glpat-x\n"_s}
            << QStringList{u"env:GITLAB_HOST|personal|https://gitlab.example.com||glpat-x"_s} << 0;
        QTest::newRow("empty host is unset")
            << QStringList{u"GITLAB_HOST="_s} << QStringList{} << 0;
        QTest::newRow("invalid scheme")
            << QStringList{u"GITLAB_HOST=ftp://gitlab.example.com"_s, u"GITLAB_TOKEN=t"_s}
            << QStringList{} << 1;
        QTest::newRow("invalid host")
            << QStringList{u"GITLAB_HOST=gitlab example com"_s} << QStringList{} << 1;
        QTest::newRow("token without host")
            << QStringList{u"GITLAB_TOKEN=glpat-abc"_s} << QStringList{} << 1;

        QTest::newRow("ci job")
            << QStringList{u"CI=true"_s, u"CI_API_V4_URL=https://gitlab.example.com/api/v4"_s,
                           u"CI_JOB_TOKEN=glcbt-64_abc"_s, u"CI_PROJECT_ID=42"_s}
            << QStringList{u"env:CI_JOB_TOKEN|job|https://gitlab.example.com|42|glcbt-64_abc"_s}
            << 0;
        QTest::newRow("ci job, relative root, no project id")
            << QStringList{u"CI_API_V4_URL=https://example.com/gitlab/api/v4"_s,
                           u"CI_JOB_TOKEN=tok"_s}
            << QStringList{u"env:CI_JOB_TOKEN|job|https://example.com/gitlab||tok"_s} << 0;
        QTest::newRow("ci job on a port")
            << QStringList{u"CI_API_V4_URL=http://127.0.0.1:8080/api/v4"_s, u"CI_JOB_TOKEN=tok"_s,
                           u"CI_PROJECT_ID=1"_s}
            << QStringList{u"env:CI_JOB_TOKEN|job|http://127.0.0.1:8080|1|tok"_s} << 0;
        QTest::newRow("ci without token")
            << QStringList{u"CI_API_V4_URL=https://gitlab.example.com/api/v4"_s} << QStringList{}
            << 0;
        QTest::newRow("ci token without url")
            << QStringList{u"CI_JOB_TOKEN=tok"_s} << QStringList{} << 0;
        QTest::newRow("ci with invalid url")
            << QStringList{u"CI_API_V4_URL=/api/v4"_s, u"CI_JOB_TOKEN=tok"_s} << QStringList{} << 1;
        QTest::newRow("both, host first")
            << QStringList{u"CI_API_V4_URL=https://gitlab.example.com/api/v4"_s,
                           u"CI_JOB_TOKEN=job"_s, u"CI_PROJECT_ID=7"_s,
                           u"GITLAB_HOST=other.example.com"_s, u"GITLAB_TOKEN=pat"_s}
            << QStringList{u"env:GITLAB_HOST|personal|https://other.example.com||pat"_s,
                           u"env:CI_JOB_TOKEN|job|https://gitlab.example.com|7|job"_s}
            << 0;
    }

    void read()
    {
        QFETCH(QStringList, environment);
        QFETCH(QStringList, expected);
        QFETCH(int, warnings);

        const EnvironmentAccounts result = EnvironmentAccounts::read(environmentOf(environment));
        QStringList described;
        for (const EnvironmentAccount &entry : result.accounts) {
            described << describe(entry);
            QVERIFY(!entry.account.persistent);
            QCOMPARE(entry.account.id, entry.account.name);
        }
        QCOMPARE(described, expected);
        QVERIFY2(result.warnings.size() == warnings, qPrintable(result.warnings.join(u" / "_s)));
    }

    void tokenWithCommandLineUrl()
    {
        const QUrl url(u"https://gitlab.example.com/api/v4/"_s);
        const EnvironmentAccounts tokenOnly =
            EnvironmentAccounts::read(environmentOf({u"GITLAB_TOKEN=glpat-abc"_s}), url);
        QCOMPARE(tokenOnly.accounts.size(), 1);
        QCOMPARE(describe(tokenOnly.accounts.first()),
                 u"env:GITLAB_TOKEN|personal|https://gitlab.example.com||glpat-abc"_s);
        QVERIFY(!tokenOnly.accounts.first().account.persistent);
        QVERIFY2(tokenOnly.warnings.isEmpty(), qPrintable(tokenOnly.warnings.join(u" / "_s)));

        // GITLAB_HOST still names the token's server; --url only chooses among accounts.
        const EnvironmentAccounts withHost = EnvironmentAccounts::read(
            environmentOf({u"GITLAB_HOST=other.example.com"_s, u"GITLAB_TOKEN=t"_s}), url);
        QCOMPARE(withHost.accounts.size(), 1);
        QCOMPARE(describe(withHost.accounts.first()),
                 u"env:GITLAB_HOST|personal|https://other.example.com||t"_s);

        // A URL alone makes no account, and an unusable one does not take the token.
        QVERIFY(EnvironmentAccounts::read(environmentOf({}), url).accounts.isEmpty());
        const EnvironmentAccounts badUrl = EnvironmentAccounts::read(
            environmentOf({u"GITLAB_TOKEN=t"_s}), QUrl(u"ftp://gitlab.example.com"_s));
        QVERIFY(badUrl.accounts.isEmpty());
        QCOMPARE(badUrl.warnings.size(), 1);
        QVERIFY(badUrl.warnings.first().contains(u"--url"_s));
    }

    void caFileFromTheRunnerOrOpenSsl_data()
    {
        QTest::addColumn<QStringList>("caVariables");
        QTest::addColumn<QString>("caFile");
        QTest::newRow("none") << QStringList{} << QString();
        QTest::newRow("runner") << QStringList{u"CI_SERVER_TLS_CA_FILE=/builds/ca.pem"_s}
                                << u"/builds/ca.pem"_s;
        QTest::newRow("openssl") << QStringList{u"SSL_CERT_FILE=/etc/corp/ca.pem"_s}
                                 << u"/etc/corp/ca.pem"_s;
        QTest::newRow("runner first") << QStringList{u"SSL_CERT_FILE=/etc/corp/ca.pem"_s,
                                                     u"CI_SERVER_TLS_CA_FILE=/builds/ca.pem"_s}
                                      << u"/builds/ca.pem"_s;
        QTest::newRow("empty runner value is unset")
            << QStringList{u"CI_SERVER_TLS_CA_FILE= "_s, u"SSL_CERT_FILE=/etc/corp/ca.pem"_s}
            << u"/etc/corp/ca.pem"_s;
    }

    void caFileFromTheRunnerOrOpenSsl()
    {
        QFETCH(QStringList, caVariables);
        QFETCH(QString, caFile);
        const EnvironmentAccounts result = EnvironmentAccounts::read(
            environmentOf(caVariables
                          + QStringList{u"GITLAB_HOST=gitlab.example.com"_s, u"GITLAB_TOKEN=t"_s,
                                        u"CI_API_V4_URL=https://gitlab.example.com/api/v4"_s,
                                        u"CI_JOB_TOKEN=job"_s}));
        QCOMPARE(result.accounts.size(), 2);
        for (const EnvironmentAccount &entry : result.accounts)
            QCOMPARE(entry.account.caBundlePath, caFile);
    }

    void aCaFileIsForHttpsServersOnly()
    {
        const EnvironmentAccounts result = EnvironmentAccounts::read(environmentOf(
            {u"SSL_CERT_FILE=/etc/corp/ca.pem"_s, u"GITLAB_HOST=http://gitlab.internal:8080"_s,
             u"GITLAB_TOKEN=t"_s, u"CI_API_V4_URL=https://gitlab.example.com/api/v4"_s,
             u"CI_JOB_TOKEN=job"_s}));
        QCOMPARE(result.accounts.size(), 2);
        for (const EnvironmentAccount &entry : result.accounts) {
            const bool https = entry.account.baseUrl.scheme() == u"https"_s;
            QCOMPARE(entry.account.caBundlePath, https ? u"/etc/corp/ca.pem"_s : QString());
        }
    }

    void warningsNameTheVariable()
    {
        const EnvironmentAccounts badHost =
            EnvironmentAccounts::read(environmentOf({u"GITLAB_HOST=ftp://x"_s}));
        QCOMPARE(badHost.warnings.size(), 1);
        QVERIFY(badHost.warnings.first().contains(u"GITLAB_HOST=ftp://x"_s));

        const EnvironmentAccounts tokenOnly =
            EnvironmentAccounts::read(environmentOf({u"GITLAB_TOKEN=glpat-secret"_s}));
        QCOMPARE(tokenOnly.warnings.size(), 1);
        QVERIFY(tokenOnly.warnings.first().contains(u"GITLAB_HOST"_s));
        QVERIFY2(!tokenOnly.warnings.first().contains(u"glpat-secret"_s), "a token is never shown");
    }

    void systemEnvironmentIsTheDefault()
    {
        qputenv("GITLAB_HOST", "gitlab.example.org");
        qputenv("GITLAB_TOKEN", "glpat-from-process");
        const EnvironmentAccounts result = EnvironmentAccounts::read();
        qunsetenv("GITLAB_HOST");
        qunsetenv("GITLAB_TOKEN");
        QVERIFY(!result.accounts.isEmpty());
        QCOMPARE(result.accounts.first().account.baseUrl, QUrl(u"https://gitlab.example.org"_s));
        QCOMPARE(result.accounts.first().secret, u"glpat-from-process"_s);
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentAccounts)
#include "TestEnvironmentAccounts.moc"
