// TransferQueueModel and TransferFilterModel driven by a real TransferQueue against gitlab-sim:
// rows for both directions, states, progress batching, filters, batched insertion and removal.

#include "ModelTestSupport.h"
#include "SimServer.h"
#include "model/TransferQueueModel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace Stevedore::ModelTest;
using stevedore::test::SimServer;

namespace {

using State = TransferQueueModel::State;
using Direction = TransferQueueModel::Direction;

bool writeRandomFile(const QString &path, qint64 size, quint32 seed)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QRandomGenerator random(seed);
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    for (qint64 written = 0; written < size;) {
        const qint64 now = std::min<qint64>(chunk.size(), size - written);
        random.fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        if (file.write(chunk.constData(), now) != now)
            return false;
        written += now;
    }
    return true;
}

int countInState(const QAbstractItemModel &model, State state)
{
    int count = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(TransferQueueModel::StateRole).toInt() == int(state))
            ++count;
    }
    return count;
}

} // namespace

class TestTransferQueueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rowsForUploadsAndDownloads();
    void existingItemsAreShown();
    void failuresShowUnderFailed();
    void progressIsBatched();
    void sortingByRawValues();
    void removalsFollowTheQueues();
    void destroyedQueueTakesItsRows();
    void batchAddIsOneInsertion();
    void verificationShowsUntilTheItemRunsAgain();

private:
    TransferItem upload(const QString &fileName, qint64 size, quint32 seed) const;
    TransferItem download(const QString &name, const QString &version,
                          const QString &fileName) const;

    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TransferQueue> m_queue;
    int m_version = 0;
};

void TestTransferQueueModel::initTestCase()
{
    m_sim = std::make_unique<SimServer>(SimServer::Options().withDemo());
    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    m_session = std::make_unique<Session>(m_sim->baseUrl());
}

void TestTransferQueueModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    GitLabApi *api = m_session->api.get();
    m_queue = std::make_unique<TransferQueue>([api](const QString &) { return apiHandle(*api); });
    m_queue->setRetryPolicy({3, std::chrono::milliseconds(50), std::chrono::milliseconds(200)});
    ++m_version;
}

void TestTransferQueueModel::cleanup()
{
    m_queue.reset();
    if (m_sim)
        m_sim->reportIfFailed();
}

TransferItem TestTransferQueueModel::upload(const QString &fileName, qint64 size,
                                            quint32 seed) const
{
    TransferItem item;
    item.direction = TransferDirection::Upload;
    item.accountId = u"sim-account"_s;
    item.target = {kProject, u"model-test"_s, u"1.0.%1"_s.arg(m_version), fileName};
    item.localPath = m_dir->filePath(u"up-"_s + fileName);
    writeRandomFile(item.localPath, size, seed);
    return item;
}

TransferItem TestTransferQueueModel::download(const QString &name, const QString &version,
                                              const QString &fileName) const
{
    TransferItem item;
    item.direction = TransferDirection::Download;
    item.accountId = u"sim-account"_s;
    item.target = {kProject, name, version, fileName};
    item.localPath = m_dir->filePath(u"down/"_s + fileName);
    return item;
}

void TestTransferQueueModel::rowsForUploadsAndDownloads()
{
    TransferQueueModel model(m_queue.get());
    QCOMPARE(model.queue(), m_queue.get());
    TransferFilterModel active;
    active.setSourceModel(&model);
    active.setFilter(TransferFilterModel::Active);
    TransferFilterModel done;
    done.setSourceModel(&model);
    done.setFilter(TransferFilterModel::Done);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester activeTester(&active,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester doneTester(&done,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(TransferQueueModel::ColumnCount));

    m_queue->pause();
    const QString up1 = m_queue->add(upload(u"a.bin"_s, 300000, 1));
    const QString down1 =
        m_queue->add(download(u"hello-cli"_s, u"1.2.0"_s, u"hello-1.2.0-linux-amd64.tar.gz"_s));
    const QString up2 = m_queue->add(upload(u"b.bin"_s, 200000, 2));
    const QString down2 = m_queue->add(download(u"nightly"_s, u"2026.11.20"_s, u"build.log"_s));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.itemId(0), up1);
    QCOMPARE(model.itemId(1), down1);
    QCOMPARE(model.rowOfItem(up2), 2);
    QCOMPARE(model.direction(2), Direction::Upload);
    QCOMPARE(model.direction(3), Direction::Download);
    QCOMPARE(model.index(3, 0).data(TransferQueueModel::ItemIdRole).toString(), down2);
    QCOMPARE(model.index(1, 0).data(TransferQueueModel::DirectionRole).toInt(),
             int(Direction::Download));
    QCOMPARE(model.index(0, TransferQueueModel::NameColumn).data().toString(), u"a.bin"_s);
    // The target column says the direction in words.
    QCOMPARE(model.index(0, TransferQueueModel::TargetColumn).data().toString(),
             TransferQueueModel::tr("to %1 › %2 › %3")
                 .arg(kProject, u"model-test"_s, u"1.0.%1"_s.arg(m_version)));
    QCOMPARE(model.index(1, TransferQueueModel::TargetColumn).data().toString(),
             TransferQueueModel::tr("from %1 › %2 › %3").arg(kProject, u"hello-cli"_s, u"1.2.0"_s));
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(model.state(row), State::Queued);
        QCOMPARE(model.index(row, TransferQueueModel::StateColumn).data().toString(),
                 TransferQueueModel::tr("Paused"));
        QVERIFY(model.index(row, 0).data(TransferQueueModel::IsPausedRole).toBool());
    }
    QCOMPARE(model.index(0, 0).data(TransferQueueModel::BytesTotalRole).toLongLong(), 300000);
    QCOMPARE(model.index(0, 0).data(TransferQueueModel::LocalPathRole).toString(),
             m_dir->filePath(u"up-a.bin"_s));
    QCOMPARE(active.rowCount(), 4);
    QCOMPARE(done.rowCount(), 0);
    checkModel(&model);
    checkModel(&active);

    // One queue: the rows run in their order, one at a time, whatever their direction.
    QStringList started;
    connect(&model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &topLeft) {
        const QString id = model.itemId(topLeft.row());
        if (model.state(topLeft.row()) == State::Running && !started.contains(id))
            started << id;
    });
    m_queue->resume();
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->isIdle(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(done.rowCount(), 4, kTimeoutMs);
    QCOMPARE(started, QStringList({up1, down1, up2, down2}));
    QCOMPARE(active.rowCount(), 0);
    for (int row = 0; row < 4; ++row) {
        const QModelIndex index = model.index(row, 0);
        QCOMPARE(model.state(row), State::Done);
        QCOMPARE(index.data(TransferQueueModel::ProgressRole).toDouble(), 1.0);
        QCOMPARE(index.data(TransferQueueModel::BytesDoneRole).toLongLong(),
                 index.data(TransferQueueModel::BytesTotalRole).toLongLong());
        QCOMPARE(index.data(TransferQueueModel::SpeedRole).toDouble(), 0.0);
        QCOMPARE(index.data(TransferQueueModel::EtaRole).toLongLong(), -1);
        QCOMPARE(model.index(row, TransferQueueModel::StateColumn).data().toString(),
                 TransferQueueModel::tr("Done"));
        QVERIFY(index.data(TransferQueueModel::ErrorRole).toString().isEmpty());
        QCOMPARE(index.data(TransferQueueModel::AttemptsRole).toInt(), 1);
    }
    QCOMPARE(model.index(1, 0).data(TransferQueueModel::BytesTotalRole).toLongLong(), 1901876);
    QCOMPARE(model.index(0, 0).data(TransferQueueModel::BytesTotalRole).toLongLong(), 300000);
    QCOMPARE(model.index(1, TransferQueueModel::ProgressColumn).data().toString(),
             TransferQueueModel::tr("%1%").arg(QLocale().toString(100.0, 'f', 1)));
    QCOMPARE(model.index(1, 0).data(TransferQueueModel::LocalPathRole).toString(),
             m_dir->filePath(u"down/hello-1.2.0-linux-amd64.tar.gz"_s));
    QVERIFY(QFile::exists(m_dir->filePath(u"down/build.log"_s)));
    QVERIFY(model.index(3, TransferQueueModel::MessageColumn).data().toString().isEmpty());

    // The same file again, kept beside the first: the row says the name it was saved as.
    const QString again = m_queue->add(download(u"nightly"_s, u"2026.11.20"_s, u"build.log"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->isIdle(), kTimeoutMs);
    QCOMPARE(model.state(model.rowOfItem(again)), State::Done);
    QCOMPARE(
        model.index(model.rowOfItem(again), TransferQueueModel::MessageColumn).data().toString(),
        TransferQueueModel::tr("Saved as %1").arg(u"build (1).log"_s));
    checkModel(&model);
    checkModel(&done);
}

void TestTransferQueueModel::existingItemsAreShown()
{
    // A finished download, then a waiting upload, both there before the model.
    const QString first = m_queue->add(download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->isIdle(), kTimeoutMs);
    m_queue->pause();
    const QString second = m_queue->add(upload(u"c.bin"_s, 1000, 3));

    TransferQueueModel model(m_queue.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.itemId(0), first);
    QCOMPARE(model.itemId(1), second);
    QCOMPARE(model.direction(0), Direction::Download);
    QCOMPARE(model.direction(1), Direction::Upload);
    QCOMPARE(model.state(0), State::Done);
    QCOMPARE(model.state(1), State::Queued);
    QVERIFY(model.index(1, 0).data(TransferQueueModel::IsPausedRole).toBool());
    QVERIFY(!model.index(0, 0).data(TransferQueueModel::IsPausedRole).toBool());
    QCOMPARE(model.index(0, 0).data(TransferQueueModel::BytesDoneRole).toLongLong(), 40);
    m_queue->resume();
    QVERIFY(!model.index(1, 0).data(TransferQueueModel::IsPausedRole).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(model.state(1), State::Done, kTimeoutMs);
}

void TestTransferQueueModel::failuresShowUnderFailed()
{
    TransferQueueModel model(m_queue.get());
    TransferFilterModel failed;
    failed.setSourceModel(&model);
    failed.setFilter(TransferFilterModel::Failed);
    QCOMPARE(failed.filter(), TransferFilterModel::Failed);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester failedTester(&failed,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    TransferItem damaged = download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s);
    damaged.expectedSha256 = QString(64, QLatin1Char('f'));
    const QString id = m_queue->add(damaged);
    const QString missing =
        m_queue->add(download(u"hello-cli"_s, u"9.9.9"_s, u"nothing-here.bin"_s));
    TransferItem vanished = upload(u"vanished.bin"_s, 100, 5);
    QVERIFY(QFile::remove(vanished.localPath));
    const QString unreadable = m_queue->add(vanished);
    QTRY_COMPARE_WITH_TIMEOUT(failed.rowCount(), 3, kTimeoutMs);
    QCOMPARE(model.direction(model.rowOfItem(unreadable)), Direction::Upload);
    QCOMPARE(model.state(model.rowOfItem(unreadable)), State::Failed);
    QVERIFY(!model.index(model.rowOfItem(unreadable), 0)
                 .data(TransferQueueModel::ErrorRole)
                 .toString()
                 .isEmpty());
    const int row = model.rowOfItem(id);
    QCOMPARE(model.state(row), State::Failed);
    const QString error = model.index(row, 0).data(TransferQueueModel::ErrorRole).toString();
    QVERIFY(!error.isEmpty());
    QCOMPARE(model.index(row, TransferQueueModel::StateColumn).data(Qt::ToolTipRole).toString(),
             error);
    QCOMPARE(model.index(row, TransferQueueModel::StateColumn).data().toString(),
             TransferQueueModel::tr("Failed"));
    // The reason is in the row itself, not only in a tooltip.
    QCOMPARE(model.index(row, TransferQueueModel::MessageColumn).data().toString(),
             error.section(QLatin1Char('\n'), 0, 0));
    QVERIFY(!model.index(row, TransferQueueModel::MessageColumn).data().toString().isEmpty());
    QCOMPARE(failed.mapToSource(failed.index(0, 0)).row(), row);

    // Retried through the model: active again, then failed again.
    model.retry(row);
    QVERIFY(TransferQueueModel::isActive(model.state(row)));
    QCOMPARE(failed.rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(failed.rowCount(), 3, kTimeoutMs);

    // Cancelled items show under All only.
    const QString waiting = m_queue->add(download(u"hello-cli"_s, u"1.0.0"_s, u"x"_s));
    m_queue->pause();
    model.cancel(model.rowOfItem(waiting));
    QTRY_COMPARE_WITH_TIMEOUT(model.state(model.rowOfItem(waiting)), State::Cancelled, kTimeoutMs);
    QCOMPARE(
        model.index(model.rowOfItem(waiting), TransferQueueModel::StateColumn).data().toString(),
        TransferQueueModel::tr("Cancelled"));
    QCOMPARE(failed.rowCount(), 3);
    failed.setFilter(TransferFilterModel::All);
    QCOMPARE(failed.rowCount(), 4);
    failed.setFilter(TransferFilterModel::Active);
    QCOMPARE(failed.rowCount(), 0);

    model.remove(model.rowOfItem(missing));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, kTimeoutMs);
    QCOMPARE(model.rowOfItem(missing), -1);
    QCOMPARE(model.rowOfItem(unreadable), 1);
    QCOMPARE(model.rowOfItem(waiting), 2);
}

void TestTransferQueueModel::progressIsBatched()
{
    TransferQueueModel model(m_queue.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy queueProgress(m_queue.get(), &TransferQueue::progress);
    int progressUpdates = 0;
    QHash<int, double> lastProgress; // per row: one item runs after the other
    bool monotonic = true;
    connect(
        &model, &QAbstractItemModel::dataChanged, this,
        [&](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
            if (!roles.contains(TransferQueueModel::ProgressRole))
                return;
            ++progressUpdates;
            QVERIFY(topLeft.column() == TransferQueueModel::ProgressColumn);
            QVERIFY(bottomRight.column() == TransferQueueModel::EtaColumn);
            for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                const double progress =
                    model.index(row, 0).data(TransferQueueModel::ProgressRole).toDouble();
                monotonic = monotonic && progress >= lastProgress.value(row);
                lastProgress.insert(row, progress);
            }
        });
    // Held back to about two seconds in all, so that the transfers' own progress reports (every
    // 50 ms) come far more often than the model's ticks.
    m_session->client->setTransferRateLimit(8 * 1024 * 1024);
    const auto unlimited = qScopeGuard([this] { m_session->client->setTransferRateLimit(0); });
    QElapsedTimer clock;
    clock.start();
    const QString id =
        m_queue->add(download(u"installer"_s, u"3.1.0"_s, u"hello-setup-3.1.0.exe"_s));
    const QString up = m_queue->add(upload(u"big.bin"_s, 4 * 1024 * 1024, 4));
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->isIdle(), kTimeoutMs);
    const qint64 elapsed = clock.elapsed();
    QTest::qWait(600); // the last tick, and the timer stopping
    qInfo("%lld progress signals from the queue, %d progress updates from the model in %lld ms",
          qint64(queueProgress.count()), progressUpdates, elapsed);
    QCOMPARE(model.state(model.rowOfItem(id)), State::Done);
    QCOMPARE(model.state(model.rowOfItem(up)), State::Done);
    QVERIFY(queueProgress.count() > 10); // the queue reports several times a second …
    // … the model at most once per 250 ms tick (plus the final one).
    QVERIFY2(progressUpdates <= elapsed / 250 + 3,
             qPrintable(u"%1 updates in %2 ms"_s.arg(progressUpdates).arg(elapsed)));
    QVERIFY(monotonic);
    QCOMPARE(
        model.index(model.rowOfItem(id), 0).data(TransferQueueModel::BytesDoneRole).toLongLong(),
        12582912);
    QCOMPARE(model.index(model.rowOfItem(up), 0).data(TransferQueueModel::ProgressRole).toDouble(),
             1.0);
    // Nothing running: the timer is idle, no more updates.
    const int settled = progressUpdates;
    QTest::qWait(600);
    QCOMPARE(progressUpdates, settled);
}

void TestTransferQueueModel::sortingByRawValues()
{
    TransferQueueModel model(m_queue.get());
    TransferFilterModel all;
    all.setSourceModel(&model);
    QAbstractItemModelTester tester(&all, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_queue->add(download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s));
    m_queue->add(download(u"hello-cli"_s, u"1.0.0"_s, u"hello-1.0.0-linux-amd64.tar.gz"_s));
    m_queue->add(download(u"nope"_s, u"1.0.0"_s, u"absent.bin"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->isIdle(), kTimeoutMs);
    all.sort(TransferQueueModel::StateColumn, Qt::DescendingOrder);
    QCOMPARE(all.index(0, 0).data(TransferQueueModel::StateRole).toInt(), int(State::Failed));
    all.sort(TransferQueueModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(all.index(0, 0).data().toString(), u"absent.bin"_s);
    QCOMPARE(all.index(2, 0).data().toString(), u"SHA256SUMS"_s);
    checkModel(&all);
}

void TestTransferQueueModel::removalsFollowTheQueues()
{
    TransferQueueModel model(m_queue.get());
    TransferFilterModel done;
    done.setSourceModel(&model);
    done.setFilter(TransferFilterModel::Done);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester doneTester(&done,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QList<TransferItem> files;
    for (int i = 0; i < 6; ++i)
        files << upload(u"f%1.bin"_s.arg(i), 1000 + i, quint32(10 + i));
    m_queue->add(files);
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->isIdle(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(done.rowCount(), 6, kTimeoutMs);
    QCOMPARE(countInState(model, State::Done), 6);
    m_queue->pause();
    const QString pending = m_queue->add(download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s));
    QCOMPARE(model.rowCount(), 7);

    m_queue->clearFinished();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, kTimeoutMs);
    QCOMPARE(removed.count(), 1); // one contiguous batch
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QCOMPARE(removed.first().at(2).toInt(), 5);
    QCOMPARE(model.itemId(0), pending);
    QCOMPARE(model.rowOfItem(pending), 0);
    QCOMPARE(done.rowCount(), 0);
    checkModel(&model);
}

void TestTransferQueueModel::destroyedQueueTakesItsRows()
{
    TransferQueueModel model(m_queue.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_queue->pause();
    m_queue->add(upload(u"g.bin"_s, 10, 20));
    m_queue->add(download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.direction(0), Direction::Upload);
    QCOMPARE(model.direction(1), Direction::Download);
    m_queue.reset();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.queue());
    QCOMPARE(model.itemId(0), QString());
    model.cancel(0); // nothing to forward to
    model.retry(0);
    model.remove(0);
    checkModel(&model);
}

void TestTransferQueueModel::batchAddIsOneInsertion()
{
    TransferQueueModel model(m_queue.get());
    TransferFilterModel active;
    active.setSourceModel(&model);
    active.setFilter(TransferFilterModel::Active);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester activeTester(&active,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_queue->pause(); // nothing starts, so the upload files need not exist
    const QString first = m_queue->add(download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    constexpr int kItems = 1000;
    QList<TransferItem> batch;
    for (int i = 0; i < kItems; ++i) {
        TransferItem item = download(u"hello-cli"_s, u"1.0.0"_s, u"file-%1.bin"_s.arg(i));
        if (i % 2 == 0) {
            item.direction = TransferDirection::Upload;
            item.target.packageName = u"model-test"_s;
            item.localPath = m_dir->filePath(u"never-%1.bin"_s.arg(i));
        }
        batch << item;
    }
    QElapsedTimer clock;
    clock.start();
    const QStringList ids = m_queue->add(batch);
    qInfo("%d rows in %lld ms", kItems, clock.elapsed());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 1);
    QCOMPARE(inserted.first().at(2).toInt(), kItems);
    QCOMPARE(model.rowCount(), kItems + 1);
    QCOMPARE(active.rowCount(), kItems + 1);
    QCOMPARE(model.itemId(0), first);
    QCOMPARE(model.itemId(1), ids.first());
    QCOMPARE(model.itemId(kItems), ids.last());
    QCOMPARE(model.rowOfItem(ids.at(500)), 501);
    QCOMPARE(model.direction(1), Direction::Upload);
    QCOMPARE(model.direction(2), Direction::Download);
    QCOMPARE(model.index(kItems, TransferQueueModel::NameColumn).data().toString(),
             u"file-%1.bin"_s.arg(kItems - 1));
    checkModel(&model);

    // Cancelled one by one, cleared in one go: one removal, the first row stays.
    for (const QString &id : ids)
        m_queue->cancel(id);
    QCOMPARE(active.rowCount(), 1);
    m_queue->clearFinished();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, kTimeoutMs);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(removed.first().at(2).toInt(), kItems);
    QCOMPARE(model.itemId(0), first);
    QCOMPARE(model.rowOfItem(first), 0);
    QCOMPARE(model.rowOfItem(ids.first()), -1);
    checkModel(&model);
}

void TestTransferQueueModel::verificationShowsUntilTheItemRunsAgain()
{
    TransferQueueModel model(m_queue.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // A file kept as it was (Skip) is a finished download that can be run again.
    TransferItem kept = download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s);
    kept.conflictPolicy = ConflictPolicy::Skip;
    QVERIFY(QDir().mkpath(QFileInfo(kept.localPath).absolutePath()));
    QVERIFY(writeRandomFile(kept.localPath, 10, 7));
    const QString id = m_queue->add(kept);
    const int row = model.rowOfItem(id);
    QTRY_COMPARE_WITH_TIMEOUT(model.state(row), State::Skipped, kTimeoutMs);
    const QModelIndex message = model.index(row, TransferQueueModel::MessageColumn);
    const auto verification = [&message] {
        return TransferQueueModel::Verification(
            message.data(TransferQueueModel::VerificationRole).toInt());
    };
    QCOMPARE(verification(), TransferQueueModel::Verification::None);
    QCOMPARE(message.data().toString(), QString());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setVerification(id, TransferQueueModel::Verification::Changed, {},
                          u"hello-cli 1.0.0 differs"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), message);
    QCOMPARE(verification(), TransferQueueModel::Verification::Changed);
    QCOMPARE(message.data().toString(), TransferQueueModel::tr("Differs: changed locally"));
    QCOMPARE(message.data(Qt::ToolTipRole).toString(),
             TransferQueueModel::tr("Differs: changed locally") + u"\n\nhello-cli 1.0.0 differs"_s);
    model.setVerification(id, TransferQueueModel::Verification::Unreadable, u"no access"_s);
    QCOMPARE(message.data().toString(),
             TransferQueueModel::tr("Unreadable: %1").arg(u"no access"_s));

    // Run again (held in a paused queue): the result was about the file as it was before.
    m_queue->pause();
    model.retry(row);
    QCOMPARE(model.state(row), State::Queued);
    QCOMPARE(verification(), TransferQueueModel::Verification::None);
    QCOMPARE(message.data().toString(), QString());
}

QTEST_GUILESS_MAIN(TestTransferQueueModel)
#include "TestTransferQueueModel.moc"
