#include "cli/CommandLine.h"

#include "cli/CommandCatalog.h"
#include "cli/ManPage.h"
#include "core/Version.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

const QString &UrlOption = CommandCatalog::Url;
const QString &ProjectOption = CommandCatalog::ProjectOption;
const QString &AccountOption = CommandCatalog::AccountOption;
const QString &JsonOption = CommandCatalog::Json;
const QString &OutputOption = CommandCatalog::Output;
const QString &QuietOption = CommandCatalog::Quiet;
const QString &HelpOption = CommandCatalog::Help;
const QString &VersionOption = CommandCatalog::VersionOption;

QString helpText()
{
    QList<std::pair<QString, QString>> options;
    for (const CommandCatalog::Option &option : CommandCatalog::globalOptions())
        options.append({option.syntax(), option.description});
    QList<std::pair<QString, QString>> commands;
    for (const CommandCatalog::Command &command : CommandCatalog::commands())
        commands.append({command.name, command.summary});

    QString text = CommandLine::tr("Usage: %1 [options]\n"
                                   "       %1 [options] <command> [arguments]\n"
                                   "\n"
                                   "Stevedore %2, a desktop client for GitLab's Generic Packages "
                                   "Registry.\n"
                                   "Without a command it opens its window.\n")
                       .arg(executableName(), applicationVersion());
    text += u'\n' + CommandLine::tr("Options:") + u'\n' + CommandCatalog::table(options);
    text += CommandLine::tr("--json, --output and --quiet apply to commands only.") + u'\n';
    text += u'\n'
            + CommandLine::tr("Commands (%1 COMMAND --help for each one's arguments):")
                  .arg(executableName())
            + u'\n' + CommandCatalog::table(commands);
    return text;
}

CommandLine::Result exitWith(int exitCode, const QString &standardOutput,
                             const QString &standardError)
{
    CommandLine::Result result;
    result.action = CommandLine::Action::Exit;
    result.exitCode = exitCode;
    result.standardOutput = standardOutput;
    result.standardError = standardError;
    return result;
}

// One line for standard error, prefixed with the executable name like other Unix tools do.
QString errorLine(const QString &message)
{
    return executableName() + u": "_s + message + u'\n';
}

CommandLine::Result usageError(const QString &message)
{
    return exitWith(ExitCode::Usage, {},
                    errorLine(message)
                        + CommandLine::tr("Run '%1 --help' for usage.").arg(executableName())
                        + u'\n');
}

bool isServerUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"https"_s || url.scheme() == u"http"_s)
           && !url.host().isEmpty();
}

bool isProjectPath(const QString &path)
{
    const QStringList segments = path.split(u'/');
    return segments.size() >= 2
           && std::none_of(segments.cbegin(), segments.cend(),
                           [](const QString &segment) { return segment.isEmpty(); });
}

} // namespace

CommandLine::OutputFormat CommandLine::outputFormat(const QString &format, bool jsonFlag)
{
    if (format == u"json"_s)
        return {true, {}};
    if (format != u"text"_s)
        return {jsonFlag, tr("--output expects json or text, not '%1'.").arg(format)};
    if (jsonFlag)
        return {true, tr("--json and --output text contradict each other; give one of them.")};
    return {false, {}};
}

CommandLine::Result CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    // Options after the command belong to the command; CommandRunner parses them.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    for (const CommandCatalog::Option &option : CommandCatalog::globalOptions())
        parser.addOption(option.toQt());

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(HelpOption))
        return exitWith(ExitCode::Success, helpText(), {});
    if (parser.isSet(VersionOption))
        return exitWith(ExitCode::Success, executableName() + u' ' + applicationVersion() + u'\n',
                        {});

    const QStringList positional = parser.positionalArguments();
    const QString first = positional.value(0);
    if (first == CommandCatalog::ManCommand)
        return exitWith(ExitCode::Success, ManPage::roff(), {});
    if (!positional.isEmpty() && first != CommandCatalog::CompleteCommand
        && !CommandCatalog::commandNames().contains(first)) {
        return usageError(
            tr("unknown command '%1'. The commands are: %2.")
                .arg(positional.constFirst(), CommandCatalog::commandNames().join(u", "_s)));
    }

    Result result;
    if (parser.isSet(UrlOption)) {
        const QString value = parser.value(UrlOption);
        const QUrl url(value, QUrl::StrictMode);
        if (!isServerUrl(url)) {
            return usageError(tr("--url expects an http:// or https:// address such as "
                                 "https://gitlab.example.com, not '%1'.")
                                  .arg(value));
        }
        if (!url.userInfo().isEmpty()) {
            return usageError(tr("--url must not contain a user name or password: Stevedore "
                                 "keeps tokens in the system keychain, never on the command "
                                 "line."));
        }
        result.launch.serverUrl = url;
    }
    if (parser.isSet(ProjectOption)) {
        const QString value = parser.value(ProjectOption);
        if (!isProjectPath(value)) {
            return usageError(
                tr("--project expects a project path such as group/project, not '%1'.").arg(value));
        }
        result.launch.projectPath = value;
    }
    if (parser.isSet(AccountOption)) {
        const QString value = parser.value(AccountOption);
        if (value.trimmed().isEmpty())
            return usageError(tr("--account expects an account name."));
        result.launch.accountName = value;
    }

    if (positional.isEmpty()) {
        for (const QString &flag : {JsonOption, OutputOption, QuietOption}) {
            if (parser.isSet(flag)) {
                return usageError(
                    tr("--%1 applies to commands only; without a command Stevedore opens its "
                       "window.")
                        .arg(flag));
            }
        }
        return result;
    }

    result.action = Action::RunCommand;
    result.command = positional.constFirst();
    result.commandArguments = positional.mid(1);
    result.json = parser.isSet(JsonOption);
    if (parser.isSet(OutputOption)) {
        const OutputFormat output = outputFormat(parser.value(OutputOption), result.json);
        if (!output.problem.isEmpty())
            return usageError(output.problem);
        result.json = output.json;
    }
    result.quiet = parser.isSet(QuietOption);
    return result;
}

} // namespace Stevedore
