#pragma once

#include "api/GitLabClient.h"
#include "api/Types.h"
#include "core/Result.h"

#include <QList>
#include <QObject>

namespace Stevedore {

struct PackageFilter
{
    QString exactName;          // empty: every generic package
    bool includeHidden = false; // hidden packages are listed only when asked for
};

struct ProjectQuery
{
    QString search;
    int minAccessLevel = 0; // 30: can upload; 0: membership of any level
};

// A package version and its files; package is empty when the version does not exist.
struct VersionFiles
{
    std::optional<Package> package;
    QList<PackageFile> files;

    // The file downloads return for this stored name: the newest upload of it.
    const PackageFile *newest(const QString &storedName) const;
    // The newest upload of every stored name (what a download of the version gets), in the
    // listing's order.
    QList<PackageFile> served() const;
};

template<typename T> struct Page
{
    QList<T> items;
    QUrl next; // empty on the last page
};

// GitLab's REST operations as typed, asynchronous calls. Each callback runs on the thread of
// `context`, and never when `context` was destroyed first.
class GitLabApi final
{
public:
    explicit GitLabApi(GitLabClient &client)
        : m_client(client)
    {
    }

    GitLabClient &client() { return m_client; }
    const GitLabClient &client() const { return m_client; }

    void currentUser(QObject *context, Callback<CurrentUser> done);
    void tokenInfo(QObject *context, Callback<TokenInfo> done);
    void projects(const ProjectQuery &query, QObject *context, Callback<Page<Project>> done);
    void projectsPage(const QUrl &next, QObject *context, Callback<Page<Project>> done);
    void project(const QString &idOrPath, QObject *context, Callback<Project> done);
    void packages(const QString &project, const PackageFilter &filter, QObject *context,
                  Callback<QList<Package>> done);
    // As packages(), but hands the packages over page by page, in the server's order, as they
    // arrive (pages left empty by the filter are skipped); `done` follows the last page or an
    // error, after which no page comes.
    void packagePages(const QString &project, const PackageFilter &filter, QObject *context,
                      std::function<void(QList<Package> &&page)> page, Callback<Success> done);
    void packageFiles(const QString &project, qint64 packageId, QObject *context,
                      Callback<QList<PackageFile>> done);
    // Looks the version up (hidden ones too) and lists its files.
    void versionFiles(const QString &project, const QString &packageName, const QString &version,
                      QObject *context, Callback<VersionFiles> done);
    // As versionFiles(), but a version that does not exist is a NotFound error.
    void existingVersionFiles(const QString &project, const QString &packageName,
                              const QString &version, QObject *context,
                              Callback<VersionFiles> done);
    void deletePackage(const QString &project, qint64 packageId, QObject *context,
                       Callback<Success> done);
    void deletePackageFile(const QString &project, qint64 packageId, qint64 fileId,
                           QObject *context, Callback<Success> done);
    // Deletes the files one after the other; stops at the first error, which `done` gets.
    void deletePackageFiles(const QString &project, qint64 packageId, QList<qint64> fileIds,
                            QObject *context, Callback<Success> done);

    // The URL of the Link rel="next" page, moved onto the account's origin; empty when last.
    QUrl nextPageUrl(const ApiCall &call) const;

    // A list stops with an error after this many pages (100,000 entries at 100 a page).
    static constexpr int kMaxPages = 1000;

private:
    friend class PageFetcher;

    // Sends one request; a GET that fails transiently is sent again as the client's
    // RetryPolicy says (Retry-After included), and `done` sees only the last attempt.
    // `started`, when given, sees each attempt's final status and headers before its body.
    void request(ApiCall::Method method, const QUrl &url, QObject *context,
                 std::function<void(ApiCall &)> done,
                 std::function<void(const ApiCall &)> started = {}, int attempt = 1);
    // Reads every page from `url` (PageFetcher), parsing each entry with `parse`.
    template<typename T>
    void readPages(const QUrl &url, QObject *context, Result<T> (*parse)(const QJsonValue &),
                   std::function<void(QList<T> &&page)> page, Callback<Success> done);
    template<typename T>
    void collectPages(const QUrl &url, QObject *context, Result<T> (*parse)(const QJsonValue &),
                      Callback<QList<T>> done);
    static ApiError unreadableAnswer(); // not the JSON the operation expects

    GitLabClient &m_client;
};

} // namespace Stevedore
