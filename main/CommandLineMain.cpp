// `stevedore`: the command line. It links neither Qt Gui nor Widgets, so that a command starts
// fast and small; without a command it hands the process over to the window executable.
#include "ProcessStart.h"
#include "account/AccountStore.h"
#include "account/KeychainSecretStore.h"
#include "cli/CommandLine.h"
#include "cli/CommandRunner.h"
#include "cli/Console.h"
#include "core/Sha256.h"
#include "core/Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QProcessEnvironment>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace {

// The window executable sits next to this one in the build tree, and in
// STEVEDORE_WINDOW_FROM_BINDIR (relative to this one's folder) once installed.
std::filesystem::path windowExecutable()
{
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error)
        return {};
    const std::filesystem::path folder = self.parent_path();
    const std::filesystem::path beside = folder / "stevedore-window";
    if (std::filesystem::exists(beside, error))
        return beside;
    return (folder / STEVEDORE_WINDOW_FROM_BINDIR / "stevedore-window").lexically_normal();
}

int openWindow(char *argv[])
{
    if (!STEVEDORE_WITH_WINDOW) {
        Stevedore::writeTo(stderr,
                           QCoreApplication::translate(
                               "Stevedore::CommandLine",
                               "stevedore: this build has no window (it was configured "
                               "with STEVEDORE_GUI=OFF). Commands work: stevedore --help\n"));
        return Stevedore::ExitCode::Failure;
    }
    const std::filesystem::path window = windowExecutable();
    if (!window.empty())
        ::execv(window.c_str(), argv);
    const int reason = errno;
    Stevedore::writeTo(
        stderr, QCoreApplication::translate("Stevedore::CommandLine",
                                            "stevedore: the window could not be started (%1: %2). "
                                            "Commands work without it: stevedore --help\n")
                    .arg(window.empty() ? QStringLiteral("stevedore-window")
                                        : QString::fromStdString(window.string()),
                         QString::fromLocal8Bit(std::strerror(reason))));
    return Stevedore::ExitCode::Failure;
}

} // namespace

int main(int argc, char *argv[])
{
    // The application object comes first, for the help and the errors of the command line
    // to be written in the user's language.
    QCoreApplication app(argc, argv);
    Stevedore::installTranslations(QLocale::system());
    const Stevedore::CommandLine::Result commandLine =
        Stevedore::CommandLine::parse(Stevedore::argumentsOf(argc, argv));

    switch (commandLine.action) {
    case Stevedore::CommandLine::Action::Exit:
        Stevedore::writeTo(stdout, commandLine.standardOutput);
        Stevedore::writeTo(stderr, commandLine.standardError);
        return commandLine.exitCode;
    case Stevedore::CommandLine::Action::StartGui:
        return openWindow(argv);
    case Stevedore::CommandLine::Action::RunCommand:
        break;
    }

    Stevedore::setApplicationIdentity();
    Stevedore::Sha256::setUpOpenSsl();
    Stevedore::AccountStore accounts;
    Stevedore::KeychainSecretStore secrets;
    Stevedore::Console console;
    Stevedore::CommandRunner runner(
        commandLine, {&accounts, &secrets, QProcessEnvironment::systemEnvironment()}, console);
    QObject::connect(&runner, &Stevedore::CommandRunner::finished, &app, &QCoreApplication::exit);
    runner.start();
    return QCoreApplication::exec();
}
