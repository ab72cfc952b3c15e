#pragma once

#include <QObject>
#include <QTimer>

class QTreeView;

namespace Stevedore {

// Keeps a tree's name column readable when its pane is narrow: the other columns fit their
// contents, and the name column takes the rest of the width but never less than its own
// contents need (up to two thirds of the view). When the view is too narrow for both, the
// columns beside the names move out of sight to the right, behind a horizontal scroll bar,
// instead of squeezing version and file names to "1…0".
class NameColumnFit final : public QObject
{
    Q_OBJECT

public:
    NameColumnFit(QTreeView *view, int nameColumn);

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fit();

    QTreeView *m_view;
    // Compared by address only: the viewport also sends events while the view is torn down.
    const QObject *m_viewport;
    int m_nameColumn;
    QTimer m_later; // one fit per event-loop turn, however many rows or sections changed
};

} // namespace Stevedore
