#include "cli/ExitCodes.h"
#include "core/ApiError.h"

#include <QTest>

using namespace Stevedore;

class TestApiError final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifiesGitLabAnswers_data();
    void classifiesGitLabAnswers();
    void readsRetryAfter();
    void transientErrorsAreTheRetryableOnes();
};

void TestApiError::classifiesGitLabAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("sentence");

    using Kind = ApiError::Kind;
    QTest::newRow("401") << 401 << QByteArray(R"({"message":"401 Unauthorized"})") << Kind::Auth
                         << 3 << u"did not accept the token"_qs;
    QTest::newRow("expired")
        << 401
        << QByteArray(
               R"({"error":"invalid_token","error_description":"Token is expired. You can either do re-authorization or token refresh."})")
        << Kind::Auth << 3 << u"has expired"_qs;
    QTest::newRow("revoked")
        << 401
        << QByteArray(
               R"({"error":"invalid_token","error_description":"Token was revoked. You have to re-authorize from the user."})")
        << Kind::Auth << 3 << u"was revoked"_qs;
    QTest::newRow("scope")
        << 403
        << QByteArray(
               R"({"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token.","scope":"api read_api"})")
        << Kind::Scope << 3 << u"api scope"_qs;
    QTest::newRow("role") << 403 << QByteArray(R"({"message":"403 Forbidden"})") << Kind::Role << 3
                          << u"Developer"_qs;
    QTest::newRow("protected") << 403
                               << QByteArray(R"({"message":"403 Forbidden - Package protected."})")
                               << Kind::Role << 3 << u"protected"_qs;
    QTest::newRow("project") << 404 << QByteArray(R"({"message":"404 Project Not Found"})")
                             << Kind::NotFound << 4 << u"project does not exist"_qs;
    QTest::newRow("generic project") << 404 << QByteArray(R"({"message":"404 Not Found"})")
                                     << Kind::NotFound << 4 << u"project does not exist"_qs;
    QTest::newRow("file") << 404 << QByteArray(R"({"message":"404 Not found"})") << Kind::NotFound
                          << 4 << u"No such package"_qs;
    QTest::newRow("duplicate")
        << 400 << QByteArray(R"({"message":"400 Bad request - Duplicate package is not allowed"})")
        << Kind::Duplicate << 1 << u"duplicate"_qs;
    QTest::newRow("too large") << 400
                               << QByteArray(R"({"message":"400 Bad request - File is too large"})")
                               << Kind::TooLarge << 1 << u"larger than"_qs;
    QTest::newRow("proxy 413") << 413 << QByteArray("<html>Request Entity Too Large</html>")
                               << Kind::TooLarge << 1 << u"larger than"_qs;
    QTest::newRow("validation") << 400 << QByteArray(R"({"error":"file_name is invalid"})")
                                << Kind::Validation << 1 << u"file_name is invalid"_qs;
    QTest::newRow("rate limit") << 429 << QByteArray("Retry later\n") << Kind::RateLimited << 1
                                << u"rate limiting"_qs;
    QTest::newRow("race") << 500 << QByteArray(R"({"message":"500 Internal Server Error"})")
                          << Kind::Server << 1 << u"HTTP 500"_qs;
    QTest::newRow("unexpected") << 409 << QByteArray(R"({"message":"409 Conflict: Resource lock"})")
                                << Kind::Protocol << 1 << u"409 Conflict: Resource lock"_qs;
}

void TestApiError::classifiesGitLabAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ApiError::Kind, kind);
    QFETCH(int, exitCode);
    QFETCH(QString, sentence);

    const ApiError error = ApiError::fromHttp(status, body);
    QCOMPARE(error.kind(), kind);
    QCOMPARE(error.httpStatus(), status);
    QCOMPARE(ExitCode::of(error), exitCode);
    QVERIFY2(error.message().contains(sentence, Qt::CaseInsensitive), qPrintable(error.message()));
}

void TestApiError::readsRetryAfter()
{
    QCOMPARE(ApiError::fromHttp(429, "Retry later\n", "7").retryAfterSeconds(),
             std::optional<int>(7));
    QCOMPARE(ApiError::fromHttp(429, "Retry later\n", "soon").retryAfterSeconds(), std::nullopt);
}

void TestApiError::transientErrorsAreTheRetryableOnes()
{
    QVERIFY(ApiError::fromHttp(503, {}).isTransient());
    QVERIFY(ApiError::fromHttp(429, {}).isTransient());
    QVERIFY(ApiError::fromNetwork(QNetworkReply::RemoteHostClosedError, {}).isTransient());
    QVERIFY(ApiError::fromNetwork(QNetworkReply::TimeoutError, {}).isTransient());
    QVERIFY(!ApiError::fromHttp(400, R"({"error":"file_name is invalid"})").isTransient());
    QVERIFY(!ApiError::fromHttp(401, {}).isTransient());
    QVERIFY(!ApiError::fromNetwork(QNetworkReply::OperationCanceledError, {}).isTransient());
}

QTEST_GUILESS_MAIN(TestApiError)
#include "TestApiError.moc"
