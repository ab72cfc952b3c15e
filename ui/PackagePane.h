#pragma once

#include "model/PackageTreeModel.h"
#include "model/SortProxyModel.h"

#include <QPersistentModelIndex>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTreeView;

namespace Stevedore {

// The centre: a project's generic packages as name → versions, with filter and order; a
// header click sorts the view (the model's own order stays the default). The filter, the
// hidden toggle and the version order keep what is expanded and selected, and the packages
// expanded once come back expanded when a filter no longer hides them.
class PackagePane final : public QWidget
{
    Q_OBJECT

public:
    explicit PackagePane(QWidget *parent = nullptr);

    PackageTreeModel *model() { return &m_model; }
    QTreeView *view() const { return m_view; } // its model is the sorted one, not model()
    // The view's row of a package (`version` empty) or version; invalid when not shown.
    QModelIndex viewIndex(const QString &name, const QString &version = {}) const;
    // The package record of a version row of the view.
    std::optional<Package> packageAt(const QModelIndex &viewIndex) const;
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
    // Runs a change of what the model shows, then selects again what still is shown;
    // versionChosen() only when the version the files are shown for changed.
    void keepingSelection(const std::function<void()> &change);
    void expandRemembered();
    void setDropTarget(const QModelIndex &index);

    PackageTreeModel m_model;
    SortProxyModel m_sorted;
    QLineEdit *m_filter;
    QCheckBox *m_exact;
    QCheckBox *m_showHidden;
    QComboBox *m_order;
    QTreeView *m_view;
    QTimer m_filterDelay;
    QSet<QString> m_expanded; // package names, of m_expandedProject
    QString m_expandedProject;
    bool m_keepingSelection = false;
    QPersistentModelIndex m_dropTarget;
};

} // namespace Stevedore
