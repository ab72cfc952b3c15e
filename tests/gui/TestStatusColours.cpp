// Error, success and warning texts stay readable (WCAG AA, 4.5:1) on light and dark windows.
#include "StatusColours.h"

#include <QLabel>
#include <QTest>

using namespace Stevedore;

class TestStatusColours : public QObject
{
    Q_OBJECT

    static QPalette paletteWithWindow(const QColor &window, const QColor &text)
    {
        QPalette palette;
        palette.setColor(QPalette::Window, window);
        palette.setColor(QPalette::WindowText, text);
        palette.setColor(QPalette::Text, text);
        palette.setColor(QPalette::AlternateBase, window.lighter(115));
        return palette;
    }

private Q_SLOTS:
    void readableOnLightAndDarkWindows_data()
    {
        QTest::addColumn<QColor>("window");
        QTest::addColumn<QColor>("text");
        QTest::newRow("light") << QColor(0xef, 0xef, 0xef) << QColor(Qt::black);
        QTest::newRow("white") << QColor(Qt::white) << QColor(Qt::black);
        QTest::newRow("dark") << QColor(0x35, 0x35, 0x35) << QColor(Qt::white);
        QTest::newRow("black") << QColor(Qt::black) << QColor(Qt::white);
    }

    void readableOnLightAndDarkWindows()
    {
        QFETCH(QColor, window);
        QFETCH(QColor, text);
        const QPalette palette = paletteWithWindow(window, text);
        for (const auto meaning : {StatusColours::Meaning::Error, StatusColours::Meaning::Success,
                                   StatusColours::Meaning::Warning}) {
            const QColor colour = StatusColours::text(meaning, palette);
            const double ratio = StatusColours::contrast(colour, window);
            QVERIFY2(
                ratio >= 4.5,
                qPrintable(
                    QStringLiteral("%1 on %2: %3").arg(colour.name(), window.name()).arg(ratio)));
        }
    }

    void noteBoxUsesThePalette()
    {
        const QPalette dark = paletteWithWindow(QColor(0x35, 0x35, 0x35), Qt::white);
        const QString style = StatusColours::noteBoxStyle(dark);
        QVERIFY2(style.contains(dark.color(QPalette::AlternateBase).name()), qPrintable(style));
        QVERIFY2(style.contains(QColor(Qt::white).name()), qPrintable(style));
        QVERIFY2(!style.contains(QStringLiteral("#fff4ce")), "no bright yellow box");
    }

    void contrastIsWcags()
    {
        QCOMPARE(qRound(StatusColours::contrast(Qt::black, Qt::white) * 10), 210);
        QCOMPARE(StatusColours::contrast(Qt::red, Qt::red), 1.0);
    }
};

QTEST_MAIN(TestStatusColours)
#include "TestStatusColours.moc"
