#include "cli/CommandCatalog.h"

#include "cli/ExitCodes.h"
#include "core/Version.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

using Option = CommandCatalog::Option;
using Argument = CommandCatalog::Argument;
using Value = CommandCatalog::Value;

Option urlOption()
{
    return {{CommandCatalog::Url},
            CommandCatalog::tr("URL"),
            CommandCatalog::tr("GitLab server to use, e.g. https://gitlab.example.com")};
}

Option accountOption()
{
    return {{CommandCatalog::AccountOption},
            CommandCatalog::tr("NAME"),
            CommandCatalog::tr("account to use (stevedore accounts lists them)"),
            {},
            {},
            Value::Account};
}

Option jsonOption()
{
    return {{CommandCatalog::Json}, {}, CommandCatalog::tr("print the result as JSON")};
}

Option outputOption()
{
    return {{CommandCatalog::Output},
            CommandCatalog::tr("FORMAT"),
            CommandCatalog::tr("json or text; --output json is --json"),
            {},
            {u"json"_s, u"text"_s}};
}

Option quietOption()
{
    return {{CommandCatalog::Quiet}, {}, CommandCatalog::tr("print nothing but errors")};
}

Option helpOption()
{
    return {{u"h"_s, CommandCatalog::Help}, {}, CommandCatalog::tr("show this help and exit")};
}

Option noResumeOption()
{
    return {{u"no-resume"_s},
            {},
            CommandCatalog::tr(
                "start afresh instead of resuming an interrupted run with the same arguments")};
}

Argument project()
{
    return {CommandCatalog::tr("PROJECT"), Value::Project};
}

Argument packageName(bool optional = false)
{
    return {CommandCatalog::tr("NAME"), Value::Package, optional};
}

Argument version(const QString &name = CommandCatalog::tr("VERSION"))
{
    return {name, Value::Version};
}

} // namespace

QCommandLineOption CommandCatalog::Option::toQt() const
{
    return QCommandLineOption(names, description, valueName, defaultValue);
}

QStringList CommandCatalog::Option::dashedNames() const
{
    QStringList dashed;
    for (const QString &name : names)
        dashed << (name.size() == 1 ? u"-"_s : u"--"_s) + name;
    return dashed;
}

QString CommandCatalog::Option::syntax() const
{
    QString text = dashedNames().join(u", "_s);
    if (!valueName.isEmpty())
        text += u' ' + valueName;
    return text;
}

QString CommandCatalog::Command::argumentSyntax() const
{
    QStringList parts;
    if (needsUrl)
        parts << u"--url URL"_s;
    return (parts + argumentWords()).join(u' ');
}

QStringList
CommandCatalog::Command::argumentWords(const std::function<QString(const QString &)> &style) const
{
    QStringList words;
    QStringList group; // the names of a bracketed group so far
    for (const Argument &argument : arguments) {
        group << (style ? style(argument.name) : argument.name)
                     + (argument.repeats ? u"..."_s : QString());
        if (argument.withNext)
            continue;
        const bool optional = argument.optional || group.size() > 1;
        words << (optional ? u'[' + group.join(u' ') + u']' : group.join(u' '));
        group.clear();
    }
    return words;
}

int CommandCatalog::Command::minArguments() const
{
    return int(std::count_if(arguments.cbegin(), arguments.cend(),
                             [](const Argument &argument) { return !argument.optional; }));
}

int CommandCatalog::Command::maxArguments() const
{
    const bool unlimited = std::any_of(arguments.cbegin(), arguments.cend(),
                                       [](const Argument &argument) { return argument.repeats; });
    return unlimited ? -1 : int(arguments.size());
}

int CommandCatalog::Command::registryArguments() const
{
    const auto local =
        std::find_if(arguments.cbegin(), arguments.cend(), [](const Argument &argument) {
            return argument.value == Value::LocalFile || argument.value == Value::LocalFolder;
        });
    if (!startsWithProject())
        return 0;
    // An optional argument before a required one (diff's PROJECT_B NAME_B) moves the ones after
    // it: only those before it have a fixed meaning, and the command checks the others.
    qsizetype fixed = local - arguments.cbegin();
    for (qsizetype i = 0; i < fixed; ++i) {
        const bool requiredLater =
            std::any_of(arguments.cbegin() + i + 1, arguments.cend(),
                        [](const Argument &later) { return !later.optional; });
        if (arguments.at(i).optional && requiredLater)
            fixed = i;
    }
    return fixed == arguments.size() ? -1 : int(fixed);
}

bool CommandCatalog::Command::startsWithProject() const
{
    return !arguments.isEmpty() && arguments.constFirst().value == Value::Project;
}

QList<CommandCatalog::Option> CommandCatalog::Command::acceptedOptions() const
{
    QList<Option> accepted = options;
    for (const Option &common : commonOptions()) {
        const bool shadowed = std::any_of(options.cbegin(), options.cend(), [&](const Option &own) {
            return own.names.contains(common.names.constLast());
        });
        if (!shadowed)
            accepted << common;
    }
    return accepted;
}

namespace {

std::optional<CommandCatalog::Option> named(const QList<CommandCatalog::Option> &options,
                                            const QString &dashed)
{
    for (const CommandCatalog::Option &option : options) {
        if (option.dashedNames().contains(dashed))
            return option;
    }
    return std::nullopt;
}

} // namespace

std::optional<CommandCatalog::Option> CommandCatalog::Command::option(const QString &dashed) const
{
    return named(acceptedOptions(), dashed);
}

QList<CommandCatalog::Option> CommandCatalog::globalOptions()
{
    return {
        urlOption(),
        {{ProjectOption},
         tr("PATH"),
         tr("project the window opens, e.g. group/project"),
         {},
         {},
         Value::Project},
        accountOption(),
        jsonOption(),
        outputOption(),
        quietOption(),
        helpOption(),
        {{VersionOption}, {}, tr("show the version and exit")},
    };
}

QList<CommandCatalog::Option> CommandCatalog::commonOptions()
{
    return {
        urlOption(),
        accountOption(),
        jsonOption(),
        outputOption(),
        quietOption(),
        {{MaxWait},
         tr("SECONDS"),
         tr("the longest Retry-After to honour (default 300); a server asking for longer fails "
            "the command at once")},
        helpOption(),
    };
}

std::optional<CommandCatalog::Option> CommandCatalog::globalOption(const QString &dashed)
{
    return named(globalOptions(), dashed);
}

QList<CommandCatalog::Command> CommandCatalog::commands()
{
    return {
        {u"login"_s,
         tr("add a GitLab account; its token goes to the system keychain"),
         tr("The token is read from standard input (without echo at a terminal), checked against "
            "GitLab and stored in the keychain. Without a keychain the account is not saved."),
         {},
         {{{u"kind"_s},
           tr("KIND"),
           tr("token kind: personal (the default), deploy, job, basic or oauth"),
           u"personal"_s,
           {u"personal"_s, u"deploy"_s, u"job"_s, u"basic"_s, u"oauth"_s}},
          {{u"username"_s}, tr("NAME"), tr("user name, for --kind basic")},
          {{u"ca-file"_s},
           tr("PEM"),
           tr("extra CA certificates (PEM) to trust"),
           {},
           {},
           Value::LocalFile},
          {{u"name"_s}, tr("NAME"), tr("account name (default: the host)")},
          {{ProjectOption},
           tr("PROJECT"),
           tr("default project; required to check deploy and job tokens")}},
         true},
        {u"logout"_s,
         tr("remove an account and its token"),
         tr("Without ACCOUNT, the one account there is, or the one --account names. When the "
            "token cannot be removed from the keychain the account is kept and the exit status "
            "is 1."),
         {{tr("ACCOUNT"), Value::Account, true}}},
        {u"accounts"_s, tr("list the accounts"),
         tr("Lists the saved accounts and the ones the environment gives for this run.")},
        {u"projects"_s,
         tr("list the projects an account can see"),
         tr("Lists the projects the account is a member of, those whose name contains SEARCH "
            "when it is given."),
         {{tr("SEARCH"), Value::None, true}}},
        {u"list"_s,
         tr("list the generic packages of a project and their versions"),
         tr("Lists the generic packages of PROJECT (only NAME when it is given) and their "
            "versions, newest first."),
         {project(), packageName(true)},
         {{{u"hidden"_s}, {}, tr("include hidden packages")}}},
        {u"files"_s,
         tr("list the files of a package version"),
         tr("Lists the files of a version with their size and SHA-256."),
         {project(), packageName(), version()}},
        {u"publish"_s,
         tr("upload files to a package version"),
         tr("Uploads files and folders (with their relative paths) one at a time. Links inside "
            "a folder that lead outside it are skipped unless --follow-symlinks is given; pipes, "
            "sockets and devices are refused. Killed half-way and run again with the same "
            "arguments, it resumes: files already sent are not sent again. FILE - (alone, with "
            "--file-name) publishes standard input, e.g. tar c DIR | stevedore publish PROJECT "
            "NAME VERSION - --file-name DIR.tar; it is copied to an unnamed temporary file in "
            "TMPDIR first, so that it is sent with its length and can be retried."),
         {project(), packageName(), version(), {tr("FILE"), Value::LocalFile, false, true}},
         {{{u"status"_s},
           tr("STATUS"),
           tr("package status: default or hidden"),
           {},
           {u"default"_s, u"hidden"_s}},
          {{u"file-name"_s},
           tr("NAME"),
           tr("name in the package (one FILE only); required with FILE -, which reads the file "
              "from standard input")},
          {{u"on-duplicate"_s},
           tr("POLICY"),
           tr("when the version has the name already: skip-identical (default: skip when the "
              "content is the same, else keep both), keep (always upload), replace (upload, "
              "then delete the older copies) or fail (upload nothing)"),
           u"skip-identical"_s,
           {u"skip-identical"_s, u"keep"_s, u"replace"_s, u"fail"_s}},
          {{u"follow-symlinks"_s},
           {},
           tr("publish links inside a folder that lead outside it (skipped by default)")},
          noResumeOption()}},
        {u"download"_s,
         tr("download the files of a package version"),
         tr("Downloads the files named (all of the version when none is) into the folder of "
            "--output, verifies each by its SHA-256 before it appears under its name, and resumes "
            "an interrupted download from its .part file and journal. With -o - the one FILE "
            "named goes to standard output as it arrives and is verified at the end (a damaged "
            "file fails after its bytes went out); nothing else is written there."),
         {project(), packageName(), version(), {tr("FILE"), Value::None, true, true}},
         {{{u"o"_s, Output},
           tr("DIR"),
           tr("folder to write to (default: the current one); - writes the one FILE named to "
              "standard output"),
           u"."_s,
           {},
           Value::LocalFolder},
          {{u"overwrite"_s}, {}, tr("replace files that already exist")},
          {{u"sha256"_s},
           tr("HEX"),
           tr("the expected SHA-256 of the one FILE named (for deploy tokens, which cannot list "
              "checksums)")},
          noResumeOption()}},
        {u"delete"_s,
         tr("delete a package version or one of its files"),
         tr("Deletes a version, or every upload of FILE in it. Only the package whose name and "
            "version match exactly is deleted."),
         {project(), packageName(), version(), {tr("FILE"), Value::None, true}}},
        {u"verify"_s,
         tr("compare a folder (such as a download) with a version by SHA-256"),
         tr("Compares DIR with the version by SHA-256: DIR's contents stand for the version's "
            "files as download lays them out (DIR/sub/b.txt is sub/b.txt), and the folder is "
            "walked with publish's rules. Lists each file missing locally, not in the version, "
            "changed (with both sizes) or unreadable, then a summary. A file that cannot be read "
            "counts as a difference. The exit status is 0 when the two are identical and 1 when "
            "they differ."),
         {{tr("DIR"), Value::LocalFolder}, project(), packageName(), version()}},
        {u"diff"_s,
         tr("list the files added, removed and changed between two versions"),
         tr("Lists the files added, removed and changed (by SHA-256, with both sizes) from "
            "VERSION_A to VERSION_B, which may belong to another package or project of the same "
            "account: PROJECT_B and NAME_B are given together or not at all. The exit status is "
            "0 when the two are identical and 1 when they differ."),
         {project(),
          packageName(),
          version(tr("VERSION_A")),
          {tr("PROJECT_B"), Value::Project, true, false, true},
          {tr("NAME_B"), Value::Package, true},
          version(tr("VERSION_B"))}},
        {u"sync"_s,
         tr("make a version hold a folder's files, sending only what differs"),
         tr("Compares DIR with the version by SHA-256 (DIR/sub/b.txt is sub/b.txt, as publish "
            "names it) and prints the plan: + new files are uploaded, ~ changed ones uploaded "
            "in place of the old copy (as publish --on-duplicate replace does), = same ones left "
            "alone, - removed ones (in the version, not in DIR) deleted with --delete and kept "
            "without it. A version that does not exist yet is created. Files that cannot be "
            "read, and names GitLab would refuse, stop the sync before anything is sent. Run "
            "again after an interruption, it sends only what is still missing."),
         {{tr("DIR"), Value::LocalFolder}, project(), packageName(), version()},
         {{{u"delete"_s}, {}, tr("delete the files of the version that DIR does not have")},
          {{u"dry-run"_s}, {}, tr("print the plan and send nothing that changes the server")}}},
        {u"copy"_s,
         tr("copy a version to another version, project, account or GitLab"),
         tr("Copies the files of SRC to DST, each written [ACCOUNT:]PROJECT/NAME@VERSION (for "
            "example staging:group/app/app@2.0.0-rc.3 release:group/app/app@2.0.0; without "
            "ACCOUNT, the account --account, --url or the environment selects). Prints the plan "
            "first: + files to copy, = files DST has already (by SHA-256, left alone), files "
            "only DST has (left alone) and ~ files DST has with other content, which stop the "
            "copy before anything is sent unless --on-duplicate replace. Each file is fetched "
            "into a private spool file beside the command's journal (so at most one file is "
            "kept locally at a time, and that folder needs room for the largest), verified by "
            "SRC's SHA-256, uploaded, and checked against the SHA-256 DST stores. Killed "
            "half-way and run again with the same arguments, it resumes."),
         {{tr("SRC")}, {tr("DST")}},
         {{{u"status"_s},
           tr("STATUS"),
           tr("status of a version the copy creates: default or hidden (to stage it)"),
           u"default"_s,
           {u"default"_s, u"hidden"_s}},
          {{u"on-duplicate"_s},
           tr("POLICY"),
           tr("when DST has a name of SRC with other content: fail (default: copy nothing) or "
              "replace (upload, then delete the older copies)"),
           u"fail"_s,
           {u"fail"_s, u"replace"_s}},
          noResumeOption()}},
    };
}

std::optional<CommandCatalog::Command> CommandCatalog::command(const QString &name)
{
    for (const Command &command : commands()) {
        if (command.name == name)
            return command;
    }
    return std::nullopt;
}

QStringList CommandCatalog::commandNames()
{
    QStringList names;
    for (const Command &command : commands())
        names << command.name;
    return names;
}

QList<CommandCatalog::EnvironmentVariable> CommandCatalog::environment()
{
    return {
        {{u"GITLAB_HOST"_s, u"GITLAB_TOKEN"_s},
         tr("An account for this run only: a personal access token on that host. Without "
            "GITLAB_HOST the token is for the server --url names; with neither it is not used.")},
        {{u"CI_API_V4_URL"_s, u"CI_JOB_TOKEN"_s, u"CI_PROJECT_ID"_s},
         tr("Inside GitLab CI: the job token of the running job. With it, a command whose first "
            "argument cannot be a PROJECT (neither a numeric id nor a group/project path) takes "
            "CI_PROJECT_ID as its PROJECT, so that \"stevedore publish mypkg 1.0 dist/\" "
            "publishes to the job's project.")},
        {{u"CI_SERVER_TLS_CA_FILE"_s, u"SSL_CERT_FILE"_s},
         tr("Extra CA certificates (PEM) that the environment accounts of an https:// server "
            "trust besides the system's: the runner's CI_SERVER_TLS_CA_FILE, else "
            "SSL_CERT_FILE.")},
        {{u"https_proxy"_s, u"HTTPS_PROXY"_s, u"http_proxy"_s, u"all_proxy"_s, u"ALL_PROXY"_s,
          u"no_proxy"_s, u"NO_PROXY"_s},
         tr("The proxy to go through, and the hosts to reach directly (http_proxy only in small "
            "letters, as in curl). A proxy that cannot be reached is named in the message.")},
        {{u"XDG_CONFIG_HOME"_s, u"XDG_DATA_HOME"_s, u"XDG_STATE_HOME"_s},
         tr("Where the settings, the window's transfer queue and the journals of unfinished "
            "publish and download runs are kept (by default ~/.config, ~/.local/share and "
            "~/.local/state); see FILES.")},
        {{u"LANGUAGE"_s, u"LC_ALL"_s, u"LC_MESSAGES"_s, u"LANG"_s},
         tr("The language of the messages, the help and the window: German when one of them "
            "asks for it (de), else English.")},
        {{u"QT_QPA_PLATFORM"_s},
         tr("The Qt platform plugin for the window, for example offscreen or xcb.")},
    };
}

QList<CommandCatalog::ExitStatus> CommandCatalog::exitStatuses()
{
    return {
        {0, tr("Success; for verify and diff: the two sides are identical.")},
        {1, tr("The request could not be done: network, server, integrity or local file "
               "problems; for verify and diff: the two sides differ.")},
        {2, tr("A malformed command line: an unknown option or command, a missing argument, an "
               "invalid project, package name, version or file name. Nothing was sent.")},
        {3,
         tr("Authentication or permission: a wrong or expired token, too narrow a scope, too low "
            "a role.")},
        {4, tr("Not found: project, package, version or file.")},
        {ExitCode::ClosedOutput,
         tr("download -o - whose reader closed the pipe before the end (what a shell reports "
            "for a program ended by SIGPIPE).")},
    };
}

namespace {

constexpr qsizetype kHelpWidth = 79;

// `text` in lines of at most `width` characters (longer words stay whole).
QStringList wrapped(const QString &text, qsizetype width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : u" "_s) + word;
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

} // namespace

QString CommandCatalog::table(const QList<std::pair<QString, QString>> &rows)
{
    qsizetype width = 0;
    for (const auto &row : rows)
        width = std::max(width, row.first.size());
    const qsizetype indent = 2 + width + 2;
    QString text;
    for (const auto &[left, right] : rows) {
        const QStringList lines = wrapped(right, std::max<qsizetype>(kHelpWidth - indent, 30));
        text += u"  "_s + left.leftJustified(width) + u"  "_s + lines.value(0) + u'\n';
        for (const QString &line : lines.mid(1))
            text += QString(indent, u' ') + line + u'\n';
    }
    return text;
}

QString CommandCatalog::commandHelp(const Command &command)
{
    // The usage in lines of kHelpWidth, a bracketed group never split.
    QString text;
    QString line = tr("Usage: %1 %2 [options]").arg(executableName(), command.name);
    QStringList words = command.argumentWords();
    if (command.needsUrl)
        words.prepend(u"--url URL"_s);
    for (const QString &word : std::as_const(words)) {
        if (line.size() + 1 + word.size() > kHelpWidth) {
            text += line + u'\n';
            line = u"   "_s;
        }
        line += u' ' + word;
    }
    text += line + u"\n\n"_s;
    text += command.summary.at(0).toUpper() + command.summary.mid(1) + u".\n"_s;
    if (!command.description.isEmpty())
        text += wrapped(command.description, kHelpWidth).join(u'\n') + u'\n';
    QList<std::pair<QString, QString>> rows;
    for (const Option &option : command.acceptedOptions())
        rows.append({option.syntax(), option.description});
    text += u'\n' + tr("Options:") + u'\n' + table(rows);
    if (command.startsWithProject())
        text += u'\n'
                + wrapped(tr("In a GitLab CI job with the job token, PROJECT may be left out: "
                             "CI_PROJECT_ID stands for it."),
                          kHelpWidth)
                      .join(u'\n')
                + u'\n';
    return text;
}

} // namespace Stevedore
