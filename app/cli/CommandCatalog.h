#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stevedore {

// What the command line offers, as data: its commands with their arguments and options, the
// options before a command, the environment variables it reads and its exit codes. The parsers
// (CommandLine, CommandRunner), the --help texts, the man page (ManPage) and shell completion
// (Completion) all read this one table, so none of them can name an option another lacks.
class CommandCatalog final
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::CommandCatalog)

public:
    // What a value is, so that completion knows what to offer for it.
    enum class Value {
        None,      // a flag, or free text such as a URL or a search
        Account,   // a saved or environment account name
        Project,   // a project path or id on the server
        Package,   // a package name in the PROJECT given before it
        Version,   // a version of the package given before it
        LocalFile, // a file or folder on this computer
        LocalFolder,
    };

    struct Option
    {
        QStringList names{};    // {"o", "output"}: -o and --output
        QString valueName{};    // "DIR"; empty for a flag
        QString description{};  // one line for --help
        QString defaultValue{}; // given to QCommandLineParser, shown in --help
        QStringList choices{};  // the values it accepts, when they are a fixed set
        Value value = Value::None;

        [[nodiscard]] QCommandLineOption toQt() const;
        // "-o, --output DIR", as --help and the man page show it.
        [[nodiscard]] QString syntax() const;
        [[nodiscard]] QStringList dashedNames() const; // {"-o", "--output"}
    };

    struct Argument
    {
        QString name{}; // "PROJECT"
        Value value = Value::None;
        bool optional = false;
        bool repeats = false;
    };

    struct Command
    {
        QString name{};
        QString summary{};     // one line: stevedore --help, the man page
        QString description{}; // a paragraph: stevedore COMMAND --help, the man page
        QList<Argument> arguments{};
        QList<Option> options{}; // its own; the common ones (commonOptions()) come on top
        bool needsUrl = false;   // login: --url is required

        // "PROJECT NAME VERSION [FILE...]" (with "--url URL" first when needsUrl).
        [[nodiscard]] QString argumentSyntax() const;
        [[nodiscard]] int minArguments() const;
        [[nodiscard]] int maxArguments() const; // -1: unlimited
        // How many leading arguments name things in the registry (PROJECT, NAME, VERSION, a
        // FILE in the package) and are checked against GitLab's rules; -1: all of them.
        [[nodiscard]] int registryArguments() const;
        // The first argument is PROJECT, which a CI job may leave out (CI_PROJECT_ID).
        [[nodiscard]] bool startsWithProject() const;
        // Its own options and the common ones it accepts (download's --output is its own).
        [[nodiscard]] QList<Option> acceptedOptions() const;
        [[nodiscard]] std::optional<Option> option(const QString &dashed) const;
    };

    struct EnvironmentVariable
    {
        QStringList names{};
        QString description{};
    };

    struct ExitStatus
    {
        int code = 0;
        QString meaning{};
    };

    CommandCatalog() = delete;

    [[nodiscard]] static QList<Command> commands();
    [[nodiscard]] static std::optional<Command> command(const QString &name);
    [[nodiscard]] static QStringList commandNames();
    // The options before a command (stevedore --help).
    [[nodiscard]] static QList<Option> globalOptions();
    // The options every command accepts after its name.
    [[nodiscard]] static QList<Option> commonOptions();
    [[nodiscard]] static std::optional<Option> globalOption(const QString &dashed);
    [[nodiscard]] static QList<EnvironmentVariable> environment();
    [[nodiscard]] static QList<ExitStatus> exitStatuses();

    // Rows "  left  right" with the left column as wide as its widest entry.
    [[nodiscard]] static QString table(const QList<std::pair<QString, QString>> &rows);
    // stevedore COMMAND --help.
    [[nodiscard]] static QString commandHelp(const Command &command);

    // The names of the options shared between before and after a command, for the parsers.
    static inline const QString Url = QStringLiteral("url");
    static inline const QString ProjectOption = QStringLiteral("project");
    static inline const QString AccountOption = QStringLiteral("account");
    static inline const QString Json = QStringLiteral("json");
    static inline const QString Output = QStringLiteral("output");
    static inline const QString Quiet = QStringLiteral("quiet");
    static inline const QString MaxWait = QStringLiteral("max-wait");
    static inline const QString Help = QStringLiteral("help");
    static inline const QString VersionOption = QStringLiteral("version");

    // Hidden commands, for the build and the shell: `__man` prints the man page (ManPage),
    // `__complete WORD...` the candidates for the last WORD (Completion).
    static inline const QString ManCommand = QStringLiteral("__man");
    static inline const QString CompleteCommand = QStringLiteral("__complete");
};

} // namespace Stevedore
