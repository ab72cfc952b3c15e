// Transfers against a misbehaving gitlab-sim (--fault): the upload queue retries the creation
// race's 500, 503, 429 (after Retry-After), a connection reset mid-upload and a stalled server,
// and gives up after its last attempt; downloads resume with a Range request after a reset; a
// stalled server times out instead of hanging (gitlab-api.md §3.10, §9, §12.2).

#include "IntegrationSupport.h"
#include "transfer/TransferQueue.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using namespace Stevedore::IntegrationTest;
using namespace Qt::StringLiterals;

namespace {

using stevedore::test::SimServer;

// A 12 MiB demo file (tests/sim/README.md): big enough to be cut off mid-way.
const PackageTarget kInstaller{kProject, kInstallerPackage, kInstallerVersion, kInstallerFile};

} // namespace

class TestTransferFaults final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    stevedore::test::ScopedSim m_sim; // the current test's; cleanup() reports and stops it

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void cleanup() { m_sim.reset(); }

    void uploadQueueRetriesTransientFailures_data()
    {
        QTest::addColumn<QStringList>("faults");
        QTest::addColumn<int>("firstErrorKind"); // what the queue saw fail
        QTest::addColumn<int>("minimumWaitMs");  // between the failure and the next attempt
        QTest::addColumn<int>("inactivityMs");   // 0: the client's default
        // PUT lines in the simulator's log: a stalled request is never logged.
        QTest::addColumn<int>("loggedPuts");

        QTest::newRow("creation race 500 on a new package")
            << QStringList{u"race-500"_s} << int(ApiError::Kind::Server) << 0 << 0 << 2;
        QTest::newRow("503 Service Unavailable")
            << QStringList{u"status=503:/packages/generic/:1"_s} << int(ApiError::Kind::Server) << 0
            << 0 << 2;
        QTest::newRow("429 with Retry-After")
            << QStringList{u"429:1:1"_s} << int(ApiError::Kind::RateLimited) << 950 << 0 << 2;
        // The upload device cannot be rewound, so Qt's HTTP layer cannot resend the PUT by
        // itself: the failure reaches the queue, which looks before it sends again.
        QTest::newRow("connection reset mid-upload")
            << QStringList{u"reset-after-bytes=100000:1:upload"_s} << int(ApiError::Kind::Network)
            << 0 << 0 << 2;
        QTest::newRow("stalled server")
            << QStringList{u"stall=2000:1"_s} << int(ApiError::Kind::Timeout) << 0 << 400 << 1;
    }

    void uploadQueueRetriesTransientFailures()
    {
        QFETCH(QStringList, faults);
        QFETCH(int, firstErrorKind);
        QFETCH(int, minimumWaitMs);
        QFETCH(int, inactivityMs);
        QFETCH(int, loggedPuts);

        QVERIFY(m_sim.startDemo(faults));
        Session session(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
        if (inactivityMs > 0)
            session.client->setInactivityTimeout(std::chrono::milliseconds(inactivityMs));

        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        const QString local = path(u"retry-"_s + QString::number(qHash(tag)));
        // Larger than the sockets buffer. gitlab-sim answers the 503 and 429 faults without
        // reading the body and keeps the connection open; with a small body the leftover bytes
        // would be parsed as the next request on that connection (and answered 400).
        const QString sha = writeFile(local, 2 * 1024 * 1024, 11);
        const PackageTarget target{kProject, u"retried"_s, u"1.0.0"_s, u"artifact.bin"_s};

        TransferQueue queue([&](const QString &) { return apiHandle(*session.api); }, QString());
        queue.setRetryPolicy({5, std::chrono::milliseconds(50), std::chrono::milliseconds(500)});
        QSignalSpy idle(&queue, &TransferQueue::idle);
        QList<ApiError::Kind> failures;
        QString failureMessage; // the row's text while it waits
        QElapsedTimer sinceFailure;
        qint64 waited = -1;
        connect(&queue, &TransferQueue::itemChanged, this, [&](const QString &id) {
            const TransferItem *item = queue.item(id);
            if (item->state == TransferState::Queued && item->errorKind != ApiError::Kind::None
                && !sinceFailure.isValid()) {
                failures << item->errorKind;
                failureMessage = item->errorMessage;
                sinceFailure.start();
            } else if (item->state == TransferState::Running && sinceFailure.isValid()
                       && waited < 0) {
                waited = sinceFailure.elapsed();
            }
        });
        const QString id = queue.add([&] {
            TransferItem item;
            item.accountId = u"sim"_s;
            item.target = target;
            item.localPath = local;
            // Straight to the PUT: the fault must hit the upload, not a look-up before it.
            item.duplicatePolicy = DuplicatePolicy::KeepBoth;
            return item;
        }());
        WAIT_FOR_SIGNALS(idle, 1);
        QCOMPARE(idle.size(), 1);

        const TransferItem *item = queue.item(id);
        QVERIFY2(item->state == TransferState::Done, qPrintable(item->errorMessage));
        QCOMPARE(item->sha256, sha);
        // (The simulator writes a line once its answer is out: it may lag a moment.)
        QTRY_COMPARE_WITH_TIMEOUT(
            requestLines(m_sim->logContents(), u"PUT"_s, u"/retried/"_s).size(), loggedPuts,
            kTimeoutMs);
        QCOMPARE(item->attempts, 2);
        QCOMPARE(failures, QList<ApiError::Kind>{ApiError::Kind(firstErrorKind)});
        QVERIFY2(waited >= minimumWaitMs, qPrintable(u"retried after %1 ms"_s.arg(waited)));
        // The wait is shown: the server's own, or the backoff's.
        QVERIFY2(failureMessage.contains(firstErrorKind == int(ApiError::Kind::RateLimited)
                                             ? u"GitLab asked to wait 1 s; retrying at"_s
                                             : u"Retrying in"_s),
                 qPrintable(failureMessage));

        // Exactly one copy arrived, whatever the failed attempt left behind.
        const auto version = versionFiles(*session.api, target);
        VERIFY_OK(version);
        QCOMPARE(copiesByName(version.value()).value(target.fileName), 1);
        QCOMPARE(version.value().files.first().sha256, sha);
    }

    void uploadQueueGivesUpAfterTheLastAttempt()
    {
        QVERIFY(m_sim.startDemo({u"status=503:/packages/generic/:0"_s}));
        Session session(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
        const QString local = path(u"give-up.bin"_s);
        QVERIFY(!writeFile(local, 2 * 1024 * 1024, 12).isEmpty());

        TransferQueue queue([&](const QString &) { return apiHandle(*session.api); }, QString());
        queue.setRetryPolicy({3, std::chrono::milliseconds(20), std::chrono::milliseconds(100)});
        QSignalSpy idle(&queue, &TransferQueue::idle);
        TransferItem item;
        item.accountId = u"sim"_s;
        item.target = {kProject, u"never"_s, u"1.0.0"_s, u"give-up.bin"_s};
        item.localPath = local;
        const QString id = queue.add(item);
        WAIT_FOR_SIGNALS(idle, 1);
        QCOMPARE(idle.size(), 1);
        QCOMPARE(queue.item(id)->state, TransferState::Failed);
        QVERIFY2(queue.item(id)->attempts == 3, qPrintable(queue.item(id)->errorMessage));
        QCOMPARE(queue.item(id)->errorKind, ApiError::Kind::Server);
        QVERIFY2(queue.item(id)->errorMessage.contains(u"HTTP 503"_s),
                 qPrintable(queue.item(id)->errorMessage));
        QTRY_COMPARE_WITH_TIMEOUT(requestLines(m_sim->logContents(), u"PUT"_s, u"/never/"_s).size(),
                                  3, kTimeoutMs);
    }

    void downloadResumesAfterAConnectionReset_data()
    {
        QTest::addColumn<bool>("objectStorage");
        QTest::newRow("GitLab serves the file") << false;
        QTest::newRow("object storage redirect") << true;
    }

    void downloadResumesAfterAConnectionReset()
    {
        QFETCH(bool, objectStorage);
        constexpr qint64 cutAfter = 2 * 1024 * 1024;
        QVERIFY(m_sim.start(SimServer::Options()
                                .withDemo()
                                .withFaults({u"reset-after-bytes=%1:1:download"_s.arg(cutAfter)})
                                .withArguments(objectStorage ? QStringList{u"--object-storage"_s}
                                                             : QStringList())));
        Session session(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
        const auto version = versionFiles(*session.api, kInstaller);
        VERIFY_OK(version);
        const PackageFile *listed = version.value().newest(kInstaller.fileName);
        QVERIFY(listed);

        const QString target =
            path(objectStorage ? u"resume-os/"_s : u"resume/"_s) + kInstaller.fileName;
        DownloadJob first(*session.api, kInstaller, target);
        const auto cut = runDownload(first);
        QVERIFY(!cut.ok());
        QCOMPARE(cut.error().kind(), ApiError::Kind::Network);
        QVERIFY(cut.error().isTransient());
        QVERIFY(!QFile::exists(target));
        // What arrived before the reset is kept for the next attempt.
        const qint64 kept = QFileInfo(first.partPath()).size();
        QVERIFY2(kept > 0 && kept <= cutAfter, qPrintable(QString::number(kept)));
        QVERIFY(!m_sim->logContents().contains("CREDENTIAL LEAK"));

        DownloadJob second(*session.api, kInstaller, target);
        qint64 firstProgress = -1;
        connect(&second, &DownloadJob::progress, this, [&](qint64 received, qint64 total) {
            if (firstProgress < 0)
                firstProgress = received;
            QCOMPARE(total, listed->size);
        });
        VERIFY_OK(runDownload(second));
        QCOMPARE(QFileInfo(target).size(), listed->size);
        QCOMPARE(Sha256::ofFile(target), listed->sha256);
        QVERIFY(!QFile::exists(second.partPath()));
        // The second attempt continued after the kept bytes instead of fetching them again.
        QVERIFY2(firstProgress > kept, qPrintable(u"%1 vs %2"_s.arg(firstProgress).arg(kept)));
        if (!objectStorage) {
            QTRY_COMPARE_WITH_TIMEOUT(
                requestLines(m_sim->logContents(), u"GET"_s, u"/hello-setup-3.1.0.exe"_s).size(), 2,
                kTimeoutMs);
            const QStringList gets =
                requestLines(m_sim->logContents(), u"GET"_s, u"/hello-setup-3.1.0.exe"_s);
            QVERIFY2(gets.at(1).endsWith(u" 206"_s), qPrintable(gets.join(u'\n')));
        }
        QVERIFY(!m_sim->logContents().contains("CREDENTIAL LEAK"));
    }

    void stalledServerTimesOut_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::newRow("listing packages") << u"list"_s;
        QTest::newRow("downloading") << u"download"_s;
        QTest::newRow("uploading") << u"upload"_s;
    }

    void stalledServerTimesOut()
    {
        QFETCH(QString, operation);
        QVERIFY(m_sim.startDemo({u"stall=2500:1"_s}));
        Session session(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
        session.client->setInactivityTimeout(std::chrono::milliseconds(300));
        // Read-only calls retry a timeout by themselves; here the first failure is what counts.
        session.client->setRetryPolicy({1});

        QElapsedTimer clock;
        clock.start();
        ApiError error;
        if (operation == u"list"_s) {
            const auto listed = packages(*session.api, kProject, kHelloCli);
            QVERIFY(!listed.ok());
            error = listed.error();
        } else if (operation == u"download"_s) {
            const auto downloaded = download(*session.api, kInstaller, path(u"stalled.exe"_s));
            QVERIFY(!downloaded.ok());
            error = downloaded.error();
        } else {
            const QString local = path(u"stalled-upload.bin"_s);
            QVERIFY(!writeFile(local, 300 * 1024, 13).isEmpty());
            const auto uploaded =
                upload(*session.api, {kProject, u"stalled"_s, u"1.0.0"_s, u"a.bin"_s}, local);
            QVERIFY(!uploaded.ok());
            error = uploaded.error();
        }
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(error.kind(), ApiError::Kind::Timeout);
        QVERIFY(error.isTransient());
        QVERIFY2(error.message().contains(u"stopped answering"_s), qPrintable(error.message()));
        // Well before the server would have closed the connection by itself.
        QVERIFY2(elapsed < 2000, qPrintable(u"gave up after %1 ms"_s.arg(elapsed)));

        // The next request (the stall was a one-off) works with the same client.
        const auto again = packages(*session.api, kProject, kHelloCli);
        VERIFY_OK(again);
    }
};

QTEST_GUILESS_MAIN(TestTransferFaults)
#include "TestTransferFaults.moc"
