#include "Store.h"

#include "Content.h"
#include "Sha256.h"
#include "Validation.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace sim {

namespace {

QDateTime parseTime(const QJsonValue &value, const QDateTime &fallback)
{
    if (!value.isString())
        return fallback;
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : fallback;
}

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

// "2027-01-31", or relative to today: "+5d" / "-1d".
std::optional<QDate> parseExpiry(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    if (text.startsWith(QLatin1Char('+')) || text.startsWith(QLatin1Char('-'))) {
        if (text.endsWith(QLatin1Char('d'))) {
            bool ok = false;
            const int days = text.chopped(1).toInt(&ok);
            if (ok)
                return QDate::currentDate().addDays(days);
        }
        return std::nullopt;
    }
    const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

QJsonArray jsonArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

std::optional<TokenKind> tokenKindFromName(const QString &name)
{
    if (name == QLatin1String("personal"))
        return TokenKind::Personal;
    if (name == QLatin1String("oauth"))
        return TokenKind::OAuth;
    if (name == QLatin1String("deploy"))
        return TokenKind::Deploy;
    if (name == QLatin1String("job"))
        return TokenKind::Job;
    return std::nullopt;
}

QString tokenKindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Personal:
        return QStringLiteral("personal");
    case TokenKind::OAuth:
        return QStringLiteral("oauth");
    case TokenKind::Deploy:
        return QStringLiteral("deploy");
    case TokenKind::Job:
        return QStringLiteral("job");
    }
    return {};
}

std::optional<Pipeline> pipelineFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    return Pipeline{object.value(QLatin1String("id")).toInteger(),
                    object.value(QLatin1String("job_id")).toInteger(),
                    object.value(QLatin1String("user")).toString()};
}

QJsonValue pipelineJson(const std::optional<Pipeline> &pipeline)
{
    if (!pipeline)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("id"), pipeline->id},
                       {QStringLiteral("job_id"), pipeline->jobId},
                       {QStringLiteral("user"), pipeline->username}};
}

const char *visibilityName(Visibility visibility)
{
    switch (visibility) {
    case Visibility::Private:
        return "private";
    case Visibility::Internal:
        return "internal";
    case Visibility::Public:
        return "public";
    }
    return "private";
}

const char *registryAccessName(RegistryAccess access)
{
    switch (access) {
    case RegistryAccess::Private:
        return "private";
    case RegistryAccess::Enabled:
        return "enabled";
    case RegistryAccess::Public:
        return "public";
    }
    return "enabled";
}

} // namespace

Store::Store(QString dataDir)
    : m_dataDir(std::move(dataDir))
{
    QDir().mkpath(blobDir());
    QDir().mkpath(tempDir());
}

QString Store::stateFilePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("state.json"));
}

QString Store::blobDir() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("blobs"));
}

QString Store::tempDir() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("tmp"));
}

QString Store::load(const QJsonObject &document)
{
    const std::pair<const char *, QString (Store::*)(const QJsonArray &)> sections[] = {
        {"users", &Store::loadUsers},           {"tokens", &Store::loadTokens},
        {"namespaces", &Store::loadNamespaces}, {"projects", &Store::loadProjects},
        {"packages", &Store::loadPackages},
    };
    for (const auto &[key, loader] : sections) {
        const QString error = (this->*loader)(document.value(QLatin1String(key)).toArray());
        if (!error.isEmpty())
            return error;
    }
    return {};
}

QString Store::loadUsers(const QJsonArray &array)
{
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        User user;
        user.username = object.value(QLatin1String("username")).toString();
        if (user.username.isEmpty())
            return QStringLiteral("a user has no username");
        user.id = object.value(QLatin1String("id")).toInteger(qint64(m_users.size()) + 1);
        user.name = object.value(QLatin1String("name")).toString(user.username);
        user.email = object.value(QLatin1String("email"))
                         .toString(user.username + QStringLiteral("@example.com"));
        user.admin = object.value(QLatin1String("admin")).toBool();
        user.state = object.value(QLatin1String("state")).toString(QStringLiteral("active"));
        user.createdAt = parseTime(object.value(QLatin1String("created_at")),
                                   QDateTime(QDate(2025, 1, 6), QTime(9, 0), Qt::UTC));
        m_users.push_back(user);
    }
    return {};
}

QString Store::loadTokens(const QJsonArray &array)
{
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Token token;
        const QString kindName = object.value(QLatin1String("kind")).toString();
        const auto kind = tokenKindFromName(kindName);
        if (!kind)
            return QStringLiteral("unknown token kind '%1'").arg(kindName);
        token.kind = *kind;
        token.id = object.value(QLatin1String("id")).toInteger(qint64(m_tokens.size()) + 1);
        token.secret = object.value(QLatin1String("token")).toString();
        if (token.secret.isEmpty())
            return QStringLiteral("a token has no value");
        token.name = object.value(QLatin1String("name")).toString(token.secret.left(12));
        token.description = object.value(QLatin1String("description")).toString();
        token.username =
            object.value(QLatin1String(token.kind == TokenKind::Deploy ? "username" : "user"))
                .toString();
        if (token.kind == TokenKind::Deploy && token.username.isEmpty())
            token.username = QStringLiteral("gitlab+deploy-token-%1").arg(token.id);
        if (token.kind != TokenKind::Deploy && !userByName(token.username))
            return QStringLiteral("token %1 names unknown user '%2'")
                .arg(token.name, token.username);
        token.project = object.value(QLatin1String("project")).toString();
        token.group = object.value(QLatin1String("group")).toString();
        token.scopes = stringList(object.value(QLatin1String("scopes")));
        token.expiresAt = parseExpiry(object.value(QLatin1String("expires_at")));
        token.revoked = object.value(QLatin1String("revoked")).toBool();
        token.adminMode = object.value(QLatin1String("admin_mode")).toBool();
        token.running = object.value(QLatin1String("running")).toBool(true);
        token.jobId = object.value(QLatin1String("job_id")).toInteger(5000 + token.id);
        token.pipelineId = object.value(QLatin1String("pipeline_id")).toInteger(1000 + token.id);
        token.createdAt = parseTime(object.value(QLatin1String("created_at")),
                                    QDateTime(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC));
        m_tokens.push_back(token);
    }
    return {};
}

QString Store::loadNamespaces(const QJsonArray &array)
{
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Namespace ns;
        ns.fullPath = object.value(QLatin1String("path")).toString();
        if (ns.fullPath.isEmpty())
            return QStringLiteral("a namespace has no path");
        ns.id = object.value(QLatin1String("id")).toInteger(qint64(m_namespaces.size()) + 1);
        ns.name =
            object.value(QLatin1String("name")).toString(ns.fullPath.section(QLatin1Char('/'), -1));
        ns.kind = object.value(QLatin1String("kind")).toString(QStringLiteral("group"));
        ns.genericDuplicatesAllowed =
            object.value(QLatin1String("generic_duplicates_allowed")).toBool(true);
        ns.genericDuplicateExceptionRegex =
            object.value(QLatin1String("generic_duplicate_exception_regex")).toString();
        m_namespaces.push_back(ns);
    }
    return {};
}

void Store::ensureNamespace(const QString &fullPath)
{
    if (fullPath.isEmpty() || namespaceByPath(fullPath))
        return;
    ensureNamespace(fullPath.section(QLatin1Char('/'), 0, -2));
    Namespace ns;
    ns.id = qint64(m_namespaces.size()) + 1;
    for (const Namespace &existing : m_namespaces)
        ns.id = std::max(ns.id, existing.id + 1);
    ns.fullPath = fullPath;
    ns.name = fullPath.section(QLatin1Char('/'), -1);
    if (!ns.name.isEmpty())
        ns.name[0] = ns.name[0].toUpper();
    m_namespaces.push_back(ns);
}

QString Store::loadProjects(const QJsonArray &array)
{
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Project project;
        project.fullPath = object.value(QLatin1String("path")).toString();
        if (!project.fullPath.contains(QLatin1Char('/')))
            return QStringLiteral("project path '%1' needs a namespace").arg(project.fullPath);
        project.id = object.value(QLatin1String("id")).toInteger(qint64(m_projects.size()) + 1);
        project.name = object.value(QLatin1String("name")).toString(project.path());
        project.description = object.value(QLatin1String("description")).toString();
        const QString visibility =
            object.value(QLatin1String("visibility")).toString(QStringLiteral("private"));
        if (visibility == QLatin1String("public"))
            project.visibility = Visibility::Public;
        else if (visibility == QLatin1String("internal"))
            project.visibility = Visibility::Internal;
        else if (visibility != QLatin1String("private"))
            return QStringLiteral("project %1: unknown visibility '%2'")
                .arg(project.fullPath, visibility);
        const QString access = object.value(QLatin1String("package_registry_access_level"))
                                   .toString(QStringLiteral("enabled"));
        if (access == QLatin1String("public") || access == QLatin1String("everyone"))
            project.registryAccess = RegistryAccess::Public;
        else if (access == QLatin1String("private"))
            project.registryAccess = RegistryAccess::Private;
        const QJsonObject members = object.value(QLatin1String("members")).toObject();
        for (auto it = members.begin(); it != members.end(); ++it) {
            const auto level = accessLevelFromName(it.value().toString());
            if (!level || *level == AccessLevel::Admin)
                return QStringLiteral("project %1: unknown role '%2'")
                    .arg(project.fullPath, it.value().toString());
            if (!userByName(it.key()))
                return QStringLiteral("project %1: unknown member '%2'")
                    .arg(project.fullPath, it.key());
            project.members.insert(it.key(), *level);
        }
        for (const QJsonValue &ruleValue :
             object.value(QLatin1String("protection_rules")).toArray()) {
            const QJsonObject ruleObject = ruleValue.toObject();
            ProtectionRule rule;
            rule.packageNamePattern =
                ruleObject.value(QLatin1String("package_name_pattern")).toString();
            const auto push = accessLevelFromName(
                ruleObject.value(QLatin1String("minimum_access_level_for_push")).toString());
            if (!push)
                return QStringLiteral("project %1: a protection rule has no valid push level")
                    .arg(project.fullPath);
            rule.minimumForPush = *push;
            rule.minimumForDelete = accessLevelFromName(
                ruleObject.value(QLatin1String("minimum_access_level_for_delete")).toString());
            project.protectionRules.push_back(rule);
        }
        for (const QJsonValue &admitted :
             object.value(QLatin1String("ci_job_token_allowlist")).toArray())
            project.jobTokenAllowlist << admitted.toString();
        project.createdAt =
            parseTime(object.value(QLatin1String("created_at")),
                      QDateTime(QDate(2025, 2, 1), QTime(10, 0), Qt::UTC).addDays(project.id));
        project.lastActivityAt =
            parseTime(object.value(QLatin1String("last_activity_at")), project.createdAt);
        ensureNamespace(project.namespacePath());
        m_projects.push_back(project);
    }
    return {};
}

QString Store::loadPackages(const QJsonArray &array)
{
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        const QString projectPath = object.value(QLatin1String("project")).toString();
        const Project *project = projectByPath(projectPath);
        if (!project)
            return QStringLiteral("a package names unknown project '%1'").arg(projectPath);
        Package package;
        package.id = object.value(QLatin1String("id")).toInteger(m_nextPackageId);
        package.projectId = project->id;
        package.name = object.value(QLatin1String("name")).toString();
        package.version = object.value(QLatin1String("version")).toString();
        if (package.name.isEmpty() || package.version.isEmpty())
            return QStringLiteral("a package in %1 has no name or version").arg(projectPath);
        package.status = object.value(QLatin1String("status")).toString(QStringLiteral("default"));
        package.createdAt =
            parseTime(object.value(QLatin1String("created_at")), QDateTime::currentDateTimeUtc());
        package.updatedAt = parseTime(object.value(QLatin1String("updated_at")), package.createdAt);
        if (object.value(QLatin1String("last_downloaded_at")).isString())
            package.lastDownloadedAt =
                parseTime(object.value(QLatin1String("last_downloaded_at")), {});
        package.creator = object.value(QLatin1String("creator")).toString();
        package.pipeline = pipelineFromJson(object.value(QLatin1String("pipeline")));
        if (const QString job = object.value(QLatin1String("job")).toString(); !job.isEmpty()) {
            const Token *token = tokenBySecret(job);
            if (!token || token->kind != TokenKind::Job)
                return QStringLiteral("package %1 names unknown job token").arg(package.name);
            package.pipeline = Pipeline{token->pipelineId, token->jobId, token->username};
        }
        if (package.id >= m_nextPackageId)
            m_nextPackageId = package.id + 1;
        Package &stored = m_packages.emplace(package.id, package).first->second;

        int index = 0;
        for (const QJsonValue &fileValue : object.value(QLatin1String("files")).toArray()) {
            const QJsonObject fileObject = fileValue.toObject();
            PackageFile file;
            file.id = fileObject.value(QLatin1String("id")).toInteger(m_nextFileId);
            file.fileName = fileObject.value(QLatin1String("file_name")).toString();
            if (file.fileName.isEmpty()) {
                const QString name = fileObject.value(QLatin1String("name")).toString();
                file.fileName = name.contains(QLatin1Char('/')) ? encodeUriComponent(name) : name;
            }
            if (file.fileName.isEmpty())
                return QStringLiteral("a file of package %1 has no name").arg(package.name);
            file.createdAt =
                parseTime(fileObject.value(QLatin1String("created_at")), stored.createdAt);
            file.status =
                fileObject.value(QLatin1String("status")).toString(QStringLiteral("default"));
            file.pipeline = pipelineFromJson(fileObject.value(QLatin1String("pipeline")));
            if (!file.pipeline)
                file.pipeline = stored.pipeline;
            file.sha256 = fileObject.value(QLatin1String("sha256")).toString();
            if (fileObject.contains(QLatin1String("content"))) {
                const QByteArray content =
                    fileObject.value(QLatin1String("content")).toString().toUtf8();
                file.blob = QString::number(file.id);
                QFile blob(QDir(blobDir()).filePath(file.blob));
                if (!blob.open(QIODevice::WriteOnly) || blob.write(content) != content.size())
                    return QStringLiteral("cannot write %1: %2")
                        .arg(blob.fileName(), blob.errorString());
                file.size = content.size();
                Sha256 hash;
                hash.add(content.constData(), size_t(content.size()));
                file.sha256 = hash.hexDigest();
            } else if (fileObject.contains(QLatin1String("blob"))) {
                file.blob = fileObject.value(QLatin1String("blob")).toString();
                file.size = fileObject.value(QLatin1String("size")).toInteger();
            } else {
                file.size = fileObject.value(QLatin1String("size")).toInteger();
                file.generatorSeed = quint64(fileObject.value(QLatin1String("seed")).toInteger());
                if (file.generatorSeed == 0) {
                    file.generatorSeed =
                        seedFromText(QStringList{projectPath, package.name, package.version,
                                                 file.fileName, QString::number(index)}
                                         .join(QLatin1Char('/')));
                }
                if (file.sha256.isEmpty())
                    file.sha256 = sha256OfGenerated(file.generatorSeed, file.size);
            }
            addFile(stored, file);
            ++index;
        }
    }
    return {};
}

QJsonObject Store::toJson() const
{
    QJsonArray users;
    for (const User &user : m_users) {
        users.append(QJsonObject{{QStringLiteral("id"), user.id},
                                 {QStringLiteral("username"), user.username},
                                 {QStringLiteral("name"), user.name},
                                 {QStringLiteral("email"), user.email},
                                 {QStringLiteral("admin"), user.admin},
                                 {QStringLiteral("state"), user.state},
                                 {QStringLiteral("created_at"), timeJson(user.createdAt)}});
    }
    QJsonArray tokens;
    for (const Token &token : m_tokens) {
        QJsonObject object{
            {QStringLiteral("kind"), tokenKindName(token.kind)},
            {QStringLiteral("id"), token.id},
            {QStringLiteral("token"), token.secret},
            {QStringLiteral("name"), token.name},
            {QStringLiteral("description"), token.description},
            {QLatin1String(token.kind == TokenKind::Deploy ? "username" : "user"), token.username},
            {QStringLiteral("project"), token.project},
            {QStringLiteral("group"), token.group},
            {QStringLiteral("scopes"), jsonArray(token.scopes)},
            {QStringLiteral("revoked"), token.revoked},
            {QStringLiteral("admin_mode"), token.adminMode},
            {QStringLiteral("running"), token.running},
            {QStringLiteral("job_id"), token.jobId},
            {QStringLiteral("pipeline_id"), token.pipelineId},
            {QStringLiteral("created_at"), timeJson(token.createdAt)}};
        if (token.expiresAt)
            object.insert(QStringLiteral("expires_at"), token.expiresAt->toString(Qt::ISODate));
        tokens.append(object);
    }
    QJsonArray namespaces;
    for (const Namespace &ns : m_namespaces) {
        namespaces.append(
            QJsonObject{{QStringLiteral("id"), ns.id},
                        {QStringLiteral("path"), ns.fullPath},
                        {QStringLiteral("name"), ns.name},
                        {QStringLiteral("kind"), ns.kind},
                        {QStringLiteral("generic_duplicates_allowed"), ns.genericDuplicatesAllowed},
                        {QStringLiteral("generic_duplicate_exception_regex"),
                         ns.genericDuplicateExceptionRegex}});
    }
    QJsonArray projects;
    for (const Project &project : m_projects) {
        QJsonObject members;
        for (auto it = project.members.begin(); it != project.members.end(); ++it)
            members.insert(it.key(), accessLevelName(it.value()));
        QJsonArray rules;
        for (const ProtectionRule &rule : project.protectionRules) {
            QJsonObject ruleObject{
                {QStringLiteral("package_name_pattern"), rule.packageNamePattern},
                {QStringLiteral("minimum_access_level_for_push"),
                 accessLevelName(rule.minimumForPush)}};
            if (rule.minimumForDelete)
                ruleObject.insert(QStringLiteral("minimum_access_level_for_delete"),
                                  accessLevelName(*rule.minimumForDelete));
            rules.append(ruleObject);
        }
        projects.append(QJsonObject{
            {QStringLiteral("id"), project.id},
            {QStringLiteral("path"), project.fullPath},
            {QStringLiteral("name"), project.name},
            {QStringLiteral("description"), project.description},
            {QStringLiteral("visibility"), QLatin1String(visibilityName(project.visibility))},
            {QStringLiteral("package_registry_access_level"),
             QLatin1String(registryAccessName(project.registryAccess))},
            {QStringLiteral("members"), members},
            {QStringLiteral("protection_rules"), rules},
            {QStringLiteral("ci_job_token_allowlist"),
             QJsonArray::fromStringList(project.jobTokenAllowlist)},
            {QStringLiteral("created_at"), timeJson(project.createdAt)},
            {QStringLiteral("last_activity_at"), timeJson(project.lastActivityAt)}});
    }
    QJsonArray packages;
    for (const auto &[id, package] : m_packages) {
        const Project *project = nullptr;
        for (const Project &candidate : m_projects) {
            if (candidate.id == package.projectId)
                project = &candidate;
        }
        QJsonArray files;
        for (const PackageFile &file : package.files) {
            QJsonObject fileObject{{QStringLiteral("id"), file.id},
                                   {QStringLiteral("file_name"), file.fileName},
                                   {QStringLiteral("size"), file.size},
                                   {QStringLiteral("sha256"), file.sha256},
                                   {QStringLiteral("created_at"), timeJson(file.createdAt)},
                                   {QStringLiteral("status"), file.status},
                                   {QStringLiteral("pipeline"), pipelineJson(file.pipeline)}};
            if (file.blob.isEmpty())
                fileObject.insert(QStringLiteral("seed"), qint64(file.generatorSeed));
            else
                fileObject.insert(QStringLiteral("blob"), file.blob);
            files.append(fileObject);
        }
        QJsonObject object{{QStringLiteral("id"), package.id},
                           {QStringLiteral("project"), project ? project->fullPath : QString()},
                           {QStringLiteral("name"), package.name},
                           {QStringLiteral("version"), package.version},
                           {QStringLiteral("status"), package.status},
                           {QStringLiteral("created_at"), timeJson(package.createdAt)},
                           {QStringLiteral("updated_at"), timeJson(package.updatedAt)},
                           {QStringLiteral("creator"), package.creator},
                           {QStringLiteral("pipeline"), pipelineJson(package.pipeline)},
                           {QStringLiteral("files"), files}};
        if (package.lastDownloadedAt)
            object.insert(QStringLiteral("last_downloaded_at"),
                          timeJson(*package.lastDownloadedAt));
        packages.append(object);
    }
    return QJsonObject{{QStringLiteral("users"), users},
                       {QStringLiteral("tokens"), tokens},
                       {QStringLiteral("namespaces"), namespaces},
                       {QStringLiteral("projects"), projects},
                       {QStringLiteral("packages"), packages}};
}

bool Store::save() const
{
    return write(snapshot());
}

QByteArray Store::snapshot() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

bool Store::write(const QByteArray &snapshot) const
{
    QSaveFile file(stateFilePath());
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(snapshot);
    return file.commit();
}

const User *Store::userByName(const QString &username) const
{
    const auto it = std::find_if(m_users.begin(), m_users.end(),
                                 [&](const User &user) { return user.username == username; });
    return it == m_users.end() ? nullptr : &*it;
}

const Token *Store::tokenBySecret(const QString &secret) const
{
    if (secret.isEmpty())
        return nullptr;
    const auto it = std::find_if(m_tokens.begin(), m_tokens.end(),
                                 [&](const Token &token) { return token.secret == secret; });
    return it == m_tokens.end() ? nullptr : &*it;
}

const Namespace *Store::namespaceByPath(const QString &fullPath) const
{
    const auto it =
        std::find_if(m_namespaces.begin(), m_namespaces.end(), [&](const Namespace &ns) {
            return ns.fullPath.compare(fullPath, Qt::CaseInsensitive) == 0;
        });
    return it == m_namespaces.end() ? nullptr : &*it;
}

const Project *Store::projectById(qint64 id) const
{
    const auto it = std::find_if(m_projects.begin(), m_projects.end(),
                                 [&](const Project &project) { return project.id == id; });
    return it == m_projects.end() ? nullptr : &*it;
}

const Project *Store::projectByPath(const QString &fullPath) const
{
    const auto it = std::find_if(m_projects.begin(), m_projects.end(), [&](const Project &project) {
        return project.fullPath.compare(fullPath, Qt::CaseInsensitive) == 0;
    });
    return it == m_projects.end() ? nullptr : &*it;
}

const Package *Store::packageById(qint64 id) const
{
    const auto it = m_packages.find(id);
    return it == m_packages.end() ? nullptr : &it->second;
}

Package *Store::packageById(qint64 id)
{
    return const_cast<Package *>(std::as_const(*this).packageById(id));
}

Package *Store::livePackage(qint64 projectId, const QString &name, const QString &version)
{
    for (auto &[id, package] : m_packages) {
        if (package.projectId == projectId && package.name == name && package.version == version
            && package.status != QLatin1String("pending_destruction"))
            return &package;
    }
    return nullptr;
}

Package &Store::createPackage(qint64 projectId, const QString &name, const QString &version)
{
    Package package;
    package.id = m_nextPackageId++;
    package.projectId = projectId;
    package.name = name;
    package.version = version;
    package.createdAt = QDateTime::currentDateTimeUtc();
    package.updatedAt = package.createdAt;
    return m_packages.emplace(package.id, package).first->second;
}

PackageFile &Store::addFile(Package &package, PackageFile file)
{
    if (file.id == 0)
        file.id = m_nextFileId;
    m_nextFileId = std::max(m_nextFileId, file.id + 1);
    file.packageId = package.id;
    if (!file.createdAt.isValid())
        file.createdAt = QDateTime::currentDateTimeUtc();
    package.updatedAt = std::max(package.updatedAt, file.createdAt);
    package.files.push_back(std::move(file));
    return package.files.back();
}

} // namespace sim
