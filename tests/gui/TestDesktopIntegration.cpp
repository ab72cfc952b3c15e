// The window and the desktop over D-Bus: notifications (org.freedesktop.Notifications) while the
// window is in the background, and the queue's progress on the taskbar
// (com.canonical.Unity.LauncherEntry). The test runs in its own dbus-run-session; a fake
// notification service in this process, on a connection of its own, records what it is sent.

#include "DemoData.h"
#include "DemoWindowTest.h"
#include "MainWindow.h"
#include "ScriptedDialogs.h"
#include "SimServer.h"
#include "account/EnvironmentAccounts.h"
#include "account/MemorySecretStore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDir>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;
using Stevedore::GuiTest::DemoWindowTest;
using Stevedore::GuiTest::ScriptedDialogs;
using stevedore::test::ScopedSim;
using namespace stevedore::test::demo;

namespace {

constexpr int kTimeout = 30000;
const QString kAccount = QLatin1String(EnvironmentAccounts::kGitLabHostName);
const QString kNotificationsPath = u"/org/freedesktop/Notifications"_s;
const QString kNotificationsInterface = u"org.freedesktop.Notifications"_s;

} // namespace

// Stands in for the desktop's notification server: records every Notify call.
class FakeNotificationServer final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        uint id;
        QString appName;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(expireTimeout)
        const uint id = uint(calls.size()) + 100;
        calls.append({id, appName, appIcon, summary, body, actions, hints});
        return id;
    }
    QStringList GetCapabilities() { return {u"body"_s, u"actions"_s}; }
};

// Listens to the taskbar's Update signals, whoever sends them.
class LauncherEntryListener final : public QObject
{
    Q_OBJECT

public:
    struct Update
    {
        QString app;
        QVariantMap properties;
    };
    QList<Update> updates;

public Q_SLOTS:
    void onUpdate(const QString &app, const QVariantMap &properties)
    {
        updates.append({app, properties});
    }
};

class TestDesktopIntegration final : public DemoWindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void notifiesOnlyWhileTheWindowIsInTheBackground();
    void failuresAreToldOnceEachOrGathered();
    void taskbarShowsTheQueuesProgressAndClearsIt();

private:
    void openWindow(const QStringList &simFaults = {});
    void putWindowInTheBackground();
    QString writeFile(const QString &name, const QByteArray &content);
    TransferItem uploadOf(const QString &localPath, const QString &version) const;

    QDBusConnection m_serverBus{QString()};
    FakeNotificationServer m_server;
    std::unique_ptr<QWidget> m_otherWindow;
};

void TestDesktopIntegration::initTestCase()
{
    nameApplication(u"TestDesktopIntegration"_s);
    QVERIFY2(QDBusConnection::sessionBus().isConnected(),
             "no session bus: CTest runs this test inside dbus-run-session");
    m_serverBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake-server"_s);
    QVERIFY(m_serverBus.isConnected());
    QVERIFY(
        m_serverBus.registerObject(kNotificationsPath, &m_server, QDBusConnection::ExportAllSlots));
    QVERIFY2(m_serverBus.registerService(kNotificationsInterface),
             qPrintable(m_serverBus.lastError().message()));
}

void TestDesktopIntegration::init()
{
    m_server.calls.clear();
    prepareFolder();
}

void TestDesktopIntegration::cleanup()
{
    m_otherWindow.reset();
    closeDemoWindow();
}

void TestDesktopIntegration::openWindow(const QStringList &simFaults)
{
    QVERIFY(m_sim.startDemo(simFaults));
    openDemoWindow();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session().apiFor(kAccount) != nullptr, kTimeout);
}

// Another window of the desktop takes the focus.
void TestDesktopIntegration::putWindowInTheBackground()
{
    m_otherWindow = std::make_unique<QWidget>();
    m_otherWindow->resize(200, 100);
    m_otherWindow->show();
    m_otherWindow->activateWindow();
    QTRY_VERIFY_WITH_TIMEOUT(m_otherWindow->isActiveWindow(), kTimeout);
    QVERIFY(!m_window->isActiveWindow());
}

QString TestDesktopIntegration::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(u"local/"_s + name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

TransferItem TestDesktopIntegration::uploadOf(const QString &localPath,
                                              const QString &version) const
{
    TransferItem item;
    item.direction = TransferDirection::Upload;
    item.accountId = kAccount;
    item.target = {kProject, u"notes"_s, version, QFileInfo(localPath).fileName()};
    item.localPath = localPath;
    return item;
}

void TestDesktopIntegration::notifiesOnlyWhileTheWindowIsInTheBackground()
{
    openWindow();
    TransferQueue &queue = m_window->transfers();

    // In front: the finished queue is visible in the window, nothing is sent to the desktop.
    m_window->activateWindow();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isActiveWindow(), kTimeout);
    const QString first = writeFile(u"first.txt"_s, "first\n");
    queue.add({uploadOf(first, u"1.0.0"_s)});
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle() && queue.items().constFirst().isFinal(), kTimeout);
    QCOMPARE(queue.items().constFirst().state, TransferState::Done);

    // In the background: one notification for the run. Calls from the window arrive in order,
    // so a call made for the first run would be recorded before this one.
    putWindowInTheBackground();
    queue.add({uploadOf(writeFile(u"a.txt"_s, "a\n"), u"1.0.1"_s),
               uploadOf(writeFile(u"b.txt"_s, "b\n"), u"1.0.1"_s),
               uploadOf(writeFile(u"c.txt"_s, "c\n"), u"1.0.1"_s)});
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle() && queue.items().constLast().isFinal(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!m_server.calls.isEmpty(), kTimeout);
    QCOMPARE(m_server.calls.size(), 1);
    const FakeNotificationServer::Call call = m_server.calls.constFirst();
    QVERIFY2(QRegularExpression(u"^3 file(s|\\(s\\)) published to notes 1\\.0\\.1$"_s)
                 .match(call.summary)
                 .hasMatch(),
             qPrintable(call.summary));
    QVERIFY2(call.body.contains(kProject), qPrintable(call.body));
    QCOMPARE(call.appName, u"Stevedore"_s);
    QCOMPARE(call.appIcon, u"io.stevedore.Stevedore"_s);
    QCOMPARE(call.hints.value(u"desktop-entry"_s).toString(), u"io.stevedore.Stevedore"_s);
    QCOMPARE(call.hints.value(u"category"_s).toString(), u"transfer.complete"_s);
    QVERIFY(call.actions.size() == 2 && call.actions.constFirst() == u"default"_s);

    // Clicking the notification brings the window back.
    QDBusMessage clicked =
        QDBusMessage::createSignal(kNotificationsPath, kNotificationsInterface, u"ActionInvoked"_s);
    clicked << call.id << u"default"_s;
    QVERIFY(m_serverBus.send(clicked));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isActiveWindow(), kTimeout);

    // Turned off in the View menu (and remembered): a run in the background says nothing, which
    // the run after it, with notifications on again, shows.
    auto *enabled = m_window->findChild<QAction *>(u"actionNotifications"_s);
    QVERIFY(enabled && enabled->isCheckable() && enabled->isChecked());
    enabled->trigger();
    QCOMPARE(QSettings().value(u"Notifications/enabled"_s).toBool(), false);
    putWindowInTheBackground();
    queue.add({uploadOf(writeFile(u"quiet.txt"_s, "quiet\n"), u"1.0.2"_s)});
    QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle() && queue.items().constLast().isFinal(), kTimeout);
    enabled->trigger();
    queue.add({uploadOf(writeFile(u"loud.txt"_s, "loud\n"), u"1.0.3"_s)});
    QTRY_VERIFY_WITH_TIMEOUT(m_server.calls.size() >= 2, kTimeout);
    QCOMPARE(m_server.calls.size(), 2);
    QVERIFY2(m_server.calls.constLast().summary.contains(u"1.0.3"_s),
             qPrintable(m_server.calls.constLast().summary));
}

void TestDesktopIntegration::failuresAreToldOnceEachOrGathered()
{
    // GitLab refuses every file named broken-*: the upload fails at once, without retries.
    openWindow({u"status=403:.*/broken-[0-9]\\.txt$:0"_s});
    putWindowInTheBackground();
    TransferQueue &queue = m_window->transfers();
    queue.add({uploadOf(writeFile(u"broken-1.txt"_s, "1\n"), u"2.0.0"_s),
               uploadOf(writeFile(u"good-1.txt"_s, "1\n"), u"2.0.0"_s),
               uploadOf(writeFile(u"broken-2.txt"_s, "2\n"), u"2.0.0"_s),
               uploadOf(writeFile(u"broken-3.txt"_s, "3\n"), u"2.0.0"_s),
               uploadOf(writeFile(u"good-2.txt"_s, "2\n"), u"2.0.0"_s)});
    const auto ranOut = [this] {
        return !m_server.calls.isEmpty()
               && m_server.calls.constLast().summary.contains(u" of 5 transfer"_s);
    };
    QTRY_VERIFY_WITH_TIMEOUT(ranOut(), kTimeout);
    QVERIFY(queue.isIdle());

    // The first failure is told at once, with GitLab's reason.
    const FakeNotificationServer::Call first = m_server.calls.constFirst();
    QCOMPARE(first.summary, u"Upload failed: broken-1.txt"_s);
    QVERIFY2(!first.body.isEmpty(), "the reason is missing");
    const auto *failed = queue.item(queue.items().constFirst().id);
    QCOMPARE(first.body, failed->errorMessage);

    // The next two fail soon after: gathered into one notification, or into the run's.
    QVERIFY2(m_server.calls.size() == 2 || m_server.calls.size() == 3,
             qPrintable(QString::number(m_server.calls.size())));
    if (m_server.calls.size() == 3) {
        const FakeNotificationServer::Call gathered = m_server.calls.at(1);
        QVERIFY2(gathered.summary.startsWith(u"2 more transfer"_s), qPrintable(gathered.summary));
        QCOMPARE(gathered.body, u"broken-2.txt, broken-3.txt"_s);
    }
    const FakeNotificationServer::Call run = m_server.calls.constLast();
    QVERIFY2(
        QRegularExpression(u"^3 of 5 transfer(s|\\(s\\)) failed$"_s).match(run.summary).hasMatch(),
        qPrintable(run.summary));
    QCOMPARE(run.body, u"broken-1.txt, broken-2.txt, broken-3.txt"_s);
    for (const FakeNotificationServer::Call &call : std::as_const(m_server.calls))
        QCOMPARE(call.hints.value(u"category"_s).toString(), u"transfer.error"_s);
}

void TestDesktopIntegration::taskbarShowsTheQueuesProgressAndClearsIt()
{
    QDBusConnection listenerBus =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"listener"_s);
    LauncherEntryListener listener;
    QVERIFY(listenerBus.connect(QString(), QString(), u"com.canonical.Unity.LauncherEntry"_s,
                                u"Update"_s, &listener, SLOT(onUpdate(QString, QVariantMap))));
    openWindow();
    TransferQueue &queue = m_window->transfers();

    // Queued in a paused queue: the taskbar shows 0 % and the three files to go.
    queue.pause();
    queue.add({uploadOf(writeFile(u"one.bin"_s, QByteArray(200000, '1')), u"3.0.0"_s),
               uploadOf(writeFile(u"two.bin"_s, QByteArray(200000, '2')), u"3.0.0"_s),
               uploadOf(writeFile(u"three.bin"_s, QByteArray(200000, '3')), u"3.0.0"_s)});
    QTRY_VERIFY_WITH_TIMEOUT(!listener.updates.isEmpty(), kTimeout);
    const LauncherEntryListener::Update waiting = listener.updates.constFirst();
    QCOMPARE(waiting.app, u"application://io.stevedore.Stevedore.desktop"_s);
    QCOMPARE(waiting.properties.value(u"progress-visible"_s).toBool(), true);
    QCOMPARE(waiting.properties.value(u"progress"_s).toDouble(), 0.0);
    QCOMPARE(waiting.properties.value(u"count"_s).toLongLong(), 3);
    QCOMPARE(waiting.properties.value(u"count-visible"_s).toBool(), true);

    // Running, then finished: the bar moves forward only, and goes when the queue is idle.
    queue.resume();
    QTRY_VERIFY_WITH_TIMEOUT(
        queue.isIdle()
            && !listener.updates.constLast().properties.value(u"progress-visible"_s).toBool(),
        kTimeout);
    const QVariantMap last = listener.updates.constLast().properties;
    QCOMPARE(last.value(u"count-visible"_s).toBool(), false);
    double before = 0;
    for (qsizetype i = 0; i + 1 < listener.updates.size(); ++i) {
        const QVariantMap shown = listener.updates.at(i).properties;
        QVERIFY(shown.value(u"progress-visible"_s).toBool());
        const double progress = shown.value(u"progress"_s).toDouble();
        QVERIFY2(progress >= before && progress <= 1.0, qPrintable(QString::number(progress)));
        before = progress;
        // Only changes are sent.
        QVERIFY(i == 0 || shown != listener.updates.at(i - 1).properties);
    }
    for (const TransferItem &item : queue.items())
        QCOMPARE(item.state, TransferState::Done);
}

QTEST_MAIN(TestDesktopIntegration)
#include "TestDesktopIntegration.moc"
