#include "model/PackageVersions.h"

#include "core/NaturalOrder.h"
#include "core/VersionOrder.h"

#include <algorithm>

namespace Stevedore {

void PackageVersions::add(const Package &package)
{
    Version version;
    version.id = package.id;
    version.createdMsecs = package.createdAt.isValid() ? package.createdAt.toMSecsSinceEpoch() : 0;
    version.version = package.version;
    version.hidden = package.status == QLatin1String("hidden");
    version.canDelete = package.canDelete;

    qsizetype status = m_statuses.indexOf(package.status);
    if (status < 0 && m_statuses.size() <= 0xff) {
        status = m_statuses.size();
        m_statuses.append(package.status);
    }
    // GitLab knows six statuses; a server inventing hundreds gets its rarest ones shown as the
    // last one kept rather than growing this without bound.
    version.status = quint8(status < 0 ? m_statuses.size() - 1 : status);

    auto group = m_groupByName.find(package.name);
    if (group == m_groupByName.end()) {
        group = m_groupByName.insert(package.name, int(m_groups.size()));
        m_groups.push_back(Group{package.name, {}, {}});
    }
    version.group = *group;
    const int index = int(m_versions.size());
    m_groups[size_t(*group)].bySemver.push_back(index);
    if (package.pipeline)
        m_pipelines.insert(index, *package.pipeline);
    m_versions.push_back(std::move(version));
}

void PackageVersions::finish()
{
    m_versions.shrink_to_fit();

    // Keys once per name: comparing the names themselves costs ten times more on 15,000.
    std::vector<std::pair<QString, int>> keys;
    keys.reserve(m_groups.size());
    for (size_t i = 0; i < m_groups.size(); ++i)
        keys.emplace_back(NaturalOrder::sortKey(m_groups[i].name), int(i));
    std::sort(keys.begin(), keys.end(), [this](const auto &a, const auto &b) {
        if (const int order = a.first.compare(b.first))
            return order < 0;
        return NaturalOrder::lessThan(m_groups[size_t(a.second)].name,
                                      m_groups[size_t(b.second)].name);
    });
    std::vector<Group> sorted;
    sorted.reserve(m_groups.size());
    for (const auto &[key, group] : keys)
        sorted.push_back(std::move(m_groups[size_t(group)]));
    keys = {};
    m_groups = std::move(sorted);

    m_groupByName.clear();
    m_groupByName.reserve(qsizetype(m_groups.size()));
    for (size_t i = 0; i < m_groups.size(); ++i) {
        Group &group = m_groups[i];
        m_groupByName.insert(group.name, int(i));
        for (const int index : group.bySemver)
            m_versions[size_t(index)].group = int(i);
        // The expensive, semantic comparison runs once per load; both orders are kept.
        std::sort(group.bySemver.begin(), group.bySemver.end(), [this](int a, int b) {
            const Version &left = m_versions[size_t(a)];
            const Version &right = m_versions[size_t(b)];
            const int order = VersionOrder::compare(left.version, right.version);
            if (order != 0)
                return order > 0;
            if (left.createdMsecs != right.createdMsecs)
                return left.createdMsecs > right.createdMsecs;
            return left.id > right.id;
        });
        const int count = int(group.bySemver.size());
        for (int position = 0; position < count; ++position)
            m_versions[size_t(group.bySemver[size_t(position)])].semverRank = count - position;
        group.byDate = group.bySemver;
        std::stable_sort(group.byDate.begin(), group.byDate.end(), [this](int a, int b) {
            return m_versions[size_t(a)].createdMsecs > m_versions[size_t(b)].createdMsecs;
        });
    }

    m_byId.clear();
    m_byId.reserve(m_versions.size());
    for (size_t i = 0; i < m_versions.size(); ++i)
        m_byId.emplace_back(m_versions[i].id, int(i));
    std::sort(m_byId.begin(), m_byId.end());
}

int PackageVersions::indexOfId(qint64 id) const
{
    const auto found = std::lower_bound(m_byId.begin(), m_byId.end(), std::pair(id, 0));
    return found != m_byId.end() && found->first == id ? found->second : -1;
}

int PackageVersions::groupOf(const QString &name) const
{
    return m_groupByName.value(name, -1);
}

QDateTime PackageVersions::createdAt(const Version &version) const
{
    return version.createdMsecs == 0
               ? QDateTime()
               : QDateTime::fromMSecsSinceEpoch(version.createdMsecs, Qt::UTC);
}

const PipelineRef *PackageVersions::pipeline(int index) const
{
    const auto found = m_pipelines.constFind(index);
    return found == m_pipelines.constEnd() ? nullptr : &*found;
}

Package PackageVersions::package(int index) const
{
    const Version &version = at(index);
    Package package;
    package.id = version.id;
    package.name = name(version);
    package.version = version.version;
    package.status = status(version);
    package.createdAt = createdAt(version);
    package.canDelete = version.canDelete;
    if (const PipelineRef *ref = pipeline(index))
        package.pipeline = *ref;
    return package;
}

} // namespace Stevedore
