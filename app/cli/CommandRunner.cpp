#include "cli/CommandRunner.h"

#include "account/AccountValidator.h"
#include "account/EnvironmentAccounts.h"
#include "cli/CommandCatalog.h"
#include "cli/Completion.h"
#include "cli/CopyCommand.h"
#include "cli/DiffCommand.h"
#include "cli/DownloadCommand.h"
#include "cli/ExitCodes.h"
#include "cli/PackageListing.h"
#include "cli/PublishCommand.h"
#include "cli/SyncCommand.h"
#include "cli/VerifyCommand.h"
#include "core/Version.h"
#include "validate/NameRules.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimer>

namespace Stevedore {

namespace {

const QString &kUrl = CommandCatalog::Url;
const QString &kAccount = CommandCatalog::AccountOption;
const QString &kJson = CommandCatalog::Json;
const QString &kOutput = CommandCatalog::Output;
const QString &kQuiet = CommandCatalog::Quiet;
const QString &kMaxWait = CommandCatalog::MaxWait;
const QString &kHelp = CommandCatalog::Help;

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

CommandRunner::Body CommandRunner::body(const QString &command)
{
    using Method = void (CommandRunner::*)(QCommandLineParser &);
    static const QHash<QString, Method> methods{
        {QStringLiteral("login"), &CommandRunner::login},
        {QStringLiteral("logout"), &CommandRunner::logout},
        {QStringLiteral("accounts"), &CommandRunner::listAccounts},
        {QStringLiteral("projects"), &CommandRunner::listProjects},
        {QStringLiteral("list"), &CommandRunner::listPackages},
        {QStringLiteral("files"), &CommandRunner::listFiles},
        {QStringLiteral("publish"), &CommandRunner::publish},
        {QStringLiteral("download"), &CommandRunner::download},
        {QStringLiteral("delete"), &CommandRunner::remove},
        {QStringLiteral("verify"), &CommandRunner::verify},
        {QStringLiteral("diff"), &CommandRunner::diff},
        {QStringLiteral("sync"), &CommandRunner::sync},
        {QStringLiteral("copy"), &CommandRunner::copy},
    };
    const Method method = methods.value(command);
    if (!method)
        return {};
    return [this, method](QCommandLineParser &parser) { (this->*method)(parser); };
}

void CommandRunner::start()
{
    if (m_command.command == CommandCatalog::CompleteCommand)
        return complete();
    const std::optional<CommandCatalog::Command> command =
        CommandCatalog::command(m_command.command);
    const Body run = body(m_command.command);
    if (!command || !run)
        return usage(tr("unknown command '%1'.").arg(m_command.command));
    QCommandLineParser parser;
    for (const CommandCatalog::Option &option : command->acceptedOptions())
        parser.addOption(option.toQt());
    // download's --output is its folder, not the output format.
    const bool ownOutput = std::any_of(
        command->options.cbegin(), command->options.cend(),
        [](const CommandCatalog::Option &option) { return option.names.contains(kOutput); });
    if (!parser.parse(QStringList{executableName()} + m_command.commandArguments))
        return usage(parser.errorText());
    if (parser.isSet(kHelp)) {
        m_console.out(CommandCatalog::commandHelp(*command));
        return exit(0);
    }
    if (parser.isSet(kMaxWait)) {
        bool ok = false;
        const int seconds = parser.value(kMaxWait).toInt(&ok);
        if (!ok || seconds < 0)
            return usage(tr("--max-wait takes a number of seconds, such as 300."));
        m_retry.maxServerWait = std::chrono::seconds(seconds);
    }
    if (!ownOutput && parser.isSet(kOutput)) {
        const auto output = CommandLine::outputFormat(parser.value(kOutput), parser.isSet(kJson));
        if (!output.problem.isEmpty())
            return usage(output.problem);
        m_command.json = output.json;
    }
    m_command.json = m_command.json || parser.isSet(kJson);
    m_command.quiet = m_command.quiet || parser.isSet(kQuiet);
    if (command->startsWithProject()) {
        if (const QString problem = putInCiProject(parser); !problem.isEmpty())
            return usage(problem);
    }
    const qsizetype count = parser.positionalArguments().size();
    const int maxArguments = command->maxArguments();
    if (count < command->minArguments() || (maxArguments >= 0 && count > maxArguments))
        return usage(
            tr("usage: %1 %2 %3").arg(executableName(), command->name, command->argumentSyntax()));
    const QStringList positional = parser.positionalArguments();
    const int registryArguments = command->registryArguments();
    const QString naming = namingProblem(
        registryArguments < 0
            ? positional
            : positional.first(std::min<qsizetype>(registryArguments, positional.size())));
    if (!naming.isEmpty())
        return usage(naming);
    run(parser);
}

// ---------------------------------------------------------------------------------------------
// Accounts

QUrl CommandRunner::commandUrl(const QCommandLineParser &parser) const
{
    return normalizedBaseUrl(parser.isSet(kUrl) ? QUrl(parser.value(kUrl))
                                                : m_command.launch.serverUrl);
}

CommandRunner::AccountChoice CommandRunner::chooseAccount(const QCommandLineParser &parser) const
{
    return chooseAccount(parser.isSet(kAccount) ? parser.value(kAccount)
                                                : m_command.launch.accountName,
                         commandUrl(parser));
}

CommandRunner::AccountChoice CommandRunner::chooseAccount(const QString &name,
                                                          const QUrl &url) const
{
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
    // Why an environment variable made no account is likely why none fits.
    const auto problem = [&environment](const ApiError &error) {
        AccountChoice choice;
        choice.problem = environment.warnings.isEmpty()
                             ? error
                             : ApiError(error.kind(), error.message() + QLatin1Char('\n')
                                                          + environment.warnings.join(u'\n'));
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
    if (parser.isSet(kUrl) && normalizedBaseUrl(QUrl(parser.value(kUrl))).isEmpty())
        return usage(
            tr("--url expects an http:// or https:// address such as https://gitlab.example.com."));
    openChoice(chooseAccount(parser), std::move(use));
}

void CommandRunner::openChoice(const AccountChoice &choice, std::function<void(GitLabApi &)> use)
{
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
    GitLabClient *client =
        m_clients.emplace_back(std::make_unique<GitLabClient>(account, secret)).get();
    client->setRetryPolicy(m_retry);
    connect(client, &GitLabClient::retrying, this, [this](const QString &notice) {
        if (!m_command.quiet)
            m_console.err(tr("warning: %1\n").arg(notice));
    });
    use(*m_apis.emplace_back(std::make_unique<GitLabApi>(*client)));
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
        name = parser.isSet(kAccount) ? parser.value(kAccount) : m_command.launch.accountName;
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
// Completion

void CommandRunner::complete()
{
    // Completion prints its candidates and nothing else: no warnings, no errors, no prompt.
    m_command.quiet = true;
    const auto answer = [this](const QString &text) {
        if (m_exited)
            return;
        m_console.out(text);
        exit(ExitCode::Success);
    };
    const QUrl launchUrl = normalizedBaseUrl(m_command.launch.serverUrl);
    QStringList accountNames;
    for (const Account &account : m_services.accounts->accounts())
        accountNames << account.name;
    for (const EnvironmentAccount &env :
         EnvironmentAccounts::read(m_services.environment, launchUrl).accounts)
        accountNames << env.account.name;

    const Completion::Request request =
        Completion::request(m_command.commandArguments, accountNames);
    if (!request.needsServer())
        return answer(Completion::answer(request));

    // A shell waits for this; a slow or silent server gets no more than this.
    constexpr std::chrono::milliseconds kDeadline{3000};
    QTimer::singleShot(kDeadline, this, [answer] { answer(Completion::answer({})); });
    const QUrl url = request.url.isEmpty() ? launchUrl : normalizedBaseUrl(QUrl(request.url));
    const AccountChoice choice = chooseAccount(
        request.accountName.isEmpty() ? m_command.launch.accountName : request.accountName, url);
    const auto lookUp = [this, request, answer](const Account &account, const QString &secret) {
        m_retry.maxAttempts = 1;
        auto completion = std::make_unique<Completion>();
        Completion *running = completion.get();
        m_work = std::move(completion);
        openAccount(account, secret, [running, request, answer](GitLabApi &api) {
            running->lookUp(api, request, answer);
        });
    };
    if (choice.environment)
        return lookUp(choice.environment->account, choice.environment->secret);
    if (!choice.saved)
        return answer(Completion::answer({}));
    const Account account = *choice.saved;
    m_services.secrets->readWithoutPrompt(account.secretKey(), this,
                                          [account, lookUp, answer](Result<QString> secret) {
                                              if (!secret.ok())
                                                  return answer(Completion::answer({}));
                                              lookUp(account, secret.value());
                                          });
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
                        column(file.displayName(), 36) + column(Console::sizeText(file.size), 10)
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

void CommandRunner::verify(QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (const QString naming = namingProblem(args.mid(1)); !naming.isEmpty())
        return usage(naming);
    auto command = std::make_unique<VerifyCommand>(m_console, m_command.json, m_command.quiet);
    command->prepare(args);
    runComparison(std::move(command), parser);
}

void CommandRunner::diff(QCommandLineParser &parser)
{
    auto command = std::make_unique<DiffCommand>(m_console, m_command.json, m_command.quiet);
    if (const QString problem = command->prepare(parser.positionalArguments()); !problem.isEmpty())
        return usage(problem);
    for (const PackageTarget &version : {command->versionA(), command->versionB()}) {
        const QString naming =
            namingProblem({version.project, version.packageName, version.version});
        if (!naming.isEmpty())
            return usage(naming);
    }
    runComparison(std::move(command), parser);
}

void CommandRunner::sync(QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (const QString naming = namingProblem(args.mid(1)); !naming.isEmpty())
        return usage(naming);
    auto command = std::make_unique<SyncCommand>(m_console, m_command.json, m_command.quiet);
    command->prepare(args, parser.isSet(QStringLiteral("delete")),
                     parser.isSet(QStringLiteral("dry-run")));
    command->setRetryPolicy(m_retry);
    SyncCommand *running = command.get();
    m_work = std::move(command);
    connect(running, &QueuedCommand::finished, this, &CommandRunner::exit);
    connect(running, &SyncCommand::failed, this, &CommandRunner::failWith);
    connect(running, &SyncCommand::refused, this, &CommandRunner::usage);
    withApi(parser, [this, running](GitLabApi &api) {
        if (!refuseDeployToken(api, tr("list the files of a version")))
            running->run(api);
    });
}

void CommandRunner::copy(QCommandLineParser &parser)
{
    auto command = std::make_unique<CopyCommand>(m_console, m_command.json, m_command.quiet);
    if (const QString problem =
            command->prepare(parser.positionalArguments(), parser.value(QStringLiteral("status")),
                             parser.value(QStringLiteral("on-duplicate")));
        !problem.isEmpty())
        return usage(problem);
    for (const CopyCommand::Side &side : {command->source(), command->destination()}) {
        const PackageTarget &version = side.version;
        const QString naming =
            namingProblem({version.project, version.packageName, version.version});
        if (!naming.isEmpty())
            return usage(naming);
    }
    if (parser.isSet(kUrl) && normalizedBaseUrl(QUrl(parser.value(kUrl))).isEmpty())
        return usage(
            tr("--url expects an http:// or https:// address such as https://gitlab.example.com."));
    const auto choose = [&](const CopyCommand::Side &side) {
        return side.account.isEmpty() ? chooseAccount(parser) : chooseAccount(side.account, {});
    };
    const AccountChoice source = choose(command->source());
    const AccountChoice destination = choose(command->destination());
    command->setRetryPolicy(m_retry);
    command->setResume(!parser.isSet(QStringLiteral("no-resume")));
    QStringList stateKey = QStringList{QDir::currentPath()} + m_command.commandArguments;
    stateKey.removeAll(QStringLiteral("--no-resume"));
    CopyCommand *running = command.get();
    m_work = std::move(command);
    connect(running, &QueuedCommand::finished, this, &CommandRunner::exit);
    connect(running, &CopyCommand::failed, this, &CommandRunner::failWith);
    const QString listing = tr("list the files of a version");
    openChoice(source, [this, destination, running, stateKey, listing](GitLabApi &from) {
        if (refuseDeployToken(from, listing))
            return;
        openChoice(destination, [this, running, stateKey, listing, &from](GitLabApi &to) {
            if (!refuseDeployToken(to, listing))
                running->run(from, to,
                             QueuedCommand::statePath(QStringLiteral("copy"), to.client().account(),
                                                      stateKey));
        });
    });
}

void CommandRunner::runComparison(std::unique_ptr<ComparisonCommand> command,
                                  QCommandLineParser &parser)
{
    ComparisonCommand *running = command.get();
    m_work = std::move(command);
    connect(running, &ComparisonCommand::finished, this, &CommandRunner::exit);
    connect(running, &ComparisonCommand::failed, this, &CommandRunner::failWith);
    withApi(parser, [this, running](GitLabApi &api) {
        if (!refuseDeployToken(api, tr("list the files of a version")))
            running->run(api);
    });
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
                QList<qint64> copies;
                for (const PackageFile &file : version.value().files) {
                    if (file.displayName() == args[3] || file.storedName == args[3])
                        copies.append(file.id);
                }
                if (copies.isEmpty())
                    return failWith(ApiError(
                        ApiError::Kind::NotFound,
                        tr("%1 %2 has no file named \"%3\".").arg(args[1], args[2], args[3])));
                const int count = int(copies.size());
                api.deletePackageFiles(
                    args[0], package.id, copies, this,
                    [this, args, count](Result<Success> deleted) {
                        if (!deleted.ok())
                            return failWith(deleted.error());
                        succeed(QJsonObject{{QStringLiteral("deleted_files"), count}},
                                tr("Deleted %1 (%n upload(s)) from %2 %3.\n", "", count)
                                    .arg(args[3], args[1], args[2]));
                    });
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
