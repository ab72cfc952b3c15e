#pragma once

#include "core/Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Stevedore {

struct Project
{
    qint64 id = 0;
    QString name;
    QString nameWithNamespace;
    QString pathWithNamespace;
    QString description;
    QString visibility;  // empty when the answer was "simple"
    int accessLevel = 0; // the caller's effective level, 0 when unknown
    QUrl webUrl;
    QDateTime lastActivityAt;

    // Refuses an entry without a positive id or a path (ApiError::Kind::Protocol).
    static Result<Project> fromJson(const QJsonValue &value);
};

struct PipelineRef
{
    qint64 id = 0;
    QString ref;
    QString sha;
    QString status;
    QUrl webUrl;
    QString username;

    static std::optional<PipelineRef> fromJson(const QJsonValue &value);
};

struct Package
{
    qint64 id = 0;
    QString name;
    QString version;
    QString status; // default, hidden, …
    QDateTime createdAt;
    QDateTime lastDownloadedAt;
    std::optional<PipelineRef> pipeline;
    bool canDelete = false; // _links.delete_api_path present

    // Refuses an entry without a positive id, a name or a version.
    static Result<Package> fromJson(const QJsonValue &value);
};

struct PackageFile
{
    qint64 id = 0;
    qint64 packageId = 0;
    QString storedName; // as the API returns it: dir%2Ffile.txt for path uploads
    qint64 size = 0;
    QString sha256;
    QDateTime createdAt;
    std::optional<PipelineRef> pipeline;

    // dir/file.txt: what people see, and the segments a download or upload URL uses.
    QString displayName() const;
    // Refuses an entry without a positive id, a name, a size ≥ 0 or a 64-digit hex SHA-256.
    static Result<PackageFile> fromJson(const QJsonValue &value);
};

struct CurrentUser
{
    qint64 id = 0;
    QString username;
    QString name;
    bool isAdmin = false;

    static CurrentUser fromJson(const QJsonObject &object);
};

struct TokenInfo
{
    QString name;
    QStringList scopes;
    std::optional<QDate> expiresAt;
    bool active = true;

    static TokenInfo fromJson(const QJsonObject &object);
};

} // namespace Stevedore
