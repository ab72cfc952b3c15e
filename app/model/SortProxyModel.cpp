#include "model/SortProxyModel.h"

#include "core/NaturalOrder.h"

namespace Stevedore {

SortProxyModel::SortProxyModel(int sortRole, QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(sortRole);
    setDynamicSortFilter(true);
}

int SortProxyModel::compareValues(const QVariant &left, const QVariant &right)
{
    if (left.typeId() == QMetaType::QString && right.typeId() == QMetaType::QString)
        return NaturalOrder::compare(left.toString(), right.toString());
    const QPartialOrdering order = QVariant::compare(left, right);
    if (order == QPartialOrdering::Less)
        return -1;
    return order == QPartialOrdering::Greater ? 1 : 0; // equal, or not comparable
}

bool SortProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_firstRole >= 0) {
        const bool leftFirst = left.data(m_firstRole).toBool();
        if (leftFirst != right.data(m_firstRole).toBool()) {
            // A descending sort asks lessThan(right, left): answer so that they stay first.
            return sortOrder() == Qt::AscendingOrder ? leftFirst : !leftFirst;
        }
    }
    if (const int order = compareValues(left.data(sortRole()), right.data(sortRole())))
        return order < 0;
    // Ties in the source's order in either direction, not in the order of the previous sort.
    return sortOrder() == Qt::AscendingOrder ? left.row() < right.row() : left.row() > right.row();
}

} // namespace Stevedore
