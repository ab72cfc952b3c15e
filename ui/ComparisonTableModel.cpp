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

ComparisonTableModel::Wording ComparisonTableModel::comparisonWording()
{
    return {tr("Left size"), tr("Left SHA-256"), tr("Right size"), tr("Right SHA-256"),
            &ComparisonTableModel::kindName};
}

void ComparisonTableModel::setWording(Wording wording)
{
    m_wording = std::move(wording);
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn));
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
            return fingerprint ? fingerprint->sha256 : QString();
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
    if (!fingerprint)
        return tr("—", "no such file on this side");
    if (isSizeColumn(column))
        return QLocale().formattedDataSize(fingerprint->size);
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
    switch (section) {
    case PathColumn:
        return tr("File");
    case LeftSizeColumn:
        return m_wording.leftSize;
    case LeftSha256Column:
        return m_wording.leftSha256;
    case RightSizeColumn:
        return m_wording.rightSize;
    case RightSha256Column:
        return m_wording.rightSha256;
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace Stevedore
