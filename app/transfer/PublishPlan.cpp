#include "transfer/PublishPlan.h"

#include "validate/NameRules.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <functional>
#include <utility>

namespace Stevedore {

namespace {

constexpr qsizetype kMax = NameRules::kMaxNameLength;

// The extension kept when a name is cut or numbered: from the first dot after the first
// character (".tar.gz", not ".bashrc"), or from the last dot when that is shorter than a quarter
// of a name; none when both are longer.
qsizetype extensionStart(const QString &fileName)
{
    const qsizetype first = fileName.indexOf(QLatin1Char('.'), 1);
    if (first < 0 || fileName.size() - first <= kMax / 4)
        return first;
    const qsizetype last = fileName.lastIndexOf(QLatin1Char('.'));
    return last > 0 && fileName.size() - last <= kMax / 4 ? last : -1;
}

// A valid file-name segment cut to GitLab's length, keeping its extension.
QString fitted(const QString &segment)
{
    if (segment.size() <= kMax)
        return segment;
    const qsizetype dot = extensionStart(segment);
    const QString extension = dot < 0 ? QString() : segment.mid(dot);
    // The cut may leave a '~' or '@' at the end, which the suggestion drops again.
    return NameRules::suggestFileName(segment.left(kMax - extension.size()) + extension);
}

// `name`, or "name-2.ext", "name-3.ext", … when that is taken ("dir/name.tar.gz" →
// "dir/name-2.tar.gz"). `taken` counts the names in use.
QString uniqueName(const QString &name, const QHash<QString, int> &taken)
{
    if (taken.value(name) <= 0)
        return name;
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    const QString folder = name.left(slash + 1);
    const QString file = name.mid(slash + 1);
    const qsizetype dot = extensionStart(file);
    const QString stem = dot < 0 ? file : file.left(dot);
    const QString extension = dot < 0 ? QString() : file.mid(dot);
    for (int n = 2;; ++n) {
        const QString suffix = QLatin1Char('-') + QString::number(n);
        const QString numbered =
            stem.left(kMax - suffix.size() - extension.size()) + suffix + extension;
        const QString candidate = folder + numbered;
        if (taken.value(candidate) <= 0)
            return candidate;
    }
}

QString ruleBroken(const QString &targetName)
{
    QString rule;
    if (NameRules::splitUploadPath(targetName, &rule))
        return {};
    return rule;
}

} // namespace

QString PublishPlan::Row::problem() const
{
    if (!rule.isEmpty())
        return rule;
    if (duplicateOf >= 0)
        return tr("Row %1 already has this name; each file needs its own.").arg(duplicateOf + 1);
    return {};
}

PublishPlan PublishPlan::build(const QStringList &paths, bool followSymlinks,
                               const std::atomic_bool *stop)
{
    const LocalSelection selection = LocalSelection::expand(paths, followSymlinks, stop);
    PublishPlan plan;
    plan.m_rows.reserve(selection.files.size());
    for (const LocalSelection::File &file : selection.files) {
        Row row;
        row.localPath = file.localPath;
        row.targetName = file.fileName;
        row.size = file.size;
        row.rule = ruleBroken(row.targetName);
        plan.m_rows.append(std::move(row));
    }
    plan.m_unpublishable = selection.unpublishable;
    plan.validate();
    return plan;
}

bool PublishPlan::needsWalk(const QStringList &paths)
{
    return std::any_of(paths.cbegin(), paths.cend(), [](const QString &path) {
        return QFileInfo(QDir::cleanPath(path)).isDir();
    });
}

int PublishPlan::problemCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &row) { return !row.isValid(); }));
}

qint64 PublishPlan::totalSize() const
{
    qint64 bytes = 0;
    for (const Row &row : m_rows)
        bytes += row.size;
    return bytes;
}

bool PublishPlan::isReady() const
{
    return !m_rows.isEmpty() && std::all_of(m_rows.cbegin(), m_rows.cend(), [](const Row &row) {
        return row.isValid();
    });
}

void PublishPlan::rename(int row, const QString &targetName)
{
    if (row < 0 || row >= m_rows.size())
        return;
    Row &renamed = m_rows[row];
    renamed.targetName = targetName;
    renamed.rule = ruleBroken(targetName);
    validate();
}

bool PublishPlan::fix(int row)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).isValid())
        return false;
    rename(row, m_rows.at(row).suggestion);
    return true;
}

int PublishPlan::fixAll()
{
    // The suggestions are unique among themselves: one pass, one validation.
    int fixed = 0;
    for (Row &row : m_rows) {
        if (row.isValid())
            continue;
        row.targetName = row.suggestion;
        row.rule = ruleBroken(row.targetName);
        ++fixed;
    }
    if (fixed > 0)
        validate();
    return fixed;
}

void PublishPlan::remove(int row)
{
    remove(QList<int>{row});
}

void PublishPlan::remove(QList<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    bool removed = false;
    for (const int row : std::as_const(rows)) {
        if (row >= 0 && row < m_rows.size()) {
            m_rows.removeAt(row);
            removed = true;
        }
    }
    if (removed)
        validate();
}

int PublishPlan::append(const PublishPlan &more)
{
    QSet<QString> present;
    present.reserve(m_rows.size());
    for (const Row &row : std::as_const(m_rows))
        present.insert(QDir::cleanPath(row.localPath));
    int added = 0;
    for (const Row &row : more.m_rows) {
        const QString path = QDir::cleanPath(row.localPath);
        if (present.contains(path))
            continue;
        present.insert(path);
        m_rows.append(row);
        ++added;
    }
    for (const Unpublishable &entry : more.m_unpublishable) {
        const bool listed =
            std::any_of(m_unpublishable.cbegin(), m_unpublishable.cend(),
                        [&entry](const Unpublishable &known) { return known.path == entry.path; });
        if (!listed)
            m_unpublishable.append(entry);
    }
    if (added > 0)
        validate();
    return added;
}

QString PublishPlan::suggestUploadPath(const QString &name)
{
    QStringList segments = name.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.isEmpty())
        return fitted(NameRules::suggestFileName(name));
    for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
        if (NameRules::directoryProblem(segments.at(i)))
            segments[i] = fitted(NameRules::suggestFileName(segments.at(i)));
    }
    segments.last() = fitted(NameRules::suggestFileName(segments.last()));
    return segments.join(QLatin1Char('/'));
}

void PublishPlan::validate()
{
    // The first row to have a valid name keeps it; a later one is told which row has it.
    QHash<QString, int> taken; // how many rows have each name
    QHash<QString, int> firstRow;
    taken.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        ++taken[row.targetName];
        row.duplicateOf = -1;
        if (!row.rule.isEmpty())
            continue;
        const auto earlier = firstRow.constFind(row.targetName);
        if (earlier != firstRow.cend())
            row.duplicateOf = *earlier;
        else
            firstRow.insert(row.targetName, i);
    }
    // Suggestions avoid every name in use and each other: a row's own name is given up for its
    // suggestion, as fixAll() would do row after row.
    for (Row &row : m_rows) {
        if (row.isValid()) {
            row.suggestion = row.targetName;
            continue;
        }
        --taken[row.targetName];
        row.suggestion = uniqueName(suggestUploadPath(row.targetName), taken);
        ++taken[row.suggestion];
    }
}

} // namespace Stevedore
