#pragma once

#include "model/PackageTreeModel.h"

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

Q_SIGNALS:
    void versionChosen(const Stevedore::Package &package); // nullopt-like: id 0 when cleared

private:
    void applyFilter();

    PackageTreeModel m_model;
    QLineEdit *m_filter;
    QCheckBox *m_exact;
    QCheckBox *m_showHidden;
    QComboBox *m_order;
    QTreeView *m_view;
    QTimer m_filterDelay;
};

} // namespace Stevedore
