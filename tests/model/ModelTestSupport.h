#pragma once

// Helpers for the model and transfer-queue tests: an account and API for a running
// gitlab-sim, a way to wait for one asynchronous API answer, and a full
// QAbstractItemModelTester pass on demand.

#include "ClientSession.h"
#include "DemoData.h"
#include "SimServer.h"

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QObject>
#include <QTest>

#include <memory>
#include <optional>

namespace Stevedore::ModelTest {

using namespace Qt::StringLiterals;

// How long one wait may take; generous for slow CI machines.
inline constexpr int kTimeoutMs = 60000;

inline const QString kPat = stevedore::test::demo::kPat;
inline const QString kProject = stevedore::test::demo::kProject;

using Test::apiHandle;

// The demo user's session against `baseUrl` (a personal access token, `token` by default).
struct Session : Test::Session
{
    explicit Session(const QUrl &baseUrl, const QString &token = kPat)
        : Test::Session(baseUrl, CredentialKind::PersonalAccessToken, token)
    {
    }
};

// Runs one GitLabApi operation and waits for its callback.
template<typename T, typename Operation> Result<T> await(Operation operation)
{
    std::optional<Result<T>> result;
    QObject context;
    operation(&context, [&result](Result<T> value) { result = std::move(value); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, kTimeoutMs))
        return ApiError(ApiError::Kind::Timeout, u"the test waited too long for an answer"_s);
    return *result;
}

// The id of one package version (hidden ones too).
inline qint64 packageId(GitLabApi &api, const QString &project, const QString &name,
                        const QString &version)
{
    const auto packages = await<QList<Package>>([&](QObject *context, auto done) {
        api.packages(project, {name, true}, context, done);
    });
    if (!packages.ok())
        return 0;
    for (const Package &package : packages.value()) {
        if (package.version == version)
            return package.id;
    }
    return 0;
}

inline QList<PackageFile> packageFiles(GitLabApi &api, const QString &project, qint64 id)
{
    const auto files = await<QList<PackageFile>>(
        [&](QObject *context, auto done) { api.packageFiles(project, id, context, done); });
    return files.ok() ? files.value() : QList<PackageFile>();
}

// A version's files (hidden versions too); empty when the version does not exist or the
// request failed.
inline QList<PackageFile> versionFiles(GitLabApi &api, const QString &project, const QString &name,
                                       const QString &version)
{
    const auto listed = await<VersionFiles>([&](QObject *context, auto done) {
        api.versionFiles(project, name, version, context, done);
    });
    return listed.ok() ? listed.value().files : QList<PackageFile>();
}

// A complete tester pass over the model as it is now (a failure aborts the test program).
inline void checkModel(QAbstractItemModel *model)
{
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

// A package version as the API would give it; `created` in ISO 8601.
inline Package package(qint64 id, const QString &name, const QString &version,
                       const QString &created, const QString &status = u"default"_s)
{
    Package p;
    p.id = id;
    p.name = name;
    p.version = version;
    p.status = status;
    p.createdAt = QDateTime::fromString(created, Qt::ISODate);
    return p;
}

} // namespace Stevedore::ModelTest
