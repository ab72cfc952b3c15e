// PublishDialog: folders expanded into relative names (read off the GUI thread), every name
// checked live against GitLab's rules with one-click fixes, files that cannot be published
// listed apart, and the queue items built from what the dialog shows.

#include "PublishDialog.h"
#include "ScriptedDialogs.h"
#include "validate/NameRules.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Stevedore;
using Stevedore::GuiTest::ScriptedDialogs;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestPublishDialog final : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void filesAndAFolderGiveRelativeNames();
    void invalidFileNameBlocksPublishUntilFixed_data();
    void invalidFileNameBlocksPublishUntilFixed();
    void editingTheNameInTheTableRevalidates();
    void duplicateNamesInTheListAreRefused();
    void fixAllFixesEverything();
    void packageNameAndVersionAreValidatedAndFixed();
    void versionIsSuggestedForThePackage();
    void knownPackageNamesComplete();
    void hiddenAndPolicyReachTheItems();
    void emptyFoldersAndUnreadableFilesAreListedApart();
    void nothingPublishableDisablesPublish();
    void removeTakesFilesOffTheList();
    void filesAloneAreReadAtOnce();
    void foldersAreReadWhileTheDialogWorks();
    void cancelWorksWhileFoldersAreRead();
    void droppedFilesAndFoldersAreAddedOnce();
    void dropOfSomethingElseIsRefused();
    void addButtonAddsFilesAndAFolder();

private:
    // Real drag-and-drop events, delivered where Qt delivers them: to the dialog (the widget
    // under the pointer that accepts drops), over its file table.
    void drop(PublishDialog &dialog, const QStringList &paths);
    QString path(const QString &relative) const { return QDir(m_dir->path()).filePath(relative); }
    // Shows the dialog, once its folders are read, with a valid package name and version typed in.
    std::unique_ptr<PublishDialog> open(const QStringList &paths, bool typeNames = true);

    std::unique_ptr<QTemporaryDir> m_dir;
    ScriptedDialogs m_dialogs;
};

void TestPublishDialog::init()
{
    m_dialogs.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(writeFile(path(u"a.txt"_s), "alpha\n"));
    QVERIFY(writeFile(path(u"tool.tar.gz"_s), QByteArray(3000, 'x')));
    QVERIFY(writeFile(path(u"site/index.html"_s), "<html></html>\n"));
    QVERIFY(writeFile(path(u"site/css/site.css"_s), "body {}\n"));
    QVERIFY(writeFile(path(u"my file@.txt"_s), "bad name\n"));
    QVERIFY(writeFile(path(u"my file.txt"_s), "bad name\n"));
    QVERIFY(writeFile(path(u"other/a.txt"_s), "another alpha\n"));
    QVERIFY(QDir().mkpath(path(u"empty"_s)));
    QVERIFY(QDir().mkpath(path(u"nested-empty/inner"_s)));
}

std::unique_ptr<PublishDialog> TestPublishDialog::open(const QStringList &paths, bool typeNames)
{
    auto dialog = std::make_unique<PublishDialog>(m_dialogs, paths);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        return nullptr;
    if (!QTest::qWaitFor([&dialog] { return !dialog->isReadingFolders(); }, 10000))
        return nullptr;
    if (typeNames) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"packageNameEdit"_s), u"notes"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"versionEdit"_s), u"1.0.0"_s);
    }
    return dialog;
}

void TestPublishDialog::filesAndAFolderGiveRelativeNames()
{
    const auto dialog = open({path(u"a.txt"_s), path(u"tool.tar.gz"_s), path(u"site"_s) + u'/'});
    QVERIFY(dialog);
    auto *table = dialog->findChild<QTableWidget *>(u"fileTable"_s);
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(dialog->fileCount(), 4);
    const QStringList expected{u"a.txt"_s, u"tool.tar.gz"_s, u"site/css/site.css"_s,
                               u"site/index.html"_s};
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(table->item(row, PublishDialog::TargetNameColumn)->text(), expected.at(row));
        QCOMPARE(dialog->problem(row), QString());
        QCOMPARE(table->item(row, PublishDialog::CheckColumn)->text(), u"✓"_s);
        QVERIFY(!table->cellWidget(row, PublishDialog::FixColumn));
    }
    QCOMPARE(dialog->localPath(2), path(u"site/css/site.css"_s));
    QVERIFY(table->item(1, PublishDialog::SizeColumn)->text().contains(u"KB"_s)
            || table->item(1, PublishDialog::SizeColumn)->text().contains(u"KiB"_s));
    QVERIFY(dialog->unpublishable().isEmpty());
    QVERIFY(!dialog->findChild<QListWidget *>(u"unpublishableList"_s)->isVisible());

    auto *publish = dialog->findChild<QPushButton *>(u"publishButton"_s);
    QVERIFY(publish->isEnabled());
    QVERIFY(dialog->isReady());
    QVERIFY(dialog->findChild<QLabel *>(u"summaryLabel"_s)->text().contains(u"ready"_s));
}

void TestPublishDialog::invalidFileNameBlocksPublishUntilFixed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("fixed");
    QTest::newRow("space") << u"my file.txt"_s << u"my_file.txt"_s;
    // '@' may stand inside a file name; only the space is replaced.
    QTest::newRow("space and @") << u"my file@.txt"_s << u"my_file@.txt"_s;
}

void TestPublishDialog::invalidFileNameBlocksPublishUntilFixed()
{
    QFETCH(QString, file);
    QFETCH(QString, fixed);
    QCOMPARE(NameRules::suggestFileName(file), fixed);

    const auto dialog = open({path(file), path(u"a.txt"_s)});
    QVERIFY(dialog);
    auto *table = dialog->findChild<QTableWidget *>(u"fileTable"_s);
    auto *publish = dialog->findChild<QPushButton *>(u"publishButton"_s);
    QCOMPARE(dialog->targetName(0), file);
    QVERIFY(!dialog->problem(0).isEmpty());
    QVERIFY(dialog->problem(1).isEmpty());
    QVERIFY(!publish->isEnabled());
    QVERIFY(!dialog->isReady());
    const QString check = table->item(0, PublishDialog::CheckColumn)->text();
    QVERIFY2(check.startsWith(u"✗"_s) && check.contains(u"A file name may contain only"_s),
             qPrintable(check));
    QCOMPARE(table->item(0, PublishDialog::CheckColumn)->toolTip(), dialog->problem(0));
    QVERIFY(dialog->findChild<QLabel *>(u"summaryLabel"_s)
                ->text()
                .contains(u"Nothing is sent until everything is valid."_s));

    // Publish does nothing while something is invalid, even from the keyboard.
    QTest::keyClick(dialog.get(), Qt::Key_Return);
    QVERIFY(dialog->isVisible());

    auto *fix = qobject_cast<QPushButton *>(table->cellWidget(0, PublishDialog::FixColumn));
    QVERIFY(fix);
    QCOMPARE(fix->objectName(), u"fixButton"_s);
    QVERIFY(fix->toolTip().contains(fixed));
    QTest::mouseClick(fix, Qt::LeftButton);
    QCOMPARE(dialog->targetName(0), fixed);
    QVERIFY(dialog->problem(0).isEmpty());
    QCOMPARE(table->item(0, PublishDialog::CheckColumn)->text(), u"✓"_s);
    QTRY_VERIFY(!table->cellWidget(0, PublishDialog::FixColumn));
    QVERIFY(publish->isEnabled());

    const QList<TransferItem> items = dialog->items(u"acc"_s, u"demo/hello"_s);
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).target.fileName, fixed);
    QCOMPARE(items.at(0).localPath, path(file));

    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::mouseClick(publish, Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
}

void TestPublishDialog::editingTheNameInTheTableRevalidates()
{
    const auto dialog = open({path(u"a.txt"_s)});
    QVERIFY(dialog);
    auto *table = dialog->findChild<QTableWidget *>(u"fileTable"_s);
    auto *publish = dialog->findChild<QPushButton *>(u"publishButton"_s);
    QVERIFY(publish->isEnabled());

    // Rename in place with the keyboard: F2, type, Enter.
    table->setFocus();
    table->setCurrentCell(0, PublishDialog::TargetNameColumn);
    QTest::keyClick(table, Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(qobject_cast<QLineEdit *>(editor));
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, u"docs/~notes.txt"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(dialog->targetName(0), u"docs/~notes.txt"_s);
    QVERIFY(dialog->isVisible()); // Enter finished the edit; it did not press Publish
    QVERIFY(!dialog->problem(0).isEmpty());
    QVERIFY(!publish->isEnabled());

    dialog->setTargetName(0, u"docs/notes.txt"_s);
    QVERIFY(dialog->problem(0).isEmpty());
    QVERIFY(publish->isEnabled());
    QCOMPARE(dialog->items(u"acc"_s, u"p"_s).at(0).target.fileName, u"docs/notes.txt"_s);
}

void TestPublishDialog::duplicateNamesInTheListAreRefused()
{
    const auto dialog = open({path(u"a.txt"_s), path(u"other/a.txt"_s)});
    QVERIFY(dialog);
    QCOMPARE(dialog->targetName(0), u"a.txt"_s);
    QCOMPARE(dialog->targetName(1), u"a.txt"_s);
    QVERIFY(dialog->problem(0).isEmpty());
    QVERIFY2(dialog->problem(1).contains(u"Row 1"_s), qPrintable(dialog->problem(1)));
    QVERIFY(!dialog->isReady());

    auto *table = dialog->findChild<QTableWidget *>(u"fileTable"_s);
    QTest::mouseClick(table->cellWidget(1, PublishDialog::FixColumn), Qt::LeftButton);
    QCOMPARE(dialog->targetName(1), u"a-2.txt"_s);
    QVERIFY(dialog->isReady());
}

void TestPublishDialog::fixAllFixesEverything()
{
    const auto dialog = open(
        {path(u"my file.txt"_s), path(u"my file@.txt"_s), path(u"a.txt"_s), path(u"other/a.txt"_s)},
        false);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"packageNameEdit"_s), u"my notes"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"versionEdit"_s), u"1..0"_s);
    auto *fixAll = dialog->findChild<QPushButton *>(u"fixAllButton"_s);
    QVERIFY(fixAll->isEnabled());
    QVERIFY(!dialog->isReady());

    QTest::mouseClick(fixAll, Qt::LeftButton);
    QCOMPARE(dialog->packageName(), u"my_notes"_s);
    QCOMPARE(dialog->version(), u"1.0"_s);
    QCOMPARE(dialog->targetName(0), u"my_file.txt"_s);
    QCOMPARE(dialog->targetName(1), u"my_file@.txt"_s);
    QCOMPARE(dialog->targetName(2), u"a.txt"_s);
    QCOMPARE(dialog->targetName(3), u"a-2.txt"_s);
    QVERIFY(dialog->isReady());
    QVERIFY(!fixAll->isEnabled());
    QVERIFY(dialog->findChild<QPushButton *>(u"publishButton"_s)->isEnabled());
}

void TestPublishDialog::packageNameAndVersionAreValidatedAndFixed()
{
    const auto dialog = open({path(u"a.txt"_s)}, false);
    QVERIFY(dialog);
    auto *name = dialog->findChild<QLineEdit *>(u"packageNameEdit"_s);
    auto *nameFix = dialog->findChild<QPushButton *>(u"packageNameFixButton"_s);
    auto *nameProblem = dialog->findChild<QLabel *>(u"packageNameProblem"_s);
    auto *version = dialog->findChild<QLineEdit *>(u"versionEdit"_s);
    auto *versionFix = dialog->findChild<QPushButton *>(u"versionFixButton"_s);
    auto *versionProblem = dialog->findChild<QLabel *>(u"versionProblem"_s);
    auto *publish = dialog->findChild<QPushButton *>(u"publishButton"_s);
    QVERIFY(name && nameFix && nameProblem && version && versionFix && versionProblem && publish);

    // Empty: said, but there is nothing to fix.
    QVERIFY(nameProblem->isVisible());
    QVERIFY(!nameFix->isVisible());
    QVERIFY(!publish->isEnabled());

    QTest::keyClicks(name, u"my notes"_s);
    QVERIFY(nameProblem->isVisible());
    QVERIFY(nameProblem->text().contains(u"A package name may contain only"_s));
    QVERIFY(nameFix->isVisible());
    QTest::mouseClick(nameFix, Qt::LeftButton);
    QCOMPARE(name->text(), u"my_notes"_s);
    QVERIFY(!nameProblem->isVisible());
    QVERIFY(!nameFix->isVisible());
    QVERIFY(!publish->isEnabled()); // the version is still missing

    QTest::keyClicks(version, u"1.0 beta"_s);
    QVERIFY(versionProblem->isVisible());
    QVERIFY(versionFix->isVisible());
    QTest::mouseClick(versionFix, Qt::LeftButton);
    QCOMPARE(version->text(), u"1.0_beta"_s);
    QVERIFY(!versionProblem->isVisible());
    QVERIFY(publish->isEnabled());

    const TransferItem item = dialog->items(u"acc"_s, u"demo/hello"_s).at(0);
    QCOMPARE(item.target.packageName, u"my_notes"_s);
    QCOMPARE(item.target.version, u"1.0_beta"_s);
}

void TestPublishDialog::versionIsSuggestedForThePackage()
{
    const auto dialog = open({path(u"a.txt"_s)}, false);
    QVERIFY(dialog);
    QStringList asked;
    dialog->setVersionSuggester([&asked](const QString &package) {
        asked << package;
        return package == u"hello-cli"_s ? u"2.0.1"_s : QString();
    });
    auto *name = dialog->findChild<QLineEdit *>(u"packageNameEdit"_s);
    auto *version = dialog->findChild<QLineEdit *>(u"versionEdit"_s);
    dialog->setPackageName(u"hello-cli"_s);
    QCOMPARE(version->text(), u"2.0.1"_s);
    QVERIFY(asked.contains(u"hello-cli"_s));

    // A new name without a suggestion keeps the version; a typed version is never replaced.
    name->clear();
    QTest::keyClicks(name, u"brand-new"_s);
    QCOMPARE(version->text(), u"2.0.1"_s);
    version->clear();
    QTest::keyClicks(version, u"0.1.0"_s);
    name->clear();
    QTest::keyClicks(name, u"hello-cli"_s);
    QCOMPARE(version->text(), u"0.1.0"_s);
}

void TestPublishDialog::knownPackageNamesComplete()
{
    const auto dialog = open({path(u"a.txt"_s)}, false);
    QVERIFY(dialog);
    dialog->setKnownPackageNames({u"hello-cli"_s, u"nightly"_s, u"website"_s});
    auto *name = dialog->findChild<QLineEdit *>(u"packageNameEdit"_s);
    QCompleter *completer = name->completer();
    QVERIFY(completer);
    QTest::keyClicks(name, u"nig"_s);
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->currentCompletion(), u"nightly"_s);
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(name->text(), u"nightly"_s);
}

void TestPublishDialog::hiddenAndPolicyReachTheItems()
{
    const auto dialog = open({path(u"a.txt"_s), path(u"site"_s)});
    QVERIFY(dialog);
    QList<TransferItem> items = dialog->items(u"acc-1"_s, u"demo/hello"_s);
    QCOMPARE(items.size(), 3);
    QVERIFY(!items.at(0).hidden);
    QCOMPARE(items.at(0).duplicatePolicy, DuplicatePolicy::SkipIdentical);

    auto *hidden = dialog->findChild<QCheckBox *>(u"hiddenCheck"_s);
    auto *policy = dialog->findChild<QComboBox *>(u"duplicatePolicyCombo"_s);
    QVERIFY(hidden && policy);
    QCOMPARE(policy->count(), 4);
    QTest::mouseClick(hidden, Qt::LeftButton);
    QVERIFY(dialog->isHidden());
    policy->setFocus();
    QTest::keyClick(policy, Qt::Key_Down);
    QCOMPARE(dialog->duplicatePolicy(), DuplicatePolicy::KeepBoth);
    QTest::keyClick(policy, Qt::Key_Down);
    QCOMPARE(dialog->duplicatePolicy(), DuplicatePolicy::Replace);

    items = dialog->items(u"acc-1"_s, u"demo/hello"_s);
    for (const TransferItem &item : std::as_const(items)) {
        QCOMPARE(item.accountId, u"acc-1"_s);
        QCOMPARE(item.target.project, u"demo/hello"_s);
        QCOMPARE(item.target.packageName, u"notes"_s);
        QCOMPARE(item.target.version, u"1.0.0"_s);
        QVERIFY(item.hidden);
        QCOMPARE(item.duplicatePolicy, DuplicatePolicy::Replace);
        QCOMPARE(item.state, TransferState::Queued);
        QCOMPARE(item.size, QFileInfo(item.localPath).size());
    }
    QCOMPARE(items.at(1).target.fileName, u"site/css/site.css"_s);
    QCOMPARE(items.at(1).localPath, path(u"site/css/site.css"_s));
    QCOMPARE(items.at(1).target.storedName(), u"site%2Fcss%2Fsite.css"_s);

    QTest::keyClick(policy, Qt::Key_Down);
    QCOMPARE(dialog->items(u"a"_s, u"p"_s).at(0).duplicatePolicy, DuplicatePolicy::Fail);
}

void TestPublishDialog::emptyFoldersAndUnreadableFilesAreListedApart()
{
    QVERIFY(writeFile(path(u"mixed/keep.txt"_s), "keep\n"));
    QVERIFY(QDir().mkpath(path(u"mixed/hole"_s)));
    QVERIFY(mkfifo(QFile::encodeName(path(u"pipe"_s)).constData(), 0600) == 0);
    QVERIFY(QFile::link(path(u"gone.txt"_s), path(u"dangling.txt"_s)));
    QVERIFY(writeFile(path(u"secret.txt"_s), "secret\n"));
    QVERIFY(QFile::setPermissions(path(u"secret.txt"_s), QFileDevice::WriteOwner));
    const bool root = ::geteuid() == 0; // root reads everything

    const auto dialog = open({path(u"a.txt"_s), path(u"empty"_s), path(u"nested-empty"_s),
                              path(u"pipe"_s), path(u"dangling.txt"_s), path(u"secret.txt"_s),
                              path(u"mixed"_s), path(u"no-such-file"_s)});
    QVERIFY(dialog);

    QStringList names;
    for (int row = 0; row < dialog->fileCount(); ++row)
        names << dialog->targetName(row);
    QStringList expected{u"a.txt"_s, u"mixed/keep.txt"_s};
    if (root)
        expected.insert(1, u"secret.txt"_s);
    QCOMPARE(names, expected);

    const auto reasonFor = [&](const QString &relative) {
        const QString shown = QDir::toNativeSeparators(path(relative));
        for (const PublishDialog::Unpublishable &entry : dialog->unpublishable()) {
            if (entry.path == shown)
                return entry.reason;
        }
        return QString();
    };
    QVERIFY2(reasonFor(u"empty"_s).contains(u"empty folder"_s), qPrintable(reasonFor(u"empty"_s)));
    QVERIFY(reasonFor(u"nested-empty"_s).contains(u"empty folder"_s));
    QVERIFY(reasonFor(u"nested-empty/inner"_s).isEmpty()); // said once, about the folder given
    QVERIFY(reasonFor(u"mixed/hole"_s).contains(u"empty folder"_s));
    QVERIFY(reasonFor(u"pipe"_s).contains(u"not a regular file"_s));
    QVERIFY(reasonFor(u"dangling.txt"_s).contains(u"does not exist"_s));
    QVERIFY(reasonFor(u"no-such-file"_s).contains(u"does not exist"_s));
    if (!root)
        QVERIFY(reasonFor(u"secret.txt"_s).contains(u"cannot be read"_s));
    QCOMPARE(dialog->unpublishable().size(), root ? 6 : 7);

    auto *list = dialog->findChild<QListWidget *>(u"unpublishableList"_s);
    QVERIFY(list->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(u"unpublishableLabel"_s)->isVisible());
    QCOMPARE(list->count(), dialog->unpublishable().size());
    QVERIFY(list->item(1)->text().contains(u"empty folder"_s));

    // The rest can be published; what cannot is left out of the items.
    QVERIFY(dialog->findChild<QPushButton *>(u"publishButton"_s)->isEnabled());
    const QList<TransferItem> items = dialog->items(u"acc"_s, u"p"_s);
    QCOMPARE(items.size(), expected.size());
    for (const TransferItem &item : items)
        QVERIFY(!item.localPath.contains(u"pipe"_s) && !item.localPath.contains(u"empty"_s));
}

void TestPublishDialog::nothingPublishableDisablesPublish()
{
    const auto dialog = open({path(u"empty"_s)});
    QVERIFY(dialog);
    QCOMPARE(dialog->fileCount(), 0);
    QCOMPARE(dialog->unpublishable().size(), 1);
    QVERIFY(!dialog->isReady());
    QVERIFY(!dialog->findChild<QPushButton *>(u"publishButton"_s)->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(u"summaryLabel"_s)->text().contains(u"nothing"_s));
}

void TestPublishDialog::removeTakesFilesOffTheList()
{
    const auto dialog = open({path(u"a.txt"_s), path(u"my file.txt"_s), path(u"tool.tar.gz"_s)});
    QVERIFY(dialog);
    auto *table = dialog->findChild<QTableWidget *>(u"fileTable"_s);
    auto *remove = dialog->findChild<QPushButton *>(u"removeButton"_s);
    QVERIFY(!remove->isEnabled());
    QVERIFY(!dialog->isReady());

    table->selectRow(1);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(dialog->fileCount(), 2);
    QCOMPARE(dialog->targetName(1), u"tool.tar.gz"_s);
    QVERIFY(dialog->isReady()); // the invalid one is gone

    // The Delete key does the same in the table.
    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(dialog->fileCount(), 1);
    QCOMPARE(dialog->localPath(0), path(u"tool.tar.gz"_s));
}

void TestPublishDialog::filesAloneAreReadAtOnce()
{
    // No folder, no walk: the rows are there when the constructor returns, before any event.
    PublishDialog dialog(m_dialogs, {path(u"a.txt"_s), path(u"my file.txt"_s)});
    QVERIFY(!dialog.isReadingFolders());
    QCOMPARE(dialog.fileCount(), 2);
    QCOMPARE(dialog.targetName(1), u"my file.txt"_s);
    QVERIFY(!dialog.problem(1).isEmpty());
    QCOMPARE(dialog.findChild<QTableWidget *>(u"fileTable"_s)->rowCount(), 2);
}

void TestPublishDialog::foldersAreReadWhileTheDialogWorks()
{
    PublishDialog dialog(m_dialogs, {path(u"a.txt"_s), path(u"site"_s)});
    QSignalSpy ready(&dialog, &PublishDialog::planReady);
    auto *summary = dialog.findChild<QLabel *>(u"summaryLabel"_s);
    auto *publish = dialog.findChild<QPushButton *>(u"publishButton"_s);
    auto *table = dialog.findChild<QTableWidget *>(u"fileTable"_s);

    // The walk's answer can only arrive through this thread's event loop, not started yet.
    QVERIFY(dialog.isReadingFolders());
    QCOMPARE(dialog.fileCount(), 0);
    QCOMPARE(table->rowCount(), 0);
    QCOMPARE(summary->text(), u"Reading folders…"_s);
    QVERIFY(!publish->isEnabled());
    QVERIFY(!dialog.isReady());

    // The rest of the dialog works meanwhile, and typing does not enable Publish.
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"packageNameEdit"_s), u"notes"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"versionEdit"_s), u"1.0.0"_s);
    QCOMPARE(dialog.packageName(), u"notes"_s);
    if (dialog.isReadingFolders()) {
        QCOMPARE(summary->text(), u"Reading folders…"_s);
        QVERIFY(!publish->isEnabled());
        dialog.accept(); // refused: nothing to publish yet
        QVERIFY(dialog.isVisible());
    }

    QVERIFY(ready.count() == 1 || ready.wait(10000));
    QCOMPARE(ready.count(), 1);
    QVERIFY(!dialog.isReadingFolders());
    QCOMPARE(dialog.fileCount(), 3);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(dialog.targetName(1), u"site/css/site.css"_s);
    QCOMPARE(table->item(2, PublishDialog::TargetNameColumn)->text(), u"site/index.html"_s);
    QVERIFY(dialog.isReady());
    QVERIFY(publish->isEnabled());
    QVERIFY2(summary->text().contains(u"ready"_s), qPrintable(summary->text()));
}

void TestPublishDialog::cancelWorksWhileFoldersAreRead()
{
    for (int i = 0; i < 2000; ++i)
        QVERIFY(writeFile(path(u"big/d%1/f%2.txt"_s.arg(i % 20).arg(i)), "x"));
    PublishDialog dialog(m_dialogs, {path(u"big"_s)});
    QSignalSpy ready(&dialog, &PublishDialog::planReady);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    dialog.show();
    QVERIFY(dialog.isReadingFolders());

    dialog.findChild<QPushButton *>(u"cancelButton"_s)->click();
    QCOMPARE(rejected.count(), 1);
    QVERIFY(!dialog.isVisible());

    // The walk stops; what it found is dropped rather than shown in a closed dialog.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isReadingFolders(), 10000);
    QCOMPARE(ready.count(), 0);
    QCOMPARE(dialog.fileCount(), 0);
}

void TestPublishDialog::drop(PublishDialog &dialog, const QStringList &paths)
{
    auto *table = dialog.findChild<QTableWidget *>(u"fileTable"_s);
    const QPoint position = table->mapTo(&dialog, table->rect().center());
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &local : paths)
        urls << QUrl::fromLocalFile(local);
    mime.setUrls(urls);
    QDragEnterEvent enter(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&dialog, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&dialog, &move);
    QVERIFY(move.isAccepted());
    QDropEvent dropEvent(QPointF(position), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&dialog, &dropEvent);
    QVERIFY(dropEvent.isAccepted());
}

void TestPublishDialog::droppedFilesAndFoldersAreAddedOnce()
{
    const auto dialog = open({path(u"a.txt"_s)});
    QVERIFY(dialog);
    QTableWidget *table = dialog->findChild<QTableWidget *>(u"fileTable"_s);
    table->item(0, PublishDialog::TargetNameColumn)->setText(u"renamed.txt"_s);

    // A file, the file already listed, and a folder (walked off this thread).
    QSignalSpy ready(dialog.get(), &PublishDialog::planReady);
    drop(*dialog, {path(u"tool.tar.gz"_s), path(u"a.txt"_s), path(u"site"_s)});
    QVERIFY(ready.count() == 1 || ready.wait(10000));
    QVERIFY(!dialog->isReadingFolders());
    const QStringList expected{u"renamed.txt"_s, u"tool.tar.gz"_s, u"site/css/site.css"_s,
                               u"site/index.html"_s};
    QCOMPARE(dialog->fileCount(), 4);
    QCOMPARE(table->rowCount(), 4);
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(dialog->targetName(row), expected.at(row));
        QCOMPARE(table->item(row, PublishDialog::TargetNameColumn)->text(), expected.at(row));
    }
    QVERIFY(dialog->isReady());
    auto *summary = dialog->findChild<QLabel *>(u"summaryLabel"_s);
    QVERIFY2(summary->text().contains(u"had a row already"_s), qPrintable(summary->text()));

    // The same again: nothing new.
    drop(*dialog, {path(u"tool.tar.gz"_s), path(u"site/index.html"_s)});
    QCOMPARE(dialog->fileCount(), 4);

    // Another file of a name in the list: its row says which row has the name.
    drop(*dialog, {path(u"other/a.txt"_s), path(u"my file.txt"_s)});
    QCOMPARE(dialog->fileCount(), 6);
    QCOMPARE(dialog->localPath(4), path(u"other/a.txt"_s));
    QCOMPARE(dialog->problem(4), QString()); // "a.txt" is free: row 1 was renamed
    QVERIFY(!dialog->problem(5).isEmpty());  // a space: GitLab's rule
    QVERIFY(!dialog->isReady());
    drop(*dialog, {path(u"tool.tar.gz"_s)});
    dialog->setTargetName(4, u"tool.tar.gz"_s);
    QVERIFY2(dialog->problem(4).contains(u"Row 2"_s), qPrintable(dialog->problem(4)));

    // Dropped while a folder is read: added after it, in order.
    QVERIFY(writeFile(path(u"later/z.txt"_s), "z\n"));
    QVERIFY(writeFile(path(u"late.txt"_s), "late\n"));
    drop(*dialog, {path(u"later"_s)});
    drop(*dialog, {path(u"late.txt"_s)});
    QTRY_VERIFY_WITH_TIMEOUT(dialog->fileCount() == 8 && !dialog->isReadingFolders(), 10000);
    QCOMPARE(dialog->targetName(6), u"later/z.txt"_s);
    QCOMPARE(dialog->targetName(7), u"late.txt"_s);
}

void TestPublishDialog::dropOfSomethingElseIsRefused()
{
    const auto dialog = open({path(u"a.txt"_s)});
    QVERIFY(dialog);
    QMimeData mime;
    mime.setText(u"not a file"_s);
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(dialog.get(), &enter);
    QVERIFY(!enter.isAccepted());
    QCOMPARE(dialog->fileCount(), 1);
}

void TestPublishDialog::addButtonAddsFilesAndAFolder()
{
    const auto dialog = open({path(u"a.txt"_s)});
    QVERIFY(dialog);
    auto *add = dialog->findChild<QPushButton *>(u"addButton"_s);
    QVERIFY(add && add->isVisible() && add->menu());
    QAction *files = add->menu()->findChild<QAction *>(u"addFilesAction"_s);
    QAction *folder = add->menu()->findChild<QAction *>(u"addFolderAction"_s);
    QVERIFY(files && folder);

    m_dialogs.answerFiles({path(u"tool.tar.gz"_s), path(u"a.txt"_s)});
    files->trigger();
    const auto asked = m_dialogs.asked(ScriptedDialogs::Kind::OpenFiles);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.constFirst().text, m_dir->path()); // next to the files listed
    QCOMPARE(dialog->fileCount(), 2);
    QCOMPARE(dialog->targetName(1), u"tool.tar.gz"_s);

    QSignalSpy ready(dialog.get(), &PublishDialog::planReady);
    m_dialogs.answerDirectory(path(u"site"_s));
    folder->trigger();
    QCOMPARE(m_dialogs.asked(ScriptedDialogs::Kind::ExistingDirectory).size(), 1);
    QVERIFY(ready.count() == 1 || ready.wait(10000));
    QCOMPARE(dialog->fileCount(), 4);
    QCOMPARE(dialog->targetName(2), u"site/css/site.css"_s);

    // Cancelled: nothing changes.
    files->trigger();
    folder->trigger();
    QCOMPARE(m_dialogs.unanswered(), 2);
    QCOMPARE(dialog->fileCount(), 4);
    QVERIFY(dialog->isReady());
    QCOMPARE(dialog->items(u"account"_s, u"demo/hello"_s).size(), 4);
}

QTEST_MAIN(TestPublishDialog)
#include "TestPublishDialog.moc"
