#include "core/VersionOrder.h"

#include <QTest>

using namespace Stevedore;

class TestVersionOrder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ordersLikePeopleRead_data();
    void ordersLikePeopleRead();
    void sortsADemoVersionList();
};

void TestVersionOrder::ordersLikePeopleRead_data()
{
    QTest::addColumn<QString>("lower");
    QTest::addColumn<QString>("higher");
    QTest::newRow("numeric, not string") << u"1.9.0"_qs << u"1.10.0"_qs;
    QTest::newRow("patch") << u"1.2.3"_qs << u"1.2.4"_qs;
    QTest::newRow("shorter prefix") << u"1.2"_qs << u"1.2.1"_qs;
    QTest::newRow("pre-release before release") << u"2.0.0-rc.1"_qs << u"2.0.0"_qs;
    QTest::newRow("beta before rc") << u"2.0.0-beta.2"_qs << u"2.0.0-rc.1"_qs;
    QTest::newRow("numeric pre-release parts") << u"1.0.0-rc.2"_qs << u"1.0.0-rc.10"_qs;
    QTest::newRow("numeric before word") << u"1.0.0-1"_qs << u"1.0.0-alpha"_qs;
    QTest::newRow("dates") << u"2026.11.9"_qs << u"2026.11.20"_qs;
    QTest::newRow("compact date after dotted") << u"2026.11.21"_qs << u"20261122.1"_qs;
    QTest::newRow("build metadata breaks ties") << u"1.0.0+1"_qs << u"1.0.0+2"_qs;
    QTest::newRow("v prefix words compare as text") << u"v1.2.4-build"_qs << u"v1.2.5"_qs;
    QTest::newRow("hash versions") << u"a50d836"_qs << u"d50d836"_qs;
}

void TestVersionOrder::ordersLikePeopleRead()
{
    QFETCH(QString, lower);
    QFETCH(QString, higher);
    QVERIFY(VersionOrder::compare(lower, higher) < 0);
    QVERIFY(VersionOrder::compare(higher, lower) > 0);
    QCOMPARE(VersionOrder::compare(lower, lower), 0);
}

void TestVersionOrder::sortsADemoVersionList()
{
    QStringList versions{u"1.10.0"_qs, u"2.0.0-rc.1"_qs,   u"1.0.0"_qs,
                         u"1.9.0"_qs,  u"2.0.0-beta.2"_qs, u"1.2.0"_qs};
    std::sort(versions.begin(), versions.end(), &VersionOrder::lessThan);
    QCOMPARE(versions, (QStringList{u"1.0.0"_qs, u"1.2.0"_qs, u"1.9.0"_qs, u"1.10.0"_qs,
                                    u"2.0.0-beta.2"_qs, u"2.0.0-rc.1"_qs}));
}

QTEST_GUILESS_MAIN(TestVersionOrder)
#include "TestVersionOrder.moc"
