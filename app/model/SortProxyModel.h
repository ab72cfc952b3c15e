#pragma once

#include <QSortFilterProxyModel>

namespace Stevedore {

// What a view shows when a column header is clicked: the source's rows ordered on the raw
// value its `sortRole` gives for that column (the models' SortRole), not on the text shown.
// Text compares in NaturalOrder ("tool2" before "Tool10"), numbers numerically, dates
// chronologically; equal values keep the source's order (not the previous sort's). Sorting by
// column -1 gives the source's own order back (a third click on a clearable header).
//
// With firstRole set, rows for which that role is true (folders) stay above the others in
// either direction, as file managers keep them.
//
// Sorting stays dynamic, so rows inserted later land in place; a source's dataChanged
// re-sorts only the rows it names, and only when it covers the sort column and the sort role.
class SortProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SortProxyModel(int sortRole, QObject *parent = nullptr);

    void setFirstRole(int role) { m_firstRole = role; }

    // <0, 0, >0 for two sort values.
    static int compareValues(const QVariant &left, const QVariant &right);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_firstRole = -1;
};

} // namespace Stevedore
