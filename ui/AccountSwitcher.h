#pragma once

#include <QComboBox>

namespace Stevedore {

// The account combo box, changed by an explicit choice in its list only: a stray wheel notch
// or an arrow key over it would otherwise switch the account the window shows. The keys that
// open the list (Space, F4, Alt+Down) still work.
class AccountSwitcher final : public QComboBox
{
    Q_OBJECT

public:
    using QComboBox::QComboBox;

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace Stevedore
