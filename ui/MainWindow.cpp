#include "MainWindow.h"

#include "core/Version.h"

#include <QCloseEvent>
#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

const QString GeometryKey = u"MainWindow/geometry"_s;

// Used when no geometry was saved yet, bounded by the screen.
constexpr QSize DefaultSize(1024, 680);

QString connectionSummary(const LaunchOptions &launch)
{
    QStringList parts;
    if (!launch.serverUrl.isEmpty())
        parts << MainWindow::tr("Server: %1").arg(launch.serverUrl.toDisplayString());
    if (!launch.projectPath.isEmpty())
        parts << MainWindow::tr("Project: %1").arg(launch.projectPath);
    if (!launch.accountName.isEmpty())
        parts << MainWindow::tr("Account: %1").arg(launch.accountName);
    if (parts.isEmpty())
        return MainWindow::tr("No server chosen: start Stevedore with --url to choose one.");
    return parts.join(MainWindow::tr("  ·  ", "separator between status bar items"));
}

} // namespace

MainWindow::MainWindow(const LaunchOptions &launch, QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(applicationName());

    auto *connectionLabel = new QLabel(connectionSummary(launch), this);
    connectionLabel->setObjectName(u"connectionLabel"_s);
    statusBar()->addWidget(connectionLabel, 1);

    restoreWindowGeometry();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowGeometry();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreWindowGeometry()
{
    const QByteArray geometry = QSettings().value(GeometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(DefaultSize.boundedTo(screen()->availableSize()));
}

void MainWindow::saveWindowGeometry() const
{
    QSettings().setValue(GeometryKey, saveGeometry());
}

} // namespace Stevedore
