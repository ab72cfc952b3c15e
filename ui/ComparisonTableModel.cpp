#include "ComparisonTableModel.h"

#include "StatusColours.h"

#include <QLocale>

namespace Stevedore {

namespace {

using Kind = FileComparison::Kind;

const std::optional<FileFingerprint> &side(const FileComparison::Entry &entry, int column)
{
    return column == ComparisonTableModel::LeftSizeColumn
                   || column == ComparisonTableModel::LeftSha256Column
               ? entry.before
               : entry.after;
}

bool isSizeColumn(int column)
{
    return column == ComparisonTableModel::LeftSizeColumn
           || column == ComparisonTableModel::RightSizeColumn;
}

} // namespace

ComparisonTableModel::ComparisonTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ComparisonTableModel::setComparison(const FileComparison &comparison)
{
    beginResetModel();
    m_comparison = comparison;
    endResetModel();
}

void ComparisonTableModel::clear()
{
    setComparison({});
}

void ComparisonTableModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::ForegroundRole});
}

QString ComparisonTableModel::kindName(FileComparison::Kind kind)
{
    switch (kind) {
    case Kind::Same:
        return tr("Same");
    case Kind::Changed:
        return tr("Changed");
    case Kind::Added:
        return tr("Added");
    case Kind::Removed:
        return tr("Removed");
    case Kind::Unreadable:
        return tr("Unreadable");
    }
    return {};
}

void ComparisonTableModel::setKindName(FileComparison::Kind kind, const QString &name,
                                       bool coloured)
{
    m_kindNames.insert(kind, name);
    if (coloured)
        m_uncoloured.remove(kind);
    else
        m_uncoloured.insert(kind);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ComparisonTableModel::setHeader(Column column, const QString &text)
{
    m_headers.insert(column, text);
    Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
}

QString ComparisonTableModel::stateName(FileComparison::Kind kind) const
{
    return m_kindNames.value(kind, kindName(kind));
}

int ComparisonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_comparison.entries().size());
}

int ComparisonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const FileComparison::Entry &entry = m_comparison.entries().at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(entry, column);
    case Qt::ToolTipRole:
        if (column == LeftSha256Column || column == RightSha256Column) {
            const auto &fingerprint = side(entry, column);
            if (!fingerprint)
                return QString();
            return fingerprint->problem.isEmpty() ? fingerprint->sha256 : fingerprint->problem;
        }
        return column == PathColumn ? entry.path : QVariant();
    case Qt::ForegroundRole:
        return foreground(entry.kind);
    case Qt::TextAlignmentRole:
        return isSizeColumn(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case KindRole:
        return int(entry.kind);
    case SortRole:
        return sortValue(entry, column);
    default:
        return {};
    }
}

QVariant ComparisonTableModel::display(const FileComparison::Entry &entry, int column) const
{
    if (column == PathColumn)
        return entry.path;
    if (column == StateColumn)
        return stateName(entry.kind);
    const auto &fingerprint = side(entry, column);
    if (!fingerprint || (isSizeColumn(column) && fingerprint->size < 0))
        return tr("—", "no such file on this side");
    if (isSizeColumn(column))
        return QLocale().formattedDataSize(fingerprint->size);
    if (!fingerprint->problem.isEmpty())
        return fingerprint->problem;
    return fingerprint->sha256.left(kShortSha256Length);
}

QVariant ComparisonTableModel::sortValue(const FileComparison::Entry &entry, int column) const
{
    if (column == PathColumn)
        return entry.path;
    if (column == StateColumn)
        return stateName(entry.kind);
    const auto &fingerprint = side(entry, column);
    if (isSizeColumn(column))
        return fingerprint ? fingerprint->size : qint64(-1);
    return fingerprint ? fingerprint->sha256 : QString();
}

QVariant ComparisonTableModel::foreground(FileComparison::Kind kind) const
{
    using Meaning = StatusColours::Meaning;
    if (m_uncoloured.contains(kind))
        return {};
    switch (kind) {
    case Kind::Same:
        return {};
    case Kind::Changed:
        return StatusColours::text(Meaning::Warning, m_palette, QPalette::Base);
    case Kind::Added:
        return StatusColours::text(Meaning::Success, m_palette, QPalette::Base);
    case Kind::Removed:
    case Kind::Unreadable:
        return StatusColours::text(Meaning::Error, m_palette, QPalette::Base);
    }
    return {};
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (m_headers.contains(section))
        return m_headers.value(section);
    switch (section) {
    case PathColumn:
        return tr("File");
    case LeftSizeColumn:
        return tr("Left size");
    case LeftSha256Column:
        return tr("Left SHA-256");
    case RightSizeColumn:
        return tr("Right size");
    case RightSha256Column:
        return tr("Right SHA-256");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace Stevedore
