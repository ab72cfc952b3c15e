#pragma once

#include <QDialog>

namespace Stevedore {

// Help › About Stevedore: the icon, name and version, the Qt version the program runs on and
// the one it was built with, QtKeychain's version, the copyright and the license, whose full
// text "Show license" unfolds.
//
// objectNames: aboutDialog, versionLabel, librariesLabel, licenseLabel, licenseButton,
// licenseText.
class AboutDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    static QString licenseText(); // the LICENSE file, compiled in
};

} // namespace Stevedore
