#include "Serialize.h"

#include <QJsonArray>
#include <QUrl>

namespace sim {

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

namespace {
QJsonValue optionalTime(const std::optional<QDateTime> &time)
{
    return time ? QJsonValue(isoTime(*time)) : QJsonValue();
}
} // namespace

Serializer::Serializer(const Store &store, QString externalUrl)
    : m_store(store)
    , m_externalUrl(std::move(externalUrl))
{
}

QString Serializer::webUrl(const QString &path) const
{
    return m_externalUrl + QLatin1Char('/') + path;
}

QJsonObject Serializer::pipeline(const Pipeline &pipeline, const Project &project) const
{
    const User *user = m_store.userByName(pipeline.username);
    const QDateTime created =
        QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(pipeline.id * 60);
    QJsonObject object{
        {QStringLiteral("id"), pipeline.id},
        {QStringLiteral("iid"), pipeline.id % 1000},
        {QStringLiteral("project_id"), project.id},
        {QStringLiteral("sha"),
         QString::fromLatin1(QByteArray::number(pipeline.id * 7919, 16).rightJustified(40, 'a'))},
        {QStringLiteral("ref"), QStringLiteral("main")},
        {QStringLiteral("status"), QStringLiteral("success")},
        {QStringLiteral("source"), QStringLiteral("push")},
        {QStringLiteral("created_at"), isoTime(created)},
        {QStringLiteral("updated_at"), isoTime(created.addSecs(120))},
        {QStringLiteral("web_url"),
         webUrl(project.fullPath + QStringLiteral("/-/pipelines/%1").arg(pipeline.id))}};
    if (user) {
        object.insert(QStringLiteral("user"),
                      QJsonObject{{QStringLiteral("id"), user->id},
                                  {QStringLiteral("username"), user->username},
                                  {QStringLiteral("name"), user->name}});
    }
    return object;
}

QJsonObject Serializer::package(const Package &package, const Project &project,
                                bool canDelete) const
{
    QJsonObject links;
    if (package.status == QLatin1String("default")
        || package.status == QLatin1String("deprecated")) {
        links.insert(QStringLiteral("web_path"),
                     QStringLiteral("/%1/-/packages/%2").arg(project.fullPath).arg(package.id));
    }
    if (canDelete) {
        links.insert(QStringLiteral("delete_api_path"),
                     QString(m_externalUrl
                             + QStringLiteral("/api/v4/projects/%1/packages/%2")
                                   .arg(project.id)
                                   .arg(package.id)));
    }
    QJsonObject object{
        {QStringLiteral("id"), package.id},
        {QStringLiteral("name"), package.name},
        {QStringLiteral("version"), package.version},
        {QStringLiteral("package_type"), QStringLiteral("generic")},
        {QStringLiteral("status"), package.status},
        {QStringLiteral("_links"), links},
        {QStringLiteral("created_at"), isoTime(package.createdAt)},
        {QStringLiteral("last_downloaded_at"), optionalTime(package.lastDownloadedAt)},
        {QStringLiteral("tags"), QJsonArray()}};
    if (package.pipeline) {
        object.insert(QStringLiteral("pipeline"), pipeline(*package.pipeline, project));
        object.insert(QStringLiteral("pipelines"), QJsonArray());
    }
    return object;
}

QJsonObject Serializer::packageVersion(const Package &package, const Project &project) const
{
    QJsonObject object{{QStringLiteral("id"), package.id},
                       {QStringLiteral("version"), package.version},
                       {QStringLiteral("created_at"), isoTime(package.createdAt)},
                       {QStringLiteral("tags"), QJsonArray()}};
    if (package.pipeline)
        object.insert(QStringLiteral("pipeline"), pipeline(*package.pipeline, project));
    return object;
}

QJsonObject Serializer::packageFile(const PackageFile &file, const Project &project) const
{
    QJsonObject object{{QStringLiteral("id"), file.id},
                       {QStringLiteral("package_id"), file.packageId},
                       {QStringLiteral("created_at"), isoTime(file.createdAt)},
                       {QStringLiteral("file_name"), file.fileName},
                       {QStringLiteral("size"), file.size},
                       {QStringLiteral("file_md5"), QJsonValue()},
                       {QStringLiteral("file_sha1"), QJsonValue()},
                       {QStringLiteral("file_sha256"), file.sha256}};
    if (file.pipeline)
        object.insert(QStringLiteral("pipelines"), QJsonArray{pipeline(*file.pipeline, project)});
    return object;
}

QJsonObject Serializer::packageFileRecord(const PackageFile &file, const Project &project) const
{
    const QString storagePath = QStringLiteral("/%1/%2/%3/packages/%4/files/%5/%6")
                                    .arg(file.sha256.left(2), file.sha256.mid(2, 2), file.sha256)
                                    .arg(file.packageId)
                                    .arg(file.id)
                                    .arg(file.fileName);
    return QJsonObject{{QStringLiteral("id"), file.id},
                       {QStringLiteral("package_id"), file.packageId},
                       {QStringLiteral("created_at"), isoTime(file.createdAt)},
                       {QStringLiteral("updated_at"), isoTime(file.createdAt)},
                       {QStringLiteral("size"), file.size},
                       {QStringLiteral("file_store"), 1},
                       {QStringLiteral("file_md5"), QJsonValue()},
                       {QStringLiteral("file_sha1"), QJsonValue()},
                       {QStringLiteral("file_name"), file.fileName},
                       {QStringLiteral("file"), QJsonObject{{QStringLiteral("url"), storagePath}}},
                       {QStringLiteral("file_sha256"), file.sha256},
                       {QStringLiteral("verification_retry_at"), QJsonValue()},
                       {QStringLiteral("verified_at"), QJsonValue()},
                       {QStringLiteral("verification_failure"), QJsonValue()},
                       {QStringLiteral("verification_retry_count"), QJsonValue()},
                       {QStringLiteral("verification_checksum"), QJsonValue()},
                       {QStringLiteral("verification_state"), 0},
                       {QStringLiteral("verification_started_at"), QJsonValue()},
                       {QStringLiteral("new_file_path"), QJsonValue()},
                       {QStringLiteral("status"), file.status},
                       {QStringLiteral("project_id"), project.id}};
}

QJsonObject Serializer::namespaceOf(const Project &project) const
{
    const Namespace *ns = m_store.namespaceByPath(project.namespacePath());
    const QString fullPath = project.namespacePath();
    const Namespace *parent = m_store.namespaceByPath(fullPath.section(QLatin1Char('/'), 0, -2));
    return QJsonObject{
        {QStringLiteral("id"), ns ? ns->id : 0},
        {QStringLiteral("name"), ns ? ns->name : fullPath},
        {QStringLiteral("path"), fullPath.section(QLatin1Char('/'), -1)},
        {QStringLiteral("kind"), ns ? ns->kind : QStringLiteral("group")},
        {QStringLiteral("full_path"), fullPath},
        {QStringLiteral("parent_id"), parent ? QJsonValue(parent->id) : QJsonValue()},
        {QStringLiteral("avatar_url"), QJsonValue()},
        {QStringLiteral("web_url"), webUrl(QString(QStringLiteral("groups/") + fullPath))}};
}

QJsonObject Serializer::project(const Project &project, const Access &access, bool simple) const
{
    QStringList namespaceNames;
    QString prefix;
    for (const QString &part : project.namespacePath().split(QLatin1Char('/'))) {
        prefix = prefix.isEmpty() ? part : prefix + QLatin1Char('/') + part;
        const Namespace *ns = m_store.namespaceByPath(prefix);
        namespaceNames << (ns ? ns->name : part);
    }
    namespaceNames << project.name;
    const QString web = webUrl(project.fullPath);
    QJsonObject object{
        {QStringLiteral("id"), project.id},
        {QStringLiteral("description"), project.description},
        {QStringLiteral("name"), project.name},
        {QStringLiteral("name_with_namespace"), namespaceNames.join(QStringLiteral(" / "))},
        {QStringLiteral("path"), project.path()},
        {QStringLiteral("path_with_namespace"), project.fullPath},
        {QStringLiteral("created_at"), isoTime(project.createdAt)},
        {QStringLiteral("default_branch"), QStringLiteral("main")},
        {QStringLiteral("tag_list"), QJsonArray()},
        {QStringLiteral("topics"), QJsonArray()},
        {QStringLiteral("ssh_url_to_repo"),
         QStringLiteral("git@%1:%2.git").arg(QUrl(m_externalUrl).host(), project.fullPath)},
        {QStringLiteral("http_url_to_repo"), QString(web + QStringLiteral(".git"))},
        {QStringLiteral("web_url"), web},
        {QStringLiteral("readme_url"), QString(web + QStringLiteral("/-/blob/main/README.md"))},
        {QStringLiteral("forks_count"), 0},
        {QStringLiteral("avatar_url"), QJsonValue()},
        {QStringLiteral("star_count"), 0},
        {QStringLiteral("last_activity_at"), isoTime(project.lastActivityAt)},
        {QStringLiteral("namespace"), namespaceOf(project)}};
    if (simple)
        return object;
    static const char *const visibilityNames[] = {"private", "internal", "public"};
    object.insert(QStringLiteral("visibility"),
                  QLatin1String(visibilityNames[int(project.visibility)]));
    object.insert(QStringLiteral("archived"), false);
    object.insert(QStringLiteral("packages_enabled"), true);
    object.insert(QStringLiteral("empty_repo"), false);
    QJsonValue projectAccess;
    if (access.level() != AccessLevel::None) {
        projectAccess = QJsonObject{{QStringLiteral("access_level"), int(access.level())},
                                    {QStringLiteral("notification_level"), 3}};
    }
    object.insert(QStringLiteral("permissions"),
                  QJsonObject{{QStringLiteral("project_access"), projectAccess},
                              {QStringLiteral("group_access"), QJsonValue()}});
    return object;
}

QJsonObject Serializer::user(const User &user) const
{
    return QJsonObject{
        {QStringLiteral("id"), user.id},
        {QStringLiteral("username"), user.username},
        {QStringLiteral("name"), user.name},
        {QStringLiteral("state"), user.state},
        {QStringLiteral("locked"), false},
        {QStringLiteral("avatar_url"), QJsonValue()},
        {QStringLiteral("web_url"), webUrl(user.username)},
        {QStringLiteral("created_at"), isoTime(user.createdAt)},
        {QStringLiteral("bio"), QString()},
        {QStringLiteral("email"), user.email},
        {QStringLiteral("public_email"), QJsonValue()},
        {QStringLiteral("is_admin"), user.admin},
        {QStringLiteral("last_sign_in_at"), isoTime(user.createdAt)},
        {QStringLiteral("last_activity_on"), QDate::currentDate().toString(Qt::ISODate)},
        {QStringLiteral("two_factor_enabled"), false},
        {QStringLiteral("external"), false},
        {QStringLiteral("can_create_project"), true}};
}

QJsonObject Serializer::personalAccessToken(const Token &token) const
{
    const User *owner = m_store.userByName(token.username);
    QJsonArray scopes;
    for (const QString &scope : token.scopes)
        scopes.append(scope);
    const bool expired = token.expiresAt && *token.expiresAt <= QDate::currentDate();
    return QJsonObject{
        {QStringLiteral("id"), token.id},
        {QStringLiteral("name"), token.name},
        {QStringLiteral("description"), token.description},
        {QStringLiteral("revoked"), token.revoked},
        {QStringLiteral("created_at"), isoTime(token.createdAt)},
        {QStringLiteral("scopes"), scopes},
        {QStringLiteral("user_id"), owner ? owner->id : 0},
        {QStringLiteral("last_used_at"), isoTime(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("active"), !token.revoked && !expired},
        {QStringLiteral("expired"), expired},
        {QStringLiteral("granular"), false},
        {QStringLiteral("expires_at"),
         token.expiresAt ? QJsonValue(token.expiresAt->toString(Qt::ISODate)) : QJsonValue()}};
}

} // namespace sim
