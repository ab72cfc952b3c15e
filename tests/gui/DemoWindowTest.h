#pragma once

// What the window tests share: the real MainWindow against gitlab-sim --demo, signed in through
// an environment account (GITLAB_HOST, GITLAB_TOKEN) and opened on demo/hello, with its
// settings, account list and transfer journal in a folder of its own. A test class derives
// from DemoWindowTest, calls prepareFolder() in init() and closeDemoWindow() in cleanup(), and
// starts m_sim (with the faults it wants) before openDemoWindow(). A failing step fails the
// calling test function.

#include "DemoData.h"
#include "Http.h"
#include "MainWindow.h"
#include "ScriptedDialogs.h"
#include "SimServer.h"
#include "account/AccountStore.h"
#include "account/MemorySecretStore.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace Stevedore::GuiTest {

class DemoWindowTest : public QObject
{
protected:
    // In initTestCase(): settings are then the test program's own.
    static void nameApplication(const QString &testName)
    {
        QCoreApplication::setOrganizationName(QStringLiteral("StevedoreTests"));
        QCoreApplication::setApplicationName(testName);
    }

    // In init(): a fresh folder, and QSettings pointed into it and emptied.
    void prepareFolder()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir->filePath(QStringLiteral("settings")));
        QSettings().clear();
    }

    // Publishes `content` as `file` of demo/hello's `package` `version`, straight to m_sim.
    void publishDemoFile(const QString &package, const QString &version, const QString &file,
                         const QByteArray &content)
    {
        const QByteArray target = "/api/v4/projects/demo%2Fhello/packages/generic/"
                                  + package.toUtf8() + '/' + version.toUtf8() + '/' + file.toUtf8();
        const stevedore::test::HttpReply reply =
            stevedore::test::Http(m_sim->baseUrl())
                .put(target, content, {{"PRIVATE-TOKEN", stevedore::test::demo::kPat.toUtf8()}});
        QVERIFY2(reply.status == 201, qPrintable(reply.describe()));
    }

    // The window on demo/hello, signed in to m_sim with `token`; returns once it is exposed.
    void openDemoWindow(const QString &token = stevedore::test::demo::kPat)
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("GITLAB_HOST"), m_sim->baseUrl().toString());
        environment.insert(QStringLiteral("GITLAB_TOKEN"), token);
        LaunchOptions launch;
        launch.serverUrl = m_sim->baseUrl();
        launch.projectPath = stevedore::test::demo::kProject;
        openWindowWith(environment, launch);
    }

    // The window with the accounts `environment` makes, opened as `launch` says.
    void openWindowWith(const QProcessEnvironment &environment, const LaunchOptions &launch)
    {
        m_accounts = std::make_unique<AccountStore>(std::make_unique<QSettings>(
            m_dir->filePath(QStringLiteral("accounts.ini")), QSettings::IniFormat));
        m_secrets = std::make_unique<MemorySecretStore>();
        m_dialogs = std::make_unique<ScriptedDialogs>();
        m_window = std::make_unique<MainWindow>(
            launch,
            MainWindow::Services{m_accounts.get(), m_secrets.get(), m_dialogs.get(),
                                 m_dir->filePath(QStringLiteral("queue.json")), environment});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    // In cleanup(): the window closed, the simulator stopped (it must exit cleanly), the folder
    // removed.
    void closeDemoWindow()
    {
        m_window.reset();
        m_dialogs.reset();
        m_secrets.reset();
        m_accounts.reset();
        QCOMPARE(m_sim.stop(), 0);
        m_sim.reset();
        m_dir.reset();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    stevedore::test::ScopedSim m_sim;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ScriptedDialogs> m_dialogs;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace Stevedore::GuiTest
