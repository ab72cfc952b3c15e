#pragma once

#include "account/AccountStore.h"
#include "account/EnvironmentAccounts.h"
#include "account/SecretStore.h"
#include "api/GitLabApi.h"
#include "cli/CommandLine.h"
#include "cli/Console.h"

#include <QCommandLineParser>
#include <QObject>
#include <QProcessEnvironment>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Stevedore {

class ComparisonCommand;

// Runs one `stevedore <command>`: parses the command's own options, finds the account, does
// the work asynchronously and ends with finished(exitCode). Exit codes: 0 ok, 1 failure,
// 2 usage, 3 authentication or permission, 4 not found.
class CommandRunner final : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        AccountStore *accounts = nullptr;
        SecretStore *secrets = nullptr;
        QProcessEnvironment environment;
    };

    CommandRunner(CommandLine::Result command, Services services, Console &console,
                  QObject *parent = nullptr);
    ~CommandRunner() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    // The method that does `command` (its arguments and options are in CommandCatalog), or
    // an empty function for an unknown one.
    using Body = std::function<void(QCommandLineParser &)>;
    Body body(const QString &command);

    // --url given before or after the command, normalized; empty when there is none.
    QUrl commandUrl(const QCommandLineParser &parser) const;

    // The account the options and environment select: a saved one, an environment one, or
    // the problem that none fits.
    struct AccountChoice
    {
        std::optional<Account> saved;
        std::optional<EnvironmentAccount> environment;
        ApiError problem;
    };
    AccountChoice chooseAccount(const QCommandLineParser &parser) const;
    AccountChoice chooseAccount(const QString &name, const QUrl &url) const;

    // With the CI job token, a first argument that cannot be a PROJECT means PROJECT was left
    // out: CI_PROJECT_ID is put in front of the arguments and `parser` parses them again.
    // Returns a usage problem, or empty.
    QString putInCiProject(QCommandLineParser &parser);

    // Calls `use` with a ready API for the account the options and environment select.
    void withApi(QCommandLineParser &parser, std::function<void(GitLabApi &)> use);
    // Calls `use` with a ready API for `choice` (reading its token), or fails the command.
    void openChoice(const AccountChoice &choice, std::function<void(GitLabApi &)> use);
    void openAccount(const Account &account, const QString &secret,
                     std::function<void(GitLabApi &)> use);
    // Fails the command (and returns true) when `api` holds a deploy token, which GitLab admits
    // on the generic upload and download URLs only; `what` is "list packages", …
    bool refuseDeployToken(const GitLabApi &api, const QString &what);

    // `stevedore __complete WORD...` (Completion): silent, bounded in time, never prompts.
    void complete();

    void login(QCommandLineParser &parser);
    void logout(QCommandLineParser &parser);
    void listAccounts(QCommandLineParser &parser);
    void listProjects(QCommandLineParser &parser);
    void listPackages(QCommandLineParser &parser);
    void listFiles(QCommandLineParser &parser);
    void publish(QCommandLineParser &parser);
    void download(QCommandLineParser &parser);
    void remove(QCommandLineParser &parser);
    void verify(QCommandLineParser &parser);
    void diff(QCommandLineParser &parser);
    void sync(QCommandLineParser &parser);
    void copy(QCommandLineParser &parser);

    // Runs verify or diff: exit 0 when identical, 1 when different, else the failure's code.
    void runComparison(std::unique_ptr<ComparisonCommand> command, QCommandLineParser &parser);

    // Runs publish or download through the transfer queue, resumable (--no-resume).
    template<typename Command>
    void runQueued(std::unique_ptr<Command> command, QCommandLineParser &parser);

    void succeed(const QJsonValue &json, const QString &text);
    void failWith(const ApiError &error);
    void usage(const QString &message);
    void exit(int code);

    CommandLine::Result m_command;
    Services m_services;
    Console &m_console;
    // The accounts opened: one, or a copy's two.
    std::vector<std::unique_ptr<GitLabClient>> m_clients;
    std::vector<std::unique_ptr<GitLabApi>> m_apis;
    std::unique_ptr<QObject> m_work; // the running command's helper objects
    RetryPolicy m_retry;             // --max-wait
    bool m_exited = false;
};

} // namespace Stevedore
