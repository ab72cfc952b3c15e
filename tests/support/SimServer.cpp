#include "SimServer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <signal.h>
#include <sys/prctl.h>
#endif

#include <utility>

#ifndef STEVEDORE_GITLAB_SIM_PATH
#error "STEVEDORE_GITLAB_SIM_PATH must be defined by the build (the gitlab-sim binary)"
#endif

namespace stevedore::test {

SimServer::SimServer()
    : SimServer(Options{})
{
}

SimServer::SimServer(Options options)
    : m_options(std::move(options))
{
}

SimServer::~SimServer()
{
    if (isRunning())
        stop();
    reportIfFailed();
}

QString SimServer::executablePath()
{
    const QString fromEnv = qEnvironmentVariable("STEVEDORE_GITLAB_SIM");
    return fromEnv.isEmpty() ? QStringLiteral(STEVEDORE_GITLAB_SIM_PATH) : fromEnv;
}

bool SimServer::start()
{
    m_error.clear();
    if (isRunning()) {
        m_error = QStringLiteral("gitlab-sim is already running");
        return false;
    }
    if (!m_tempDir.isValid()) {
        m_error =
            QStringLiteral("cannot create a temporary directory: %1").arg(m_tempDir.errorString());
        return false;
    }

    QStringList args;
    if (m_options.demo) {
        args << QStringLiteral("--demo");
    } else {
        m_fixtureFile = m_tempDir.filePath(QStringLiteral("fixture.json"));
        QFile file(m_fixtureFile);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(QJsonDocument(m_options.fixture).toJson(QJsonDocument::Compact)) < 0) {
            m_error = QStringLiteral("cannot write %1: %2").arg(m_fixtureFile, file.errorString());
            return false;
        }
        file.close();
        args << QStringLiteral("--fixture") << m_fixtureFile;
    }

    m_dataDir = m_options.dataDir;
    if (m_dataDir.isEmpty()) {
        m_dataDir = m_tempDir.filePath(QStringLiteral("data"));
        QDir().mkpath(m_dataDir);
    }
    args << QStringLiteral("--data-dir") << m_dataDir;

    const qsizetype logIndex = m_options.extraArguments.indexOf(QStringLiteral("--log"));
    if (logIndex >= 0 && logIndex + 1 < m_options.extraArguments.size()) {
        m_logFile = m_options.extraArguments.at(logIndex + 1);
    } else {
        m_logFile = m_tempDir.filePath(QStringLiteral("requests.log"));
        args << QStringLiteral("--log") << m_logFile;
    }
    args << m_options.extraArguments;
    m_arguments = args;

    m_stderrFile = m_tempDir.filePath(QStringLiteral("stderr.txt"));
    QFile::remove(m_stderrFile);
    m_stderrReported = 0;
    m_stdout.clear();

    m_process.setProgram(executablePath());
    m_process.setArguments(args);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // A file, not a pipe: a chatty simulator must never block on a full stderr pipe
    // while the test sits in a synchronous request.
    m_process.setStandardErrorFile(m_stderrFile, QIODevice::Append);
    m_process.setStandardInputFile(QProcess::nullDevice());
#ifdef Q_OS_LINUX
    // Never outlive a crashed test.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_process.start(QIODevice::ReadOnly);
    if (!m_process.waitForStarted(5000)) {
        m_error =
            QStringLiteral("cannot start %1: %2").arg(executablePath(), m_process.errorString());
        return false;
    }
    m_pid = m_process.processId();

    static const QRegularExpression listening(
        QStringLiteral("^listening on (https?)://127\\.0\\.0\\.1:(\\d+)$"));
    const QDeadlineTimer deadline(m_options.startTimeout);
    QString problem;
    for (;;) {
        if (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine();
            m_stdout += line;
            const QString text = QString::fromUtf8(line).trimmed();
            const QRegularExpressionMatch match = listening.match(text);
            if (match.hasMatch()) {
                m_port = static_cast<quint16>(match.captured(2).toUInt());
                m_baseUrl =
                    QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(match.captured(1)).arg(m_port));
                m_started = true;
                return true;
            }
            problem = QStringLiteral("unexpected stdout line: %1").arg(text);
            break;
        }
        if (m_process.state() != QProcess::Running) {
            problem = QStringLiteral("gitlab-sim exited with code %1 before it was ready")
                          .arg(m_process.exitCode());
            break;
        }
        if (deadline.hasExpired()) {
            problem = QStringLiteral("no 'listening on' line within %1 ms")
                          .arg(m_options.startTimeout.count());
            break;
        }
        m_process.waitForReadyRead(
            static_cast<int>(qBound(qint64(1), deadline.remainingTime(), qint64(100))));
    }

    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    m_stdout += m_process.readAllStandardOutput();
    m_error = QStringLiteral("%1\n  command: %2 %3\n  stdout: %4\n  stderr: %5")
                  .arg(problem, executablePath(), args.join(QLatin1Char(' ')),
                       QString::fromUtf8(m_stdout), QString::fromUtf8(standardError()));
    m_stderrReported = standardError().size();
    return false;
}

int SimServer::stop()
{
    if (m_process.state() == QProcess::NotRunning) {
        // Already ended by itself (e.g. after a signal the test sent): report how.
        if (!m_started)
            return -1;
        m_started = false;
        m_stdout += m_process.readAllStandardOutput();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    m_started = false;
    m_process.terminate();
    int code = -1;
    QString problem;
    if (m_process.waitForFinished(10000)) {
        if (m_process.exitStatus() == QProcess::NormalExit) {
            code = m_process.exitCode();
            if (code != 0)
                problem = QStringLiteral("gitlab-sim exited with code %1 on SIGTERM").arg(code);
        } else {
            // On Unix, QProcess reports the terminating signal as the exit code of a crash.
            problem = QStringLiteral("gitlab-sim crashed on SIGTERM (signal %1)")
                          .arg(m_process.exitCode());
        }
    } else {
        problem = QStringLiteral("gitlab-sim did not exit within 10 s of SIGTERM; killed");
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    m_stdout += m_process.readAllStandardOutput();
    if (!problem.isEmpty()) {
        m_error = problem;
        qWarning().noquote() << problem << "(pid" << m_pid << "args"
                             << m_arguments.join(QLatin1Char(' ')) << ')';
        printStandardError("it did not stop cleanly");
    }
    return code;
}

bool SimServer::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

qint64 SimServer::processId() const
{
    return m_pid;
}

QByteArray SimServer::standardOutput()
{
    if (isRunning())
        m_stdout += m_process.readAllStandardOutput();
    return m_stdout;
}

QByteArray SimServer::standardError() const
{
    QFile file(m_stderrFile);
    return !m_stderrFile.isEmpty() && file.open(QIODevice::ReadOnly) ? file.readAll()
                                                                     : QByteArray();
}

QByteArray SimServer::logContents() const
{
    QFile file(m_logFile);
    return !m_logFile.isEmpty() && file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qint64 SimServer::peakResidentBytes() const
{
#ifdef Q_OS_LINUX
    if (!isRunning())
        return -1;
    QFile status(QStringLiteral("/proc/%1/status").arg(m_pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // /proc files report size 0, so atEnd() is true at once; readAll() reads to EOF.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:")) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2)
                return parts.at(1).toLongLong() * 1024; // kB
        }
    }
#endif
    return -1;
}

void SimServer::reportIfFailed()
{
    if (QTest::currentTestFunction() != nullptr && QTest::currentTestFailed())
        printStandardError("the test failed");
}

void SimServer::printStandardError(const char *why)
{
    const QByteArray all = standardError();
    const QByteArray fresh = all.mid(m_stderrReported);
    m_stderrReported = all.size();
    if (fresh.trimmed().isEmpty())
        return;
    qWarning().noquote() << QStringLiteral("gitlab-sim stderr (%1, pid %2, args %3):\n%4")
                                .arg(QString::fromLatin1(why))
                                .arg(m_pid)
                                .arg(m_arguments.join(QLatin1Char(' ')), QString::fromUtf8(fresh));
}

ScopedSim::ScopedSim() = default;

ScopedSim::~ScopedSim()
{
    reset();
}

bool ScopedSim::start(SimServer::Options options)
{
    reset();
    m_server = std::make_unique<SimServer>(std::move(options));
    if (m_server->start())
        return true;
    qWarning().noquote() << m_server->errorString();
    return false;
}

bool ScopedSim::startDemo(const QStringList &faults)
{
    return start(SimServer::Options().withDemo().withFaults(faults));
}

void ScopedSim::reportIfFailed()
{
    if (m_server)
        m_server->reportIfFailed();
}

int ScopedSim::stop()
{
    return m_server ? m_server->stop() : 0;
}

void ScopedSim::reset()
{
    reportIfFailed();
    m_server.reset();
}

} // namespace stevedore::test
