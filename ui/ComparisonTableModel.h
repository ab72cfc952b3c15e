#pragma once

#include "transfer/FileComparison.h"

#include <QAbstractTableModel>
#include <QPalette>

#include <functional>

namespace Stevedore {

// The rows of a FileComparison of two versions, one file a row with both sides' size and
// SHA-256 and what changed from the left to the right. A row that differs says so in its State
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

    // The headers of the four columns of the sides and the names in the State column; by
    // default they speak of a left and a right version and what changed between them.
    struct Wording
    {
        QString leftSize;
        QString leftSha256;
        QString rightSize;
        QString rightSha256;
        std::function<QString(FileComparison::Kind)> kindName;
    };
    static Wording comparisonWording();

    explicit ComparisonTableModel(QObject *parent = nullptr);

    void setWording(Wording wording);

    void setComparison(const FileComparison &comparison);
    void clear();
    // The colours of the rows follow this palette (the view's).
    void setPalette(const QPalette &palette);
    const FileComparison &comparison() const { return m_comparison; }

    // "Changed", "Added", …
    static QString kindName(FileComparison::Kind kind);
    QString stateName(FileComparison::Kind kind) const { return m_wording.kindName(kind); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const FileComparison::Entry &entry, int column) const;
    QVariant sortValue(const FileComparison::Entry &entry, int column) const;
    QVariant foreground(FileComparison::Kind kind) const;

    FileComparison m_comparison;
    QPalette m_palette;
    Wording m_wording = comparisonWording();
};

} // namespace Stevedore
