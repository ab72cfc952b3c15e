#include "api/Types.h"

#include "core/Sha256.h"
#include "validate/NameRules.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Stevedore {

namespace {

QDateTime timeOf(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

ApiError undocumented(const QString &what)
{
    return ApiError(ApiError::Kind::Protocol,
                    ApiError::tr("GitLab's answer is not what the API documents: %1.").arg(what));
}

// A JSON number that is a whole number ≥ minimum (JSON numbers are doubles).
bool isWholeNumber(const QJsonValue &value, qint64 minimum)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return number >= double(minimum) && number <= 9.007199254740992e15
           && number == double(qint64(number));
}

bool isNonEmptyString(const QJsonValue &value)
{
    return value.isString() && !value.toString().isEmpty();
}

} // namespace

Result<Project> Project::fromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    if (!value.isObject() || !isWholeNumber(object.value(QLatin1String("id")), 1)
        || !isNonEmptyString(object.value(QLatin1String("path_with_namespace"))))
        return undocumented(ApiError::tr("a project without a numeric id or a path"));
    Project project;
    project.id = object.value(QLatin1String("id")).toInteger();
    project.name = object.value(QLatin1String("name")).toString();
    project.nameWithNamespace = object.value(QLatin1String("name_with_namespace")).toString();
    project.pathWithNamespace = object.value(QLatin1String("path_with_namespace")).toString();
    project.description = object.value(QLatin1String("description")).toString();
    project.visibility = object.value(QLatin1String("visibility")).toString();
    project.webUrl = QUrl(object.value(QLatin1String("web_url")).toString());
    project.lastActivityAt = timeOf(object.value(QLatin1String("last_activity_at")));
    const QJsonObject permissions = object.value(QLatin1String("permissions")).toObject();
    for (const char *key : {"project_access", "group_access"}) {
        const int level = permissions.value(QLatin1String(key))
                              .toObject()
                              .value(QLatin1String("access_level"))
                              .toInt();
        project.accessLevel = std::max(project.accessLevel, level);
    }
    return project;
}

std::optional<PipelineRef> PipelineRef::fromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    PipelineRef pipeline;
    pipeline.id = object.value(QLatin1String("id")).toInteger();
    pipeline.ref = object.value(QLatin1String("ref")).toString();
    pipeline.sha = object.value(QLatin1String("sha")).toString();
    pipeline.status = object.value(QLatin1String("status")).toString();
    pipeline.webUrl = QUrl(object.value(QLatin1String("web_url")).toString());
    pipeline.username =
        object.value(QLatin1String("user")).toObject().value(QLatin1String("username")).toString();
    return pipeline;
}

Result<Package> Package::fromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    if (!value.isObject() || !isWholeNumber(object.value(QLatin1String("id")), 1))
        return undocumented(ApiError::tr("a package without a numeric id"));
    if (!isNonEmptyString(object.value(QLatin1String("name")))
        || !isNonEmptyString(object.value(QLatin1String("version"))))
        return undocumented(ApiError::tr("package %1 has no name or no version")
                                .arg(object.value(QLatin1String("id")).toInteger()));
    Package package;
    package.id = object.value(QLatin1String("id")).toInteger();
    package.name = object.value(QLatin1String("name")).toString();
    package.version = object.value(QLatin1String("version")).toString();
    package.status = object.value(QLatin1String("status")).toString();
    package.createdAt = timeOf(object.value(QLatin1String("created_at")));
    package.lastDownloadedAt = timeOf(object.value(QLatin1String("last_downloaded_at")));
    package.pipeline = PipelineRef::fromJson(object.value(QLatin1String("pipeline")));
    package.canDelete =
        object.value(QLatin1String("_links")).toObject().contains(QLatin1String("delete_api_path"));
    return package;
}

QString PackageFile::displayName() const
{
    return NameRules::displayNameFromStored(storedName);
}

Result<PackageFile> PackageFile::fromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    if (!value.isObject() || !isWholeNumber(object.value(QLatin1String("id")), 1))
        return undocumented(ApiError::tr("a package file without a numeric id"));
    const qint64 id = object.value(QLatin1String("id")).toInteger();
    if (!isNonEmptyString(object.value(QLatin1String("file_name"))))
        return undocumented(ApiError::tr("package file %1 has no file_name").arg(id));
    if (!isWholeNumber(object.value(QLatin1String("size")), 0))
        return undocumented(ApiError::tr("package file %1 has no size of 0 or more bytes").arg(id));
    if (!Sha256::isHexDigest(object.value(QLatin1String("file_sha256")).toString()))
        return undocumented(
            ApiError::tr("package file %1 has no file_sha256 of 64 hexadecimal digits").arg(id));
    PackageFile file;
    file.id = object.value(QLatin1String("id")).toInteger();
    file.packageId = object.value(QLatin1String("package_id")).toInteger();
    file.storedName = object.value(QLatin1String("file_name")).toString();
    file.size = object.value(QLatin1String("size")).toInteger();
    file.sha256 = object.value(QLatin1String("file_sha256")).toString().toLower();
    file.createdAt = timeOf(object.value(QLatin1String("created_at")));
    const QJsonArray pipelines = object.value(QLatin1String("pipelines")).toArray();
    if (!pipelines.isEmpty())
        file.pipeline = PipelineRef::fromJson(pipelines.first());
    return file;
}

CurrentUser CurrentUser::fromJson(const QJsonObject &object)
{
    return CurrentUser{object.value(QLatin1String("id")).toInteger(),
                       object.value(QLatin1String("username")).toString(),
                       object.value(QLatin1String("name")).toString(),
                       object.value(QLatin1String("is_admin")).toBool()};
}

TokenInfo TokenInfo::fromJson(const QJsonObject &object)
{
    TokenInfo info;
    info.name = object.value(QLatin1String("name")).toString();
    for (const QJsonValue &scope : object.value(QLatin1String("scopes")).toArray())
        info.scopes << scope.toString();
    const QString expires = object.value(QLatin1String("expires_at")).toString();
    if (!expires.isEmpty()) {
        const QDate date = QDate::fromString(expires.left(10), Qt::ISODate);
        if (date.isValid())
            info.expiresAt = date;
    }
    info.active = object.value(QLatin1String("active")).toBool(true);
    return info;
}

} // namespace Stevedore
