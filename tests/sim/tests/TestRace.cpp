// §3.10 — the concurrent-creation race: the deterministic `--fault race-500`, the
// probabilistic default, and `--fault no-race`.

#include "SimTest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTest>
#include <QThread>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using namespace Qt::StringLiterals;

namespace {

constexpr int ProjectId = 1;
constexpr int Racers = 4;
constexpr char Body500[] = R"({"message":"500 Internal Server Error"})";

QJsonObject fixture()
{
    Fixture f;
    f.addUser(u"dev"_s).addPersonalToken(u"pat-dev"_s, u"dev"_s);
    f.addProject(ProjectId, u"grp/proj"_s, u"private"_s, {{u"dev"_s, u"developer"_s}});
    return f.toJson();
}

// Releases every waiting thread at once when `count` have arrived (or after a timeout, so
// that a thread that never arrives cannot hang the test).
class Gate final
{
public:
    explicit Gate(int count)
        : m_count(count)
    {
    }

    void arriveAndWait()
    {
        std::unique_lock lock(m_mutex);
        if (++m_arrived >= m_count) {
            m_open.notify_all();
            return;
        }
        m_open.wait_for(lock, std::chrono::seconds(5), [this] { return m_arrived >= m_count; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_open;
    int m_arrived = 0;
    int m_count;
};

// Uploads `Racers` different files into `name/version` at the same moment.
std::vector<HttpReply> uploadConcurrently(const Http &http, const QByteArray &name,
                                          const QByteArray &version)
{
    std::vector<HttpReply> replies(Racers);
    Gate gate(Racers);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < Racers; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            gate.arriveAndWait();
            replies[static_cast<std::size_t>(i)] =
                http.put(genericTarget(ProjectId, name + '/' + version + "/file"
                                                      + QByteArray::number(i) + ".txt"),
                         "racer " + QByteArray::number(i) + '\n', Http::privateToken("pat-dev"));
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        thread->wait();
    return replies;
}

} // namespace

class TestRace final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_sim;

    void start(const QStringList &arguments)
    {
        m_sim = std::make_unique<SimServer>(
            SimServer::Options().withFixture(fixture()).withArguments(arguments));
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    }

    // The packages named `name` with `version`, and their file count.
    static QList<qsizetype> packagesFiles(const Http &http, const QByteArray &name,
                                          const QByteArray &version)
    {
        QList<qsizetype> out;
        const HttpReply list = http.get(
            packagesTarget(ProjectId, "package_name=" + name + "&package_version=" + version),
            Http::privateToken("pat-dev"));
        for (const QJsonValue &v : list.jsonArray()) {
            if (v.toObject().value(u"name"_s).toString().toUtf8() != name)
                continue;
            const HttpReply files =
                http.get(packageFilesTarget(ProjectId, v.toObject().value(u"id"_s).toInteger(),
                                            "per_page=100"),
                         Http::privateToken("pat-dev"));
            out << files.jsonArray().size();
        }
        return out;
    }

private slots:
    void cleanup()
    {
        if (m_sim) {
            m_sim->reportIfFailed();
            if (m_sim->isRunning())
                QCOMPARE(m_sim->stop(), 0);
        }
        m_sim.reset();
    }

    // README `race-500`: the first upload into a new name+version loses; the retry wins.
    void race500FaultFailsFirstCreationOnce()
    {
        start({u"--fault"_s, u"race-500"_s});
        if (QTest::currentTestFailed())
            return;
        const Http http(m_sim->baseUrl());
        const QByteArray target = genericTarget(ProjectId, "racy/1.0.0/file.txt");
        SIM_EXPECT_REPLY(http.put(target, "first try\n", Http::privateToken("pat-dev")), 500,
                         Body500);
        SIM_EXPECT_REPLY(http.put(target, "retry\n", Http::privateToken("pat-dev")), 201, Body201);
        // One package, holding only the retry's file.
        QCOMPARE(packagesFiles(http, "racy", "1.0.0"), QList<qsizetype>{1});
        const HttpReply download = http.get(target, Http::privateToken("pat-dev"));
        SIM_COMPARE_STATUS(download, 200);
        QCOMPARE(download.body, QByteArray("retry\n"));
        // COUNT defaults to 1: the next new name+version is not affected.
        SIM_EXPECT_REPLY(http.put(genericTarget(ProjectId, "calm/1.0.0/file.txt"), "x",
                                  Http::privateToken("pat-dev")),
                         201, Body201);
    }

    void race500FaultCountsNewPackages()
    {
        start({u"--fault"_s, u"race-500:2"_s, u"--fault"_s, u"no-race"_s});
        if (QTest::currentTestFailed())
            return;
        const Http http(m_sim->baseUrl());
        for (const QByteArray &name : {QByteArray("one"), QByteArray("two")}) {
            const QByteArray target = genericTarget(ProjectId, name + "/1.0.0/file.txt");
            SIM_EXPECT_REPLY(http.put(target, "x", Http::privateToken("pat-dev")), 500, Body500);
            SIM_EXPECT_REPLY(http.put(target, "x", Http::privateToken("pat-dev")), 201, Body201);
        }
        SIM_EXPECT_REPLY(http.put(genericTarget(ProjectId, "three/1.0.0/file.txt"), "x",
                                  Http::privateToken("pat-dev")),
                         201, Body201);
    }

    // §3.10 default: concurrent first uploads into a new name+version → one wins, the
    // others may get 500; only one package exists.
    void concurrentFirstUploadsRace()
    {
        start({});
        if (QTest::currentTestFailed())
            return;
        const Http http(m_sim->baseUrl());
        QElapsedTimer timer;
        timer.start();
        bool sawRace = false;
        for (int round = 0; round < 20 && !sawRace && timer.elapsed() < 20000; ++round) {
            const QByteArray version = QByteArray::number(round) + ".0.0";
            const std::vector<HttpReply> replies = uploadConcurrently(http, "contested", version);
            int created = 0;
            int failed = 0;
            for (const HttpReply &r : replies) {
                if (r.status == 201) {
                    ++created;
                } else if (r.status == 500) {
                    ++failed;
                    SIM_COMPARE_JSON_BODY(r, Body500);
                } else {
                    QFAIL(qPrintable(u"unexpected answer in a race: "_s + r.describe()));
                }
            }
            QVERIFY2(created >= 1, "the first creator always wins");
            // Exactly one package for the name+version, holding the winners' files.
            QCOMPARE(packagesFiles(http, "contested", version), QList<qsizetype>{created});
            sawRace = failed >= 1;
        }
        QVERIFY2(sawRace, "no 500 in 20 rounds of 4 concurrent first uploads");
    }

    // §3.10: uploads into an existing package never race.
    void concurrentUploadsIntoExistingPackageDoNotRace()
    {
        start({});
        if (QTest::currentTestFailed())
            return;
        const Http http(m_sim->baseUrl());
        for (int round = 0; round < 3; ++round) {
            const QByteArray version = "9." + QByteArray::number(round) + ".0";
            SIM_COMPARE_STATUS(
                http.put(genericTarget(ProjectId, "existing/" + version + "/first.txt"), "first",
                         Http::privateToken("pat-dev")),
                201);
            for (const HttpReply &r : uploadConcurrently(http, "existing", version))
                SIM_EXPECT_REPLY(r, 201, Body201);
            QCOMPARE(packagesFiles(http, "existing", version), QList<qsizetype>{Racers + 1});
        }
    }

    // README `no-race`: concurrent first uploads all succeed.
    void noRaceSwitchLetsConcurrentFirstUploadsSucceed()
    {
        start({u"--fault"_s, u"no-race"_s});
        if (QTest::currentTestFailed())
            return;
        const Http http(m_sim->baseUrl());
        for (int round = 0; round < 5; ++round) {
            const QByteArray version = QByteArray::number(round) + ".1.0";
            for (const HttpReply &r : uploadConcurrently(http, "peaceful", version))
                SIM_EXPECT_REPLY(r, 201, Body201);
            QCOMPARE(packagesFiles(http, "peaceful", version), QList<qsizetype>{Racers});
        }
    }
};

QTEST_GUILESS_MAIN(TestRace)
#include "TestRace.moc"
