#pragma once

// Helpers shared by the client's integration tests (TestUploadDownload, TestTokenKinds, …): an
// account and client for a running gitlab-sim, waiting for the asynchronous API and the
// transfer jobs, test files with known SHA-256, and reading the simulator's request log.

#include "ClientSession.h"
#include "DemoData.h"
#include "SimServer.h"
#include "api/GitLabApi.h"
#include "api/GitLabClient.h"
#include "core/Account.h"
#include "core/Sha256.h"
#include "transfer/DownloadJob.h"
#include "transfer/UploadJob.h"

#include <QEventLoop>
#include <QFile>
#include <QObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

namespace Stevedore::IntegrationTest {

using namespace Qt::StringLiterals;

// How long any single wait may take. Generous: the suite runs on slow CI machines.
inline constexpr int kTimeoutMs = 30000;

// The demo data's credentials and names (kPat, kProject, …; DemoData.h).
using namespace stevedore::test::demo;

using Test::apiHandle;
using Test::Session;
using Test::simAccount;

// Runs the event loop until `finished` has been set by something the loop delivers (a callback
// that also calls loop.quit()), or kTimeoutMs pass. A real event loop, not QTest::qWaitFor: that
// sleeps 10 ms between rounds, which throttles Qt's upload data (handed from the network thread
// to the main thread one chunk per round) to a few MB/s.
template<typename T>
bool runUntil(QEventLoop &loop, const std::optional<T> &finished, int timeoutMs = kTimeoutMs)
{
    if (finished)
        return true;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return finished.has_value();
}

// Runs one GitLabApi operation and waits for its callback:
//     await<QList<Package>>([&](QObject *context, auto done) { api.packages(…, context, done); })
// A callback that never comes gives a Timeout error naming the test's wait.
template<typename T, typename Operation> Result<T> await(Operation operation)
{
    std::optional<Result<T>> result;
    QObject context;
    QEventLoop loop;
    operation(&context, [&result, &loop](Result<T> value) {
        result = std::move(value);
        loop.quit();
    });
    if (!runUntil(loop, result))
        return ApiError(ApiError::Kind::Timeout, u"the test waited 30 s for an answer"_s);
    return *result;
}

inline Result<PackageFile> runUpload(UploadJob &job, int timeoutMs = kTimeoutMs)
{
    std::optional<Result<PackageFile>> result;
    QEventLoop loop;
    QObject::connect(&job, &UploadJob::finished, &loop,
                     [&result, &loop](const Result<PackageFile> &value) {
                         result = value;
                         loop.quit();
                     });
    job.start();
    if (!runUntil(loop, result, timeoutMs))
        return ApiError(ApiError::Kind::Timeout, u"the upload did not finish in time"_s);
    return *result;
}

inline Result<PackageFile> upload(GitLabApi &api, const PackageTarget &target,
                                  const QString &localPath, bool hidden = false)
{
    UploadJob job(api, target, localPath, hidden);
    return runUpload(job);
}

inline Result<Success> runDownload(DownloadJob &job)
{
    std::optional<Result<Success>> result;
    QEventLoop loop;
    QObject::connect(&job, &DownloadJob::finished, &loop,
                     [&result, &loop](const Result<Success> &value) {
                         result = value;
                         loop.quit();
                     });
    job.start();
    if (!runUntil(loop, result))
        return ApiError(ApiError::Kind::Timeout, u"the download did not finish within 30 s"_s);
    return *result;
}

inline Result<Success> download(GitLabApi &api, const PackageTarget &source,
                                const QString &targetPath)
{
    DownloadJob job(api, source, targetPath);
    return runDownload(job);
}

inline Result<VersionFiles> versionFiles(GitLabApi &api, const PackageTarget &target)
{
    return await<VersionFiles>([&](QObject *context, auto done) {
        api.versionFiles(target.project, target.packageName, target.version, context, done);
    });
}

inline Result<QList<Package>> packages(GitLabApi &api, const QString &project, const QString &name,
                                       bool includeHidden = false)
{
    return await<QList<Package>>([&](QObject *context, auto done) {
        api.packages(project, {name, includeHidden}, context, done);
    });
}

// Writes `size` pseudo-random bytes (the same for the same seed) and returns their SHA-256.
inline QString writeFile(const QString &path, qint64 size, quint32 seed = 1)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    QRandomGenerator random(seed);
    Sha256 hash;
    QByteArray chunk;
    for (qint64 left = size; left > 0;) {
        chunk.resize(qsizetype(std::min<qint64>(left, 64 * 1024)));
        random.fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        for (qsizetype i = chunk.size() / 4 * 4; i < chunk.size(); ++i)
            chunk[i] = char(random.generate());
        if (file.write(chunk) != chunk.size())
            return {};
        hash.add(chunk);
        left -= chunk.size();
    }
    return hash.hexDigest();
}

inline QString writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
        return {};
    file.close();
    return Sha256::ofFile(path);
}

// The request lines of gitlab-sim's --log (`<time> <addr>:<port> <METHOD> <path> <status>`),
// without its notes (`listening on …`) and credential-leak records.
inline QStringList requestLines(const QByteArray &log)
{
    QStringList lines;
    for (const QByteArray &line : log.split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() >= 5 && fields.at(1).contains(':')
            && QByteArrayList{"GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "OPTIONS"}.contains(
                fields.at(2)))
            lines << QString::fromUtf8(line);
    }
    return lines;
}

// The request lines whose method is `method` and whose path contains `pathPart`.
inline QStringList requestLines(const QByteArray &log, const QString &method,
                                const QString &pathPart)
{
    QStringList matching;
    for (const QString &line : requestLines(log)) {
        const QStringList fields = line.split(u' ');
        if (fields.at(2) == method && fields.at(3).contains(pathPart))
            matching << line;
    }
    return matching;
}

// The files of a version by stored name → how many copies.
inline QMap<QString, int> copiesByName(const VersionFiles &version)
{
    QMap<QString, int> copies;
    for (const PackageFile &file : version.files)
        copies[file.storedName] += 1;
    return copies;
}

inline QString describe(const ApiError &error)
{
    return u"%1 (HTTP %2): %3"_s.arg(apiErrorKindName(error.kind()))
        .arg(error.httpStatus())
        .arg(error.message());
}

} // namespace Stevedore::IntegrationTest

// Waits in a real event loop (QSignalSpy::wait) until `spy` has recorded `count` signals.
#define WAIT_FOR_SIGNALS(spy, count)                                                               \
    do {                                                                                           \
        while ((spy).size() < (count))                                                             \
            QVERIFY2((spy).wait(::Stevedore::IntegrationTest::kTimeoutMs),                         \
                     "no signal within 30 s");                                                     \
    } while (false)

// QVERIFY2 with a Result's error as the message; `expression` is evaluated once.
#define VERIFY_OK(expression)                                                                      \
    do {                                                                                           \
        const auto &verifiedResult_ = (expression);                                                \
        QVERIFY2(verifiedResult_.ok(),                                                             \
                 qPrintable(::Stevedore::IntegrationTest::describe(verifiedResult_.error())));     \
    } while (false)
