// The window with the real keychain store and no keychain to talk to: DBUS_SESSION_BUS_ADDRESS
// points at a socket that does not exist (set by CTest). Opening "Add account" says, in the
// dialog and in the status bar, that a token saved now lasts for this session only.
#include "DemoData.h"
#include "MainWindow.h"
#include "ScriptedDialogs.h"
#include "SimServer.h"
#include "account/AccountStore.h"
#include "account/KeychainSecretStore.h"

#include <QAction>
#include <QDialog>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using Stevedore::GuiTest::ScriptedDialogs;
using stevedore::test::ScopedSim;
using namespace stevedore::test::demo;

class TestWindowWithoutKeychain : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ScopedSim m_sim;

private Q_SLOTS:
    void initTestCase()
    {
        const QString bus = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
        QVERIFY2(bus.startsWith(QLatin1String("unix:path=")) && !QFileInfo::exists(bus.mid(10)),
                 "CTest sets DBUS_SESSION_BUS_ADDRESS to a socket that does not exist");
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("StevedoreTests"));
        QCoreApplication::setApplicationName(QStringLiteral("TestWindowWithoutKeychain"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        QVERIFY(m_sim.startDemo());
    }

    void addAccountWarnsThatTheTokenWouldNotBeKept()
    {
        AccountStore accounts(std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("accounts.ini")), QSettings::IniFormat));
        KeychainSecretStore keychain;
        ScriptedDialogs dialogs;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("GITLAB_HOST"), m_sim->baseUrl().toString());
        environment.insert(QStringLiteral("GITLAB_TOKEN"), kPat);
        LaunchOptions launch;
        launch.serverUrl = m_sim->baseUrl();
        launch.projectPath = kProject;
        MainWindow window(launch, {&accounts, &keychain, &dialogs,
                                   m_dir.filePath(QStringLiteral("queue.jsonl")), environment});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *warning = window.findChild<QLabel *>(QStringLiteral("warningLabel"));
        QVERIFY(warning);

        window.findChild<QAction *>(QStringLiteral("actionAddAccount"))->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = window.findChild<QDialog *>(QStringLiteral("accountDialog"))) != nullptr,
            10000);
        auto *banner = dialog->findChild<QLabel *>(QStringLiteral("keychainBanner"));
        QVERIFY(banner);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
        QVERIFY2(banner->text().contains(QStringLiteral("session only")),
                 qPrintable(banner->text()));
        QVERIFY2(warning->text().contains(QStringLiteral("No keychain")),
                 qPrintable(warning->text()));
        dialog->reject();
    }

    void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }
};

QTEST_MAIN(TestWindowWithoutKeychain)
#include "TestWindowWithoutKeychain.moc"
