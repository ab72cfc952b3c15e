// PackageFileModel with files set directly: folders from path uploads, duplicate uploads
// grouped under the newest copy, roles and look-ups.

#include "ModelTestSupport.h"
#include "model/PackageFileModel.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;
using Stevedore::ModelTest::checkModel;

namespace {

PackageFile file(qint64 id, const QString &storedName, qint64 size, const QString &created,
                 qint64 pipeline = 0)
{
    PackageFile f;
    f.id = id;
    f.packageId = 42;
    f.storedName = storedName;
    f.size = size;
    f.sha256 = QString(64, QLatin1Char('a' + char(id % 6)));
    f.createdAt = QDateTime::fromString(created, Qt::ISODate);
    if (pipeline) {
        PipelineRef ref;
        ref.id = pipeline;
        ref.webUrl = QUrl(u"https://gitlab.example.com/demo/hello/-/pipelines/%1"_s.arg(pipeline));
        f.pipeline = ref;
    }
    return f;
}

// A website version with folders, an empty file, and a binary uploaded three times.
QList<PackageFile> files()
{
    return {
        file(10, u"site%2Findex.html"_s, 100, u"2026-11-05T13:00:00Z"_s),
        file(11, u"site%2Fcss%2Fsite.css"_s, 20, u"2026-11-05T13:00:01Z"_s),
        file(12, u"site%2Fimg%2Flogo.svg"_s, 300, u"2026-11-05T13:00:02Z"_s),
        file(13, u"empty.txt"_s, 0, u"2026-11-05T13:00:03Z"_s),
        file(14, u"app.bin"_s, 1000, u"2026-11-05T14:00:00Z"_s),
        file(16, u"app.bin"_s, 1002, u"2026-11-05T16:00:00Z"_s, 1204),
        file(15, u"app.bin"_s, 1001, u"2026-11-05T15:00:00Z"_s),
        file(17, u"Archive"_s, 5, u"2026-11-05T17:00:00Z"_s),
    };
}

QStringList names(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList list;
    for (int row = 0; row < model.rowCount(parent); ++row)
        list << model.index(row, 0, parent).data().toString();
    return list;
}

} // namespace

class TestPackageFileModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foldersFirstThenFiles();
    void pathUploadsBecomeFolders();
    void duplicatesGroupUnderTheNewest();
    void folderTotals();
    void rolesAndColumns();
    void newestFilesOfASelection();
    void indexForPath();
    void testerFollowsResets();
};

void TestPackageFileModel::foldersFirstThenFiles()
{
    PackageFileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFiles(files());
    QCOMPARE(names(model), QStringList({u"site"_s, u"app.bin"_s, u"Archive"_s, u"empty.txt"_s}));
    QCOMPARE(model.columnCount(), int(PackageFileModel::ColumnCount));
    QCOMPARE(model.files().size(), 8);
    checkModel(&model);
}

void TestPackageFileModel::pathUploadsBecomeFolders()
{
    PackageFileModel model;
    model.setFiles(files());
    const QModelIndex site = model.index(0, 0);
    QVERIFY(site.data(PackageFileModel::IsFolderRole).toBool());
    QCOMPARE(site.data(PackageFileModel::DisplayNameRole).toString(), u"site"_s);
    QCOMPARE(names(model, site), QStringList({u"css"_s, u"img"_s, u"index.html"_s}));
    const QModelIndex css = model.index(0, 0, site);
    QCOMPARE(css.data(PackageFileModel::DisplayNameRole).toString(), u"site/css"_s);
    QCOMPARE(names(model, css), QStringList({u"site.css"_s}));
    const QModelIndex stylesheet = model.index(0, 0, css);
    QCOMPARE(stylesheet.parent(), css);
    QCOMPARE(stylesheet.parent().parent(), site);
    QCOMPARE(stylesheet.data(PackageFileModel::DisplayNameRole).toString(), u"site/css/site.css"_s);
    QCOMPARE(stylesheet.data(PackageFileModel::StoredNameRole).toString(),
             u"site%2Fcss%2Fsite.css"_s);
    QCOMPARE(stylesheet.data(PackageFileModel::FileIdRole).toLongLong(), 11);
    QCOMPARE(stylesheet.data(PackageFileModel::IsFolderRole).toBool(), false);
    QCOMPARE(stylesheet.data(PackageFileModel::IsNewestRole).toBool(), true);
    QCOMPARE(model.rowCount(stylesheet), 0);
    QVERIFY(model.flags(stylesheet).testFlag(Qt::ItemNeverHasChildren));
    QVERIFY(!model.flags(css).testFlag(Qt::ItemNeverHasChildren));
}

void TestPackageFileModel::duplicatesGroupUnderTheNewest()
{
    PackageFileModel model;
    model.setFiles(files());
    const QModelIndex newest = model.indexForPath(u"app.bin"_s);
    QCOMPARE(newest.data(PackageFileModel::FileIdRole).toLongLong(), 16);
    QCOMPARE(newest.data(PackageFileModel::IsNewestRole).toBool(), true);
    QCOMPARE(newest.data(PackageFileModel::SizeRole).toLongLong(), 1002);
    QCOMPARE(newest.data(PackageFileModel::CopyCountRole).toInt(), 3);
    QCOMPARE(model.rowCount(newest), 2);
    const QModelIndex older = model.index(0, 0, newest);
    QCOMPARE(older.data(PackageFileModel::FileIdRole).toLongLong(), 15);
    QCOMPARE(older.data(PackageFileModel::IsNewestRole).toBool(), false);
    QCOMPARE(older.data().toString(), u"app.bin"_s);
    QCOMPARE(model.index(1, 0, newest).data(PackageFileModel::FileIdRole).toLongLong(), 14);
    QCOMPARE(older.parent(), newest);
    QVERIFY(!older.data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(model.fileAt(older)->size, 1001);
    // Files without duplicates have no children.
    QCOMPARE(model.rowCount(model.indexForPath(u"empty.txt"_s)), 0);
}

void TestPackageFileModel::folderTotals()
{
    PackageFileModel model;
    model.setFiles(files());
    const QModelIndex site = model.indexForPath(u"site"_s);
    QCOMPARE(site.data(PackageFileModel::SizeRole).toLongLong(), 420);
    QCOMPARE(site.data(PackageFileModel::CopyCountRole).toInt(), 3);
    QCOMPARE(site.data(PackageFileModel::CreatedRole).toDateTime(),
             QDateTime::fromString(u"2026-11-05T13:00:02Z"_s, Qt::ISODate));
    QCOMPARE(site.data(PackageFileModel::FileIdRole).toLongLong(), 0);
    QVERIFY(site.data(PackageFileModel::Sha256Role).toString().isEmpty());
    QVERIFY(!model.fileAt(site));
}

void TestPackageFileModel::rolesAndColumns()
{
    PackageFileModel model;
    model.setFiles(files());
    const QModelIndex bin = model.indexForPath(u"app.bin"_s);
    QCOMPARE(bin.siblingAtColumn(PackageFileModel::SizeColumn).data().toString(),
             QLocale().formattedDataSize(1002));
    QCOMPARE(bin.siblingAtColumn(PackageFileModel::SizeColumn)
                 .data(PackageFileModel::SortRole)
                 .toLongLong(),
             1002);
    // The column shows the first 12 digits; the tooltip and the role hold all 64.
    const QString sha256 = bin.data(PackageFileModel::Sha256Role).toString();
    QCOMPARE(sha256.size(), 64);
    QCOMPARE(bin.siblingAtColumn(PackageFileModel::Sha256Column).data().toString(),
             sha256.left(12));
    QCOMPARE(bin.siblingAtColumn(PackageFileModel::Sha256Column).data(Qt::ToolTipRole).toString(),
             sha256);
    QCOMPARE(bin.siblingAtColumn(PackageFileModel::PipelineColumn).data().toString(),
             PackageFileModel::tr("#%1").arg(1204));
    QCOMPARE(bin.data(PackageFileModel::PipelineUrlRole).toUrl(),
             QUrl(u"https://gitlab.example.com/demo/hello/-/pipelines/1204"_s));
    QVERIFY(model.index(0, 0, bin).data(PackageFileModel::PipelineUrlRole).toUrl().isEmpty());
    QCOMPARE(bin.data(PackageFileModel::CreatedRole).toDateTime(),
             QDateTime::fromString(u"2026-11-05T16:00:00Z"_s, Qt::ISODate));
    QVERIFY(!bin.siblingAtColumn(PackageFileModel::CreatedColumn).data().toString().isEmpty());
    QCOMPARE(bin.data(PackageFileModel::PackageIdRole).toLongLong(), 42);
    QCOMPARE(model.headerData(PackageFileModel::Sha256Column, Qt::Horizontal).toString(),
             PackageFileModel::tr("SHA-256"));
    QVERIFY(model.roleNames().contains(PackageFileModel::IsNewestRole));
}

void TestPackageFileModel::newestFilesOfASelection()
{
    PackageFileModel model;
    model.setFiles(files());
    QList<qint64> ids;
    for (const PackageFile &f : model.newestFiles())
        ids << f.id;
    QCOMPARE(ids, QList<qint64>({11, 12, 10, 16, 17, 13}));
    ids.clear();
    for (const PackageFile &f : model.newestFiles(model.indexForPath(u"site"_s)))
        ids << f.id;
    QCOMPARE(ids, QList<qint64>({11, 12, 10}));
    QCOMPARE(model.newestFiles(model.indexForPath(u"app.bin"_s)).size(), 1);
}

void TestPackageFileModel::indexForPath()
{
    PackageFileModel model;
    model.setFiles(files());
    QCOMPARE(model.indexForPath(u"site/img/logo.svg"_s).data().toString(), u"logo.svg"_s);
    QCOMPARE(model.indexForPath(u"site/img"_s).data(PackageFileModel::IsFolderRole).toBool(), true);
    QCOMPARE(model.indexForPath(u"site/css/site.css"_s, PackageFileModel::SizeColumn).column(),
             int(PackageFileModel::SizeColumn));
    QVERIFY(!model.indexForPath(u"site/nope"_s).isValid());
    QVERIFY(!model.indexForPath(u"empty.txt/x"_s).isValid());
    QVERIFY(!model.indexForPath({}).isValid());
}

void TestPackageFileModel::testerFollowsResets()
{
    PackageFileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setFiles(files());
    checkModel(&model);
    model.setFiles(files().mid(4, 3));
    QCOMPARE(names(model), QStringList({u"app.bin"_s}));
    checkModel(&model);
    model.setFiles({});
    QCOMPARE(model.rowCount(), 0);
    checkModel(&model);
    model.setFiles(files());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resets.count(), 5);
}

QTEST_GUILESS_MAIN(TestPackageFileModel)
#include "TestPackageFileModel.moc"
