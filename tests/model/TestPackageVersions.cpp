// PackageVersions: the compact store behind the package tree. Names and statuses stored once,
// the orders finish() computes, look-ups, and the record given back as it came in.

#include "ModelTestSupport.h"
#include "model/PackageVersions.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;
using Stevedore::ModelTest::package;

namespace {

QStringList versionsIn(const PackageVersions &versions, const std::vector<int> &order)
{
    QStringList texts;
    for (const int index : order)
        texts << versions.at(index).version;
    return texts;
}

} // namespace

class TestPackageVersions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsAreInNaturalNameOrderWithBothVersionOrders()
    {
        PackageVersions versions;
        versions.add(package(10, u"tool10"_s, u"1.0.0"_s, u"2026-01-01T00:00:00Z"_s));
        versions.add(package(11, u"tool2"_s, u"1.10.0"_s, u"2026-01-02T00:00:00Z"_s));
        versions.add(package(12, u"tool2"_s, u"1.9.0"_s, u"2026-03-01T00:00:00Z"_s));
        versions.add(package(13, u"tool2"_s, u"1.2.0"_s, u"2026-02-01T00:00:00Z"_s));
        versions.finish();

        QCOMPARE(versions.size(), 4);
        QCOMPARE(versions.groupCount(), 2);
        QCOMPARE(versions.group(0).name, u"tool2"_s);
        QCOMPARE(versions.group(1).name, u"tool10"_s);
        QCOMPARE(versions.groupOf(u"tool10"_s), 1);
        QCOMPARE(versions.groupOf(u"tool3"_s), -1);

        const PackageVersions::Group &tool2 = versions.group(0);
        QCOMPARE(versionsIn(versions, tool2.bySemver),
                 (QStringList{u"1.10.0"_s, u"1.9.0"_s, u"1.2.0"_s}));
        QCOMPARE(versionsIn(versions, tool2.byDate),
                 (QStringList{u"1.9.0"_s, u"1.2.0"_s, u"1.10.0"_s}));
        QCOMPARE(versions.at(versions.indexOfId(11)).semverRank, 3);
        QCOMPARE(versions.at(versions.indexOfId(13)).semverRank, 1);
        for (const int index : tool2.bySemver)
            QCOMPARE(versions.name(versions.at(index)), u"tool2"_s);
    }

    void aNameAndAStatusAreStoredOnce()
    {
        PackageVersions versions;
        for (int i = 0; i < 50; ++i) {
            // Every record brings its own copy of the name, as parsed JSON does.
            const QString name = QString(u"shared-name"_s).append(QString());
            versions.add(package(i + 1, QString::fromUtf8(name.toUtf8()),
                                 u"1.0."_s + QString::number(i), u"2026-01-01T00:00:00Z"_s,
                                 i % 2 ? u"hidden"_s : u"default"_s));
        }
        versions.finish();
        QCOMPARE(versions.groupCount(), 1);
        const QString &first = versions.name(versions.at(0));
        const QString &last = versions.name(versions.at(49));
        QCOMPARE(first.constData(), last.constData());
        QCOMPARE(versions.status(versions.at(0)).constData(),
                 versions.status(versions.at(2)).constData());
        QVERIFY(versions.at(1).hidden);
        QVERIFY(!versions.at(0).hidden);
    }

    void aServerInventingStatusesCannotGrowTheTable()
    {
        PackageVersions versions;
        for (int i = 0; i < 1000; ++i)
            versions.add(package(i + 1, u"pkg"_s, u"1.0."_s + QString::number(i),
                                 u"2026-01-01T00:00:00Z"_s, u"status-"_s + QString::number(i)));
        versions.finish();
        QCOMPARE(versions.status(versions.at(0)), u"status-0"_s);
        QCOMPARE(versions.status(versions.at(255)), u"status-255"_s);
        QCOMPARE(versions.status(versions.at(999)), u"status-255"_s);
    }

    void theRecordComesBackAsItWasAdded()
    {
        Package withPipeline =
            package(7, u"app"_s, u"2.0.0"_s, u"2026-05-04T03:02:01+02:00"_s, u"hidden"_s);
        withPipeline.canDelete = true;
        PipelineRef pipeline;
        pipeline.id = 99;
        pipeline.webUrl = QUrl(u"https://gitlab.example.com/group/app/-/pipelines/99"_s);
        withPipeline.pipeline = pipeline;
        Package undated = package(3, u"app"_s, u"1.0.0"_s, QString());

        PackageVersions versions;
        versions.add(withPipeline);
        versions.add(undated);
        versions.finish();

        const Package back = versions.package(versions.indexOfId(7));
        QCOMPARE(back.id, 7);
        QCOMPARE(back.name, u"app"_s);
        QCOMPARE(back.version, u"2.0.0"_s);
        QCOMPARE(back.status, u"hidden"_s);
        QCOMPARE(back.createdAt, withPipeline.createdAt);
        QVERIFY(back.canDelete);
        QVERIFY(back.pipeline.has_value());
        QCOMPARE(back.pipeline->webUrl, pipeline.webUrl);

        const Package plain = versions.package(versions.indexOfId(3));
        QVERIFY(!plain.createdAt.isValid());
        QVERIFY(!plain.pipeline.has_value());
        QVERIFY(!plain.canDelete);
        QCOMPARE(versions.indexOfId(4), -1);
    }
};

QTEST_GUILESS_MAIN(TestPackageVersions)
#include "TestPackageVersions.moc"
