#include "NameColumnFit.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTreeView>

namespace Stevedore {

NameColumnFit::NameColumnFit(QTreeView *view, int nameColumn)
    : QObject(view)
    , m_view(view)
    , m_viewport(view->viewport())
    , m_nameColumn(nameColumn)
{
    m_later.setSingleShot(true);
    m_later.setInterval(0);
    connect(&m_later, &QTimer::timeout, this, &NameColumnFit::fit);
    const auto later = [this] { m_later.start(); };
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->viewport()->installEventFilter(this);
    QHeaderView *header = m_view->header();
    connect(header, &QHeaderView::sectionResized, this, [this, later](int section) {
        if (section != m_nameColumn)
            later();
    });
    connect(header, &QHeaderView::sectionCountChanged, this, later);
    connect(m_view, &QTreeView::expanded, this, later);
    if (QAbstractItemModel *model = m_view->model()) {
        connect(model, &QAbstractItemModel::modelReset, this, later);
        connect(model, &QAbstractItemModel::rowsInserted, this, later);
        connect(model, &QAbstractItemModel::layoutChanged, this, later);
    }
}

bool NameColumnFit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport && event->type() == QEvent::Resize)
        m_later.start();
    return QObject::eventFilter(watched, event);
}

void NameColumnFit::fit()
{
    QHeaderView *header = m_view->header();
    if (m_nameColumn >= header->count())
        return;
    header->setSectionResizeMode(m_nameColumn, QHeaderView::Interactive);
    int others = 0;
    for (int column = 0; column < header->count(); ++column) {
        if (column != m_nameColumn && !header->isSectionHidden(column))
            others += header->sectionSize(column);
    }
    const int available = m_view->viewport()->width();
    // QTreeView's override (it counts the indentation) is protected; the base's is public.
    const QAbstractItemView *view = m_view;
    const int needed = std::min(
        std::max(view->sizeHintForColumn(m_nameColumn), header->sectionSizeHint(m_nameColumn)),
        available * 2 / 3);
    header->resizeSection(m_nameColumn,
                          std::max({available - others, needed, header->minimumSectionSize()}));
}

} // namespace Stevedore
