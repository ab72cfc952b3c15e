// The real `stevedore` in a pipeline against gitlab-sim --demo: `publish … - --file-name NAME`
// reads the file from a real process's output (round trip, flat memory, no temporary file
// left, usage errors, a terminal refused), and `download … FILE -o -` writes it to standard
// output (byte for byte, verified at the end, a reader that goes away, a damaged file, a cut
// connection).

#include "CliTestSupport.h"
#include "DemoData.h"
#include "Fixture.h"
#include "SimServer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Stevedore::CliTest;
using namespace stevedore::test::demo;
using namespace Qt::StringLiterals;

namespace {

// What a pipeline `producer | stevedore …` or `stevedore … | consumer` left behind.
struct Piped
{
    Run stevedore;
    QByteArray otherOutput; // the consumer's standard output
    int otherExitCode = -1;
};

// Runs `producer | stevedore arguments` (input) or `stevedore arguments | consumer` (output)
// with real processes connected by a pipe.
Piped pipeline(const QStringList &arguments, const QProcessEnvironment &environment,
               const QString &workingDirectory, const QStringList &other, bool otherFirst)
{
    Piped result;
    result.stevedore.arguments = arguments;
    QProcess stevedore;
    QProcess process;
    stevedore.setProgram(QStringLiteral(STEVEDORE_EXECUTABLE));
    stevedore.setArguments(arguments);
    stevedore.setProcessEnvironment(environment);
    stevedore.setWorkingDirectory(workingDirectory);
    process.setProgram(other.first());
    process.setArguments(other.mid(1));
    process.setWorkingDirectory(workingDirectory);
    // The consumer writes to a file: a pipe to this process would fill up while it waits.
    const QString consumed = workingDirectory + u"/consumed.out"_s;
    QFile::remove(consumed);
    if (!otherFirst)
        process.setStandardOutputFile(consumed);
    if (otherFirst)
        process.setStandardOutputProcess(&stevedore);
    else
        stevedore.setStandardOutputProcess(&process);
    QProcess &first = otherFirst ? process : stevedore;
    QProcess &second = otherFirst ? stevedore : process;
    second.start();
    first.start();
    if (!first.waitForStarted(10000) || !second.waitForStarted(10000))
        return result;
    first.closeWriteChannel();
    second.closeWriteChannel();
    for (QProcess *each : {&first, &second}) {
        if (!each->waitForFinished(240000)) {
            each->kill();
            each->waitForFinished(5000);
        }
    }
    result.stevedore.standardError = stevedore.readAllStandardError();
    if (otherFirst)
        result.stevedore.standardOutput = stevedore.readAllStandardOutput();
    else if (QFile file(consumed); file.open(QIODevice::ReadOnly))
        result.otherOutput = file.readAll();
    if (stevedore.exitStatus() == QProcess::NormalExit)
        result.stevedore.exitCode = stevedore.exitCode();
    if (process.exitStatus() == QProcess::NormalExit)
        result.otherExitCode = process.exitCode();
    return result;
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(20261202);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(generator.generate() & 0xff);
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// The largest peak resident set size of the children this process has waited for, in KiB.
long largestChildPeakKiB()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss;
}

const QString kWrongSha = QString(64, u'0');

} // namespace

class TestCliPipes final : public QObject
{
    Q_OBJECT

private:
    stevedore::test::ScopedSim m_sim;
    QTemporaryDir m_root; // HOME and the XDG folders of every run
    QTemporaryDir m_work; // the runs' working directory
    QTemporaryDir m_tmp;  // their TMPDIR: the spool of standard input goes there

    QProcessEnvironment environmentFor(const QUrl &server) const
    {
        QProcessEnvironment environment = isolatedEnvironment(m_root.path());
        environment.insert(u"GITLAB_HOST"_s, server.toString());
        environment.insert(u"GITLAB_TOKEN"_s, kPat);
        environment.insert(u"TMPDIR"_s, m_tmp.path());
        return environment;
    }
    QProcessEnvironment environment() const { return environmentFor(m_sim->baseUrl()); }

    Piped publishFrom(const QStringList &producer, const QStringList &arguments)
    {
        return pipeline(QStringList{u"publish"_s, kProject} + arguments, environment(),
                        m_work.path(), producer, true);
    }

    Piped downloadInto(const QStringList &consumer, const QStringList &arguments,
                       const QProcessEnvironment &environment)
    {
        return pipeline(QStringList{u"download"_s} + arguments, environment, m_work.path(),
                        consumer, false);
    }

    // The files a run left in its TMPDIR.
    QStringList leftInTmp() const
    {
        return QDir(m_tmp.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    // Runs stevedore with a pseudo-terminal as its descriptor `fd` (standard input or output).
    Run runOnATerminal(int fd, const QStringList &arguments)
    {
        Run result;
        result.arguments = arguments;
        const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0)
            return result;
        const QByteArray terminal = ::ptsname(master);
        QProcess process;
        process.setProgram(QStringLiteral(STEVEDORE_EXECUTABLE));
        process.setArguments(arguments);
        process.setProcessEnvironment(environment());
        process.setWorkingDirectory(m_work.path());
        process.setChildProcessModifier([terminal, fd] {
            const int opened = ::open(terminal.constData(), O_RDWR | O_NOCTTY);
            if (opened >= 0)
                ::dup2(opened, fd);
        });
        process.start();
        const bool finished = process.waitForFinished(30000);
        ::close(master);
        if (finished && process.exitStatus() == QProcess::NormalExit)
            result.exitCode = process.exitCode();
        result.standardError = process.readAllStandardError();
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid() && m_work.isValid() && m_tmp.isValid());
        QVERIFY(m_sim.startDemo());
    }

    void cleanup() { m_sim.reportIfFailed(); }

    void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }

    // `cat FILE | stevedore publish … - --file-name NAME`, then `download … NAME -o - | cat`.
    void stdinPublishRoundTrip()
    {
        const QByteArray content = randomBytes(3 * 1024 * 1024 + 17);
        QVERIFY(writeBytes(m_work.filePath(u"source.bin"_s), content));
        const Piped published = publishFrom(
            {u"cat"_s, u"source.bin"_s},
            {u"pipes"_s, u"1.0.0"_s, u"-"_s, u"--file-name"_s, u"bundle.tar"_s, u"--json"_s});
        QVERIFY2(published.stevedore.exitCode == 0, qPrintable(published.stevedore.describe()));
        const QJsonArray results = published.stevedore.json().array();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first()[u"file"_s].toString(), u"-"_s);
        QCOMPARE(results.first()[u"name"_s].toString(), u"bundle.tar"_s);
        QCOMPARE(results.first()[u"state"_s].toString(), u"done"_s);
        QCOMPARE(results.first()[u"sha256"_s].toString(), sha256Of(content));
        QVERIFY2(leftInTmp().isEmpty(), qPrintable(leftInTmp().join(u", "_s)));

        const Run listed = runStevedore({u"files"_s, kProject, u"pipes"_s, u"1.0.0"_s, u"--json"_s},
                                        environment(), m_work.path());
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.json().array().first()[u"size"_s].toInteger(), content.size());
        QCOMPARE(listed.json().array().first()[u"sha256"_s].toString(), sha256Of(content));

        const Piped downloaded = downloadInto(
            {u"cat"_s}, {kProject, u"pipes"_s, u"1.0.0"_s, u"bundle.tar"_s, u"-o"_s, u"-"_s},
            environment());
        QVERIFY2(downloaded.stevedore.exitCode == 0, qPrintable(downloaded.stevedore.describe()));
        QCOMPARE(downloaded.otherExitCode, 0);
        QCOMPARE(downloaded.otherOutput.size(), content.size());
        QVERIFY(downloaded.otherOutput == content);
        QVERIFY2(downloaded.stevedore.err().contains(sha256Of(content)),
                 qPrintable(downloaded.stevedore.err()));
        QVERIFY(!QFileInfo::exists(m_work.filePath(u"bundle.tar"_s)));
    }

    // 512 MiB through the pipe; the command's memory does not grow with it. RUSAGE_CHILDREN
    // holds the largest peak of every child waited for so far, this run's included, so the
    // bound holds for this run too.
    void stdinPublishKeepsMemoryFlat()
    {
        constexpr qint64 size = 512LL * 1024 * 1024;
        const Piped published = publishFrom(
            {u"head"_s, u"-c"_s, QString::number(size), u"/dev/zero"_s},
            {u"pipes"_s, u"2.0.0"_s, u"-"_s, u"--file-name"_s, u"zeros.bin"_s, u"--json"_s});
        QVERIFY2(published.stevedore.exitCode == 0, qPrintable(published.stevedore.describe()));
        QCryptographicHash zeros(QCryptographicHash::Sha256);
        const QByteArray block(1 << 20, '\0');
        for (qint64 done = 0; done < size; done += block.size())
            zeros.addData(block);
        QCOMPARE(published.stevedore.json().array().first()[u"sha256"_s].toString(),
                 QString::fromLatin1(zeros.result().toHex()));
        const long peakKiB = largestChildPeakKiB();
        QVERIFY2(peakKiB > 0 && peakKiB < 100 * 1024,
                 qPrintable(u"peak resident set: %1 KiB"_s.arg(peakKiB)));
        QVERIFY2(leftInTmp().isEmpty(), qPrintable(leftInTmp().join(u", "_s)));
    }

    void stdinUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no --file-name")
            << QStringList{u"pipes"_s, u"3.0.0"_s, u"-"_s} << u"--file-name NAME"_s;
        QTest::newRow("- twice") << QStringList{u"pipes"_s, u"3.0.0"_s,       u"-"_s,
                                                u"-"_s,     u"--file-name"_s, u"a.bin"_s}
                                 << u"once only"_s;
        QTest::newRow("- and a file") << QStringList{u"pipes"_s,      u"3.0.0"_s,       u"-"_s,
                                                     u"source.bin"_s, u"--file-name"_s, u"a.bin"_s}
                                      << u"no other FILE"_s;
        QTest::newRow("invalid --file-name")
            << QStringList{u"pipes"_s, u"3.0.0"_s, u"-"_s, u"--file-name"_s, u"dir//a b~"_s}
            << u"Try --file-name"_s;
    }

    // Refused before standard input is read or the network is used.
    void stdinUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Piped refused = publishFrom({u"echo"_s, u"content"_s}, arguments);
        QVERIFY2(refused.stevedore.exitCode == 2, qPrintable(refused.stevedore.describe()));
        QVERIFY2(refused.stevedore.err().contains(message),
                 qPrintable(refused.stevedore.describe()));
        QVERIFY(refused.stevedore.standardOutput.isEmpty());
        const Run listed = runStevedore({u"files"_s, kProject, u"pipes"_s, u"3.0.0"_s},
                                        environment(), m_work.path());
        QCOMPARE(listed.exitCode, 4); // nothing was published
    }

    // A terminal as standard input is not waited on; one as standard output gets no binary.
    void aTerminalIsRefused()
    {
        const Run input =
            runOnATerminal(STDIN_FILENO, {u"publish"_s, kProject, u"pipes"_s, u"4.0.0"_s, u"-"_s,
                                          u"--file-name"_s, u"a.bin"_s});
        QVERIFY2(input.exitCode == 2, qPrintable(input.describe()));
        QVERIFY2(input.err().contains(u"standard input, which is a terminal"_s),
                 qPrintable(input.describe()));
        const Run output =
            runOnATerminal(STDOUT_FILENO, {u"download"_s, kProject, kInstallerPackage,
                                           kInstallerVersion, kInstallerFile, u"-o"_s, u"-"_s});
        QVERIFY2(output.exitCode == 2, qPrintable(output.describe()));
        QVERIFY2(output.err().contains(u"standard output, which is a terminal"_s),
                 qPrintable(output.describe()));
    }

    void stdoutDownloadRefusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no FILE") << QStringList{kHelloCli, u"1.0.0"_s, u"-o"_s, u"-"_s}
                                 << u"exactly one FILE"_s;
        QTest::newRow("two FILEs")
            << QStringList{kHelloCli, u"1.9.0"_s, u"a"_s, u"b"_s, u"-o"_s, u"-"_s}
            << u"exactly one FILE"_s;
        QTest::newRow("--json")
            << QStringList{kInstallerPackage, kInstallerVersion, kInstallerFile, u"-o"_s, u"-"_s,
                           u"--json"_s}
            << u"--json"_s;
    }

    void stdoutDownloadRefusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Piped refused =
            downloadInto({u"cat"_s}, QStringList{kProject} + arguments, environment());
        QVERIFY2(refused.stevedore.exitCode == 2, qPrintable(refused.stevedore.describe()));
        QVERIFY2(refused.stevedore.err().contains(message),
                 qPrintable(refused.stevedore.describe()));
        QVERIFY(refused.otherOutput.isEmpty());
    }

    // `download … -o - | head -c 10`: head exits after 10 bytes of the 12 MiB file; the
    // download ends quietly with 141 (as a shell reports a program ended by SIGPIPE) instead of
    // being killed by the signal.
    void stdoutDownloadToAClosedPipe()
    {
        const Piped cut = downloadInto(
            {u"head"_s, u"-c"_s, u"10"_s},
            {kProject, kInstallerPackage, kInstallerVersion, kInstallerFile, u"-o"_s, u"-"_s},
            environment());
        QCOMPARE(cut.otherExitCode, 0);
        QCOMPARE(cut.otherOutput.size(), 10);
        QVERIFY2(cut.stevedore.exitCode == 141, qPrintable(cut.stevedore.describe()));
        QVERIFY2(cut.stevedore.standardError.isEmpty(), qPrintable(cut.stevedore.describe()));
    }

    // The file's bytes went out before the checksum could be compared: the command fails and
    // says so.
    void stdoutDownloadOfADamagedFile()
    {
        stevedore::test::Fixture fixture;
        fixture.addUser(u"dev"_s)
            .addPersonalToken(kPat, u"dev"_s)
            .addProject(1, kProject, u"private"_s, {{u"dev"_s, u"maintainer"_s}})
            .addPackage(kProject, u"broken"_s, u"1.0.0"_s,
                        QJsonArray{stevedore::test::Fixture::generatedFile(
                            u"data.bin"_s, 300000, {{u"sha256"_s, kWrongSha}})});
        stevedore::test::ScopedSim damaged;
        QVERIFY(damaged.start(stevedore::test::SimServer::Options().withFixture(fixture.toJson())));
        const Piped streamed = downloadInto(
            {u"cat"_s}, {kProject, u"broken"_s, u"1.0.0"_s, u"data.bin"_s, u"-o"_s, u"-"_s},
            environmentFor(damaged->baseUrl()));
        QVERIFY2(streamed.stevedore.exitCode == 1, qPrintable(streamed.stevedore.describe()));
        QCOMPARE(streamed.otherOutput.size(), 300000);
        QVERIFY2(streamed.stevedore.err().contains(u"written to standard output already"_s)
                     && streamed.stevedore.err().contains(kWrongSha),
                 qPrintable(streamed.stevedore.describe()));
        QCOMPARE(damaged.stop(), 0);
    }

    // A connection that breaks mid-way is not resumed behind the reader's back: the command
    // fails, saying how much was written.
    void stdoutDownloadCutOff()
    {
        stevedore::test::ScopedSim cutting;
        QVERIFY(cutting.startDemo({u"reset-after-bytes=1000000:0:download"_s}));
        const Piped streamed = downloadInto(
            {u"cat"_s},
            {kProject, kInstallerPackage, kInstallerVersion, kInstallerFile, u"-o"_s, u"-"_s},
            environmentFor(cutting->baseUrl()));
        QVERIFY2(streamed.stevedore.exitCode == 1, qPrintable(streamed.stevedore.describe()));
        QVERIFY(streamed.otherOutput.size() < 12 * 1024 * 1024);
        QVERIFY2(streamed.stevedore.err().contains(u"standard output"_s),
                 qPrintable(streamed.stevedore.describe()));
        QCOMPARE(cutting.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliPipes)
#include "TestCliPipes.moc"
