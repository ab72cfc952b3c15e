#pragma once

#include "api/GitLabApi.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace Stevedore {

// What the transfer queue knows of the versions it uploads into: their files, listed once and
// then kept up to date with each upload the queue itself makes, so that the duplicate check
// before each of 1,000 uploads into one version does not list the version 1,000 times. An
// entry is dropped after a minute (someone else may upload too), and whenever the queue
// cannot be sure of it (a lost answer, a replace that deletes copies).
class VersionFilesCache final
{
public:
    static QString keyOf(const QString &accountId, const PackageTarget &target)
    {
        return accountId + QLatin1Char('\n') + target.project + QLatin1Char('\n')
               + target.packageName + QLatin1Char('\n') + target.version;
    }

    std::optional<VersionFiles> get(const QString &key) const
    {
        const auto it = m_entries.constFind(key);
        if (it == m_entries.constEnd()
            || it->listedAt.msecsTo(QDateTime::currentDateTimeUtc()) > kLifetimeMs)
            return std::nullopt;
        return it->version;
    }

    void put(const QString &key, const VersionFiles &version)
    {
        m_entries.insert(key, {version, QDateTime::currentDateTimeUtc()});
    }

    // A file the queue uploaded: the version now holds it (and exists).
    void addUploaded(const QString &key, const PackageFile &file)
    {
        const auto it = m_entries.find(key);
        if (it == m_entries.end())
            return;
        if (!it->version.package)
            return forget(key); // the package was just created: list it next time
        it->version.files.append(file);
    }

    void forget(const QString &key) { m_entries.remove(key); }

private:
    static constexpr qint64 kLifetimeMs = 60 * 1000;

    struct Entry
    {
        VersionFiles version;
        QDateTime listedAt;
    };
    QHash<QString, Entry> m_entries;
};

} // namespace Stevedore
