#include "Fixture.h"

namespace stevedore::test {

namespace {

QJsonObject merged(QJsonObject base, const QJsonObject &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

} // namespace

Fixture &Fixture::add(const QString &list, const QJsonObject &entry)
{
    m_lists[list].append(entry);
    return *this;
}

Fixture &Fixture::addUser(const QString &username, bool admin, const QJsonObject &extra)
{
    const int id = extra.contains(QStringLiteral("id")) ? extra.value(QStringLiteral("id")).toInt()
                                                        : m_nextUserId;
    m_nextUserId = qMax(m_nextUserId, id + 1);
    return add(
        QStringLiteral("users"),
        merged({{QStringLiteral("id"), id},
                {QStringLiteral("username"), username},
                {QStringLiteral("name"), username},
                {QStringLiteral("email"), QString(username + QStringLiteral("@example.com"))},
                {QStringLiteral("admin"), admin},
                {QStringLiteral("state"), QStringLiteral("active")}},
               extra));
}

Fixture &Fixture::addPersonalToken(const QString &token, const QString &user,
                                   const QStringList &scopes, const QJsonObject &extra)
{
    return add(QStringLiteral("tokens"),
               merged({{QStringLiteral("kind"), QStringLiteral("personal")},
                       {QStringLiteral("token"), token},
                       {QStringLiteral("user"), user},
                       {QStringLiteral("name"), QString(QStringLiteral("token-") + user)},
                       {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}},
                      extra));
}

Fixture &Fixture::addOAuthToken(const QString &token, const QString &user,
                                const QStringList &scopes, const QJsonObject &extra)
{
    return add(QStringLiteral("tokens"),
               merged({{QStringLiteral("kind"), QStringLiteral("oauth")},
                       {QStringLiteral("token"), token},
                       {QStringLiteral("user"), user},
                       {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}},
                      extra));
}

Fixture &Fixture::addDeployToken(const QString &token, const QString &project,
                                 const QStringList &scopes, const QJsonObject &extra)
{
    return add(QStringLiteral("tokens"),
               merged({{QStringLiteral("kind"), QStringLiteral("deploy")},
                       {QStringLiteral("token"), token},
                       {QStringLiteral("project"), project},
                       {QStringLiteral("username"),
                        QString(QStringLiteral("gitlab+deploy-token-") + token)},
                       {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}},
                      extra));
}

Fixture &Fixture::addJobToken(const QString &token, const QString &user, const QString &project,
                              int jobId, int pipelineId, bool running, const QJsonObject &extra)
{
    return add(QStringLiteral("tokens"), merged({{QStringLiteral("kind"), QStringLiteral("job")},
                                                 {QStringLiteral("token"), token},
                                                 {QStringLiteral("user"), user},
                                                 {QStringLiteral("project"), project},
                                                 {QStringLiteral("job_id"), jobId},
                                                 {QStringLiteral("pipeline_id"), pipelineId},
                                                 {QStringLiteral("running"), running}},
                                                extra));
}

Fixture &Fixture::addNamespace(const QString &path, bool duplicatesAllowed,
                               const QString &duplicateExceptionRegex, const QString &kind,
                               const QJsonObject &extra)
{
    return add(
        QStringLiteral("namespaces"),
        merged({{QStringLiteral("path"), path},
                {QStringLiteral("name"), path.section(QLatin1Char('/'), -1)},
                {QStringLiteral("kind"), kind},
                {QStringLiteral("generic_duplicates_allowed"), duplicatesAllowed},
                {QStringLiteral("generic_duplicate_exception_regex"), duplicateExceptionRegex}},
               extra));
}

Fixture &Fixture::addProject(int id, const QString &path, const QString &visibility,
                             const QMap<QString, QString> &members, const QJsonObject &extra)
{
    QJsonObject memberObject;
    for (auto it = members.begin(); it != members.end(); ++it)
        memberObject.insert(it.key(), it.value());
    return add(
        QStringLiteral("projects"),
        merged({{QStringLiteral("id"), id},
                {QStringLiteral("path"), path},
                {QStringLiteral("name"), path.section(QLatin1Char('/'), -1)},
                {QStringLiteral("description"), QString(QStringLiteral("Test project ") + path)},
                {QStringLiteral("visibility"), visibility},
                {QStringLiteral("members"), memberObject}},
               extra));
}

Fixture &Fixture::addPackage(const QString &project, const QString &name, const QString &version,
                             const QJsonArray &files, const QJsonObject &extra)
{
    return add(QStringLiteral("packages"),
               merged({{QStringLiteral("project"), project},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("status"), QStringLiteral("default")},
                       {QStringLiteral("files"), files}},
                      extra));
}

QJsonObject Fixture::toJson() const
{
    QJsonObject out;
    for (auto it = m_lists.begin(); it != m_lists.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QJsonObject Fixture::file(const QString &name, const QByteArray &content, const QJsonObject &extra)
{
    return merged(
        {{QStringLiteral("name"), name}, {QStringLiteral("content"), QString::fromUtf8(content)}},
        extra);
}

QJsonObject Fixture::generatedFile(const QString &name, qint64 size, const QJsonObject &extra)
{
    return merged({{QStringLiteral("name"), name}, {QStringLiteral("size"), size}}, extra);
}

} // namespace stevedore::test
