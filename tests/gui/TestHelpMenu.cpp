// The Help menu of the real MainWindow: F1 shows the README's user guide (compared here with
// README.md itself, so a stale or empty guide fails), with its pictures, links that open in the
// guide or in the desktop's browser, and colours that read on a dark palette; About shows the
// version, the Qt versions, QtKeychain's and the license.

#include "AboutDialog.h"
#include "MainWindow.h"
#include "ScriptedDialogs.h"
#include "StatusColours.h"
#include "UserGuideWindow.h"
#include "account/AccountStore.h"
#include "account/MemorySecretStore.h"

#include <QAction>
#include <QDesktopServices>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>

using namespace Stevedore;
using namespace Qt::StringLiterals;
using Stevedore::GuiTest::ScriptedDialogs;

namespace {

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The README's user guide: the text between its markers.
QString readmeGuide()
{
    const QString readme = readFile(QStringLiteral(STEVEDORE_README));
    const qsizetype begin = readme.indexOf(u"<!-- user-guide:begin"_s);
    const qsizetype end = readme.indexOf(u"<!-- user-guide:end -->"_s);
    if (begin < 0 || end < begin)
        return {};
    const qsizetype firstLine = readme.indexOf(u'\n', begin) + 1;
    return readme.mid(firstLine, end - firstLine);
}

// Its headings ("## The desktop window") and the bold words that open its paragraphs
// ("**Publishing.**"), as the rendered guide shows them.
QStringList landmarksOf(const QString &guide)
{
    QStringList landmarks;
    static const QRegularExpression heading(u"^#+\\s+(.+)$"_s, QRegularExpression::MultilineOption);
    static const QRegularExpression lead(u"^\\*\\*([^*]+)\\*\\*"_s,
                                         QRegularExpression::MultilineOption);
    for (const QRegularExpression *expression : {&heading, &lead}) {
        for (const QRegularExpressionMatch &match : expression->globalMatch(guide))
            landmarks << match.captured(1).trimmed();
    }
    return landmarks;
}

// The fragment of `document` that links to a URL for which `wanted` holds.
template<typename Predicate> QTextCursor linkCursor(const QTextDocument &document, Predicate wanted)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().isAnchor() && wanted(fragment.charFormat().anchorHref())) {
                QTextCursor cursor(const_cast<QTextDocument *>(&document));
                cursor.setPosition(fragment.position() + fragment.length() / 2);
                return cursor;
            }
        }
    }
    return {};
}

// A dark palette as desktop themes make them.
QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe6, 0xe6, 0xe6);
    for (auto role : {QPalette::Window, QPalette::Button, QPalette::AlternateBase})
        palette.setColor(role, window);
    palette.setColor(QPalette::Base, base);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(role, text);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    palette.setColor(QPalette::Highlight, QColor(0x26, 0x4f, 0x78));
    return palette;
}

// Receives what QDesktopServices::openUrl would hand to the desktop's browser.
class BrowserStandIn final : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

} // namespace

class TestHelpMenu final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(u"StevedoreTests"_s);
        QCoreApplication::setApplicationName(u"TestHelpMenu"_s);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(u"settings"_s));
    }

    void init()
    {
        m_accounts = std::make_unique<AccountStore>(
            std::make_unique<QSettings>(m_dir.filePath(u"accounts.ini"_s), QSettings::IniFormat));
        m_window = std::make_unique<MainWindow>(
            LaunchOptions{},
            MainWindow::Services{m_accounts.get(), &m_secrets, &m_dialogs,
                                 m_dir.filePath(u"queue.jsonl"_s), QProcessEnvironment()});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_accounts.reset();
        QApplication::setPalette(QPalette());
    }

    void helpMenuHoldsGuideAboutAndAboutQt()
    {
        QMenu *help = nullptr;
        for (QAction *action : m_window->menuBar()->actions()) {
            if (action->menu() && action->text() == u"&Help"_s)
                help = action->menu();
        }
        QVERIFY(help);
        QStringList names;
        for (QAction *action : help->actions()) {
            if (!action->isSeparator())
                names << action->objectName();
        }
        QCOMPARE(names, (QStringList{u"actionUserGuide"_s, u"actionAbout"_s, u"actionAboutQt"_s}));
        QCOMPARE(help->actions().constFirst()->shortcut(), QKeySequence(Qt::Key_F1));
    }

    void f1ShowsTheReadmesUserGuide()
    {
        const QString guide = readmeGuide();
        const QStringList landmarks = landmarksOf(guide);
        QVERIFY2(landmarks.size() >= 5, qPrintable(landmarks.join(u", "_s)));

        QTest::keyClick(m_window.get(), Qt::Key_F1);
        QTextBrowser *browser = waitForGuide();
        QVERIFY(browser);
        const QString shown = browser->toPlainText();
        for (const QString &landmark : landmarks)
            QVERIFY2(shown.contains(landmark), qPrintable(u"missing: "_s + landmark));
        // Headings are headings, not Markdown source.
        bool heading = false;
        for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next())
            heading =
                heading
                || (block.blockFormat().headingLevel() > 0 && landmarks.contains(block.text()));
        QVERIFY(heading);
        QVERIFY(!shown.contains(u"**"_s));

        // Every picture is there, fitted to the page.
        int pictures = 0;
        for (QTextBlock block = browser->document()->begin(); block.isValid();
             block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat format = it.fragment().charFormat();
                if (!format.isImageFormat())
                    continue;
                ++pictures;
                const QString name = format.toImageFormat().name();
                const QImage image = browser->document()
                                         ->resource(QTextDocument::ImageResource, QUrl(name))
                                         .value<QImage>();
                QVERIFY2(!image.isNull(), qPrintable(name));
                QVERIFY(image.width() / image.devicePixelRatio() <= browser->viewport()->width());
            }
        }
        QCOMPARE(pictures, int(guide.count(u"!["_s)));
        QVERIFY(pictures > 0);

        // F1 again brings the same window forward instead of opening another.
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        QCOMPARE(m_window->findChildren<UserGuideWindow *>().size(), 1);
    }

    void guideLinksOpenInTheGuideOrTheBrowser()
    {
        BrowserStandIn browserStandIn;
        QDesktopServices::setUrlHandler(u"https"_s, &browserStandIn, "open");
        m_window->findChild<QAction *>(u"actionUserGuide"_s)->trigger();
        QTextBrowser *browser = waitForGuide();
        QVERIFY(browser);
        auto *back = browser->window()->findChild<QPushButton *>(u"backButton"_s);
        QVERIFY(!back->isEnabled());

        // A web page goes to the desktop's browser.
        const QTextCursor web = linkCursor(*browser->document(), [](const QString &href) {
            return href.startsWith(u"https://"_s);
        });
        QVERIFY(!web.isNull());
        const QString webHref = web.charFormat().anchorHref();
        click(browser, web);
        QTRY_COMPARE(browserStandIn.opened, QList<QUrl>{QUrl(webHref)});
        QCOMPARE(browser->source(), UserGuideWindow::guideUrl());

        // A picture of the README opens in the guide, and Back returns.
        const QTextCursor picture = linkCursor(*browser->document(), [](const QString &href) {
            return href.endsWith(u"main-window-dark.png"_s);
        });
        QVERIFY(!picture.isNull());
        click(browser, picture);
        QTRY_VERIFY(browser->source().path().endsWith(u"main-window-dark.png"_s));
        QVERIFY(browser->toHtml().contains(u"main-window-dark.png"_s));
        QVERIFY(back->isEnabled());
        QTest::mouseClick(back, Qt::LeftButton);
        QTRY_COMPARE(browser->source(), UserGuideWindow::guideUrl());
        QCOMPARE(browserStandIn.opened.size(), 1);
        QDesktopServices::unsetUrlHandler(u"https"_s);
    }

    void guideReadsOnADarkPalette()
    {
        QApplication::setPalette(darkPalette());
        m_window->findChild<QAction *>(u"actionUserGuide"_s)->trigger();
        QTextBrowser *browser = waitForGuide();
        QVERIFY(browser);
        const QColor base = browser->viewport()->palette().color(QPalette::Base);
        QCOMPARE(base, darkPalette().color(QPalette::Base));
        QVERIFY(StatusColours::contrast(browser->palette().color(QPalette::Text), base) >= 4.5);
        // No text of the guide has a colour of its own that does not read on the page.
        int coloured = 0;
        for (QTextBlock block = browser->document()->begin(); block.isValid();
             block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat format = it.fragment().charFormat();
                if (format.foreground().style() == Qt::NoBrush)
                    continue;
                ++coloured;
                QVERIFY2(StatusColours::contrast(format.foreground().color(), base) >= 4.5,
                         qPrintable(it.fragment().text()));
            }
            const QBrush background = block.blockFormat().background();
            QVERIFY2(background.style() == Qt::NoBrush
                         || StatusColours::contrast(background.color(),
                                                    browser->palette().color(QPalette::Text))
                                >= 4.5,
                     qPrintable(block.text()));
        }
        qInfo("%d fragments with a colour of their own", coloured);
    }

    void aboutShowsVersionsAndLicense()
    {
        m_window->findChild<QAction *>(u"actionAbout"_s)->trigger();
        AboutDialog *about = nullptr;
        QTRY_VERIFY((about = m_window->findChild<AboutDialog *>(u"aboutDialog"_s)) != nullptr
                    && about->isVisible());
        const QString version = about->findChild<QLabel *>(u"versionLabel"_s)->text();
        QVERIFY2(version.contains(QStringLiteral(STEVEDORE_EXPECTED_VERSION)), qPrintable(version));
        const QString libraries = about->findChild<QLabel *>(u"librariesLabel"_s)->text();
        QVERIFY2(libraries.contains(u"Qt "_s + QString::fromLatin1(qVersion())),
                 qPrintable(libraries));
        QVERIFY2(libraries.contains(u"built with Qt "_s + QStringLiteral(QT_VERSION_STR)),
                 qPrintable(libraries));
        const QString keychain = QStringLiteral(STEVEDORE_EXPECTED_QTKEYCHAIN_VERSION);
        QVERIFY(QRegularExpression(u"^\\d+\\.\\d+"_s).match(keychain).hasMatch());
        QVERIFY2(libraries.contains(u"QtKeychain "_s + keychain), qPrintable(libraries));

        const QString license = readFile(QStringLiteral(STEVEDORE_LICENSE));
        QVERIFY(license.startsWith(u"MIT License"_s));
        const QString licenseLabel = about->findChild<QLabel *>(u"licenseLabel"_s)->text();
        QVERIFY2(licenseLabel.contains(u"MIT License"_s), qPrintable(licenseLabel));
        QVERIFY2(licenseLabel.contains(u"2026 The Stevedore developers"_s),
                 qPrintable(licenseLabel));
        auto *text = about->findChild<QPlainTextEdit *>(u"licenseText"_s);
        QVERIFY(!text->isVisible());
        QTest::mouseClick(about->findChild<QPushButton *>(u"licenseButton"_s), Qt::LeftButton);
        QVERIFY(text->isVisible());
        QCOMPARE(text->toPlainText(), license);
        about->reject();
    }

private:
    QTextBrowser *waitForGuide()
    {
        UserGuideWindow *guide = nullptr;
        if (!QTest::qWaitFor(
                [&] {
                    guide = m_window->findChild<UserGuideWindow *>(u"userGuide"_s);
                    return guide && guide->isVisible();
                },
                10000))
            return nullptr;
        QTextBrowser *browser = guide->findChild<QTextBrowser *>(u"guideBrowser"_s);
        if (!browser || !QTest::qWaitFor([&] { return !browser->toPlainText().isEmpty(); }))
            return nullptr;
        return browser;
    }

    // A real click on the middle of the link under `cursor`, scrolled into view first.
    static void click(QTextBrowser *browser, const QTextCursor &cursor)
    {
        browser->setTextCursor(cursor);
        browser->ensureCursorVisible();
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {},
                          browser->cursorRect(cursor).center());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<AccountStore> m_accounts;
    MemorySecretStore m_secrets;
    ScriptedDialogs m_dialogs;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestHelpMenu)
#include "TestHelpMenu.moc"
