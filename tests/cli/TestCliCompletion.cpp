// Shell completion: `stevedore __complete` against gitlab-sim --demo (projects, package names
// and versions really come from the server; commands and options from CommandCatalog), silent
// and bounded when the server is dead or mute, and the bash, zsh and fish scripts of
// packaging/completion run in their shells with the built stevedore on PATH.
#include "CliTestSupport.h"
#include "DemoData.h"
#include "SimServer.h"
#include "cli/CommandCatalog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore::CliTest;
using namespace stevedore::test::demo;
using Stevedore::CommandCatalog;
using namespace Qt::StringLiterals;

namespace {

const QString kScripts = QStringLiteral(STEVEDORE_SOURCE_DIR "/packaging/completion/");

// The candidates of a `words` answer, without their descriptions.
QStringList candidates(const Run &run)
{
    QStringList lines = run.out().split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty() || lines.takeFirst() != u"words"_s)
        return {u"<not a words answer>"_s};
    for (QString &line : lines)
        line = line.section(u'\t', 0, 0);
    return lines;
}

QStringList sorted(QStringList list)
{
    list.sort();
    list.removeDuplicates();
    return list;
}

QStringList field(const QJsonArray &array, const QString &key)
{
    QStringList values;
    for (const QJsonValue &value : array)
        values << value.toObject().value(key).toString();
    return values;
}

} // namespace

class TestCliCompletion : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QTemporaryDir m_work;
    stevedore::test::ScopedSim m_sim;

    // GITLAB_HOST + GITLAB_TOKEN of the demo user, and the built stevedore first on PATH.
    QProcessEnvironment withToken() const
    {
        QProcessEnvironment environment = isolatedEnvironment(m_root.path());
        environment.insert(u"GITLAB_HOST"_s, m_sim->baseUrl().toString());
        environment.insert(u"GITLAB_TOKEN"_s, kPat);
        environment.insert(u"PATH"_s, QFileInfo(QStringLiteral(STEVEDORE_EXECUTABLE)).absolutePath()
                                          + u':' + environment.value(u"PATH"_s));
        return environment;
    }

    Run complete(const QStringList &words, const QProcessEnvironment &environment)
    {
        Run run = runStevedore(QStringList{CommandCatalog::CompleteCommand} + words, environment,
                               m_work.path(), {}, 20000);
        if (run.out().contains(kPat) || run.err().contains(kPat))
            run.exitCode = -2; // a token was printed
        return run;
    }
    Run complete(const QStringList &words) { return complete(words, withToken()); }

    // The package names, and the versions of hello-cli, that `stevedore list` reports.
    QStringList listed(const QString &name = {})
    {
        QStringList arguments{u"--json"_s, u"list"_s, kProject, u"--hidden"_s};
        if (!name.isEmpty())
            arguments << name;
        const Run list = runStevedore(arguments, withToken(), m_work.path());
        if (list.exitCode != 0)
            return {list.describe()};
        if (name.isEmpty())
            return sorted(field(list.json().array(), u"name"_s));
        QStringList versions;
        for (const QJsonValue &version : list.json().array().at(0)[u"versions"_s].toArray())
            versions << version[u"version"_s].toString();
        return sorted(versions);
    }

    Run shell(const QString &program, const QStringList &arguments)
    {
        return runProgram(program, arguments, withToken(), m_work.path(), {}, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(m_work.isValid());
        QVERIFY(m_sim.startDemo());
    }

    void cleanup() { m_sim.reportIfFailed(); }

    void commandsAndOptionsComeFromTheCatalog()
    {
        const Run commands = complete({u""_s});
        QVERIFY2(commands.exitCode == 0 && commands.err().isEmpty(),
                 qPrintable(commands.describe()));
        QCOMPARE(candidates(commands), CommandCatalog::commandNames());
        QVERIFY2(commands.out().contains(u"publish\t"_s
                                         + CommandCatalog::command(u"publish"_s)->summary),
                 qPrintable(commands.out()));
        QCOMPARE(candidates(complete({u"li"_s})), QStringList{u"list"_s});

        QStringList globals;
        for (const CommandCatalog::Option &option : CommandCatalog::globalOptions())
            globals << option.dashedNames().filter(u"--"_s);
        QCOMPARE(candidates(complete({u"--"_s})), globals);

        QStringList downloadOptions;
        for (const CommandCatalog::Option &option :
             CommandCatalog::command(u"download"_s)->acceptedOptions())
            downloadOptions << option.dashedNames();
        QCOMPARE(candidates(complete({u"download"_s, kProject, u"-"_s})), downloadOptions);

        QCOMPARE(candidates(complete(
                     {u"publish"_s, kProject, u"x"_s, u"1.0"_s, u"--on-duplicate"_s, u"re"_s})),
                 QStringList{u"replace"_s});
        QCOMPARE(candidates(complete({u"--output"_s, u""_s})), (QStringList{u"json"_s, u"text"_s}));
        QCOMPARE(complete({u"publish"_s, kProject, u"x"_s, u"1.0"_s, u""_s}).out(), u"files\n"_s);
        QCOMPARE(complete({u"download"_s, kProject, u"x"_s, u"1.0"_s, u"-o"_s, u""_s}).out(),
                 u"folders\n"_s);
        QCOMPARE(complete({u"frobnicate"_s, u""_s}).out(), u"words\n"_s);
    }

    void accountNamesForAccount()
    {
        QCOMPARE(candidates(complete({u"--account"_s, u""_s})), QStringList{u"env:GITLAB_HOST"_s});
        QCOMPARE(candidates(complete({u"logout"_s, u"env"_s})), QStringList{u"env:GITLAB_HOST"_s});
    }

    void projectsComeFromTheServer()
    {
        const Run projects = runStevedore({u"--json"_s, u"projects"_s}, withToken(), m_work.path());
        QVERIFY2(projects.exitCode == 0, qPrintable(projects.describe()));
        const QStringList paths = sorted(field(projects.json().array(), u"path"_s));
        QVERIFY2(paths.size() >= 3, qPrintable(projects.describe()));

        const Run all = complete({u"list"_s, u""_s});
        QVERIFY2(all.exitCode == 0 && all.err().isEmpty(), qPrintable(all.describe()));
        QCOMPARE(sorted(candidates(all)), paths);
        QCOMPARE(candidates(complete({u"files"_s, u"demo/h"_s})), QStringList{kProject});
        QCOMPARE(sorted(candidates(complete({u"--project"_s, u"demo/pl"_s}))),
                 QStringList{kAgentProject});
    }

    void packageNamesAndVersionsComeFromTheServer()
    {
        const QStringList names = listed();
        QVERIFY2(names.contains(kHelloCli) && names.contains(kNightly),
                 qPrintable(names.join(u' ')));
        QCOMPARE(sorted(candidates(complete({u"list"_s, kProject, u""_s}))), names);
        QCOMPARE(sorted(candidates(complete({u"download"_s, kProject, u"ni"_s}))),
                 QStringList{kNightly});

        const QStringList versions = listed(kHelloCli);
        QVERIFY2(versions.contains(u"1.10.0"_s), qPrintable(versions.join(u' ')));
        QCOMPARE(sorted(candidates(complete({u"files"_s, kProject, kHelloCli, u""_s}))), versions);

        // verify's PROJECT comes after DIR; diff's NAME_B and VERSION_B belong to PROJECT_B.
        QCOMPARE(complete({u"verify"_s, u""_s}).out(), u"folders\n"_s);
        QCOMPARE(sorted(candidates(complete({u"verify"_s, u"dist"_s, kProject, u""_s}))), names);
        QCOMPARE(sorted(candidates(complete({u"verify"_s, u"dist"_s, kProject, kHelloCli, u""_s}))),
                 versions);
        QCOMPARE(sorted(candidates(complete(
                     {u"diff"_s, u"demo/tools"_s, u"toolbox"_s, u"1.0"_s, kProject, u""_s}))),
                 names);
        QCOMPARE(sorted(candidates(complete({u"diff"_s, u"demo/tools"_s, u"toolbox"_s, u"1.0"_s,
                                             kProject, kHelloCli, u""_s}))),
                 versions);
    }

    void withoutAnAccountOrServerItOffersNothingAndSaysNothing()
    {
        const Run noAccount = complete({u"list"_s, u""_s}, isolatedEnvironment(m_root.path()));
        QCOMPARE(noAccount.exitCode, 0);
        QCOMPARE(noAccount.out(), u"words\n"_s);
        QCOMPARE(noAccount.err(), QString());

        // A port nobody listens on.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        QProcessEnvironment dead = withToken();
        dead.insert(u"GITLAB_HOST"_s, u"http://127.0.0.1:%1"_s.arg(port));
        const Run refused = complete({u"list"_s, kProject, u""_s}, dead);
        QCOMPARE(refused.exitCode, 0);
        QCOMPARE(refused.out(), u"words\n"_s);
        QCOMPARE(refused.err(), QString());

        // A server that accepts the connection and never answers: the deadline ends it.
        QTcpServer mute;
        QVERIFY(mute.listen(QHostAddress::LocalHost));
        dead.insert(u"GITLAB_HOST"_s, u"http://127.0.0.1:%1"_s.arg(mute.serverPort()));
        const Run silent = complete({u"list"_s, u""_s}, dead);
        QCOMPARE(silent.exitCode, 0);
        QCOMPARE(silent.out(), u"words\n"_s);
        QCOMPARE(silent.err(), QString());
    }

    void bashScriptCompletesThroughTheBinary_data()
    {
        QTest::addColumn<QString>("prelude");
        QTest::newRow("plain bash") << QString();
        QTest::newRow("with bash-completion") << u"/usr/share/bash-completion/bash_completion"_s;
    }

    void bashScriptCompletesThroughTheBinary()
    {
        QFETCH(QString, prelude);
        if (!prelude.isEmpty() && !QFileInfo::exists(prelude))
            QSKIP("bash-completion is not installed (packaging/debian-deps.txt lists it)");
        QVERIFY(QDir(m_work.path()).mkpath(u"dist/sub"_s));
        // drive LINE WORD...: the line and its words as bash hands them to a completion
        // function (it splits at ':'), the cursor at the end.
        QString script = prelude.isEmpty() ? QString() : u"source '%1' || exit 7\n"_s.arg(prelude);
        script +=
            u"source '%1stevedore.bash' || exit 9\n"
            "complete -p stevedore || exit 8\n"
            "drive() { COMP_LINE=$1; COMP_POINT=${#COMP_LINE}; shift; COMP_WORDS=(\"$@\");"
            " COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _stevedore;"
            " printf '%s\\n' \"${COMPREPLY[@]}\" | sort; echo ---; }\n"
            "drive 'stevedore li' stevedore li\n"
            "drive 'stevedore list demo/hello ' stevedore list demo/hello ''\n"
            "drive 'stevedore publish demo/hello x 1.0 dist/s' stevedore publish demo/hello x"
            " 1.0 dist/s\n"
            "drive 'stevedore --account env:GITLAB_H' stevedore --account env : GITLAB_H\n"_s.arg(
                kScripts);
        const Run bash = shell(u"bash"_s, {u"--norc"_s, u"-c"_s, script});
        QVERIFY2(bash.exitCode == 0, qPrintable(bash.describe()));
        const QStringList blocks = bash.out().split(u"---\n"_s);
        QVERIFY2(blocks.size() == 5, qPrintable(bash.describe()));
        QVERIFY2(blocks[0].contains(u"complete -F _stevedore stevedore"_s), qPrintable(blocks[0]));
        QVERIFY2(blocks[0].endsWith(u"\nlist\n"_s), qPrintable(blocks[0]));
        QCOMPARE(blocks[1].split(u'\n', Qt::SkipEmptyParts), listed());
        QCOMPARE(blocks[2], u"dist/sub\n"_s);
        // Only bash-completion can join the word bash split at ':'; bash then replaces the part
        // after the colon.
        if (!prelude.isEmpty())
            QCOMPARE(blocks[3], u"GITLAB_HOST\n"_s);
    }

    void zshScriptCompletesThroughTheBinary()
    {
        const QString zsh = QStandardPaths::findExecutable(u"zsh"_s);
        if (zsh.isEmpty())
            QSKIP("zsh is not installed (packaging/debian-deps.txt lists it)");
        QVERIFY2(shell(zsh, {u"-n"_s, kScripts + u"_stevedore"_s}).exitCode == 0, "zsh -n");
        // compsys's _describe and _files, replaced by ones that print what they were given.
        const QString drive = u"_describe() { print -rl -- \"${(@P)4}\" }\n"
                              "_files() { print -r -- \"_files $*\" }\n"
                              "source '%1_stevedore'\n"
                              "drive() { words=(\"$@\"); CURRENT=$#; _stevedore; print -- --- }\n"
                              "drive stevedore list demo/hello ''\n"
                              "drive stevedore --acc\n"
                              "drive stevedore download demo/hello x 1.0 -o ''\n"_s.arg(kScripts);
        const Run run = shell(zsh, {u"-f"_s, u"-c"_s, drive});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QStringList blocks = run.out().split(u"---\n"_s);
        QVERIFY2(blocks.size() == 4, qPrintable(run.describe()));
        QCOMPARE(sorted(blocks[0].split(u'\n', Qt::SkipEmptyParts)), listed());
        QVERIFY2(blocks[1].startsWith(u"--account:"_s), qPrintable(blocks[1]));
        QCOMPARE(blocks[2], u"_files -/\n"_s);
    }

    void fishScriptCompletesThroughTheBinary()
    {
        const QString fish = QStandardPaths::findExecutable(u"fish"_s);
        if (fish.isEmpty())
            QSKIP("fish is not installed (packaging/debian-deps.txt lists it)");
        QVERIFY2(shell(fish, {u"-n"_s, kScripts + u"stevedore.fish"_s}).exitCode == 0, "fish -n");
        const QString drive =
            u"source '%1stevedore.fish'; complete -C 'stevedore list demo/hello '"_s.arg(kScripts);
        const Run run = shell(fish, {u"--no-config"_s, u"-c"_s, drive});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QStringList names;
        for (const QString &line : run.out().split(u'\n', Qt::SkipEmptyParts))
            names << line.section(u'\t', 0, 0);
        QCOMPARE(sorted(names), listed());
    }
};

QTEST_GUILESS_MAIN(TestCliCompletion)
#include "TestCliCompletion.moc"
