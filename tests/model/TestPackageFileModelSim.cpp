// PackageFileModel against the demo data: website 2026.11.0's folders and hello-cli 1.9.0's
// duplicate upload.

#include "ModelTestSupport.h"
#include "SimServer.h"
#include "model/PackageFileModel.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace Stevedore::ModelTest;
using stevedore::test::SimServer;

class TestPackageFileModelSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void websiteFolders();
    void helloCliDuplicateNewestMarked();
    void hiddenVersionReportsError();
    void switchingVersionsDropsOlderAnswers();

private:
    void load(PackageFileModel &model, const QString &name, const QString &version);

    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<Session> m_session;
};

void TestPackageFileModelSim::initTestCase()
{
    m_sim = std::make_unique<SimServer>(SimServer::Options().withDemo());
    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    m_session = std::make_unique<Session>(m_sim->baseUrl());
}

void TestPackageFileModelSim::cleanup()
{
    if (m_sim)
        m_sim->reportIfFailed();
}

void TestPackageFileModelSim::load(PackageFileModel &model, const QString &name,
                                   const QString &version)
{
    const qint64 id = packageId(*m_session->api, kProject, name, version);
    QVERIFY(id > 0);
    QSignalSpy loaded(&model, &PackageFileModel::loaded);
    model.load(m_session->api.get(), kProject, id);
    QVERIFY(model.loading());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QVERIFY(!model.loading());
    QCOMPARE(model.packageId(), id);
}

void TestPackageFileModelSim::websiteFolders()
{
    PackageFileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    load(model, u"website"_s, u"2026.11.0"_s);
    QCOMPARE(model.rowCount(), 2); // site/ and empty.txt
    const QModelIndex site = model.index(0, 0);
    QCOMPARE(site.data().toString(), u"site"_s);
    QVERIFY(site.data(PackageFileModel::IsFolderRole).toBool());
    const QModelIndex css = model.indexForPath(u"site/css"_s);
    QVERIFY(css.isValid());
    QCOMPARE(css.parent(), site);
    const QModelIndex stylesheet = model.indexForPath(u"site/css/site.css"_s);
    QVERIFY(stylesheet.isValid());
    QCOMPARE(stylesheet.data().toString(), u"site.css"_s);
    QCOMPARE(stylesheet.parent(), css);
    QCOMPARE(stylesheet.data(PackageFileModel::StoredNameRole).toString(),
             u"site%2Fcss%2Fsite.css"_s);
    QCOMPARE(stylesheet.data(PackageFileModel::Sha256Role).toString().size(), 64);
    QVERIFY(model.indexForPath(u"site/img/logo.svg"_s).isValid());
    QVERIFY(model.indexForPath(u"site/index.html"_s).isValid());
    const QModelIndex empty = model.indexForPath(u"empty.txt"_s);
    QCOMPARE(empty.data(PackageFileModel::SizeRole).toLongLong(), 0);
    QCOMPARE(model.newestFiles().size(), 4);
    checkModel(&model);
}

void TestPackageFileModelSim::helloCliDuplicateNewestMarked()
{
    PackageFileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    load(model, u"hello-cli"_s, u"1.9.0"_s);
    QCOMPARE(model.rowCount(), 2); // the tarball (with its older copy) and the changelog
    const QModelIndex newest = model.indexForPath(u"hello-1.9.0-linux-amd64.tar.gz"_s);
    QVERIFY(newest.isValid());
    QCOMPARE(newest.data(PackageFileModel::IsNewestRole).toBool(), true);
    QCOMPARE(newest.data(PackageFileModel::SizeRole).toLongLong(), 2213019);
    QCOMPARE(newest.data(PackageFileModel::CopyCountRole).toInt(), 2);
    QCOMPARE(model.rowCount(newest), 1);
    const QModelIndex older = model.index(0, 0, newest);
    QCOMPARE(older.data(PackageFileModel::IsNewestRole).toBool(), false);
    QCOMPARE(older.data(PackageFileModel::SizeRole).toLongLong(), 2213004);
    QVERIFY(older.data(PackageFileModel::FileIdRole).toLongLong()
            < newest.data(PackageFileModel::FileIdRole).toLongLong());
    QVERIFY(older.data(PackageFileModel::CreatedRole).toDateTime()
            < newest.data(PackageFileModel::CreatedRole).toDateTime());
    // What downloads return agrees with the model's newest copy.
    VersionFiles version;
    version.files = model.files();
    QCOMPARE(version.newest(u"hello-1.9.0-linux-amd64.tar.gz"_s)->id,
             newest.data(PackageFileModel::FileIdRole).toLongLong());
    checkModel(&model);
}

void TestPackageFileModelSim::hiddenVersionReportsError()
{
    PackageFileModel model;
    const qint64 id = packageId(*m_session->api, kProject, u"firmware"_s, u"0.9.0"_s);
    QVERIFY(id > 0);
    QSignalSpy errors(&model, &PackageFileModel::errorOccurred);
    model.load(m_session->api.get(), kProject, id);
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, kTimeoutMs);
    QCOMPARE(model.lastError().kind(), ApiError::Kind::NotFound);
    QCOMPARE(model.rowCount(), 0);
}

void TestPackageFileModelSim::switchingVersionsDropsOlderAnswers()
{
    PackageFileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const qint64 website = packageId(*m_session->api, kProject, u"website"_s, u"2026.11.0"_s);
    const qint64 installer = packageId(*m_session->api, kProject, u"installer"_s, u"3.1.0"_s);
    QSignalSpy loaded(&model, &PackageFileModel::loaded);
    model.load(m_session->api.get(), kProject, website);
    model.load(m_session->api.get(), kProject, installer);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QTest::qWait(200);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"hello-setup-3.1.0.exe"_s);
    QCOMPARE(model.index(0, 0).data(PackageFileModel::SizeRole).toLongLong(), 12582912);
}

QTEST_GUILESS_MAIN(TestPackageFileModelSim)
#include "TestPackageFileModelSim.moc"
