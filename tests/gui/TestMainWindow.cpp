#include "ApplicationIcon.h"
#include "DemoData.h"
#include "DemoWindowTest.h"
#include "FilePane.h"
#include "MainWindow.h"
#include "PackagePane.h"
#include "ProjectPane.h"
#include "PublishDialog.h"
#include "ScriptedDialogs.h"
#include "SimServer.h"
#include "TransferDock.h"
#include "account/MemorySecretStore.h"
#include "core/Sha256.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Stevedore;
using namespace Qt::StringLiterals;
using Stevedore::GuiTest::DemoWindowTest;
using Stevedore::GuiTest::ScriptedDialogs;
using stevedore::test::ScopedSim;
using namespace stevedore::test::demo;

namespace {
constexpr int kTimeout = 30000;
const QString kSortingDemo = QStringLiteral("sorting-demo"); // published by the sorting tests
} // namespace

// The real MainWindow against gitlab-sim --demo, driven through its widgets and actions.
class TestMainWindow final : public DemoWindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensTheLaunchProjectWithTheEnvironmentAccount();
    void browsesToAFileAndDownloadsItVerified();
    void dropsFilesAndAFolderOntoAVersionRowAndPublishesThem();
    void dropOnAPackageRowSuggestsTheNextVersion();
    void dragHighlightsTheRowUnderThePointer();
    void invalidFileNameIsFixedInThePublishDialog();
    void deleteAsksFirstAndNamesTheVersion();
    void deleteTakesTheSelectionThatIsShown();
    void deleteInTheTransferListRemovesTransferRows();
    void severalVersionsAndAPackageRowGoWithOneConfirmation();
    void downloadOfSeveralVersionsKeepsThemApart();
    void queuePausesResumesAndRetries();
    void copiesSnippetsWithoutTheToken();
    void onlineAndOfflineFollowTheLastRequest();
    void addAccountFilledFromTheLaunchUrlIsTitledAddAccount();
    void anotherProjectStartsUnfiltered();
    void environmentAccountsProjectIsNotSaved();
    void contextMenusOfferTheMenusActions();
    void emptyAndErrorStatesSayWhatIsGoingOn();
    void publishAFolderKeepsItsRelativePaths();
    void publishingWarnsWhenGitLabWillRefuse_data();
    void publishingWarnsWhenGitLabWillRefuse();
    void geometryAndSplitterAreRestored();
    void headerClicksSortThePackageTree();
    void sortedFilesKeepTheSelectionForDeleteAndDownload();
    void headerClicksSortProjectsAndTransfers();
    void sortingIsRestoredInANewWindow();
    void filterKeepsExpansionAndSelection();
    void applicationIconRendersSmallAndLarge();
    void everyActionHasAnIcon();
    void namesStayReadableAt1024x700();
    void bandwidthLimitHoldsTransfersToOneAtItsRate();

private:
    void openWindow(const QStringList &simFaults = {}, const QString &token = kPat);
    void waitForPackages();
    QModelIndex versionIndex(const QString &name, const QString &version);
    void drop(const QStringList &paths, const QModelIndex &onto);
    PublishDialog *publishDialog();
    QString writeFile(const QString &relativePath, const QByteArray &content);
    void publishAndWait(const QStringList &paths, const QString &package, const QString &version);
    void publishSortingDemo();
};

void TestMainWindow::initTestCase()
{
    nameApplication(QStringLiteral("TestMainWindow"));
}

void TestMainWindow::init()
{
    prepareFolder();
}

void TestMainWindow::cleanup()
{
    closeDemoWindow();
}

void TestMainWindow::openWindow(const QStringList &simFaults, const QString &token)
{
    QVERIFY(m_sim.startDemo(simFaults));
    openDemoWindow(token);
}

void TestMainWindow::waitForPackages()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProjectPath(), kProject, kTimeout);
    // The title says which project of which account the window shows.
    QVERIFY2(m_window->windowTitle().startsWith(kProject + QStringLiteral(" — "))
                 && m_window->windowTitle().contains(m_window->session().active()->name),
             qPrintable(m_window->windowTitle()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->packagePane()->model()->rowCount() >= 4, kTimeout);
}

QModelIndex TestMainWindow::versionIndex(const QString &name, const QString &version)
{
    const QModelIndex index = m_window->packagePane()->viewIndex(name, version);
    m_window->packagePane()->view()->expand(index.parent());
    m_window->packagePane()->view()->scrollTo(index);
    return index;
}

QString TestMainWindow::writeFile(const QString &relativePath, const QByteArray &content)
{
    const QString path = m_dir->filePath(QStringLiteral("local/") + relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

// Real drag-and-drop events, delivered to the package tree's viewport at the row's centre.
void TestMainWindow::drop(const QStringList &paths, const QModelIndex &onto)
{
    QWidget *viewport = m_window->packagePane()->view()->viewport();
    const QPoint position = onto.isValid()
                                ? m_window->packagePane()->view()->visualRect(onto).center()
                                : QPoint(5, viewport->height() - 5);
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    mime.setUrls(urls);
    QDragEnterEvent enter(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QVERIFY(move.isAccepted());
    QDropEvent dropEvent(QPointF(position), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &dropEvent);
    QVERIFY(dropEvent.isAccepted());
}

PublishDialog *TestMainWindow::publishDialog()
{
    return m_window->findChild<PublishDialog *>(QStringLiteral("publishDialog"));
}

void TestMainWindow::opensTheLaunchProjectWithTheEnvironmentAccount()
{
    openWindow();
    waitForPackages();
    auto *identity = m_window->findChild<QLabel *>(QStringLiteral("identityLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(identity->text().contains(QStringLiteral("(demo)")), kTimeout);
    QVERIFY(m_window->windowTitle().startsWith(kProject));
    // The switcher names the user and the server once.
    auto *switcher = m_window->findChild<QComboBox *>(QStringLiteral("accountSwitcher"));
    QVERIFY(switcher);
    const QString server = m_sim->baseUrl().host() + u':' + QString::number(m_sim->port());
    QCOMPARE(switcher->currentText(), u"demo @ "_s + server);
    auto *projects = m_window->findChild<QTreeView *>(QStringLiteral("projectList"));
    QCOMPARE(projects->currentIndex().data(ProjectListModel::PathRole).toString(), kProject);
    // Nothing of the token was written to the settings.
    QFile settings(m_dir->filePath(QStringLiteral("accounts.ini")));
    if (settings.open(QIODevice::ReadOnly))
        QVERIFY(!settings.readAll().contains(kPat.toUtf8()));
}

void TestMainWindow::browsesToAFileAndDownloadsItVerified()
{
    openWindow();
    waitForPackages();
    const QModelIndex version = versionIndex(kHelloCli, QStringLiteral("1.2.0"));
    QVERIFY(version.isValid());
    m_window->packagePane()->view()->setCurrentIndex(version);
    QAbstractItemModel *files = m_window->filePane()->view()->model();
    QTRY_COMPARE_WITH_TIMEOUT(files->rowCount(), 3, kTimeout);
    QModelIndex wanted;
    for (int row = 0; row < files->rowCount(); ++row) {
        const QModelIndex index = files->index(row, 0);
        if (index.data(PackageFileModel::DisplayNameRole).toString()
            == QStringLiteral("hello-1.2.0-darwin-arm64.tar.gz"))
            wanted = index;
    }
    QVERIFY(wanted.isValid());
    const QString expectedSha = wanted.data(PackageFileModel::Sha256Role).toString();
    m_window->filePane()->view()->selectionModel()->select(
        wanted, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    const QString target = m_dir->filePath(QStringLiteral("downloads"));
    QDir().mkpath(target);
    m_dialogs->answerDirectory(target);
    m_window->findChild<QAction *>(QStringLiteral("actionDownload"))->trigger();
    const QString downloaded =
        QDir(target).filePath(QStringLiteral("hello-1.2.0-darwin-arm64.tar.gz"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(downloaded), kTimeout);
    QCOMPARE(Sha256::ofFile(downloaded), expectedSha);
    QCOMPARE(QDir(target).entryList(QDir::Files).size(),
             1); // only the selected file, no .part left
    QCOMPARE(m_window->transferDock()->model()->rowCount(), 1);

    // Again into the same folder: the question compares the two files.
    m_dialogs->answerDirectory(target);
    m_dialogs->answerConflict(Dialogs::ConflictAnswer::Choice::Skip);
    m_window->findChild<QAction *>(QStringLiteral("actionDownload"))->trigger();
    const auto conflicts = m_dialogs->asked(ScriptedDialogs::Kind::Conflict);
    QCOMPARE(conflicts.size(), 1);
    const QString size = QLocale().formattedDataSize(QFileInfo(downloaded).size());
    QVERIFY2(conflicts.first().title.contains(u"In the folder: "_s + size)
                 && conflicts.first().title.contains(u"In hello-cli 1.2.0: "_s + size),
             qPrintable(conflicts.first().title));
}

void TestMainWindow::dropsFilesAndAFolderOntoAVersionRowAndPublishesThem()
{
    openWindow();
    waitForPackages();
    const QString first = writeFile(QStringLiteral("notes.txt"), "release notes\n");
    const QString second = writeFile(QStringLiteral("tool.bin"), QByteArray(300000, 'x'));
    writeFile(QStringLiteral("site/index.html"), "<h1>hi</h1>\n");
    writeFile(QStringLiteral("site/css/site.css"), "h1 { color: red }\n");
    const QString folder = m_dir->filePath(QStringLiteral("local/site"));

    const QModelIndex version = versionIndex(kNightly, QStringLiteral("2026.11.21"));
    drop({first, second, folder}, version);
    QTRY_VERIFY_WITH_TIMEOUT(publishDialog() != nullptr, kTimeout);
    PublishDialog *dialog = publishDialog();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isReadingFolders(), kTimeout);
    QCOMPARE(dialog->packageName(), kNightly);
    QCOMPARE(dialog->version(), QStringLiteral("2026.11.21"));
    QCOMPARE(dialog->fileCount(), 4);
    QVERIFY(dialog->isReady());
    // Dropped onto a version that exists: the dialog says the files are added to it.
    auto *existing = dialog->findChild<QLabel *>(QStringLiteral("existingVersionNote"));
    QVERIFY(existing && existing->isVisible());
    QVERIFY2(existing->text().contains(QStringLiteral("2026.11.21"))
                 && existing->text().contains(QStringLiteral("exists already")),
             qPrintable(existing->text()));
    dialog->accept();

    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->transfers().items().size() == 4 && m_window->transfers().isIdle(), kTimeout);
    for (const TransferItem &item : m_window->transfers().items())
        QCOMPARE(item.state, TransferState::Done);
    // The dock's title sums the queue up.
    QTRY_VERIFY2_WITH_TIMEOUT(
        m_window->transferDock()->windowTitle().startsWith(u"Transfers — 4 of 4 done, "_s),
        qPrintable(m_window->transferDock()->windowTitle()), kTimeout);

    m_window->packagePane()->view()->setCurrentIndex(
        versionIndex(kNightly, QStringLiteral("2026.11.21")));
    QStringList names;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            names.clear();
            const std::function<void(const QModelIndex &)> collect =
                [&](const QModelIndex &parent) {
                    PackageFileModel *files = m_window->filePane()->model();
                    for (int row = 0; row < files->rowCount(parent); ++row) {
                        const QModelIndex index = files->index(row, 0, parent);
                        if (index.data(PackageFileModel::IsFolderRole).toBool())
                            collect(index);
                        else
                            names << index.data(PackageFileModel::DisplayNameRole).toString();
                    }
                };
            collect({});
            return names.contains(QStringLiteral("site/css/site.css"));
        }(),
        kTimeout);
    for (const QString &name : {QStringLiteral("notes.txt"), QStringLiteral("tool.bin"),
                                QStringLiteral("site/index.html")})
        QVERIFY2(names.contains(name), qPrintable(names.join(QLatin1Char(','))));
}

void TestMainWindow::dropOnAPackageRowSuggestsTheNextVersion()
{
    openWindow();
    waitForPackages();
    const QString file = writeFile(QStringLiteral("a.txt"), "a\n");
    const QModelIndex package = m_window->packagePane()->viewIndex(kHelloCli);
    QVERIFY(package.isValid());
    drop({file}, package);
    QTRY_VERIFY_WITH_TIMEOUT(publishDialog() != nullptr, kTimeout);
    QCOMPARE(publishDialog()->packageName(), kHelloCli);
    QCOMPARE(publishDialog()->version(),
             PackageTreeModel::suggestNextVersion(
                 m_window->packagePane()->model()->versionsOf(kHelloCli)));
    QVERIFY(!publishDialog()->version().isEmpty());
    // A new version: nothing to warn about.
    auto *existing = publishDialog()->findChild<QLabel *>(QStringLiteral("existingVersionNote"));
    QVERIFY(existing && !existing->isVisible());
    publishDialog()->reject();
}

void TestMainWindow::dragHighlightsTheRowUnderThePointer()
{
    openWindow();
    waitForPackages();
    PackagePane *pane = m_window->packagePane();
    QTreeView *tree = pane->view();
    QWidget *viewport = tree->viewport();
    const QModelIndex version = versionIndex(kHelloCli, QStringLiteral("1.2.0"));
    const QModelIndex package = pane->viewIndex(kNightly);
    QVERIFY(version.isValid() && package.isValid());
    QCoreApplication::processEvents();
    const QRect versionRow(0, tree->visualRect(version).top(), viewport->width(),
                           tree->visualRect(version).height());
    const QImage before = viewport->grab(versionRow).toImage();

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(writeFile(QStringLiteral("a.txt"), "a\n"))});
    const auto moveTo = [&](const QPoint &position) {
        QDragMoveEvent move(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
        return move.isAccepted();
    };
    QDragEnterEvent enter(tree->visualRect(version).center(), Qt::CopyAction, &mime, Qt::LeftButton,
                          Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QCOMPARE(pane->dropTarget(), version);
    // Painted in the palette's highlight: the row looks different while the drag is over it.
    QVERIFY(viewport->grab(versionRow).toImage() != before);

    QVERIFY(moveTo(
        tree->visualRect(package.siblingAtColumn(PackageTreeModel::ColumnCount - 1)).center()));
    QCOMPARE(pane->dropTarget(), package); // the row, whichever column is under the pointer
    QVERIFY(moveTo(QPoint(5, viewport->height() - 5)));
    QVERIFY(!pane->dropTarget().isValid()); // empty space: nothing highlighted
    QVERIFY(moveTo(tree->visualRect(version).center()));
    QCOMPARE(pane->dropTarget(), version);
    QDragLeaveEvent leave;
    QApplication::sendEvent(viewport, &leave);
    QVERIFY(!pane->dropTarget().isValid());
    QCOMPARE(viewport->grab(versionRow).toImage(), before);

    // A drag of something else than files highlights nothing.
    QMimeData text;
    text.setText(QStringLiteral("not a file"));
    QDragEnterEvent textEnter(tree->visualRect(version).center(), Qt::CopyAction, &text,
                              Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &textEnter);
    QVERIFY(!textEnter.isAccepted());
    QVERIFY(!pane->dropTarget().isValid());

    // Dropped: the highlight goes, and the version it was on is the one published to.
    drop({mime.urls().constFirst().toLocalFile()}, version);
    QVERIFY(!pane->dropTarget().isValid());
    QTRY_VERIFY_WITH_TIMEOUT(publishDialog() != nullptr, kTimeout);
    QCOMPARE(publishDialog()->packageName(), kHelloCli);
    QCOMPARE(publishDialog()->version(), QStringLiteral("1.2.0"));
    publishDialog()->reject();
}

void TestMainWindow::invalidFileNameIsFixedInThePublishDialog()
{
    openWindow();
    waitForPackages();
    const QString file = writeFile(QStringLiteral("my report@.txt"), "r\n");
    drop({file}, versionIndex(kNightly, QStringLiteral("2026.11.21")));
    QTRY_VERIFY_WITH_TIMEOUT(publishDialog() != nullptr, kTimeout);
    PublishDialog *dialog = publishDialog();
    QVERIFY(!dialog->isReady());
    QVERIFY(!dialog->problem(0).isEmpty());
    dialog->fixAll();
    QVERIFY(dialog->isReady());
    const QString fixed = dialog->targetName(0);
    QCOMPARE(fixed, QStringLiteral("my_report@.txt")); // GitLab allows "@" inside a name
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_window->transfers().items().isEmpty() && m_window->transfers().isIdle(), kTimeout);
    QCOMPARE(m_window->transfers().items().first().state, TransferState::Done);
    QCOMPARE(m_window->transfers().items().first().target.fileName, fixed);
}

void TestMainWindow::deleteAsksFirstAndNamesTheVersion()
{
    openWindow();
    waitForPackages();
    const QModelIndex version = versionIndex(kNightly, QStringLiteral("2026.11.20"));
    m_window->packagePane()->view()->setCurrentIndex(version);
    QAction *remove = m_window->findChild<QAction *>(QStringLiteral("actionDelete"));

    m_dialogs->answerQuestion(QMessageBox::Cancel);
    remove->trigger();
    QCOMPARE(m_dialogs->asked().size(), 1);
    QVERIFY(m_dialogs->asked().last().text.contains(QStringLiteral("2026.11.20")));
    QTest::qWait(200);
    QVERIFY(m_window->packagePane()
                ->model()
                ->indexFor(kNightly, QStringLiteral("2026.11.20"))
                .isValid());

    m_window->packagePane()->view()->setCurrentIndex(
        versionIndex(kNightly, QStringLiteral("2026.11.20")));
    m_dialogs->answerQuestion(QMessageBox::Yes);
    remove->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->packagePane()
                                     ->model()
                                     ->indexFor(kNightly, QStringLiteral("2026.11.20"))
                                     .isValid()
                                 && m_window->packagePane()
                                        ->model()
                                        ->indexFor(kNightly, QStringLiteral("2026.11.21"))
                                        .isValid(),
                             kTimeout);
}

// Files selected in the file list are what Delete takes, even when the focus is elsewhere; a
// click in the package tree clears them, and then the version is what Delete takes.
void TestMainWindow::deleteTakesTheSelectionThatIsShown()
{
    openWindow();
    waitForPackages();
    QTreeView *packages = m_window->packagePane()->view();
    const QModelIndex version = versionIndex(kHelloCli, QStringLiteral("1.2.0"));
    packages->setCurrentIndex(version);
    QAbstractItemModel *files = m_window->filePane()->view()->model();
    QTRY_COMPARE_WITH_TIMEOUT(files->rowCount(), 3, kTimeout);
    m_window->filePane()->view()->selectionModel()->select(
        files->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString fileName = files->index(0, 0).data(PackageFileModel::DisplayNameRole).toString();
    packages->setFocus(); // the focus is not what decides
    QAction *remove = m_window->findChild<QAction *>(QStringLiteral("actionDelete"));

    m_dialogs->answerQuestion(QMessageBox::Cancel);
    remove->trigger();
    QCOMPARE(m_dialogs->asked().size(), 1);
    QCOMPARE(m_dialogs->asked().last().title, QStringLiteral("Delete files"));
    QVERIFY(m_dialogs->asked().last().text.contains(fileName));

    const QRect row = packages->visualRect(versionIndex(kHelloCli, QStringLiteral("1.2.0")));
    QTest::mouseClick(packages->viewport(), Qt::LeftButton, {}, row.center());
    QVERIFY(m_window->filePane()->view()->selectionModel()->selectedRows().isEmpty());
    m_dialogs->answerQuestion(QMessageBox::Cancel);
    remove->trigger();
    QCOMPARE(m_dialogs->asked().size(), 2);
    QCOMPARE(m_dialogs->asked().last().title, QStringLiteral("Delete version"));
    QVERIFY(m_dialogs->asked().last().text.contains(QStringLiteral("hello-cli 1.2.0")));
    QVERIFY(!m_dialogs->asked().last().text.contains(fileName));
}

// Del with the focus in the transfer list removes the selected transfer rows and asks nothing
// about the server.
void TestMainWindow::deleteInTheTransferListRemovesTransferRows()
{
    openWindow();
    waitForPackages();
    m_window->packagePane()->view()->setCurrentIndex(
        versionIndex(kHelloCli, QStringLiteral("1.2.0")));
    TransferQueue &queue = m_window->transfers();
    m_window->findChild<QToolButton *>(QStringLiteral("pauseQueue"))->click();
    const QString file = writeFile(QStringLiteral("stays.txt"), "queued\n");
    m_window->publishPaths(
        {file},
        m_window->packagePane()->packageAt(versionIndex(kNightly, QStringLiteral("2026.11.21"))),
        {});
    QTRY_VERIFY_WITH_TIMEOUT(publishDialog() != nullptr, kTimeout);
    publishDialog()->accept();
    QTRY_COMPARE_WITH_TIMEOUT(queue.items().size(), 1, kTimeout);

    QTableView *transfers = m_window->transferDock()->view();
    transfers->setFocus();
    transfers->selectRow(0);
    QTRY_VERIFY(transfers->hasFocus());
    const auto trigger = [transfers](const QString &name) {
        for (QAction *action : transfers->actions()) {
            if (action->objectName() == name)
                action->trigger();
        }
    };
    // A cancelled transfer runs again from its context menu.
    trigger(u"cancelTransferAction"_s);
    QTRY_COMPARE_WITH_TIMEOUT(queue.items().first().state, TransferState::Cancelled, kTimeout);
    trigger(u"retryTransferAction"_s);
    QTRY_COMPARE_WITH_TIMEOUT(queue.items().first().state, TransferState::Queued, kTimeout);
    QTest::keyClick(transfers, Qt::Key_Delete);
    QTRY_COMPARE_WITH_TIMEOUT(queue.items().size(), 0, kTimeout);
    QVERIFY2(m_dialogs->asked(ScriptedDialogs::Kind::Question).isEmpty(),
             "nothing on the server was offered for deletion");
    QVERIFY(
        m_window->packagePane()->model()->indexFor(kHelloCli, QStringLiteral("1.2.0")).isValid());
}

// Two version rows and a package row, selected together: one confirmation lists every version
// that goes, and exactly those go.
void TestMainWindow::severalVersionsAndAPackageRowGoWithOneConfirmation()
{
    openWindow();
    waitForPackages();
    PackageTreeModel *model = m_window->packagePane()->model();
    QItemSelectionModel *selection = m_window->packagePane()->view()->selectionModel();
    const QStringList cliVersions = model->versionsOf(kHelloCli);
    QVERIFY(cliVersions.size() >= 3);
    const QStringList nightlies = model->versionsOf(kNightly);
    QVERIFY(nightlies.size() >= 3);
    const auto flags = QItemSelectionModel::Select | QItemSelectionModel::Rows;
    selection->clear();
    selection->select(versionIndex(kNightly, nightlies.at(0)), flags);
    selection->select(versionIndex(kNightly, nightlies.at(1)), flags);
    selection->select(m_window->packagePane()->viewIndex(kHelloCli), flags);
    QAction *remove = m_window->findChild<QAction *>(QStringLiteral("actionDelete"));

    m_dialogs->answerQuestion(QMessageBox::Yes);
    remove->trigger();
    QCOMPARE(m_dialogs->asked(ScriptedDialogs::Kind::Question).size(), 1);
    const QString asked = m_dialogs->asked().last().text;
    for (const QString &version : cliVersions)
        QVERIFY2(asked.contains(kHelloCli + u' ' + version), qPrintable(asked));
    QVERIFY(asked.contains(kNightly + u' ' + nightlies.at(0)));
    QVERIFY(asked.contains(kNightly + u' ' + nightlies.at(1)));
    QVERIFY(!asked.contains(kNightly + u' ' + nightlies.at(2)));

    QTRY_VERIFY_WITH_TIMEOUT(!model->indexFor(kHelloCli).isValid(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(model->versionsOf(kNightly) == nightlies.mid(2), kTimeout);
}

// Versions downloaded together go to NAME/VERSION below the chosen folder, verified.
void TestMainWindow::downloadOfSeveralVersionsKeepsThemApart()
{
    openWindow();
    waitForPackages();
    QItemSelectionModel *selection = m_window->packagePane()->view()->selectionModel();
    const auto flags = QItemSelectionModel::Select | QItemSelectionModel::Rows;
    selection->clear();
    selection->select(versionIndex(kHelloCli, QStringLiteral("1.0.0")), flags);
    selection->select(versionIndex(kHelloCli, QStringLiteral("1.2.0")), flags);
    const QString target = m_dir->filePath(QStringLiteral("several"));
    QDir().mkpath(target);
    m_dialogs->answerDirectory(target);
    m_window->findChild<QAction *>(QStringLiteral("actionDownload"))->trigger();

    TransferQueue &queue = m_window->transfers();
    QTRY_VERIFY_WITH_TIMEOUT(!queue.items().isEmpty() && queue.isIdle(), kTimeout);
    for (const TransferItem &item : queue.items()) {
        QVERIFY2(item.state == TransferState::Done, qPrintable(item.errorMessage));
        const QString expectedFolder =
            QDir(target).filePath(kHelloCli + u'/' + item.target.version);
        QCOMPARE(QFileInfo(item.finalPath).absolutePath(), expectedFolder);
        QCOMPARE(Sha256::ofFile(item.finalPath), item.sha256);
    }
    QSet<QString> versions;
    for (const TransferItem &item : queue.items())
        versions.insert(item.target.version);
    QCOMPARE(versions, (QSet<QString>{QStringLiteral("1.0.0"), QStringLiteral("1.2.0")}));
}

void TestMainWindow::queuePausesResumesAndRetries()
{
    // The first upload is refused once with a 4xx, which is never retried on its own.
    openWindow({QStringLiteral("status=403:/packages/generic/:1")});
    waitForPackages();
    const QString file = writeFile(QStringLiteral("q.txt"), "queued\n");
    TransferQueue &queue = m_window->transfers();

    m_window->findChild<QToolButton *>(QStringLiteral("pauseQueue"))->click();
    QVERIFY(queue.isPaused());
    m_window->publishPaths(
        {file},
        m_window->packagePane()->packageAt(versionIndex(kNightly, QStringLiteral("2026.11.21"))),
        {});
    QTRY_VERIFY_WITH_TIMEOUT(publishDialog() != nullptr, kTimeout);
    publishDialog()->accept();
    QTRY_COMPARE_WITH_TIMEOUT(queue.items().size(), 1, kTimeout);
    QTest::qWait(300);
    QCOMPARE(queue.items().first().state, TransferState::Queued);

    m_window->findChild<QToolButton *>(QStringLiteral("resumeQueue"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(queue.items().first().state, TransferState::Failed, kTimeout);
    QVERIFY(!queue.items().first().errorMessage.isEmpty());

    m_window->findChild<QToolButton *>(QStringLiteral("retryFailed"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(queue.items().first().state, TransferState::Done, kTimeout);
}

void TestMainWindow::copiesSnippetsWithoutTheToken()
{
    openWindow();
    waitForPackages();
    m_window->packagePane()->view()->setCurrentIndex(
        versionIndex(kHelloCli, QStringLiteral("1.0.0")));
    QAbstractItemModel *files = m_window->filePane()->view()->model();
    QTRY_COMPARE_WITH_TIMEOUT(files->rowCount(), 3, kTimeout);
    const QModelIndex first = files->index(0, 0);
    m_window->filePane()->view()->selectionModel()->select(
        first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString name = first.data(PackageFileModel::DisplayNameRole).toString();

    m_window->findChild<QAction *>(QStringLiteral("actionCopyCurl"))->trigger();
    const QString curl = QGuiApplication::clipboard()->text();
    QVERIFY2(curl.contains(QStringLiteral("PRIVATE-TOKEN: <your_access_token>")), qPrintable(curl));
    QVERIFY2(curl.contains(QStringLiteral("/packages/generic/hello-cli/1.0.0/") + name),
             qPrintable(curl));
    QVERIFY(!curl.contains(kPat));

    m_window->findChild<QAction *>(QStringLiteral("actionCopySha"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             first.data(PackageFileModel::Sha256Role).toString() + QStringLiteral("  ") + name);

    m_window->findChild<QAction *>(QStringLiteral("actionCopyCi"))->trigger();
    const QString ci = QGuiApplication::clipboard()->text();
    QVERIFY2(ci.contains(QStringLiteral("JOB-TOKEN: $CI_JOB_TOKEN"))
                 && ci.contains(QStringLiteral("/projects/1/")),
             qPrintable(ci));
}

// The status bar says Offline when a request could not reach the server and Online again as
// soon as one does, whatever made the request.
void TestMainWindow::onlineAndOfflineFollowTheLastRequest()
{
    openWindow();
    waitForPackages();
    auto *network = m_window->findChild<QLabel *>(QStringLiteral("networkLabel"));
    QVERIFY(network);
    QTRY_COMPARE_WITH_TIMEOUT(network->text(), QStringLiteral("Online"), kTimeout);

    const quint16 port = m_sim->port();
    QCOMPARE(m_sim.stop(), 0);
    m_window->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(network->text(), QStringLiteral("Offline"), kTimeout);
    QVERIFY2(!network->toolTip().isEmpty(), "the reason is in the tooltip");

    QVERIFY(m_sim.start(stevedore::test::SimServer::Options().withDemo().withArguments(
        {QStringLiteral("--port"), QString::number(port)})));
    m_window->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(network->text(), QStringLiteral("Online"), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->packagePane()->model()->rowCount() >= 4, kTimeout);
}

void TestMainWindow::addAccountFilledFromTheLaunchUrlIsTitledAddAccount()
{
    openWindow();
    waitForPackages();
    m_window->findChild<QAction *>(QStringLiteral("actionAddAccount"))->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = m_window->findChild<QDialog *>(QStringLiteral("accountDialog"))) != nullptr,
        kTimeout);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Add account"));
    auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    QVERIFY(url);
    QCOMPARE(url->text(), m_sim->baseUrl().toString());
    dialog->reject();
}

// A filter typed for one project does not make the next one look empty.
void TestMainWindow::anotherProjectStartsUnfiltered()
{
    openWindow();
    waitForPackages();
    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("packageFilter"));
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("no-such-package"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->packagePane()->model()->rowCount(), 0, kTimeout);

    m_window->projectPane()->selectProject(QStringLiteral("demo/tools"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProjectPath(), QStringLiteral("demo/tools"),
                              kTimeout);
    QVERIFY(filter->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->packagePane()->model()->rowCount() > 0, kTimeout);
}

// The README promises that environment accounts are never saved: choosing a project must not
// write its last project (keyed by the account's id) to the settings.
void TestMainWindow::environmentAccountsProjectIsNotSaved()
{
    openWindow();
    waitForPackages();
    QVERIFY(!m_window->session().active()->persistent);
    m_window->projectPane()->selectProject(QStringLiteral("demo/tools"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProjectPath(), QStringLiteral("demo/tools"),
                              kTimeout);
    QSettings settings;
    settings.sync();
    const QString id = m_window->session().active()->id;
    const QStringList keys = settings.allKeys();
    QVERIFY2(std::none_of(keys.cbegin(), keys.cend(),
                          [&](const QString &key) {
                              return key.contains(id)
                                     || settings.value(key).toString()
                                            == QLatin1String("demo/tools");
                          }),
             qPrintable(keys.join(QStringLiteral(", "))));
}

// Right-click menus in the four lists hold the menus' actions; a right-click selects the row
// under the pointer, and the menu's Delete then names that row.
void TestMainWindow::contextMenusOfferTheMenusActions()
{
    openWindow();
    waitForPackages();
    const auto names = [](QWidget *widget) {
        QStringList result;
        for (const QAction *action : widget->actions()) {
            if (!action->isSeparator())
                result << action->objectName();
        }
        return result;
    };
    QTreeView *packages = m_window->packagePane()->view();
    QCOMPARE(packages->contextMenuPolicy(), Qt::ActionsContextMenu);
    QCOMPARE(names(packages), (QStringList{u"actionPublish"_s, u"actionDownload"_s,
                                           u"actionCompare"_s, u"actionSync"_s, u"actionCopyTo"_s,
                                           u"actionDelete"_s, u"actionRefresh"_s}));
    QCOMPARE(names(m_window->filePane()->view()),
             (QStringList{u"actionDownload"_s, u"actionDelete"_s, u"actionCopyUrl"_s,
                          u"actionCopyCurl"_s, u"actionCopyCi"_s, u"actionCopySha"_s}));
    QCOMPARE(names(m_window->projectPane()->view()),
             (QStringList{u"actionOpenProject"_s, u"actionRefresh"_s}));
    QVERIFY(names(m_window->transferDock()->view()).contains(u"removeTransferAction"_s));
    QVERIFY(names(m_window->transferDock()->view()).contains(u"retryTransferAction"_s));
    QVERIFY(names(m_window->transferDock()->view()).contains(u"pauseQueueAction"_s));

    const QModelIndex version = versionIndex(kNightly, QStringLiteral("2026.11.20"));
    const QPoint where = packages->visualRect(version).center();
    QTest::mousePress(packages->viewport(), Qt::RightButton, {}, where);
    QTest::mouseRelease(packages->viewport(), Qt::RightButton, {}, where);
    QCOMPARE(packages->currentIndex().data(PackageTreeModel::VersionRole).toString(),
             QStringLiteral("2026.11.20"));
    m_dialogs->answerQuestion(QMessageBox::Cancel);
    for (QAction *action : packages->actions()) {
        if (action->objectName() == u"actionDelete"_s)
            action->trigger();
    }
    QCOMPARE(m_dialogs->asked(ScriptedDialogs::Kind::Question).size(), 1);
    QVERIFY(m_dialogs->asked().last().text.contains(kNightly + u" 2026.11.20"_s));
}

// A read-only token or a role below Developer: the window says GitLab will refuse the upload
// before the publish dialog opens, and opens it only when asked to anyway.
void TestMainWindow::publishingWarnsWhenGitLabWillRefuse_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("expected");
    QTest::newRow("read_api token") << kReadApiPat << u"without the api scope"_s;
    QTest::newRow("guest") << kGuestPat << u"Your role in demo/hello is Guest"_s;
}

void TestMainWindow::publishingWarnsWhenGitLabWillRefuse()
{
    QFETCH(QString, token);
    QFETCH(QString, expected);
    openWindow({}, token);
    waitForPackages();
    const QString file = writeFile(QStringLiteral("refused.txt"), "r\n");
    const auto onto =
        m_window->packagePane()->packageAt(versionIndex(kNightly, QStringLiteral("2026.11.21")));

    // The token's scopes are known once the status bar shows them.
    auto *identity = m_window->findChild<QLabel *>(QStringLiteral("identityLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(identity->toolTip().contains(u"scopes"_s), kTimeout);

    m_dialogs->answerQuestion(QMessageBox::Cancel);
    m_window->publishPaths({file}, onto, {});
    QCOMPARE(m_dialogs->asked(ScriptedDialogs::Kind::Question).size(), 1);
    QTest::qWait(100);
    QVERIFY2(publishDialog() == nullptr, "cancelled: no publish dialog");
    const QString asked = m_dialogs->asked().last().text;
    QVERIFY2(asked.contains(expected), qPrintable(asked));

    m_dialogs->answerQuestion(QMessageBox::Yes);
    m_window->publishPaths({file}, onto, {});
    QTRY_VERIFY_WITH_TIMEOUT(publishDialog() != nullptr, kTimeout);
    publishDialog()->reject();
}

// A list with no rows says why: an error with a Retry link that works, a filter that matches
// nothing, a version not chosen yet.
void TestMainWindow::emptyAndErrorStatesSayWhatIsGoingOn()
{
    // The first package listing is refused (403 is never retried on its own).
    openWindow({QStringLiteral("status=403:/projects/[^/]+/packages$:1")});
    auto *packages = m_window->findChild<QLabel *>(QStringLiteral("packageTreePlaceholder"));
    QVERIFY(packages);
    QTRY_VERIFY_WITH_TIMEOUT(packages->isVisible()
                                 && packages->text().contains(u"Could not load the packages"_s),
                             kTimeout);
    QVERIFY(packages->text().contains(u"Retry"_s));
    Q_EMIT packages->linkActivated(u"retry"_s);
    waitForPackages();
    QTRY_VERIFY_WITH_TIMEOUT(!packages->isVisible(), kTimeout);

    auto *files = m_window->findChild<QLabel *>(QStringLiteral("fileTreePlaceholder"));
    QVERIFY(files);
    QVERIFY(files->isVisible());
    QVERIFY2(files->text().contains(u"Select a version"_s), qPrintable(files->text()));

    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("packageFilter"));
    QTest::keyClicks(filter, QStringLiteral("no-such-package"));
    QTRY_VERIFY_WITH_TIMEOUT(
        packages->isVisible() && packages->text().contains(u"no-such-package"_s), kTimeout);
    filter->clear();
    QTRY_VERIFY_WITH_TIMEOUT(!packages->isVisible(), kTimeout);

    auto *transfers = m_window->findChild<QLabel *>(QStringLiteral("transferViewPlaceholder"));
    QVERIFY(transfers && transfers->isVisible());
    QVERIFY2(transfers->text().contains(u"No transfers yet"_s), qPrintable(transfers->text()));
}

// File › Publish a folder… opens the publish dialog with the folder's files under their
// relative paths; long names in the lists are elided in the middle.
void TestMainWindow::publishAFolderKeepsItsRelativePaths()
{
    openWindow();
    waitForPackages();
    QCOMPARE(m_window->packagePane()->view()->textElideMode(), Qt::ElideMiddle);
    QCOMPARE(m_window->filePane()->view()->textElideMode(), Qt::ElideMiddle);
    writeFile(QStringLiteral("release/docs/guide.txt"), "guide\n");
    writeFile(QStringLiteral("release/app.bin"), QByteArray(1000, 'a'));
    m_dialogs->answerDirectory(m_dir->filePath(QStringLiteral("local/release")));
    m_window->findChild<QAction *>(QStringLiteral("actionPublishFolder"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(publishDialog() != nullptr, kTimeout);
    PublishDialog *dialog = publishDialog();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isReadingFolders(), kTimeout);
    QStringList names;
    for (int row = 0; row < dialog->fileCount(); ++row)
        names << dialog->targetName(row);
    names.sort();
    // As when it is dropped: the folder's own name leads the paths.
    QCOMPARE(names, (QStringList{u"release/app.bin"_s, u"release/docs/guide.txt"_s}));
    dialog->reject();
}

void TestMainWindow::geometryAndSplitterAreRestored()
{
    openWindow();
    m_window->resize(900, 600);
    m_window->close();
    QVERIFY(QSettings().contains(QStringLiteral("MainWindow/geometry")));
    QVERIFY(QSettings().contains(QStringLiteral("MainWindow/splitter")));
    m_window.reset();
    openWindow();
    QCOMPARE(m_window->size(), QSize(900, 600));
}

// Files with numbers in their names and sizes whose text sorts otherwise ("5 bytes" <
// "68.4 KiB" < "900 bytes"), in a package of their own, and a hello-cli version published
// after 2.0.0-rc.1 but ordered before it.
void TestMainWindow::publishSortingDemo()
{
    publishAndWait({writeFile(u"sorting/part-1.bin"_s, QByteArray(900, 'a')),
                    writeFile(u"sorting/Part-10.bin"_s, QByteArray(5, 'b')),
                    writeFile(u"sorting/part-2.bin"_s, QByteArray(70000, 'c'))},
                   kSortingDemo, u"1.0.0"_s);
    publishAndWait({writeFile(u"sorting/hello-1.11.0.txt"_s, "hello\n")}, kHelloCli, u"1.11.0"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->packagePane()->viewIndex(kSortingDemo).isValid()
            && m_window->packagePane()->viewIndex(kHelloCli, u"1.11.0"_s).isValid(),
        kTimeout);
}

void TestMainWindow::publishAndWait(const QStringList &paths, const QString &package,
                                    const QString &version)
{
    const qsizetype before = m_window->transfers().items().size();
    m_window->publishPaths(paths, std::nullopt, {});
    QTRY_VERIFY_WITH_TIMEOUT(publishDialog() != nullptr, kTimeout);
    PublishDialog *dialog = publishDialog();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isReadingFolders(), kTimeout);
    dialog->setPackageName(package);
    dialog->setVersion(version);
    QVERIFY(dialog->isReady());
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(publishDialog() == nullptr, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->transfers().items().size() == before + paths.size()
                                 && m_window->transfers().isIdle(),
                             kTimeout);
    for (const TransferItem &item : m_window->transfers().items())
        QVERIFY2(item.state == TransferState::Done, qPrintable(item.errorMessage));
}

namespace {

// A real click on a header section, as a user sorts.
void clickHeader(QHeaderView *header, int section)
{
    QVERIFY(!header->isSectionHidden(section));
    const QPoint centre(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                        header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
}

// What the view shows in its first column under `parent`, top to bottom.
QStringList shown(const QAbstractItemView *view, const QModelIndex &parent = {},
                  int role = Qt::DisplayRole)
{
    QStringList texts;
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(parent); ++row)
        texts << model->index(row, 0, parent).data(role).toString();
    return texts;
}

QStringList reversed(QStringList list)
{
    std::reverse(list.begin(), list.end());
    return list;
}

} // namespace

// Name: packages in natural order and versions in version order (1.11.0 between 1.10.0 and
// the pre-releases of 2.0.0); Created: by date; a third click: the tree's own order again.
void TestMainWindow::headerClicksSortThePackageTree()
{
    openWindow();
    waitForPackages();
    publishSortingDemo();
    PackagePane *pane = m_window->packagePane();
    QTreeView *tree = pane->view();
    QHeaderView *header = tree->header();
    tree->expand(pane->viewIndex(kHelloCli));
    const QStringList ownPackages = shown(tree);
    const QStringList ownVersions = pane->model()->versionsOf(kHelloCli);
    QCOMPARE(header->sortIndicatorSection(), -1);
    QVERIFY(!header->isSortIndicatorShown()); // the tree's own order: no arrow
    const QStringList versionOrder{u"1.0.0"_s,  u"1.2.0"_s,        u"1.9.0"_s,     u"1.10.0"_s,
                                   u"1.11.0"_s, u"2.0.0-beta.2"_s, u"2.0.0-rc.1"_s};

    clickHeader(header, PackageTreeModel::NameColumn);
    QCOMPARE(header->sortIndicatorSection(), int(PackageTreeModel::NameColumn));
    QVERIFY(header->isSortIndicatorShown());
    QCOMPARE(shown(tree),
             (QStringList{kHelloCli, kInstallerPackage, kNightly, kSortingDemo, u"website"_s}));
    QCOMPARE(shown(tree, pane->viewIndex(kHelloCli)), versionOrder);
    QVERIFY(tree->isExpanded(pane->viewIndex(kHelloCli)));

    clickHeader(header, PackageTreeModel::NameColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(shown(tree),
             (QStringList{u"website"_s, kSortingDemo, kNightly, kInstallerPackage, kHelloCli}));
    QCOMPARE(shown(tree, pane->viewIndex(kHelloCli)), reversed(versionOrder));

    clickHeader(header, PackageTreeModel::NameColumn);
    QCOMPARE(header->sortIndicatorSection(), -1);
    QVERIFY(!header->isSortIndicatorShown());
    QCOMPARE(shown(tree), ownPackages);
    QCOMPARE(shown(tree, pane->viewIndex(kHelloCli)), ownVersions);

    // Created: chronological, so the version published last comes last.
    clickHeader(header, PackageTreeModel::CreatedColumn);
    QCOMPARE(shown(tree, pane->viewIndex(kHelloCli)),
             (QStringList{u"1.0.0"_s, u"1.2.0"_s, u"1.9.0"_s, u"1.10.0"_s, u"2.0.0-beta.2"_s,
                          u"2.0.0-rc.1"_s, u"1.11.0"_s}));
    QDateTime previous;
    for (int row = 0; row < tree->model()->rowCount(); ++row) {
        const QDateTime created =
            tree->model()->index(row, 0).data(PackageTreeModel::CreatedRole).toDateTime();
        QVERIFY2(!previous.isValid() || previous <= created, qPrintable(shown(tree).join(u',')));
        previous = created;
    }
    // Versions: a package's number of versions, as a number (ties keep the tree's order).
    clickHeader(header, PackageTreeModel::VersionsColumn);
    QCOMPARE(shown(tree, {}, PackageTreeModel::VersionCountRole),
             (QStringList{u"1"_s, u"1"_s, u"1"_s, u"3"_s, u"7"_s}));
    QCOMPARE(shown(tree),
             (QStringList{kInstallerPackage, kSortingDemo, u"website"_s, kNightly, kHelloCli}));
    clickHeader(header, PackageTreeModel::VersionsColumn);
    QCOMPARE(shown(tree),
             (QStringList{kHelloCli, kNightly, kInstallerPackage, kSortingDemo, u"website"_s}));
}

// A file selected before a sort is the one still shown selected afterwards, and the one
// Delete and Download take. Sizes sort as numbers, names in natural order.
void TestMainWindow::sortedFilesKeepTheSelectionForDeleteAndDownload()
{
    openWindow();
    waitForPackages();
    publishSortingDemo();
    m_window->packagePane()->view()->setCurrentIndex(versionIndex(kSortingDemo, u"1.0.0"_s));
    QTreeView *files = m_window->filePane()->view();
    QTRY_COMPARE_WITH_TIMEOUT(files->model()->rowCount(), 3, kTimeout);
    QCOMPARE(shown(files), (QStringList{u"part-1.bin"_s, u"part-2.bin"_s, u"Part-10.bin"_s}));
    QTest::mouseClick(files->viewport(), Qt::LeftButton, {},
                      files->visualRect(files->model()->index(1, 0)).center());
    QCOMPARE(shown(files, {}, PackageFileModel::DisplayNameRole).at(1), u"part-2.bin"_s);

    clickHeader(files->header(), PackageFileModel::SizeColumn);
    QCOMPARE(shown(files), (QStringList{u"Part-10.bin"_s, u"part-1.bin"_s, u"part-2.bin"_s}));
    clickHeader(files->header(), PackageFileModel::NameColumn);
    clickHeader(files->header(), PackageFileModel::NameColumn);
    QCOMPARE(shown(files), (QStringList{u"Part-10.bin"_s, u"part-2.bin"_s, u"part-1.bin"_s}));
    const QModelIndexList selected = files->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data().toString(), u"part-2.bin"_s);
    QCOMPARE(selected.first().row(), 1);

    m_dialogs->answerQuestion(QMessageBox::Cancel);
    m_window->findChild<QAction *>(u"actionDelete"_s)->trigger();
    QCOMPARE(m_dialogs->asked().last().title, u"Delete files"_s);
    const QString asked = m_dialogs->asked().last().text;
    QVERIFY2(asked.contains(u"part-2.bin"_s) && !asked.contains(u"part-1.bin"_s)
                 && !asked.contains(u"Part-10.bin"_s),
             qPrintable(asked));

    const QString target = m_dir->filePath(u"sorted-download"_s);
    QDir().mkpath(target);
    m_dialogs->answerDirectory(target);
    m_window->findChild<QAction *>(u"actionDownload"_s)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(QDir(target).filePath(u"part-2.bin"_s)), kTimeout);
    QCOMPARE(QDir(target).entryList(QDir::Files), QStringList{u"part-2.bin"_s});
}

// Projects by name and by last activity, transfers by name (natural order); the project shown
// stays chosen, and Del in the transfer list removes the row that is shown selected.
void TestMainWindow::headerClicksSortProjectsAndTransfers()
{
    openWindow();
    waitForPackages();
    QTreeView *projects = m_window->projectPane()->view();
    QTRY_COMPARE_WITH_TIMEOUT(projects->model()->rowCount(), 3, kTimeout);
    clickHeader(projects->header(), ProjectListModel::ActivityColumn);
    QCOMPARE(shown(projects, {}, ProjectListModel::PathRole),
             (QStringList{kToolsProject, kProject, kAgentProject}));
    clickHeader(projects->header(), ProjectListModel::ActivityColumn);
    QCOMPARE(shown(projects, {}, ProjectListModel::PathRole),
             (QStringList{kAgentProject, kProject, kToolsProject}));
    clickHeader(projects->header(), ProjectListModel::NameColumn);
    QCOMPARE(shown(projects, {}, ProjectListModel::PathRole),
             (QStringList{kProject, kAgentProject, kToolsProject}));
    QCOMPARE(projects->currentIndex().data(ProjectListModel::PathRole).toString(), kProject);
    QCOMPARE(m_window->currentProjectPath(), kProject);

    publishSortingDemo();
    QTableView *transfers = m_window->transferDock()->view();
    QStringList queued; // the queue's own order: as they were added
    for (const TransferItem &item : m_window->transfers().items())
        queued << item.target.fileName;
    QCOMPARE(shown(transfers), queued);
    clickHeader(transfers->horizontalHeader(), TransferQueueModel::NameColumn);
    const QStringList natural{u"hello-1.11.0.txt"_s, u"part-1.bin"_s, u"part-2.bin"_s,
                              u"Part-10.bin"_s};
    QCOMPARE(shown(transfers), natural);
    QTest::mouseClick(transfers->viewport(), Qt::LeftButton, {},
                      transfers->visualRect(transfers->model()->index(2, 0)).center());
    clickHeader(transfers->horizontalHeader(), TransferQueueModel::NameColumn);
    QCOMPARE(shown(transfers), reversed(natural));
    QCOMPARE(transfers->selectionModel()->selectedRows().first().data().toString(),
             u"part-2.bin"_s);
    m_window->activateWindow(); // after the publish dialogs
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    transfers->setFocus();
    QTRY_VERIFY(transfers->hasFocus());
    QTest::keyClick(transfers, Qt::Key_Delete);
    QTRY_COMPARE_WITH_TIMEOUT(
        shown(transfers), (QStringList{u"Part-10.bin"_s, u"part-1.bin"_s, u"hello-1.11.0.txt"_s}),
        kTimeout);
    QVERIFY(m_dialogs->asked(ScriptedDialogs::Kind::Question).isEmpty());
}

// Each list comes back sorted as it was left, in a new window.
void TestMainWindow::sortingIsRestoredInANewWindow()
{
    openWindow();
    waitForPackages();
    QTreeView *tree = m_window->packagePane()->view();
    clickHeader(tree->header(), PackageTreeModel::CreatedColumn);
    clickHeader(tree->header(), PackageTreeModel::CreatedColumn);
    QTreeView *projects = m_window->projectPane()->view();
    QTRY_COMPARE_WITH_TIMEOUT(projects->model()->rowCount(), 3, kTimeout);
    clickHeader(projects->header(), ProjectListModel::ActivityColumn);
    clickHeader(m_window->filePane()->view()->header(), PackageFileModel::SizeColumn);
    QTableView *transfers = m_window->transferDock()->view();
    clickHeader(transfers->horizontalHeader(), TransferQueueModel::StateColumn);
    clickHeader(transfers->horizontalHeader(), TransferQueueModel::StateColumn);
    clickHeader(transfers->horizontalHeader(), TransferQueueModel::StateColumn);
    const QStringList newestFirst = shown(tree);

    m_window.reset();
    openWindow();
    waitForPackages();
    tree = m_window->packagePane()->view();
    QCOMPARE(tree->header()->sortIndicatorSection(), int(PackageTreeModel::CreatedColumn));
    QCOMPARE(tree->header()->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(shown(tree), newestFirst);
    QCOMPARE(shown(tree).first(), kNightly); // 20261122.1, the demo's newest upload
    projects = m_window->projectPane()->view();
    QCOMPARE(projects->header()->sortIndicatorSection(), int(ProjectListModel::ActivityColumn));
    QCOMPARE(projects->header()->sortIndicatorOrder(), Qt::AscendingOrder);
    QTRY_COMPARE_WITH_TIMEOUT(shown(projects, {}, ProjectListModel::PathRole),
                              (QStringList{kToolsProject, kProject, kAgentProject}), kTimeout);
    QCOMPARE(m_window->filePane()->view()->header()->sortIndicatorSection(),
             int(PackageFileModel::SizeColumn));
    // Three clicks: the queue's own order, remembered as such.
    QCOMPARE(m_window->transferDock()->view()->horizontalHeader()->sortIndicatorSection(), -1);
}

// Typing a filter keeps what is expanded and the selected version (its files stay shown);
// clearing it expands again what the filter had hidden; a selected version that no longer
// matches is no longer selected.
void TestMainWindow::filterKeepsExpansionAndSelection()
{
    openWindow();
    waitForPackages();
    PackagePane *pane = m_window->packagePane();
    QTreeView *tree = pane->view();
    tree->expand(pane->viewIndex(kHelloCli));
    tree->expand(pane->viewIndex(kNightly));
    const QModelIndex version = versionIndex(kHelloCli, u"1.10.0"_s);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(version).center());
    QCOMPARE(pane->currentVersion()->version, u"1.10.0"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->filePane()->model()->rowCount(), 4, kTimeout);
    QSignalSpy filesReset(m_window->filePane()->model(), &QAbstractItemModel::modelReset);
    const auto selectedVersions = [pane] {
        QStringList versions;
        for (const Package &package : pane->selectedVersions())
            versions << package.name + u' ' + package.version;
        return versions;
    };

    auto *filter = m_window->findChild<QLineEdit *>(u"packageFilter"_s);
    QTest::keyClicks(filter, u"1.1"_s);
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->filterText(), u"1.1"_s, kTimeout);
    QVERIFY(!pane->viewIndex(kNightly).isValid());
    QVERIFY(tree->isExpanded(pane->viewIndex(kHelloCli)));
    QCOMPARE(shown(tree, pane->viewIndex(kHelloCli)), (QStringList{u"1.10.0"_s}));
    QCOMPARE(tree->currentIndex(), pane->viewIndex(kHelloCli, u"1.10.0"_s));
    QCOMPARE(selectedVersions(), QStringList{u"hello-cli 1.10.0"_s});
    QCOMPARE(filesReset.count(), 0); // the files shown were not reloaded

    QTest::keyClick(filter, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(filter, Qt::Key_Backspace);
    QTRY_VERIFY_WITH_TIMEOUT(pane->model()->filterText().isEmpty(), kTimeout);
    QVERIFY(tree->isExpanded(pane->viewIndex(kNightly)));
    QVERIFY(tree->isExpanded(pane->viewIndex(kHelloCli)));
    QVERIFY(!tree->isExpanded(pane->viewIndex(kInstallerPackage)));
    QCOMPARE(selectedVersions(), QStringList{u"hello-cli 1.10.0"_s});
    QCOMPARE(filesReset.count(), 0);

    QTest::keyClicks(filter, kNightly);
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->filterText(), kNightly, kTimeout);
    QVERIFY(tree->isExpanded(pane->viewIndex(kNightly)));
    QVERIFY(selectedVersions().isEmpty());
    QVERIFY(!pane->currentVersion());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->filePane()->model()->rowCount(), 0, kTimeout);
}

void TestMainWindow::applicationIconRendersSmallAndLarge()
{
    const QIcon icon = applicationIcon();
    for (const int size : {16, 32, 64, 256}) {
        const QPixmap pixmap = icon.pixmap(size, size);
        QCOMPARE(pixmap.width(), size);
        QImage image = pixmap.toImage();
        bool painted = false;
        for (int y = 0; y < image.height() && !painted; ++y) {
            for (int x = 0; x < image.width() && !painted; ++x)
                painted = qAlpha(image.pixel(x, y)) > 0;
        }
        QVERIFY2(painted, qPrintable(QString::number(size)));
    }
}

// Menus, right-click menus and the transfer list's buttons: every action shows an icon.
void TestMainWindow::everyActionHasAnIcon()
{
    openWindow();
    QList<QAction *> actions;
    QList<QMenu *> menus;
    for (QAction *top : m_window->menuBar()->actions())
        menus << top->menu();
    while (!menus.isEmpty()) {
        QMenu *menu = menus.takeFirst();
        QVERIFY(menu);
        for (QAction *action : menu->actions()) {
            if (action->menu())
                menus << action->menu();
            else if (!action->isSeparator())
                actions << action;
        }
    }
    for (QAbstractItemView *list : m_window->findChildren<QAbstractItemView *>()) {
        for (QAction *action : list->actions()) {
            if (!action->isSeparator())
                actions << action;
        }
    }
    for (QToolButton *button : m_window->findChildren<QToolButton *>()) {
        if (button->defaultAction() && !button->isCheckable())
            actions << button->defaultAction();
    }
    QVERIFY(actions.size() > 20);
    for (QAction *action : std::as_const(actions))
        QVERIFY2(!action->icon().isNull(), qPrintable(action->text()));
}

// On a 1024×700 screen the version and file names are shown whole; the columns beside them
// give way (behind a horizontal scroll bar) instead.
void TestMainWindow::namesStayReadableAt1024x700()
{
    openWindow();
    m_window->resize(1024, 700);
    waitForPackages();
    const QModelIndex version = versionIndex(kHelloCli, QStringLiteral("2.0.0-beta.2"));
    QVERIFY(version.isValid());
    QTreeView *packages = m_window->packagePane()->view();
    packages->setCurrentIndex(version);
    QTreeView *files = m_window->filePane()->view();
    QTRY_VERIFY_WITH_TIMEOUT(files->model()->rowCount() > 0, kTimeout);
    QTest::qWait(50); // the columns are fitted on the next turn of the event loop
    const auto readable = [](QTreeView *view, const QModelIndex &index) {
        const QString text = index.data().toString();
        const int needed = view->fontMetrics().horizontalAdvance(text);
        return view->visualRect(index).width() >= needed
                   ? QString()
                   : u"%1: %2 px for %3 px of text"_s.arg(text)
                         .arg(view->visualRect(index).width())
                         .arg(needed);
    };
    QTRY_COMPARE(readable(packages, version), QString());
    for (int row = 0; row < files->model()->rowCount(); ++row)
        QTRY_COMPARE(readable(files, files->model()->index(row, 0)), QString());
}

// View › Limit bandwidth…: transfers run one at a time, at no more than the rate, the dock's
// title says so, and the limit is there again in the next window.
void TestMainWindow::bandwidthLimitHoldsTransfersToOneAtItsRate()
{
    openWindow();
    waitForPackages();
    constexpr qint64 kLimit = 2 * 1024 * 1024;
    m_dialogs->answerBandwidthLimit(kLimit);
    m_window->findChild<QAction *>(QStringLiteral("actionBandwidthLimit"))->trigger();
    QCOMPARE(m_dialogs->unanswered(), 0);
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("transferDock"));
    QVERIFY(dock);
    QVERIFY2(dock->windowTitle().contains(QStringLiteral("limited to 2")),
             qPrintable(dock->windowTitle()));

    // Two of hello-cli 1.2.0's files (5.5 MiB for its three).
    TransferQueue &queue = m_window->transfers();
    QList<TransferItem> downloads;
    for (const QString &name : {QStringLiteral("hello-1.2.0-linux-amd64.tar.gz"),
                                QStringLiteral("hello-1.2.0-darwin-arm64.tar.gz")}) {
        TransferItem item;
        item.direction = TransferDirection::Download;
        item.accountId = m_window->session().active()->id;
        item.target = {kProject, kHelloCli, QStringLiteral("1.2.0"), name};
        item.folder = m_dir->filePath(QStringLiteral("limited"));
        item.localPath = QDir(item.folder).filePath(name);
        downloads << item;
    }
    QDir().mkpath(m_dir->filePath(QStringLiteral("limited")));
    QElapsedTimer clock;
    clock.start();
    const QStringList ids = queue.add(downloads);
    int mostAtOnce = 0;
    while (!queue.isIdle() && clock.elapsed() < kTimeout) {
        const auto running = std::count_if(ids.cbegin(), ids.cend(),
                                           [&](const QString &id) { return queue.isRunning(id); });
        mostAtOnce = std::max(mostAtOnce, int(running));
        QTest::qWait(10);
    }
    qint64 bytes = 0;
    for (const QString &id : ids) {
        QVERIFY2(queue.item(id)->state == TransferState::Done,
                 qPrintable(queue.item(id)->errorMessage));
        bytes += QFileInfo(queue.item(id)->localPath).size();
    }
    QCOMPARE(mostAtOnce, 1);
    // At 2 MiB/s the bytes take at least bytes / 2 MiB seconds (less a second of slack for
    // what libcurl lets through before it starts to pace).
    QVERIFY2(clock.elapsed() >= bytes * 1000 / kLimit - 1000,
             qPrintable(u"%1 bytes in %2 ms"_s.arg(bytes).arg(clock.elapsed())));

    m_window->close();
    m_window.reset();
    openWindow();
    dock = m_window->findChild<QDockWidget *>(QStringLiteral("transferDock"));
    QVERIFY2(dock->windowTitle().contains(QStringLiteral("limited to 2")),
             qPrintable(dock->windowTitle()));
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
