#include "ComparisonTableModel.h"
#include "StatusColours.h"
#include "model/SortProxyModel.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

using Kind = FileComparison::Kind;

FileFingerprint file(const QString &path, qint64 size, QChar digit)
{
    return {path, size, QString(64, digit), {}};
}

// Left → right: a.txt the same, b.txt changed, c.txt removed, d.txt added.
FileComparison sample()
{
    return FileComparison::compare(
        {file(u"a.txt"_s, 10, u'a'), file(u"b.txt"_s, 20, u'b'), file(u"c.txt"_s, 30, u'c')},
        {file(u"a.txt"_s, 10, u'a'), file(u"b.txt"_s, 25, u'e'), file(u"d.txt"_s, 40, u'd')});
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x30));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    return palette;
}

} // namespace

class TestComparisonTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsFollowTheComparison();
    void cellsShowBothSides();
    void differencesAreColouredFromThePalette_data();
    void differencesAreColouredFromThePalette();
    void sortsOnRawValues();
    void clearEmptiesTheTable();
};

void TestComparisonTableModel::rowsFollowTheComparison()
{
    ComparisonTableModel model;
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(ComparisonTableModel::ColumnCount));
    model.setComparison(sample());
    QCOMPARE(model.rowCount(), 4);
    const QList<Kind> kinds{Kind::Same, Kind::Changed, Kind::Removed, Kind::Added};
    const QStringList states{u"Same"_s, u"Changed"_s, u"Removed"_s, u"Added"_s};
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(model.index(row, ComparisonTableModel::PathColumn).data().toString(),
                 QString(QChar(u'a' + row)) + u".txt"_s);
        QCOMPARE(model.index(row, 3).data(ComparisonTableModel::KindRole).toInt(),
                 int(kinds.at(row)));
        QCOMPARE(model.index(row, ComparisonTableModel::StateColumn).data().toString(),
                 states.at(row));
    }
    QCOMPARE(model.headerData(ComparisonTableModel::LeftSha256Column, Qt::Horizontal).toString(),
             u"Left SHA-256"_s);
    QCOMPARE(model.headerData(ComparisonTableModel::StateColumn, Qt::Horizontal).toString(),
             u"State"_s);
}

void TestComparisonTableModel::cellsShowBothSides()
{
    ComparisonTableModel model;
    model.setComparison(sample());
    const QLocale locale;
    // b.txt: both sides.
    QCOMPARE(model.index(1, ComparisonTableModel::LeftSizeColumn).data().toString(),
             locale.formattedDataSize(20));
    QCOMPARE(model.index(1, ComparisonTableModel::RightSizeColumn).data().toString(),
             locale.formattedDataSize(25));
    QCOMPARE(model.index(1, ComparisonTableModel::LeftSha256Column).data().toString(),
             QString(ComparisonTableModel::kShortSha256Length, u'b'));
    QCOMPARE(model.index(1, ComparisonTableModel::RightSha256Column).data().toString(),
             QString(ComparisonTableModel::kShortSha256Length, u'e'));
    QCOMPARE(
        model.index(1, ComparisonTableModel::RightSha256Column).data(Qt::ToolTipRole).toString(),
        QString(64, u'e'));
    QCOMPARE(
        model.index(1, ComparisonTableModel::LeftSizeColumn).data(Qt::TextAlignmentRole).toInt(),
        int(Qt::AlignRight | Qt::AlignVCenter));
    // c.txt only on the left, d.txt only on the right: the other side is a dash.
    QCOMPARE(model.index(2, ComparisonTableModel::RightSizeColumn).data().toString(), u"—"_s);
    QCOMPARE(model.index(2, ComparisonTableModel::RightSha256Column).data().toString(), u"—"_s);
    QCOMPARE(model.index(3, ComparisonTableModel::LeftSizeColumn).data().toString(), u"—"_s);
    QCOMPARE(model.index(3, ComparisonTableModel::RightSizeColumn).data().toString(),
             locale.formattedDataSize(40));
    QVERIFY(!model.index(4, 0).isValid());
}

void TestComparisonTableModel::differencesAreColouredFromThePalette_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << QApplication::style()->standardPalette();
    QTest::newRow("dark") << darkPalette();
}

void TestComparisonTableModel::differencesAreColouredFromThePalette()
{
    QFETCH(QPalette, palette);
    using Meaning = StatusColours::Meaning;
    ComparisonTableModel model;
    model.setComparison(sample());
    model.setPalette(palette);
    const auto colour = [&](int row) {
        return model.index(row, ComparisonTableModel::StateColumn).data(Qt::ForegroundRole);
    };
    QVERIFY(!colour(0).isValid()); // the same: the view's own text colour
    QCOMPARE(colour(1), QVariant(StatusColours::text(Meaning::Warning, palette, QPalette::Base)));
    QCOMPARE(colour(2), QVariant(StatusColours::text(Meaning::Error, palette, QPalette::Base)));
    QCOMPARE(colour(3), QVariant(StatusColours::text(Meaning::Success, palette, QPalette::Base)));
    for (int row = 1; row < 4; ++row)
        QVERIFY(StatusColours::contrast(colour(row).value<QColor>(), palette.color(QPalette::Base))
                >= 3.0);
}

void TestComparisonTableModel::sortsOnRawValues()
{
    ComparisonTableModel model;
    model.setComparison(sample());
    SortProxyModel sorted(ComparisonTableModel::SortRole);
    sorted.setSourceModel(&model);
    sorted.sort(ComparisonTableModel::LeftSizeColumn, Qt::DescendingOrder);
    QStringList paths;
    for (int row = 0; row < sorted.rowCount(); ++row)
        paths << sorted.index(row, ComparisonTableModel::PathColumn).data().toString();
    // c.txt 30, b.txt 20, a.txt 10, d.txt none on the left.
    QCOMPARE(paths, (QStringList{u"c.txt"_s, u"b.txt"_s, u"a.txt"_s, u"d.txt"_s}));
}

void TestComparisonTableModel::clearEmptiesTheTable()
{
    ComparisonTableModel model;
    model.setComparison(sample());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.comparison().entries().isEmpty());
}

QTEST_MAIN(TestComparisonTableModel)
#include "TestComparisonTableModel.moc"
