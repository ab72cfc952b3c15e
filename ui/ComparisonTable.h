#pragma once

#include <QString>

class QTableView;

namespace Stevedore {

class ComparisonTableModel;
class SortProxyModel;

// Shows `model` in `table` as the comparison dialogs do (Compare with…, Sync folder to
// version…, Copy to…): through `sorted`, sorted by a click on a header (kept under
// `sortingKey`), whole rows selected, read-only, the path stretched and the other columns as
// wide as their contents, coloured with the table's palette.
void showComparison(QTableView *table, ComparisonTableModel &model, SortProxyModel &sorted,
                    const QString &sortingKey);

} // namespace Stevedore
