#include "ComparisonTable.h"

#include "ComparisonTableModel.h"
#include "HeaderSorting.h"
#include "model/SortProxyModel.h"

#include <QHeaderView>
#include <QTableView>

namespace Stevedore {

void showComparison(QTableView *table, ComparisonTableModel &model, SortProxyModel &sorted,
                    const QString &sortingKey)
{
    model.setPalette(table->palette());
    sorted.setSourceModel(&model);
    table->setModel(&sorted);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(ComparisonTableModel::PathColumn,
                                                    QHeaderView::Stretch);
    for (int column = ComparisonTableModel::LeftSizeColumn;
         column < ComparisonTableModel::ColumnCount; ++column)
        table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    enableHeaderSorting(table, sortingKey);
}

} // namespace Stevedore
