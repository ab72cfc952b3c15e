#include "api/Snippets.h"

#include <QTest>

using namespace Stevedore;

class TestSnippets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void downloadUrlEncodesEachSegment();
    void curlUsesAPlaceholderForEachTokenKind_data();
    void curlUsesAPlaceholderForEachTokenKind();
    void ciJobsUseTheJobToken();
};

namespace {
Account account(CredentialKind kind)
{
    Account result;
    result.id = u"a1"_qs;
    result.name = u"work"_qs;
    result.baseUrl = QUrl(u"https://gitlab.example.com/"_qs);
    result.kind = kind;
    result.username = u"me"_qs;
    return result;
}

const PackageTarget kTarget{u"group/app"_qs, u"hello-cli"_qs, u"1.2.0"_qs,
                            u"site/my+file~1.tgz"_qs};
} // namespace

void TestSnippets::downloadUrlEncodesEachSegment()
{
    QCOMPARE(
        Snippets::downloadUrl(account(CredentialKind::PersonalAccessToken), kTarget),
        u"https://gitlab.example.com/api/v4/projects/group%2Fapp/packages/generic/hello-cli/1.2.0/site/my%2Bfile~1.tgz"_qs);
}

void TestSnippets::curlUsesAPlaceholderForEachTokenKind_data()
{
    QTest::addColumn<CredentialKind>("kind");
    QTest::addColumn<QString>("credential");
    QTest::newRow("personal") << CredentialKind::PersonalAccessToken
                              << u"PRIVATE-TOKEN: <your_access_token>"_qs;
    QTest::newRow("deploy") << CredentialKind::DeployToken
                            << u"Deploy-Token: <your_deploy_token>"_qs;
    QTest::newRow("job") << CredentialKind::JobToken << u"JOB-TOKEN: $CI_JOB_TOKEN"_qs;
    QTest::newRow("oauth") << CredentialKind::OAuthToken
                           << u"Authorization: Bearer <your_oauth_token>"_qs;
    QTest::newRow("basic") << CredentialKind::BasicAuth << u"--user \"me:<your_access_token>\""_qs;
}

void TestSnippets::curlUsesAPlaceholderForEachTokenKind()
{
    QFETCH(CredentialKind, kind);
    QFETCH(QString, credential);
    const QString download = Snippets::curlDownload(account(kind), kTarget);
    const QString upload = Snippets::curlUpload(account(kind), kTarget);
    QVERIFY2(download.contains(credential), qPrintable(download));
    QVERIFY2(upload.contains(credential), qPrintable(upload));
    QVERIFY(download.contains(u"--output \"my+file~1.tgz\""_qs));
    QVERIFY(upload.contains(u"--upload-file \"my+file~1.tgz\""_qs));
    QVERIFY(upload.contains(u"?select=package_file\""_qs));
}

void TestSnippets::ciJobsUseTheJobToken()
{
    const QString publish = Snippets::ciPublishJob(kTarget, 42);
    const QString fetch = Snippets::ciFetchJob(kTarget, 42);
    for (const QString &job : {publish, fetch}) {
        QVERIFY2(job.contains(u"JOB-TOKEN: $CI_JOB_TOKEN"_qs), qPrintable(job));
        QVERIFY2(
            job.contains(
                u"${CI_API_V4_URL}/projects/42/packages/generic/hello-cli/1.2.0/site/my%2Bfile~1.tgz"_qs),
            qPrintable(job));
    }
    QVERIFY(publish.startsWith(u"publish-hello-cli:\n"_qs));
    QVERIFY2(publish.contains(u"--upload-file \"my+file~1.tgz\""_qs), qPrintable(publish));
    QVERIFY2(fetch.contains(u"--output \"my+file~1.tgz\""_qs), qPrintable(fetch));
}

QTEST_GUILESS_MAIN(TestSnippets)
#include "TestSnippets.moc"
