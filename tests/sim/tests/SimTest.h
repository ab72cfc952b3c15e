#pragma once

// Shared helpers for the gitlab-sim conformance suite (tests/sim/tests). Section numbers
// (§) refer to shared/gitlab-api.md.

#include "Fixture.h"
#include "Http.h"
#include "SimServer.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTest>

namespace stevedore::test::sim {

using namespace Qt::StringLiterals;

inline QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

/// `/api/v4/projects/<project>/packages/generic/<rest>` — `rest` is sent as written.
inline QByteArray genericTarget(const QByteArray &project, const QByteArray &rest)
{
    return "/api/v4/projects/" + project + "/packages/generic/" + rest;
}

inline QByteArray genericTarget(int projectId, const QByteArray &rest)
{
    return genericTarget(QByteArray::number(projectId), rest);
}

inline QByteArray packagesTarget(int projectId, const QByteArray &query = {})
{
    QByteArray t = "/api/v4/projects/" + QByteArray::number(projectId) + "/packages";
    if (!query.isEmpty())
        t += '?' + query;
    return t;
}

inline QByteArray packageFilesTarget(int projectId, qint64 packageId, const QByteArray &query = {})
{
    QByteArray t = "/api/v4/projects/" + QByteArray::number(projectId) + "/packages/"
                   + QByteArray::number(packageId) + "/package_files";
    if (!query.isEmpty())
        t += '?' + query;
    return t;
}

/// The JSON array's elements' `key` values as strings.
inline QStringList column(const QJsonArray &array, const QString &key)
{
    QStringList out;
    for (const QJsonValue &v : array)
        out << v.toObject().value(key).toVariant().toString();
    return out;
}

/// The media type of a Content-Type value (without parameters), lower case.
inline QByteArray mediaType(const QByteArray &contentType)
{
    return contentType.split(';').value(0).trimmed().toLower();
}

inline QString compactJson(const QJsonDocument &doc)
{
    return doc.isNull() ? u"<not JSON>"_s : QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

// Standard bodies (exact, §2.7, §9).
inline constexpr char Body401[] = R"({"message":"401 Unauthorized"})";
inline constexpr char Body403[] = R"({"message":"403 Forbidden"})";
inline constexpr char Body404Generic[] = R"({"message":"404 Not Found"})";
inline constexpr char Body404NotFoundLower[] = R"({"message":"404 Not found"})";
inline constexpr char Body404Project[] = R"({"message":"404 Project Not Found"})";
inline constexpr char Body201[] = R"({"message":"201 Created"})";
inline constexpr char BodyProtected[] = R"({"message":"403 Forbidden - Package protected."})";
inline constexpr char BodyDuplicate[] =
    R"({"message":"400 Bad request - Duplicate package is not allowed"})";
inline constexpr char BodyTooLarge[] = R"({"message":"400 Bad request - File is too large"})";
inline constexpr char BodyInsufficientScope[] =
    R"({"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token.","scope":"api read_api"})";
inline constexpr char WwwAuthenticatePackages[] = R"(Basic realm="GitLab Packages Registry")";

/// Checks a Grape validation failure (§3.2): `400 {"error":"<messages>"}` whose messages,
/// joined with ", ", are all in `allowed` (e.g. "file_name is invalid"). Returns what is
/// wrong, or an empty string.
inline QString validationProblem(const HttpReply &reply, const QStringList &allowed)
{
    if (reply.status != 400)
        return u"expected HTTP 400, got "_s + reply.describe();
    const QJsonObject body = reply.jsonObject();
    if (body.keys() != QStringList{u"error"_s} || !body.value(u"error"_s).isString())
        return u"expected a body {\"error\":\"…\"}, got "_s + reply.describe();
    const QStringList parts = body.value(u"error"_s).toString().split(u", "_s);
    for (const QString &part : parts) {
        if (!allowed.contains(part))
            return u"unexpected validation message '%1' (allowed: %2)"_s.arg(
                part, allowed.join(u" | "_s));
    }
    return {};
}

} // namespace stevedore::test::sim

// Every macro evaluates its `reply` argument once, so it may be the request expression.

/// The reply's status must be `expected`; the failure message shows the whole reply.
#define SIM_COMPARE_STATUS(reply, expected)                                                        \
    do {                                                                                           \
        const auto &simReply_ = (reply);                                                           \
        const int simExpected_ = (expected);                                                       \
        if (simReply_.status != simExpected_)                                                      \
            QFAIL(qPrintable(QStringLiteral("expected HTTP %1, got %2")                            \
                                 .arg(simExpected_)                                                \
                                 .arg(simReply_.describe())));                                     \
    } while (false)

/// The body must be JSON equal to `expectedText` (key order ignored), served as
/// `application/json` with the two security headers every response carries (§ conventions).
#define SIM_COMPARE_JSON_BODY(reply, expectedText)                                                 \
    do {                                                                                           \
        const auto &simReply_ = (reply);                                                           \
        const QJsonDocument simExpected_ = QJsonDocument::fromJson(QByteArray(expectedText));      \
        if (simReply_.json() != simExpected_)                                                      \
            QFAIL(qPrintable(QStringLiteral("expected body %1, got %2")                            \
                                 .arg(::stevedore::test::sim::compactJson(simExpected_),           \
                                      simReply_.describe())));                                     \
        if (::stevedore::test::sim::mediaType(simReply_.header("Content-Type"))                    \
            != "application/json")                                                                 \
            QFAIL(qPrintable(QStringLiteral("expected Content-Type application/json, got '%1'")    \
                                 .arg(QString::fromUtf8(simReply_.header("Content-Type")))));      \
    } while (false)

/// Status and exact JSON body.
/// `reply` is evaluated once, so it may be the request itself.
#define SIM_EXPECT_REPLY(reply, status, bodyText)                                                  \
    do {                                                                                           \
        const auto &simOnce_ = (reply);                                                            \
        SIM_COMPARE_STATUS(simOnce_, status);                                                      \
        SIM_COMPARE_JSON_BODY(simOnce_, bodyText);                                                 \
    } while (false)

/// A header must be present with exactly this value.
#define SIM_COMPARE_HEADER(reply, name, expected)                                                  \
    do {                                                                                           \
        const auto &simReply_ = (reply);                                                           \
        if (!simReply_.hasHeader(name))                                                            \
            QFAIL(qPrintable(QStringLiteral("header %1 missing (reply: %2)")                       \
                                 .arg(QString::fromLatin1(name), simReply_.describe())));          \
        QCOMPARE(QString::fromUtf8(simReply_.header(name)), QString::fromUtf8(expected));          \
    } while (false)

/// The generic endpoints' 401 (§2.7): body and `WWW-Authenticate: Basic realm=…`.
#define SIM_EXPECT_PACKAGES_401(reply)                                                             \
    do {                                                                                           \
        const auto &simOnce401_ = (reply);                                                         \
        SIM_EXPECT_REPLY(simOnce401_, 401, ::stevedore::test::sim::Body401);                       \
        SIM_COMPARE_HEADER(simOnce401_, "WWW-Authenticate",                                        \
                           ::stevedore::test::sim::WwwAuthenticatePackages);                       \
    } while (false)

/// Every response carries X-Frame-Options and X-Content-Type-Options (§ conventions).
#define SIM_VERIFY_SECURITY_HEADERS(reply)                                                         \
    do {                                                                                           \
        const auto &simOnceSec_ = (reply);                                                         \
        SIM_COMPARE_HEADER(simOnceSec_, "X-Frame-Options", "SAMEORIGIN");                          \
        SIM_COMPARE_HEADER(simOnceSec_, "X-Content-Type-Options", "nosniff");                      \
    } while (false)

/// Starts `sim` or fails the test with its error (which includes the simulator's stderr).
#define SIM_START(sim)                                                                             \
    do {                                                                                           \
        auto &simServer_ = (sim);                                                                  \
        QVERIFY2(simServer_.start(), qPrintable(simServer_.errorString()));                        \
    } while (false)
