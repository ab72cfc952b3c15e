// Takes the README's screenshots: the real MainWindow against gitlab-sim --demo, with the
// package tree, a version's files, the publish, compare and sync dialogs and the transfer queue.
// Run it through take-screenshots.sh, which provides the X server.
#include "../ScriptedDialogs.h"
#include "CompareDialog.h"
#include "DemoData.h"
#include "FilePane.h"
#include "MainWindow.h"
#include "PackagePane.h"
#include "PromoteDialog.h"
#include "PublishDialog.h"
#include "SimServer.h"
#include "SyncDialog.h"
#include "TransferDock.h"
#include "account/MemorySecretStore.h"
#include "core/Translations.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QPalette>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cstdio>

using namespace Stevedore;
using namespace stevedore::test::demo;

namespace {

bool waitFor(const std::function<bool()> &condition, int milliseconds = 20000)
{
    return QTest::qWaitFor(condition, milliseconds);
}

bool save(QWidget *widget, const QString &folder, const QString &name)
{
    QTest::qWait(300); // let the style finish painting
    const QString path = QDir(folder).filePath(name);
    const bool saved = widget->grab().save(path);
    std::printf("%s %s\n", saved ? "wrote" : "could not write", qPrintable(path));
    return saved;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, qint64 size)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.resize(size);
    return path;
}

// A dark palette as desktop themes make them, for Fusion.
QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2d, 0x2d, 0x30), base(0x1e, 0x1e, 0x1e), text(0xe6, 0xe6, 0xe6);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Highlight, QColor(0x26, 0x4f, 0x78));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    palette.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return palette;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTPUT_FOLDER\n", argv[0]);
        return 2;
    }
    const QString output = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(output);
    QTemporaryDir work;
    QCoreApplication::setOrganizationName(QStringLiteral("StevedoreScreenshots"));
    Stevedore::installTranslations(QLocale(QLocale::English));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       work.filePath(QStringLiteral("settings")));

    stevedore::test::SimServer sim(stevedore::test::SimServer::Options().withDemo().withArguments(
        {QStringLiteral("--fault"), QStringLiteral("latency=15")}));
    if (!sim.start()) {
        std::fprintf(stderr, "gitlab-sim did not start: %s\n", qPrintable(sim.errorString()));
        return 1;
    }
    AccountStore accounts(std::make_unique<QSettings>(work.filePath(QStringLiteral("accounts.ini")),
                                                      QSettings::IniFormat));
    MemorySecretStore secrets;
    GuiTest::ScriptedDialogs dialogs;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("GITLAB_HOST"), sim.baseUrl().toString());
    environment.insert(QStringLiteral("GITLAB_TOKEN"), kPat);
    LaunchOptions launch;
    launch.serverUrl = sim.baseUrl();
    launch.projectPath = kProject;
    MainWindow window(launch, {&accounts, &secrets, &dialogs,
                               work.filePath(QStringLiteral("queue.json")), environment});
    window.resize(1280, 800);
    window.show();

    PackageTreeModel *tree = window.packagePane()->model();
    if (!waitFor([&] { return tree->rowCount() >= 4; })) {
        std::fprintf(stderr, "the demo packages did not load\n");
        return 1;
    }
    window.packagePane()->select(kHelloCli, QStringLiteral("1.9.0"));
    window.packagePane()->view()->expand(window.packagePane()->viewIndex(kNightly));
    waitFor([&] { return window.filePane()->model()->rowCount() >= 2; });
    bool ok = save(&window, output, QStringLiteral("main-window.png"));
    // The smallest size the window is made for: nothing may be clipped.
    window.resize(1024, 700);
    QTest::qWait(200);
    ok = save(&window, output, QStringLiteral("main-window-1024x700.png")) && ok;
    window.resize(1280, 800);

    // Compare with…: two nightly builds, kept open to be taken again in the dark palette.
    window.packagePane()->select(kNightly, QStringLiteral("2026.11.20"));
    window.compareVersion();
    auto *comparison = window.findChild<CompareDialog *>(QStringLiteral("compareDialog"));
    if (!comparison)
        return 1;
    comparison->findChild<QComboBox *>(QStringLiteral("compareVersion"))
        ->setCurrentText(QStringLiteral("20261122.1"));
    comparison->compare();
    if (!waitFor([&] { return !comparison->isComparing(); }))
        return 1;
    comparison->resize(900, 420);
    ok = save(comparison, output, QStringLiteral("compare-dialog.png")) && ok;

    // A version dropped on another project: a release promoted from demo/hello to demo/tools,
    // kept open for the dark palette.
    window.promote(
        {window.session().active()->id, {kProject, kHelloCli, QStringLiteral("1.10.0"), {}}},
        kToolsProject);
    auto *promotion = window.findChild<PromoteDialog *>(QStringLiteral("promoteDialog"));
    if (!promotion)
        return 1;
    if (!waitFor([&] { return promotion->plan().has_value(); }))
        return 1;
    promotion->resize(900, 560);
    ok = save(promotion, output, QStringLiteral("promote-dialog.png")) && ok;

    // Publishing: the dialog a drop onto a version opens, with one name to fix.
    const QStringList dropped{
        writeFile(work, QStringLiteral("drop/hello-2.0.0-linux-amd64.tar.gz"), 2400000),
        writeFile(work, QStringLiteral("drop/release notes.md"), 2048),
        writeFile(work, QStringLiteral("drop/site/index.html"), 900)};
    window.publishPaths({dropped[0], dropped[1], QFileInfo(dropped[2]).absolutePath()},
                        std::nullopt, kHelloCli);
    auto *dialog = window.findChild<PublishDialog *>(QStringLiteral("publishDialog"));
    if (!dialog || !waitFor([&] { return dialog->isVisible() && !dialog->isReadingFolders(); }))
        return 1;
    dialog->resize(820, 460);
    ok = save(dialog, output, QStringLiteral("publish-dialog.png")) && ok;
    dialog->fixAll();
    dialog->accept();

    // The queue while the uploads run, then done.
    TransferQueue &queue = window.transfers();
    waitFor([&] {
        return std::any_of(
            queue.items().begin(), queue.items().end(),
            [](const TransferItem &item) { return item.state == TransferState::Done; });
    });
    ok = save(&window, output, QStringLiteral("transfers.png")) && ok;
    waitFor([&] { return queue.isIdle(); });

    // Sync folder to version…: the dropped folder, changed since, against the version it went
    // to; kept open to be taken again in the dark palette.
    QFile::remove(dropped[1]);
    writeFile(work, QStringLiteral("drop/site/index.html"), 1400);
    writeFile(work, QStringLiteral("drop/SHA256SUMS"), 190);
    PackageTarget published = queue.items().constLast().target;
    published.fileName.clear();
    auto *sync = new SyncDialog(window.session().apiFor(window.session().active()->id), queue,
                                published, work.filePath(QStringLiteral("drop")), &window);
    sync->show();
    if (!waitFor([&] { return sync->plan().has_value(); }))
        return 1;
    sync->resize(960, 420);
    ok = save(sync, output, QStringLiteral("sync-dialog.png")) && ok;
    // Verify download: a version downloaded, then one of its files changed and one deleted.
    queue.clearFinished();
    const QString downloads = work.filePath(QStringLiteral("Downloads"));
    QDir().mkpath(downloads);
    dialogs.answerDirectory(downloads);
    window.packagePane()->select(kHelloCli, QStringLiteral("1.0.0"));
    waitFor([&] { return window.filePane()->model()->rowCount() >= 2; });
    window.filePane()->view()->clearSelection(); // the whole version, not a file of it
    window.downloadSelection();
    if (!waitFor([&] { return !queue.items().isEmpty() && queue.isIdle(); })
        || queue.items().size() < 2)
        return 1;
    QFile changed(queue.items().at(0).finalPath);
    if (!changed.open(QIODevice::ReadWrite) || changed.write("#") != 1)
        return 1;
    changed.close();
    QFile::remove(queue.items().at(1).finalPath);
    window.transferDock()->view()->selectRow(0);
    window.transferDock()->verifyAction()->trigger();
    const TransferQueueModel *transfers = window.transferDock()->model();
    waitFor([&] {
        for (int row = 0; row < transfers->rowCount(); ++row) {
            if (transfers->index(row, 0).data(TransferQueueModel::VerificationRole).toInt()
                == int(TransferQueueModel::Verification::Running))
                return false;
        }
        return true;
    });
    ok = save(&window, output, QStringLiteral("verify-download.png")) && ok;

    // A dark palette: every colour must come from it (or be picked to contrast with it).
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(darkPalette());
    QTest::qWait(200);
    ok = save(&window, output, QStringLiteral("main-window-dark.png")) && ok;
    ok = save(comparison, output, QStringLiteral("compare-dialog-dark.png")) && ok;
    ok = save(promotion, output, QStringLiteral("promote-dialog-dark.png")) && ok;
    promotion->reject();
    comparison->close();
    ok = save(sync, output, QStringLiteral("sync-dialog-dark.png")) && ok;
    sync->close();
    window.publishPaths({dropped[1]}, std::nullopt, kHelloCli);
    auto *darkDialog = window.findChildren<PublishDialog *>(QStringLiteral("publishDialog")).last();
    if (!waitFor([&] { return darkDialog->isVisible() && !darkDialog->isReadingFolders(); }))
        return 1;
    darkDialog->resize(820, 460);
    ok = save(darkDialog, output, QStringLiteral("publish-dialog-dark.png")) && ok;
    darkDialog->reject();
    window.close();
    return ok ? 0 : 1;
}
