#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace stevedore::test {

/// Builds a gitlab-sim fixture (tests/sim/README.md, "Fixture format").
///
/// Every add…() appends one entry; `extra` keys are merged into it last, so they can
/// override or add any field of the format.
///
///     Fixture f;
///     f.addUser(u"dev"_s).addPersonalToken(u"pat-dev"_s, u"dev"_s)
///      .addProject(7, u"grp/proj"_s, u"private"_s, {{u"dev"_s, u"developer"_s}});
///     SimServer sim(SimServer::Options().withFixture(f.toJson()));
class Fixture final
{
public:
    /// A user with the next free id (1, 2, …), email `<username>@example.com`.
    Fixture &addUser(const QString &username, bool admin = false, const QJsonObject &extra = {});
    /// A personal access token (`kind: personal`).
    Fixture &addPersonalToken(const QString &token, const QString &user,
                              const QStringList &scopes = {QStringLiteral("api")},
                              const QJsonObject &extra = {});
    Fixture &addOAuthToken(const QString &token, const QString &user,
                           const QStringList &scopes = {QStringLiteral("api")},
                           const QJsonObject &extra = {});
    /// A deploy token for one project (`extra` may set `group` instead).
    Fixture &addDeployToken(const QString &token, const QString &project, const QStringList &scopes,
                            const QJsonObject &extra = {});
    Fixture &addJobToken(const QString &token, const QString &user, const QString &project,
                         int jobId, int pipelineId, bool running = true,
                         const QJsonObject &extra = {});
    /// A namespace with its generic duplicate settings.
    Fixture &addNamespace(const QString &path, bool duplicatesAllowed = true,
                          const QString &duplicateExceptionRegex = QString(),
                          const QString &kind = QStringLiteral("group"),
                          const QJsonObject &extra = {});
    /// A project; `members` maps usernames to roles (`guest` … `owner`).
    Fixture &addProject(int id, const QString &path, const QString &visibility,
                        const QMap<QString, QString> &members = {}, const QJsonObject &extra = {});
    /// A package; `files` holds file(…) / generatedFile(…) entries.
    Fixture &addPackage(const QString &project, const QString &name, const QString &version,
                        const QJsonArray &files, const QJsonObject &extra = {});
    /// Appends a raw entry to the list `list` (`users`, `tokens`, …).
    Fixture &add(const QString &list, const QJsonObject &entry);

    QJsonObject toJson() const;

    /// A package file with literal text content.
    static QJsonObject file(const QString &name, const QByteArray &content,
                            const QJsonObject &extra = {});
    /// A package file whose bytes the simulator generates deterministically.
    static QJsonObject generatedFile(const QString &name, qint64 size,
                                     const QJsonObject &extra = {});

private:
    QMap<QString, QJsonArray> m_lists;
    int m_nextUserId = 1;
};

} // namespace stevedore::test
