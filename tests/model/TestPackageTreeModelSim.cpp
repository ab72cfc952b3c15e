// PackageTreeModel against gitlab-sim: the demo project (semantic order, hidden firmware,
// lazy version details) and a generated 10,000-package project.

#include "Fixture.h"
#include "ModelTestSupport.h"
#include "SimServer.h"
#include "model/PackageTreeModel.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace Stevedore::ModelTest;
using stevedore::test::Fixture;
using stevedore::test::SimServer;

class TestPackageTreeModelSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void loadsDemoProject();
    void semverPutsOneTenAboveOneNine();
    void hiddenFirmwareToggles();
    void filtersDemoPackages();
    void detailsOnRequest();
    void detailsWhenShownOnly();
    void hiddenVersionDetailsFail();
    void reloadAndProjectSwitch();
    void unknownProjectReportsError();
    void tenThousandPackagesFromServer();

private:
    void loadDemo(PackageTreeModel &model);

    std::unique_ptr<SimServer> m_demo;
    std::unique_ptr<Session> m_session;
};

void TestPackageTreeModelSim::initTestCase()
{
    m_demo = std::make_unique<SimServer>(SimServer::Options().withDemo());
    QVERIFY2(m_demo->start(), qPrintable(m_demo->errorString()));
    m_session = std::make_unique<Session>(m_demo->baseUrl());
}

void TestPackageTreeModelSim::cleanup()
{
    if (m_demo)
        m_demo->reportIfFailed();
}

void TestPackageTreeModelSim::loadDemo(PackageTreeModel &model)
{
    QSignalSpy loaded(&model, &PackageTreeModel::loaded);
    model.load(m_session->api.get(), kProject);
    QVERIFY(model.loading());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QVERIFY(!model.loading());
    QVERIFY(!model.lastError().isError());
}

void TestPackageTreeModelSim::loadsDemoProject()
{
    PackageTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy loading(&model, &PackageTreeModel::loadingChanged);
    loadDemo(model);
    QCOMPARE(loading.count(), 2);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, 0).data().toString();
    QCOMPARE(names, QStringList({u"hello-cli"_s, u"installer"_s, u"nightly"_s, u"website"_s}));
    QCOMPARE(model.packageNames(), QStringList({u"firmware"_s, u"hello-cli"_s, u"installer"_s,
                                                u"nightly"_s, u"website"_s}));
    QCOMPARE(model.versionCount(), 12);
    QCOMPARE(model.rowCount(model.indexFor(u"hello-cli"_s)), 6);
    checkModel(&model);
}

void TestPackageTreeModelSim::semverPutsOneTenAboveOneNine()
{
    PackageTreeModel model;
    loadDemo(model);
    const QModelIndex newer = model.indexFor(u"hello-cli"_s, u"1.10.0"_s);
    const QModelIndex older = model.indexFor(u"hello-cli"_s, u"1.9.0"_s);
    QVERIFY(newer.isValid());
    QVERIFY(older.isValid());
    QVERIFY(newer.row() < older.row());
    QCOMPARE(model.index(0, 0, model.indexFor(u"hello-cli"_s)).data().toString(), u"2.0.0-rc.1"_s);
    QCOMPARE(model.versionsOf(u"nightly"_s).first(), u"20261122.1"_s);
    QCOMPARE(PackageTreeModel::suggestNextVersion(model.versionsOf(u"hello-cli"_s)),
             u"2.0.0-rc.2"_s);
}

void TestPackageTreeModelSim::hiddenFirmwareToggles()
{
    PackageTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    loadDemo(model);
    QVERIFY(!model.indexFor(u"firmware"_s).isValid());
    model.setShowHidden(true);
    const QModelIndex firmware = model.indexFor(u"firmware"_s, u"0.9.0"_s);
    QVERIFY(firmware.isValid());
    QVERIFY(firmware.data(PackageTreeModel::IsHiddenRole).toBool());
    QCOMPARE(model.rowCount(), 5);
    checkModel(&model);
    model.setShowHidden(false);
    QVERIFY(!model.indexFor(u"firmware"_s).isValid());
    QCOMPARE(model.rowCount(), 4);
}

void TestPackageTreeModelSim::filtersDemoPackages()
{
    PackageTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    loadDemo(model);
    model.setFilter(u"NIGHT"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.index(0, 0)), 3);
    model.setFilter(u"1.9"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0, model.index(0, 0)).data().toString(), u"1.9.0"_s);
    model.setFilter(u"nightly"_s, true);
    QCOMPARE(model.rowCount(), 1);
    model.setFilter(u"night"_s, true);
    QCOMPARE(model.rowCount(), 0);
    model.setFilter(u"2026.11.0"_s, true);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"website"_s);
    checkModel(&model);
}

void TestPackageTreeModelSim::detailsOnRequest()
{
    PackageTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setAutoFetchDetails(false);
    loadDemo(model);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex version = model.indexFor(u"hello-cli"_s, u"1.9.0"_s);
    QVERIFY(version.siblingAtColumn(PackageTreeModel::FilesColumn).data().toString().isEmpty());
    QCOMPARE(version.data(PackageTreeModel::DetailsStateRole).toInt(),
             int(PackageTreeModel::DetailsState::NotLoaded));

    model.fetchVersionDetails(version);
    QCOMPARE(version.data(PackageTreeModel::DetailsStateRole).toInt(),
             int(PackageTreeModel::DetailsState::Loading));
    QTRY_COMPARE_WITH_TIMEOUT(version.data(PackageTreeModel::DetailsStateRole).toInt(),
                              int(PackageTreeModel::DetailsState::Loaded), kTimeoutMs);
    // Two uploads of the tarball and the changelog.
    QCOMPARE(version.data(PackageTreeModel::FileCountRole).toInt(), 3);
    const qint64 size = version.data(PackageTreeModel::TotalSizeRole).toLongLong();
    QVERIFY2(size > 2213004 + 2213019, qPrintable(QString::number(size)));
    QCOMPARE(version.siblingAtColumn(PackageTreeModel::FilesColumn).data().toString(),
             QLocale().toString(3));
    QCOMPARE(version.siblingAtColumn(PackageTreeModel::SizeColumn).data().toString(),
             QLocale().formattedDataSize(size));
    QVERIFY(changed.count() >= 1);
    const auto last = changed.last();
    QCOMPARE(last.at(0).toModelIndex(), version.siblingAtColumn(PackageTreeModel::FilesColumn));
    QCOMPARE(last.at(1).toModelIndex(), version.siblingAtColumn(PackageTreeModel::SizeColumn));

    // Already there: no second request, unless forced.
    const int before = changed.count();
    model.fetchVersionDetails(version);
    QCOMPARE(changed.count(), before);
    model.fetchVersionDetails(version, true);
    QTRY_COMPARE_WITH_TIMEOUT(version.data(PackageTreeModel::DetailsStateRole).toInt(),
                              int(PackageTreeModel::DetailsState::Loaded), kTimeoutMs);
}

void TestPackageTreeModelSim::detailsWhenShownOnly()
{
    PackageTreeModel model;
    loadDemo(model);
    const QModelIndex website = model.indexFor(u"website"_s, u"2026.11.0"_s);
    // Sorting values and other roles never fetch; the display of a Files cell does.
    website.siblingAtColumn(PackageTreeModel::FilesColumn).data(PackageTreeModel::SortRole);
    website.siblingAtColumn(PackageTreeModel::NameColumn).data();
    QCOMPARE(website.data(PackageTreeModel::DetailsStateRole).toInt(),
             int(PackageTreeModel::DetailsState::NotLoaded));
    website.siblingAtColumn(PackageTreeModel::SizeColumn).data();
    QCOMPARE(website.data(PackageTreeModel::DetailsStateRole).toInt(),
             int(PackageTreeModel::DetailsState::Loading));
    QTRY_COMPARE_WITH_TIMEOUT(website.data(PackageTreeModel::FileCountRole).toInt(), 4, kTimeoutMs);
    // Nothing else was fetched.
    int fetched = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex package = model.index(row, 0);
        for (int child = 0; child < model.rowCount(package); ++child) {
            if (model.index(child, 0, package).data(PackageTreeModel::DetailsStateRole).toInt()
                != int(PackageTreeModel::DetailsState::NotLoaded))
                ++fetched;
        }
    }
    QCOMPARE(fetched, 1);
}

void TestPackageTreeModelSim::hiddenVersionDetailsFail()
{
    PackageTreeModel model;
    loadDemo(model);
    model.setShowHidden(true);
    const QModelIndex firmware = model.indexFor(u"firmware"_s, u"0.9.0"_s);
    model.fetchVersionDetails(firmware);
    QTRY_COMPARE_WITH_TIMEOUT(firmware.data(PackageTreeModel::DetailsStateRole).toInt(),
                              int(PackageTreeModel::DetailsState::Failed), kTimeoutMs);
    QVERIFY(!firmware.data(PackageTreeModel::DetailsErrorRole).toString().isEmpty());
    QCOMPARE(firmware.data(PackageTreeModel::FileCountRole).toInt(), -1);
}

void TestPackageTreeModelSim::reloadAndProjectSwitch()
{
    PackageTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    loadDemo(model);
    QSignalSpy loaded(&model, &PackageTreeModel::loaded);
    model.reload();
    QCOMPARE(model.rowCount(), 4); // kept while reloading the same project
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QCOMPARE(model.rowCount(), 4);

    model.load(m_session->api.get(), u"demo/tools"_s);
    QCOMPARE(model.rowCount(), 0); // another project: the old one's packages go at once
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, kTimeoutMs);
    QCOMPARE(model.packageNames(), QStringList({u"toolbox"_s}));
    QCOMPARE(model.versionsOf(u"toolbox"_s), QStringList({u"0.2.0"_s, u"0.1.0"_s}));
    checkModel(&model);

    // A load overtaken by another never lands.
    model.load(m_session->api.get(), kProject);
    model.load(m_session->api.get(), u"demo/platform/agent"_s);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 3, kTimeoutMs);
    QTest::qWait(200);
    QCOMPARE(loaded.count(), 3);
    QCOMPARE(model.packageNames(), QStringList({u"agent"_s}));
}

void TestPackageTreeModelSim::unknownProjectReportsError()
{
    PackageTreeModel model;
    QSignalSpy errors(&model, &PackageTreeModel::errorOccurred);
    model.load(m_session->api.get(), u"demo/nope"_s);
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, kTimeoutMs);
    QCOMPARE(errors.first().first().value<ApiError>().kind(), ApiError::Kind::NotFound);
    QCOMPARE(model.lastError().kind(), ApiError::Kind::NotFound);
    QVERIFY(!model.loading());
    QCOMPARE(model.rowCount(), 0);
}

void TestPackageTreeModelSim::tenThousandPackagesFromServer()
{
    // 2,000 names × 5 versions (1.9.0 and 1.10.0 among them); every 10th name's 1.10.0 is
    // hidden, and name 0 has only a hidden version.
    Fixture fixture;
    fixture.addUser(u"dev"_s).addPersonalToken(u"pat-dev"_s, u"dev"_s);
    fixture.addProject(1, u"big/registry"_s, u"private"_s, {{u"dev"_s, u"maintainer"_s}});
    const QStringList versions{u"1.0.0"_s, u"1.2.0"_s, u"1.9.0"_s, u"1.10.0"_s, u"2.0.0-rc.1"_s};
    int count = 0;
    for (int name = 0; name < 2000; ++name) {
        const QString packageName = u"component-%1"_s.arg(name, 4, 10, QLatin1Char('0'));
        for (int v = 0; v < versions.size(); ++v) {
            const bool hidden = (name == 0) || (name % 10 == 0 && v == 3);
            fixture.addPackage(u"big/registry"_s, packageName, versions.at(v), {},
                               {{u"status"_s, hidden ? u"hidden"_s : u"default"_s},
                                {u"created_at"_s, QDateTime::fromSecsSinceEpoch(
                                                      1767225600 + qint64(count) * 60, Qt::UTC)
                                                      .toString(Qt::ISODateWithMs)}});
            ++count;
        }
    }
    QCOMPARE(count, 10000);
    SimServer sim(SimServer::Options()
                      .withFixture(fixture.toJson())
                      .withStartTimeout(std::chrono::seconds(60)));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Session session(sim.baseUrl(), u"pat-dev"_s);

    PackageTreeModel model;
    // Attached while the model is built and reshaped; the details part below changes single
    // cells only, which checkModel() looks at once at the end (a tester kept attached would walk
    // 10,000 rows again for each of those changes).
    auto tester = std::make_unique<QAbstractItemModelTester>(
        &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy loaded(&model, &PackageTreeModel::loaded);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QElapsedTimer clock;
    clock.start();
    model.load(session.api.get(), u"big/registry"_s);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 120000);
    qInfo("PackageTreeModel: fetched and built 10,000 packages from gitlab-sim in %lld ms",
          clock.elapsed());
    QVERIFY(!model.lastError().isError());
    QCOMPARE(inserts.count(), 0);
    QCOMPARE(changes.count(), 0);
    QCOMPARE(model.versionCount(), 10000);
    QCOMPARE(model.packageCount(), 2000);
    QCOMPARE(model.rowCount(), 1999); // component-0000 has only a hidden version
    QVERIFY(!model.indexFor(u"component-0000"_s).isValid());
    QCOMPARE(model.rowCount(model.indexFor(u"component-0010"_s)), 4);
    QCOMPARE(model.rowCount(model.indexFor(u"component-0011"_s)), 5);
    const QModelIndex parent = model.indexFor(u"component-0011"_s);
    QCOMPARE(model.index(0, 0, parent).data().toString(), u"2.0.0-rc.1"_s);
    QVERIFY(model.indexFor(u"component-0011"_s, u"1.10.0"_s).row()
            < model.indexFor(u"component-0011"_s, u"1.9.0"_s).row());

    clock.restart();
    model.setShowHidden(true);
    qInfo("PackageTreeModel: hidden toggle over 10,000 packages in %lld ms", clock.elapsed());
    QCOMPARE(model.rowCount(), 2000);
    QCOMPARE(model.rowCount(model.indexFor(u"component-0010"_s)), 5);

    clock.restart();
    model.setFilter(u"component-01"_s);
    qInfo("PackageTreeModel: substring filter over 10,000 packages in %lld ms", clock.elapsed());
    QCOMPARE(model.rowCount(), 100);
    model.setFilter(u"1.10.0"_s, true);
    QCOMPARE(model.rowCount(), 2000);
    QCOMPARE(model.rowCount(model.index(5, 0)), 1);
    model.setFilter(u"COMPONENT-1999"_s);
    QCOMPARE(model.rowCount(), 1);
    model.setFilter({});

    tester.reset();

    // Details are fetched only for what is asked for.
    const QModelIndex one =
        model.indexFor(u"component-1234"_s, u"1.2.0"_s, PackageTreeModel::FilesColumn);
    one.data();
    QTRY_COMPARE_WITH_TIMEOUT(one.data(PackageTreeModel::DetailsStateRole).toInt(),
                              int(PackageTreeModel::DetailsState::Loaded), kTimeoutMs);
    QCOMPARE(one.data(PackageTreeModel::FileCountRole).toInt(), 0);
    QCOMPARE(changes.count(), 1);

    // A view asking for 1,000 rows at once (a long jump): only the most recent 256 are
    // fetched, four requests at a time; the others are asked for again if shown again.
    QList<QPersistentModelIndex> asked;
    for (int row = 0; asked.size() < 1000; ++row) {
        const QModelIndex package = model.index(row, 0);
        for (int child = 0; child < model.rowCount(package) && asked.size() < 1000; ++child)
            asked << model.index(child, PackageTreeModel::SizeColumn, package);
    }
    for (const QPersistentModelIndex &index : std::as_const(asked))
        index.data();
    const auto countIn = [&](PackageTreeModel::DetailsState state) {
        int matching = 0;
        for (const QPersistentModelIndex &index : std::as_const(asked))
            matching += index.data(PackageTreeModel::DetailsStateRole).toInt() == int(state);
        return matching;
    };
    QCOMPARE(countIn(PackageTreeModel::DetailsState::Loading), 256);
    QTRY_COMPARE_WITH_TIMEOUT(countIn(PackageTreeModel::DetailsState::Loading), 0, kTimeoutMs);
    // Hidden versions (shown, since the toggle is on) answer 404: Failed.
    QCOMPARE(countIn(PackageTreeModel::DetailsState::Loaded)
                 + countIn(PackageTreeModel::DetailsState::Failed),
             256);
    QCOMPARE(asked.last().data(PackageTreeModel::DetailsStateRole).toInt(),
             int(PackageTreeModel::DetailsState::Loaded));
    QCOMPARE(asked.first().data(PackageTreeModel::DetailsStateRole).toInt(),
             int(PackageTreeModel::DetailsState::NotLoaded));
    checkModel(&model);
    QCOMPARE(sim.stop(), 0);
}

QTEST_GUILESS_MAIN(TestPackageTreeModelSim)
#include "TestPackageTreeModelSim.moc"
