// The window in German: started with LANG=de_DE.UTF-8 (CMakeLists sets the environment), it
// installs its translations as stevedore-window does, opens gitlab-sim's demo project and shows
// German menus, with no two entries of one menu sharing an accelerator key.
#include "DemoData.h"
#include "MainWindow.h"
#include "ScriptedDialogs.h"
#include "SimServer.h"
#include "account/MemorySecretStore.h"
#include "core/Translations.h"

#include <QAction>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;
using Stevedore::GuiTest::ScriptedDialogs;
using stevedore::test::ScopedSim;
using namespace stevedore::test::demo;

namespace {

// The accelerator key of a menu text ("&Datei" → 'd'), or a null QChar without one.
QChar accelerator(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) != u'&')
            return text.at(i + 1).toLower();
        ++i; // "&&" is a literal ampersand
    }
    return {};
}

// The texts in `actions` whose accelerator another one has already.
QStringList clashes(const QList<QAction *> &actions)
{
    QHash<QChar, QString> taken;
    QStringList found;
    for (const QAction *action : actions) {
        const QChar key = accelerator(action->text());
        if (action->isSeparator() || key.isNull())
            continue;
        if (taken.contains(key))
            found << taken.value(key) + u" / "_s + action->text();
        taken.insert(key, action->text());
    }
    return found;
}

} // namespace

class TestGermanWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void menusAreGerman();
    void noTwoEntriesOfAMenuShareAnAccelerator();
    void theStatusBarSpeaksGerman();

private:
    QTemporaryDir m_dir;
    ScopedSim m_sim;
    std::unique_ptr<AccountStore> m_accounts;
    MemorySecretStore m_secrets;
    ScriptedDialogs m_dialogs;
    std::unique_ptr<MainWindow> m_window;
};

void TestGermanWindow::initTestCase()
{
    QCOMPARE(qEnvironmentVariable("LANG"), u"de_DE.UTF-8"_s);
    QCOMPARE(installTranslations(QLocale::system()), u"de"_s);

    QCoreApplication::setOrganizationName(u"StevedoreTests"_s);
    QCoreApplication::setApplicationName(u"TestGermanWindow"_s);
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(u"settings"_s));
    QVERIFY(m_sim.startDemo());
    m_accounts = std::make_unique<AccountStore>(
        std::make_unique<QSettings>(m_dir.filePath(u"accounts.ini"_s), QSettings::IniFormat));
    QProcessEnvironment environment;
    environment.insert(u"GITLAB_HOST"_s, m_sim->baseUrl().toString());
    environment.insert(u"GITLAB_TOKEN"_s, kPat);
    LaunchOptions launch;
    launch.serverUrl = m_sim->baseUrl();
    launch.projectPath = kProject;
    m_window = std::make_unique<MainWindow>(
        launch, MainWindow::Services{m_accounts.get(), &m_secrets, &m_dialogs,
                                     m_dir.filePath(u"queue.jsonl"_s), environment});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProjectPath(), kProject, 30000);
}

void TestGermanWindow::cleanupTestCase()
{
    m_window.reset();
    QCOMPARE(m_sim.stop(), 0);
}

void TestGermanWindow::menusAreGerman()
{
    QStringList titles;
    for (const QAction *menu : m_window->menuBar()->actions())
        titles << menu->text();
    QCOMPARE(titles, (QStringList{u"&Datei"_s, u"&Bearbeiten"_s, u"&Ansicht"_s, u"&Hilfe"_s}));
    const auto *publish = m_window->findChild<QAction *>(u"actionPublish"_s);
    QVERIFY(publish);
    QCOMPARE(publish->text(), u"Dateien &veröffentlichen …"_s);
    const auto *quit = m_window->findChild<QAction *>(u"actionQuit"_s);
    QVERIFY(quit);
    QCOMPARE(quit->text(), u"&Beenden"_s);
    // A shortcut stays the one the code gives, whatever the language.
    const auto *download = m_window->findChild<QAction *>(u"actionDownload"_s);
    QVERIFY(download);
    QCOMPARE(download->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
}

void TestGermanWindow::noTwoEntriesOfAMenuShareAnAccelerator()
{
    const QList<QAction *> menus = m_window->menuBar()->actions();
    QVERIFY2(clashes(menus).isEmpty(), qPrintable(clashes(menus).join(u", "_s)));
    for (const QAction *menu : menus) {
        QVERIFY(menu->menu());
        const QList<QAction *> entries = menu->menu()->actions();
        QVERIFY(entries.size() >= 2);
        QVERIFY2(clashes(entries).isEmpty(), qPrintable(clashes(entries).join(u", "_s)));
    }
}

void TestGermanWindow::theStatusBarSpeaksGerman()
{
    const auto *network = m_window->findChild<QLabel *>(u"networkLabel"_s);
    QVERIFY(network);
    QTRY_COMPARE_WITH_TIMEOUT(network->text(), u"Online"_s, 30000);
    QCOMPARE(network->toolTip(), u"Der Server hat die letzte Anfrage beantwortet."_s);
    const auto *identity = m_window->findChild<QLabel *>(u"identityLabel"_s);
    QVERIFY(identity);
    QTRY_VERIFY_WITH_TIMEOUT(identity->text().contains(u" auf "_s), 30000);
}

QTEST_MAIN(TestGermanWindow)
#include "TestGermanWindow.moc"
