#pragma once

#include "api/Types.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace Stevedore {

// A project's package versions in the compact form a tree of 15,000 of them needs (about
// 100 bytes each): names and statuses are stored once, dates as milliseconds, the rarely
// present pipeline beside. Filled a page at a time with add(), then finish() groups the
// versions by name in NaturalOrder and sorts each group's versions both ways the tree shows.
class PackageVersions final
{
public:
    struct Version
    {
        qint64 id = 0;
        qint64 createdMsecs = 0; // 0 when GitLab gave no creation time
        QString version;
        int group = 0;          // index of the name in groups()
        int semverRank = 0;     // position in semantic-version order within the group, 1 = oldest
        quint8 status = 0;      // index into statuses()
        bool hidden = false;    // status "hidden"
        bool canDelete = false; // _links.delete_api_path present
    };
    struct Group
    {
        QString name;
        std::vector<int> bySemver; // indexes of versions, newest first
        std::vector<int> byDate;   // newest first
    };

    void add(const Package &package);
    // Puts the groups in name order and each group's versions in both orders; once, after the
    // last add().
    void finish();

    int size() const { return int(m_versions.size()); }
    const Version &at(int index) const { return m_versions[size_t(index)]; }
    int groupCount() const { return int(m_groups.size()); }
    const Group &group(int index) const { return m_groups[size_t(index)]; }

    // -1 when there is no such id or name.
    int indexOfId(qint64 id) const;
    int groupOf(const QString &name) const;

    const QString &name(const Version &version) const { return group(version.group).name; }
    const QString &status(const Version &version) const { return m_statuses[version.status]; }
    QDateTime createdAt(const Version &version) const;
    const PipelineRef *pipeline(int index) const;
    // The record as the API gave it (without lastDownloadedAt, which no view shows).
    Package package(int index) const;

private:
    std::vector<Version> m_versions;
    std::vector<Group> m_groups;
    QHash<QString, int> m_groupByName;
    QStringList m_statuses;
    std::vector<std::pair<qint64, int>> m_byId; // sorted by id
    QHash<int, PipelineRef> m_pipelines;        // by version index
};

} // namespace Stevedore
