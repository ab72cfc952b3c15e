// The two executables: `stevedore` runs commands without Qt Gui or Widgets, and without a
// command hands the process, arguments unchanged, to `stevedore-window`.
#include "CliTestSupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore::CliTest;

class TestCliExecutable : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;

    QProcessEnvironment environment() const
    {
        return cleanEnvironment(QProcessEnvironment::systemEnvironment());
    }

    // A copy of stevedore alone in a folder, so that what sits beside it is the test's choice.
    QString copyOfStevedore(const QString &folderName)
    {
        const QString folder = m_folder.filePath(folderName);
        if (!QDir().mkpath(folder))
            return {};
        const QString copy = folder + QStringLiteral("/stevedore");
        if (!QFile::copy(QStringLiteral(STEVEDORE_EXECUTABLE), copy))
            return {};
        return copy;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_folder.isValid()); }

    void commandLineLoadsNeitherQtGuiNorWidgetsNorLibcurl()
    {
        const Run ldd = runProgram(QStringLiteral("ldd"), {QStringLiteral(STEVEDORE_EXECUTABLE)},
                                   environment(), m_folder.path());
        QVERIFY2(ldd.exitCode == 0, qPrintable(ldd.describe()));
        QVERIFY2(ldd.out().contains(QLatin1String("libQt6Network")), qPrintable(ldd.out()));
        QVERIFY2(!ldd.out().contains(QLatin1String("libQt6Gui")), qPrintable(ldd.out()));
        QVERIFY2(!ldd.out().contains(QLatin1String("libQt6Widgets")), qPrintable(ldd.out()));
        // libcurl is loaded by the first upload, not at start (its dependencies cost more than
        // the rest of a command's start).
        QVERIFY2(!ldd.out().contains(QLatin1String("libcurl")), qPrintable(ldd.out()));
    }

    void withoutACommandTheWindowExecutableTakesOverWithTheSameArguments()
    {
        const QString stevedore = copyOfStevedore(QStringLiteral("handover"));
        QVERIFY(!stevedore.isEmpty());
        QFile window(QFileInfo(stevedore).dir().filePath(QStringLiteral("stevedore-window")));
        QVERIFY(window.open(QIODevice::WriteOnly));
        window.write("#!/bin/sh\nprintf 'window:%s\\n' \"$@\"\nexit 7\n");
        window.close();
        QVERIFY(window.setPermissions(window.permissions() | QFile::ExeOwner));

        const QStringList arguments{QStringLiteral("--url"), QStringLiteral("https://gitlab.test"),
                                    QStringLiteral("--project"), QStringLiteral("a b/c")};
        const Run run = runProgram(stevedore, arguments, environment(), m_folder.path());
        QVERIFY2(run.exitCode == 7, qPrintable(run.describe()));
        QCOMPARE(run.out(), QStringLiteral("window:--url\nwindow:https://gitlab.test\n"
                                           "window:--project\nwindow:a b/c\n"));
    }

    void aMissingWindowExecutableIsReportedAndCommandsStillWork()
    {
        const QString stevedore = copyOfStevedore(QStringLiteral("alone"));
        QVERIFY(!stevedore.isEmpty());
        const Run window = runProgram(stevedore, {}, environment(), m_folder.path());
        QVERIFY2(window.exitCode == 1, qPrintable(window.describe()));
        QVERIFY2(window.err().contains(QLatin1String("the window could not be started")),
                 qPrintable(window.describe()));
        QVERIFY2(window.err().contains(QLatin1String("stevedore --help")),
                 qPrintable(window.describe()));

        const Run version =
            runProgram(stevedore, {QStringLiteral("--version")}, environment(), m_folder.path());
        QVERIFY2(version.exitCode == 0, qPrintable(version.describe()));
        QVERIFY2(version.out().startsWith(QLatin1String("stevedore ")),
                 qPrintable(version.describe()));
    }

    void theWindowExecutableRefusesCommands()
    {
        const Run run = runProgram(QStringLiteral(STEVEDORE_WINDOW_EXECUTABLE),
                                   {QStringLiteral("accounts")}, environment(), m_folder.path());
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(run.err().contains(QLatin1String("run commands with stevedore")),
                 qPrintable(run.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCliExecutable)
#include "TestCliExecutable.moc"
