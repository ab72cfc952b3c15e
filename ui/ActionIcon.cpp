#include "ActionIcon.h"

#include "StatusColours.h"

#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace Stevedore {

namespace {

constexpr char kOutline[] = "#6b7585";
constexpr char kAccent[] = "#2f80d1";
constexpr char kSuccess[] = "#2e9d5b";
constexpr char kDanger[] = "#d0463b";

struct Colours
{
    QColor outline;
    QColor accent;
    QColor success;
    QColor danger;
};

Colours coloursFor(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    if (mode == QIcon::Disabled) {
        const QColor text = palette.color(QPalette::Disabled, QPalette::WindowText);
        return {text, text, text, text};
    }
    if (mode == QIcon::Selected) {
        const QColor text = palette.color(QPalette::HighlightedText);
        return {text, text, text, text};
    }
    using StatusColours::Meaning;
    return {palette.color(QPalette::WindowText), palette.color(QPalette::Highlight),
            StatusColours::text(Meaning::Success, palette),
            StatusColours::text(Meaning::Error, palette)};
}

class PaletteIconEngine final : public QIconEngine
{
public:
    PaletteIconEngine(QString name, QByteArray svg)
        : m_name(std::move(name))
        , m_svg(std::move(svg))
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(coloured(mode));
        renderer.render(painter, QRectF(rect));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        const QSize pixels = size * scale;
        const Colours colours = coloursFor(mode);
        const QString key = QStringLiteral("stevedore-icon/%1/%2x%3/%4%5%6%7")
                                .arg(m_name)
                                .arg(pixels.width())
                                .arg(pixels.height())
                                .arg(colours.outline.rgba(), 0, 16)
                                .arg(colours.accent.rgba(), 0, 16)
                                .arg(colours.success.rgba(), 0, 16)
                                .arg(colours.danger.rgba(), 0, 16);
        QPixmap result;
        if (QPixmapCache::find(key, &result))
            return result;
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            paint(&painter, QRect(QPoint(), pixels), mode, state);
        }
        result = QPixmap::fromImage(std::move(image));
        result.setDevicePixelRatio(scale);
        QPixmapCache::insert(key, result);
        return result;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QString key() const override { return QStringLiteral("StevedorePaletteIcon"); }
    QIconEngine *clone() const override { return new PaletteIconEngine(m_name, m_svg); }
    bool isNull() override { return m_svg.isEmpty(); }

private:
    QByteArray coloured(QIcon::Mode mode) const
    {
        const Colours colours = coloursFor(mode);
        QByteArray svg = m_svg;
        svg.replace(kOutline, colours.outline.name().toLatin1());
        svg.replace(kAccent, colours.accent.name().toLatin1());
        svg.replace(kSuccess, colours.success.name().toLatin1());
        svg.replace(kDanger, colours.danger.name().toLatin1());
        return svg;
    }

    QString m_name;
    QByteArray m_svg;
};

} // namespace

QIcon actionIcon(const QString &name)
{
    QFile file(QStringLiteral(":/icons/actions/") + name + QStringLiteral(".svg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new PaletteIconEngine(name, file.readAll()));
}

} // namespace Stevedore
