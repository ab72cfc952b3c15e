#pragma once

#include "transfer/FileComparison.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPalette>
#include <QSet>

namespace Stevedore {

// The rows of a FileComparison (two versions, or a version and a folder), one file a row with
// both sides' size and SHA-256 and what changed from the left to the right; a file that could
// not be read says why in its SHA-256 cell. A row that differs says so in its State
// column and in the colour of its text (StatusColours of the palette given): changed as a
// warning, added as a success, removed as an error.
class ComparisonTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        PathColumn,
        LeftSizeColumn,
        LeftSha256Column,
        RightSizeColumn,
        RightSha256Column,
        StateColumn,
        ColumnCount
    };
    enum Role {
        KindRole = Qt::UserRole + 1, // FileComparison::Kind as int
        SortRole,                    // the raw value of the cell's column, for SortProxyModel
    };
    Q_ENUM(Role)

    // The SHA-256 is shown cut to this many hex digits (the whole one in the tooltip).
    static constexpr int kShortSha256Length = 12;

    explicit ComparisonTableModel(QObject *parent = nullptr);

    void setComparison(const FileComparison &comparison);
    void clear();
    // The colours of the rows follow this palette (the view's).
    void setPalette(const QPalette &palette);
    const FileComparison &comparison() const { return m_comparison; }

    // "Changed", "Added", …
    static QString kindName(FileComparison::Kind kind);
    // What the State column says for `kind` instead of kindName() (a sync's plan says "New");
    // not `coloured`, its rows keep the view's own text colour.
    void setKindName(FileComparison::Kind kind, const QString &name, bool coloured = true);
    // A header instead of the two versions' "Left size", "Right SHA-256", …
    void setHeader(Column column, const QString &text);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const FileComparison::Entry &entry, int column) const;
    QVariant sortValue(const FileComparison::Entry &entry, int column) const;
    QVariant foreground(FileComparison::Kind kind) const;
    QString stateName(FileComparison::Kind kind) const;

    FileComparison m_comparison;
    QPalette m_palette;
    QHash<FileComparison::Kind, QString> m_kindNames;
    QSet<FileComparison::Kind> m_uncoloured;
    QHash<int, QString> m_headers;
};

} // namespace Stevedore
