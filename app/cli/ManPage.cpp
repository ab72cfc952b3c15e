#include "cli/ManPage.h"

#include "cli/CommandCatalog.h"
#include "core/Version.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

QString bold(const QString &text)
{
    return u"\\fB"_s + ManPage::escaped(text) + u"\\fR"_s;
}

QString italic(const QString &text)
{
    return u"\\fI"_s + ManPage::escaped(text) + u"\\fR"_s;
}

// "-o, --output DIR" with the names bold and the value italic.
QString optionTag(const CommandCatalog::Option &option)
{
    QStringList names;
    for (const QString &name : option.dashedNames())
        names << bold(name);
    QString tag = names.join(u", "_s);
    if (!option.valueName.isEmpty())
        tag += u' ' + italic(option.valueName);
    return tag;
}

QString optionList(const QList<CommandCatalog::Option> &options)
{
    QString text;
    for (const CommandCatalog::Option &option : options) {
        text += u".TP\n"_s + optionTag(option) + u'\n' + ManPage::escaped(option.description);
        if (!option.defaultValue.isEmpty() && !option.description.contains(u"default"_s))
            text += ManPage::escaped(u" (default %1)"_s.arg(option.defaultValue));
        text += u".\n"_s;
    }
    return text;
}

QString commandTag(const CommandCatalog::Command &command)
{
    QString tag = bold(command.name);
    if (command.needsUrl)
        tag += u' ' + bold(u"--url"_s) + u' ' + italic(u"URL"_s);
    for (const CommandCatalog::Argument &argument : command.arguments) {
        const QString name = italic(argument.name) + (argument.repeats ? u"..."_s : QString());
        tag += u' ' + (argument.optional ? u'[' + name + u']' : name);
    }
    if (!command.options.isEmpty())
        tag += u" ["_s + italic(ManPage::tr("options")) + u']';
    return tag;
}

} // namespace

QString ManPage::escaped(const QString &text)
{
    // An option, from its first hyphen to the end of its name: --follow-symlinks.
    static const QRegularExpression option(u"(?<![\\w-])-[\\w-]*"_s);
    QString result = text;
    result.replace(u'\\', u"\\e"_s);
    for (qsizetype from = 0;;) {
        const QRegularExpressionMatch match = option.match(result, from);
        if (!match.hasMatch())
            break;
        const QString minus = match.captured().replace(u'-', u"\\-"_s);
        result.replace(match.capturedStart(), match.capturedLength(), minus);
        from = match.capturedStart() + minus.size();
    }
    static const QRegularExpression lineStart(u"^([.'])"_s, QRegularExpression::MultilineOption);
    result.replace(lineStart, u"\\&\\1"_s);
    return result;
}

QString ManPage::roff()
{
    const QString name = executableName();
    QString text =
        u".TH STEVEDORE 1 \"\" \"Stevedore %1\" \"User Commands\"\n"_s.arg(applicationVersion());
    // No hyphenation: names, paths and options must stay whole to be copied.
    text += u".nh\n"_s;
    text += u".SH NAME\n"_s + name + u" \\- "_s
            + escaped(tr("desktop and command-line client for GitLab's Generic "
                         "Packages Registry"))
            + u'\n';

    text += u".SH SYNOPSIS\n"_s;
    text += bold(name) + u" [" + bold(u"--url"_s) + u' ' + italic(u"URL"_s) + u"] ["
            + bold(u"--project"_s) + u' ' + italic(u"PATH"_s) + u"] [" + bold(u"--account"_s) + u' '
            + italic(u"NAME"_s) + u"]\n.br\n"_s;
    text += bold(name) + u" [" + italic(tr("options")) + u"] " + italic(tr("command")) + u" ["
            + italic(tr("arguments")) + u"]\n.br\n"_s;
    text += bold(name) + u' ' + bold(u"--help"_s) + u" | " + bold(u"--version"_s) + u'\n';

    text += u".SH DESCRIPTION\n"_s + bold(name) + u' '
            + escaped(tr("browses, downloads and publishes the generic packages of a GitLab "
                         "server.\nWithout a command it opens its window; with one it runs that "
                         "command and exits.\nTokens are kept in the system keychain (the Secret "
                         "Service), never in files or on the command line."))
            + u"\n.PP\n"_s
            + escaped(tr("Every command checks every project, package name, version and file "
                         "name it is given against GitLab's rules before it sends anything.\n"
                         "Answers from the server are not trusted: downloads stay inside the "
                         "chosen folder, never exceed the listed size and are verified by SHA-256 "
                         "before they appear under their name; transient failures are retried "
                         "with backoff."))
            + u'\n';

    text += u".SH COMMANDS\n"_s;
    for (const CommandCatalog::Command &command : CommandCatalog::commands()) {
        text += u".TP\n"_s + commandTag(command) + u'\n';
        const QString summary = command.summary.at(0).toUpper() + command.summary.mid(1);
        text += escaped(summary) + u".\n"_s;
        if (!command.description.isEmpty())
            text += escaped(command.description) + u'\n';
        if (!command.options.isEmpty()) {
            text += u".RS\n"_s + optionList(command.options) + u".RE\n"_s;
        }
    }
    text += u".PP\n"_s
            + escaped(tr("Every command also accepts the options below under COMMON OPTIONS; "
                         "%1 COMMAND --help lists a command's options.")
                          .arg(name))
            + u'\n';

    text += u".SH OPTIONS\n"_s
            + escaped(tr("Before the command; --json, --output and --quiet apply to commands "
                         "only, and --project names the project the window opens."))
            + u'\n' + optionList(CommandCatalog::globalOptions());
    text += u".SH COMMON OPTIONS\n"_s
            + escaped(tr("After any command. After download, --output is its folder.")) + u'\n'
            + optionList(CommandCatalog::commonOptions());

    text += u".SH EXIT STATUS\n"_s;
    for (const CommandCatalog::ExitStatus &status : CommandCatalog::exitStatuses())
        text += u".TP\n"_s + bold(QString::number(status.code)) + u'\n' + escaped(status.meaning)
                + u'\n';

    text += u".SH ENVIRONMENT\n"_s;
    for (const CommandCatalog::EnvironmentVariable &variable : CommandCatalog::environment()) {
        QStringList names;
        for (const QString &variableName : variable.names)
            names << bold(variableName);
        text += u".TP\n"_s + names.join(u", "_s) + u'\n' + escaped(variable.description) + u'\n';
    }

    text += u".SH FILES\n"_s
            + escaped(tr("The settings, the queue and the journals below are created readable "
                         "by their owner only (mode 0600) in folders of mode 0700."))
            + u'\n';
    const QList<std::pair<QString, QString>> files{
        {u"/usr/libexec/stevedore/stevedore-window"_s,
         tr("The window. %1 without a command hands over to it; the command line itself loads "
            "no GUI library.")
             .arg(name)},
        {u"~/.config/Stevedore/Stevedore.conf"_s,
         tr("The non-secret account settings (name, URL, token kind, user name, CA file, default "
            "project), the window's geometry and the sort order of its lists.")},
        {u"~/.local/share/stevedore/transfer-queue.jsonl"_s,
         tr("The window's transfer queue (uploads and downloads), one line per change. A queue "
            "left in ~/.local/share/Stevedore/Stevedore/ by an earlier version is moved here when "
            "the window starts.")},
        {u"$XDG_STATE_HOME/stevedore/"_s,
         tr("(by default ~/.local/state/stevedore/) The journal of a publish or download that "
            "has not finished; running the same command again in the same folder resumes it.")},
    };
    for (const auto &[path, what] : files)
        text += u".TP\n"_s + italic(path) + u'\n' + escaped(what) + u'\n';

    text += u".SH SEE ALSO\n"_s
            + escaped(tr("The README and docs/reliability.md in Stevedore's source tree.")) + u'\n';
    return text;
}

} // namespace Stevedore
