// DownloadQueue against gitlab-sim: verified downloads, conflict policies, resume from a
// .part file, retries after a connection reset and after 5xx, pause/resume/cancel/remove.

#include "ModelTestSupport.h"
#include "SimServer.h"
#include "core/Sha256.h"
#include "transfer/DownloadQueue.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace Stevedore::ModelTest;
using stevedore::test::SimServer;

namespace {

const RetryPolicy kFastRetries{5, std::chrono::milliseconds(50), std::chrono::milliseconds(500)};

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDownloadQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void numberedPath_data();
    void numberedPath();
    void policyIds();
    void downloadsAndVerifies();
    void wrongChecksumFails();
    void conflictSkip();
    void conflictOverwrite();
    void conflictKeepBoth();
    void resumesFromPartFile();
    void retryAfterResetResumes();
    void transientFailuresRetriedThenFail();
    void pauseAndResume();
    void cancelDiscardsThenRetry();
    void removeRunningAndClearFinished();
    void missingAccountFails();

private:
    DownloadItem item(const QString &name, const QString &version, const QString &fileName,
                      ConflictPolicy policy = ConflictPolicy::KeepBoth) const;
    QList<PackageFile> files(const QString &name, const QString &version) const;
    DownloadQueue::ApiProvider provider(Session &session) const
    {
        return [&session](const QString &) { return session.api.get(); };
    }

    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDownloadQueue::initTestCase()
{
    m_sim = std::make_unique<SimServer>(SimServer::Options().withDemo());
    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    m_session = std::make_unique<Session>(m_sim->baseUrl());
}

void TestDownloadQueue::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDownloadQueue::cleanup()
{
    if (m_sim)
        m_sim->reportIfFailed();
}

DownloadItem TestDownloadQueue::item(const QString &name, const QString &version,
                                     const QString &fileName, ConflictPolicy policy) const
{
    DownloadItem item;
    item.accountId = u"sim-account"_s;
    item.source = {kProject, name, version, fileName};
    item.localPath = m_dir->filePath(fileName);
    item.conflictPolicy = policy;
    return item;
}

QList<PackageFile> TestDownloadQueue::files(const QString &name, const QString &version) const
{
    return packageFiles(*m_session->api, kProject,
                        packageId(*m_session->api, kProject, name, version));
}

void TestDownloadQueue::numberedPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("expected");
    QTest::newRow("simple") << u"/tmp/a/file.zip"_s << 1 << u"/tmp/a/file (1).zip"_s;
    QTest::newRow("tarball") << u"/tmp/hello-1.0.0-linux-amd64.tar.gz"_s << 2
                             << u"/tmp/hello-1.0.0-linux-amd64 (2).tar.gz"_s;
    QTest::newRow("no suffix") << u"SHA256SUMS"_s << 1 << u"SHA256SUMS (1)"_s;
    QTest::newRow("dot file") << u"/x/.env"_s << 1 << u"/x/.env (1)"_s;
    QTest::newRow("dotted folder") << u"/x.v2/file"_s << 3 << u"/x.v2/file (3)"_s;
    QTest::newRow("several dots") << u"a.b.c.zip"_s << 1 << u"a.b.c (1).zip"_s;
    QTest::newRow("tar in the name") << u"my.tar.file.txt"_s << 1 << u"my.tar.file (1).txt"_s;
}

void TestDownloadQueue::numberedPath()
{
    QFETCH(QString, path);
    QFETCH(int, number);
    QFETCH(QString, expected);
    QCOMPARE(DownloadQueue::numberedPath(path, number), expected);
}

void TestDownloadQueue::policyIds()
{
    for (const ConflictPolicy policy :
         {ConflictPolicy::Overwrite, ConflictPolicy::KeepBoth, ConflictPolicy::Skip})
        QCOMPARE(conflictPolicyFromId(conflictPolicyId(policy)), policy);
    QVERIFY(!conflictPolicyFromId(u"bogus"_s));
    QCOMPARE(downloadStateId(DownloadItem::State::Verifying), u"verifying"_s);
}

void TestDownloadQueue::downloadsAndVerifies()
{
    const QList<PackageFile> listed = files(u"hello-cli"_s, u"1.2.0"_s);
    QCOMPARE(listed.size(), 3);
    DownloadQueue queue(provider(*m_session));
    QSignalSpy idle(&queue, &DownloadQueue::idle);
    QSignalSpy progress(&queue, &DownloadQueue::progress);
    QSignalSpy added(&queue, &DownloadQueue::itemAdded);
    QStringList ids;
    for (const PackageFile &file : listed) {
        DownloadItem download = item(u"hello-cli"_s, u"1.2.0"_s, file.displayName());
        download.expectedSha256 = file.sha256.toUpper(); // compared case-insensitively
        download.size = file.size;
        ids << queue.add(download);
    }
    QCOMPARE(added.count(), 3);
    QCOMPARE(queue.items().size(), 3);
    QVERIFY(!queue.isIdle());
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, kTimeoutMs);
    QVERIFY(queue.isIdle());
    QVERIFY(progress.count() >= 3);
    for (int i = 0; i < listed.size(); ++i) {
        const DownloadItem *done = queue.item(ids.at(i));
        QVERIFY(done);
        QCOMPARE(done->state, DownloadItem::State::Done);
        QCOMPARE(done->attempts, 1);
        QCOMPARE(done->finalPath, done->localPath);
        QCOMPARE(done->size, listed.at(i).size);
        QCOMPARE(done->received, listed.at(i).size);
        QVERIFY(done->finishedAt.isValid());
        QCOMPARE(Sha256::ofFile(done->finalPath), listed.at(i).sha256);
        QVERIFY(!QFile::exists(done->finalPath + u".part"_s));
    }
}

void TestDownloadQueue::wrongChecksumFails()
{
    DownloadQueue queue(provider(*m_session));
    queue.setRetryPolicy(kFastRetries);
    DownloadItem download = item(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s);
    download.expectedSha256 = QString(64, QLatin1Char('0'));
    const QString id = queue.add(download);
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    const DownloadItem *failed = queue.item(id);
    QCOMPARE(failed->state, DownloadItem::State::Failed);
    QCOMPARE(failed->errorKind, ApiError::Kind::Integrity);
    QCOMPARE(failed->attempts, 1); // damage is not retried
    QVERIFY(!failed->errorMessage.isEmpty());
    QVERIFY(!QFile::exists(download.localPath));
    QVERIFY(!QFile::exists(download.localPath + u".part"_s));
}

void TestDownloadQueue::conflictSkip()
{
    DownloadQueue queue(provider(*m_session));
    const DownloadItem download =
        item(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s, ConflictPolicy::Skip);
    QVERIFY(writeFile(download.localPath, "mine\n"));
    const QString id = queue.add(download);
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    QCOMPARE(queue.item(id)->state, DownloadItem::State::Skipped);
    QCOMPARE(queue.item(id)->attempts, 0);
    QCOMPARE(readFile(download.localPath), QByteArray("mine\n"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList({u"SHA256SUMS"_s}));

    // Skipped, then asked again with Overwrite.
    queue.setConflictPolicy(id, ConflictPolicy::Overwrite);
    queue.retry(id);
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(id)->state, DownloadItem::State::Done, kTimeoutMs);
    QVERIFY(readFile(download.localPath) != QByteArray("mine\n"));
}

void TestDownloadQueue::conflictOverwrite()
{
    const QList<PackageFile> listed = files(u"hello-cli"_s, u"1.0.0"_s);
    const auto sums = std::find_if(listed.begin(), listed.end(), [](const PackageFile &file) {
        return file.storedName == u"SHA256SUMS"_s;
    });
    QVERIFY(sums != listed.end());
    DownloadQueue queue(provider(*m_session));
    DownloadItem download =
        item(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s, ConflictPolicy::Overwrite);
    download.expectedSha256 = sums->sha256;
    QVERIFY(writeFile(download.localPath, "old content\n"));
    const QString id = queue.add(download);
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    QCOMPARE(queue.item(id)->state, DownloadItem::State::Done);
    QCOMPARE(queue.item(id)->finalPath, download.localPath);
    QCOMPARE(Sha256::ofFile(download.localPath), sums->sha256);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList({u"SHA256SUMS"_s}));
}

void TestDownloadQueue::conflictKeepBoth()
{
    DownloadQueue queue(provider(*m_session));
    const QString name = u"hello-1.0.0-linux-amd64.tar.gz"_s;
    const DownloadItem download = item(u"hello-cli"_s, u"1.0.0"_s, name, ConflictPolicy::KeepBoth);
    QVERIFY(writeFile(download.localPath, "first\n"));
    const QString first = queue.add(download);
    const QString second = queue.add(download);
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeoutMs);
    QCOMPARE(queue.item(first)->state, DownloadItem::State::Done);
    QCOMPARE(queue.item(second)->state, DownloadItem::State::Done);
    QCOMPARE(queue.item(first)->finalPath,
             m_dir->filePath(u"hello-1.0.0-linux-amd64 (1).tar.gz"_s));
    QCOMPARE(queue.item(second)->finalPath,
             m_dir->filePath(u"hello-1.0.0-linux-amd64 (2).tar.gz"_s));
    QCOMPARE(readFile(download.localPath), QByteArray("first\n"));
    QCOMPARE(Sha256::ofFile(queue.item(first)->finalPath),
             Sha256::ofFile(queue.item(second)->finalPath));
    QCOMPARE(QFileInfo(queue.item(first)->finalPath).size(), 1843211);
}

void TestDownloadQueue::resumesFromPartFile()
{
    // The whole file once, to know its bytes; then half of it left as an earlier .part.
    const QString name = u"hello-1.2.0-darwin-arm64.tar.gz"_s;
    DownloadQueue queue(provider(*m_session));
    const QString whole = queue.add(item(u"hello-cli"_s, u"1.2.0"_s, name));
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeoutMs);
    QCOMPARE(queue.item(whole)->state, DownloadItem::State::Done);
    const QByteArray bytes = readFile(m_dir->filePath(name));
    QCOMPARE(bytes.size(), 1788412);

    QTemporaryDir other;
    const QString target = other.filePath(name);
    QVERIFY(writeFile(target + u".part"_s, bytes.left(1000000)));
    DownloadItem resumed = item(u"hello-cli"_s, u"1.2.0"_s, name);
    resumed.localPath = target;
    const QString id = queue.add(resumed);
    QCOMPARE(queue.item(id)->received, 1000000); // shown before it starts
    const QByteArray logBefore = m_sim->logContents();
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    QCOMPARE(queue.item(id)->state, DownloadItem::State::Done);
    QCOMPARE(readFile(target), bytes);
    QVERIFY(!QFile::exists(target + u".part"_s));
    const QByteArray requests = m_sim->logContents().mid(logBefore.size());
    QVERIFY2(requests.contains(" 206"), requests.constData());
}

void TestDownloadQueue::retryAfterResetResumes()
{
    SimServer sim(SimServer::Options().withDemo().withArguments(
        {u"--fault"_s, u"reset-after-bytes=4194304:1:download"_s}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Session session(sim.baseUrl());
    DownloadQueue queue(provider(session));
    queue.setRetryPolicy(kFastRetries);
    const QString name = u"hello-setup-3.1.0.exe"_s;
    const QString id = queue.add(item(u"installer"_s, u"3.1.0"_s, name));

    // What the second attempt starts from.
    qint64 resumedFrom = -1;
    connect(&queue, &DownloadQueue::itemChanged, this, [&](const QString &changed) {
        const DownloadItem *current = queue.item(changed);
        if (current && current->attempts == 2 && current->state == DownloadItem::State::Downloading
            && resumedFrom < 0)
            resumedFrom = current->received;
    });
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    const DownloadItem *done = queue.item(id);
    QVERIFY2(done->state == DownloadItem::State::Done, qPrintable(done->errorMessage));
    QCOMPARE(done->attempts, 2);
    QCOMPARE(done->size, 12582912);
    QCOMPARE(QFileInfo(done->finalPath).size(), 12582912);
    QVERIFY(!QFile::exists(done->finalPath + u".part"_s));
    QVERIFY2(resumedFrom > 0, qPrintable(QString::number(resumedFrom)));
    const QByteArray log = sim.logContents();
    QVERIFY2(log.contains(" 206"), log.constData());
    // The checksum was verified over both parts: it matches what GitLab lists.
    const QList<PackageFile> listed = packageFiles(
        *session.api, kProject, packageId(*session.api, kProject, u"installer"_s, u"3.1.0"_s));
    QCOMPARE(listed.size(), 1);
    QCOMPARE(Sha256::ofFile(done->finalPath), listed.first().sha256);
    sim.reportIfFailed();
}

void TestDownloadQueue::transientFailuresRetriedThenFail()
{
    SimServer sim(SimServer::Options().withDemo().withArguments(
        {u"--fault"_s, u"status=503:packages/generic/:0"_s}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Session session(sim.baseUrl());
    DownloadQueue queue(provider(session));
    queue.setRetryPolicy({3, std::chrono::milliseconds(20), std::chrono::milliseconds(100)});
    QSignalSpy changed(&queue, &DownloadQueue::itemChanged);
    const QString id = queue.add(item(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s));
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    const DownloadItem *failed = queue.item(id);
    QCOMPARE(failed->state, DownloadItem::State::Failed);
    QCOMPARE(failed->attempts, 3);
    QCOMPARE(failed->errorKind, ApiError::Kind::Server);
    QVERIFY(!failed->errorMessage.isEmpty());

    // retry() starts over with a fresh count.
    queue.retry(id);
    QCOMPARE(queue.item(id)->state, DownloadItem::State::Queued);
    QCOMPARE(queue.item(id)->attempts, 0);
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    QCOMPARE(queue.item(id)->attempts, 3);
    sim.reportIfFailed();
}

void TestDownloadQueue::pauseAndResume()
{
    SimServer sim(SimServer::Options().withDemo().withArguments({u"--fault"_s, u"latency=400"_s}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Session session(sim.baseUrl());
    DownloadQueue queue(provider(session));
    QSignalSpy paused(&queue, &DownloadQueue::pausedChanged);
    const QString first = queue.add(item(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s));
    const QString second =
        queue.add(item(u"hello-cli"_s, u"1.0.0"_s, u"hello-1.0.0-windows-amd64.zip"_s));
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(first)->state, DownloadItem::State::Downloading,
                              kTimeoutMs);
    queue.pause();
    QVERIFY(queue.isPaused());
    QCOMPARE(paused.count(), 1);
    QCOMPARE(queue.item(first)->state, DownloadItem::State::Queued); // interrupted, not failed
    QCOMPARE(queue.item(first)->attempts, 0);
    QVERIFY(queue.item(first)->errorMessage.isEmpty());
    QTest::qWait(600);
    QCOMPARE(queue.item(first)->state, DownloadItem::State::Queued);
    QCOMPARE(queue.item(second)->state, DownloadItem::State::Queued);

    queue.resume();
    QCOMPARE(paused.count(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeoutMs);
    QCOMPARE(queue.item(first)->state, DownloadItem::State::Done);
    QCOMPARE(queue.item(second)->state, DownloadItem::State::Done);
    QCOMPARE(queue.item(first)->attempts, 1);
    sim.reportIfFailed();
}

void TestDownloadQueue::cancelDiscardsThenRetry()
{
    SimServer sim(SimServer::Options().withDemo().withArguments({u"--fault"_s, u"latency=400"_s}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Session session(sim.baseUrl());
    DownloadQueue queue(provider(session));
    const DownloadItem download = item(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s);
    const QString running = queue.add(download);
    const QString waiting =
        queue.add(item(u"hello-cli"_s, u"1.0.0"_s, u"hello-1.0.0-windows-amd64.zip"_s));
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(running)->state, DownloadItem::State::Downloading,
                              kTimeoutMs);
    queue.cancel(waiting);
    QCOMPARE(queue.item(waiting)->state, DownloadItem::State::Cancelled);
    queue.cancel(running);
    QCOMPARE(queue.item(running)->state, DownloadItem::State::Cancelled);
    QVERIFY(!QFile::exists(download.localPath + u".part"_s));
    QVERIFY(queue.isIdle());
    queue.cancel(running); // final items stay as they are
    QCOMPARE(queue.item(running)->state, DownloadItem::State::Cancelled);

    queue.retry(running);
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(running)->state, DownloadItem::State::Done, kTimeoutMs);
    QVERIFY(QFile::exists(download.localPath));
    QCOMPARE(queue.item(waiting)->state, DownloadItem::State::Cancelled);
    sim.reportIfFailed();
}

void TestDownloadQueue::removeRunningAndClearFinished()
{
    SimServer sim(SimServer::Options().withDemo().withArguments({u"--fault"_s, u"latency=300"_s}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Session session(sim.baseUrl());
    DownloadQueue queue(provider(session));
    QSignalSpy removed(&queue, &DownloadQueue::itemRemoved);
    const DownloadItem download = item(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s);
    const QString running = queue.add(download);
    const QString next =
        queue.add(item(u"hello-cli"_s, u"1.2.0"_s, u"hello-1.2.0-windows-amd64.zip"_s));
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(running)->state, DownloadItem::State::Downloading,
                              kTimeoutMs);
    queue.remove(running);
    QCOMPARE(removed.count(), 1);
    QVERIFY(!queue.item(running));
    QVERIFY(!QFile::exists(download.localPath + u".part"_s));
    // The next one starts on its own.
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(next)->state, DownloadItem::State::Done, kTimeoutMs);
    const QString failing = queue.add(item(u"nope"_s, u"1.0.0"_s, u"missing.bin"_s));
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(failing)->isFinal(), kTimeoutMs);
    QCOMPARE(queue.item(failing)->state, DownloadItem::State::Failed);
    QCOMPARE(queue.item(failing)->errorKind, ApiError::Kind::NotFound);
    QCOMPARE(queue.item(failing)->attempts, 1);

    queue.clearFinished();
    QCOMPARE(removed.count(), 3);
    QVERIFY(queue.items().isEmpty());
    sim.reportIfFailed();
}

void TestDownloadQueue::missingAccountFails()
{
    DownloadQueue queue([](const QString &) -> GitLabApi * { return nullptr; });
    const QString id = queue.add(item(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s));
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    QCOMPARE(queue.item(id)->state, DownloadItem::State::Failed);
    QCOMPARE(queue.item(id)->errorKind, ApiError::Kind::Configuration);
}

QTEST_GUILESS_MAIN(TestDownloadQueue)
#include "TestDownloadQueue.moc"
