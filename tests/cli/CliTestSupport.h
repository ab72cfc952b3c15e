#pragma once

// Runs the real `stevedore` binary (STEVEDORE_EXECUTABLE, from the build; or another copy of
// it, such as the Debian package's, with runProgram()) as a child process and collects what it
// did: exit code, standard output and standard error.

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <sys/stat.h>

namespace Stevedore::CliTest {

struct Run
{
    QStringList arguments;
    int exitCode = -1; // -1: crashed or did not finish
    QByteArray standardOutput;
    QByteArray standardError;

    QString out() const { return QString::fromUtf8(standardOutput); }
    QString err() const { return QString::fromUtf8(standardError); }
    QJsonDocument json() const { return QJsonDocument::fromJson(standardOutput); }
    // For failure messages: the command and everything it printed.
    QString describe() const
    {
        return QStringLiteral("stevedore %1\n  exit %2\n  stdout: %3\n  stderr: %4")
            .arg(arguments.join(QLatin1Char(' ')))
            .arg(exitCode)
            .arg(out(), err());
    }
};

// Runs `program` with `arguments` to its end (or kills it after timeoutMs).
inline Run runProgram(const QString &program, const QStringList &arguments,
                      const QProcessEnvironment &environment, const QString &workingDirectory,
                      const QByteArray &input = {}, int timeoutMs = 60000)
{
    Run run;
    run.arguments = arguments;
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);
    process.start();
    if (!process.waitForStarted(10000)) {
        run.standardError = process.errorString().toUtf8();
        return run;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.standardOutput = process.readAllStandardOutput();
    run.standardError = process.readAllStandardError();
    if (process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    return run;
}

#ifdef STEVEDORE_EXECUTABLE
inline Run runStevedore(const QStringList &arguments, const QProcessEnvironment &environment,
                        const QString &workingDirectory, const QByteArray &input = {},
                        int timeoutMs = 60000)
{
    return runProgram(QStringLiteral(STEVEDORE_EXECUTABLE), arguments, environment,
                      workingDirectory, input, timeoutMs);
}
#endif

// An environment with nothing of the caller's GitLab, CI or SSL_CERT_FILE variables, and the
// given additions. Nor LD_LIBRARY_PATH, which CTest points at the build tree's keychain module
// for the test program itself: `stevedore` finds its module on its own, and a copy without one
// must not find the build tree's.
inline QProcessEnvironment cleanEnvironment(const QProcessEnvironment &base)
{
    QProcessEnvironment environment = base;
    for (const QString &name : base.keys()) {
        if (name.startsWith(QLatin1String("GITLAB_")) || name.startsWith(QLatin1String("CI_"))
            || name == QLatin1String("CI") || name == QLatin1String("SSL_CERT_FILE")
            || name == QLatin1String("LD_LIBRARY_PATH"))
            environment.remove(name);
    }
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return environment;
}

// cleanEnvironment() with HOME and the XDG folders inside `root`, and a D-Bus address that
// leads nowhere: environment accounts never need a keychain, and nothing may reach the user's.
inline QProcessEnvironment isolatedEnvironment(const QString &root)
{
    QProcessEnvironment environment = cleanEnvironment(QProcessEnvironment::systemEnvironment());
    for (const char *name :
         {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        const QString folder = root + QLatin1Char('/') + QString::fromLatin1(name).toLower();
        QDir().mkpath(folder);
        environment.insert(QString::fromLatin1(name), folder);
    }
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=") + root + QStringLiteral("/no-bus"));
    return environment;
}

#ifdef STEVEDORE_EXECUTABLE
// `stevedore` in isolatedEnvironment(root) with an environment account: GITLAB_HOST + GITLAB_TOKEN.
inline Run runWithToken(const QStringList &arguments, const QString &root, const QUrl &server,
                        const QString &token, const QString &workingDirectory)
{
    QProcessEnvironment environment = isolatedEnvironment(root);
    environment.insert(QStringLiteral("GITLAB_HOST"), server.toString());
    environment.insert(QStringLiteral("GITLAB_TOKEN"), token);
    return runStevedore(arguments, environment, workingDirectory);
}
#endif

// The account names of `stevedore --json accounts`.
inline QStringList accountNames(const Run &accounts)
{
    QStringList found;
    for (const QJsonValue &account : accounts.json().array())
        found << account[QStringLiteral("name")].toString();
    return found;
}

inline QByteArray sha256Hex(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

// The permission bits of `path` as `stat` shows them (0600), or -1 when it does not exist.
inline int modeOf(const QString &path)
{
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return int(status.st_mode & 07777);
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(bytes) == bytes.size();
}

// The lines of a gitlab-sim --log excerpt for `method` whose path contains `path`.
inline QList<QByteArray> logLines(const QByteArray &log, const QByteArray &method,
                                  const QByteArray &path)
{
    QList<QByteArray> found;
    for (const QByteArray &line : log.split('\n')) {
        if (line.contains(QByteArray(' ' + method + ' ')) && line.contains(path))
            found << line;
    }
    return found;
}

// The regular files under `root` (hidden ones too; no sockets or fifos) whose bytes contain
// `secret`, except below `skip`.
inline QStringList filesContaining(const QString &root, const QByteArray &secret,
                                   const QStringList &skip = {})
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (std::any_of(skip.begin(), skip.end(), [&](const QString &folder) {
                return path.startsWith(folder + QLatin1Char('/'));
            }))
            continue;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
            found << path;
    }
    return found;
}

} // namespace Stevedore::CliTest
