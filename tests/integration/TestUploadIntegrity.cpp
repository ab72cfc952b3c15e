// What is published is what the user had (against gitlab-sim): a file that grows, shrinks or
// is rewritten while it is uploaded is never reported as published; an answer lost after
// GitLab stored the file leaves exactly one copy (Qt may not re-send the PUT by itself, and
// the queue looks before it sends again); the default duplicate policy skips what is already
// there, and a download queued into a folder refuses a server name that leads out of it.

#include "HostileServer.h"
#include "IntegrationSupport.h"
#include "transfer/TransferQueue.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using namespace Stevedore::IntegrationTest;
using namespace Qt::StringLiterals;
using Stevedore::Test::HostileServer;
using stevedore::test::ScopedSim;

class TestUploadIntegrity final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ScopedSim m_sim; // the current test's; cleanup() reports and stops it

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Uploads `local` and calls `meddle` once, when the first bytes have gone out.
    Result<PackageFile> uploadWhile(const PackageTarget &target, const QString &local,
                                    const std::function<void()> &meddle)
    {
        Session session(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
        UploadJob job(*session.api, target, local, false);
        bool done = false;
        connect(&job, &UploadJob::progress, this, [&](qint64 sent, qint64) {
            if (sent > 0 && !done) {
                done = true;
                meddle();
            }
        });
        return runUpload(job);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void cleanup() { m_sim.reset(); }

    void aFileChangedDuringTheUploadIsNotPublished_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("said");
        QTest::newRow("it grows") << u"grow"_s << u"changed while it was uploaded"_s;
        QTest::newRow("it shrinks") << u"shrink"_s << u"shrank while it was uploaded"_s;
        QTest::newRow("it is rewritten in place")
            << u"rewrite"_s << u"changed while it was uploaded"_s;
    }

    void aFileChangedDuringTheUploadIsNotPublished()
    {
        QFETCH(QString, change);
        QFETCH(QString, said);
        QVERIFY(m_sim.startDemo());
        const QString local = path(change + u".bin"_s);
        // Large enough that the change lands while the body is still being read, however fast
        // the upload goes (it is made at the first progress report, within 50 ms).
        QVERIFY(!writeFile(local, 128 * 1024 * 1024, 5).isEmpty());
        const PackageTarget target{kProject, u"changing"_s, u"1.0.0"_s, change + u".bin"_s};

        const auto result = uploadWhile(target, local, [&] {
            QFile file(local);
            if (change == u"grow"_s) {
                QVERIFY(file.open(QIODevice::Append));
                file.write(QByteArray(4096, 'g'));
            } else if (change == u"shrink"_s) {
                QVERIFY(file.resize(1024 * 1024));
            } else {
                QVERIFY(file.open(QIODevice::ReadWrite));
                file.seek(120 * 1024 * 1024);
                file.write(QByteArray(4096, 'r'));
                file.close();
                // Same size; make sure the clock shows a change even on a coarse file system.
                QVERIFY(file.open(QIODevice::ReadWrite));
                QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(5),
                                         QFileDevice::FileModificationTime));
            }
        });
        QVERIFY2(!result.ok(), "a changing file was reported as published");
        QCOMPARE(result.error().kind(), ApiError::Kind::Local);
        QVERIFY2(result.error().message().contains(said), qPrintable(result.error().message()));
    }

    void aLostAnswerAfterStoringLeavesOneCopy()
    {
        QVERIFY(m_sim.startDemo({u"store-then-drop:1"_s}));
        Session session(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
        const QString local = path(u"dropped.bin"_s);
        const QString sha = writeFile(local, 3 * 1024 * 1024, 9);
        const PackageTarget target{kProject, u"dropped"_s, u"1.0.0"_s, u"dropped.bin"_s};

        // GitLab's own behaviour (keep both) is the policy under which a re-send would leave a
        // second copy.
        TransferQueue queue([&](const QString &) { return apiHandle(*session.api); }, QString());
        queue.setRetryPolicy({5, std::chrono::milliseconds(50), std::chrono::milliseconds(500)});
        QSignalSpy idle(&queue, &TransferQueue::idle);
        TransferItem item;
        item.accountId = u"sim"_s;
        item.target = target;
        item.localPath = local;
        item.duplicatePolicy = DuplicatePolicy::KeepBoth;
        const QString id = queue.add(item);
        WAIT_FOR_SIGNALS(idle, 1);

        const TransferItem *done = queue.item(id);
        QVERIFY2(done->state == TransferState::Done, qPrintable(done->errorMessage));
        QCOMPARE(done->sha256, sha);
        QCOMPARE(done->attempts, 2); // the failure reached the queue: Qt did not re-send
        QCOMPARE(requestLines(m_sim->logContents(), u"PUT"_s, u"/dropped/"_s).size(), 1);
        const auto version = versionFiles(*session.api, target);
        VERIFY_OK(version);
        QCOMPARE(copiesByName(version.value()).value(target.fileName), 1);
    }

    void theDefaultPolicySkipsIdenticalFilesAndUploadsChangedOnes()
    {
        QVERIFY(m_sim.startDemo());
        Session session(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
        const QString same = path(u"same.txt"_s);
        const QString changed = path(u"changed.txt"_s);
        QVERIFY(!writeText(same, "same\n").isEmpty());
        QVERIFY(!writeText(changed, "first\n").isEmpty());
        const auto publish = [&](const QStringList &files) -> QStringList {
            TransferQueue queue([&](const QString &) { return apiHandle(*session.api); },
                                QString());
            QSignalSpy idle(&queue, &TransferQueue::idle);
            QStringList ids;
            for (const QString &file : files) {
                TransferItem item; // the default policy
                item.accountId = u"sim"_s;
                item.target = {kProject, u"rerun"_s, u"1.0.0"_s, QFileInfo(file).fileName()};
                item.localPath = file;
                ids << queue.add(item);
            }
            if (idle.isEmpty() && !idle.wait(kTimeoutMs))
                return {u"no idle signal"_s};
            QStringList states;
            for (const QString &id : std::as_const(ids))
                states << transferStateId(queue.item(id)->state);
            return states;
        };
        QCOMPARE(publish({same, changed}), (QStringList{u"done"_s, u"done"_s}));
        QVERIFY(!writeText(changed, "second\n").isEmpty());
        QCOMPARE(publish({same, changed}), (QStringList{u"skipped"_s, u"done"_s}));

        const auto version = versionFiles(*session.api, {kProject, u"rerun"_s, u"1.0.0"_s, {}});
        VERIFY_OK(version);
        QCOMPARE(copiesByName(version.value()).value(u"same.txt"_s), 1);
        QCOMPARE(copiesByName(version.value()).value(u"changed.txt"_s), 2);
    }

    void aQueuedDownloadStaysInsideItsFolder()
    {
        HostileServer server;
        QVERIFY(server.isListening());
        const QByteArray good = "good content\n";
        Sha256 hash;
        hash.add(good);
        const QString goodSha = hash.hexDigest();
        server.on("GET", u"^/api/v4/projects/demo%2Fhello/packages/generic/app/1.0.0/good.txt$"_s,
                  [=](const HostileServer::Request &) {
                      HostileServer::Reply reply;
                      reply.body = good;
                      return reply;
                  });
        Session session(server.baseUrl(), CredentialKind::PersonalAccessToken, u"token"_s);
        TransferQueue queue([&](const QString &) { return apiHandle(*session.api); });
        QSignalSpy idle(&queue, &TransferQueue::idle);
        const QString folder = path(u"inside/downloads"_s);
        QVERIFY(QDir().mkpath(folder));
        QStringList ids;
        for (const QString &name : {u"../../escaped.txt"_s, u"/tmp/absolute.txt"_s,
                                    u"sub/../../escaped2.txt"_s, u"good.txt"_s}) {
            TransferItem item;
            item.direction = TransferDirection::Download;
            item.accountId = u"sim"_s;
            item.target = {kProject, u"app"_s, u"1.0.0"_s, name};
            item.folder = folder;
            item.localPath = QDir(folder).filePath(name);
            item.expectedSha256 = name == u"good.txt"_s ? goodSha : QString();
            ids << queue.add(item);
        }
        WAIT_FOR_SIGNALS(idle, 1);
        for (int i = 0; i < 3; ++i) {
            const TransferItem *refused = queue.item(ids.at(i));
            QCOMPARE(refused->state, TransferState::Failed);
            QVERIFY2(refused->errorMessage.contains(u"Refusing to write"_s),
                     qPrintable(refused->errorMessage));
        }
        QCOMPARE(queue.item(ids.at(3))->state, TransferState::Done);
        QCOMPARE(Sha256::ofFile(QDir(folder).filePath(u"good.txt"_s)), goodSha);
        QVERIFY(!QFile::exists(path(u"escaped.txt"_s)));
        QVERIFY(!QFile::exists(path(u"inside/escaped2.txt"_s)));
        QVERIFY(!QFile::exists(u"/tmp/absolute.txt"_s));
        QCOMPARE(server.requests().size(), 1); // only good.txt was asked for
    }
};

QTEST_GUILESS_MAIN(TestUploadIntegrity)
#include "TestUploadIntegrity.moc"
