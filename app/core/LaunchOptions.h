#pragma once

#include <QString>
#include <QUrl>

namespace Stevedore {

// What the command line asked the window to open. Empty members were not given.
struct LaunchOptions
{
    QUrl serverUrl;
    QString projectPath;
    QString accountName;
};

} // namespace Stevedore
