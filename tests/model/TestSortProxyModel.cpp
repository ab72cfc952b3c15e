// SortProxyModel over the real models, fed directly: what a header click shows for text,
// numbers, dates and versions, folders kept first, and the source's order back with column -1.

#include "ModelTestSupport.h"
#include "model/PackageFileModel.h"
#include "model/PackageTreeModel.h"
#include "model/SortProxyModel.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;

namespace {

PackageFile file(qint64 id, const QString &storedName, qint64 size, const QString &created)
{
    PackageFile f;
    f.id = id;
    f.packageId = 7;
    f.storedName = storedName;
    f.size = size;
    f.sha256 = QString(64, QLatin1Char('a'));
    f.createdAt = QDateTime::fromString(created, Qt::ISODate);
    return f;
}

Package version(qint64 id, const QString &name, const QString &number, const QString &created)
{
    Package p;
    p.id = id;
    p.name = name;
    p.version = number;
    p.status = u"default"_s;
    p.createdAt = QDateTime::fromString(created, Qt::ISODate);
    return p;
}

QStringList column0(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList list;
    for (int row = 0; row < model.rowCount(parent); ++row)
        list << model.index(row, 0, parent).data().toString();
    return list;
}

} // namespace

class TestSortProxyModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void comparesRawValues();
    void sortsFilesWithFoldersFirst();
    void sortsVersionsInVersionOrder();
    void keepsTheSortAcrossResets();
};

void TestSortProxyModel::comparesRawValues()
{
    QVERIFY(SortProxyModel::compareValues(u"tool2"_s, u"Tool10"_s) < 0);
    QVERIFY(SortProxyModel::compareValues(qint64(9), qint64(10)) < 0);
    QVERIFY(SortProxyModel::compareValues(10.5, qint64(10)) > 0);
    QVERIFY(
        SortProxyModel::compareValues(QDateTime::fromString(u"2026-01-02T00:00:00Z"_s, Qt::ISODate),
                                      QDateTime::fromString(u"2025-12-31T23:00:00Z"_s, Qt::ISODate))
        > 0);
    QCOMPARE(SortProxyModel::compareValues(QVariant(), qint64(1)), 0); // not comparable: equal
}

void TestSortProxyModel::sortsFilesWithFoldersFirst()
{
    PackageFileModel files;
    files.setFiles({file(1, u"part-10.bin"_s, 5, u"2026-11-05T13:00:00Z"_s),
                    file(2, u"Part-2.bin"_s, 70000, u"2026-11-05T12:00:00Z"_s),
                    file(3, u"part-1.bin"_s, 900, u"2026-11-05T14:00:00Z"_s),
                    file(4, u"docs%2Fguide.txt"_s, 1, u"2026-11-05T11:00:00Z"_s)});
    SortProxyModel sorted(PackageFileModel::SortRole);
    sorted.setFirstRole(PackageFileModel::IsFolderRole);
    sorted.setSourceModel(&files);
    ModelTest::checkModel(&sorted);
    const QStringList own = column0(files);
    QCOMPARE(own, (QStringList{u"docs"_s, u"part-1.bin"_s, u"Part-2.bin"_s, u"part-10.bin"_s}));

    sorted.sort(PackageFileModel::SizeColumn, Qt::AscendingOrder);
    QCOMPARE(column0(sorted),
             (QStringList{u"docs"_s, u"part-10.bin"_s, u"part-1.bin"_s, u"Part-2.bin"_s}));
    sorted.sort(PackageFileModel::SizeColumn, Qt::DescendingOrder);
    QCOMPARE(column0(sorted),
             (QStringList{u"docs"_s, u"Part-2.bin"_s, u"part-1.bin"_s, u"part-10.bin"_s}));
    sorted.sort(PackageFileModel::CreatedColumn, Qt::AscendingOrder);
    QCOMPARE(column0(sorted),
             (QStringList{u"docs"_s, u"Part-2.bin"_s, u"part-10.bin"_s, u"part-1.bin"_s}));
    sorted.sort(PackageFileModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(column0(sorted),
             (QStringList{u"docs"_s, u"part-10.bin"_s, u"Part-2.bin"_s, u"part-1.bin"_s}));
    sorted.sort(-1, Qt::AscendingOrder);
    QCOMPARE(column0(sorted), own);
}

void TestSortProxyModel::sortsVersionsInVersionOrder()
{
    PackageTreeModel tree;
    tree.setPackages({version(1, u"tool10"_s, u"1.0.0"_s, u"2026-01-01T00:00:00Z"_s),
                      version(2, u"Tool2"_s, u"1.10.0"_s, u"2026-02-01T00:00:00Z"_s),
                      version(3, u"Tool2"_s, u"1.9.0"_s, u"2026-03-01T00:00:00Z"_s),
                      version(4, u"Tool2"_s, u"1.2.0"_s, u"2026-04-01T00:00:00Z"_s)});
    SortProxyModel sorted(PackageTreeModel::SortRole);
    sorted.setSourceModel(&tree);
    ModelTest::checkModel(&sorted);
    // The model's own order: names in natural order, the newest version first.
    QCOMPARE(column0(tree), (QStringList{u"Tool2"_s, u"tool10"_s}));
    QCOMPARE(column0(tree, tree.index(0, 0)), (QStringList{u"1.10.0"_s, u"1.9.0"_s, u"1.2.0"_s}));

    sorted.sort(PackageTreeModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(column0(sorted), (QStringList{u"Tool2"_s, u"tool10"_s}));
    QCOMPARE(column0(sorted, sorted.index(0, 0)),
             (QStringList{u"1.2.0"_s, u"1.9.0"_s, u"1.10.0"_s}));
    sorted.sort(PackageTreeModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(column0(sorted), (QStringList{u"tool10"_s, u"Tool2"_s}));
    QCOMPARE(column0(sorted, sorted.index(1, 0)),
             (QStringList{u"1.10.0"_s, u"1.9.0"_s, u"1.2.0"_s}));
    sorted.sort(PackageTreeModel::CreatedColumn, Qt::AscendingOrder);
    QCOMPARE(column0(sorted), (QStringList{u"tool10"_s, u"Tool2"_s}));
    QCOMPARE(column0(sorted, sorted.index(1, 0)),
             (QStringList{u"1.10.0"_s, u"1.9.0"_s, u"1.2.0"_s}));
    sorted.sort(PackageTreeModel::VersionsColumn, Qt::DescendingOrder);
    QCOMPARE(column0(sorted), (QStringList{u"Tool2"_s, u"tool10"_s}));
    sorted.sort(-1, Qt::AscendingOrder);
    QCOMPARE(column0(sorted, sorted.index(0, 0)), column0(tree, tree.index(0, 0)));
}

// The filter and a reload reset the source: its new rows are sorted as the view was.
void TestSortProxyModel::keepsTheSortAcrossResets()
{
    PackageTreeModel tree;
    SortProxyModel sorted(PackageTreeModel::SortRole);
    sorted.setSourceModel(&tree);
    sorted.sort(PackageTreeModel::NameColumn, Qt::DescendingOrder);
    tree.setPackages({version(1, u"b"_s, u"1"_s, u"2026-01-01T00:00:00Z"_s)});
    QCOMPARE(column0(sorted), QStringList{u"b"_s});
    tree.setPackages({version(1, u"b"_s, u"1"_s, u"2026-01-01T00:00:00Z"_s),
                      version(2, u"a"_s, u"1"_s, u"2026-01-01T00:00:00Z"_s),
                      version(3, u"c"_s, u"1"_s, u"2026-01-01T00:00:00Z"_s)});
    QCOMPARE(column0(sorted), (QStringList{u"c"_s, u"b"_s, u"a"_s}));
}

QTEST_GUILESS_MAIN(TestSortProxyModel)
#include "TestSortProxyModel.moc"
