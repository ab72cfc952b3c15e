#include "ApplicationIcon.h"
#include "Dialogs.h"
#include "MainWindow.h"
#include "account/AccountStore.h"
#include "account/KeychainSecretStore.h"
#include "cli/CommandLine.h"
#include "cli/CommandRunner.h"
#include "cli/Console.h"
#include "core/Version.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QStringList>

#include <cstdio>

namespace {

QStringList argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(Stevedore::organizationName());
    QCoreApplication::setApplicationName(Stevedore::applicationName());
    QCoreApplication::setApplicationVersion(Stevedore::applicationVersion());
}

void write(std::FILE *stream, const QString &text)
{
    if (!text.isEmpty())
        std::fputs(text.toLocal8Bit().constData(), stream);
}

} // namespace

int main(int argc, char *argv[])
{
    // Parsed before any application object exists: a command-line run must not need a display.
    const Stevedore::CommandLine::Result commandLine =
        Stevedore::CommandLine::parse(argumentsOf(argc, argv));

    if (commandLine.action == Stevedore::CommandLine::Action::Exit) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        write(stdout, commandLine.standardOutput);
        write(stderr, commandLine.standardError);
        return commandLine.exitCode;
    }

    if (commandLine.action == Stevedore::CommandLine::Action::RunCommand) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        Stevedore::AccountStore accounts;
        Stevedore::KeychainSecretStore secrets;
        Stevedore::Console console;
        Stevedore::CommandRunner runner(
            commandLine, {&accounts, &secrets, QProcessEnvironment::systemEnvironment()}, console);
        QObject::connect(&runner, &Stevedore::CommandRunner::finished, &app,
                         &QCoreApplication::exit);
        runner.start();
        return QCoreApplication::exec();
    }

    QApplication app(argc, argv);
    setApplicationIdentity();
    QGuiApplication::setDesktopFileName(Stevedore::applicationId());
    QApplication::setWindowIcon(Stevedore::applicationIcon());

    Stevedore::AccountStore accounts;
    Stevedore::KeychainSecretStore secrets;
    Stevedore::Dialogs dialogs;
    const QString queueFile =
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
            .filePath(QStringLiteral("transfer-queue.jsonl"));
    Stevedore::MainWindow window(commandLine.launch, {&accounts, &secrets, &dialogs, queueFile});
    window.show();
    return QApplication::exec();
}
