#include "cli/CommandRunner.h"

#include "account/AccountValidator.h"
#include "account/EnvironmentAccounts.h"
#include "cli/DownloadCommand.h"
#include "cli/ExitCodes.h"
#include "cli/PackageListing.h"
#include "cli/PublishCommand.h"
#include "core/Version.h"
#include "validate/NameRules.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Stevedore {

namespace {

// The options every command takes. Built at their first use, once main() has installed the
// translations: options at namespace scope would translate their texts before that.
struct CommonOptions
{
    QCommandLineOption url{QStringLiteral("url"),
                           CommandRunner::tr("GitLab server, e.g. https://gitlab.example.com"),
                           QStringLiteral("URL")};
    QCommandLineOption account{QStringLiteral("account"), CommandRunner::tr("account to use"),
                               QStringLiteral("NAME")};
    QCommandLineOption json{QStringLiteral("json"), CommandRunner::tr("print the result as JSON")};
    // After the command as before it, except for download, whose --output is its folder.
    QCommandLineOption output{QStringLiteral("output"),
                              CommandRunner::tr("json or text; --output json is --json"),
                              QStringLiteral("FORMAT")};
    QCommandLineOption quiet{QStringLiteral("quiet"),
                             CommandRunner::tr("print nothing but errors")};
    QCommandLineOption maxWait{
        QStringLiteral("max-wait"),
        CommandRunner::tr("the longest Retry-After to honour, in seconds (default 300); a server "
                          "asking for longer fails the command at once"),
        CommandRunner::tr("SECONDS")};
    QCommandLineOption noResume{
        QStringLiteral("no-resume"),
        CommandRunner::tr("start afresh instead of resuming an interrupted run with the same "
                          "arguments")};
    QCommandLineOption help{QStringList{QStringLiteral("h"), QStringLiteral("help")},
                            CommandRunner::tr("show this help")};
};

const CommonOptions &common()
{
    static const CommonOptions options;
    return options;
}

QString humanSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString column(const QString &text, qsizetype width)
{
    return text.leftJustified(width) + QStringLiteral("  ");
}

// The first of GitLab's naming rules that PROJECT NAME VERSION FILE... break, or empty.
QString namingProblem(const QStringList &arguments)
{
    const auto named = [](const QString &what, const QString &value, const QString &problem) {
        return CommandRunner::tr("%1 \"%2\": %3").arg(what, value, problem);
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &value = arguments.at(i);
        std::optional<QString> problem;
        QString what;
        switch (i) {
        case 0:
            what = CommandRunner::tr("PROJECT");
            problem = NameRules::projectProblem(value);
            break;
        case 1:
            what = CommandRunner::tr("NAME");
            problem = NameRules::packageNameProblem(value);
            if (problem && !value.isEmpty())
                *problem +=
                    CommandRunner::tr(" Try \"%1\".").arg(NameRules::suggestPackageName(value));
            break;
        case 2:
            what = CommandRunner::tr("VERSION");
            problem = NameRules::versionProblem(value);
            if (problem && !value.isEmpty())
                *problem += CommandRunner::tr(" Try \"%1\".").arg(NameRules::suggestVersion(value));
            break;
        default: {
            what = CommandRunner::tr("FILE");
            QString why;
            if (!NameRules::splitUploadPath(value, &why))
                problem = why;
        }
        }
        if (problem)
            return named(what, value, *problem);
    }
    return {};
}

QJsonObject packageJson(const Package &package)
{
    return QJsonObject{
        {QStringLiteral("id"), package.id},
        {QStringLiteral("name"), package.name},
        {QStringLiteral("version"), package.version},
        {QStringLiteral("status"), package.status},
        {QStringLiteral("created_at"), package.createdAt.toString(Qt::ISODateWithMs)}};
}

} // namespace

CommandRunner::CommandRunner(CommandLine::Result command, Services services, Console &console,
                             QObject *parent)
    : QObject(parent)
    , m_command(std::move(command))
    , m_services(std::move(services))
    , m_console(console)
{
}

CommandRunner::~CommandRunner() = default;

CommandRunner::CommandSpec CommandRunner::spec(const QString &command)
{
    using Option = QCommandLineOption;
    const auto body = [this](void (CommandRunner::*method)(QCommandLineParser &)) {
        return [this, method](QCommandLineParser &parser) { (this->*method)(parser); };
    };
    if (command == QLatin1String("login")) {
        return {
            tr("--url URL [--kind personal|deploy|job|basic|oauth] [--username NAME] [--ca-file "
               "PEM] "
               "[--name NAME] [--project PROJECT]   (the token is read from standard input)"),
            0,
            0,
            {Option(QStringLiteral("kind"), tr("token kind (default personal)"), tr("KIND"),
                    QStringLiteral("personal")),
             Option(QStringLiteral("username"), tr("user name for basic"), QStringLiteral("NAME")),
             Option(QStringLiteral("ca-file"), tr("extra CA certificates (PEM) to trust"),
                    QStringLiteral("PEM")),
             Option(QStringLiteral("name"), tr("account name (default: the host)"),
                    QStringLiteral("NAME")),
             Option(QStringLiteral("project"),
                    tr("default project; required to check deploy and job tokens"), tr("PROJECT"))},
            body(&CommandRunner::login)};
    }
    if (command == QLatin1String("logout"))
        return {tr("[ACCOUNT]"), 0, 1, {}, body(&CommandRunner::logout)};
    if (command == QLatin1String("accounts"))
        return {QString(), 0, 0, {}, body(&CommandRunner::listAccounts)};
    if (command == QLatin1String("projects"))
        return {tr("[SEARCH]"), 0, 1, {}, body(&CommandRunner::listProjects)};
    if (command == QLatin1String("list")) {
        return {tr("PROJECT [NAME] [--hidden]"),
                1,
                2,
                {Option(QStringLiteral("hidden"), tr("include hidden packages"))},
                body(&CommandRunner::listPackages),
                -1,
                true};
    }
    if (command == QLatin1String("files"))
        return {tr("PROJECT NAME VERSION"), 3, 3, {}, body(&CommandRunner::listFiles), -1, true};
    if (command == QLatin1String("publish")) {
        return {tr("PROJECT NAME VERSION FILE...|- [--status hidden] [--file-name NAME] "
                   "[--on-duplicate skip-identical|keep|replace|fail] [--follow-symlinks] "
                   "[--no-resume]"),
                4,
                -1,
                {Option(QStringLiteral("status"), tr("package status: default or hidden"),
                        tr("STATUS")),
                 Option(QStringLiteral("file-name"),
                        tr("name in the package (one FILE only); required with FILE \"-\", "
                           "which reads the file from standard input"),
                        QStringLiteral("NAME")),
                 Option(QStringLiteral("on-duplicate"),
                        tr("when the version has the name already: skip-identical (default: skip "
                           "when the content is the same, else keep both), keep, replace or fail"),
                        tr("POLICY"), QStringLiteral("skip-identical")),
                 Option(QStringLiteral("follow-symlinks"),
                        tr("publish links inside a folder that lead outside it (skipped by "
                           "default)")),
                 common().noResume},
                body(&CommandRunner::publish),
                3,
                true};
    }
    if (command == QLatin1String("download")) {
        return {tr("PROJECT NAME VERSION [FILE...] [-o DIR|-] [--overwrite] [--sha256 HEX] "
                   "[--no-resume]"),
                3,
                -1,
                {Option(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                        tr("folder to write to; - writes the one FILE named to standard output"),
                        tr("DIR"), QStringLiteral(".")),
                 Option(QStringLiteral("overwrite"), tr("replace files that already exist")),
                 Option(QStringLiteral("sha256"),
                        tr("the expected SHA-256 of the one FILE named (for deploy tokens, which "
                           "cannot list checksums)"),
                        QStringLiteral("HEX")),
                 common().noResume},
                body(&CommandRunner::download),
                -1,
                true};
    }
    if (command == QLatin1String("delete"))
        return {tr("PROJECT NAME VERSION [FILE]"), 3,  4,   {},
                body(&CommandRunner::remove),      -1, true};
    return {};
}

void CommandRunner::start()
{
    CommandSpec command = spec(m_command.command);
    QCommandLineParser parser;
    parser.addOptions({common().url, common().account, common().json, common().quiet,
                       common().maxWait, common().help});
    parser.addOptions(command.options);
    const bool ownOutput = std::any_of(
        command.options.cbegin(), command.options.cend(), [](const QCommandLineOption &option) {
            return option.names().contains(common().output.names().first());
        });
    if (!ownOutput)
        parser.addOption(common().output);
    if (!parser.parse(QStringList{executableName()} + m_command.commandArguments))
        return usage(parser.errorText());
    const QString syntax =
        executableName() + QLatin1Char(' ') + m_command.command + QLatin1Char(' ') + command.syntax;
    if (parser.isSet(common().help)) {
        QList<std::pair<QString, QString>> rows;
        for (const QCommandLineOption &option : std::as_const(command.options)) {
            QStringList names;
            for (const QString &name : option.names())
                names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
            QString left = names.join(QStringLiteral(", "));
            if (!option.valueName().isEmpty())
                left += QLatin1Char(' ') + option.valueName();
            rows.append({left, option.description()});
        }
        rows.append({QStringLiteral("--max-wait ") + common().maxWait.valueName(),
                     common().maxWait.description()});
        if (!ownOutput)
            rows.append({QStringLiteral("--output ") + common().output.valueName(),
                         common().output.description()});
        rows.append({QStringLiteral("--url, --account, --json, --quiet"),
                     tr("as before the command (see %1 --help)").arg(executableName())});
        qsizetype width = 0;
        for (const auto &row : std::as_const(rows))
            width = std::max(width, row.first.size());
        m_console.out(tr("Usage: %1\n\nOptions:\n").arg(syntax));
        for (const auto &[left, description] : std::as_const(rows))
            m_console.out(QStringLiteral("  ") + left.leftJustified(width) + QStringLiteral("  ")
                          + description + QLatin1Char('\n'));
        if (command.startsWithProject)
            m_console.out(tr("\nIn a GitLab CI job with the job token, PROJECT may be left out: "
                             "CI_PROJECT_ID stands for it.\n"));
        return exit(0);
    }
    if (parser.isSet(common().maxWait)) {
        bool ok = false;
        const int seconds = parser.value(common().maxWait).toInt(&ok);
        if (!ok || seconds < 0)
            return usage(tr("--max-wait takes a number of seconds, such as 300."));
        m_retry.maxServerWait = std::chrono::seconds(seconds);
    }
    if (!ownOutput && parser.isSet(common().output)) {
        const auto output =
            CommandLine::outputFormat(parser.value(common().output), parser.isSet(common().json));
        if (!output.problem.isEmpty())
            return usage(output.problem);
        m_command.json = output.json;
    }
    m_command.json = m_command.json || parser.isSet(common().json);
    m_command.quiet = m_command.quiet || parser.isSet(common().quiet);
    if (command.startsWithProject) {
        if (const QString problem = putInCiProject(parser); !problem.isEmpty())
            return usage(problem);
    }
    const qsizetype count = parser.positionalArguments().size();
    if (count < command.minArguments || (command.maxArguments >= 0 && count > command.maxArguments))
        return usage(tr("usage: %1").arg(syntax));
    const QStringList positional = parser.positionalArguments();
    const QString naming = namingProblem(
        command.namedArguments < 0
            ? positional
            : positional.first(std::min<qsizetype>(command.namedArguments, positional.size())));
    if (!naming.isEmpty())
        return usage(naming);
    command.body(parser);
}

// ---------------------------------------------------------------------------------------------
// Accounts

QUrl CommandRunner::commandUrl(const QCommandLineParser &parser) const
{
    return normalizedBaseUrl(parser.isSet(common().url) ? QUrl(parser.value(common().url))
                                                        : m_command.launch.serverUrl);
}

CommandRunner::AccountChoice CommandRunner::chooseAccount(const QCommandLineParser &parser) const
{
    const QString name = parser.isSet(common().account) ? parser.value(common().account)
                                                        : m_command.launch.accountName;
    const QUrl url = commandUrl(parser);
    const EnvironmentAccounts environment = EnvironmentAccounts::read(m_services.environment, url);

    const auto fromEnvironment = [&](const std::function<bool(const Account &)> &matches) {
        AccountChoice choice;
        for (const EnvironmentAccount &candidate : environment.accounts) {
            if (!candidate.secret.isEmpty() && matches(candidate.account)) {
                choice.environment = candidate;
                break;
            }
        }
        return choice;
    };
    const auto saved = [](const Account &account) {
        AccountChoice choice;
        choice.saved = account;
        return choice;
    };
    const auto problem = [](const ApiError &error) {
        AccountChoice choice;
        choice.problem = error;
        return choice;
    };

    if (!name.isEmpty()) {
        if (const auto named = m_services.accounts->byName(name))
            return saved(*named);
        if (AccountChoice env = fromEnvironment([&](const Account &a) { return a.name == name; });
            env.environment)
            return env;
        return problem(ApiError(ApiError::Kind::NotFound,
                                tr("There is no account named \"%1\"; '%2 accounts' lists them.")
                                    .arg(name, executableName())));
    }
    if (!url.isEmpty()) {
        const QList<Account> forUrl = m_services.accounts->byBaseUrl(url);
        if (!forUrl.isEmpty())
            return saved(forUrl.constFirst());
        if (AccountChoice env = fromEnvironment(
                [&](const Account &a) { return normalizedBaseUrl(a.baseUrl) == url; });
            env.environment)
            return env;
        return problem(ApiError(ApiError::Kind::Auth,
                                tr("There is no account for %1. Add one with '%2 login --url %1' "
                                   "or set GITLAB_TOKEN.")
                                    .arg(url.toString(), executableName())));
    }
    if (AccountChoice env = fromEnvironment([](const Account &) { return true; }); env.environment)
        return env;
    const QList<Account> all = m_services.accounts->accounts();
    const auto last = m_services.accounts->byId(m_services.accounts->lastAccountId());
    if (all.size() == 1 || last)
        return saved(all.size() == 1 ? all.constFirst() : *last);
    return problem(ApiError(
        ApiError::Kind::Auth,
        all.isEmpty()
            ? tr("No GitLab account is set up. Run '%1 login --url URL' (the token is read from "
                 "standard input), or set GITLAB_TOKEN and GITLAB_HOST (or --url).")
                  .arg(executableName())
            : tr("Several accounts are set up; choose one with --account NAME or --url URL.")));
}

QString CommandRunner::putInCiProject(QCommandLineParser &parser)
{
    const QStringList given = parser.positionalArguments();
    if (!given.isEmpty() && !NameRules::projectProblem(given.constFirst()))
        return {};
    const AccountChoice choice = chooseAccount(parser);
    if (!choice.environment
        || choice.environment->account.id != QLatin1String(EnvironmentAccounts::kCiJobName))
        return {};
    const QString project = choice.environment->account.defaultProject;
    const QString missing = given.isEmpty() ? tr("PROJECT is missing")
                                            : tr("PROJECT is missing (\"%1\" is not a project id "
                                                 "or path)")
                                                  .arg(given.constFirst());
    if (project.isEmpty())
        return tr("%1. In a GitLab CI job CI_PROJECT_ID stands for it, but CI_PROJECT_ID is not "
                  "set; name the project before NAME.")
            .arg(missing);
    if (const auto problem = NameRules::projectProblem(project);
        problem || project.startsWith(QLatin1Char('-')))
        return tr("%1, and CI_PROJECT_ID=\"%2\" cannot stand for it: %3")
            .arg(missing, project, problem.value_or(tr("it starts with '-'.")));
    m_command.commandArguments.prepend(project);
    if (!parser.parse(QStringList{executableName()} + m_command.commandArguments))
        return parser.errorText();
    return {};
}

void CommandRunner::withApi(QCommandLineParser &parser, std::function<void(GitLabApi &)> use)
{
    if (parser.isSet(common().url) && normalizedBaseUrl(QUrl(parser.value(common().url))).isEmpty())
        return usage(
            tr("--url expects an http:// or https:// address such as https://gitlab.example.com."));
    const AccountChoice choice = chooseAccount(parser);
    if (choice.problem.isError())
        return failWith(choice.problem);
    if (choice.environment)
        return openAccount(choice.environment->account, choice.environment->secret, use);
    const Account account = *choice.saved;
    m_services.secrets->read(
        account.secretKey(), this, [this, account, use](Result<QString> secret) {
            if (!secret.ok())
                return failWith(
                    secret.error().withContext(tr("Reading the token of %1").arg(account.name)));
            openAccount(account, secret.value(), use);
        });
}

bool CommandRunner::refuseDeployToken(const GitLabApi &api, const QString &what)
{
    if (api.client().account().kind != CredentialKind::DeployToken)
        return false;
    failWith(ApiError(ApiError::Kind::Scope,
                      tr("A deploy token can only upload and download files by name; it cannot %1. "
                         "Use a personal, project or group access token for that.")
                          .arg(what)));
    return true;
}

void CommandRunner::openAccount(const Account &account, const QString &secret,
                                std::function<void(GitLabApi &)> use)
{
    m_client = std::make_unique<GitLabClient>(account, secret);
    m_client->setRetryPolicy(m_retry);
    connect(m_client.get(), &GitLabClient::retrying, this, [this](const QString &notice) {
        if (!m_command.quiet)
            m_console.err(tr("warning: %1\n").arg(notice));
    });
    m_api = std::make_unique<GitLabApi>(*m_client);
    use(*m_api);
}

void CommandRunner::login(QCommandLineParser &parser)
{
    const QUrl url = commandUrl(parser);
    if (url.isEmpty())
        return usage(tr("login needs --url with an http:// or https:// address."));
    const auto kind = credentialKindFromId(parser.value(QStringLiteral("kind")));
    if (!kind)
        return usage(tr("--kind must be one of personal, deploy, job, basic or oauth."));
    if (*kind == CredentialKind::BasicAuth && parser.value(QStringLiteral("username")).isEmpty())
        return usage(tr("--kind basic needs --username."));
    const QString name =
        parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name")) : url.host();
    if (m_services.accounts->byName(name))
        return usage(
            tr("An account named \"%1\" exists already; choose another --name or log out first.")
                .arg(name));
    const QString secret = m_console.readSecret(tr("Token for %1: ").arg(url.toString()));
    if (secret.isEmpty())
        return usage(tr("No token was given. Type it when asked, or pipe it: echo \"$TOKEN\" | %1 "
                        "login --url %2")
                         .arg(executableName(), url.toString()));

    Account account = AccountStore::newAccount(name, url, *kind);
    account.username = parser.value(QStringLiteral("username"));
    if (parser.isSet(QStringLiteral("ca-file")))
        account.caBundlePath =
            QFileInfo(parser.value(QStringLiteral("ca-file"))).absoluteFilePath();
    account.defaultProject = parser.value(QStringLiteral("project"));
    AccountValidator::validate(
        account, secret, account.defaultProject, this,
        [this, account, secret](const ValidationReport &report) {
            if (!report.ok())
                return failWith(report.error);
            for (const QString &warning : report.warnings)
                m_console.err(tr("warning: %1\n").arg(warning));
            m_services.secrets->write(
                account.secretKey(), secret, this, [this, account, report](Result<Success> saved) {
                    if (!saved.ok())
                        return failWith(saved.error().withContext(tr("The account was not saved")));
                    m_services.accounts->save(account);
                    m_services.accounts->setLastAccountId(account.id);
                    const QString who = report.user ? report.user->username
                                                    : credentialKindDisplayName(account.kind);
                    succeed(QJsonObject{{QStringLiteral("account"), account.name},
                                        {QStringLiteral("url"), account.baseUrl.toString()},
                                        {QStringLiteral("user"), who},
                                        {QStringLiteral("warnings"),
                                         QJsonArray::fromStringList(report.warnings)}},
                            tr("Logged in to %1 as %2; saved as account \"%3\".\n")
                                .arg(account.baseUrl.toString(), who, account.name));
                });
        });
}

void CommandRunner::logout(QCommandLineParser &parser)
{
    QString name = parser.positionalArguments().value(0);
    if (name.isEmpty())
        name = parser.isSet(common().account) ? parser.value(common().account)
                                              : m_command.launch.accountName;
    const QList<Account> saved = m_services.accounts->accounts();
    if (name.isEmpty() && saved.size() == 1)
        name = saved.constFirst().name;
    const auto account = m_services.accounts->byName(name);
    if (!account) {
        return failWith(ApiError(
            ApiError::Kind::NotFound,
            name.isEmpty() ? tr("Name the account to log out of; '%1 accounts' lists them.")
                                 .arg(executableName())
                           : tr("There is no account named \"%1\".").arg(name)));
    }
    m_services.secrets->remove(
        account->secretKey(), this, [this, account](Result<Success> removed) {
            // A token that is already gone is no reason to keep the account; one that could not
            // be removed is: the account stays so that logging out can be tried again.
            if (!removed.ok()
                && SecretStore::problemOf(removed.error()) != SecretStore::Problem::NotFound)
                return failWith(removed.error().withContext(
                    tr("The token of \"%1\" could not be removed from the keychain, so the "
                       "account was kept")
                        .arg(account->name)));
            m_services.accounts->remove(account->id);
            succeed(QJsonObject{{QStringLiteral("removed"), account->name}},
                    tr("Removed account \"%1\" and its token.\n").arg(account->name));
        });
}

void CommandRunner::listAccounts(QCommandLineParser &parser)
{
    QJsonArray json;
    QString text;
    // The JSON names the source for scripts ("keychain", "environment"), the text for people.
    const auto add = [&](const Account &account, const QString &source, const QString &shown) {
        json.append(QJsonObject{{QStringLiteral("name"), account.name},
                                {QStringLiteral("url"), account.baseUrl.toString()},
                                {QStringLiteral("kind"), credentialKindId(account.kind)},
                                {QStringLiteral("default_project"), account.defaultProject},
                                {QStringLiteral("source"), source}});
        text += column(account.name, 24) + column(account.baseUrl.toString(), 36)
                + column(credentialKindId(account.kind), 9) + shown + QLatin1Char('\n');
    };
    for (const Account &account : m_services.accounts->accounts())
        add(account, QStringLiteral("keychain"), tr("keychain"));
    for (const EnvironmentAccount &env :
         EnvironmentAccounts::read(m_services.environment, commandUrl(parser)).accounts)
        add(env.account, QStringLiteral("environment"), tr("environment"));
    succeed(json,
            text.isEmpty()
                ? tr("No accounts. Add one with '%1 login --url URL'.\n").arg(executableName())
                : text);
}

// ---------------------------------------------------------------------------------------------
// Browsing

void CommandRunner::listProjects(QCommandLineParser &parser)
{
    const QString search = parser.positionalArguments().value(0);
    withApi(parser, [this, search](GitLabApi &api) {
        auto collected = std::make_shared<QList<Project>>();
        auto onPage = std::make_shared<Callback<Page<Project>>>();
        *onPage = [this, &api, collected, onPage](Result<Page<Project>> page) {
            if (!page.ok()) {
                *onPage = nullptr;
                return failWith(page.error());
            }
            collected->append(page.value().items);
            constexpr qsizetype kMaxProjects = 2000;
            if (!page.value().next.isEmpty() && collected->size() < kMaxProjects)
                return api.projectsPage(page.value().next, this, *onPage);
            QJsonArray json;
            QString text;
            for (const Project &project : std::as_const(*collected)) {
                json.append(QJsonObject{{QStringLiteral("id"), project.id},
                                        {QStringLiteral("path"), project.pathWithNamespace},
                                        {QStringLiteral("name"), project.nameWithNamespace},
                                        {QStringLiteral("access_level"), project.accessLevel}});
                text += column(QString::number(project.id), 6)
                        + column(project.pathWithNamespace, 32) + project.nameWithNamespace
                        + QLatin1Char('\n');
            }
            QMetaObject::invokeMethod(
                this, [onPage] { *onPage = nullptr; }, Qt::QueuedConnection);
            succeed(json, text.isEmpty() ? tr("No projects.\n") : text);
        };
        api.projects({search, 0}, this, *onPage);
    });
}

void CommandRunner::listPackages(QCommandLineParser &parser)
{
    const QString project = parser.positionalArguments().value(0);
    const QString name = parser.positionalArguments().value(1);
    const bool hidden = parser.isSet(QStringLiteral("hidden"));
    withApi(parser, [this, project, name, hidden](GitLabApi &api) {
        if (refuseDeployToken(api, tr("list packages")))
            return;
        const auto listing = std::make_shared<PackageListing>();
        api.packagePages(
            project, {name, hidden}, this,
            [listing](QList<Package> &&page) { listing->add(std::move(page)); },
            [this, project, name, listing](Result<Success> listed) {
                if (!listed.ok())
                    return failWith(listed.error());
                if (!name.isEmpty() && listing->isEmpty())
                    return failWith(
                        ApiError(ApiError::Kind::NotFound,
                                 tr("%1 has no generic package named \"%2\".").arg(project, name)));
                // One output only, the JSON document or the text table, written as it is made.
                const auto print = [this](const QString &piece) { m_console.out(piece); };
                if (m_command.json)
                    listing->write(PackageListing::Format::Json, print);
                else if (!m_command.quiet && listing->isEmpty())
                    m_console.out(tr("%1 has no generic packages.\n").arg(project));
                else if (!m_command.quiet)
                    listing->write(PackageListing::Format::Text, print);
                exit(0);
            });
    });
}

void CommandRunner::listFiles(QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    withApi(parser, [this, args](GitLabApi &api) {
        if (refuseDeployToken(api, tr("list the files of a version")))
            return;
        api.existingVersionFiles(
            args[0], args[1], args[2], this, [this, args](Result<VersionFiles> version) {
                if (!version.ok())
                    return failWith(version.error());
                QJsonArray json;
                QString text;
                for (const PackageFile &file : version.value().files) {
                    const bool newest = version.value().newest(file.storedName)->id == file.id;
                    json.append(QJsonObject{
                        {QStringLiteral("id"), file.id},
                        {QStringLiteral("name"), file.displayName()},
                        {QStringLiteral("size"), file.size},
                        {QStringLiteral("sha256"), file.sha256},
                        {QStringLiteral("created_at"), file.createdAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("newest"), newest}});
                    text +=
                        column(file.displayName(), 36) + column(humanSize(file.size), 10)
                        + column(file.sha256, 64)
                        + QLocale::c().toString(file.createdAt, QStringLiteral("yyyy-MM-dd HH:mm"))
                        + (newest ? QString() : tr("  (older copy)")) + QLatin1Char('\n');
                }
                succeed(json, text.isEmpty() ? tr("This version has no files.\n") : text);
            });
    });
}

// ---------------------------------------------------------------------------------------------
// Transfers and deletion

void CommandRunner::publish(QCommandLineParser &parser)
{
    auto command = std::make_unique<PublishCommand>(m_console, m_command.json, m_command.quiet);
    const QString problem = command->prepare(parser);
    if (!problem.isEmpty())
        return usage(problem);
    const ApiError local = command->checkLocally();
    if (local.isError())
        return failWith(local);
    runQueued(std::move(command), parser);
}

void CommandRunner::download(QCommandLineParser &parser)
{
    auto command = std::make_unique<DownloadCommand>(m_console, m_command.json, m_command.quiet);
    if (const QString problem = command->prepare(parser); !problem.isEmpty())
        return usage(problem);
    runQueued(std::move(command), parser);
}

template<typename Command>
void CommandRunner::runQueued(std::unique_ptr<Command> command, QCommandLineParser &parser)
{
    command->setRetryPolicy(m_retry);
    command->setResume(!parser.isSet(QStringLiteral("no-resume")));
    // The same arguments in the same folder resume the same run.
    QStringList stateKey = QStringList{QDir::currentPath()} + m_command.commandArguments;
    stateKey.removeAll(QStringLiteral("--no-resume"));
    Command *running = command.get();
    m_work = std::move(command);
    connect(running, &QueuedCommand::finished, this, &CommandRunner::exit);
    withApi(parser, [running, stateKey](GitLabApi &api) { running->run(api, stateKey); });
}

void CommandRunner::remove(QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    withApi(parser, [this, args](GitLabApi &api) {
        if (refuseDeployToken(api, tr("delete packages or files")))
            return;
        api.existingVersionFiles(
            args[0], args[1], args[2], this, [this, &api, args](Result<VersionFiles> version) {
                if (!version.ok())
                    return failWith(version.error());
                const Package package = *version.value().package;
                if (args.size() == 3) {
                    return api.deletePackage(
                        args[0], package.id, this, [this, args, package](Result<Success> deleted) {
                            if (!deleted.ok())
                                return failWith(deleted.error());
                            succeed(QJsonObject{{QStringLiteral("deleted"), packageJson(package)}},
                                    tr("Deleted %1 %2 from %3.\n")
                                        .arg(package.name, package.version, args[0]));
                        });
                }
                auto copies = std::make_shared<QList<PackageFile>>();
                for (const PackageFile &file : version.value().files) {
                    if (file.displayName() == args[3] || file.storedName == args[3])
                        copies->append(file);
                }
                if (copies->isEmpty())
                    return failWith(ApiError(
                        ApiError::Kind::NotFound,
                        tr("%1 %2 has no file named \"%3\".").arg(args[1], args[2], args[3])));
                const qsizetype count = copies->size();
                auto next = std::make_shared<std::function<void()>>();
                *next = [this, &api, args, package, copies, count, next] {
                    if (copies->isEmpty()) {
                        QMetaObject::invokeMethod(
                            this, [next] { *next = nullptr; }, Qt::QueuedConnection);
                        return succeed(QJsonObject{{QStringLiteral("deleted_files"), int(count)}},
                                       tr("Deleted %1 (%n upload(s)) from %2 %3.\n", "", int(count))
                                           .arg(args[3], args[1], args[2]));
                    }
                    const PackageFile file = copies->takeFirst();
                    api.deletePackageFile(args[0], package.id, file.id, this,
                                          [this, next](Result<Success> deleted) {
                                              if (!deleted.ok())
                                                  return failWith(deleted.error());
                                              (*next)();
                                          });
                };
                (*next)();
            });
    });
}

// ---------------------------------------------------------------------------------------------
// Endings

void CommandRunner::succeed(const QJsonValue &json, const QString &text)
{
    if (m_command.json) {
        const QJsonDocument document =
            json.isArray() ? QJsonDocument(json.toArray()) : QJsonDocument(json.toObject());
        m_console.out(QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
    } else if (!m_command.quiet) {
        m_console.out(text);
    }
    exit(0);
}

void CommandRunner::failWith(const ApiError &error)
{
    m_console.err(executableName() + QStringLiteral(": ") + error.message() + QLatin1Char('\n'));
    if (m_command.json) {
        m_console.out(QString::fromUtf8(
            QJsonDocument(
                QJsonObject{{QStringLiteral("error"),
                             QJsonObject{{QStringLiteral("kind"), apiErrorKindName(error.kind())},
                                         {QStringLiteral("message"), error.message()},
                                         {QStringLiteral("http_status"), error.httpStatus()}}}})
                .toJson(QJsonDocument::Indented)));
    }
    exit(ExitCode::of(error));
}

void CommandRunner::usage(const QString &message)
{
    m_console.err(executableName() + QStringLiteral(": ") + message + QLatin1Char('\n')
                  + tr("Run '%1 %2 --help' for usage.\n").arg(executableName(), m_command.command));
    exit(ExitCode::Usage);
}

void CommandRunner::exit(int code)
{
    if (m_exited)
        return;
    m_exited = true;
    QMetaObject::invokeMethod(
        this, [this, code] { Q_EMIT finished(code); }, Qt::QueuedConnection);
}

} // namespace Stevedore
