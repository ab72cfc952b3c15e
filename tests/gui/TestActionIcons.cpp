// Action icons are drawn in the palette's colours: the outline in the window text colour on a
// light and on a dark palette, the disabled icon in the disabled text colour.
#include "ActionIcon.h"

#include <QApplication>
#include <QImage>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

QPalette paletteOf(const QColor &window, const QColor &text)
{
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return palette;
}

// The colours of the icon's fully opaque pixels (the inside of its strokes).
QSet<QRgb> opaqueColours(const QIcon &icon, QIcon::Mode mode)
{
    const QImage image =
        icon.pixmap(QSize(48, 48), mode).toImage().convertToFormat(QImage::Format_ARGB32);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (qAlpha(pixel) == 255)
                colours.insert(pixel | 0xff000000u);
        }
    }
    return colours;
}

} // namespace

class TestActionIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outlinesTakeTheWindowTextColour_data()
    {
        QTest::addColumn<QColor>("window");
        QTest::addColumn<QColor>("text");
        QTest::newRow("light") << QColor(0xef, 0xef, 0xef) << QColor(0x10, 0x10, 0x10);
        QTest::newRow("dark") << QColor(0x2b, 0x2b, 0x2b) << QColor(0xf0, 0xf0, 0xf0);
    }

    void outlinesTakeTheWindowTextColour()
    {
        QFETCH(QColor, window);
        QFETCH(QColor, text);
        QApplication::setPalette(paletteOf(window, text));
        // "pause" is drawn in the outline colour only.
        const QIcon pause = actionIcon(u"pause"_s);
        QVERIFY(!pause.isNull());
        QCOMPARE(opaqueColours(pause, QIcon::Normal), QSet<QRgb>{text.rgb()});
        QCOMPARE(opaqueColours(pause, QIcon::Disabled), QSet<QRgb>{QColor(0x80, 0x80, 0x80).rgb()});
    }

    void accentsFollowThePalette()
    {
        QPalette palette = paletteOf(QColor(0xef, 0xef, 0xef), Qt::black);
        palette.setColor(QPalette::Highlight, QColor(0x11, 0x88, 0x44));
        QApplication::setPalette(palette);
        const QSet<QRgb> first = opaqueColours(actionIcon(u"publish"_s), QIcon::Normal);
        QVERIFY(first.contains(QColor(0x11, 0x88, 0x44).rgb()));
        palette.setColor(QPalette::Highlight, QColor(0x99, 0x22, 0xaa));
        QApplication::setPalette(palette);
        const QSet<QRgb> second = opaqueColours(actionIcon(u"publish"_s), QIcon::Normal);
        QVERIFY(second.contains(QColor(0x99, 0x22, 0xaa).rgb()));
        QVERIFY(!second.contains(QColor(0x11, 0x88, 0x44).rgb()));
    }

    void anUnknownNameHasNoIcon() { QVERIFY(actionIcon(u"no-such-icon"_s).isNull()); }
};

QTEST_MAIN(TestActionIcons)
#include "TestActionIcons.moc"
