// `stevedore-window`: the desktop window, started by `stevedore` when no command is given.
#include "ApplicationIcon.h"
#include "Dialogs.h"
#include "MainWindow.h"
#include "ProcessStart.h"
#include "account/AccountStore.h"
#include "account/KeychainSecretStore.h"
#include "cli/CommandLine.h"
#include "core/Sha256.h"
#include "core/Translations.h"
#include "core/Version.h"
#include "transfer/WindowQueuePath.h"

#include <QApplication>
#include <QLocale>

int main(int argc, char *argv[])
{
    const Stevedore::CommandLine::Result commandLine =
        Stevedore::CommandLine::parse(Stevedore::argumentsOf(argc, argv));
    if (commandLine.action == Stevedore::CommandLine::Action::Exit) {
        Stevedore::writeTo(stdout, commandLine.standardOutput);
        Stevedore::writeTo(stderr, commandLine.standardError);
        return commandLine.exitCode;
    }
    if (commandLine.action == Stevedore::CommandLine::Action::RunCommand) {
        Stevedore::writeTo(stderr,
                           QStringLiteral("stevedore-window opens the window only; run "
                                          "commands with stevedore, e.g. stevedore %1 --help\n")
                               .arg(commandLine.command));
        return Stevedore::ExitCode::Usage;
    }

    QApplication app(argc, argv);
    Stevedore::setApplicationIdentity();
    Stevedore::Sha256::setUpOpenSsl();
    Stevedore::installTranslations(QLocale::system());
    QGuiApplication::setDesktopFileName(Stevedore::applicationId());
    QApplication::setWindowIcon(Stevedore::applicationIcon());

    Stevedore::AccountStore accounts;
    Stevedore::KeychainSecretStore secrets;
    Stevedore::Dialogs dialogs;
    Stevedore::MainWindow window(commandLine.launch,
                                 {&accounts, &secrets, &dialogs, Stevedore::windowQueuePath()});
    window.show();
    return QApplication::exec();
}
