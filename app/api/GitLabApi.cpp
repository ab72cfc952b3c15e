#include "api/GitLabApi.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <memory>

namespace Stevedore {

namespace {

QByteArray packagesPath(const QString &project)
{
    return "projects/" + GitLabClient::projectSegment(project) + "/packages";
}

template<typename T> Result<T> protocolError()
{
    return ApiError(ApiError::Kind::Protocol,
                    ApiError::tr("GitLab's answer could not be read as the expected JSON."));
}

} // namespace

void GitLabApi::request(ApiCall::Method method, const QUrl &url, QObject *context,
                        std::function<void(ApiCall &)> done)
{
    ApiCall *call = m_client.call({method, url, nullptr, -1, {}, true});
    QObject::connect(call, &ApiCall::finished, context, [call, done = std::move(done)] {
        call->deleteLater();
        done(*call);
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
void GitLabApi::collectPages(const QUrl &url, QObject *context,
                             std::function<T(const QJsonObject &)> parse,
                             std::shared_ptr<QList<T>> collected, Callback<QList<T>> done)
{
    request(ApiCall::Method::Get, url, context,
            [this, context, parse, collected, done](ApiCall &call) {
                if (call.error().isError())
                    return done(call.error());
                if (!call.json().isArray())
                    return done(protocolError<QList<T>>());
                for (const QJsonValue &value : call.json().array())
                    collected->append(parse(value.toObject()));
                const QUrl next = nextPageUrl(call);
                if (next.isEmpty())
                    return done(*collected);
                collectPages(next, context, parse, collected, done);
            });
}

void GitLabApi::currentUser(QObject *context, Callback<CurrentUser> done)
{
    request(ApiCall::Method::Get, m_client.apiUrl("user"), context, [done](ApiCall &call) {
        if (call.error().isError())
            return done(call.error());
        if (!call.json().isObject())
            return done(protocolError<CurrentUser>());
        done(CurrentUser::fromJson(call.json().object()));
    });
}

void GitLabApi::tokenInfo(QObject *context, Callback<TokenInfo> done)
{
    request(ApiCall::Method::Get, m_client.apiUrl("personal_access_tokens/self"), context,
            [done](ApiCall &call) {
                if (call.error().isError())
                    return done(call.error());
                if (!call.json().isObject())
                    return done(protocolError<TokenInfo>());
                done(TokenInfo::fromJson(call.json().object()));
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
    request(ApiCall::Method::Get, url, context, [this, done](ApiCall &call) {
        if (call.error().isError())
            return done(call.error());
        if (!call.json().isArray())
            return done(protocolError<Page<Project>>());
        Page<Project> page;
        for (const QJsonValue &value : call.json().array())
            page.items.append(Project::fromJson(value.toObject()));
        page.next = nextPageUrl(call);
        done(page);
    });
}

void GitLabApi::project(const QString &idOrPath, QObject *context, Callback<Project> done)
{
    request(ApiCall::Method::Get,
            m_client.apiUrl("projects/" + GitLabClient::projectSegment(idOrPath)), context,
            [done](ApiCall &call) {
                if (call.error().isError())
                    return done(call.error());
                if (!call.json().isObject())
                    return done(protocolError<Project>());
                done(Project::fromJson(call.json().object()));
            });
}

void GitLabApi::packages(const QString &project, const PackageFilter &filter, QObject *context,
                         Callback<QList<Package>> done)
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
    const QString exactName = filter.exactName;
    const auto keepExact = [exactName](QList<Package> list) {
        // package_name is a fuzzy substring match on the server.
        if (!exactName.isEmpty())
            list.removeIf([&](const Package &package) { return package.name != exactName; });
        return list;
    };
    const std::function<Package(const QJsonObject &)> parse = &Package::fromJson;
    const QUrl visible = query({});
    if (!filter.includeHidden) {
        collectPages<Package>(visible, context, parse, std::make_shared<QList<Package>>(),
                              [done, keepExact](Result<QList<Package>> result) {
                                  if (!result.ok())
                                      return done(result.error());
                                  done(keepExact(result.value()));
                              });
        return;
    }
    const QUrl hidden = query(QStringLiteral("hidden"));
    collectPages<Package>(
        visible, context, parse, std::make_shared<QList<Package>>(),
        [this, hidden, context, parse, done, keepExact](Result<QList<Package>> first) {
            if (!first.ok())
                return done(first.error());
            collectPages<Package>(hidden, context, parse,
                                  std::make_shared<QList<Package>>(first.value()),
                                  [done, keepExact](Result<QList<Package>> all) {
                                      if (!all.ok())
                                          return done(all.error());
                                      done(keepExact(all.value()));
                                  });
        });
}

void GitLabApi::packageFiles(const QString &project, qint64 packageId, QObject *context,
                             Callback<QList<PackageFile>> done)
{
    QUrlQuery parameters;
    parameters.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    const QUrl url = m_client.apiUrl(
        packagesPath(project) + '/' + QByteArray::number(packageId) + "/package_files", parameters);
    collectPages<PackageFile>(url, context, &PackageFile::fromJson,
                              std::make_shared<QList<PackageFile>>(), std::move(done));
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

void GitLabApi::versionFiles(const QString &project, const QString &packageName,
                             const QString &version, QObject *context, Callback<VersionFiles> done)
{
    packages(project, {packageName, true}, context,
             [this, project, version, context, done](Result<QList<Package>> found) {
                 if (!found.ok())
                     return done(found.error());
                 const QList<Package> &list = found.value();
                 const auto package =
                     std::find_if(list.begin(), list.end(), [&](const Package &candidate) {
                         return candidate.version == version;
                     });
                 if (package == list.end())
                     return done(VersionFiles{});
                 const Package match = *package;
                 packageFiles(project, match.id, context,
                              [match, done](Result<QList<PackageFile>> files) {
                                  if (!files.ok())
                                      return done(files.error());
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

} // namespace Stevedore
