// TransferQueue against gitlab-sim: one upload at a time into a new package, the duplicate
// policies, a namespace that refuses duplicates, and a queue that is destroyed mid-way and
// restored from its state file without sending anything twice (gitlab-api.md §3.7, §3.10, §12).

#include "Fixture.h"
#include "IntegrationSupport.h"
#include "transfer/TransferQueue.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using namespace Stevedore::IntegrationTest;
using namespace Qt::StringLiterals;

namespace {

const QString kAccountId = u"sim"_s;

TransferItem queueItem(const PackageTarget &target, const QString &localPath,
                       DuplicatePolicy policy = DuplicatePolicy::KeepBoth)
{
    TransferItem item;
    item.direction = TransferDirection::Upload;
    item.accountId = kAccountId;
    item.target = target;
    item.localPath = localPath;
    item.duplicatePolicy = policy;
    return item;
}

} // namespace

class TestUploadQueue final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static TransferQueue::ApiProvider provider(GitLabApi &api)
    {
        return [&api](const QString &accountId) {
            return accountId == kAccountId ? apiHandle(api) : nullptr;
        };
    }

    static void fastRetries(TransferQueue &queue)
    {
        queue.setRetryPolicy({5, std::chrono::milliseconds(50), std::chrono::milliseconds(500)});
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void sendsOneUploadAtATimeIntoANewPackage()
    {
        // The demo simulator races concurrent creations of a new name+version into 500s
        // (§3.10); a serial queue never meets the race, so every item succeeds at once.
        stevedore::test::SimServer sim(stevedore::test::SimServer::Options().withDemo());
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto session =
            std::make_unique<Session>(sim.baseUrl(), CredentialKind::PersonalAccessToken, kPat);

        TransferQueue queue(provider(*session->api), QString());
        QSignalSpy idle(&queue, &TransferQueue::idle);
        QMap<QString, QList<TransferState>> states;
        int uploading = 0;
        int mostAtOnce = 0;
        connect(&queue, &TransferQueue::itemChanged, this, [&](const QString &id) {
            const TransferItem *item = queue.item(id);
            if (!states[id].isEmpty() && states[id].constLast() == item->state)
                return;
            states[id].append(item->state);
            if (item->state == TransferState::Running)
                mostAtOnce = std::max(mostAtOnce, ++uploading);
            else if (item->isFinal())
                --uploading;
        });

        QStringList ids;
        QMap<QString, QString> shas;
        for (int i = 0; i < 4; ++i) {
            const QString name = u"part-%1.bin"_s.arg(i);
            shas[name] = writeFile(path(name), 64 * 1024 + i, quint32(100 + i));
            ids << queue.add(queueItem({kProject, u"serial"_s, u"2.0.0"_s, name}, path(name)));
        }
        WAIT_FOR_SIGNALS(idle, 1);
        QCOMPARE(idle.size(), 1);
        QCOMPARE(mostAtOnce, 1);
        const QList<TransferState> expected{TransferState::Running, TransferState::Verifying,
                                            TransferState::Done};
        for (const QString &id : std::as_const(ids)) {
            const TransferItem *item = queue.item(id);
            QCOMPARE(item->state, TransferState::Done);
            QCOMPARE(item->attempts, 1);
            QCOMPARE(item->sha256, shas.value(item->target.fileName));
            QCOMPARE(item->done, item->size);
            QCOMPARE(states.value(id), expected);
        }
        const auto version =
            versionFiles(*session->api, {kProject, u"serial"_s, u"2.0.0"_s, QString()});
        VERIFY_OK(version);
        QCOMPARE(version.value().files.size(), 4);
        session.reset(); // closes its connections, so the simulator stops at once
        QCOMPARE(sim.stop(), 0);
    }

    void duplicatePolicies_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<bool>("sameContent");
        QTest::addColumn<int>("state");  // TransferState of the second upload
        QTest::addColumn<int>("copies"); // of the file name in the version afterwards

        const int done = int(TransferState::Done);
        const int skipped = int(TransferState::Skipped);
        QTest::newRow("keep, other content") << u"keep"_s << false << done << 2;
        QTest::newRow("keep, same content") << u"keep"_s << true << done << 2;
        QTest::newRow("replace, other content") << u"replace"_s << false << done << 1;
        QTest::newRow("replace, same content") << u"replace"_s << true << done << 1;
        QTest::newRow("skip, same content") << u"skip"_s << true << skipped << 1;
        QTest::newRow("skip, other content") << u"skip"_s << false << done << 2;
    }

    void duplicatePolicies()
    {
        QFETCH(QString, policy);
        QFETCH(bool, sameContent);
        QFETCH(int, state);
        QFETCH(int, copies);

        stevedore::test::SimServer sim(stevedore::test::SimServer::Options().withDemo());
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto session =
            std::make_unique<Session>(sim.baseUrl(), CredentialKind::PersonalAccessToken, kPat);

        const PackageTarget target{kProject, u"dupes"_s, u"1.0.0"_s, u"app.tar.gz"_s};
        const QString first = path(u"first-"_s + policy);
        const QString second = path(u"second-"_s + policy);
        const QString firstSha = writeFile(first, 20000, 1);
        const QString secondSha = writeFile(second, 20000, sameContent ? 1 : 2);
        QCOMPARE(firstSha == secondSha, sameContent);
        VERIFY_OK(upload(*session->api, target, first));

        TransferQueue queue(provider(*session->api), QString());
        QSignalSpy idle(&queue, &TransferQueue::idle);
        const QString id = queue.add(queueItem(target, second, *duplicatePolicyFromId(policy)));
        WAIT_FOR_SIGNALS(idle, 1);
        QCOMPARE(idle.size(), 1);
        const TransferItem *item = queue.item(id);
        QVERIFY2(item->errorMessage.isEmpty(), qPrintable(item->errorMessage));
        QCOMPARE(int(item->state), state);
        QCOMPARE(item->sha256, secondSha);

        const auto version = versionFiles(*session->api, target);
        VERIFY_OK(version);
        QCOMPARE(copiesByName(version.value()).value(target.fileName), copies);
        // Whatever happened, a download now gets the second file's content.
        QCOMPARE(version.value().newest(target.fileName)->sha256, secondSha);
        // (The simulator writes a line once its answer is out: it may lag a moment.)
        const int puts = item->state == TransferState::Skipped ? 1 : 2;
        QTRY_COMPARE_WITH_TIMEOUT(
            int(requestLines(sim.logContents(), u"PUT"_s, u"/dupes/"_s).size()), puts, kTimeoutMs);
        session.reset(); // closes its connections, so the simulator stops at once
        QCOMPARE(sim.stop(), 0);
    }

    void namespaceDuplicateSettingsAreHonoured_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("allowed");
        // The namespace refuses duplicates except for names or versions matching release-.*
        QTest::newRow("refused") << u"app"_s << false;
        QTest::newRow("exception regex matches the name") << u"release-app"_s << true;
    }

    void namespaceDuplicateSettingsAreHonoured()
    {
        QFETCH(QString, name);
        QFETCH(bool, allowed);

        stevedore::test::Fixture fixture;
        fixture.addUser(u"dev"_s)
            .addPersonalToken(u"pat-dev"_s, u"dev"_s)
            .addNamespace(u"strict"_s, false, u"release-.*"_s)
            .addProject(5, u"strict/app"_s, u"private"_s, {{u"dev"_s, u"maintainer"_s}});
        stevedore::test::SimServer sim(
            stevedore::test::SimServer::Options().withFixture(fixture.toJson()));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto session = std::make_unique<Session>(sim.baseUrl(), CredentialKind::PersonalAccessToken,
                                                 u"pat-dev"_s);

        const PackageTarget target{u"strict/app"_s, name, u"1.0.0"_s, u"app.bin"_s};
        const QString local = path(u"strict-"_s + name);
        QVERIFY(!writeFile(local, 1000, 3).isEmpty());
        VERIFY_OK(upload(*session->api, target, local));

        TransferQueue queue(provider(*session->api), QString());
        fastRetries(queue);
        QSignalSpy idle(&queue, &TransferQueue::idle);
        const QString id = queue.add(queueItem(target, local));
        WAIT_FOR_SIGNALS(idle, 1);
        QCOMPARE(idle.size(), 1);
        const TransferItem *item = queue.item(id);
        if (allowed) {
            QCOMPARE(item->state, TransferState::Done);
        } else {
            // A 4xx is never retried, and the message says what to do.
            QCOMPARE(item->state, TransferState::Failed);
            QCOMPARE(item->errorKind, ApiError::Kind::Duplicate);
            QCOMPARE(item->attempts, 1);
            QVERIFY2(item->errorMessage.contains(u"does not allow duplicate"_s),
                     qPrintable(item->errorMessage));
        }
        const auto version = versionFiles(*session->api, target);
        VERIFY_OK(version);
        QCOMPARE(version.value().files.size(), allowed ? 2 : 1);
        session.reset(); // closes its connections, so the simulator stops at once
        QCOMPARE(sim.stop(), 0);
    }

    void restoresAfterDestructionWithoutDuplicates_data()
    {
        QTest::addColumn<bool>("whileUploading");
        QTest::newRow("destroyed right after the first item finished") << false;
        QTest::newRow("destroyed while the second item uploads") << true;
    }

    void restoresAfterDestructionWithoutDuplicates()
    {
        QFETCH(bool, whileUploading);

        // With latency every answer waits, so the second upload is certainly in flight when
        // the queue goes away.
        QStringList arguments;
        if (whileUploading)
            arguments << u"--fault"_s << u"latency=300"_s;
        stevedore::test::SimServer sim(
            stevedore::test::SimServer::Options().withDemo().withArguments(arguments));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto session =
            std::make_unique<Session>(sim.baseUrl(), CredentialKind::PersonalAccessToken, kPat);

        const QString tag = whileUploading ? u"while"_s : u"after"_s;
        const QString stateFile = path(tag + u"/state/queue.json"_s);
        QVERIFY(QDir().mkpath(path(tag)));
        const QString package = u"restored-"_s + tag;
        QStringList names;
        QMap<QString, QString> shas;
        for (int i = 1; i <= 3; ++i) {
            const QString name = u"file-%1.bin"_s.arg(i);
            names << name;
            const qint64 size = whileUploading && i == 2 ? 40 * 1024 * 1024 : 256 * 1024 + i;
            shas[name] = writeFile(path(tag + u'/' + name), size, quint32(i));
        }

        auto queue = std::make_unique<TransferQueue>(provider(*session->api), stateFile);
        bool destroying = false;
        QVERIFY2(queue->loadError().isEmpty(), qPrintable(queue->loadError()));
        QStringList ids;
        for (const QString &name : std::as_const(names))
            ids << queue->add(
                queueItem({kProject, package, u"1.0.0"_s, name}, path(tag + u'/' + name)));
        QVERIFY(QFile::exists(stateFile));

        if (whileUploading) {
            // Destroyed from the event loop once the second item's body is on its way. It is
            // far larger than the sockets can buffer, and the server (latency) has not started
            // reading, so it cannot have arrived whole.
            connect(queue.get(), &TransferQueue::progress, this,
                    [&](const QString &id, qint64 sent, qint64 total) {
                        if (id == ids[1] && sent > 0 && sent < total && !destroying) {
                            destroying = true;
                            QMetaObject::invokeMethod(
                                this, [&queue] { queue.reset(); }, Qt::QueuedConnection);
                        }
                    });
            QTRY_VERIFY_WITH_TIMEOUT(!queue, kTimeoutMs);
        } else {
            // Destroyed from the event loop right after the first item's Done: that event was
            // posted before the queue scheduled the next upload, so nothing else started.
            connect(queue.get(), &TransferQueue::itemChanged, this, [&](const QString &id) {
                if (id == ids[0] && queue->item(id)->state == TransferState::Done)
                    QMetaObject::invokeMethod(
                        this, [&queue] { queue.reset(); }, Qt::QueuedConnection);
            });
            QTRY_VERIFY_WITH_TIMEOUT(!queue, kTimeoutMs);
        }

        // The state file holds the work, never the token.
        QFile saved(stateFile);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray state = saved.readAll();
        QVERIFY(!state.contains(kPat.toUtf8()));
        saved.close();

        TransferQueue restored(provider(*session->api), stateFile);
        QVERIFY2(restored.loadError().isEmpty(), qPrintable(restored.loadError()));
        QCOMPARE(restored.items().size(), 3);
        QCOMPARE(restored.item(ids[0])->state, TransferState::Done);
        QCOMPARE(restored.item(ids[1])->state, TransferState::Queued);
        QCOMPARE(restored.item(ids[1])->mayHaveArrived, whileUploading);
        QCOMPARE(restored.item(ids[2])->state, TransferState::Queued);
        // Restored work waits until its owner resumes it.
        QVERIFY(restored.isPaused());
        QVERIFY(!restored.isIdle());

        QSignalSpy idle(&restored, &TransferQueue::idle);
        restored.resume();
        WAIT_FOR_SIGNALS(idle, 1);
        QCOMPARE(idle.size(), 1);
        for (const QString &id : std::as_const(ids)) {
            const TransferItem *item = restored.item(id);
            QVERIFY2(item->state == TransferState::Done, qPrintable(item->errorMessage));
            QCOMPARE(item->sha256, shas.value(item->target.fileName));
        }

        // Exactly one copy of each file, and the finished first item was never sent again.
        const auto version =
            versionFiles(*session->api, {kProject, package, u"1.0.0"_s, QString()});
        VERIFY_OK(version);
        const QMap<QString, int> copies = copiesByName(version.value());
        QCOMPARE(copies.size(), 3);
        for (const QString &name : std::as_const(names)) {
            QCOMPARE(copies.value(name), 1);
            QCOMPARE(version.value().newest(name)->sha256, shas.value(name));
        }
        QTRY_COMPARE_WITH_TIMEOUT(requestLines(sim.logContents(), u"PUT"_s, names[2]).size(), 1,
                                  kTimeoutMs);
        const QByteArray log = sim.logContents();
        QCOMPARE(requestLines(log, u"PUT"_s, names[0]).size(), 1);
        if (!whileUploading)
            QCOMPARE(requestLines(log, u"PUT"_s, names[1]).size(), 1);

        // The finished queue is saved as finished: a third start has nothing to do.
        TransferQueue again(provider(*session->api), stateFile);
        QVERIFY(!again.isPaused());
        QVERIFY(again.isIdle());
        session.reset(); // closes its connections, so the simulator stops at once
        QCOMPARE(sim.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUploadQueue)
#include "TestUploadQueue.moc"
