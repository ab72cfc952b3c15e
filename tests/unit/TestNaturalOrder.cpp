#include "core/NaturalOrder.h"

#include <QStringList>
#include <QTest>

#include <algorithm>

using namespace Stevedore;
using namespace Qt::StringLiterals;

class TestNaturalOrder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ordersLikePeopleRead_data();
    void ordersLikePeopleRead();
    void equalOnlyWhenIdentical();
    void sortsAMixedList();
    void sortKeysFollowTheOrder();
};

void TestNaturalOrder::ordersLikePeopleRead_data()
{
    QTest::addColumn<QString>("lower");
    QTest::addColumn<QString>("higher");
    QTest::newRow("numbers as numbers") << u"tool2"_s << u"tool10"_s;
    QTest::newRow("case does not decide") << u"apple"_s << u"Banana"_s;
    QTest::newRow("numbers inside names") << u"part-9.bin"_s << u"part-10.bin"_s;
    QTest::newRow("numbers and case together") << u"tool2"_s << u"Tool10"_s;
    QTest::newRow("longer than 64 bits")
        << u"n99999999999999999999"_s << u"n100000000000000000000"_s;
    QTest::newRow("prefix first") << u"hello"_s << u"hello-cli"_s;
    QTest::newRow("leading zeros break ties") << u"v7"_s << u"v007"_s;
    QTest::newRow("leading zeros lose to a larger number") << u"v010"_s << u"v11"_s;
    QTest::newRow("case breaks ties") << u"README"_s << u"readme"_s;
    QTest::newRow("digits before letters") << u"1a"_s << u"a1"_s;
    QTest::newRow("beyond ASCII, case-insensitive") << u"ärger"_s << u"Öl"_s;
}

void TestNaturalOrder::ordersLikePeopleRead()
{
    QFETCH(QString, lower);
    QFETCH(QString, higher);
    QVERIFY(NaturalOrder::compare(lower, higher) < 0);
    QVERIFY(NaturalOrder::compare(higher, lower) > 0);
    QVERIFY(NaturalOrder::lessThan(lower, higher));
    QVERIFY(!NaturalOrder::lessThan(higher, lower));
}

void TestNaturalOrder::equalOnlyWhenIdentical()
{
    QCOMPARE(NaturalOrder::compare(u"Tool-10", u"Tool-10"), 0);
    QCOMPARE(NaturalOrder::compare(u"", u""), 0);
    QVERIFY(NaturalOrder::compare(u"", u"a") < 0);
    QVERIFY(NaturalOrder::compare(u"tool-10", u"Tool-10") != 0);
}

void TestNaturalOrder::sortsAMixedList()
{
    QStringList names{u"Part-10.bin"_s, u"part-2.bin"_s,        u"part-1.bin"_s,
                      u"notes"_s,       u"part-1.bin.sha256"_s, u"NOTES"_s};
    std::sort(names.begin(), names.end(), NaturalOrder::lessThan);
    QCOMPARE(names, QStringList({u"NOTES"_s, u"notes"_s, u"part-1.bin"_s, u"part-1.bin.sha256"_s,
                                 u"part-2.bin"_s, u"Part-10.bin"_s}));
}

// Keys in string order are names in compare() order; equal keys only for its tie-breaks.
void TestNaturalOrder::sortKeysFollowTheOrder()
{
    const QStringList names{
        u"tool2"_s, u"Tool10"_s,    u"tool10"_s, u"part-9.bin"_s, u"part-10.bin"_s,
        u"hello"_s, u"hello-cli"_s, u"v7"_s,     u"v007"_s,       u"v010"_s,
        u"v11"_s,   u"1a"_s,        u"a1"_s,     u"ärger"_s,      u"Öl"_s,
        u"a:b"_s,   u"a9b"_s,       u"a.b"_s,    u""_s,           u"n100000000000000000000"_s};
    for (const QString &a : names) {
        for (const QString &b : names) {
            const int byKey = NaturalOrder::sortKey(a).compare(NaturalOrder::sortKey(b));
            const int byName = NaturalOrder::compare(a, b);
            if (byKey != 0)
                QVERIFY2((byKey < 0) == (byName < 0), qPrintable(a + u" / "_s + b));
            else
                QVERIFY2(a.compare(b, Qt::CaseInsensitive) == 0 || a.size() != b.size(),
                         qPrintable(a + u" / "_s + b));
        }
    }
}

QTEST_APPLESS_MAIN(TestNaturalOrder)
#include "TestNaturalOrder.moc"
