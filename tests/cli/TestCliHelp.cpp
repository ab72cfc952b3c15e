// What the command line says about itself: `stevedore --help`, every command's --help and the
// man page the build writes with `stevedore __man` all list what CommandCatalog holds, and the
// man page renders without warnings.
#include "CliTestSupport.h"
#include "cli/CommandCatalog.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore::CliTest;
using Stevedore::CommandCatalog;
using namespace Qt::StringLiterals;

namespace {

// roff's spelling of an option or a name in the man page: hyphens as \-, in bold.
QString inRoff(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'-', u"\\-"_s);
    return u"\\fB"_s + escaped + u"\\fR"_s;
}

} // namespace

class TestCliHelp : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;

    Run run(const QStringList &arguments)
    {
        return runStevedore(arguments, cleanEnvironment(QProcessEnvironment::systemEnvironment()),
                            m_folder.path());
    }

    static QString manPage()
    {
        QFile file(QStringLiteral(STEVEDORE_MAN_PAGE));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_folder.isValid()); }

    void helpListsTheCommandsWithTheirSummaries()
    {
        const Run help = run({u"--help"_s});
        QVERIFY2(help.exitCode == 0, qPrintable(help.describe()));
        for (const CommandCatalog::Command &command : CommandCatalog::commands()) {
            QVERIFY2(help.out().contains(u"\n  "_s + command.name + u' '),
                     qPrintable(command.name));
            QVERIFY2(help.out().contains(command.summary), qPrintable(command.summary));
        }
        QVERIFY2(!help.out().contains(CommandCatalog::ManCommand), qPrintable(help.out()));
        QVERIFY2(!help.out().contains(CommandCatalog::CompleteCommand), qPrintable(help.out()));
    }

    void everyCommandHelpListsEveryOptionItAcceptsAligned()
    {
        for (const CommandCatalog::Command &command : CommandCatalog::commands()) {
            const Run help = run({command.name, u"--help"_s});
            QVERIFY2(help.exitCode == 0, qPrintable(help.describe()));
            QVERIFY2(help.out().startsWith(u"Usage: stevedore "_s + command.name),
                     qPrintable(help.describe()));
            const QStringList lines = help.out().split(u'\n');
            qsizetype descriptionColumn = -1;
            for (const CommandCatalog::Option &option : command.acceptedOptions()) {
                const QString row = u"  "_s + option.syntax() + u"  "_s;
                const auto line = std::find_if(lines.cbegin(), lines.cend(),
                                               [&](const QString &l) { return l.startsWith(row); });
                QVERIFY2(line != lines.cend(),
                         qPrintable(option.syntax() + u" missing:\n"_s + help.out()));
                qsizetype column = row.size();
                while (column < line->size() && line->at(column) == u' ')
                    ++column;
                if (descriptionColumn < 0)
                    descriptionColumn = column;
                QVERIFY2(column == descriptionColumn, qPrintable(help.out()));
            }
            // The options that matter to scripts are where they are accepted.
            for (const QString &expected : {u"--url URL"_s, u"--account NAME"_s, u"--json"_s,
                                            u"--quiet"_s, u"--max-wait SECONDS"_s}) {
                QVERIFY2(help.out().contains(u"\n  "_s + expected), qPrintable(help.out()));
            }
            for (const QString &line : lines)
                QVERIFY2(line.size() <= 79, qPrintable(line));
        }
        const Run download = run({u"download"_s, u"--help"_s});
        QVERIFY2(download.out().contains(u"\n  -o, --output DIR  "_s), qPrintable(download.out()));
        QVERIFY2(!download.out().contains(u"--output FORMAT"_s), qPrintable(download.out()));
        const Run publish = run({u"publish"_s, u"--help"_s});
        QVERIFY2(publish.out().contains(u"\n  --output FORMAT  "_s), qPrintable(publish.out()));
    }

    void everyOptionInTheHelpIsAccepted()
    {
        // An option the help shows but the parser refuses would fail with "Unknown option".
        for (const CommandCatalog::Command &command : CommandCatalog::commands()) {
            for (const CommandCatalog::Option &option : command.acceptedOptions()) {
                QStringList arguments{command.name, option.dashedNames().constLast()};
                if (!option.valueName.isEmpty())
                    arguments << u"x"_s;
                arguments << u"--help"_s;
                const Run help = run(arguments);
                QVERIFY2(help.exitCode == 0, qPrintable(help.describe()));
            }
        }
    }

    void manPageListsEveryCommandOptionVariableAndExitCode()
    {
        const QString page = manPage();
        QVERIFY2(!page.isEmpty(), STEVEDORE_MAN_PAGE);
        for (const CommandCatalog::Command &command : CommandCatalog::commands()) {
            QVERIFY2(page.contains(u".TP\n"_s + inRoff(command.name)), qPrintable(command.name));
            for (const CommandCatalog::Option &option : command.acceptedOptions()) {
                for (const QString &name : option.dashedNames())
                    QVERIFY2(page.contains(inRoff(name)), qPrintable(command.name + u' ' + name));
            }
        }
        for (const CommandCatalog::Option &option : CommandCatalog::globalOptions()) {
            for (const QString &name : option.dashedNames())
                QVERIFY2(page.contains(inRoff(name)), qPrintable(name));
        }
        const QStringList required{
            u"GITLAB_HOST"_s,   u"GITLAB_TOKEN"_s,  u"CI_API_V4_URL"_s,
            u"CI_JOB_TOKEN"_s,  u"CI_PROJECT_ID"_s, u"CI_SERVER_TLS_CA_FILE"_s,
            u"SSL_CERT_FILE"_s, u"https_proxy"_s,   u"no_proxy"_s};
        for (const QString &variable : required)
            QVERIFY2(page.contains(inRoff(variable)), qPrintable(variable));
        for (const CommandCatalog::EnvironmentVariable &variable : CommandCatalog::environment()) {
            for (const QString &name : variable.names)
                QVERIFY2(page.contains(inRoff(name)), qPrintable(name));
        }
        for (int code = 0; code <= 4; ++code)
            QVERIFY2(page.contains(u".TP\n"_s + inRoff(QString::number(code)) + u'\n'),
                     qPrintable(QString::number(code)));
        QVERIFY(!page.contains(u"not implemented"_s, Qt::CaseInsensitive));
    }

    void manPageIsWhatTheBinaryPrints()
    {
        const Run man = run({CommandCatalog::ManCommand});
        QVERIFY2(man.exitCode == 0, qPrintable(man.describe()));
        QCOMPARE(man.out(), manPage());
    }

    void manPageRendersWithoutWarnings()
    {
        const QProcessEnvironment environment =
            cleanEnvironment(QProcessEnvironment::systemEnvironment());
        const Run lint = runProgram(
            u"groff"_s, {u"-man"_s, u"-ww"_s, u"-z"_s, QStringLiteral(STEVEDORE_MAN_PAGE)},
            environment, m_folder.path());
        QVERIFY2(lint.exitCode == 0 && lint.err().isEmpty(), qPrintable(lint.describe()));

        const Run text = runProgram(
            u"groff"_s, {u"-man"_s, u"-Tutf8"_s, u"-P-cbou"_s, QStringLiteral(STEVEDORE_MAN_PAGE)},
            environment, m_folder.path());
        QVERIFY2(text.exitCode == 0 && text.err().isEmpty(), qPrintable(text.describe()));
        QVERIFY2(text.out().contains(u"EXIT STATUS"_s), qPrintable(text.out()));
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "TestCliHelp.moc"
