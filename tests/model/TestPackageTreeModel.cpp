// PackageTreeModel with packages set directly (no server): grouping, version order, the
// hidden toggle, filters, look-ups, version suggestions and a 10,000-package build.

#include "ModelTestSupport.h"
#include "model/PackageTreeModel.h"

#include <QElapsedTimer>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;
using Stevedore::ModelTest::checkModel;
using Stevedore::ModelTest::package;

namespace {

// The demo project's packages, in the server's (creation) order, plus "lib", whose 1.0.1
// backport was published after 2.0.0.
// What a drag of a version row carries, and one that lacks the project and version.
const QByteArray kDraggedVersion =
    R"({"account":"a1","project":"demo/hello","name":"hello-cli","version":"1.10.0"})";
const QByteArray kDraggedWithoutVersion = R"({"account":"a1","name":"x"})";

QList<Package> demoPackages()
{
    return {
        package(1, u"hello-cli"_s, u"1.0.0"_s, u"2026-01-15T09:12:00Z"_s),
        package(2, u"hello-cli"_s, u"1.2.0"_s, u"2026-03-03T11:40:00Z"_s),
        package(3, u"hello-cli"_s, u"1.9.0"_s, u"2026-06-18T15:05:00Z"_s),
        package(4, u"installer"_s, u"3.1.0"_s, u"2026-07-07T17:00:00Z"_s),
        package(5, u"firmware"_s, u"0.9.0"_s, u"2026-08-01T07:00:00Z"_s, u"hidden"_s),
        package(6, u"hello-cli"_s, u"1.10.0"_s, u"2026-09-09T10:00:00Z"_s),
        package(7, u"hello-cli"_s, u"2.0.0-beta.2"_s, u"2026-10-12T08:30:00Z"_s),
        package(8, u"hello-cli"_s, u"2.0.0-rc.1"_s, u"2026-11-02T08:30:00Z"_s),
        package(9, u"website"_s, u"2026.11.0"_s, u"2026-11-05T13:00:00Z"_s),
        package(10, u"nightly"_s, u"2026.11.20"_s, u"2026-11-20T02:00:00Z"_s),
        package(11, u"nightly"_s, u"2026.11.21"_s, u"2026-11-21T02:00:00Z"_s),
        package(12, u"nightly"_s, u"20261122.1"_s, u"2026-11-22T02:00:00Z"_s),
        package(13, u"lib"_s, u"2.0.0"_s, u"2026-02-01T00:00:00Z"_s),
        package(14, u"lib"_s, u"1.0.0"_s, u"2026-01-01T00:00:00Z"_s),
        package(15, u"lib"_s, u"1.0.1"_s, u"2026-03-01T00:00:00Z"_s),
        package(16, u"lib"_s, u"3.0.0-rc.1"_s, u"2026-04-01T00:00:00Z"_s, u"hidden"_s),
    };
}

QStringList childTexts(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(parent); ++row)
        texts << model.index(row, 0, parent).data().toString();
    return texts;
}

QStringList topTexts(const QAbstractItemModel &model)
{
    return childTexts(model, {});
}

} // namespace

class TestPackageTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsByNameSortedByName();
    void versionsNewestFirstBySemver();
    void versionsNewestFirstByDate();
    void packageRowSummarisesItsVersions();
    void hiddenVersionsOnlyWhenAsked();
    void substringFilterMatchesNameOrVersion();
    void exactFilter();
    void indexForFindsShownRows();
    void versionsOfAndPackageNames();
    void rawRolesAndDisplayStrings();
    void noDetailsWithoutApi();
    void onlyVersionRowsAreDragged();
    void testerFollowsResetsFiltersAndOrders();
    void suggestNextVersion_data();
    void suggestNextVersion();
    void tenThousandPackages();
};

void TestPackageTreeModel::groupsByNameSortedByName()
{
    PackageTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPackages(demoPackages());
    QCOMPARE(topTexts(model),
             QStringList({u"hello-cli"_s, u"installer"_s, u"lib"_s, u"nightly"_s, u"website"_s}));
    QCOMPARE(model.columnCount(), int(PackageTreeModel::ColumnCount));
    QCOMPARE(model.packageCount(), 6);
    QCOMPARE(model.versionCount(), 16);
    checkModel(&model);
}

void TestPackageTreeModel::versionsNewestFirstBySemver()
{
    PackageTreeModel model;
    model.setPackages(demoPackages());
    QCOMPARE(model.versionOrder(), PackageTreeModel::BySemver);
    QCOMPARE(childTexts(model, model.indexFor(u"hello-cli"_s)),
             QStringList({u"2.0.0-rc.1"_s, u"2.0.0-beta.2"_s, u"1.10.0"_s, u"1.9.0"_s, u"1.2.0"_s,
                          u"1.0.0"_s}));
    QCOMPARE(childTexts(model, model.indexFor(u"nightly"_s)),
             QStringList({u"20261122.1"_s, u"2026.11.21"_s, u"2026.11.20"_s}));
    QCOMPARE(childTexts(model, model.indexFor(u"lib"_s)),
             QStringList({u"2.0.0"_s, u"1.0.1"_s, u"1.0.0"_s}));
    QVERIFY(model.indexFor(u"hello-cli"_s, u"1.10.0"_s).row()
            < model.indexFor(u"hello-cli"_s, u"1.9.0"_s).row());
}

void TestPackageTreeModel::versionsNewestFirstByDate()
{
    PackageTreeModel model;
    model.setPackages(demoPackages());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setVersionOrder(PackageTreeModel::ByDate);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(childTexts(model, model.indexFor(u"lib"_s)),
             QStringList({u"1.0.1"_s, u"2.0.0"_s, u"1.0.0"_s}));
    model.setVersionOrder(PackageTreeModel::BySemver);
    QCOMPARE(childTexts(model, model.indexFor(u"lib"_s)),
             QStringList({u"2.0.0"_s, u"1.0.1"_s, u"1.0.0"_s}));
}

void TestPackageTreeModel::packageRowSummarisesItsVersions()
{
    PackageTreeModel model;
    model.setPackages(demoPackages());
    const QModelIndex lib = model.indexFor(u"lib"_s);
    QCOMPARE(lib.data(PackageTreeModel::VersionCountRole).toInt(), 3);
    // The count has a column of its own; Status is a version's, not a package's.
    QCOMPARE(lib.siblingAtColumn(PackageTreeModel::VersionsColumn).data().toString(), u"3"_s);
    QVERIFY(lib.siblingAtColumn(PackageTreeModel::StatusColumn).data().toString().isEmpty());
    // The newest version's date: 1.0.1 was created last, though 2.0.0 is on top.
    QCOMPARE(lib.data(PackageTreeModel::CreatedRole).toDateTime(),
             QDateTime::fromString(u"2026-03-01T00:00:00Z"_s, Qt::ISODate));
    QVERIFY(!lib.siblingAtColumn(PackageTreeModel::CreatedColumn).data().toString().isEmpty());
    QCOMPARE(lib.data(PackageTreeModel::VersionRole).toString(), u"2.0.0"_s);
    QCOMPARE(lib.data(PackageTreeModel::IsPackageRole).toBool(), true);
    QCOMPARE(lib.data(PackageTreeModel::PackageIdRole).toLongLong(), 13);
}

void TestPackageTreeModel::hiddenVersionsOnlyWhenAsked()
{
    PackageTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPackages(demoPackages());
    QVERIFY(!model.indexFor(u"firmware"_s).isValid());
    QVERIFY(!model.indexFor(u"lib"_s, u"3.0.0-rc.1"_s).isValid());
    QCOMPARE(model.rowCount(), 5);

    model.setShowHidden(true);
    QVERIFY(model.showHidden());
    QCOMPARE(model.rowCount(), 6);
    const QModelIndex firmware = model.indexFor(u"firmware"_s);
    QVERIFY(firmware.isValid());
    QCOMPARE(firmware.data(PackageTreeModel::IsHiddenRole).toBool(), true);
    const QModelIndex version = model.indexFor(u"firmware"_s, u"0.9.0"_s);
    QCOMPARE(version.data(PackageTreeModel::IsHiddenRole).toBool(), true);
    QCOMPARE(version.data(PackageTreeModel::StatusRole).toString(), u"hidden"_s);
    QCOMPARE(version.siblingAtColumn(PackageTreeModel::StatusColumn).data().toString(),
             PackageTreeModel::statusDisplayName(u"hidden"_s));
    const QModelIndex lib = model.indexFor(u"lib"_s);
    QCOMPARE(childTexts(model, lib).first(), u"3.0.0-rc.1"_s);
    QCOMPARE(lib.data(PackageTreeModel::IsHiddenRole).toBool(), false);
    checkModel(&model);

    model.setShowHidden(false);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(childTexts(model, model.indexFor(u"lib"_s)).size(), 3);
}

void TestPackageTreeModel::substringFilterMatchesNameOrVersion()
{
    PackageTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPackages(demoPackages());

    model.setFilter(u"HELLO"_s);
    QCOMPARE(topTexts(model), QStringList({u"hello-cli"_s}));
    QCOMPARE(model.rowCount(model.index(0, 0)), 6); // a name match keeps every version

    model.setFilter(u"1.10"_s);
    QCOMPARE(topTexts(model), QStringList({u"hello-cli"_s}));
    QCOMPARE(childTexts(model, model.index(0, 0)), QStringList({u"1.10.0"_s}));

    model.setFilter(u"2026.11"_s);
    QCOMPARE(topTexts(model), QStringList({u"nightly"_s, u"website"_s}));
    QCOMPARE(childTexts(model, model.indexFor(u"nightly"_s)),
             QStringList({u"2026.11.21"_s, u"2026.11.20"_s}));

    model.setFilter(u"0.9"_s); // firmware 0.9.0 is hidden
    QCOMPARE(topTexts(model), QStringList());
    model.setShowHidden(true);
    QCOMPARE(topTexts(model), QStringList({u"firmware"_s}));
    checkModel(&model);

    model.setFilter({});
    QCOMPARE(model.rowCount(), 6);
}

void TestPackageTreeModel::exactFilter()
{
    PackageTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPackages(demoPackages());

    model.setFilter(u"hello"_s, true);
    QCOMPARE(model.rowCount(), 0);
    model.setFilter(u"hello-cli"_s, true);
    QVERIFY(model.filterIsExact());
    QCOMPARE(topTexts(model), QStringList({u"hello-cli"_s}));
    QCOMPARE(model.rowCount(model.index(0, 0)), 6);
    model.setFilter(u"HELLO-CLI"_s, true);
    QCOMPARE(model.rowCount(), 0);
    model.setFilter(u"1.0.0"_s, true);
    QCOMPARE(topTexts(model), QStringList({u"hello-cli"_s, u"lib"_s}));
    QCOMPARE(childTexts(model, model.indexFor(u"hello-cli"_s)), QStringList({u"1.0.0"_s}));
    QCOMPARE(childTexts(model, model.indexFor(u"lib"_s)), QStringList({u"1.0.0"_s}));
    checkModel(&model);
}

void TestPackageTreeModel::indexForFindsShownRows()
{
    PackageTreeModel model;
    model.setPackages(demoPackages());
    const QModelIndex nightly = model.indexFor(u"nightly"_s);
    QCOMPARE(nightly.data().toString(), u"nightly"_s);
    const QModelIndex version = model.indexFor(u"nightly"_s, u"2026.11.21"_s, 2);
    QCOMPARE(version.column(), 2);
    QCOMPARE(version.parent(), nightly);
    QCOMPARE(version.siblingAtColumn(0).data().toString(), u"2026.11.21"_s);
    QCOMPARE(model.packageAt(version)->id, 11);
    QVERIFY(!model.packageAt(nightly));
    QVERIFY(!model.indexFor(u"nope"_s).isValid());
    QVERIFY(!model.indexFor(u"nightly"_s, u"9.9.9"_s).isValid());
    model.setFilter(u"website"_s);
    QVERIFY(!model.indexFor(u"nightly"_s).isValid());
    QCOMPARE(model.indexFor(u"website"_s).row(), 0);
}

void TestPackageTreeModel::versionsOfAndPackageNames()
{
    PackageTreeModel model;
    model.setPackages(demoPackages());
    model.setFilter(u"website"_s); // look-ups ignore the filter and the hidden toggle
    QCOMPARE(model.versionsOf(u"lib"_s),
             QStringList({u"3.0.0-rc.1"_s, u"2.0.0"_s, u"1.0.1"_s, u"1.0.0"_s}));
    QCOMPARE(model.versionsOf(u"nope"_s), QStringList());
    QCOMPARE(model.packageNames(), QStringList({u"firmware"_s, u"hello-cli"_s, u"installer"_s,
                                                u"lib"_s, u"nightly"_s, u"website"_s}));
    QCOMPARE(PackageTreeModel::suggestNextVersion(model.versionsOf(u"hello-cli"_s)),
             u"2.0.0-rc.2"_s);
    QCOMPARE(PackageTreeModel::suggestNextVersion(model.versionsOf(u"nightly"_s)), u"20261122.2"_s);
}

void TestPackageTreeModel::rawRolesAndDisplayStrings()
{
    PackageTreeModel model;
    model.setPackages(demoPackages());
    const QModelIndex version = model.indexFor(u"hello-cli"_s, u"1.9.0"_s);
    QCOMPARE(version.data(PackageTreeModel::PackageIdRole).toLongLong(), 3);
    QCOMPARE(version.data(PackageTreeModel::NameRole).toString(), u"hello-cli"_s);
    QCOMPARE(version.data(PackageTreeModel::VersionRole).toString(), u"1.9.0"_s);
    QCOMPARE(version.data(PackageTreeModel::IsPackageRole).toBool(), false);
    QCOMPARE(version.data(PackageTreeModel::CreatedRole).metaType(),
             QMetaType::fromType<QDateTime>());
    QCOMPARE(version.data(PackageTreeModel::FileCountRole).toInt(), -1);
    QCOMPARE(version.data(PackageTreeModel::TotalSizeRole).toLongLong(), -1);
    QCOMPARE(
        PackageTreeModel::DetailsState(version.data(PackageTreeModel::DetailsStateRole).toInt()),
        PackageTreeModel::DetailsState::NotLoaded);
    // Sorting values: semantic rank for the version column, so 1.10.0 sorts above 1.9.0.
    const QModelIndex newer = model.indexFor(u"hello-cli"_s, u"1.10.0"_s);
    QVERIFY(newer.data(PackageTreeModel::SortRole).toInt()
            > version.data(PackageTreeModel::SortRole).toInt());
    QCOMPARE(version.siblingAtColumn(PackageTreeModel::CreatedColumn)
                 .data(PackageTreeModel::SortRole)
                 .toDateTime(),
             QDateTime::fromString(u"2026-06-18T15:05:00Z"_s, Qt::ISODate));
    QCOMPARE(version.siblingAtColumn(PackageTreeModel::StatusColumn).data().toString(),
             PackageTreeModel::statusDisplayName(u"default"_s));
    QVERIFY(version.siblingAtColumn(PackageTreeModel::FilesColumn).data().toString().isEmpty());
    QCOMPARE(model.headerData(PackageTreeModel::SizeColumn, Qt::Horizontal).toString(),
             PackageTreeModel::tr("Size"));
    QVERIFY(model.flags(version).testFlag(Qt::ItemNeverHasChildren));
    QVERIFY(model.roleNames().contains(PackageTreeModel::CreatedRole));
}

void TestPackageTreeModel::noDetailsWithoutApi()
{
    PackageTreeModel model;
    model.setPackages(demoPackages());
    const QModelIndex files =
        model.indexFor(u"hello-cli"_s, u"1.9.0"_s, PackageTreeModel::FilesColumn);
    QVERIFY(files.data().toString().isEmpty());
    model.fetchVersionDetails(files);
    QCOMPARE(files.data(PackageTreeModel::DetailsStateRole).toInt(),
             int(PackageTreeModel::DetailsState::NotLoaded));
}

// A version row can be dragged, a package row cannot; the drag names the version with its
// account (so a model without a connection has nothing to give), and anything else dropped
// is not a version.
void TestPackageTreeModel::onlyVersionRowsAreDragged()
{
    PackageTreeModel model;
    model.setPackages(demoPackages());
    const QModelIndex packageRow = model.indexFor(u"hello-cli"_s);
    const QModelIndex versionRow = model.indexFor(u"hello-cli"_s, u"1.10.0"_s);
    QVERIFY(!model.flags(packageRow).testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(model.flags(versionRow).testFlag(Qt::ItemIsDragEnabled));
    QCOMPARE(model.mimeTypes(), QStringList{PackageTreeModel::kVersionMimeType});
    QVERIFY(!model.mimeData({versionRow}));

    QMimeData dragged;
    dragged.setData(PackageTreeModel::kVersionMimeType, kDraggedVersion);
    const auto version = PackageTreeModel::draggedVersion(&dragged);
    QVERIFY(version);
    QCOMPARE(*version, (CopySide{u"a1"_s, {u"demo/hello"_s, u"hello-cli"_s, u"1.10.0"_s, {}}}));
    QMimeData incomplete;
    incomplete.setData(PackageTreeModel::kVersionMimeType, kDraggedWithoutVersion);
    QVERIFY(!PackageTreeModel::draggedVersion(&incomplete));
    QMimeData files;
    files.setUrls({QUrl::fromLocalFile(u"/tmp/a.txt"_s)});
    QVERIFY(!PackageTreeModel::draggedVersion(&files));
}

void TestPackageTreeModel::testerFollowsResetsFiltersAndOrders()
{
    PackageTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    model.setPackages(demoPackages());
    checkModel(&model);
    model.setVersionOrder(PackageTreeModel::ByDate);
    checkModel(&model);
    model.setFilter(u"1."_s);
    checkModel(&model);
    model.setShowHidden(true);
    checkModel(&model);
    model.setFilter(u"nothing matches this"_s);
    QCOMPARE(model.rowCount(), 0);
    checkModel(&model);
    model.setFilter({});
    model.setPackages(demoPackages().mid(0, 3));
    QCOMPARE(topTexts(model), QStringList({u"hello-cli"_s}));
    checkModel(&model);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    checkModel(&model);
    QCOMPARE(resets.count(), 8);
    QCOMPARE(inserts.count(), 0); // whole rebuilds only, never per-row signals
}

void TestPackageTreeModel::suggestNextVersion_data()
{
    QTest::addColumn<QStringList>("versions");
    QTest::addColumn<QString>("expected");
    QTest::newRow("patch") << QStringList({u"1.9.0"_s, u"1.10.0"_s, u"1.2.0"_s}) << u"1.10.1"_s;
    QTest::newRow("date") << QStringList({u"2026.11.20"_s, u"2026.11.21"_s}) << u"2026.11.22"_s;
    QTest::newRow("pre-release") << QStringList({u"2.0.0-beta.2"_s, u"2.0.0-rc.1"_s})
                                 << u"2.0.0-rc.2"_s;
    QTest::newRow("release beats pre-release")
        << QStringList({u"2.0.0-rc.1"_s, u"2.0.0"_s}) << u"2.0.1"_s;
    QTest::newRow("carry keeps width") << QStringList({u"1.09"_s}) << u"1.10"_s;
    QTest::newRow("all nines") << QStringList({u"1.99"_s}) << u"1.100"_s;
    QTest::newRow("build metadata dropped") << QStringList({u"1.2.3+build.7"_s}) << u"1.2.4"_s;
    QTest::newRow("trailing word") << QStringList({u"7-final"_s}) << u"8-final"_s;
    QTest::newRow("no numbers") << QStringList({u"latest"_s}) << u"latest.1"_s;
    QTest::newRow("huge number") << QStringList({u"99999999999999999999"_s})
                                 << u"100000000000000000000"_s;
    QTest::newRow("empty") << QStringList() << u"1.0.0"_s;
}

void TestPackageTreeModel::suggestNextVersion()
{
    QFETCH(QStringList, versions);
    QFETCH(QString, expected);
    QCOMPARE(PackageTreeModel::suggestNextVersion(versions), expected);
}

void TestPackageTreeModel::tenThousandPackages()
{
    // 2,500 names × 4 versions; every 7th version hidden; versions that sort wrongly as text.
    QList<Package> packages;
    packages.reserve(10000);
    const QDateTime start = QDateTime::fromString(u"2025-01-01T00:00:00Z"_s, Qt::ISODate);
    qint64 id = 1;
    int hidden = 0;
    for (int version = 0; version < 4; ++version) {
        for (int name = 0; name < 2500; ++name) {
            const bool isHidden = id % 7 == 0;
            hidden += isHidden ? 1 : 0;
            packages.append(package(id, u"pkg-%1"_s.arg(name, 4, 10, QLatin1Char('0')),
                                    u"1.%1.0"_s.arg(version * 9 + 1), // 1.1.0 1.10.0 1.19.0 …
                                    start.addSecs(id * 60).toString(Qt::ISODate),
                                    isHidden ? u"hidden"_s : u"default"_s));
            ++id;
        }
    }

    PackageTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QElapsedTimer clock;
    clock.start();
    model.setPackages(packages);
    qInfo("PackageTreeModel: built 10,000 packages in %lld ms", clock.elapsed());
    QCOMPARE(inserts.count(), 0);
    QCOMPARE(model.versionCount(), 10000);
    QCOMPARE(model.packageCount(), 2500);
    QCOMPARE(model.rowCount(), 2500); // no name has all four versions hidden
    int shown = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        shown += model.rowCount(model.index(row, 0));
    QCOMPARE(shown, 10000 - hidden);
    QCOMPARE(model.index(0, 0).data().toString(), u"pkg-0000"_s);
    QCOMPARE(childTexts(model, model.index(0, 0)).first(), u"1.28.0"_s);
    QCOMPARE(childTexts(model, model.index(0, 0)).last(), u"1.1.0"_s);

    clock.restart();
    model.setShowHidden(true);
    qInfo("PackageTreeModel: hidden toggle over 10,000 packages in %lld ms", clock.elapsed());
    shown = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        shown += model.rowCount(model.index(row, 0));
    QCOMPARE(shown, 10000);

    clock.restart();
    model.setFilter(u"pkg-12"_s);
    qInfo("PackageTreeModel: substring filter over 10,000 packages in %lld ms", clock.elapsed());
    QCOMPARE(model.rowCount(), 100); // pkg-1200 … pkg-1299
    clock.restart();
    model.setFilter(u"1.19.0"_s, true);
    qInfo("PackageTreeModel: exact filter over 10,000 packages in %lld ms", clock.elapsed());
    QCOMPARE(model.rowCount(), 2500);
    QCOMPARE(model.rowCount(model.index(0, 0)), 1);

    clock.restart();
    model.setFilter({});
    model.setVersionOrder(PackageTreeModel::ByDate);
    qInfo("PackageTreeModel: reorder 10,000 packages by date in %lld ms", clock.elapsed());
    QCOMPARE(childTexts(model, model.index(0, 0)).first(), u"1.28.0"_s);

    clock.restart();
    checkModel(&model);
    qInfo("PackageTreeModel: full model tester pass over 10,000 packages in %lld ms",
          clock.elapsed());
}

QTEST_GUILESS_MAIN(TestPackageTreeModel)
#include "TestPackageTreeModel.moc"
