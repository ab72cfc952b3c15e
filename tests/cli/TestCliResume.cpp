// `stevedore publish` and `download` killed half-way (SIGKILL) and run again with the same
// arguments resume from their journal in $XDG_STATE_HOME/stevedore/: what was done is not done
// again; --no-resume starts afresh; a finished run leaves no journal behind.

#include "CliTestSupport.h"
#include "DemoData.h"
#include "SimServer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore::CliTest;
using namespace stevedore::test::demo;
using namespace Qt::StringLiterals;

namespace {

// The request lines of gitlab-sim's --log with this method whose path contains `part`.
int countRequests(const QByteArray &log, const QByteArray &method, const QByteArray &part)
{
    int count = 0;
    for (const QByteArray &line : log.split('\n')) {
        if (line.contains(QByteArray(' ' + method + ' ')) && line.contains(part))
            ++count;
    }
    return count;
}

} // namespace

class TestCliResume final : public QObject
{
    Q_OBJECT

private:
    stevedore::test::ScopedSim m_sim;
    QTemporaryDir m_root;
    QTemporaryDir m_work;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment result = isolatedEnvironment(m_root.path());
        result.insert(u"GITLAB_HOST"_s, m_sim->baseUrl().toString());
        result.insert(u"GITLAB_TOKEN"_s, kPat);
        return result;
    }

    QString stateFolder() const { return m_root.filePath(u"xdg_state_home/stevedore"_s); }

    // Starts stevedore and kills it (SIGKILL) once its standard output holds `lines` lines.
    int runAndKillAfter(const QStringList &arguments, int lines)
    {
        QProcess process;
        process.setProgram(QStringLiteral(STEVEDORE_EXECUTABLE));
        process.setArguments(arguments);
        process.setProcessEnvironment(environment());
        process.setWorkingDirectory(m_work.path());
        process.start();
        if (!process.waitForStarted(10000))
            return -1;
        QByteArray output;
        while (output.count('\n') < lines && process.state() == QProcess::Running) {
            process.waitForReadyRead(200);
            output += process.readAllStandardOutput();
        }
        process.kill();
        process.waitForFinished(10000);
        return int(output.count('\n'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid() && m_work.isValid());
        // Slow enough that the kill lands between files.
        QVERIFY(m_sim.startDemo({u"latency=150"_s}));
    }

    void cleanup() { m_sim.reportIfFailed(); }

    void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }

    void aKilledPublishResumesWithoutSendingAnythingTwice()
    {
        QStringList files;
        for (int i = 0; i < 6; ++i) {
            const QString name = u"part-%1.bin"_s.arg(i);
            QVERIFY(writeBytes(m_work.filePath(u"resume/"_s + name),
                               QByteArray(200 * 1024, char('a' + i))));
            files << u"resume/"_s + name;
        }
        // keep: a file sent twice would show as a second copy.
        const QStringList arguments = QStringList{u"publish"_s, u"demo/hello"_s,     u"resumed"_s,
                                                  u"1.0.0"_s,   u"--on-duplicate"_s, u"keep"_s}
                                      + files;
        QVERIFY(runAndKillAfter(arguments, 2) >= 2);
        const QStringList journals = QDir(stateFolder()).entryList(QDir::Files);
        QCOMPARE(journals.size(), 1); // the journal stays, readable by its owner only
        QCOMPARE(modeOf(stateFolder() + u'/' + journals.first()), 0600);
        QCOMPARE(modeOf(stateFolder()), 0700);

        const Run again = runStevedore(arguments, environment(), m_work.path());
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
        QVERIFY2(again.err().contains(QRegularExpression(u"resuming an interrupted run; [2-6] of "
                                                         "6 files were done already"_s)),
                 qPrintable(again.describe()));

        const Run files6 =
            runStevedore({u"--json"_s, u"files"_s, u"demo/hello"_s, u"resumed"_s, u"1.0.0"_s},
                         environment(), m_work.path());
        QCOMPARE(files6.exitCode, 0);
        const QJsonArray listed = files6.json().array();
        QCOMPARE(listed.size(), 6); // each file once: nothing was sent twice
        // What was done is never sent again. The one file in flight when the kill came may be
        // sent twice: its request can still reach the server after the new run has looked.
        const QByteArray log = m_sim->logContents();
        int sentTwice = 0;
        for (int i = 0; i < 6; ++i) {
            const int puts = countRequests(log, "PUT", u"part-%1.bin"_s.arg(i).toUtf8());
            QVERIFY2(puts <= 2, qPrintable(u"part-%1.bin: %2 PUTs"_s.arg(i).arg(puts)));
            sentTwice += puts == 2 ? 1 : 0;
        }
        QVERIFY2(sentTwice <= 1, qPrintable(QString::number(sentTwice)));
        QVERIFY2(QDir(stateFolder()).entryList(QDir::Files).isEmpty(),
                 "a finished run left its journal behind");
    }

    void noResumeStartsAfresh()
    {
        QVERIFY(writeBytes(m_work.filePath(u"afresh/a.txt"_s), "a\n"));
        QVERIFY(writeBytes(m_work.filePath(u"afresh/b.txt"_s), "b\n"));
        const QStringList arguments{u"publish"_s,      u"demo/hello"_s,     u"afresh"_s,
                                    u"1.0.0"_s,        u"--on-duplicate"_s, u"keep"_s,
                                    u"afresh/a.txt"_s, u"afresh/b.txt"_s};
        runAndKillAfter(arguments, 1);
        const Run again =
            runStevedore(arguments + QStringList{u"--no-resume"_s}, environment(), m_work.path());
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
        QVERIFY(!again.err().contains(u"resuming"_s));
        QVERIFY2(again.out().contains(u"published a.txt"_s), qPrintable(again.describe()));
        QVERIFY2(again.out().contains(u"published b.txt"_s), qPrintable(again.describe()));
    }

    void aKilledDownloadResumesWithoutFetchingDoneFilesAgain()
    {
        // One small file and two large ones, downloaded side by side: the kill after the first
        // finished file lands while the large ones are still coming.
        const QStringList sizes{u"small.bin"_s, u"large-1.bin"_s, u"large-2.bin"_s};
        QStringList publish{u"publish"_s, u"demo/hello"_s, u"resumed-download"_s, u"1.0.0"_s};
        for (const QString &name : sizes) {
            const qsizetype size = name == u"small.bin"_s ? 1024 : 48 * 1024 * 1024;
            QVERIFY(writeBytes(m_work.filePath(u"source/"_s + name),
                               QByteArray(size, char(name.size()))));
            publish << u"source/"_s + name;
        }
        const Run published = runStevedore(publish, environment(), m_work.path());
        QVERIFY2(published.exitCode == 0, qPrintable(published.describe()));

        const QStringList arguments{u"download"_s, u"demo/hello"_s, u"resumed-download"_s,
                                    u"1.0.0"_s,    u"-o"_s,         u"dl"_s};
        const QByteArray before = m_sim->logContents();
        QVERIFY(runAndKillAfter(arguments, 1) >= 1);
        const Run again = runStevedore(arguments, environment(), m_work.path());
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
        QVERIFY2(again.err().contains(u"resuming an interrupted run"_s),
                 qPrintable(again.describe()));
        const QStringList downloaded = QDir(m_work.filePath(u"dl"_s)).entryList(QDir::Files);
        QCOMPARE(downloaded.size(), 3);
        for (const QString &name : downloaded)
            QVERIFY2(!name.endsWith(u".part"_s), qPrintable(name));
        // Every file was fetched once in all (a resumed .part asks only for the rest).
        const QByteArray log = m_sim->logContents().mid(before.size());
        for (const QString &name : downloaded) {
            const int gets = countRequests(log, "GET", QByteArray("/1.0.0/" + name.toUtf8()));
            QVERIFY2(gets >= 1 && gets <= 2, qPrintable(name + u": "_s + QString::number(gets)));
        }
        QVERIFY(QDir(stateFolder()).entryList(QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliResume)
#include "TestCliResume.moc"
