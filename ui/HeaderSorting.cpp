#include "HeaderSorting.h"

#include <QHeaderView>
#include <QSettings>
#include <QTableView>
#include <QTreeView>

#include <functional>

namespace Stevedore {

namespace {

QString columnKey(const QString &key)
{
    return QStringLiteral("Sorting/%1/column").arg(key);
}

QString orderKey(const QString &key)
{
    return QStringLiteral("Sorting/%1/descending").arg(key);
}

void enable(QHeaderView *header, const QString &key, const std::function<void()> &enableSorting)
{
    header->setSortIndicatorClearable(true);
    // Enabling sorting applies what the header shows, so the header shows the saved choice
    // first (-1, the model's own order, unless one was saved).
    const QSettings saved;
    header->setSortIndicator(saved.value(columnKey(key), -1).toInt(),
                             saved.value(orderKey(key), false).toBool() ? Qt::DescendingOrder
                                                                        : Qt::AscendingOrder);
    enableSorting();
    // A shown indicator widens every section fitted to its contents by an arrow's width,
    // which the name columns pay for; the list's own order needs none.
    header->setSortIndicatorShown(header->sortIndicatorSection() >= 0);
    QObject::connect(header, &QHeaderView::sortIndicatorChanged, header,
                     [header, key](int column, Qt::SortOrder order) {
                         header->setSortIndicatorShown(column >= 0);
                         QSettings settings;
                         settings.setValue(columnKey(key), column);
                         settings.setValue(orderKey(key), order == Qt::DescendingOrder);
                     });
}

} // namespace

void enableHeaderSorting(QTreeView *view, const QString &key)
{
    enable(view->header(), key, [view] { view->setSortingEnabled(true); });
}

void enableHeaderSorting(QTableView *view, const QString &key)
{
    enable(view->horizontalHeader(), key, [view] { view->setSortingEnabled(true); });
}

} // namespace Stevedore
