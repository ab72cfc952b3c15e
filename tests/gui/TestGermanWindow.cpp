// The window in German: started with LANG=de_DE.UTF-8 (CMakeLists sets the environment), it
// installs its translations as stevedore-window does, opens gitlab-sim's demo project and shows
// German menus, and no two entries of one menu, nor two fields or buttons of a dialog, share an
// accelerator key.
#include "AccountDialog.h"
#include "DemoData.h"
#include "MainWindow.h"
#include "PublishDialog.h"
#include "ScriptedDialogs.h"
#include "SimServer.h"
#include "account/MemorySecretStore.h"
#include "core/Translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialog>
#include <QFile>
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

// The texts whose accelerator an earlier one has already.
QStringList clashes(const QStringList &texts)
{
    QHash<QChar, QString> taken;
    QStringList found;
    for (const QString &text : texts) {
        const QChar key = accelerator(text);
        if (key.isNull())
            continue;
        if (taken.contains(key))
            found << taken.value(key) + u" / "_s + text;
        taken.insert(key, text);
    }
    return found;
}

QStringList textsOf(const QList<QAction *> &actions)
{
    QStringList texts;
    for (const QAction *action : actions) {
        if (!action->isSeparator())
            texts << action->text();
    }
    return texts;
}

// The texts of the labels and buttons `dialog` shows, where its accelerators are.
QStringList textsOf(const QDialog &dialog)
{
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->isVisibleTo(&dialog))
            texts << label->text();
    }
    for (const QAbstractButton *button : dialog.findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(&dialog))
            texts << button->text();
    }
    return texts;
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
    void noTwoFieldsOrButtonsOfADialogShareAnAccelerator();
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
    QVERIFY2(clashes(textsOf(menus)).isEmpty(), qPrintable(clashes(textsOf(menus)).join(u", "_s)));
    for (const QAction *menu : menus) {
        QVERIFY(menu->menu());
        const QStringList entries = textsOf(menu->menu()->actions());
        QVERIFY(entries.size() >= 2);
        QVERIFY2(clashes(entries).isEmpty(), qPrintable(clashes(entries).join(u", "_s)));
    }
}

void TestGermanWindow::noTwoFieldsOrButtonsOfADialogShareAnAccelerator()
{
    AccountDialog account(m_dialogs);
    account.show();
    QVERIFY(QTest::qWaitForWindowExposed(&account));
    QVERIFY(textsOf(account).contains(u"GitLab-&URL:"_s));
    QVERIFY2(clashes(textsOf(account)).isEmpty(),
             qPrintable(clashes(textsOf(account)).join(u", "_s)));

    const QString file = m_dir.filePath(u"notes.txt"_s);
    QFile notes(file);
    QVERIFY(notes.open(QIODevice::WriteOnly) && notes.write("notes\n") == 6);
    notes.close();
    PublishDialog publish(m_dialogs, {file});
    publish.show();
    QVERIFY(QTest::qWaitForWindowExposed(&publish));
    QVERIFY(textsOf(publish).contains(u"&Paket:"_s));
    QTRY_VERIFY(textsOf(publish).contains(u"1 Datei &veröffentlichen"_s));
    QVERIFY2(clashes(textsOf(publish)).isEmpty(),
             qPrintable(clashes(textsOf(publish)).join(u", "_s)));
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
