#pragma once

#include "model/PackageTreeModel.h"

#include <QPersistentModelIndex>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTreeView;

namespace Stevedore {

// The centre: a project's generic packages as name → versions, with filter and order.
class PackagePane final : public QWidget
{
    Q_OBJECT

public:
    explicit PackagePane(QWidget *parent = nullptr);

    PackageTreeModel *model() { return &m_model; }
    QTreeView *view() const { return m_view; }
    // The version row selected (or the top version of a selected package row).
    std::optional<Package> currentVersion() const;
    bool isPackageRowSelected() const;
    // What the selection means, each version once, in view order: a version row itself, a
    // package row every version it shows.
    QList<Package> selectedVersions() const;
    void focusFilter();
    void clearFilter();                       // another project: its packages start unfiltered
    static constexpr int kRowsMeasured = 100; // rows a column's width is fitted to
    void select(const QString &name, const QString &version);
    // The row (column 0) under a drag of files, highlighted until the drag leaves or drops;
    // invalid when there is none or the drag is over empty space.
    QModelIndex dropTarget() const { return m_dropTarget; }

Q_SIGNALS:
    void versionChosen(const Stevedore::Package &package); // nullopt-like: id 0 when cleared
    // Files dropped on the tree: onto a package or a version row, or (invalid) empty space.
    void filesDropped(const QStringList &paths, const QModelIndex &onto);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();
    void setDropTarget(const QModelIndex &index);

    PackageTreeModel m_model;
    QLineEdit *m_filter;
    QCheckBox *m_exact;
    QCheckBox *m_showHidden;
    QComboBox *m_order;
    QTreeView *m_view;
    QTimer m_filterDelay;
    QPersistentModelIndex m_dropTarget;
};

} // namespace Stevedore
