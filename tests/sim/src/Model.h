// The simulator's data model: the GitLab records that the generic packages API touches.
#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace sim {

enum class AccessLevel : int {
    None = 0,
    Guest = 10,
    Planner = 15,
    Reporter = 20,
    Developer = 30,
    Maintainer = 40,
    Owner = 50,
    Admin = 60, // only in protection rules
};

std::optional<AccessLevel> accessLevelFromName(const QString &name);
QString accessLevelName(AccessLevel level);

struct User
{
    qint64 id = 0;
    QString username;
    QString name;
    QString email;
    bool admin = false;
    QString state = QStringLiteral("active");
    QDateTime createdAt;
};

enum class TokenKind { Personal, OAuth, Deploy, Job };

struct Token
{
    TokenKind kind = TokenKind::Personal;
    qint64 id = 0;
    QString secret;
    QString name;
    QString description;
    QString username; // owner (PAT, OAuth, job); for deploy tokens the deploy username
    QString project;  // deploy and job tokens: full path of their project
    QString group;    // deploy tokens may belong to a group instead
    QStringList scopes;
    std::optional<QDate> expiresAt;
    bool revoked = false;
    bool adminMode = false;
    bool running = true; // job tokens
    qint64 jobId = 0;
    qint64 pipelineId = 0;
    QDateTime createdAt;
};

struct Namespace
{
    qint64 id = 0;
    QString fullPath;
    QString name;
    QString kind = QStringLiteral("group");
    bool genericDuplicatesAllowed = true;
    QString genericDuplicateExceptionRegex;
};

struct ProtectionRule
{
    QString packageNamePattern;
    AccessLevel minimumForPush = AccessLevel::Maintainer;
    std::optional<AccessLevel> minimumForDelete;
};

enum class Visibility { Private, Internal, Public };
enum class RegistryAccess { Private, Enabled, Public };

struct Project
{
    qint64 id = 0;
    QString fullPath;
    QString name;
    QString description;
    Visibility visibility = Visibility::Private;
    RegistryAccess registryAccess = RegistryAccess::Enabled;
    QMap<QString, AccessLevel> members; // username → level
    std::vector<ProtectionRule> protectionRules;
    // Projects and groups (full paths) whose CI job tokens this project admits besides its own.
    QStringList jobTokenAllowlist;
    QDateTime createdAt;
    QDateTime lastActivityAt;

    QString path() const { return fullPath.section(QLatin1Char('/'), -1); }
    bool admitsJobTokensOf(const QString &sourcePath) const;
    QString namespacePath() const { return fullPath.section(QLatin1Char('/'), 0, -2); }
};

struct Pipeline
{
    qint64 id = 0;
    qint64 jobId = 0;
    QString username;
};

struct PackageFile
{
    qint64 id = 0;
    qint64 packageId = 0;
    QString fileName; // stored (encoded) name
    qint64 size = 0;
    QString sha256;
    QDateTime createdAt;
    QString status = QStringLiteral("default");
    QString blob;              // file under the data folder's blobs/, or empty when generated
    quint64 generatorSeed = 0; // content generated from this seed when blob is empty
    std::optional<Pipeline> pipeline;
};

struct Package
{
    qint64 id = 0;
    qint64 projectId = 0;
    QString name;
    QString version;
    QString status = QStringLiteral("default");
    QDateTime createdAt;
    QDateTime updatedAt;
    std::optional<QDateTime> lastDownloadedAt;
    QString creator;
    std::optional<Pipeline> pipeline;
    std::vector<PackageFile> files;
};

} // namespace sim
