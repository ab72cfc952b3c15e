// The real `stevedore` in a German session (LANG, LC_ALL and LANGUAGE as a German desktop sets
// them): its help, its command-line errors and GitLab's errors in German; in the C locale, or
// a language Stevedore has no translation for, English. JSON keys and values for scripts stay
// the same in every language.
#include "CliTestSupport.h"
#include "DemoData.h"
#include "SimServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore::CliTest;
using namespace stevedore::test::demo;
using namespace Qt::StringLiterals;

class TestCliGerman final : public QObject
{
    Q_OBJECT

    stevedore::test::ScopedSim m_sim;
    QTemporaryDir m_root;

    QProcessEnvironment inLanguage(const QString &locale, const QString &language) const
    {
        QProcessEnvironment environment = isolatedEnvironment(m_root.path());
        environment.insert(u"LANG"_s, locale);
        environment.insert(u"LC_ALL"_s, locale);
        environment.insert(u"LANGUAGE"_s, language);
        return environment;
    }
    QProcessEnvironment german() const { return inLanguage(u"de_DE.UTF-8"_s, u"de"_s); }

    QProcessEnvironment germanWithToken() const
    {
        QProcessEnvironment environment = german();
        environment.insert(u"GITLAB_HOST"_s, m_sim->baseUrl().toString());
        environment.insert(u"GITLAB_TOKEN"_s, kPat);
        return environment;
    }

    Run run(const QStringList &arguments, const QProcessEnvironment &environment) const
    {
        return runStevedore(arguments, environment, m_root.path());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(m_sim.startDemo());
    }

    void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }

    void helpIsGerman()
    {
        const Run help = run({u"--help"_s}, german());
        QVERIFY2(help.exitCode == 0, qPrintable(help.describe()));
        QVERIFY2(help.out().startsWith(u"Aufruf: "_s), qPrintable(help.describe()));
        QVERIFY2(help.out().contains(u"\nOptionen:\n"_s), qPrintable(help.describe()));
        QVERIFY2(help.out().contains(u"die Konten auflisten"_s), qPrintable(help.describe()));
        QVERIFY2(!help.out().contains(u"Usage"_s), qPrintable(help.describe()));

        const Run publish = run({u"publish"_s, u"--help"_s}, german());
        QVERIFY2(publish.exitCode == 0, qPrintable(publish.describe()));
        QVERIFY2(publish.out().contains(u"PROJEKT NAME VERSION DATEI..."_s),
                 qPrintable(publish.describe()));
        // The options every command takes, too (they are made after the translations are in).
        QVERIFY2(publish.out().contains(u"--max-wait SEKUNDEN"_s), qPrintable(publish.describe()));
        QVERIFY2(publish.out().contains(u"neu beginnen, statt"_s), qPrintable(publish.describe()));
    }

    void commandLineErrorsAreGerman()
    {
        const Run unknown = run({u"frobnicate"_s}, german());
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err().contains(u"unbekannter Befehl 'frobnicate'"_s),
                 qPrintable(unknown.describe()));

        const Run noAccount = run({u"list"_s, kProject}, german());
        QVERIFY2(noAccount.exitCode != 0, qPrintable(noAccount.describe()));
        QVERIFY2(noAccount.err().contains(u"Es ist kein GitLab-Konto eingerichtet"_s),
                 qPrintable(noAccount.describe()));
    }

    void aMissingWindowIsToldInGerman()
    {
        const QString alone = m_root.filePath(u"alone/stevedore"_s);
        QVERIFY(QDir().mkpath(QFileInfo(alone).absolutePath()));
        QVERIFY(QFile::copy(QStringLiteral(STEVEDORE_EXECUTABLE), alone));
        const Run window = runProgram(alone, {}, german(), m_root.path());
        QCOMPARE(window.exitCode, 1);
        QVERIFY2(window.err().contains(u"Das Fenster konnte nicht gestartet werden"_s),
                 qPrintable(window.describe()));
    }

    void gitLabsAnswersAreToldInGerman()
    {
        const Run missing = run({u"list"_s, u"demo/nowhere"_s}, germanWithToken());
        QCOMPARE(missing.exitCode, 4);
        QVERIFY2(missing.err().contains(u"Das Projekt existiert nicht"_s),
                 qPrintable(missing.describe()));
    }

    void jsonIsTheSameInEveryLanguage()
    {
        const Run accounts = run({u"--json"_s, u"accounts"_s}, germanWithToken());
        QVERIFY2(accounts.exitCode == 0, qPrintable(accounts.describe()));
        const QJsonArray list = accounts.json().array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first()[u"source"_s].toString(), u"environment"_s);

        const Run text = run({u"accounts"_s}, germanWithToken());
        QVERIFY2(text.out().contains(u"Umgebung"_s), qPrintable(text.describe()));
    }

    void otherLanguagesFallBackToEnglish_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("language");
        QTest::newRow("C") << u"C.UTF-8"_s << QString();
        QTest::newRow("French") << u"fr_FR.UTF-8"_s << u"fr"_s;
    }

    void otherLanguagesFallBackToEnglish()
    {
        QFETCH(QString, locale);
        QFETCH(QString, language);
        const Run unknown = run({u"frobnicate"_s}, inLanguage(locale, language));
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err().contains(u"unknown command 'frobnicate'"_s),
                 qPrintable(unknown.describe()));
        const Run help = run({u"--help"_s}, inLanguage(locale, language));
        QVERIFY2(help.out().startsWith(u"Usage: "_s), qPrintable(help.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCliGerman)
#include "TestCliGerman.moc"
