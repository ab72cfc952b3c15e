#include "cli/CommandLine.h"

#include "core/Version.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

struct OptionSpec
{
    QStringList names;
    QString valueName; // empty for a flag
    QString description;
};

struct CommandSpec
{
    QString name;
    QString description;
};

const QString UrlOption = u"url"_s;
const QString ProjectOption = u"project"_s;
const QString AccountOption = u"account"_s;
const QString JsonOption = u"json"_s;
const QString OutputOption = u"output"_s;
const QString QuietOption = u"quiet"_s;
const QString HelpOption = u"help"_s;
const QString VersionOption = u"version"_s;

QList<OptionSpec> optionSpecs()
{
    return {
        {{UrlOption},
         CommandLine::tr("URL"),
         CommandLine::tr("GitLab server to use, e.g. https://gitlab.example.com")},
        {{ProjectOption},
         CommandLine::tr("PATH"),
         CommandLine::tr("project to open, e.g. group/project")},
        {{AccountOption}, CommandLine::tr("NAME"), CommandLine::tr("account to use")},
        {{JsonOption}, {}, CommandLine::tr("print command results as JSON (commands only)")},
        {{OutputOption},
         CommandLine::tr("FORMAT"),
         CommandLine::tr("json or text; --output json is --json (commands only)")},
        {{QuietOption}, {}, CommandLine::tr("print nothing but errors (commands only)")},
        {{u"h"_s, HelpOption}, {}, CommandLine::tr("show this help and exit")},
        {{VersionOption}, {}, CommandLine::tr("show the version and exit")},
    };
}

QList<CommandSpec> commandSpecs()
{
    return {
        {u"login"_s,
         CommandLine::tr("add a GitLab account; its token goes to the system keychain")},
        {u"logout"_s, CommandLine::tr("remove an account and its token")},
        {u"accounts"_s, CommandLine::tr("list the accounts")},
        {u"projects"_s, CommandLine::tr("list the projects an account can see")},
        {u"list"_s, CommandLine::tr("list the generic packages of a project and their versions")},
        {u"files"_s, CommandLine::tr("list the files of a package version")},
        {u"publish"_s, CommandLine::tr("upload files to a package version")},
        {u"download"_s, CommandLine::tr("download the files of a package version")},
        {u"delete"_s, CommandLine::tr("delete a package version or one of its files")},
        {u"verify"_s,
         CommandLine::tr("compare a folder (such as a download) with a version by SHA-256")},
        {u"diff"_s, CommandLine::tr("list the files added, removed and changed between two "
                                    "versions")},
    };
}

QString optionSyntax(const OptionSpec &option)
{
    QStringList forms;
    for (const QString &name : option.names)
        forms << (name.size() == 1 ? u"-"_s : u"--"_s) + name;
    QString syntax = forms.join(u", "_s);
    if (!option.valueName.isEmpty())
        syntax += u' ' + option.valueName;
    return syntax;
}

QString helpText()
{
    const QList<OptionSpec> options = optionSpecs();
    const QList<CommandSpec> commands = commandSpecs();

    qsizetype width = 0;
    for (const OptionSpec &option : options)
        width = std::max(width, optionSyntax(option).size());
    for (const CommandSpec &command : commands)
        width = std::max(width, command.name.size());
    const auto row = [width](const QString &left, const QString &right) -> QString {
        return u"  "_s + left.leftJustified(width) + u"  "_s + right + u'\n';
    };

    QString text = CommandLine::tr("Usage: %1 [options]\n"
                                   "       %1 [options] <command> [arguments]\n"
                                   "\n"
                                   "Stevedore %2, a desktop client for GitLab's Generic Packages "
                                   "Registry.\n"
                                   "Without a command it opens its window.\n")
                       .arg(executableName(), applicationVersion());
    text += u'\n' + CommandLine::tr("Options:") + u'\n';
    for (const OptionSpec &option : options)
        text += row(optionSyntax(option), option.description);
    text += u'\n'
            + CommandLine::tr("Commands (%1 COMMAND --help for each one's arguments):")
                  .arg(executableName())
            + u'\n';
    for (const CommandSpec &command : commands)
        text += row(command.name, command.description);
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

QStringList CommandLine::commandNames()
{
    QStringList names;
    for (const CommandSpec &command : commandSpecs())
        names << command.name;
    return names;
}

CommandLine::Result CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    // Options after the command belong to the command; CommandRunner parses them.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    for (const OptionSpec &option : optionSpecs())
        parser.addOption(QCommandLineOption(option.names, option.description, option.valueName));

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(HelpOption))
        return exitWith(ExitCode::Success, helpText(), {});
    if (parser.isSet(VersionOption))
        return exitWith(ExitCode::Success, executableName() + u' ' + applicationVersion() + u'\n',
                        {});

    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && !commandNames().contains(positional.constFirst())) {
        return usageError(tr("unknown command '%1'. The commands are: %2.")
                              .arg(positional.constFirst(), commandNames().join(u", "_s)));
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
