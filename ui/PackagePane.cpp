#include "PackagePane.h"

#include "DroppedFiles.h"
#include "HeaderSorting.h"
#include "NameColumnFit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Stevedore {

namespace {

// Hidden versions are shown greyed and in italics, with their "Hidden" status as the badge. The
// row a drag of files would drop onto is tinted and framed in the palette's highlight colour,
// apart from the selection, which keeps its own look.
class PackageRowDelegate final : public QStyledItemDelegate
{
public:
    PackageRowDelegate(const PackagePane *pane, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_pane(pane)
    {
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const QModelIndex target = m_pane->dropTarget();
        if (!target.isValid() || index.siblingAtColumn(0) != target)
            return;
        QColor tint = option.palette.color(QPalette::Highlight);
        tint.setAlphaF(0.3f);
        painter->save();
        painter->fillRect(option.rect, tint);
        painter->setPen(QPen(option.palette.color(QPalette::Highlight), 2));
        const QRect rect = option.rect.adjusted(0, 1, 0, -1);
        painter->drawLine(rect.topLeft(), rect.topRight());
        painter->drawLine(rect.bottomLeft(), rect.bottomRight());
        painter->restore();
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (!index.data(PackageTreeModel::IsHiddenRole).toBool())
            return;
        option->palette.setBrush(QPalette::Text,
                                 option->palette.brush(QPalette::Disabled, QPalette::Text));
        option->font.setItalic(true);
    }

private:
    const PackagePane *m_pane;
};

} // namespace

PackagePane::PackagePane(QWidget *parent)
    : QWidget(parent)
    , m_sorted(PackageTreeModel::SortRole)
    , m_filter(new QLineEdit(this))
    , m_exact(new QCheckBox(tr("Exact"), this))
    , m_showHidden(new QCheckBox(tr("Show hidden"), this))
    , m_order(new QComboBox(this))
    , m_view(new QTreeView(this))
{
    m_filter->setObjectName(QStringLiteral("packageFilter"));
    m_filter->setPlaceholderText(tr("Filter packages and versions (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_exact->setObjectName(QStringLiteral("exactFilter"));
    m_showHidden->setObjectName(QStringLiteral("showHidden"));
    m_order->setObjectName(QStringLiteral("versionOrder"));
    m_order->addItem(tr("Newest version first"), PackageTreeModel::BySemver);
    m_order->addItem(tr("Newest upload first"), PackageTreeModel::ByDate);
    m_view->setObjectName(QStringLiteral("packageTree"));
    m_sorted.setSourceModel(&m_model);
    m_view->setModel(&m_sorted);
    m_view->setItemDelegate(new PackageRowDelegate(this, m_view));
    m_view->viewport()->setAcceptDrops(true);
    m_view->viewport()->installEventFilter(this);
    m_view->setDragEnabled(true); // a version row, onto a project: see ProjectPane
    m_view->setDefaultDropAction(Qt::CopyAction);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setTextElideMode(Qt::ElideMiddle); // long names keep their start and their end
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->header()->setStretchLastSection(false);
    // The columns fit the rows near the top, not the first 1,000 (Qt's default), which kept
    // the event loop busy for tens of milliseconds when 15,000 packages arrived.
    m_view->header()->setResizeContentsPrecision(kRowsMeasured);
    for (int column = 0; column < PackageTreeModel::ColumnCount; ++column)
        m_view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    new NameColumnFit(m_view, PackageTreeModel::NameColumn);
    enableHeaderSorting(m_view, QStringLiteral("packages"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_exact);
    filters->addWidget(m_showHidden);
    filters->addWidget(m_order);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);

    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(200);
    connect(m_filter, &QLineEdit::textChanged, &m_filterDelay, qOverload<>(&QTimer::start));
    connect(&m_filterDelay, &QTimer::timeout, this, &PackagePane::applyFilter);
    connect(m_exact, &QCheckBox::toggled, this, &PackagePane::applyFilter);
    connect(m_showHidden, &QCheckBox::toggled, this,
            [this](bool show) { keepingSelection([&] { m_model.setShowHidden(show); }); });
    connect(m_order, &QComboBox::currentIndexChanged, this, [this] {
        keepingSelection([this] {
            m_model.setVersionOrder(
                PackageTreeModel::VersionOrdering(m_order->currentData().toInt()));
        });
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (!m_keepingSelection)
            Q_EMIT versionChosen(currentVersion().value_or(Package()));
    });
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        m_expanded.insert(index.data(PackageTreeModel::NameRole).toString());
    });
    connect(m_view, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        m_expanded.remove(index.data(PackageTreeModel::NameRole).toString());
    });
    // After the view's own reset (connected first, by setModel()).
    connect(&m_sorted, &QAbstractItemModel::modelReset, this, [this] {
        expandRemembered();
        if (!m_keepingSelection)
            Q_EMIT versionChosen(Package());
    });
}

bool PackagePane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (PackageTreeModel::draggedVersion(drag->mimeData())) {
            drag->ignore(); // a version is copied onto a project, never into this tree
            return true;
        }
        if (droppedLocalPaths(drag->mimeData()).isEmpty())
            return false; // not files: the view refuses it as usual
        drag->acceptProposedAction();
        setDropTarget(m_view->indexAt(drag->position().toPoint()));
        return true;
    }
    case QEvent::DragLeave:
        setDropTarget({});
        return false;
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QModelIndex onto = m_view->indexAt(drop->position().toPoint());
        setDropTarget({});
        const QStringList paths = droppedLocalPaths(drop->mimeData());
        if (paths.isEmpty())
            return false;
        drop->acceptProposedAction();
        Q_EMIT filesDropped(paths, onto.siblingAtColumn(0));
        return true;
    }
    default:
        return QWidget::eventFilter(watched, event);
    }
}

void PackagePane::setDropTarget(const QModelIndex &index)
{
    const QModelIndex row = index.siblingAtColumn(0);
    if (row == m_dropTarget)
        return;
    const QModelIndex before = m_dropTarget;
    m_dropTarget = row;
    for (const QModelIndex &changed : {before, row}) {
        if (!changed.isValid())
            continue;
        QRect rect = m_view->visualRect(changed);
        rect.setLeft(0);
        rect.setRight(m_view->viewport()->width());
        m_view->viewport()->update(rect);
    }
}

void PackagePane::applyFilter()
{
    keepingSelection([this] { m_model.setFilter(m_filter->text(), m_exact->isChecked()); });
}

void PackagePane::keepingSelection(const std::function<void()> &change)
{
    using Key = std::pair<QString, QString>; // name, and version unless a package row
    const auto keyOf = [](const QModelIndex &index) {
        return Key(index.data(PackageTreeModel::NameRole).toString(),
                   index.data(PackageTreeModel::IsPackageRole).toBool()
                       ? QString()
                       : index.data(PackageTreeModel::VersionRole).toString());
    };
    QItemSelectionModel *selection = m_view->selectionModel();
    QList<Key> selected;
    for (const QModelIndex &index : selection->selectedRows())
        selected << keyOf(index);
    const QModelIndex current = m_view->currentIndex();
    const std::optional<Key> currentKey =
        current.isValid() ? std::optional<Key>(keyOf(current)) : std::nullopt;
    const qint64 shownBefore = currentVersion().value_or(Package()).id;

    m_keepingSelection = true;
    change();
    QItemSelection again;
    for (const auto &[name, version] : std::as_const(selected)) {
        const QModelIndex index = viewIndex(name, version);
        if (index.isValid())
            again.select(index, index);
    }
    selection->select(again, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (currentKey)
        selection->setCurrentIndex(viewIndex(currentKey->first, currentKey->second),
                                   QItemSelectionModel::NoUpdate);
    m_keepingSelection = false;

    const std::optional<Package> shown = currentVersion();
    if (shown.value_or(Package()).id != shownBefore)
        Q_EMIT versionChosen(shown.value_or(Package()));
}

void PackagePane::expandRemembered()
{
    if (m_model.project() != m_expandedProject) {
        m_expanded.clear(); // another project's names
        m_expandedProject = m_model.project();
    }
    for (const QString &name : std::as_const(m_expanded)) {
        const QModelIndex index = viewIndex(name);
        if (index.isValid())
            m_view->expand(index);
    }
}

QModelIndex PackagePane::viewIndex(const QString &name, const QString &version) const
{
    return m_sorted.mapFromSource(m_model.indexFor(name, version));
}

std::optional<Package> PackagePane::packageAt(const QModelIndex &viewIndex) const
{
    return m_model.packageAt(m_sorted.mapToSource(viewIndex));
}

std::optional<Package> PackagePane::currentVersion() const
{
    return packageAt(m_view->currentIndex());
}

bool PackagePane::isPackageRowSelected() const
{
    return m_view->currentIndex().data(PackageTreeModel::IsPackageRole).toBool();
}

QList<Package> PackagePane::selectedVersions() const
{
    // Only the selected rows are visited: walking the whole view would make the sorting proxy
    // map the children of every package.
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const auto position = [](const QModelIndex &index) {
        return index.parent().isValid() ? std::pair(index.parent().row(), index.row())
                                        : std::pair(index.row(), -1);
    };
    std::sort(rows.begin(), rows.end(), [&](const QModelIndex &a, const QModelIndex &b) {
        return position(a) < position(b);
    });
    QList<Package> versions;
    QSet<qint64> seen;
    const auto add = [&](const QModelIndex &version) {
        const std::optional<Package> found = packageAt(version);
        if (found && !seen.contains(found->id)) {
            seen.insert(found->id);
            versions << *found;
        }
    };
    for (const QModelIndex &row : std::as_const(rows)) {
        if (!row.data(PackageTreeModel::IsPackageRole).toBool()) {
            add(row);
            continue;
        }
        for (int child = 0; child < m_sorted.rowCount(row); ++child)
            add(m_sorted.index(child, 0, row));
    }
    return versions;
}

void PackagePane::clearFilter()
{
    m_filter->clear();
    m_filterDelay.stop();
    applyFilter();
}

void PackagePane::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

void PackagePane::select(const QString &name, const QString &version)
{
    const QModelIndex index = viewIndex(name, version);
    if (!index.isValid())
        return;
    m_view->expand(index.parent());
    m_view->setCurrentIndex(index);
}

} // namespace Stevedore
