#include "api/GitLabApi.h"

#include "api/PageFetcher.h"
#include "validate/NameRules.h"

#include <QJsonArray>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <memory>

namespace Stevedore {

namespace {

QByteArray packagesPath(const QString &project)
{
    return "projects/" + UrlSegments::project(project) + "/packages";
}

} // namespace

ApiError GitLabApi::unreadableAnswer()
{
    return ApiError(ApiError::Kind::Protocol,
                    ApiError::tr("GitLab's answer could not be read as the expected JSON."));
}

void GitLabApi::request(ApiCall::Method method, const QUrl &url, QObject *context,
                        std::function<void(ApiCall &)> done,
                        std::function<void(const ApiCall &)> started, int attempt)
{
    // GitLabApi is a light handle that callers may create for one call: the callbacks hold
    // the client, never this object.
    QPointer<GitLabClient> client(&m_client);
    ApiCall *call = m_client.call({method, url, {}, true});
    if (started)
        QObject::connect(call, &ApiCall::responseStarted, context,
                         [call, started] { started(*call); });
    QObject::connect(
        call, &ApiCall::finished, context,
        [client, call, method, url, context, attempt, done = std::move(done),
         started = std::move(started)] {
            call->deleteLater();
            const bool readOnly = method == ApiCall::Method::Get || method == ApiCall::Method::Head;
            const RetryPolicy policy = client ? client->retryPolicy() : RetryPolicy{0};
            const RetryPolicy::Decision next = policy.after(attempt, call->error());
            if (!readOnly || !next.retry || !client) {
                call->replaceError(next.error); // e.g. why the server's wait is not honoured
                return done(*call);
            }
            Q_EMIT client->retrying(call->error().message() + QLatin1Char(' ') + next.notice);
            QTimer::singleShot(next.delay, context,
                               [client, method, url, context, attempt, done, started] {
                                   if (client)
                                       GitLabApi(*client).request(method, url, context, done,
                                                                  started, attempt + 1);
                               });
        });
    QObject::connect(context, &QObject::destroyed, call, &QObject::deleteLater);
}

QUrl GitLabApi::nextPageUrl(const ApiCall &call) const
{
    static const QRegularExpression next(QStringLiteral("<([^>]+)>\\s*;\\s*rel=\"next\""));
    const auto match = next.match(QString::fromLatin1(call.header("Link")));
    if (!match.hasMatch())
        return {};
    // GitLab writes its configured external URL into Link; keep our own origin.
    const QUrl link = QUrl::fromEncoded(match.captured(1).toLatin1(), QUrl::StrictMode);
    QUrl url = m_client.account().baseUrl;
    url.setPath(link.path(QUrl::FullyEncoded), QUrl::StrictMode);
    url.setQuery(link.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

template<typename T>
void GitLabApi::readPages(const QUrl &url, QObject *context, Result<T> (*parse)(const QJsonValue &),
                          std::function<void(QList<T> &&page)> page, Callback<Success> done)
{
    PageFetcher::start(
        m_client, url, context,
        [parse, page = std::move(page)](const QJsonArray &entries) -> ApiError {
            QList<T> items;
            items.reserve(entries.size());
            for (const QJsonValue &value : entries) {
                Result<T> entry = parse(value);
                if (!entry.ok())
                    return entry.error();
                items.append(std::move(entry.value()));
            }
            page(std::move(items));
            return {};
        },
        [done = std::move(done)](const ApiError &error) {
            if (error.isError())
                return done(error);
            done(Success{});
        });
}

template<typename T>
void GitLabApi::collectPages(const QUrl &url, QObject *context,
                             Result<T> (*parse)(const QJsonValue &), Callback<QList<T>> done)
{
    const auto collected = std::make_shared<QList<T>>();
    readPages<T>(
        url, context, parse, [collected](QList<T> &&page) { collected->append(std::move(page)); },
        [collected, done = std::move(done)](Result<Success> result) {
            if (!result.ok())
                return done(result.error());
            done(std::move(*collected));
        });
}

void GitLabApi::currentUser(QObject *context, Callback<CurrentUser> done)
{
    request(ApiCall::Method::Get, m_client.apiUrl("user"), context, [done](ApiCall &call) {
        if (call.error().isError())
            return done(call.error());
        const QJsonDocument document = call.json();
        if (!document.isObject())
            return done(unreadableAnswer());
        done(CurrentUser::fromJson(document.object()));
    });
}

void GitLabApi::tokenInfo(QObject *context, Callback<TokenInfo> done)
{
    request(ApiCall::Method::Get, m_client.apiUrl("personal_access_tokens/self"), context,
            [done](ApiCall &call) {
                if (call.error().isError())
                    return done(call.error());
                const QJsonDocument document = call.json();
                if (!document.isObject())
                    return done(unreadableAnswer());
                done(TokenInfo::fromJson(document.object()));
            });
}

void GitLabApi::projects(const ProjectQuery &query, QObject *context, Callback<Page<Project>> done)
{
    QUrlQuery parameters;
    parameters.addQueryItem(QStringLiteral("membership"), QStringLiteral("true"));
    parameters.addQueryItem(QStringLiteral("order_by"), QStringLiteral("last_activity_at"));
    parameters.addQueryItem(QStringLiteral("per_page"), QStringLiteral("50"));
    if (query.minAccessLevel > 0)
        parameters.addQueryItem(QStringLiteral("min_access_level"),
                                QString::number(query.minAccessLevel));
    if (!query.search.isEmpty())
        parameters.addQueryItem(QStringLiteral("search"),
                                QString::fromLatin1(QUrl::toPercentEncoding(query.search)));
    projectsPage(m_client.apiUrl("projects", parameters), context, std::move(done));
}

void GitLabApi::projectsPage(const QUrl &url, QObject *context, Callback<Page<Project>> done)
{
    request(ApiCall::Method::Get, url, context,
            [client = QPointer<GitLabClient>(&m_client), done](ApiCall &call) {
                if (call.error().isError())
                    return done(call.error());
                const QJsonDocument document = call.json();
                if (!document.isArray())
                    return done(unreadableAnswer());
                Page<Project> page;
                for (const QJsonValue &value : document.array()) {
                    Result<Project> project = Project::fromJson(value);
                    if (!project.ok())
                        return done(project.error());
                    page.items.append(project.value());
                }
                if (!client)
                    return;
                page.next = GitLabApi(*client).nextPageUrl(call);
                if (page.next == call.finalUrl())
                    return done(
                        ApiError(ApiError::Kind::Protocol,
                                 ApiError::tr("GitLab's next page points back to the page just "
                                              "read; the list was stopped.")));
                done(page);
            });
}

void GitLabApi::project(const QString &idOrPath, QObject *context, Callback<Project> done)
{
    request(ApiCall::Method::Get, m_client.apiUrl("projects/" + UrlSegments::project(idOrPath)),
            context, [done](ApiCall &call) {
                if (call.error().isError())
                    return done(call.error());
                done(Project::fromJson(call.json().object()));
            });
}

void GitLabApi::packages(const QString &project, const PackageFilter &filter, QObject *context,
                         Callback<QList<Package>> done)
{
    const auto collected = std::make_shared<QList<Package>>();
    packagePages(
        project, filter, context,
        [collected](QList<Package> &&page) { collected->append(std::move(page)); },
        [collected, done = std::move(done)](Result<Success> result) {
            if (!result.ok())
                return done(result.error());
            done(std::move(*collected));
        });
}

void GitLabApi::packagePages(const QString &project, const PackageFilter &filter, QObject *context,
                             std::function<void(QList<Package> &&page)> page,
                             Callback<Success> done)
{
    const auto query = [&](const QString &status) {
        QUrlQuery parameters;
        parameters.addQueryItem(QStringLiteral("package_type"), QStringLiteral("generic"));
        parameters.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
        if (!filter.exactName.isEmpty())
            parameters.addQueryItem(QStringLiteral("package_name"),
                                    QString::fromLatin1(QUrl::toPercentEncoding(filter.exactName)));
        if (!status.isEmpty())
            parameters.addQueryItem(QStringLiteral("status"), status);
        return m_client.apiUrl(packagesPath(project), parameters);
    };
    // package_name is a fuzzy substring match on the server; and a package listed twice (on
    // two pages, or in the visible and the hidden list) is one package.
    const std::function<void(QList<Package> &&)> keepExact =
        [seen = std::make_shared<QSet<qint64>>(), exactName = filter.exactName,
         page = std::move(page)](QList<Package> &&packages) {
            packages.removeIf([&](const Package &package) {
                const bool repeated = seen->contains(package.id);
                seen->insert(package.id);
                return repeated || (!exactName.isEmpty() && package.name != exactName);
            });
            if (!packages.isEmpty())
                page(std::move(packages));
        };
    const QUrl hidden = filter.includeHidden ? query(QStringLiteral("hidden")) : QUrl();
    readPages<Package>(query({}), context, &Package::fromJson, keepExact,
                       [client = QPointer<GitLabClient>(&m_client), hidden, context, keepExact,
                        done = std::move(done)](Result<Success> visible) {
                           if (!visible.ok() || hidden.isEmpty())
                               return done(visible);
                           if (!client)
                               return;
                           GitLabApi(*client).readPages<Package>(
                               hidden, context, &Package::fromJson, keepExact, done);
                       });
}

void GitLabApi::packageFiles(const QString &project, qint64 packageId, QObject *context,
                             Callback<QList<PackageFile>> done)
{
    QUrlQuery parameters;
    parameters.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    const QUrl url = m_client.apiUrl(
        packagesPath(project) + '/' + QByteArray::number(packageId) + "/package_files", parameters);
    collectPages<PackageFile>(url, context, &PackageFile::fromJson, std::move(done));
}

const PackageFile *VersionFiles::newest(const QString &storedName) const
{
    const PackageFile *found = nullptr;
    for (const PackageFile &file : files) {
        if (file.storedName == storedName && (!found || file.id > found->id))
            found = &file;
    }
    return found;
}

QList<PackageFile> VersionFiles::served() const
{
    QList<PackageFile> result;
    for (const PackageFile &file : files) {
        if (newest(file.storedName)->id == file.id)
            result.append(file);
    }
    return result;
}

void GitLabApi::versionFiles(const QString &project, const QString &packageName,
                             const QString &version, QObject *context, Callback<VersionFiles> done)
{
    // An empty or fuzzy name would make the server's substring filter match other packages.
    const auto problem = [&]() -> std::optional<QString> {
        if (const auto why = NameRules::projectProblem(project))
            return ApiError::tr("Project \"%1\": %2").arg(project, *why);
        if (const auto why = NameRules::packageNameProblem(packageName))
            return ApiError::tr("Package name \"%1\": %2").arg(packageName, *why);
        if (const auto why = NameRules::versionProblem(version))
            return ApiError::tr("Version \"%1\": %2").arg(version, *why);
        return std::nullopt;
    }();
    if (problem) {
        const ApiError error(ApiError::Kind::Validation, *problem);
        QTimer::singleShot(0, context, [done, error] { done(error); });
        return;
    }
    packages(project, {packageName, true}, context,
             [client = QPointer<GitLabClient>(&m_client), project, packageName, version, context,
              done](Result<QList<Package>> found) {
                 if (!found.ok())
                     return done(found.error());
                 QList<Package> matches = found.value();
                 matches.removeIf([&](const Package &candidate) {
                     return candidate.name != packageName || candidate.version != version;
                 });
                 if (matches.isEmpty())
                     return done(VersionFiles{});
                 if (matches.size() > 1) {
                     QStringList ids;
                     for (const Package &match : std::as_const(matches))
                         ids << QString::number(match.id);
                     return done(ApiError(
                         ApiError::Kind::Protocol,
                         ApiError::tr("GitLab lists %1 packages named %2 with version %3 (ids %4); "
                                      "refusing to choose one.")
                             .arg(matches.size())
                             .arg(packageName, version, ids.join(QStringLiteral(", ")))));
                 }
                 const Package match = matches.constFirst();
                 if (!client)
                     return;
                 GitLabApi(*client).packageFiles(
                     project, match.id, context, [match, done](Result<QList<PackageFile>> files) {
                         if (!files.ok() && files.error().kind() == ApiError::Kind::NotFound
                             && match.status == QLatin1String("hidden"))
                             return done(ApiError(
                                 ApiError::Kind::NotFound,
                                 ApiError::tr("%1 %2 is hidden, and GitLab does not list the "
                                              "files of a hidden version (it still serves "
                                              "them by name).")
                                     .arg(match.name, match.version)));
                         if (!files.ok())
                             return done(files.error());
                         for (const PackageFile &file : files.value()) {
                             if (file.packageId != 0 && file.packageId != match.id)
                                 return done(
                                     ApiError(ApiError::Kind::Protocol,
                                              ApiError::tr("GitLab's answer is not what the API "
                                                           "documents: file %1 of package %2 names "
                                                           "package %3.")
                                                  .arg(file.id)
                                                  .arg(match.id)
                                                  .arg(file.packageId)));
                         }
                         done(VersionFiles{match, files.value()});
                     });
             });
}

void GitLabApi::existingVersionFiles(const QString &project, const QString &packageName,
                                     const QString &version, QObject *context,
                                     Callback<VersionFiles> done)
{
    versionFiles(project, packageName, version, context,
                 [project, packageName, version, done](Result<VersionFiles> found) {
                     if (found.ok() && !found.value().package) {
                         return done(ApiError(ApiError::Kind::NotFound,
                                              ApiError::tr("%1 has no version %3 of package %2.")
                                                  .arg(project, packageName, version)));
                     }
                     done(found);
                 });
}

void GitLabApi::deletePackage(const QString &project, qint64 packageId, QObject *context,
                              Callback<Success> done)
{
    request(ApiCall::Method::Delete,
            m_client.apiUrl(packagesPath(project) + '/' + QByteArray::number(packageId)), context,
            [done](ApiCall &call) {
                if (call.error().isError())
                    return done(call.error());
                done(Success{});
            });
}

void GitLabApi::deletePackageFile(const QString &project, qint64 packageId, qint64 fileId,
                                  QObject *context, Callback<Success> done)
{
    request(ApiCall::Method::Delete,
            m_client.apiUrl(packagesPath(project) + '/' + QByteArray::number(packageId)
                            + "/package_files/" + QByteArray::number(fileId)),
            context, [done](ApiCall &call) {
                if (call.error().isError())
                    return done(call.error());
                done(Success{});
            });
}

void GitLabApi::deletePackageFiles(const QString &project, qint64 packageId, QList<qint64> fileIds,
                                   QObject *context, Callback<Success> done)
{
    if (fileIds.isEmpty())
        return done(Success{});
    const qint64 first = fileIds.takeFirst();
    deletePackageFile(project, packageId, first, context,
                      [this, project, packageId, fileIds, context, done](Result<Success> deleted) {
                          if (!deleted.ok())
                              return done(deleted.error());
                          deletePackageFiles(project, packageId, fileIds, context, done);
                      });
}

} // namespace Stevedore
