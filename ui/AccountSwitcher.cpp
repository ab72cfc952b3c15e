#include "AccountSwitcher.h"

#include <QKeyEvent>
#include <QWheelEvent>

namespace Stevedore {

void AccountSwitcher::wheelEvent(QWheelEvent *event)
{
    event->ignore(); // passed on: the pane scrolls instead
}

void AccountSwitcher::keyPressEvent(QKeyEvent *event)
{
    const bool opensList = event->key() == Qt::Key_Space || event->key() == Qt::Key_F4
                           || ((event->key() == Qt::Key_Down || event->key() == Qt::Key_Up)
                               && event->modifiers().testFlag(Qt::AltModifier));
    if (opensList || event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab) {
        QComboBox::keyPressEvent(event);
        return;
    }
    event->ignore();
}

} // namespace Stevedore
