#include "ClientSession.h"
#include "CompareDialog.h"
#include "ComparisonTableModel.h"
#include "DemoData.h"
#include "DemoWindowTest.h"
#include "Http.h"
#include "MainWindow.h"
#include "PackagePane.h"
#include "ScriptedDialogs.h"
#include "SimServer.h"
#include "StatusColours.h"
#include "account/MemorySecretStore.h"
#include "core/VersionOrder.h"
#include "validate/NameRules.h"

#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Stevedore;
using namespace Qt::StringLiterals;
using Stevedore::GuiTest::DemoWindowTest;
using Stevedore::GuiTest::ScriptedDialogs;
using stevedore::test::ScopedSim;
using namespace stevedore::test::demo;

namespace {
constexpr int kTimeout = 30000;
// Published by the test: one file of each kind between its two versions.
const QString kSeeded = QStringLiteral("compare-demo");
using Kind = FileComparison::Kind;
} // namespace

// Compare with… in the real MainWindow against gitlab-sim --demo: the dialog's table against
// FileComparison of the two versions' files as the API lists them.
class TestCompareDialog final : public DemoWindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void comparesTwoVersionsOfThePackage_data();
    void comparesTwoVersionsOfThePackage();
    void marksEachKindByTextAndColour();
    void comparesWithAnotherProjectAndPackage();
    void theVersionsOfTheOtherPackageAreOffered();
    void aVersionThatDoesNotExistIsSaidAndTheInputStays();
    void invalidNamesAreRefusedBeforeAnythingIsSent();

private:
    void openWindow();
    void publish(const QString &version, const QString &file, const QByteArray &content);
    CompareDialog *openCompare(const QString &name, const QString &version);
    void compareAndWait(CompareDialog *dialog);
    FileComparison expected(const PackageTarget &left, const PackageTarget &right);
    static QList<QPair<QString, int>> rows(const QAbstractItemModel *model);
};

void TestCompareDialog::initTestCase()
{
    nameApplication(QStringLiteral("TestCompareDialog"));
}

void TestCompareDialog::init()
{
    prepareFolder();
}

void TestCompareDialog::cleanup()
{
    closeDemoWindow();
}

void TestCompareDialog::publish(const QString &version, const QString &file,
                                const QByteArray &content)
{
    publishDemoFile(kSeeded, version, file, content);
}

// The demo data plus kSeeded 1.0.0 → 2.0.0: same.txt the same, changed.txt changed,
// removed.txt removed and added.txt added.
void TestCompareDialog::openWindow()
{
    QVERIFY(m_sim.startDemo());
    publish(u"1.0.0"_s, u"same.txt"_s, "the same on both sides\n");
    publish(u"1.0.0"_s, u"changed.txt"_s, "before\n");
    publish(u"1.0.0"_s, u"removed.txt"_s, "only in 1.0.0\n");
    publish(u"2.0.0"_s, u"same.txt"_s, "the same on both sides\n");
    publish(u"2.0.0"_s, u"changed.txt"_s, "after, and longer\n");
    publish(u"2.0.0"_s, u"added.txt"_s, "only in 2.0.0\n");
    openDemoWindow();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProjectPath(), kProject, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->packagePane()->model()->versionsOf(kSeeded).size() == 2,
                             kTimeout);
}

// A right-click on the version's row, then Compare with… from the tree's context menu.
CompareDialog *TestCompareDialog::openCompare(const QString &name, const QString &version)
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
    for (QAction *action : packages->actions()) {
        if (action->objectName() == u"actionCompare"_s)
            action->trigger();
    }
    auto *dialog = m_window->findChild<CompareDialog *>(QStringLiteral("compareDialog"));
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

// Compare by keyboard: the button is the dialog's default, so Return in the version field
// presses it.
void TestCompareDialog::compareAndWait(CompareDialog *dialog)
{
    auto *version = dialog->findChild<QComboBox *>(QStringLiteral("compareVersion"));
    version->lineEdit()->setFocus();
    QTest::keyClick(version->lineEdit(), Qt::Key_Return);
    QVERIFY(dialog->isComparing());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isComparing(), kTimeout);
}

// What FileComparison makes of the two versions' files, fetched here through the API.
FileComparison TestCompareDialog::expected(const PackageTarget &left, const PackageTarget &right)
{
    Test::Session session(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
    std::optional<QList<FileFingerprint>> files[2];
    int side = 0;
    for (const PackageTarget &version : {left, right}) {
        session.api->existingVersionFiles(version.project, version.packageName, version.version,
                                          this, [&files, side](Result<VersionFiles> listed) {
                                              files[side] =
                                                  listed.ok()
                                                      ? FileFingerprint::servedBy(listed.value())
                                                      : QList<FileFingerprint>();
                                          });
        ++side;
    }
    if (!QTest::qWaitFor([&] { return files[0] && files[1]; }, kTimeout))
        return {};
    return FileComparison::compare(*files[0], *files[1]);
}

// (path, kind) of each row in the view's order.
QList<QPair<QString, int>> TestCompareDialog::rows(const QAbstractItemModel *model)
{
    QList<QPair<QString, int>> result;
    for (int row = 0; row < model->rowCount(); ++row)
        result.append({model->index(row, ComparisonTableModel::PathColumn).data().toString(),
                       model->index(row, 0).data(ComparisonTableModel::KindRole).toInt()});
    return result;
}

void TestCompareDialog::comparesTwoVersionsOfThePackage_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::newRow("hello-cli") << kHelloCli << u"1.2.0"_s << u"1.9.0"_s;
    QTest::newRow("every kind") << kSeeded << u"1.0.0"_s << u"2.0.0"_s;
}

void TestCompareDialog::comparesTwoVersionsOfThePackage()
{
    QFETCH(QString, name);
    QFETCH(QString, left);
    QFETCH(QString, right);
    openWindow();
    CompareDialog *dialog = openCompare(name, left);
    QVERIFY(dialog);
    QVERIFY(!dialog->isModal());
    QCOMPARE(dialog->left(), (PackageTarget{kProject, name, left, {}}));

    // The choice: the package's other versions, newest first, as the tree knows them.
    auto *version = dialog->findChild<QComboBox *>(QStringLiteral("compareVersion"));
    QStringList others = m_window->packagePane()->model()->versionsOf(name);
    others.removeOne(left);
    QStringList offered;
    for (int item = 0; item < version->count(); ++item)
        offered << version->itemText(item);
    QCOMPARE(offered, others);
    QCOMPARE(version->currentIndex(), 0);
    version->setCurrentText(right);
    QCOMPARE(dialog->right(), (PackageTarget{kProject, name, right, {}}));
    compareAndWait(dialog);

    const FileComparison wanted =
        expected(dialog->left(), PackageTarget{kProject, name, right, {}});
    QVERIFY(!wanted.entries().isEmpty());
    QVERIFY2(!wanted.isIdentical(), "the versions compared must differ");
    QList<QPair<QString, int>> wantedRows;
    for (const FileComparison::Entry &entry : wanted.entries())
        wantedRows.append({entry.path, int(entry.kind)});
    auto *table = dialog->findChild<QTableView *>(QStringLiteral("compareTable"));
    QCOMPARE(rows(table->model()), wantedRows);

    auto *status = dialog->findChild<QLabel *>(QStringLiteral("compareStatus"));
    QCOMPARE(status->text(),
             u"%1 changed, %2 added, %3 removed, %4 the same"_s.arg(wanted.count(Kind::Changed))
                 .arg(wanted.count(Kind::Added))
                 .arg(wanted.count(Kind::Removed))
                 .arg(wanted.count(Kind::Same)));
    // Sizes and checksums of both sides, cut short, the whole checksum in the tooltip.
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const FileComparison::Entry &entry = wanted.entries().at(row);
        const QModelIndex sha = table->model()->index(row, ComparisonTableModel::LeftSha256Column);
        if (entry.before) {
            QCOMPARE(sha.data().toString(), entry.before->sha256.left(12));
            QCOMPARE(sha.data(Qt::ToolTipRole).toString(), entry.before->sha256);
            QCOMPARE(table->model()
                         ->index(row, ComparisonTableModel::LeftSizeColumn)
                         .data(ComparisonTableModel::SortRole)
                         .toLongLong(),
                     entry.before->size);
        }
    }
}

// The published version pair, checked against what was published rather than against
// FileComparison: each path has the kind its content gives it, in text and colour.
void TestCompareDialog::marksEachKindByTextAndColour()
{
    openWindow();
    CompareDialog *dialog = openCompare(kSeeded, u"1.0.0"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->right().version, u"2.0.0"_s);
    compareAndWait(dialog);
    auto *table = dialog->findChild<QTableView *>(QStringLiteral("compareTable"));
    const QAbstractItemModel *model = table->model();
    const QHash<QString, QPair<QString, QVariant>> wanted{
        {u"added.txt"_s,
         {u"Added"_s,
          StatusColours::text(StatusColours::Meaning::Success, dialog->palette(), QPalette::Base)}},
        {u"changed.txt"_s,
         {u"Changed"_s,
          StatusColours::text(StatusColours::Meaning::Warning, dialog->palette(), QPalette::Base)}},
        {u"removed.txt"_s,
         {u"Removed"_s,
          StatusColours::text(StatusColours::Meaning::Error, dialog->palette(), QPalette::Base)}},
        {u"same.txt"_s, {u"Same"_s, QVariant()}}};
    QCOMPARE(model->rowCount(), wanted.size());
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString path = model->index(row, ComparisonTableModel::PathColumn).data().toString();
        QVERIFY2(wanted.contains(path), qPrintable(path));
        const QModelIndex state = model->index(row, ComparisonTableModel::StateColumn);
        QCOMPARE(state.data().toString(), wanted[path].first);
        QCOMPARE(state.data(Qt::ForegroundRole), wanted[path].second);
    }
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("compareStatus"));
    QCOMPARE(status->text(), u"1 changed, 1 added, 1 removed, 1 the same"_s);

    // A header click sorts: by the right side's size, the file only on the left comes first.
    QTest::mouseClick(table->horizontalHeader()->viewport(), Qt::LeftButton, {},
                      QPoint(table->horizontalHeader()->sectionViewportPosition(
                                 ComparisonTableModel::RightSizeColumn)
                                 + 5,
                             5));
    QCOMPARE(model->index(0, ComparisonTableModel::PathColumn).data().toString(), u"removed.txt"_s);
}

void TestCompareDialog::comparesWithAnotherProjectAndPackage()
{
    openWindow();
    CompareDialog *dialog = openCompare(kHelloCli, u"1.2.0"_s);
    QVERIFY(dialog);
    auto *other = dialog->findChild<QGroupBox *>(QStringLiteral("compareOtherPackage"));
    other->setChecked(true);
    dialog->findChild<QLineEdit *>(QStringLiteral("compareProject"))->setText(kToolsProject);
    dialog->findChild<QLineEdit *>(QStringLiteral("comparePackage"))->setText(u"toolbox"_s);
    dialog->findChild<QComboBox *>(QStringLiteral("compareVersion"))->setCurrentText(u"0.2.0"_s);
    const PackageTarget right{kToolsProject, u"toolbox"_s, u"0.2.0"_s, {}};
    QCOMPARE(dialog->right(), right);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("compareRight"))->text(),
             u"demo/tools toolbox 0.2.0"_s);
    compareAndWait(dialog);

    const FileComparison wanted = expected(dialog->left(), right);
    QVERIFY(!wanted.entries().isEmpty());
    QList<QPair<QString, int>> wantedRows;
    for (const FileComparison::Entry &entry : wanted.entries())
        wantedRows.append({entry.path, int(entry.kind)});
    QCOMPARE(rows(dialog->findChild<QTableView *>(QStringLiteral("compareTable"))->model()),
             wantedRows);
    QVERIFY(wanted.count(Kind::Added) > 0 && wanted.count(Kind::Removed) > 0);

    // Unticked, the other fields no longer count: the package's own versions are compared.
    other->setChecked(false);
    QCOMPARE(dialog->right().project, kProject);
    QCOMPARE(dialog->right().packageName, kHelloCli);
}

// Naming another package offers its versions, newest first; unticking it offers the left
// package's again, without the left version itself.
void TestCompareDialog::theVersionsOfTheOtherPackageAreOffered()
{
    openWindow();
    CompareDialog *dialog = openCompare(kHelloCli, u"1.2.0"_s);
    QVERIFY(dialog);
    auto *versions = dialog->findChild<QComboBox *>(QStringLiteral("compareVersion"));
    const auto offered = [versions] {
        QStringList items;
        for (int i = 0; i < versions->count(); ++i)
            items << versions->itemText(i);
        return items;
    };
    QVERIFY(offered().contains(u"1.9.0"_s));
    QVERIFY(!offered().contains(u"1.2.0"_s));

    auto *other = dialog->findChild<QGroupBox *>(QStringLiteral("compareOtherPackage"));
    other->setChecked(true);
    auto *project = dialog->findChild<QLineEdit *>(QStringLiteral("compareProject"));
    auto *package = dialog->findChild<QLineEdit *>(QStringLiteral("comparePackage"));
    project->setText(kToolsProject);
    Q_EMIT project->editingFinished();
    package->setText(u"toolbox"_s);
    Q_EMIT package->editingFinished();
    QTRY_VERIFY2_WITH_TIMEOUT(offered().contains(u"0.2.0"_s), qPrintable(offered().join(u", "_s)),
                              kTimeout);
    QVERIFY2(!offered().contains(u"1.9.0"_s), qPrintable(offered().join(u", "_s)));
    QStringList newestFirst = offered();
    std::sort(newestFirst.begin(), newestFirst.end(),
              [](const QString &a, const QString &b) { return VersionOrder::lessThan(b, a); });
    QCOMPARE(offered(), newestFirst);

    other->setChecked(false);
    QVERIFY(offered().contains(u"1.9.0"_s));
    QVERIFY(!offered().contains(u"0.2.0"_s));
    QVERIFY(!offered().contains(u"1.2.0"_s));
}

void TestCompareDialog::aVersionThatDoesNotExistIsSaidAndTheInputStays()
{
    openWindow();
    CompareDialog *dialog = openCompare(kHelloCli, u"1.2.0"_s);
    QVERIFY(dialog);
    auto *version = dialog->findChild<QComboBox *>(QStringLiteral("compareVersion"));
    version->setCurrentText(u"9.9.9"_s);
    QSignalSpy failed(dialog, &CompareDialog::failed);
    compareAndWait(dialog);
    QCOMPARE(failed.size(), 1);
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("compareStatus"));
    QVERIFY2(status->text().contains(u"9.9.9"_s) && status->text().contains(kHelloCli),
             qPrintable(status->text()));
    QVERIFY(status->text().startsWith(u"Could not compare"_s));
    QVERIFY(status->styleSheet().contains(u"color"_s));
    QCOMPARE(version->currentText(), u"9.9.9"_s);
    QCOMPARE(dialog->findChild<QTableView *>(QStringLiteral("compareTable"))->model()->rowCount(),
             0);

    // Fixed, the same dialog compares.
    version->setCurrentText(u"1.9.0"_s);
    compareAndWait(dialog);
    QVERIFY(dialog->findChild<QTableView *>(QStringLiteral("compareTable"))->model()->rowCount()
            > 0);
    QVERIFY(status->styleSheet().isEmpty());
}

void TestCompareDialog::invalidNamesAreRefusedBeforeAnythingIsSent()
{
    openWindow();
    CompareDialog *dialog = openCompare(kHelloCli, u"1.2.0"_s);
    QVERIFY(dialog);
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("compareButton"));
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("compareProblem"));
    QVERIFY(button->isEnabled());
    QVERIFY(problem->isHidden());

    auto *version = dialog->findChild<QComboBox *>(QStringLiteral("compareVersion"));
    version->setCurrentText(u"1..2"_s);
    QVERIFY(!button->isEnabled());
    QCOMPARE(problem->text(), *NameRules::versionProblem(u"1..2"_s));
    version->setCurrentText(u"1.9.0"_s);
    QVERIFY(button->isEnabled());

    dialog->findChild<QGroupBox *>(QStringLiteral("compareOtherPackage"))->setChecked(true);
    auto *project = dialog->findChild<QLineEdit *>(QStringLiteral("compareProject"));
    project->setText(u"no project"_s);
    QVERIFY(!button->isEnabled());
    QCOMPARE(problem->text(), *NameRules::projectProblem(u"no project"_s));
    dialog->compare();
    QVERIFY(!dialog->isComparing());
    project->setText(kToolsProject);
    dialog->findChild<QLineEdit *>(QStringLiteral("comparePackage"))->setText(u"tool box"_s);
    QCOMPARE(problem->text(), *NameRules::packageNameProblem(u"tool box"_s));
    QVERIFY(!button->isEnabled());
}

QTEST_MAIN(TestCompareDialog)
#include "TestCompareDialog.moc"
