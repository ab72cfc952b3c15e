#include "cli/CommandCatalog.h"
#include "cli/CommandLine.h"

#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using Stevedore::CommandCatalog;
using Stevedore::CommandLine;

class TestCommandLine final : public QObject
{
    Q_OBJECT

private slots:
    void startsTheWindowWithLaunchOptions_data();
    void startsTheWindowWithLaunchOptions();
    void exitsWithMessage_data();
    void exitsWithMessage();
    void versionPrintsExecutableNameAndProjectVersion();
    void commandsAreTheDesignedOnes();
    void helpListsEveryCommand();
    void everyCommandIsHandedToTheRunner();
    void globalOptionsBeforeTheCommandAreKept();
    void outputIsAnAliasOfJson_data();
    void outputIsAnAliasOfJson();
    void credentialsInUrlAreNotEchoed();
    void hiddenCommandsAreNeitherListedNorUnknown();
};

namespace {

CommandLine::Result parse(const QStringList &arguments)
{
    return CommandLine::parse(QStringList{u"stevedore"_s} + arguments);
}

} // namespace

void TestCommandLine::startsTheWindowWithLaunchOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QUrl>("serverUrl");
    QTest::addColumn<QString>("projectPath");
    QTest::addColumn<QString>("accountName");

    QTest::newRow("no arguments") << QStringList{} << QUrl{} << QString{} << QString{};
    QTest::newRow("url") << QStringList{u"--url"_s, u"https://gitlab.example.com"_s}
                         << QUrl(u"https://gitlab.example.com"_s) << QString{} << QString{};
    QTest::newRow("url=value form") << QStringList{u"--url=http://127.0.0.1:8080"_s}
                                    << QUrl(u"http://127.0.0.1:8080"_s) << QString{} << QString{};
    QTest::newRow("url and project")
        << QStringList{u"--url"_s, u"http://127.0.0.1:8080"_s, u"--project"_s, u"demo/hello"_s}
        << QUrl(u"http://127.0.0.1:8080"_s) << u"demo/hello"_s << QString{};
    QTest::newRow("nested project") << QStringList{u"--project"_s, u"group/sub/project"_s} << QUrl{}
                                    << u"group/sub/project"_s << QString{};
    QTest::newRow("account") << QStringList{u"--account"_s, u"work"_s} << QUrl{} << QString{}
                             << u"work"_s;
    QTest::newRow("last value wins")
        << QStringList{u"--url"_s, u"https://a.example"_s, u"--url"_s, u"https://b.example"_s}
        << QUrl(u"https://b.example"_s) << QString{} << QString{};
}

void TestCommandLine::startsTheWindowWithLaunchOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QUrl, serverUrl);
    QFETCH(QString, projectPath);
    QFETCH(QString, accountName);

    const CommandLine::Result result = parse(arguments);

    QCOMPARE(result.action, CommandLine::Action::StartGui);
    QCOMPARE(result.exitCode, Stevedore::ExitCode::Success);
    QCOMPARE(result.standardOutput, QString{});
    QCOMPARE(result.standardError, QString{});
    QCOMPARE(result.launch.serverUrl, serverUrl);
    QCOMPARE(result.launch.projectPath, projectPath);
    QCOMPARE(result.launch.accountName, accountName);
}

void TestCommandLine::exitsWithMessage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    // Every fragment must appear; an empty list means the stream must stay empty.
    QTest::addColumn<QStringList>("outputFragments");
    QTest::addColumn<QStringList>("errorFragments");

    const QStringList helpFragments{
        u"Usage: stevedore [options]"_s,
        u"--url URL"_s,
        u"--project PATH"_s,
        u"--account NAME"_s,
        u"--json"_s,
        u"--output FORMAT"_s,
        u"--quiet"_s,
        u"-h, --help"_s,
        u"--version"_s,
        u"Commands (stevedore COMMAND --help for each one's arguments):"_s,
    };
    const QString seeHelp = u"Run 'stevedore --help' for usage."_s;

    QTest::newRow("--help") << QStringList{u"--help"_s} << 0 << helpFragments << QStringList{};
    QTest::newRow("-h") << QStringList{u"-h"_s} << 0 << helpFragments << QStringList{};
    QTest::newRow("--help wins over a bad command")
        << QStringList{u"--help"_s, u"frobnicate"_s} << 0 << helpFragments << QStringList{};
    QTest::newRow("options after an unknown command belong to it")
        << QStringList{u"frobnicate"_s, u"--help"_s} << 2 << QStringList{}
        << QStringList{u"unknown command 'frobnicate'"_s};
    QTest::newRow("--version") << QStringList{u"--version"_s} << 0 << QStringList{u"stevedore "_s}
                               << QStringList{};
    QTest::newRow("unknown command")
        << QStringList{u"frobnicate"_s} << 2 << QStringList{}
        << QStringList{u"stevedore: unknown command 'frobnicate'."_s,
                       u"The commands are: login, logout, accounts"_s, seeHelp};
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << 2 << QStringList{}
                                    << QStringList{u"stevedore: "_s, u"'frobnicate'"_s, seeHelp};
    QTest::newRow("option without its value")
        << QStringList{u"--url"_s} << 2 << QStringList{} << QStringList{u"'--url'"_s, seeHelp};
    QTest::newRow("url without scheme")
        << QStringList{u"--url"_s, u"gitlab.example.com"_s} << 2 << QStringList{}
        << QStringList{u"--url expects an http:// or https:// address"_s,
                       u"not 'gitlab.example.com'"_s, seeHelp};
    QTest::newRow("url with another scheme")
        << QStringList{u"--url"_s, u"ftp://gitlab.example.com"_s} << 2 << QStringList{}
        << QStringList{u"--url expects an http:// or https:// address"_s};
    QTest::newRow("url without host")
        << QStringList{u"--url"_s, u"https://"_s} << 2 << QStringList{}
        << QStringList{u"--url expects an http:// or https://"_s};
    QTest::newRow("url with credentials")
        << QStringList{u"--url"_s, u"https://me:secret@gitlab.example.com"_s} << 2 << QStringList{}
        << QStringList{u"--url must not contain a user name or password"_s};
    QTest::newRow("project without namespace")
        << QStringList{u"--project"_s, u"hello"_s} << 2 << QStringList{}
        << QStringList{u"--project expects a project path such as group/project, not 'hello'."_s};
    QTest::newRow("project with empty segment")
        << QStringList{u"--project"_s, u"demo//hello"_s} << 2 << QStringList{}
        << QStringList{u"--project expects a project path"_s};
    QTest::newRow("project with leading slash")
        << QStringList{u"--project"_s, u"/demo/hello"_s} << 2 << QStringList{}
        << QStringList{u"--project expects a project path"_s};
    QTest::newRow("blank account") << QStringList{u"--account"_s, u" "_s} << 2 << QStringList{}
                                   << QStringList{u"--account expects an account name."_s};
    QTest::newRow("--json without a command")
        << QStringList{u"--json"_s} << 2 << QStringList{}
        << QStringList{u"--json applies to commands only"_s, seeHelp};
    QTest::newRow("--quiet without a command")
        << QStringList{u"--quiet"_s} << 2 << QStringList{}
        << QStringList{u"--quiet applies to commands only"_s};
    QTest::newRow("--output without a command")
        << QStringList{u"--output"_s, u"json"_s} << 2 << QStringList{}
        << QStringList{u"--output applies to commands only"_s};
    QTest::newRow("--output with another format")
        << QStringList{u"--output"_s, u"yaml"_s, u"list"_s} << 2 << QStringList{}
        << QStringList{u"--output expects json or text, not 'yaml'."_s, seeHelp};
    QTest::newRow("--json with --output text")
        << QStringList{u"--json"_s, u"--output"_s, u"text"_s, u"list"_s} << 2 << QStringList{}
        << QStringList{u"--json and --output text contradict each other"_s};
    QTest::newRow("global option with a bad value before a command")
        << QStringList{u"--url"_s, u"nowhere"_s, u"publish"_s} << 2 << QStringList{}
        << QStringList{u"--url expects"_s};
}

void TestCommandLine::exitsWithMessage()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, outputFragments);
    QFETCH(QStringList, errorFragments);

    const CommandLine::Result result = parse(arguments);

    QCOMPARE(result.action, CommandLine::Action::Exit);
    QCOMPARE(result.exitCode, exitCode);
    QCOMPARE(result.standardOutput.isEmpty(), outputFragments.isEmpty());
    QCOMPARE(result.standardError.isEmpty(), errorFragments.isEmpty());
    for (const QString &fragment : outputFragments)
        QVERIFY2(result.standardOutput.contains(fragment), qPrintable(result.standardOutput));
    for (const QString &fragment : errorFragments)
        QVERIFY2(result.standardError.contains(fragment), qPrintable(result.standardError));
    if (!result.standardError.isEmpty())
        QVERIFY(result.standardError.endsWith(u'\n'));
}

void TestCommandLine::versionPrintsExecutableNameAndProjectVersion()
{
    const CommandLine::Result result = parse({u"--version"_s});

    QCOMPARE(result.standardOutput, u"stevedore " STEVEDORE_EXPECTED_VERSION "\n"_s);
}

void TestCommandLine::commandsAreTheDesignedOnes()
{
    const QStringList expected{u"login"_s, u"logout"_s,  u"accounts"_s, u"projects"_s, u"list"_s,
                               u"files"_s, u"publish"_s, u"download"_s, u"delete"_s,   u"verify"_s,
                               u"diff"_s,  u"sync"_s,    u"copy"_s};

    QCOMPARE(CommandCatalog::commandNames(), expected);
}

void TestCommandLine::helpListsEveryCommand()
{
    const QString help = parse({u"--help"_s}).standardOutput;
    const QString commandsSection =
        u'\n'
        + help.section(u"Commands (stevedore COMMAND --help for each one's arguments):\n"_s, 1);

    QVERIFY2(commandsSection.size() > 1, qPrintable(help));
    for (const QString &command : CommandCatalog::commandNames())
        QVERIFY2(commandsSection.contains(u"\n  "_s + command + u' '), qPrintable(command));
}

void TestCommandLine::everyCommandIsHandedToTheRunner()
{
    for (const QString &command : CommandCatalog::commandNames()) {
        const CommandLine::Result result = parse({command, u"demo/hello"_s, u"--hidden"_s});

        QCOMPARE(result.action, CommandLine::Action::RunCommand);
        QCOMPARE(result.command, command);
        QCOMPARE(result.commandArguments, (QStringList{u"demo/hello"_s, u"--hidden"_s}));
        QVERIFY(result.standardError.isEmpty());
    }
}

void TestCommandLine::globalOptionsBeforeTheCommandAreKept()
{
    const CommandLine::Result result =
        parse({u"--json"_s, u"--quiet"_s, u"--url"_s, u"https://gitlab.example.com"_s,
               u"--account"_s, u"work"_s, u"list"_s, u"demo/hello"_s});

    QCOMPARE(result.action, CommandLine::Action::RunCommand);
    QVERIFY(result.json);
    QVERIFY(result.quiet);
    QCOMPARE(result.launch.serverUrl, QUrl(u"https://gitlab.example.com"_s));
    QCOMPARE(result.launch.accountName, u"work"_s);
    QCOMPARE(result.commandArguments, QStringList{u"demo/hello"_s});
}

void TestCommandLine::outputIsAnAliasOfJson_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("json");
    QTest::newRow("--output json") << QStringList{u"--output"_s, u"json"_s} << true;
    QTest::newRow("--output=json") << QStringList{u"--output=json"_s} << true;
    QTest::newRow("--output text") << QStringList{u"--output"_s, u"text"_s} << false;
    QTest::newRow("--json --output json")
        << QStringList{u"--json"_s, u"--output"_s, u"json"_s} << true;
    QTest::newRow("neither") << QStringList{} << false;
}

void TestCommandLine::outputIsAnAliasOfJson()
{
    QFETCH(QStringList, options);
    QFETCH(bool, json);
    const CommandLine::Result result = parse(options + QStringList{u"list"_s, u"demo/hello"_s});
    QVERIFY2(result.action == CommandLine::Action::RunCommand, qPrintable(result.standardError));
    QCOMPARE(result.json, json);
    QCOMPARE(result.commandArguments, QStringList{u"demo/hello"_s});
}

void TestCommandLine::credentialsInUrlAreNotEchoed()
{
    const CommandLine::Result result =
        parse({u"--url"_s, u"https://me:glpat-secret@gitlab.example.com"_s});

    QCOMPARE(result.exitCode, Stevedore::ExitCode::Usage);
    QVERIFY2(!result.standardError.contains(u"glpat-secret"_s), qPrintable(result.standardError));
}

void TestCommandLine::hiddenCommandsAreNeitherListedNorUnknown()
{
    const CommandLine::Result man = parse({CommandCatalog::ManCommand});
    QCOMPARE(man.action, CommandLine::Action::Exit);
    QCOMPARE(man.exitCode, 0);
    QVERIFY2(man.standardOutput.startsWith(u".TH STEVEDORE 1 "_s), qPrintable(man.standardOutput));

    // Everything after __complete is the words being completed, options and "--" included.
    const QStringList words{u"--url"_s, u"https://x.example"_s, u"--"_s, u"list"_s, u""_s};
    const CommandLine::Result complete =
        parse(QStringList{CommandCatalog::CompleteCommand} + words);
    QCOMPARE(complete.action, CommandLine::Action::RunCommand);
    QCOMPARE(complete.command, CommandCatalog::CompleteCommand);
    QCOMPARE(complete.commandArguments, words);

    const QString unknown = parse({u"frobnicate"_s}).standardError;
    QVERIFY2(!unknown.contains(u"__"_s), qPrintable(unknown));
    QVERIFY(!CommandCatalog::commandNames().contains(CommandCatalog::ManCommand));
    QVERIFY(!CommandCatalog::commandNames().contains(CommandCatalog::CompleteCommand));
}

QTEST_GUILESS_MAIN(TestCommandLine)

#include "TestCommandLine.moc"
