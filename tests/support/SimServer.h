#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <chrono>
#include <memory>

namespace stevedore::test {

/// Runs one gitlab-sim process for a test.
///
/// The simulator is started with a fixture (written to a private temporary folder) or
/// `--demo`, its own `--data-dir` (unless one is given, so tests can inspect it) and a
/// `--log` file (unless the extra arguments carry one). start() waits for the single
/// stdout line `listening on http(s)://127.0.0.1:PORT`. The simulator's stderr goes to a
/// file and is printed to the test output when the current test has failed (see
/// reportIfFailed(), which the destructor also calls) or when the process misbehaves.
///
/// Usage (the lines are code):
/// ```
/// SimServer sim(SimServer::Options().withFixture(f).withArguments({u"--fault"_s, u"no-race"_s}));
/// QVERIFY2(sim.start(), qPrintable(sim.errorString()));
/// Http http(sim.baseUrl());
/// QCOMPARE(sim.stop(), 0);
/// ```
class SimServer final
{
public:
    struct Options
    {
        /// Loaded with `--fixture` unless `demo` is set. An empty object is a valid
        /// (empty) fixture.
        QJsonObject fixture;
        /// Start with `--demo` instead of a fixture.
        bool demo = false;
        /// Further arguments, e.g. `{"--fault", "race-500", "--max-file-size", "100"}`.
        QStringList extraArguments;
        /// `--data-dir`; empty → a folder inside this object's temporary directory.
        QString dataDir;
        /// How long start() waits for the `listening on` line.
        std::chrono::milliseconds startTimeout{10000};

        // Fluent setters: SimServer::Options().withFixture(f).withArguments({…}).
        Options &withFixture(const QJsonObject &value)
        {
            fixture = value;
            demo = false;
            return *this;
        }
        Options &withDemo()
        {
            demo = true;
            return *this;
        }
        Options &withArguments(const QStringList &value)
        {
            extraArguments += value;
            return *this;
        }
        /// One `--fault SPEC` for each of `specs` (tests/sim/README.md, "Faults").
        Options &withFaults(const QStringList &specs)
        {
            for (const QString &spec : specs)
                extraArguments << QStringLiteral("--fault") << spec;
            return *this;
        }
        Options &withDataDir(const QString &value)
        {
            dataDir = value;
            return *this;
        }
        Options &withStartTimeout(std::chrono::milliseconds value)
        {
            startTimeout = value;
            return *this;
        }
    };

    SimServer();
    explicit SimServer(Options options);
    ~SimServer();
    SimServer(const SimServer &) = delete;
    SimServer &operator=(const SimServer &) = delete;
    SimServer(SimServer &&) = delete;
    SimServer &operator=(SimServer &&) = delete;

    /// The simulator binary: `$STEVEDORE_GITLAB_SIM` if set, else the path compiled in.
    static QString executablePath();

    /// Starts the process and waits for its `listening on` line. On failure returns
    /// false, sets errorString() (which includes the simulator's stderr) and leaves
    /// nothing running.
    bool start();
    /// SIGTERM, then waits up to 10 s. Returns the exit code, or -1 when the process
    /// crashed or had to be killed. When it had already ended by itself, returns how it
    /// ended (once); -1 when it was never started.
    int stop();
    bool isRunning() const;

    QUrl baseUrl() const { return m_baseUrl; }
    quint16 port() const { return m_port; }
    qint64 processId() const;
    QString dataDir() const { return m_dataDir; }
    QString logFilePath() const { return m_logFile; }
    QString fixturePath() const { return m_fixtureFile; }
    QStringList arguments() const { return m_arguments; }
    /// Why start() or stop() failed.
    QString errorString() const { return m_error; }

    /// Everything the simulator printed on stdout so far (complete once stopped).
    QByteArray standardOutput();
    /// Everything the simulator printed on stderr so far.
    QByteArray standardError() const;
    /// The log file's content (empty when it does not exist yet).
    QByteArray logContents() const;

    /// Peak resident set size (VmHWM) of the running simulator in bytes, or -1 where
    /// /proc is unavailable. Read it before stop().
    qint64 peakResidentBytes() const;

    /// When the current Qt test function has failed, prints the simulator's stderr
    /// written since the last report. Call it from a test class's cleanup().
    void reportIfFailed();

private:
    void printStandardError(const char *why);

    Options m_options;
    QTemporaryDir m_tempDir;
    QProcess m_process;
    QStringList m_arguments;
    QString m_dataDir;
    QString m_logFile;
    QString m_fixtureFile;
    QString m_stderrFile;
    QString m_error;
    QByteArray m_stdout;
    QUrl m_baseUrl;
    quint16 m_port = 0;
    qint64 m_pid = 0;
    qint64 m_stderrReported = 0;
    bool m_started = false;
};

/// The gitlab-sim of a test class (started in initTestCase()) or of one test function
/// (started in it, replaced by the next): its stderr printed when a test failed, stopped at
/// the end. Owns at most one SimServer, reached with `->`.
///
/// Usage, one simulator for the test class (the lines are code):
/// ```
/// ScopedSim m_sim;
/// void initTestCase() { QVERIFY(m_sim.startDemo()); }
/// void cleanup() { m_sim.reportIfFailed(); }
/// void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }
/// ```
/// One per test function: `QVERIFY(m_sim.startDemo({u"race-500"_s}));` in the test and
/// `m_sim.reset();` in cleanup().
class ScopedSim final
{
public:
    ScopedSim();
    ~ScopedSim();
    ScopedSim(const ScopedSim &) = delete;
    ScopedSim &operator=(const ScopedSim &) = delete;

    /// Replaces the current simulator (as reset() does) with one started with `options`.
    /// False when it did not start: the reason is printed as a warning and stays in
    /// `->errorString()`.
    bool start(SimServer::Options options);
    /// start() with `--demo` and one `--fault` for each of `faults`.
    bool startDemo(const QStringList &faults = {});

    /// For cleanup(): prints the simulator's stderr when the current test has failed.
    void reportIfFailed();
    /// SimServer::stop(): 0 when the simulator exited cleanly on SIGTERM; also 0 when there
    /// is none. The simulator (its log, its data) stays until reset() or the next start().
    int stop();
    /// Prints the simulator's stderr when the current test has failed, stops the simulator
    /// without checking how it exits, and forgets it.
    void reset();

    SimServer *operator->() const { return m_server.get(); }
    explicit operator bool() const { return m_server != nullptr; }

private:
    std::unique_ptr<SimServer> m_server;
};

} // namespace stevedore::test
