// JSON entities as GitLab's API presents them (gitlab-api.md §3.8, §5.2, §6.1, §8).
#pragma once

#include "Access.h"
#include "Store.h"

#include <QJsonObject>

namespace sim {

class Serializer final
{
public:
    Serializer(const Store &store, QString externalUrl);

    QJsonObject package(const Package &package, const Project &project, bool canDelete) const;
    QJsonObject packageVersion(const Package &package, const Project &project) const;
    QJsonObject packageFile(const PackageFile &file, const Project &project) const;
    // The raw record returned by uploads with select=package_file.
    QJsonObject packageFileRecord(const PackageFile &file, const Project &project) const;
    QJsonObject project(const Project &project, const Access &access, bool simple) const;
    QJsonObject user(const User &user) const;
    QJsonObject personalAccessToken(const Token &token) const;

private:
    QJsonObject pipeline(const Pipeline &pipeline, const Project &project) const;
    QJsonObject namespaceOf(const Project &project) const;
    QString webUrl(const QString &path) const;

    const Store &m_store;
    QString m_externalUrl;
};

QString isoTime(const QDateTime &time);

} // namespace sim
