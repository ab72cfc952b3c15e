#pragma once

#include "cli/ExitCodes.h"
#include "core/LaunchOptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Stevedore {

// Parses the process arguments and decides what the process does: open the window, or print
// something and exit with a code. It has no side effects, so that tests can drive it directly;
// main() prints the texts and returns the exit code.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::CommandLine)

public:
    enum class Action {
        StartGui,   // open the main window with `launch`
        RunCommand, // run `command` with `commandArguments` (CommandRunner)
        Exit,       // print standardOutput and standardError, exit with exitCode
    };

    struct Result
    {
        Action action = Action::StartGui;
        int exitCode = ExitCode::Success;
        QString standardOutput;
        QString standardError;
        LaunchOptions launch;
        QString command;
        QStringList commandArguments; // everything after the command name
        bool json = false;
        bool quiet = false;
    };

    CommandLine() = delete;

    // `arguments` includes the program name first, like QCoreApplication::arguments().
    [[nodiscard]] static Result parse(const QStringList &arguments);

    // Whether `--output FORMAT` together with `--json` (when `jsonFlag`) asks for JSON, or the
    // usage problem ("json" and "text" are the formats, as in glab).
    struct OutputFormat
    {
        bool json = false;
        QString problem;
    };
    [[nodiscard]] static OutputFormat outputFormat(const QString &format, bool jsonFlag);
};

} // namespace Stevedore
