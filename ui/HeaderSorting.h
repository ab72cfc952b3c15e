#pragma once

#include <QString>

class QTableView;
class QTreeView;

namespace Stevedore {

// Clicking a column header sorts the view's model by that column (a SortProxyModel), once
// ascending, again descending, and a third time gives the model's own order back. The choice
// is kept in the settings under "Sorting/<key>" as it changes and applied here, so each list
// comes back sorted as it was left.
void enableHeaderSorting(QTreeView *view, const QString &key);
void enableHeaderSorting(QTableView *view, const QString &key);

} // namespace Stevedore
