// All simulator state, its fixture/state-file format and its persistence. Not thread-safe: the
// API layer lets readers share it and writers have it alone. Readers must reach it through const
// only: a non-const access to an implicitly shared Qt container may detach it, which is a write.
#pragma once

#include "Model.h"

#include <QJsonObject>
#include <QString>

#include <map>
#include <vector>

namespace sim {

class Store final
{
public:
    explicit Store(QString dataDir);

    // Loads a fixture or a saved state (the same format). Returns an error message or empty.
    QString load(const QJsonObject &document);
    QJsonObject toJson() const;
    bool save() const;
    // save() in two steps, so that the snapshot is taken under the caller's lock and the
    // file is written outside it.
    QByteArray snapshot() const;
    bool write(const QByteArray &snapshot) const;
    QString stateFilePath() const;
    QString blobDir() const;
    QString tempDir() const;

    const User *userByName(const QString &username) const;
    const Token *tokenBySecret(const QString &secret) const;
    const Namespace *namespaceByPath(const QString &fullPath) const;
    const Project *projectById(qint64 id) const;
    const Project *projectByPath(const QString &fullPath) const; // case-insensitive
    const std::vector<Project> &projects() const { return m_projects; }

    const std::map<qint64, Package> &packages() const { return m_packages; }
    const Package *packageById(qint64 id) const;
    Package *packageById(qint64 id);
    Package *livePackage(qint64 projectId, const QString &name, const QString &version);
    Package &createPackage(qint64 projectId, const QString &name, const QString &version);
    PackageFile &addFile(Package &package, PackageFile file);
    qint64 nextFileId() const { return m_nextFileId; }

private:
    QString loadUsers(const QJsonArray &array);
    QString loadTokens(const QJsonArray &array);
    QString loadNamespaces(const QJsonArray &array);
    QString loadProjects(const QJsonArray &array);
    QString loadPackages(const QJsonArray &array);
    void ensureNamespace(const QString &fullPath);

    QString m_dataDir;
    std::vector<User> m_users;
    std::vector<Token> m_tokens;
    std::vector<Namespace> m_namespaces;
    std::vector<Project> m_projects;
    std::map<qint64, Package> m_packages;
    qint64 m_nextPackageId = 1;
    qint64 m_nextFileId = 1;
};

} // namespace sim
