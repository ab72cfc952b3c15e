// TransferQueue against gitlab-sim: verified downloads, conflict policies, resume from a .part
// file, retries after a connection reset and after 5xx, pause/resume/cancel/remove; uploads and
// downloads in one queue, one at a time and in order; pause stopping either direction at once;
// the journal (restoring a queue, what a change costs, lines cut short); items waiting for
// their account.

#include "ModelTestSupport.h"
#include "SimServer.h"
#include "core/Sha256.h"
#include "transfer/LocalTarget.h"
#include "transfer/TransferQueue.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace Stevedore::ModelTest;
using stevedore::test::SimServer;

namespace {

const RetryPolicy kFastRetries{5, std::chrono::milliseconds(50), std::chrono::milliseconds(500)};
const QString kAccount = u"sim-account"_s;
constexpr qint64 kInstallerSize = 12582912; // installer 3.1.0's hello-setup-3.1.0.exe

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(content) == content.size();
}

bool appendToFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Append)
           && file.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

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

qsizetype lineCount(const QString &path)
{
    return readFile(path).count('\n');
}

// How many items are between starting and finishing.
int activeCount(const TransferQueue &queue)
{
    return int(std::count_if(queue.items().begin(), queue.items().end(), [](const auto &item) {
        return item.state == TransferState::Running || item.state == TransferState::Verifying;
    }));
}

QString describe(const TransferItem *item)
{
    if (!item)
        return u"(no such item)"_s;
    return u"%1 %2: %3 after %4 attempt(s) %5"_s
        .arg(item->isUpload() ? u"upload"_s : u"download"_s, item->target.fileName,
             transferStateId(item->state))
        .arg(item->attempts)
        .arg(item->errorMessage);
}

TransferQueue::ApiProvider provider(Session &session)
{
    GitLabApi *api = session.api.get();
    return [api](const QString &accountId) {
        return accountId == kAccount ? apiHandle(*api) : std::shared_ptr<GitLabApi>();
    };
}

// Calls `action` once, on the event-loop turn after the first bytes of item `id` moved (as a
// click on Pause would), so that the transfer is stopped in the middle.
void onceBytesMoved(TransferQueue &queue, const QString &id, QObject *context,
                    std::function<void()> action)
{
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(
        &queue, &TransferQueue::progress, context,
        [connection, id, context, action](const QString &moving, qint64 done, qint64) {
            if (moving != id || done <= 0)
                return;
            QObject::disconnect(*connection);
            QMetaObject::invokeMethod(context, action, Qt::QueuedConnection);
        });
}

// Calls `action` once, on the event-loop turn after item `id` started.
void onceRunning(TransferQueue &queue, const QString &id, QObject *context,
                 std::function<void()> action)
{
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        QObject::connect(&queue, &TransferQueue::itemChanged, context,
                         [connection, id, context, action, &queue](const QString &changed) {
                             if (changed != id || queue.item(id)->state != TransferState::Running)
                                 return;
                             QObject::disconnect(*connection);
                             QMetaObject::invokeMethod(context, action, Qt::QueuedConnection);
                         });
}

// What the simulator logs for an upload into queue-test.
QByteArray uploadRequest(const QString &version, const QString &fileName)
{
    return "PUT /api/v4/projects/demo%2Fhello/packages/generic/queue-test/" + version.toLatin1()
           + '/' + fileName.toLatin1();
}

// Waits until the simulator's log, from byte `from` on, has a line containing `needle`: it is
// done with that request (it logs one it answered, and one whose body was cut off).
bool waitForLog(const SimServer &sim, qsizetype from, const QByteArray &needle)
{
    return QTest::qWaitFor([&] { return sim.logContents().mid(from).contains(needle); },
                           kTimeoutMs);
}

} // namespace

class TestTransferQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void numberedPath_data();
    void numberedPath();
    void policyIds();
    void itemJson();
    void downloadsAndVerifies();
    void wrongChecksumFails();
    void conflictSkip();
    void conflictOverwrite();
    void conflictKeepBoth();
    void resumesFromPartFile();
    void retryAfterResetResumes();
    void transientFailuresRetriedThenFail();
    void uploadsAndDownloadsInOrder();
    void downloadsRunSideBySideUploadsAlone();
    void pauseAndResume();
    void pauseStopsBothDirectionsAtOnce();
    void cancelDiscardsThenRetry();
    void removeRunningAndClearFinished();
    void clearWhileRunning();
    void missingAccountWaitsForIt();
    void journalRestoresTheQueue();
    void journalCostsOneLinePerChange();
    void journalIgnoresLinesCutShort();
    void missingJournalGivesAnEmptyQueue();

private:
    TransferItem download(const QString &name, const QString &version, const QString &fileName,
                          ConflictPolicy policy = ConflictPolicy::KeepBoth) const;
    // A local file of `size` random bytes, to be published into this test's own version.
    TransferItem upload(const QString &fileName, qint64 size, quint32 seed) const;
    QString uploadPackage() const { return u"queue-test"_s; }
    QString uploadVersion() const { return u"1.0.%1"_s.arg(m_version); }
    QList<PackageFile> files(const QString &name, const QString &version) const;
    // The copies of `fileName` in this test's upload version.
    static QList<PackageFile> copiesOf(GitLabApi &api, const QString &version,
                                       const QString &fileName);

    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_version = 0;
};

void TestTransferQueue::initTestCase()
{
    m_sim = std::make_unique<SimServer>(SimServer::Options().withDemo());
    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    m_session = std::make_unique<Session>(m_sim->baseUrl());
}

void TestTransferQueue::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    ++m_version;
}

void TestTransferQueue::cleanup()
{
    if (m_sim)
        m_sim->reportIfFailed();
}

TransferItem TestTransferQueue::download(const QString &name, const QString &version,
                                         const QString &fileName, ConflictPolicy policy) const
{
    TransferItem item;
    item.direction = TransferDirection::Download;
    item.accountId = kAccount;
    item.target = {kProject, name, version, fileName};
    item.localPath = m_dir->filePath(fileName);
    item.conflictPolicy = policy;
    return item;
}

TransferItem TestTransferQueue::upload(const QString &fileName, qint64 size, quint32 seed) const
{
    TransferItem item;
    item.direction = TransferDirection::Upload;
    item.accountId = kAccount;
    item.target = {kProject, uploadPackage(), uploadVersion(), fileName};
    item.localPath = m_dir->filePath(u"up-"_s + fileName);
    if (!writeRandomFile(item.localPath, size, seed))
        qWarning("cannot write %s", qPrintable(item.localPath));
    return item;
}

QList<PackageFile> TestTransferQueue::files(const QString &name, const QString &version) const
{
    return packageFiles(*m_session->api, kProject,
                        packageId(*m_session->api, kProject, name, version));
}

QList<PackageFile> TestTransferQueue::copiesOf(GitLabApi &api, const QString &version,
                                               const QString &fileName)
{
    QList<PackageFile> copies;
    for (const PackageFile &file : versionFiles(api, kProject, u"queue-test"_s, version)) {
        if (file.storedName == fileName)
            copies << file;
    }
    return copies;
}

void TestTransferQueue::numberedPath_data()
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

void TestTransferQueue::numberedPath()
{
    QFETCH(QString, path);
    QFETCH(int, number);
    QFETCH(QString, expected);
    QCOMPARE(DownloadTask::numberedPath(path, number), expected);
}

void TestTransferQueue::policyIds()
{
    for (const ConflictPolicy policy : {ConflictPolicy::Overwrite, ConflictPolicy::KeepBoth,
                                        ConflictPolicy::Skip, ConflictPolicy::Refuse})
        QCOMPARE(conflictPolicyFromId(conflictPolicyId(policy)), policy);
    QVERIFY(!conflictPolicyFromId(u"bogus"_s));
    for (const DuplicatePolicy policy : {DuplicatePolicy::SkipIdentical, DuplicatePolicy::KeepBoth,
                                         DuplicatePolicy::Replace, DuplicatePolicy::Fail})
        QCOMPARE(duplicatePolicyFromId(duplicatePolicyId(policy)), policy);
    QCOMPARE(duplicatePolicyId(DuplicatePolicy::SkipIdentical), u"skip-identical"_s);
    QCOMPARE(duplicatePolicyFromId(u"skip"_s), DuplicatePolicy::SkipIdentical); // the old name
    QVERIFY(!duplicatePolicyFromId(u"bogus"_s));
    for (const TransferState state :
         {TransferState::Queued, TransferState::Running, TransferState::Verifying,
          TransferState::Done, TransferState::Skipped, TransferState::Failed,
          TransferState::Cancelled})
        QCOMPARE(transferStateFromId(transferStateId(state)), state);
    QCOMPARE(transferStateId(TransferState::Verifying), u"verifying"_s);
    QVERIFY(!transferStateFromId(u"downloading"_s)); // only the journal reads the old names
}

void TestTransferQueue::itemJson()
{
    TransferItem down =
        download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s, ConflictPolicy::Overwrite);
    down.id = u"d1"_s;
    down.folder = m_dir->path();
    down.expectedSha256 = QString(64, QLatin1Char('a'));
    down.state = TransferState::Failed;
    down.attempts = 3;
    down.size = 40;
    down.finalPath = m_dir->filePath(u"SHA256SUMS (1)"_s);
    down.errorMessage = u"gone"_s;
    down.waitsForAccount = true;
    down.addedAt = QDateTime(QDate(2026, 3, 1), QTime(9, 30, 0, 125), Qt::UTC);
    const auto back = TransferItem::fromJson(down.toJson());
    QVERIFY(back);
    QCOMPARE(back->direction, TransferDirection::Download);
    QCOMPARE(back->id, down.id);
    QCOMPARE(back->accountId, down.accountId);
    QCOMPARE(back->target.project, down.target.project);
    QCOMPARE(back->target.packageName, down.target.packageName);
    QCOMPARE(back->target.version, down.target.version);
    QCOMPARE(back->target.fileName, down.target.fileName);
    QCOMPARE(back->localPath, down.localPath);
    QCOMPARE(back->folder, down.folder);
    QCOMPARE(back->expectedSha256, down.expectedSha256);
    QCOMPARE(back->conflictPolicy, ConflictPolicy::Overwrite);
    QCOMPARE(back->state, TransferState::Failed);
    QCOMPARE(back->attempts, 3);
    QCOMPARE(back->size, 40);
    QCOMPARE(back->finalPath, down.finalPath);
    QCOMPARE(back->errorMessage, down.errorMessage);
    QVERIFY(back->waitsForAccount);
    QCOMPARE(back->addedAt, down.addedAt);

    TransferItem up;
    up.id = u"u1"_s;
    up.accountId = kAccount;
    up.target = {kProject, u"p"_s, u"1.0.0"_s, u"dir/a.bin"_s};
    up.localPath = u"/tmp/a.bin"_s;
    up.hidden = true;
    up.duplicatePolicy = DuplicatePolicy::Replace;
    up.mayHaveArrived = true;
    const auto upBack = TransferItem::fromJson(up.toJson());
    QVERIFY(upBack);
    QCOMPARE(upBack->direction, TransferDirection::Upload);
    QVERIFY(upBack->hidden);
    QCOMPARE(upBack->duplicatePolicy, DuplicatePolicy::Replace);
    QVERIFY(upBack->mayHaveArrived);
    QCOMPARE(upBack->target.fileName, u"dir/a.bin"_s);
    QVERIFY(!upBack->isCopy());

    TransferItem copy = up;
    copy.sourceAccountId = u"staging"_s;
    copy.source = {u"group/staging"_s, u"p"_s, u"1.0.0-rc.1"_s, u"dir/a.bin"_s};
    copy.expectedSha256 = QString(64, QLatin1Char('b'));
    const auto copyBack = TransferItem::fromJson(copy.toJson());
    QVERIFY(copyBack);
    QVERIFY(copyBack->isCopy());
    QCOMPARE(copyBack->sourceAccountId, copy.sourceAccountId);
    QCOMPARE(copyBack->source, copy.source);
    QCOMPARE(copyBack->expectedSha256, copy.expectedSha256);
    QCOMPARE(copyBack->target, copy.target);

    // The upload queue's journal: no direction, "uploading", the duplicate policy "skip".
    QJsonObject old = up.toJson();
    old.remove(u"direction"_s);
    old.insert(u"state"_s, u"uploading"_s);
    old.insert(u"on_duplicate"_s, u"skip"_s);
    const auto fromOld = TransferItem::fromJson(old);
    QVERIFY(fromOld);
    QCOMPARE(fromOld->direction, TransferDirection::Upload);
    QCOMPARE(fromOld->state, TransferState::Running);
    QCOMPARE(fromOld->duplicatePolicy, DuplicatePolicy::SkipIdentical);

    // What cannot be an item.
    QJsonObject noId = down.toJson();
    noId.remove(u"id"_s);
    QVERIFY(!TransferItem::fromJson(noId));
    QJsonObject badState = down.toJson();
    badState.insert(u"state"_s, u"exploded"_s);
    QVERIFY(!TransferItem::fromJson(badState));
    QJsonObject badPolicy = down.toJson();
    badPolicy.insert(u"on_conflict"_s, u"shrug"_s);
    QVERIFY(!TransferItem::fromJson(badPolicy));
    QVERIFY(!TransferItem::fromJson(QJsonObject()));
}

void TestTransferQueue::downloadsAndVerifies()
{
    const QList<PackageFile> listed = files(u"hello-cli"_s, u"1.2.0"_s);
    QCOMPARE(listed.size(), 3);
    TransferQueue queue(provider(*m_session));
    QVERIFY(queue.isIdle());
    QVERIFY(!queue.isPaused());
    QSignalSpy idle(&queue, &TransferQueue::idle);
    QSignalSpy progress(&queue, &TransferQueue::progress);
    QSignalSpy added(&queue, &TransferQueue::itemsAdded);
    QList<TransferItem> batch;
    for (const PackageFile &file : listed) {
        TransferItem item = download(u"hello-cli"_s, u"1.2.0"_s, file.displayName());
        item.expectedSha256 = file.sha256.toUpper(); // compared case-insensitively
        item.size = file.size;
        batch << item;
    }
    const QStringList ids = queue.add(batch);
    QCOMPARE(ids.size(), 3);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 3);
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().first().toStringList(), ids);
    QCOMPARE(queue.items().size(), 3);
    QVERIFY(!queue.isIdle());
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, kTimeoutMs);
    QVERIFY(queue.isIdle());
    QVERIFY(progress.count() >= 3);
    for (int i = 0; i < listed.size(); ++i) {
        const TransferItem *done = queue.item(ids.at(i));
        QVERIFY(done);
        QCOMPARE(done->state, TransferState::Done);
        QCOMPARE(done->direction, TransferDirection::Download);
        QCOMPARE(done->attempts, 1);
        QCOMPARE(done->finalPath, done->localPath);
        QCOMPARE(done->size, listed.at(i).size);
        QCOMPARE(done->done, listed.at(i).size);
        QCOMPARE(done->sha256, listed.at(i).sha256);
        QVERIFY(done->finishedAt.isValid());
        QVERIFY(done->errorMessage.isEmpty());
        QCOMPARE(Sha256::ofFile(done->finalPath), listed.at(i).sha256);
        QVERIFY(!QFile::exists(partPathOf(done->finalPath)));
    }
}

void TestTransferQueue::wrongChecksumFails()
{
    TransferQueue queue(provider(*m_session));
    queue.setRetryPolicy(kFastRetries);
    TransferItem item = download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s);
    item.expectedSha256 = QString(64, QLatin1Char('0'));
    const QString id = queue.add(item);
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    const TransferItem *failed = queue.item(id);
    QCOMPARE(failed->state, TransferState::Failed);
    QCOMPARE(failed->errorKind, ApiError::Kind::Integrity);
    QCOMPARE(failed->attempts, 1); // damage is not retried
    QVERIFY(!failed->errorMessage.isEmpty());
    QVERIFY(!QFile::exists(item.localPath));
    QVERIFY(!QFile::exists(partPathOf(item.localPath)));
}

void TestTransferQueue::conflictSkip()
{
    TransferQueue queue(provider(*m_session));
    const TransferItem item =
        download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s, ConflictPolicy::Skip);
    QVERIFY(writeFile(item.localPath, "mine\n"));
    const qsizetype logBefore = m_sim->logContents().size();
    const QString id = queue.add(item);
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    QCOMPARE(queue.item(id)->state, TransferState::Skipped);
    const QByteArray requests = m_sim->logContents().mid(logBefore);
    QVERIFY2(!requests.contains("SHA256SUMS"), requests.constData()); // nothing was fetched
    QCOMPARE(readFile(item.localPath), QByteArray("mine\n"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList({u"SHA256SUMS"_s}));

    // Run again as it was: skipped again, the file untouched.
    queue.retry(id);
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    QCOMPARE(queue.item(id)->state, TransferState::Skipped);
    QCOMPARE(readFile(item.localPath), QByteArray("mine\n"));

    // Skipped, then asked again with Overwrite.
    queue.setConflictPolicy(id, ConflictPolicy::Overwrite);
    QCOMPARE(queue.item(id)->conflictPolicy, ConflictPolicy::Overwrite);
    queue.retry(id);
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(id)->state, TransferState::Done, kTimeoutMs);
    QVERIFY(readFile(item.localPath) != QByteArray("mine\n"));
}

void TestTransferQueue::conflictOverwrite()
{
    const QList<PackageFile> listed = files(u"hello-cli"_s, u"1.0.0"_s);
    const auto sums = std::find_if(listed.begin(), listed.end(), [](const PackageFile &file) {
        return file.storedName == u"SHA256SUMS"_s;
    });
    QVERIFY(sums != listed.end());
    TransferQueue queue(provider(*m_session));
    TransferItem item =
        download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s, ConflictPolicy::Overwrite);
    item.expectedSha256 = sums->sha256;
    QVERIFY(writeFile(item.localPath, "old content\n"));
    const QString id = queue.add(item);
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    QCOMPARE(queue.item(id)->state, TransferState::Done);
    QCOMPARE(queue.item(id)->finalPath, item.localPath);
    QCOMPARE(Sha256::ofFile(item.localPath), sums->sha256);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList({u"SHA256SUMS"_s}));

    // Refuse leaves an existing file alone and fails, saying so.
    TransferItem refused =
        download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s, ConflictPolicy::Refuse);
    QVERIFY(writeFile(refused.localPath, "keep me\n"));
    const QString refusedId = queue.add(refused);
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(refusedId)->isFinal(), kTimeoutMs);
    QCOMPARE(queue.item(refusedId)->state, TransferState::Failed);
    QVERIFY(queue.item(refusedId)->errorMessage.contains(u"already exists"_s));
    QCOMPARE(readFile(refused.localPath), QByteArray("keep me\n"));
}

void TestTransferQueue::conflictKeepBoth()
{
    TransferQueue queue(provider(*m_session));
    const QString name = u"hello-1.0.0-linux-amd64.tar.gz"_s;
    const TransferItem item = download(u"hello-cli"_s, u"1.0.0"_s, name, ConflictPolicy::KeepBoth);
    QVERIFY(writeFile(item.localPath, "first\n"));
    const QString first = queue.add(item);
    const QString second = queue.add(item);
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeoutMs);
    QCOMPARE(queue.item(first)->state, TransferState::Done);
    QCOMPARE(queue.item(second)->state, TransferState::Done);
    QCOMPARE(queue.item(first)->finalPath,
             m_dir->filePath(u"hello-1.0.0-linux-amd64 (1).tar.gz"_s));
    QCOMPARE(queue.item(second)->finalPath,
             m_dir->filePath(u"hello-1.0.0-linux-amd64 (2).tar.gz"_s));
    QCOMPARE(readFile(item.localPath), QByteArray("first\n"));
    QCOMPARE(Sha256::ofFile(queue.item(first)->finalPath),
             Sha256::ofFile(queue.item(second)->finalPath));
    QCOMPARE(QFileInfo(queue.item(first)->finalPath).size(), 1843211);
}

void TestTransferQueue::resumesFromPartFile()
{
    // The whole file once, to know its bytes; then half of it left as an earlier .part.
    const QString name = u"hello-1.2.0-darwin-arm64.tar.gz"_s;
    TransferQueue queue(provider(*m_session));
    const QString whole = queue.add(download(u"hello-cli"_s, u"1.2.0"_s, name));
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeoutMs);
    QCOMPARE(queue.item(whole)->state, TransferState::Done);
    const QByteArray bytes = readFile(m_dir->filePath(name));
    QCOMPARE(bytes.size(), 1788412);

    QTemporaryDir other;
    const QString target = other.filePath(name);
    QVERIFY(writeFile(partPathOf(target), bytes.left(1000000)));
    TransferItem resumed = download(u"hello-cli"_s, u"1.2.0"_s, name);
    resumed.localPath = target;
    const QString id = queue.add(resumed);
    QCOMPARE(queue.item(id)->done, 1000000); // shown before it starts
    const QByteArray logBefore = m_sim->logContents();
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    QCOMPARE(queue.item(id)->state, TransferState::Done);
    QCOMPARE(readFile(target), bytes);
    QVERIFY(!QFile::exists(partPathOf(target)));
    const QByteArray requests = m_sim->logContents().mid(logBefore.size());
    QVERIFY2(requests.contains(" 206"), requests.constData());
}

void TestTransferQueue::retryAfterResetResumes()
{
    SimServer sim(SimServer::Options().withDemo().withArguments(
        {u"--fault"_s, u"reset-after-bytes=4194304:1:download"_s}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Session session(sim.baseUrl());
    TransferQueue queue(provider(session));
    queue.setRetryPolicy(kFastRetries);
    const QString name = u"hello-setup-3.1.0.exe"_s;
    const QString id = queue.add(download(u"installer"_s, u"3.1.0"_s, name));

    // What the second attempt starts from.
    qint64 resumedFrom = -1;
    connect(&queue, &TransferQueue::itemChanged, this, [&](const QString &changed) {
        const TransferItem *current = queue.item(changed);
        if (current && current->attempts == 2 && current->state == TransferState::Running
            && resumedFrom < 0)
            resumedFrom = current->done;
    });
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    const TransferItem *done = queue.item(id);
    QVERIFY2(done->state == TransferState::Done, qPrintable(done->errorMessage));
    QCOMPARE(done->attempts, 2);
    QCOMPARE(done->size, kInstallerSize);
    QCOMPARE(QFileInfo(done->finalPath).size(), kInstallerSize);
    QVERIFY(!QFile::exists(partPathOf(done->finalPath)));
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

void TestTransferQueue::transientFailuresRetriedThenFail()
{
    SimServer sim(SimServer::Options().withDemo().withArguments(
        {u"--fault"_s, u"status=503:packages/generic/:0"_s}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Session session(sim.baseUrl());
    TransferQueue queue(provider(session));
    queue.setRetryPolicy({3, std::chrono::milliseconds(20), std::chrono::milliseconds(100)});
    const QString id = queue.add(download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s));
    // An upload meets the same 503s and is retried the same way.
    const QString up = queue.add(upload(u"retried.bin"_s, 1000, 5));
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeoutMs);
    const TransferItem *failed = queue.item(id);
    QCOMPARE(failed->state, TransferState::Failed);
    QCOMPARE(failed->attempts, 3);
    QCOMPARE(failed->errorKind, ApiError::Kind::Server);
    QVERIFY(!failed->errorMessage.isEmpty());
    QVERIFY2(queue.item(up)->state == TransferState::Failed, qPrintable(describe(queue.item(up))));
    QCOMPARE(queue.item(up)->attempts, 3);
    QCOMPARE(queue.item(up)->errorKind, ApiError::Kind::Server);

    // retry() starts over with a fresh count.
    queue.retry(id);
    QCOMPARE(queue.item(id)->state, TransferState::Queued);
    QCOMPARE(queue.item(id)->attempts, 0);
    QVERIFY(queue.item(id)->errorMessage.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinal(), kTimeoutMs);
    QCOMPARE(queue.item(id)->attempts, 3);
    sim.reportIfFailed();
}

void TestTransferQueue::uploadsAndDownloadsInOrder()
{
    const QList<PackageFile> listed = files(u"hello-cli"_s, u"1.0.0"_s);
    QCOMPARE(listed.size(), 3);
    TransferQueue queue(provider(*m_session));
    queue.pause();
    const QStringList ids = queue.add({
        upload(u"a.bin"_s, 700000, 1),
        download(u"hello-cli"_s, u"1.0.0"_s, u"hello-1.0.0-windows-amd64.zip"_s),
        upload(u"b.bin"_s, 300000, 2),
        download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s),
        upload(u"c.bin"_s, 5000, 3),
    });
    QCOMPARE(ids.size(), 5);
    QTest::qWait(100);
    for (const QString &id : ids)
        QCOMPARE(queue.item(id)->state, TransferState::Queued); // paused: nothing starts

    QStringList started;
    QStringList finished;
    int mostActive = 0;
    bool consistent = true;
    connect(&queue, &TransferQueue::itemChanged, this, [&](const QString &id) {
        mostActive = std::max(mostActive, activeCount(queue));
        const TransferItem *item = queue.item(id);
        if (item->state == TransferState::Running) {
            consistent = consistent && queue.isRunning(id);
            if (!started.contains(id))
                started << id;
        }
        if (item->isFinal())
            finished << id;
    });
    QSignalSpy idle(&queue, &TransferQueue::idle);
    QSet<QString> moved;
    connect(&queue, &TransferQueue::progress, this, [&](const QString &id, qint64 done, qint64) {
        if (done > 0)
            moved.insert(id);
        // Progress comes only from the one item that runs.
        consistent = consistent && queue.isRunning(id);
    });
    queue.resume();
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, kTimeoutMs);
    QVERIFY(queue.isIdle());
    QCOMPARE(started, ids);
    QCOMPARE(finished, ids);
    QCOMPARE(mostActive, 1);
    QVERIFY(consistent);
    QCOMPARE(moved, QSet<QString>(ids.begin(), ids.end()));
    for (const QString &id : ids) {
        const TransferItem *item = queue.item(id);
        QVERIFY2(item->state == TransferState::Done, qPrintable(describe(item)));
        QCOMPARE(item->attempts, 1);
        QCOMPARE(item->done, item->size);
        if (item->isUpload()) {
            QCOMPARE(item->sha256, Sha256::ofFile(item->localPath));
            const QList<PackageFile> copies =
                copiesOf(*m_session->api, uploadVersion(), item->target.fileName);
            QCOMPARE(copies.size(), 1);
            QCOMPARE(copies.first().sha256, item->sha256);
            QCOMPARE(item->size, QFileInfo(item->localPath).size());
        } else {
            const auto listedFile =
                std::find_if(listed.begin(), listed.end(), [item](const PackageFile &file) {
                    return file.storedName == item->target.fileName;
                });
            QVERIFY(listedFile != listed.end());
            QCOMPARE(Sha256::ofFile(item->finalPath), listedFile->sha256);
            QCOMPARE(item->size, listedFile->size);
            QCOMPARE(item->sha256, listedFile->sha256);
        }
    }
}

// Downloads start in queue order, up to kParallelDownloads at once; an upload waits for them
// and runs alone; two downloads of one name into one folder never run together, so the second
// keeps both.
void TestTransferQueue::downloadsRunSideBySideUploadsAlone()
{
    const QList<PackageFile> listed = files(u"hello-cli"_s, u"1.0.0"_s);
    QVERIFY(listed.size() >= 3);
    const auto into = [this](const QString &folder, const PackageFile &file) {
        TransferItem item = download(u"hello-cli"_s, u"1.0.0"_s, file.storedName);
        item.folder = m_dir->filePath(folder);
        item.localPath.clear();
        return item;
    };
    QList<TransferItem> items;
    for (const PackageFile &file : listed)
        items << into(u"first"_s, file);
    items << into(u"first"_s, listed.first()); // the same name into the same folder
    items << upload(u"between.bin"_s, 200000, 7);
    for (const PackageFile &file : listed)
        items << into(u"second"_s, file);

    TransferQueue queue(provider(*m_session));
    queue.pause();
    const QStringList ids = queue.add(items);
    QStringList started;
    int mostDownloads = 0;
    QStringList violations;
    connect(&queue, &TransferQueue::itemChanged, this, [&](const QString &id) {
        QList<const TransferItem *> running;
        for (const TransferItem &item : queue.items()) {
            if (item.state == TransferState::Running || item.state == TransferState::Verifying)
                running << &item;
        }
        const auto uploads =
            std::count_if(running.begin(), running.end(),
                          [](const TransferItem *item) { return item->isUpload(); });
        if (uploads > 0 && running.size() > 1)
            violations << u"an upload ran beside another transfer"_s;
        QSet<QString> paths;
        for (const TransferItem *item : running) {
            const QString path = item->folder + u'/' + item->target.fileName;
            if (!item->isUpload() && paths.contains(path))
                violations << u"two downloads of %1 ran together"_s.arg(path);
            paths.insert(path);
        }
        if (uploads == 0)
            mostDownloads = std::max(mostDownloads, int(running.size()));
        if (queue.item(id)->state == TransferState::Running && !started.contains(id))
            started << id;
    });
    QSignalSpy idle(&queue, &TransferQueue::idle);
    queue.resume();
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, kTimeoutMs);

    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    QCOMPARE(started, ids);
    QVERIFY2(mostDownloads > 1, "downloads ran one at a time");
    QVERIFY(mostDownloads <= TransferQueue::kParallelDownloads);
    for (const QString &id : ids) {
        const TransferItem *item = queue.item(id);
        QVERIFY2(item->state == TransferState::Done, qPrintable(describe(item)));
        if (!item->isUpload())
            QCOMPARE(Sha256::ofFile(item->finalPath), item->sha256);
    }
    const TransferItem *again = queue.item(ids.at(listed.size()));
    QCOMPARE(again->finalPath, DownloadTask::numberedPath(
                                   m_dir->filePath(u"first/"_s + listed.first().storedName), 1));
}

void TestTransferQueue::pauseAndResume()
{
    SimServer sim(SimServer::Options().withDemo().withArguments({u"--fault"_s, u"latency=400"_s}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Session session(sim.baseUrl());
    TransferQueue queue(provider(session));
    QSignalSpy paused(&queue, &TransferQueue::pausedChanged);
    const QString first = queue.add(download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s));
    const QString second =
        queue.add(download(u"hello-cli"_s, u"1.0.0"_s, u"hello-1.0.0-windows-amd64.zip"_s));
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(first)->state, TransferState::Running, kTimeoutMs);
    queue.pause();
    QVERIFY(queue.isPaused());
    QCOMPARE(paused.count(), 1);
    QCOMPARE(paused.first().first().toBool(), true);
    QCOMPARE(queue.item(first)->state, TransferState::Queued); // interrupted, not failed
    QVERIFY(!queue.isRunning(first));
    QCOMPARE(queue.item(first)->attempts, 0);
    QVERIFY(queue.item(first)->errorMessage.isEmpty());
    queue.pause(); // no second signal
    QCOMPARE(paused.count(), 1);
    QTest::qWait(600);
    QCOMPARE(queue.item(first)->state, TransferState::Queued);
    QCOMPARE(queue.item(second)->state, TransferState::Queued);

    queue.resume();
    QCOMPARE(paused.count(), 2);
    QCOMPARE(paused.last().first().toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeoutMs);
    QCOMPARE(queue.item(first)->state, TransferState::Done);
    QCOMPARE(queue.item(second)->state, TransferState::Done);
    QCOMPARE(queue.item(first)->attempts, 1);
    sim.reportIfFailed();
}

void TestTransferQueue::pauseStopsBothDirectionsAtOnce()
{
    // Latency keeps an upload's answer away for a while after its last byte, so that the pause
    // below always finds it running.
    SimServer sim(SimServer::Options().withDemo().withArguments({u"--fault"_s, u"latency=200"_s}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Session session(sim.baseUrl());
    TransferQueue queue(provider(session));
    const QString name = u"hello-setup-3.1.0.exe"_s;
    const TransferItem big = download(u"installer"_s, u"3.1.0"_s, name);
    const TransferItem up = upload(u"paused.bin"_s, 1024 * 1024, 7);
    const QStringList ids = queue.add({big, up});
    const QString down = ids.at(0);
    const QString part = partPathOf(big.localPath);

    // The download, in the middle.
    onceBytesMoved(queue, down, this, [&queue] { queue.pause(); });
    QTRY_VERIFY_WITH_TIMEOUT(queue.isPaused(), kTimeoutMs);
    QCOMPARE(queue.item(down)->state, TransferState::Queued); // at once, not failed
    QVERIFY(!queue.isRunning(down));
    QCOMPARE(queue.item(down)->attempts, 0);
    QVERIFY(queue.item(down)->errorMessage.isEmpty());
    QCOMPARE(queue.item(ids.at(1))->state, TransferState::Queued);
    QVERIFY(QFile::exists(part)); // kept for the resume
    const qint64 kept = QFileInfo(part).size();
    QVERIFY2(kept > 0 && kept < kInstallerSize, qPrintable(QString::number(kept)));
    QVERIFY(!QFile::exists(big.localPath));
    QTest::qWait(300);
    QCOMPARE(QFileInfo(part).size(), kept); // nothing more arrives: the request was stopped
    QCOMPARE(queue.item(down)->state, TransferState::Queued);
    QCOMPARE(queue.item(ids.at(1))->state, TransferState::Queued);

    // Resumed: the download continues from its .part, then the upload is stopped in the middle.
    qint64 resumedAt = -1;
    connect(&queue, &TransferQueue::progress, this, [&](const QString &id, qint64 done, qint64) {
        if (id == down && resumedAt < 0)
            resumedAt = done;
    });
    const qsizetype logBefore = sim.logContents().size();
    onceBytesMoved(queue, ids.at(1), this, [&queue] { queue.pause(); });
    queue.resume();
    QTRY_VERIFY_WITH_TIMEOUT(queue.isPaused(), kTimeoutMs);
    QVERIFY2(queue.item(down)->state == TransferState::Done,
             qPrintable(describe(queue.item(down))));
    QVERIFY2(resumedAt > kept, qPrintable(u"%1 after %2"_s.arg(resumedAt).arg(kept)));
    const QByteArray requests = sim.logContents().mid(logBefore);
    QVERIFY2(requests.contains(" 206"), requests.constData());
    const TransferItem *sent = queue.item(ids.at(1));
    QCOMPARE(sent->state, TransferState::Queued);
    QVERIFY(!queue.isRunning(ids.at(1)));
    QCOMPARE(sent->attempts, 0);
    QVERIFY(sent->errorMessage.isEmpty());
    QVERIFY(sent->mayHaveArrived); // looked for before it is sent again
    // Resumed once the simulator is done with the request that was cut off.
    QVERIFY(waitForLog(sim, logBefore, uploadRequest(uploadVersion(), u"paused.bin"_s)));
    QCOMPARE(queue.item(ids.at(1))->state, TransferState::Queued);

    queue.resume();
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeoutMs);
    QVERIFY2(queue.item(ids.at(1))->state == TransferState::Done,
             qPrintable(describe(queue.item(ids.at(1)))));
    QCOMPARE(queue.item(ids.at(1))->attempts, 1);
    const QString localSha = Sha256::ofFile(up.localPath);
    QCOMPARE(queue.item(ids.at(1))->sha256, localSha);
    const QList<PackageFile> copies = copiesOf(*session.api, uploadVersion(), u"paused.bin"_s);
    QCOMPARE(copies.size(), 1);
    QCOMPARE(copies.first().sha256, localSha);

    const TransferItem *downloaded = queue.item(down);
    QCOMPARE(downloaded->attempts, 1);
    QCOMPARE(QFileInfo(downloaded->finalPath).size(), kInstallerSize);
    QVERIFY(!QFile::exists(part));
    const QList<PackageFile> listed = packageFiles(
        *session.api, kProject, packageId(*session.api, kProject, u"installer"_s, u"3.1.0"_s));
    QCOMPARE(listed.size(), 1);
    QCOMPARE(Sha256::ofFile(downloaded->finalPath), listed.first().sha256);
    sim.reportIfFailed();
}

void TestTransferQueue::cancelDiscardsThenRetry()
{
    // Latency holds every answer back, so that what runs is still running when it is cancelled.
    SimServer sim(SimServer::Options().withDemo().withArguments({u"--fault"_s, u"latency=250"_s}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Session session(sim.baseUrl());
    TransferQueue queue(provider(session));
    const TransferItem item = download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s);
    const QString running = queue.add(item);
    const QString waiting =
        queue.add(download(u"hello-cli"_s, u"1.0.0"_s, u"hello-1.0.0-windows-amd64.zip"_s));
    std::optional<TransferState> waitingAfter;
    std::optional<TransferState> runningAfter;
    onceRunning(queue, running, this, [&] {
        queue.cancel(waiting);
        waitingAfter = queue.item(waiting)->state;
        queue.cancel(running);
        runningAfter = queue.item(running)->state;
    });
    QTRY_VERIFY_WITH_TIMEOUT(runningAfter.has_value(), kTimeoutMs);
    QCOMPARE(waitingAfter, TransferState::Cancelled);
    QCOMPARE(runningAfter, TransferState::Cancelled); // at once
    QVERIFY(!QFile::exists(partPathOf(item.localPath)));
    QVERIFY(queue.isIdle());
    queue.cancel(running); // final items stay as they are
    QCOMPARE(queue.item(running)->state, TransferState::Cancelled);

    queue.retry(running);
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(running)->state, TransferState::Done, kTimeoutMs);
    QVERIFY(QFile::exists(item.localPath));
    QCOMPARE(queue.item(waiting)->state, TransferState::Cancelled);

    // In the middle of their bytes: a running download loses its .part, a running upload
    // stops; retried, both finish, the upload with one copy (had its first attempt arrived
    // after all, it is skipped as identical).
    TransferQueue mid(provider(session));
    const TransferItem big = download(u"installer"_s, u"3.1.0"_s, u"hello-setup-3.1.0.exe"_s);
    const QStringList ids = mid.add(
        {big, upload(u"cancelled.bin"_s, 1024 * 1024, 9), upload(u"waiting.bin"_s, 20000, 8)});
    onceBytesMoved(mid, ids.at(0), this, [&] { mid.cancel(ids.at(0)); });
    QTRY_COMPARE_WITH_TIMEOUT(mid.item(ids.at(0))->state, TransferState::Cancelled, kTimeoutMs);
    QVERIFY(!QFile::exists(partPathOf(big.localPath)));
    QVERIFY(!QFile::exists(big.localPath));
    const qsizetype logBefore = sim.logContents().size();
    onceBytesMoved(mid, ids.at(1), this, [&] {
        mid.cancel(ids.at(2));
        mid.cancel(ids.at(1));
    });
    QTRY_COMPARE_WITH_TIMEOUT(mid.item(ids.at(1))->state, TransferState::Cancelled, kTimeoutMs);
    QCOMPARE(mid.item(ids.at(2))->state, TransferState::Cancelled);
    QVERIFY(mid.isIdle());
    // Retried once the simulator is done with the request that was cut off.
    QVERIFY(waitForLog(sim, logBefore, uploadRequest(uploadVersion(), u"cancelled.bin"_s)));
    for (const QString &id : ids)
        mid.retry(id);
    QTRY_VERIFY_WITH_TIMEOUT(mid.isIdle(), kTimeoutMs);
    const TransferItem *downloaded = mid.item(ids.at(0));
    QVERIFY2(downloaded->state == TransferState::Done, qPrintable(describe(downloaded)));
    QCOMPARE(QFileInfo(big.localPath).size(), kInstallerSize);
    QCOMPARE(downloaded->sha256, Sha256::ofFile(big.localPath));
    for (const QString &id : {ids.at(1), ids.at(2)}) {
        const TransferItem *published = mid.item(id);
        QVERIFY2(published->state == TransferState::Done
                     || (id == ids.at(1) && published->state == TransferState::Skipped),
                 qPrintable(describe(published)));
        const QList<PackageFile> copies =
            copiesOf(*session.api, uploadVersion(), published->target.fileName);
        QCOMPARE(copies.size(), 1);
        QCOMPARE(copies.first().sha256, Sha256::ofFile(published->localPath));
    }
    sim.reportIfFailed();
}

void TestTransferQueue::removeRunningAndClearFinished()
{
    SimServer sim(SimServer::Options().withDemo().withArguments({u"--fault"_s, u"latency=300"_s}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Session session(sim.baseUrl());
    TransferQueue queue(provider(session));
    QSignalSpy removed(&queue, &TransferQueue::itemsRemoved);
    const TransferItem item = download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s);
    const QString running = queue.add(item);
    const QString next =
        queue.add(download(u"hello-cli"_s, u"1.2.0"_s, u"hello-1.2.0-windows-amd64.zip"_s));
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(running)->state, TransferState::Running, kTimeoutMs);
    queue.remove(running);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().first().toStringList(), QStringList({running}));
    QVERIFY(!queue.item(running));
    QVERIFY(!QFile::exists(partPathOf(item.localPath)));
    // The next one starts on its own.
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(next)->state, TransferState::Done, kTimeoutMs);
    const QString failing = queue.add(download(u"nope"_s, u"1.0.0"_s, u"missing.bin"_s));
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(failing)->isFinal(), kTimeoutMs);
    QCOMPARE(queue.item(failing)->state, TransferState::Failed);
    QCOMPARE(queue.item(failing)->errorKind, ApiError::Kind::NotFound);
    QCOMPARE(queue.item(failing)->attempts, 1);

    queue.clearFinished();
    QCOMPARE(removed.count(), 2); // both finished items in one batch
    const QStringList cleared = removed.last().first().toStringList();
    QCOMPARE(QSet<QString>(cleared.begin(), cleared.end()), QSet<QString>({next, failing}));
    QVERIFY(queue.items().isEmpty());
    queue.clearFinished(); // nothing left: no signal
    QCOMPARE(removed.count(), 2);
    sim.reportIfFailed();
}

void TestTransferQueue::clearWhileRunning()
{
    TransferQueue queue(provider(*m_session));
    QSignalSpy removed(&queue, &TransferQueue::itemsRemoved);
    QSignalSpy changed(&queue, &TransferQueue::itemChanged);
    const TransferItem big = download(u"installer"_s, u"3.1.0"_s, u"hello-setup-3.1.0.exe"_s);
    const QStringList ids = queue.add({big, download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s)});
    bool cleared = false;
    onceBytesMoved(queue, ids.at(0), this, [&] {
        queue.clear();
        cleared = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(cleared, kTimeoutMs);
    QVERIFY(queue.items().isEmpty());
    QVERIFY(queue.isIdle());
    QVERIFY(!queue.isRunning(ids.at(0)));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().first().toStringList(), ids);
    const int changes = changed.count();
    QTest::qWait(200);
    QCOMPARE(changed.count(), changes); // nothing runs any more
    QVERIFY(!QFile::exists(big.localPath));
    QVERIFY(!QFile::exists(partPathOf(big.localPath)));

    // The queue is usable again.
    const QString again = queue.add(download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s));
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(again)->state, TransferState::Done, kTimeoutMs);
}

void TestTransferQueue::missingAccountWaitsForIt()
{
    // "other-account" is not signed in until the test says so.
    bool otherSignedIn = false;
    GitLabApi *api = m_session->api.get();
    TransferQueue queue([&otherSignedIn, api](const QString &accountId) {
        if (accountId == kAccount || (accountId == u"other-account"_s && otherSignedIn))
            return apiHandle(*api);
        return std::shared_ptr<GitLabApi>();
    });
    TransferItem waitingDownload = download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s);
    waitingDownload.accountId = u"other-account"_s;
    TransferItem waitingUpload = upload(u"later.bin"_s, 3000, 11);
    waitingUpload.accountId = u"other-account"_s;
    // A copy into the signed-in account from the missing one waits for the missing one.
    PackageFile sums;
    for (const PackageFile &file : versionFiles(*api, kProject, u"hello-cli"_s, u"1.0.0"_s)) {
        if (file.storedName == u"SHA256SUMS"_s)
            sums = file;
    }
    QVERIFY(!sums.sha256.isEmpty());
    TransferItem waitingCopy = upload(u"copied.txt"_s, 1, 12);
    waitingCopy.sourceAccountId = u"other-account"_s;
    waitingCopy.source = {kProject, u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s};
    waitingCopy.expectedSha256 = sums.sha256;
    waitingCopy.size = sums.size;
    QVERIFY(QDir().mkpath(m_dir->filePath(u"spool"_s)));
    waitingCopy.localPath = m_dir->filePath(u"spool/"_s + sums.sha256);
    const QStringList ids =
        queue.add({waitingDownload, download(u"nope"_s, u"1.0.0"_s, u"missing.bin"_s),
                   waitingUpload, waitingCopy});
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeoutMs);
    for (const QString &id : {ids.at(0), ids.at(2), ids.at(3)}) {
        const TransferItem *item = queue.item(id);
        QCOMPARE(item->state, TransferState::Failed);
        QVERIFY(item->waitsForAccount);
        QCOMPARE(item->errorKind, ApiError::Kind::Configuration);
        QVERIFY2(item->errorMessage.contains(u"not signed in"_s), qPrintable(item->errorMessage));
        QCOMPARE(item->attempts, 0); // nothing was tried
    }
    // The signed-in account's items run meanwhile (this one fails for its own reason).
    QCOMPARE(queue.item(ids.at(1))->state, TransferState::Failed);
    QCOMPARE(queue.item(ids.at(1))->errorKind, ApiError::Kind::NotFound);
    QVERIFY(!queue.item(ids.at(1))->waitsForAccount);

    // Another account, or the account still missing: nothing moves.
    queue.accountAvailable(kAccount);
    QCOMPARE(queue.item(ids.at(1))->state, TransferState::Failed);
    queue.accountAvailable(u"other-account"_s);
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeoutMs);
    QCOMPARE(queue.item(ids.at(0))->state, TransferState::Failed);
    QVERIFY(queue.item(ids.at(0))->waitsForAccount);

    otherSignedIn = true;
    queue.accountAvailable(u"other-account"_s);
    QCOMPARE(queue.item(ids.at(0))->state, TransferState::Queued);
    QCOMPARE(queue.item(ids.at(2))->state, TransferState::Queued);
    QCOMPARE(queue.item(ids.at(3))->state, TransferState::Queued);
    QVERIFY(!queue.item(ids.at(0))->waitsForAccount);
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeoutMs);
    for (const QString &id : {ids.at(0), ids.at(2), ids.at(3)}) {
        const TransferItem *item = queue.item(id);
        QVERIFY2(item->state == TransferState::Done, qPrintable(describe(item)));
        QVERIFY(!item->waitsForAccount);
        QVERIFY(item->errorMessage.isEmpty());
        QCOMPARE(item->attempts, 1);
    }
    QVERIFY(QFile::exists(waitingDownload.localPath));
    QCOMPARE(copiesOf(*api, uploadVersion(), u"later.bin"_s).size(), 1);
    QCOMPARE(copiesOf(*api, uploadVersion(), u"copied.txt"_s).value(0).sha256, sums.sha256);
    QVERIFY(!QFile::exists(waitingCopy.localPath));                // the spool went with the copy
    QCOMPARE(queue.item(ids.at(1))->state, TransferState::Failed); // not waiting for an account
}

void TestTransferQueue::journalRestoresTheQueue()
{
    // Latency keeps an upload running for a while after its last byte.
    SimServer sim(SimServer::Options().withDemo().withArguments({u"--fault"_s, u"latency=200"_s}));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Session session(sim.baseUrl());
    const QString path = m_dir->filePath(u"state/transfers.jsonl"_s); // the folder is made
    auto queue = std::make_unique<TransferQueue>(provider(session), path);
    QVERIFY(queue->loadError().isEmpty());
    QVERIFY(queue->items().isEmpty());
    QVERIFY(!queue->isPaused());

    // Two finished items …
    const QStringList finished = queue->add({download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s),
                                             download(u"nope"_s, u"1.0.0"_s, u"missing.bin"_s)});
    QTRY_VERIFY_WITH_TIMEOUT(queue->isIdle(), kTimeoutMs);
    QCOMPARE(queue->item(finished.at(0))->state, TransferState::Done);
    QCOMPARE(queue->item(finished.at(1))->state, TransferState::Failed);
    // … then a download that is running when the queue goes, and two waiting behind it.
    const TransferItem big = download(u"installer"_s, u"3.1.0"_s, u"hello-setup-3.1.0.exe"_s);
    const TransferItem up = upload(u"restored.bin"_s, 1024 * 1024, 12);
    TransferItem small = download(u"nightly"_s, u"2026.11.20"_s, u"build.log"_s);
    small.conflictPolicy = ConflictPolicy::Overwrite;
    const QStringList pending = queue->add({big, up, small});
    const QStringList ids = finished + pending;
    const QList<TransferItem> before = queue->items();
    bool destroyed = false;
    onceBytesMoved(*queue, pending.at(0), this, [&] {
        queue.reset(); // as a crash or a quit would
        destroyed = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(destroyed, kTimeoutMs);
    const QString part = partPathOf(big.localPath);
    QVERIFY(QFile::exists(part)); // left for the next session
    const qint64 kept = QFileInfo(part).size();
    QVERIFY2(kept > 0 && kept < kInstallerSize, qPrintable(QString::number(kept)));

    const auto checkSame = [&](const TransferQueue &restored) {
        QCOMPARE(restored.items().size(), ids.size());
        for (int i = 0; i < ids.size(); ++i) {
            const TransferItem &was = before.at(i);
            const TransferItem &is = restored.items().at(i);
            QCOMPARE(is.id, ids.at(i));
            QCOMPARE(is.direction, was.direction);
            QCOMPARE(is.accountId, was.accountId);
            QCOMPARE(is.target.project, was.target.project);
            QCOMPARE(is.target.packageName, was.target.packageName);
            QCOMPARE(is.target.version, was.target.version);
            QCOMPARE(is.target.fileName, was.target.fileName);
            QCOMPARE(is.localPath, was.localPath);
            QCOMPARE(is.conflictPolicy, was.conflictPolicy);
            QCOMPARE(is.duplicatePolicy, was.duplicatePolicy);
            QCOMPARE(is.addedAt, was.addedAt);
        }
    };

    // Back from the same path: the same items, the unfinished ones queued, and paused.
    queue = std::make_unique<TransferQueue>(provider(session), path);
    QVERIFY2(queue->loadError().isEmpty(), qPrintable(queue->loadError()));
    checkSame(*queue);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(queue->isPaused());
    QVERIFY(!queue->isIdle());
    const TransferItem *done = queue->item(finished.at(0));
    QCOMPARE(done->state, TransferState::Done);
    QVERIFY(!done->sha256.isEmpty()); // the checksum it was verified against
    QCOMPARE(done->sha256, before.at(0).sha256);
    QCOMPARE(done->finalPath, before.at(0).finalPath);
    QCOMPARE(done->done, done->size);
    QVERIFY(done->finishedAt.isValid());
    const TransferItem *failed = queue->item(finished.at(1));
    QCOMPARE(failed->state, TransferState::Failed);
    QCOMPARE(failed->errorMessage, before.at(1).errorMessage);
    QCOMPARE(failed->attempts, 1);
    QCOMPARE(failed->errorKind, ApiError::Kind::NotFound);
    for (const QString &id : pending) {
        QCOMPARE(queue->item(id)->state, TransferState::Queued);
        QVERIFY(!queue->item(id)->mayHaveArrived); // none was an upload in flight
    }
    QCOMPARE(queue->item(pending.at(0))->done, kept);
    QTest::qWait(300);
    QCOMPARE(queue->item(pending.at(0))->state, TransferState::Queued); // paused: not started

    // Resumed: the download continues from its .part; the upload is interrupted again.
    const qsizetype logBefore = sim.logContents().size();
    destroyed = false;
    onceBytesMoved(*queue, pending.at(1), this, [&] {
        queue.reset();
        destroyed = true;
    });
    queue->resume();
    QTRY_VERIFY_WITH_TIMEOUT(destroyed, kTimeoutMs);
    const QByteArray requests = sim.logContents().mid(logBefore);
    QVERIFY2(requests.contains(" 206"), requests.constData());
    // Restored once the simulator is done with the request that was cut off.
    QVERIFY(waitForLog(sim, logBefore, uploadRequest(uploadVersion(), u"restored.bin"_s)));

    queue = std::make_unique<TransferQueue>(provider(session), path);
    checkSame(*queue);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(queue->isPaused());
    QCOMPARE(queue->item(pending.at(0))->state, TransferState::Done); // finished comes back so
    QCOMPARE(queue->item(pending.at(0))->done, kInstallerSize);
    QCOMPARE(queue->item(pending.at(1))->state, TransferState::Queued);
    QVERIFY(queue->item(pending.at(1))->mayHaveArrived); // it was in flight
    QCOMPARE(queue->item(pending.at(2))->state, TransferState::Queued);
    queue->resume();
    QTRY_VERIFY_WITH_TIMEOUT(queue->isIdle(), kTimeoutMs);
    for (const QString &id : pending) {
        QVERIFY2(queue->item(id)->state == TransferState::Done,
                 qPrintable(describe(queue->item(id))));
    }
    const QList<PackageFile> listed = packageFiles(
        *session.api, kProject, packageId(*session.api, kProject, u"installer"_s, u"3.1.0"_s));
    QCOMPARE(listed.size(), 1);
    QCOMPARE(Sha256::ofFile(big.localPath), listed.first().sha256);
    QVERIFY(!QFile::exists(part));
    const QList<PackageFile> copies = copiesOf(*session.api, uploadVersion(), u"restored.bin"_s);
    QCOMPARE(copies.size(), 1);
    QCOMPARE(copies.first().sha256, Sha256::ofFile(up.localPath));

    // clearFinished() compacts the journal down to what is left.
    queue->pause();
    const QString left = queue->add(download(u"hello-cli"_s, u"1.2.0"_s, u"left.bin"_s));
    const qint64 grown = QFileInfo(path).size();
    QVERIFY(lineCount(path) > ids.size());
    queue->clearFinished();
    QCOMPARE(queue->items().size(), 1);
    QCOMPARE(lineCount(path), 1);
    QVERIFY2(QFileInfo(path).size() < grown / 3,
             qPrintable(u"%1 → %2 bytes"_s.arg(grown).arg(QFileInfo(path).size())));
    queue.reset();
    queue = std::make_unique<TransferQueue>(provider(session), path);
    QCOMPARE(queue->items().size(), 1);
    QCOMPARE(queue->items().first().id, left);
    QVERIFY(queue->isPaused());

    // A one-shot queue leaves nothing behind.
    queue->discardJournal();
    QVERIFY(!QFile::exists(path));
    sim.reportIfFailed();
}

void TestTransferQueue::journalCostsOneLinePerChange()
{
    const QString path = m_dir->filePath(u"transfers.jsonl"_s);
    auto queue = std::make_unique<TransferQueue>(provider(*m_session), path);
    queue->pause(); // nothing starts, so the upload files need not exist
    QSignalSpy added(queue.get(), &TransferQueue::itemsAdded);
    QSignalSpy changed(queue.get(), &TransferQueue::itemChanged);
    constexpr int kItems = 1000;
    constexpr qint64 kLimit = 2 * 1024 * 1024;
    QList<TransferItem> batch;
    for (int i = 0; i < kItems; ++i) {
        TransferItem item;
        if (i % 2) {
            item = download(u"hello-cli"_s, u"1.0.0"_s, u"file-%1.bin"_s.arg(i));
        } else {
            item.accountId = kAccount;
            item.target = {kProject, uploadPackage(), uploadVersion(), u"file-%1.bin"_s.arg(i)};
            item.localPath = m_dir->filePath(u"never-%1.bin"_s.arg(i));
        }
        batch << item;
    }
    const qint64 start = queue->journalBytesWritten();
    QElapsedTimer clock;
    clock.start();
    const QStringList ids = queue->add(batch);
    const qint64 addMs = clock.elapsed();
    QCOMPARE(ids.size(), kItems);
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().first().toStringList(), ids);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(queue->items().size(), kItems);
    const qint64 forAdding = queue->journalBytesWritten() - start;
    QVERIFY2(forAdding > 0 && forAdding < kLimit, qPrintable(QString::number(forAdding)));
    QCOMPARE(lineCount(path), kItems);
    QCOMPARE(QFileInfo(path).size(), forAdding);

    // 1,000 changes, one line each: never the whole queue again.
    clock.restart();
    for (const QString &id : ids)
        queue->cancel(id);
    const qint64 changeMs = clock.elapsed();
    QCOMPARE(changed.count(), kItems);
    const qint64 forChanges = queue->journalBytesWritten() - start - forAdding;
    QVERIFY2(forChanges > 0 && forChanges < kLimit, qPrintable(QString::number(forChanges)));
    QCOMPARE(lineCount(path), 2 * kItems);
    qInfo("adding %d items: %lld bytes in %lld ms; %d changes: %lld bytes in %lld ms", kItems,
          forAdding, addMs, kItems, forChanges, changeMs);

    // The file says what the queue holds.
    queue.reset();
    queue = std::make_unique<TransferQueue>(provider(*m_session), path);
    QCOMPARE(queue->items().size(), kItems);
    QVERIFY(!queue->isPaused()); // nothing pending
    for (int i = 0; i < kItems; ++i) {
        QCOMPARE(queue->items().at(i).id, ids.at(i));
        QCOMPARE(queue->items().at(i).state, TransferState::Cancelled);
    }
    QCOMPARE(queue->items().at(0).direction, TransferDirection::Upload);
    QCOMPARE(queue->items().at(1).direction, TransferDirection::Download);
    QCOMPARE(lineCount(path), kItems); // compacted when opened
}

void TestTransferQueue::journalIgnoresLinesCutShort()
{
    const QString path = m_dir->filePath(u"transfers.jsonl"_s);
    QStringList ids;
    {
        TransferQueue queue(provider(*m_session), path);
        queue.pause();
        ids = queue.add({download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s),
                         upload(u"x.bin"_s, 100, 13),
                         download(u"hello-cli"_s, u"1.2.0"_s, u"hello-1.2.0-windows-amd64.zip"_s)});
    }
    QCOMPARE(lineCount(path), 3);
    const QByteArray intact = readFile(path);

    // Garbage between the lines and half a line at the end, as a crash mid-write leaves.
    const QList<QByteArray> lines = intact.split('\n');
    QVERIFY(appendToFile(path, "this is not JSON\n{\"put\": 17}\n[]\n"));
    QVERIFY(appendToFile(path, lines.at(1).left(lines.at(1).size() / 2)));
    {
        TransferQueue queue(provider(*m_session), path);
        QVERIFY2(queue.loadError().isEmpty(), qPrintable(queue.loadError()));
        QCOMPARE(queue.items().size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(queue.items().at(i).id, ids.at(i));
        QVERIFY(queue.isPaused());
    }
    // Compacted on opening: only whole lines are left.
    QCOMPARE(lineCount(path), 3);
    for (const QByteArray &line : readFile(path).split('\n')) {
        if (!line.isEmpty())
            QVERIFY(QJsonDocument::fromJson(line).isObject());
    }

    // The last line itself cut in half: that item is lost, the others are not.
    QVERIFY(writeFile(path, intact.left(intact.size() - lines.at(2).size() / 2 - 1)));
    {
        TransferQueue queue(provider(*m_session), path);
        QVERIFY(queue.loadError().isEmpty());
        QCOMPARE(queue.items().size(), 2);
        QCOMPARE(queue.items().at(0).id, ids.at(0));
        QCOMPARE(queue.items().at(1).id, ids.at(1));
        QCOMPARE(queue.items().at(1).direction, TransferDirection::Upload);
        QVERIFY(queue.isPaused());
    }
}

void TestTransferQueue::missingJournalGivesAnEmptyQueue()
{
    const QString path = m_dir->filePath(u"never/written/transfers.jsonl"_s);
    TransferQueue queue(provider(*m_session), path);
    QVERIFY(queue.loadError().isEmpty());
    QVERIFY(queue.items().isEmpty());
    QVERIFY(!queue.isPaused());
    QVERIFY(queue.isIdle());

    // An empty file is an empty queue too; and it works as any queue.
    const QString emptyPath = m_dir->filePath(u"empty.jsonl"_s);
    QVERIFY(writeFile(emptyPath, {}));
    TransferQueue empty(provider(*m_session), emptyPath);
    QVERIFY(empty.loadError().isEmpty());
    QVERIFY(empty.items().isEmpty());
    QVERIFY(!empty.isPaused());
    const QString id = empty.add(download(u"hello-cli"_s, u"1.0.0"_s, u"SHA256SUMS"_s));
    QTRY_VERIFY_WITH_TIMEOUT(empty.item(id)->isFinal(), kTimeoutMs);
    QCOMPARE(empty.item(id)->state, TransferState::Done);
}

QTEST_GUILESS_MAIN(TestTransferQueue)
#include "TestTransferQueue.moc"
