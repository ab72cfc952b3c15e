// The pieces of the transfer list that need no server: the speed window, the retry backoff,
// duration and state texts, the filter tabs, and a model without a queue.

#include "ModelTestSupport.h"
#include "api/RetryPolicy.h"
#include "model/SpeedMeter.h"
#include "model/TransferQueueModel.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;

class TestTransferModelHelpers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void speedOverTheWindow();
    void speedFallsWhenStalled();
    void speedRestartsWhenBytesGoBack();
    void backoffGrowsAndIsCapped();
    void backoffHonoursRetryAfter();
    void durations_data();
    void durations();
    void stateTexts();
    void filterTabs();
    void emptyModel();
};

void TestTransferModelHelpers::speedOverTheWindow()
{
    SpeedMeter meter(5000);
    QCOMPARE(meter.bytesPerSecond(0), 0.0);
    meter.addSample(0, 0);
    QCOMPARE(meter.bytesPerSecond(100), 0.0); // one sample: unknown
    meter.addSample(100, 1000);
    QCOMPARE(meter.bytesPerSecond(100), 0.0); // less than 200 ms: too noisy
    for (qint64 t = 250; t <= 10000; t += 250)
        meter.addSample(t, t * 1000); // 1 MB/s
    QCOMPARE(meter.bytesPerSecond(10000), 1000000.0);
    // A burst does not dominate: the window averages it.
    meter.addSample(10250, 10000000 + 2000000);
    const double speed = meter.bytesPerSecond(10250);
    QVERIFY2(speed > 1000000.0 && speed < 1500000.0, qPrintable(QString::number(speed)));
}

void TestTransferModelHelpers::speedFallsWhenStalled()
{
    SpeedMeter meter(2000);
    for (qint64 t = 0; t <= 2000; t += 250)
        meter.addSample(t, t * 100);
    QVERIFY(meter.bytesPerSecond(2000) > 0);
    const double before = meter.bytesPerSecond(2000);
    meter.addSample(3000, 200000);
    QVERIFY(meter.bytesPerSecond(3000) < before);
    for (qint64 t = 3250; t <= 6000; t += 250)
        meter.addSample(t, 200000);
    QCOMPARE(meter.bytesPerSecond(6000), 0.0);
}

void TestTransferModelHelpers::speedRestartsWhenBytesGoBack()
{
    SpeedMeter meter;
    meter.addSample(0, 0);
    meter.addSample(1000, 5000000);
    QVERIFY(meter.bytesPerSecond(1000) > 0);
    meter.addSample(1250, 0); // the transfer started over
    QCOMPARE(meter.bytesPerSecond(1250), 0.0);
    meter.addSample(2250, 1000);
    QCOMPARE(meter.bytesPerSecond(2250), 1000.0);
    meter.clear();
    QCOMPARE(meter.bytesPerSecond(3000), 0.0);
}

void TestTransferModelHelpers::backoffGrowsAndIsCapped()
{
    const RetryPolicy policy{5, std::chrono::milliseconds(1000), std::chrono::milliseconds(8000)};
    const ApiError error(ApiError::Kind::Server, u"503"_s, 503);
    for (int round = 0; round < 20; ++round) {
        const qint64 first = policy.delayAfter(1, error).count();
        QVERIFY2(first >= 900 && first <= 1100, qPrintable(QString::number(first)));
        const qint64 third = policy.delayAfter(3, error).count();
        QVERIFY2(third >= 3600 && third <= 4400, qPrintable(QString::number(third)));
        const qint64 late = policy.delayAfter(40, error).count();
        QVERIFY2(late >= 7200 && late <= 8800, qPrintable(QString::number(late)));
        const qint64 zero = policy.delayAfter(0, error).count();
        QVERIFY(zero >= 900 && zero <= 1100);
    }
}

void TestTransferModelHelpers::backoffHonoursRetryAfter()
{
    const RetryPolicy policy;
    ApiError limited(ApiError::Kind::RateLimited, u"429"_s, 429);
    limited.setRetryAfterSeconds(7);
    QCOMPARE(policy.delayAfter(1, limited), std::chrono::milliseconds(7000));
}

void TestTransferModelHelpers::durations_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown") << qint64(-1) << QString();
    QTest::newRow("seconds") << qint64(45) << TransferQueueModel::tr("%n s", nullptr, 45);
    QTest::newRow("minutes") << qint64(200) << TransferQueueModel::tr("%1 min %2 s").arg(3).arg(20);
    QTest::newRow("hours") << qint64(7500) << TransferQueueModel::tr("%1 h %2 min").arg(2).arg(5);
    QTest::newRow("days") << qint64(400 * 3600)
                          << TransferQueueModel::tr("more than %n hours", nullptr, 100);
}

void TestTransferModelHelpers::durations()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(TransferQueueModel::formatDuration(seconds), expected);
}

void TestTransferModelHelpers::stateTexts()
{
    using S = TransferQueueModel::State;
    using D = TransferQueueModel::Direction;
    QCOMPARE(TransferQueueModel::stateDisplayName(S::Running, D::Upload, false, false),
             TransferQueueModel::tr("Uploading"));
    QCOMPARE(TransferQueueModel::stateDisplayName(S::Running, D::Download, false, false),
             TransferQueueModel::tr("Downloading"));
    // Paused shows on queued items only: a running one is being stopped.
    QCOMPARE(TransferQueueModel::stateDisplayName(S::Running, D::Download, true, false),
             TransferQueueModel::tr("Downloading"));
    QCOMPARE(TransferQueueModel::stateDisplayName(S::Verifying, D::Upload, false, false),
             TransferQueueModel::tr("Verifying"));
    QCOMPARE(TransferQueueModel::stateDisplayName(S::Done, D::Upload, false, false),
             TransferQueueModel::tr("Done"));
    QCOMPARE(TransferQueueModel::stateDisplayName(S::Failed, D::Download, true, true),
             TransferQueueModel::tr("Failed"));
    QCOMPARE(TransferQueueModel::stateDisplayName(S::Cancelled, D::Upload, false, false),
             TransferQueueModel::tr("Cancelled"));
    QCOMPARE(TransferQueueModel::stateDisplayName(S::Queued, D::Upload, true, true),
             TransferQueueModel::tr("Paused"));
    QCOMPARE(TransferQueueModel::stateDisplayName(S::Queued, D::Upload, false, true),
             TransferQueueModel::tr("Waiting to retry"));
    QCOMPARE(TransferQueueModel::stateDisplayName(S::Queued, D::Upload, false, false),
             TransferQueueModel::tr("Queued"));
    QCOMPARE(TransferQueueModel::stateDisplayName(S::Skipped, D::Download, false, false),
             TransferQueueModel::tr("Skipped"));
}

void TestTransferModelHelpers::filterTabs()
{
    using S = TransferQueueModel::State;
    using F = TransferFilterModel;
    const QList<S> all{S::Queued, S::Running,   S::Verifying, S::Done,
                       S::Failed, S::Cancelled, S::Skipped};
    for (const S state : all)
        QVERIFY(F::accepts(F::All, state));
    QList<S> active;
    QList<S> failed;
    QList<S> done;
    for (const S state : all) {
        if (F::accepts(F::Active, state))
            active << state;
        if (F::accepts(F::Failed, state))
            failed << state;
        if (F::accepts(F::Done, state))
            done << state;
    }
    QCOMPARE(active, QList<S>({S::Queued, S::Running, S::Verifying}));
    for (const S state : all)
        QCOMPARE(TransferQueueModel::isActive(state), active.contains(state));
    QCOMPARE(failed, QList<S>({S::Failed}));
    QCOMPARE(done, QList<S>({S::Done, S::Skipped}));
}

void TestTransferModelHelpers::emptyModel()
{
    TransferQueueModel model(nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(TransferQueueModel::ColumnCount));
    QCOMPARE(model.headerData(TransferQueueModel::EtaColumn, Qt::Horizontal).toString(),
             TransferQueueModel::tr("Remaining"));
    QCOMPARE(model.itemId(3), QString());
    QCOMPARE(model.rowOfItem(u"x"_s), -1);
    QVERIFY(!model.queue());
    model.cancel(0);
    model.retry(5);
    model.remove(-1);
    TransferFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    filter.setFilter(TransferFilterModel::Failed);
    QCOMPARE(filter.rowCount(), 0);
    QVERIFY(model.roleNames().contains(TransferQueueModel::ProgressRole));
}

QTEST_GUILESS_MAIN(TestTransferModelHelpers)
#include "TestTransferModelHelpers.moc"
