#include "transfer/FileComparison.h"

#include "core/NaturalOrder.h"

#include <QHash>

#include <algorithm>

namespace Stevedore {

QList<FileFingerprint> FileFingerprint::servedBy(const VersionFiles &version)
{
    QList<FileFingerprint> fingerprints;
    for (const PackageFile &file : version.served())
        fingerprints.append({file.displayName(), file.size, file.sha256, {}});
    return fingerprints;
}

FileComparison FileComparison::compare(const QList<FileFingerprint> &before,
                                       const QList<FileFingerprint> &after)
{
    FileComparison comparison;
    QHash<QString, qsizetype> rows; // path → index in m_entries
    const auto add = [&](const FileFingerprint &file, bool isBefore) {
        const auto found = rows.constFind(file.path);
        if (found == rows.cend()) {
            rows.insert(file.path, comparison.m_entries.size());
            Entry entry{file.path, Kind::Same, std::nullopt, std::nullopt};
            (isBefore ? entry.before : entry.after) = file;
            comparison.m_entries.append(std::move(entry));
            return;
        }
        Entry &entry = comparison.m_entries[*found];
        std::optional<FileFingerprint> &side = isBefore ? entry.before : entry.after;
        if (side) {
            if (!comparison.m_duplicates.contains(file.path))
                comparison.m_duplicates.append(file.path);
            return;
        }
        side = file;
    };
    for (const FileFingerprint &file : before)
        add(file, true);
    for (const FileFingerprint &file : after)
        add(file, false);

    for (Entry &entry : comparison.m_entries) {
        if (entry.after && !entry.after->problem.isEmpty())
            entry.kind = Kind::Unreadable;
        else if (!entry.after)
            entry.kind = Kind::Removed;
        else if (!entry.before)
            entry.kind = Kind::Added;
        else if (entry.before->size == entry.after->size
                 && entry.before->sha256.compare(entry.after->sha256, Qt::CaseInsensitive) == 0)
            entry.kind = Kind::Same;
        else
            entry.kind = Kind::Changed;
    }
    std::sort(
        comparison.m_entries.begin(), comparison.m_entries.end(),
        [](const Entry &a, const Entry &b) { return NaturalOrder::lessThan(a.path, b.path); });
    std::sort(comparison.m_duplicates.begin(), comparison.m_duplicates.end(),
              [](const QString &a, const QString &b) { return NaturalOrder::lessThan(a, b); });
    return comparison;
}

int FileComparison::count(Kind kind) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [kind](const Entry &entry) { return entry.kind == kind; }));
}

bool FileComparison::isIdentical() const
{
    return m_duplicates.isEmpty() && count(Kind::Same) == m_entries.size();
}

} // namespace Stevedore
