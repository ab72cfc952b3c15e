#include "ClientSession.h"
#include "ComparisonTableModel.h"
#include "DemoData.h"
#include "DemoWindowTest.h"
#include "Http.h"
#include "MainWindow.h"
#include "PackagePane.h"
#include "ScriptedDialogs.h"
#include "SimServer.h"
#include "StatusColours.h"
#include "SyncDialog.h"
#include "account/MemorySecretStore.h"
#include "transfer/LocalFingerprints.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <unistd.h>

using namespace Stevedore;
using namespace Qt::StringLiterals;
using Stevedore::GuiTest::DemoWindowTest;
using Stevedore::GuiTest::ScriptedDialogs;
using stevedore::test::ScopedSim;
using namespace stevedore::test::demo;

namespace {
constexpr int kTimeout = 30000;
// Published by the test: version 1.0.0 with same.txt, changed.txt and extra.txt.
const QString kSeeded = QStringLiteral("sync-demo");
using Kind = FileComparison::Kind;
using Files = QHash<QString, QByteArray>;

// The folder against 1.0.0: same.txt the same, changed.txt changed, new.txt and sub/nested.txt
// new, and extra.txt only in the version.
const Files kFolder{{u"same.txt"_s, "the same on both sides\n"},
                    {u"changed.txt"_s, "after, and longer\n"},
                    {u"new.txt"_s, "only in the folder\n"},
                    {u"sub/nested.txt"_s, "a file in a sub-folder\n"}};
} // namespace

// Sync folder to version… in the real MainWindow against gitlab-sim --demo, with real folders:
// the plan against FileComparison, then what GitLab holds after Sync, read back through the API.
class TestSyncDialog final : public DemoWindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void thePlanIsWhatFileComparisonGivesAndNothingIsSent();
    void syncWithoutDeletingKeepsTheFileTheFolderLacks();
    void syncWithDeletingRemovesExactlyThePlannedFiles();
    void aFailedUploadStopsTheSyncBeforeAnyDeletion();
    void anUnreadableFileBlocksTheSync();
    void aVersionThatDoesNotExistIsCreated();
    void aFailedLookUpIsSaidWithRetry();

private:
    void openWindow(const QStringList &faults = {});
    void publish(const QString &version, const QString &file, const QByteArray &content);
    QString writeFolder(const QString &name, const Files &files);
    SyncDialog *openSync(const QString &name, const QString &version, const QString &folder);
    SyncDialog *newSyncDialog(const PackageTarget &version, const QString &folder);
    std::optional<VersionFiles> versionFiles(const PackageTarget &version);
    FileComparison versionAgainstFolder(const PackageTarget &version, const QString &folder);
    bool syncAndWait(SyncDialog *dialog);
    static QList<QPair<QString, int>> rows(const QAbstractItemModel *model);
    static QList<QPair<QString, int>> rows(const FileComparison &comparison);
    static QString text(SyncDialog *dialog, const char *label);
};

void TestSyncDialog::initTestCase()
{
    nameApplication(QStringLiteral("TestSyncDialog"));
}

void TestSyncDialog::init()
{
    prepareFolder();
}

void TestSyncDialog::cleanup()
{
    closeDemoWindow();
}

void TestSyncDialog::publish(const QString &version, const QString &file, const QByteArray &content)
{
    publishDemoFile(kSeeded, version, file, content);
}

QString TestSyncDialog::writeFolder(const QString &name, const Files &files)
{
    const QString folder = m_dir->filePath(name);
    for (auto file = files.begin(); file != files.end(); ++file) {
        const QString path = folder + QLatin1Char('/') + file.key();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.value()) != file.value().size())
            return {};
    }
    return folder;
}

void TestSyncDialog::openWindow(const QStringList &faults)
{
    QVERIFY(m_sim.startDemo(faults));
    publish(u"1.0.0"_s, u"same.txt"_s, "the same on both sides\n");
    publish(u"1.0.0"_s, u"changed.txt"_s, "before\n");
    publish(u"1.0.0"_s, u"extra.txt"_s, "only in the version\n");
    openDemoWindow();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProjectPath(), kProject, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->packagePane()->model()->versionsOf(kSeeded).size() == 1,
                             kTimeout);
}

// A right-click on the version's row, Sync folder to version… from the tree's context menu, and
// `folder` chosen in the folder dialog; returns once the plan is made (or failed).
SyncDialog *TestSyncDialog::openSync(const QString &name, const QString &version,
                                     const QString &folder)
{
    QTreeView *packages = m_window->packagePane()->view();
    const QModelIndex index = m_window->packagePane()->viewIndex(name, version);
    packages->expand(index.parent());
    packages->scrollTo(index);
    const QPoint where = packages->visualRect(index).center();
    QTest::mousePress(packages->viewport(), Qt::RightButton, {}, where);
    QTest::mouseRelease(packages->viewport(), Qt::RightButton, {}, where);
    if (packages->currentIndex().data(PackageTreeModel::VersionRole).toString() != version)
        return nullptr;
    m_dialogs->answerDirectory(folder);
    for (QAction *action : packages->actions()) {
        if (action->objectName() == u"actionSync"_s)
            action->trigger();
    }
    if (m_dialogs->asked(ScriptedDialogs::Kind::ExistingDirectory).size() != 1)
        return nullptr;
    auto *dialog = m_window->findChild<SyncDialog *>(QStringLiteral("syncDialog"));
    if (!dialog || !QTest::qWaitForWindowExposed(dialog)
        || !QTest::qWaitFor([dialog] { return !dialog->isPlanning(); }, kTimeout))
        return nullptr;
    return dialog;
}

// The dialog as the window makes it, for a version the package tree does not show.
SyncDialog *TestSyncDialog::newSyncDialog(const PackageTarget &version, const QString &folder)
{
    AccountSession &session = m_window->session();
    auto *dialog = new SyncDialog(session.apiFor(session.active()->id), m_window->transfers(),
                                  version, folder, m_window.get());
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog)
        || !QTest::qWaitFor([dialog] { return !dialog->isPlanning(); }, kTimeout))
        return nullptr;
    return dialog;
}

// The version's files as GitLab lists them now, through a session of the test's own.
std::optional<VersionFiles> TestSyncDialog::versionFiles(const PackageTarget &version)
{
    Test::Session session(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
    std::optional<VersionFiles> files;
    bool answered = false;
    session.api->versionFiles(version.project, version.packageName, version.version, this,
                              [&](Result<VersionFiles> listed) {
                                  answered = true;
                                  if (listed.ok())
                                      files = listed.value();
                              });
    if (!QTest::qWaitFor([&] { return answered; }, kTimeout))
        return std::nullopt;
    return files;
}

// What the version holds now against the folder, by SHA-256.
FileComparison TestSyncDialog::versionAgainstFolder(const PackageTarget &version,
                                                    const QString &folder)
{
    const std::optional<VersionFiles> files = versionFiles(version);
    if (!files)
        return {};
    return FileComparison::compare(FileFingerprint::servedBy(*files),
                                   LocalFingerprints::scan(folder).files);
}

// Presses Sync with the mouse and waits until the run ended.
bool TestSyncDialog::syncAndWait(SyncDialog *dialog)
{
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("syncButton"));
    if (!button->isEnabled())
        return false;
    QSignalSpy ended(dialog, &SyncDialog::ended);
    QTest::mouseClick(button, Qt::LeftButton);
    if (!dialog->isSyncing() || button->isEnabled())
        return false;
    return ended.wait(kTimeout) || ended.size() == 1;
}

// (path, kind) of each row in the view's order.
QList<QPair<QString, int>> TestSyncDialog::rows(const QAbstractItemModel *model)
{
    QList<QPair<QString, int>> result;
    for (int row = 0; row < model->rowCount(); ++row)
        result.append({model->index(row, ComparisonTableModel::PathColumn).data().toString(),
                       model->index(row, 0).data(ComparisonTableModel::KindRole).toInt()});
    return result;
}

QList<QPair<QString, int>> TestSyncDialog::rows(const FileComparison &comparison)
{
    QList<QPair<QString, int>> result;
    for (const FileComparison::Entry &entry : comparison.entries())
        result.append({entry.path, int(entry.kind)});
    return result;
}

QString TestSyncDialog::text(SyncDialog *dialog, const char *label)
{
    return dialog->findChild<QLabel *>(QLatin1String(label))->text();
}

void TestSyncDialog::thePlanIsWhatFileComparisonGivesAndNothingIsSent()
{
    openWindow();
    const QString folder = writeFolder(u"build"_s, kFolder);
    const PackageTarget version{kProject, kSeeded, u"1.0.0"_s, {}};
    const FileComparison before = versionAgainstFolder(version, folder);
    QCOMPARE(before.count(Kind::Added), 2);
    QCOMPARE(before.count(Kind::Changed), 1);
    QCOMPARE(before.count(Kind::Same), 1);
    QCOMPARE(before.count(Kind::Removed), 1);

    SyncDialog *dialog = openSync(kSeeded, u"1.0.0"_s, folder);
    QVERIFY(dialog);
    QVERIFY(!dialog->isModal());
    // The folder dialog starts in the home folder, and the next time in the folder chosen.
    QCOMPARE(m_dialogs->asked(ScriptedDialogs::Kind::ExistingDirectory).at(0).text,
             QDir::homePath());
    QCOMPARE(QSettings().value(u"Sync/folder"_s).toString(), folder);
    QCOMPARE(dialog->plan()->version(), version);
    auto *table = dialog->findChild<QTableView *>(QStringLiteral("syncTable"));
    const QAbstractItemModel *model = table->model();
    QCOMPARE(rows(model), rows(before));
    QCOMPARE(model->headerData(ComparisonTableModel::LeftSizeColumn, Qt::Horizontal).toString(),
             u"Size in the version"_s);
    QCOMPARE(model->headerData(ComparisonTableModel::RightSha256Column, Qt::Horizontal).toString(),
             u"SHA-256 in the folder"_s);
    QCOMPARE(text(dialog, "syncSummary"),
             u"2 new, 1 changed, 1 the same, 1 not in the folder, kept"_s);

    // Sizes and short checksums of both sides, what Sync does with each file in words.
    const QHash<int, QString> states{{int(Kind::Added), u"New"_s},
                                     {int(Kind::Changed), u"Changed"_s},
                                     {int(Kind::Same), u"Same"_s},
                                     {int(Kind::Removed), u"Kept"_s}};
    for (int row = 0; row < model->rowCount(); ++row) {
        const FileComparison::Entry &entry = before.entries().at(row);
        const QModelIndex state = model->index(row, ComparisonTableModel::StateColumn);
        QCOMPARE(state.data().toString(), states.value(int(entry.kind)));
        // A kept file is no change: it is not coloured as one.
        if (entry.kind == Kind::Removed || entry.kind == Kind::Same)
            QCOMPARE(state.data(Qt::ForegroundRole), QVariant());
        const QModelIndex folderSha = model->index(row, ComparisonTableModel::RightSha256Column);
        if (entry.after) {
            QCOMPARE(folderSha.data().toString(), entry.after->sha256.left(12));
            QCOMPARE(model->index(row, ComparisonTableModel::RightSizeColumn)
                         .data(ComparisonTableModel::SortRole)
                         .toLongLong(),
                     entry.after->size);
        }
        if (entry.before)
            QCOMPARE(model->index(row, ComparisonTableModel::LeftSha256Column)
                         .data(Qt::ToolTipRole)
                         .toString(),
                     entry.before->sha256);
    }

    // Deleting is off until ticked; ticked, the file the folder lacks is to be deleted.
    auto *deleteRemoved = dialog->findChild<QCheckBox *>(QStringLiteral("syncDeleteRemoved"));
    QVERIFY(!deleteRemoved->isChecked());
    QTest::mouseClick(deleteRemoved, Qt::LeftButton, {},
                      QPoint(deleteRemoved->height() / 2, deleteRemoved->height() / 2));
    QVERIFY(deleteRemoved->isChecked());
    QCOMPARE(text(dialog, "syncSummary"), u"2 new, 1 changed, 1 the same, 1 to delete"_s);
    for (int row = 0; row < model->rowCount(); ++row) {
        if (before.entries().at(row).kind != Kind::Removed)
            continue;
        const QModelIndex state = model->index(row, ComparisonTableModel::StateColumn);
        QCOMPARE(state.data().toString(), u"Delete"_s);
        QCOMPARE(
            state.data(Qt::ForegroundRole),
            StatusColours::text(StatusColours::Meaning::Error, dialog->palette(), QPalette::Base));
    }
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("syncButton"))->isEnabled());

    // Planning sent nothing: the queue is empty and the version is as it was.
    QTest::qWait(200);
    QVERIFY(m_window->transfers().items().isEmpty());
    QCOMPARE(rows(versionAgainstFolder(version, folder)), rows(before));
}

void TestSyncDialog::syncWithoutDeletingKeepsTheFileTheFolderLacks()
{
    openWindow();
    const QString folder = writeFolder(u"build"_s, kFolder);
    SyncDialog *dialog = openSync(kSeeded, u"1.0.0"_s, folder);
    QVERIFY(dialog);
    QVERIFY(syncAndWait(dialog));
    QCOMPARE(text(dialog, "syncStatus"), u"Synced: 2 uploaded, 1 replaced."_s);

    // The uploads went through the window's queue, one item a file to send.
    QStringList queued;
    for (const TransferItem &item : m_window->transfers().items()) {
        QCOMPARE(item.state, TransferState::Done);
        queued << item.target.fileName;
    }
    queued.sort();
    QCOMPARE(queued, (QStringList{u"changed.txt"_s, u"new.txt"_s, u"sub/nested.txt"_s}));

    // The version has the folder's files, and still the one the folder lacks.
    const FileComparison after = versionAgainstFolder({kProject, kSeeded, u"1.0.0"_s, {}}, folder);
    QCOMPARE(after.count(Kind::Same), kFolder.size());
    QCOMPARE(after.count(Kind::Removed), 1);
    QVERIFY(std::any_of(after.entries().begin(), after.entries().end(),
                        [](const FileComparison::Entry &entry) {
                            return entry.path == u"extra.txt"_s && entry.kind == Kind::Removed;
                        }));
    // The changed file was replaced, not added next to the old copy.
    const std::optional<VersionFiles> files = versionFiles({kProject, kSeeded, u"1.0.0"_s, {}});
    QVERIFY(files);
    QCOMPARE(files->files.size(), kFolder.size() + 1);
}

void TestSyncDialog::syncWithDeletingRemovesExactlyThePlannedFiles()
{
    openWindow();
    const QString folder = writeFolder(u"build"_s, kFolder);
    SyncDialog *dialog = openSync(kSeeded, u"1.0.0"_s, folder);
    QVERIFY(dialog);
    dialog->findChild<QCheckBox *>(QStringLiteral("syncDeleteRemoved"))->setChecked(true);
    // A file that arrives after the plan was shown is not in it, so Sync leaves it alone.
    publish(u"1.0.0"_s, u"late.txt"_s, "published after the plan\n");
    QVERIFY(syncAndWait(dialog));
    QCOMPARE(text(dialog, "syncStatus"), u"Synced: 2 uploaded, 1 replaced, 1 deleted."_s);

    const FileComparison after = versionAgainstFolder({kProject, kSeeded, u"1.0.0"_s, {}}, folder);
    QCOMPARE(rows(after).size(), kFolder.size() + 1);
    QCOMPARE(after.count(Kind::Same), kFolder.size());
    QCOMPARE(after.count(Kind::Removed), 1);
    QVERIFY(std::any_of(after.entries().begin(), after.entries().end(),
                        [](const FileComparison::Entry &entry) {
                            return entry.path == u"late.txt"_s && entry.kind == Kind::Removed;
                        }));
}

// The first upload of new.txt is refused (403, which is never retried): the sync stops and
// deletes nothing; retried in the transfer list, the upload succeeds and the deletion follows.
void TestSyncDialog::aFailedUploadStopsTheSyncBeforeAnyDeletion()
{
    openWindow({u"status=403:/packages/generic/sync-demo/1\\.0\\.0/new\\.txt$:1"_s});
    const QString folder = writeFolder(u"build"_s, kFolder);
    SyncDialog *dialog = openSync(kSeeded, u"1.0.0"_s, folder);
    QVERIFY(dialog);
    dialog->findChild<QCheckBox *>(QStringLiteral("syncDeleteRemoved"))->setChecked(true);
    QSignalSpy ended(dialog, &SyncDialog::ended);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("syncButton")),
                      Qt::LeftButton);
    TransferQueue &queue = m_window->transfers();
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(text(dialog, "syncStatus").startsWith(u"Sync stopped"_s), kTimeout);
    QVERIFY2(text(dialog, "syncStatus").contains(u"nothing was deleted"_s),
             qPrintable(text(dialog, "syncStatus")));
    QCOMPARE(ended.size(), 0);
    const PackageTarget version{kProject, kSeeded, u"1.0.0"_s, {}};
    QCOMPARE(versionAgainstFolder(version, folder).count(Kind::Removed), 1);

    QString failed;
    for (const TransferItem &item : queue.items()) {
        if (item.state == TransferState::Failed)
            failed = item.id;
    }
    QVERIFY(!failed.isEmpty());
    QCOMPARE(queue.item(failed)->target.fileName, u"new.txt"_s);
    queue.retry(failed);
    QVERIFY(ended.wait(kTimeout) || ended.size() == 1);
    QCOMPARE(ended.at(0).at(0).value<SyncRun::Stage>(), SyncRun::Stage::Done);
    QVERIFY(versionAgainstFolder(version, folder).isIdentical());
}

// A dangling link cannot be read, by root either (and a file without permissions, by anyone
// else): the plan shows it as a problem and Sync stays off until it is gone and planned again.
void TestSyncDialog::anUnreadableFileBlocksTheSync()
{
    openWindow();
    const QString folder = writeFolder(u"build"_s, kFolder);
    QVERIFY(QFile::link(m_dir->filePath(u"nowhere"_s), folder + u"/dangling"_s));
    const bool root = ::geteuid() == 0;
    if (!root)
        QVERIFY(QFile::setPermissions(folder + u"/same.txt"_s, {}));
    SyncDialog *dialog = openSync(kSeeded, u"1.0.0"_s, folder);
    QVERIFY(dialog);
    const int unreadable = root ? 1 : 2;
    QCOMPARE(dialog->plan()->comparison().count(Kind::Unreadable), unreadable);
    const QAbstractItemModel *model =
        dialog->findChild<QTableView *>(QStringLiteral("syncTable"))->model();
    QCOMPARE(rows(model), rows(dialog->plan()->comparison()));
    bool shown = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, ComparisonTableModel::PathColumn).data().toString() != u"dangling"_s)
            continue;
        shown = true;
        QCOMPARE(model->index(row, ComparisonTableModel::StateColumn).data().toString(),
                 u"Unreadable"_s);
        QVERIFY(!model->index(row, ComparisonTableModel::RightSha256Column)
                     .data()
                     .toString()
                     .isEmpty());
    }
    QVERIFY(shown);
    auto *sync = dialog->findChild<QPushButton *>(QStringLiteral("syncButton"));
    QVERIFY(!sync->isEnabled());
    QVERIFY2(text(dialog, "syncStatus").startsWith(u"Nothing can be sent"_s),
             qPrintable(text(dialog, "syncStatus")));
    auto *retry = dialog->findChild<QPushButton *>(QStringLiteral("syncRetry"));
    QVERIFY(retry->isVisible());
    dialog->sync();
    QVERIFY(!dialog->isSyncing());
    QVERIFY(m_window->transfers().items().isEmpty());

    QVERIFY(QFile::remove(folder + u"/dangling"_s));
    if (!root)
        QVERIFY(
            QFile::setPermissions(folder + u"/same.txt"_s, QFile::ReadOwner | QFile::WriteOwner));
    QSignalSpy planned(dialog, &SyncDialog::planned);
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(planned.wait(kTimeout) || planned.size() == 1);
    QCOMPARE(dialog->plan()->comparison().count(Kind::Unreadable), 0);
    QVERIFY(sync->isEnabled());
    QVERIFY(!retry->isVisible());
}

// A version the tree still shows may be gone, or not be there yet: every file is new, and Sync
// creates the version.
void TestSyncDialog::aVersionThatDoesNotExistIsCreated()
{
    openWindow();
    const QString folder = writeFolder(u"build"_s, kFolder);
    const PackageTarget version{kProject, kSeeded, u"2.0.0"_s, {}};
    SyncDialog *dialog = newSyncDialog(version, folder);
    QVERIFY(dialog);
    QCOMPARE(dialog->plan()->comparison().count(Kind::Added), kFolder.size());
    QCOMPARE(dialog->plan()->comparison().entries().size(), kFolder.size());
    QVERIFY2(text(dialog, "syncStatus").contains(u"does not exist yet"_s),
             qPrintable(text(dialog, "syncStatus")));
    QVERIFY(syncAndWait(dialog));
    QCOMPARE(text(dialog, "syncStatus"), u"Synced: 4 uploaded."_s);
    QVERIFY(versionAgainstFolder(version, folder).isIdentical());
}

// The look-up of the version is refused once: the message is said with Retry, the dialog keeps
// its folder and version, and Retry makes the plan.
void TestSyncDialog::aFailedLookUpIsSaidWithRetry()
{
    openWindow({u"status=403:^/api/v4/projects/demo%2Ftools/packages$:1"_s});
    const QString folder = writeFolder(u"build"_s, kFolder);
    SyncDialog *dialog = newSyncDialog({kToolsProject, u"toolbox"_s, u"0.2.0"_s, {}}, folder);
    QVERIFY(dialog);
    QVERIFY(!dialog->plan());
    QVERIFY2(text(dialog, "syncStatus").startsWith(u"Could not make the plan: "_s),
             qPrintable(text(dialog, "syncStatus")));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("syncStatus"))
                ->styleSheet()
                .contains(u"color"_s));
    auto *retry = dialog->findChild<QPushButton *>(QStringLiteral("syncRetry"));
    QVERIFY(retry->isVisible());
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("syncButton"))->isEnabled());
    QCOMPARE(text(dialog, "syncFolder"), QDir::toNativeSeparators(folder));
    QCOMPARE(text(dialog, "syncVersion"), u"demo/tools toolbox 0.2.0"_s);

    QSignalSpy planned(dialog, &SyncDialog::planned);
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(planned.wait(kTimeout) || planned.size() == 1);
    QVERIFY(dialog->plan());
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("syncButton"))->isEnabled());
    QVERIFY(!retry->isVisible());
}

QTEST_MAIN(TestSyncDialog)
#include "TestSyncDialog.moc"
