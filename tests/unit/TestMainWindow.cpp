#include "ApplicationIcon.h"
#include "MainWindow.h"

#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using Stevedore::LaunchOptions;
using Stevedore::MainWindow;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void titleIsTheProductName();
    void statusBarShowsLaunchOptions_data();
    void statusBarShowsLaunchOptions();
    void firstStartFitsTheScreen();
    void geometryIsRestoredAfterClose();
    void applicationIconRendersSmallAndLarge();
};

void TestMainWindow::initTestCase()
{
    // Settings go to ~/.qttest, never to the user's real Stevedore configuration.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"StevedoreTests"_s);
    QCoreApplication::setApplicationName(u"TestMainWindow"_s);
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::titleIsTheProductName()
{
    const MainWindow window(LaunchOptions{});

    QCOMPARE(window.windowTitle(), u"Stevedore"_s);
}

void TestMainWindow::statusBarShowsLaunchOptions_data()
{
    QTest::addColumn<QUrl>("serverUrl");
    QTest::addColumn<QString>("projectPath");
    QTest::addColumn<QString>("accountName");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing") << QUrl{} << QString{} << QString{}
                             << u"No server chosen: start Stevedore with --url to choose one."_s;
    QTest::newRow("server") << QUrl(u"https://gitlab.example.com"_s) << QString{} << QString{}
                            << u"Server: https://gitlab.example.com"_s;
    QTest::newRow("server and project")
        << QUrl(u"http://127.0.0.1:8080"_s) << u"demo/hello"_s << QString{}
        << u"Server: http://127.0.0.1:8080  ·  Project: demo/hello"_s;
    QTest::newRow("everything") << QUrl(u"http://127.0.0.1:8080"_s) << u"demo/hello"_s << u"ci"_s
                                << u"Server: http://127.0.0.1:8080  ·  Project: demo/hello  ·  "
                                   u"Account: ci"_s;
}

void TestMainWindow::statusBarShowsLaunchOptions()
{
    QFETCH(QUrl, serverUrl);
    QFETCH(QString, projectPath);
    QFETCH(QString, accountName);
    QFETCH(QString, expected);

    const MainWindow window(LaunchOptions{serverUrl, projectPath, accountName});

    const auto *label = window.findChild<QLabel *>(u"connectionLabel"_s);
    QVERIFY(label);
    QCOMPARE(label->text(), expected);
    QVERIFY(window.statusBar()->isAncestorOf(label));
}

void TestMainWindow::firstStartFitsTheScreen()
{
    MainWindow window(LaunchOptions{});
    const QSize available = window.screen()->availableSize();

    QVERIFY2(window.width() >= std::min(800, available.width())
                 && window.height() >= std::min(600, available.height()),
             "the first window is too small to be useful");
    QVERIFY(window.width() <= available.width());
    QVERIFY(window.height() <= available.height());
}

void TestMainWindow::geometryIsRestoredAfterClose()
{
    const QSize chosen(640, 420);
    {
        MainWindow window(LaunchOptions{});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(chosen);
        QTRY_COMPARE(window.size(), chosen);
        QVERIFY(window.close());
    }
    QVERIFY(QSettings().contains(u"MainWindow/geometry"_s));

    const MainWindow restored(LaunchOptions{});

    QCOMPARE(restored.size(), chosen);
}

void TestMainWindow::applicationIconRendersSmallAndLarge()
{
    const QIcon icon = Stevedore::applicationIcon();
    QVERIFY(!icon.isNull());

    for (const int extent : {16, 32, 256}) {
        const QImage image = icon.pixmap(extent).toImage();
        QCOMPARE(image.size(), QSize(extent, extent));
    }

    // The upward arrow is blue in the middle of the upper half.
    const QImage large = icon.pixmap(256).toImage();
    const QColor arrow = large.pixelColor(128, 80);
    QCOMPARE(arrow.alpha(), 255);
    QVERIFY2(arrow.blue() > 150 && arrow.red() < 100, qPrintable(arrow.name()));
    // The corners stay transparent, so the icon sits on any background.
    QCOMPARE(large.pixelColor(0, 0).alpha(), 0);
}

QTEST_MAIN(TestMainWindow)

#include "TestMainWindow.moc"
