// ProjectListModel against gitlab-sim with 120 member projects: lazy paging (50 per page),
// search, pinned projects opened by path or id, and deploy and job tokens (which GitLab's
// project API ignores).

#include "Fixture.h"
#include "ModelTestSupport.h"
#include "SimServer.h"
#include "model/ProjectListModel.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace Stevedore::ModelTest;
using stevedore::test::Fixture;
using stevedore::test::SimServer;

class TestProjectListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void pagesLazilyUntilAll();
    void testerPagesThroughEverything();
    void searchRestarts();
    void staleAnswersAreDropped();
    void openProjectPinsIt();
    void openingSurvivesANewSearch();
    void openUnknownProjectReportsError();
    void deployTokenCannotListButCanOpen();
    void jobTokenOpensByIdOrPathWithoutTheProjectApi();
    void setApiResets();

private:
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<Session> m_session;
};

void TestProjectListModel::initTestCase()
{
    Fixture fixture;
    fixture.addUser(u"dev"_s).addUser(u"boss"_s);
    fixture.addPersonalToken(u"pat-dev"_s, u"dev"_s);
    for (int i = 0; i < 120; ++i) {
        fixture.addProject(100 + i, u"team/proj-%1"_s.arg(i, 3, 10, QLatin1Char('0')), u"private"_s,
                           {{u"dev"_s, u"developer"_s}});
    }
    fixture.addProject(500, u"other/public-tools"_s, u"public"_s, {{u"boss"_s, u"owner"_s}});
    fixture.addProject(501, u"other/secret"_s, u"private"_s, {{u"boss"_s, u"owner"_s}});
    fixture.addDeployToken(u"gldt-team"_s, u"team/proj-007"_s, {u"read_package_registry"_s});
    fixture.addJobToken(u"glcbt-team"_s, u"dev"_s, u"team/proj-007"_s, 9001, 8001);
    m_sim = std::make_unique<SimServer>(SimServer::Options().withFixture(fixture.toJson()));
    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    m_session = std::make_unique<Session>(m_sim->baseUrl(), u"pat-dev"_s);
}

void TestProjectListModel::cleanup()
{
    if (m_sim)
        m_sim->reportIfFailed();
}

void TestProjectListModel::pagesLazilyUntilAll()
{
    // No tester attached while paging: QAbstractItemModelTester calls fetchMore() on every
    // change, as a view scrolled to the end would (see testerPagesThroughEverything).
    ProjectListModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(!model.canFetchMore({}));
    model.setApi(m_session->api.get());
    QVERIFY(model.loading());
    QVERIFY(!model.canFetchMore({})); // nothing more while a page is on its way
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 50, kTimeoutMs);
    QVERIFY(!model.loading());
    QVERIFY(model.canFetchMore({}));
    QTest::qWait(200);
    QCOMPARE(model.rowCount(), 50); // nothing more until asked

    model.fetchMore({});
    model.fetchMore({}); // ignored: the page is already on its way
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 100, kTimeoutMs);
    QVERIFY(!model.loading());
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 120, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), kTimeoutMs);
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});
    QTest::qWait(100);
    QCOMPARE(model.rowCount(), 120);
    QCOMPARE(inserted.count(), 3);

    QSet<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        ids.insert(index.data(ProjectListModel::IdRole).toLongLong());
        QVERIFY(index.data(ProjectListModel::PathRole).toString().startsWith(u"team/proj-"_s));
        QVERIFY(!index.data().toString().isEmpty());
    }
    QCOMPARE(ids.size(), 120);
    const int row = model.rowOfPath(u"TEAM/proj-042"_s);
    QVERIFY(row >= 0);
    const QModelIndex index = model.index(row);
    QCOMPARE(index.data(ProjectListModel::IdRole).toLongLong(), 142);
    QCOMPARE(index.data(ProjectListModel::AccessLevelRole).toInt(), 30);
    QCOMPARE(ProjectListModel::accessLevelName(30), ProjectListModel::tr("Developer"));
    QCOMPARE(index.data(ProjectListModel::DescriptionRole).toString(),
             u"Test project team/proj-042"_s);
    QCOMPARE(index.data(ProjectListModel::NameRole).toString(), u"proj-042"_s);
    // The second column: the last activity, shown as a date and sorted as a time.
    const QDateTime activity = index.data(ProjectListModel::LastActivityRole).toDateTime();
    QVERIFY(activity.isValid());
    const QModelIndex activityCell = index.siblingAtColumn(ProjectListModel::ActivityColumn);
    QCOMPARE(activityCell.data(ProjectListModel::SortRole).toDateTime(), activity);
    QCOMPARE(activityCell.data().toString(),
             QLocale().toString(activity.toLocalTime().date(), QLocale::ShortFormat));
    QCOMPARE(index.data(ProjectListModel::SortRole).toString(), index.data().toString());
    QCOMPARE(index.data(ProjectListModel::IsPinnedRole).toBool(), false);
    QCOMPARE(model.project(row).id, 142);
    QCOMPARE(model.rowOfId(142), row);
    checkModel(&model);
}

void TestProjectListModel::testerPagesThroughEverything()
{
    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setApi(m_session->api.get());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 120, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), kTimeoutMs);
    QVERIFY(!model.canFetchMore({}));
    checkModel(&model);
}

void TestProjectListModel::searchRestarts()
{
    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setApi(m_session->api.get());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 120, kTimeoutMs);
    QSignalSpy searchChanged(&model, &ProjectListModel::searchChanged);
    model.setSearch(u"proj-11"_s);
    QCOMPARE(searchChanged.count(), 1);
    QCOMPARE(model.search(), u"proj-11"_s);
    QCOMPARE(model.rowCount(), 0); // restarted
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 10, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), kTimeoutMs);
    QVERIFY(!model.canFetchMore({}));
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(
            model.index(row).data(ProjectListModel::PathRole).toString().contains(u"proj-11"_s));
    model.setSearch(u"  proj-11 "_s); // the same search: nothing happens
    QCOMPARE(searchChanged.count(), 1);
    QCOMPARE(model.rowCount(), 10);

    model.setSearch(u"no such project"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), kTimeoutMs);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    checkModel(&model);

    model.setSearch({});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 120, kTimeoutMs);
}

void TestProjectListModel::staleAnswersAreDropped()
{
    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setApi(m_session->api.get());
    model.setSearch(u"proj-0"_s);
    model.setSearch(u"proj-119"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), kTimeoutMs);
    QTest::qWait(300);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(ProjectListModel::PathRole).toString(), u"team/proj-119"_s);
}

void TestProjectListModel::openProjectPinsIt()
{
    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setApi(m_session->api.get());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 120, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), kTimeoutMs);
    QSignalSpy opened(&model, &ProjectListModel::projectOpened);
    model.openProject(u"other/public-tools"_s);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, kTimeoutMs);
    QCOMPARE(opened.first().first().toInt(), 0);
    QCOMPARE(model.rowCount(), 121);
    const QModelIndex pinned = model.index(0);
    QCOMPARE(pinned.data(ProjectListModel::PathRole).toString(), u"other/public-tools"_s);
    QCOMPARE(pinned.data(ProjectListModel::IsPinnedRole).toBool(), true);
    QCOMPARE(pinned.data(ProjectListModel::IdRole).toLongLong(), 500);

    // By id (142 is team/proj-042), a project already listed: pinned, not listed twice.
    model.openProject(u"142"_s);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, kTimeoutMs);
    QCOMPARE(model.index(opened.last().first().toInt()).data(ProjectListModel::IdRole).toLongLong(),
             142);
    int copies = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        copies += model.index(row).data(ProjectListModel::IdRole).toLongLong() == 142 ? 1 : 0;
    QCOMPARE(copies, 1);

    // Pinned projects survive a search when they match it, and the listing skips them.
    model.setSearch(u"public"_s);
    QCOMPARE(model.rowCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), kTimeoutMs);
    QCOMPARE(model.rowCount(), 1);
    model.setSearch(u"proj-04"_s);
    QCOMPARE(model.rowCount(), 1); // proj-042, pinned
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 10, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), kTimeoutMs);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(0).data(ProjectListModel::IdRole).toLongLong(), 142);
    checkModel(&model);

    Project manual;
    manual.id = 999;
    manual.pathWithNamespace = u"elsewhere/manual"_s;
    manual.name = u"manual"_s;
    model.setSearch({});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 121, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), kTimeoutMs);
    QCOMPARE(model.index(0).data(ProjectListModel::IdRole).toLongLong(), 500);
    QCOMPARE(model.index(1).data(ProjectListModel::IdRole).toLongLong(), 142);
    QCOMPARE(model.addProject(manual), 2);
    QCOMPARE(model.index(2).data().toString(), u"elsewhere/manual"_s);
}

void TestProjectListModel::openingSurvivesANewSearch()
{
    ProjectListModel model;
    model.setApi(m_session->api.get());
    QSignalSpy opened(&model, &ProjectListModel::projectOpened);
    model.openProject(u"other/public-tools"_s);
    QVERIFY(model.loading());
    model.setSearch(u"tools"_s); // restarts the listing, not the lookup
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), kTimeoutMs);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(ProjectListModel::IdRole).toLongLong(), 500);
}

void TestProjectListModel::openUnknownProjectReportsError()
{
    ProjectListModel model;
    model.setApi(m_session->api.get());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 50, kTimeoutMs);
    QSignalSpy errors(&model, &ProjectListModel::errorOccurred);
    model.openProject(u"other/secret"_s); // private, not a member: 404
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, kTimeoutMs);
    QCOMPARE(errors.first().first().value<ApiError>().kind(), ApiError::Kind::NotFound);
    QCOMPARE(model.rowCount(), 50);
}

void TestProjectListModel::deployTokenCannotListButCanOpen()
{
    Test::Session deploy(m_sim->baseUrl(), CredentialKind::DeployToken, u"gldt-team"_s);
    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy errors(&model, &ProjectListModel::errorOccurred);
    model.setApi(deploy.api.get());
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), kTimeoutMs);
    QCOMPARE(model.rowCount(), 0);
    if (errors.count() > 0) {
        QVERIFY(model.lastError().isError());
        QVERIFY(!model.canFetchMore({})); // no retry loop from a view's fetchMore()
    }
    // GitLab's project API treats a deploy token as anonymous, and team/proj-007 is private:
    // the project is pinned by the path given, without asking.
    QSignalSpy opened(&model, &ProjectListModel::projectOpened);
    model.openProject(u" team/proj-007 "_s);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().first().toInt(), 0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(ProjectListModel::PathRole).toString(), u"team/proj-007"_s);
    QCOMPARE(model.index(0).data(ProjectListModel::IdRole).toLongLong(), 0);
    QCOMPARE(model.index(0).data().toString(), u"team/proj-007"_s);
    QVERIFY(model.index(0).data(ProjectListModel::IsPinnedRole).toBool());
    model.openProject(u"TEAM/proj-007"_s); // the same path again: still one row
    QCOMPARE(model.rowCount(), 1);
    model.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), kTimeoutMs);
    QCOMPARE(model.rowCount(), 1); // pinned projects survive a refresh
}

void TestProjectListModel::jobTokenOpensByIdOrPathWithoutTheProjectApi()
{
    Test::Session job(m_sim->baseUrl(), CredentialKind::JobToken, u"glcbt-team"_s);
    // What the project API says to a job token: GitLab ignores it there, so a private project
    // does not exist for it.
    const Result<Project> looked = await<Project>([&](QObject *context, Callback<Project> done) {
        job.api->project(u"107"_s, context, std::move(done));
    });
    QVERIFY(!looked.ok());
    QCOMPARE(looked.error().httpStatus(), 404);

    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setApi(job.api.get());
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), kTimeoutMs);
    QSignalSpy opened(&model, &ProjectListModel::projectOpened);
    QSignalSpy errors(&model, &ProjectListModel::errorOccurred);
    model.openProject(u"107"_s); // CI_PROJECT_ID
    QCOMPARE(opened.count(), 1);
    const QModelIndex byId = model.index(opened.first().first().toInt());
    QCOMPARE(byId.data(ProjectListModel::IdRole).toLongLong(), 107);
    QCOMPARE(byId.data(ProjectListModel::PathRole).toString(), QString());
    QCOMPARE(byId.data().toString(), ProjectListModel::tr("Project %1").arg(107));
    QCOMPARE(model.project(byId.row()).id, 107);

    model.openProject(u"team/proj-007"_s);
    QCOMPARE(opened.count(), 2);
    QCOMPARE(model.index(opened.last().first().toInt()).data(ProjectListModel::PathRole).toString(),
             u"team/proj-007"_s);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(errors.count(), 0);
    QVERIFY(!model.loading());

    // Both forms reach the project's packages with the job token.
    for (const QString &project : {u"107"_s, u"team/proj-007"_s}) {
        const Result<QList<Package>> packages =
            await<QList<Package>>([&](QObject *context, Callback<QList<Package>> done) {
                job.api->packages(project, {}, context, std::move(done));
            });
        QVERIFY2(packages.ok(), qPrintable(packages.ok() ? QString() : packages.error().message()));
    }
}

void TestProjectListModel::setApiResets()
{
    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setApi(m_session->api.get());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 120, kTimeoutMs);
    Project manual;
    manual.id = 999;
    manual.pathWithNamespace = u"x/x"_s;
    model.addProject(manual);
    QCOMPARE(model.rowCount(), 121);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setApi(nullptr);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.loading());
    QVERIFY(!model.canFetchMore({}));
    model.setApi(m_session->api.get());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 120, kTimeoutMs);
    QCOMPARE(model.rowOfId(999), -1); // pinned projects belonged to the previous account
}

QTEST_GUILESS_MAIN(TestProjectListModel)
#include "TestProjectListModel.moc"
