#include "StatusColours.h"

#include <cmath>

namespace Stevedore::StatusColours {

namespace {

double luminance(const QColor &colour)
{
    const auto linear = [](double channel) {
        return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
           + 0.0722 * linear(colour.blueF());
}

struct Shades
{
    QColor dark;  // for light backgrounds
    QColor light; // for dark backgrounds
};

Shades shadesOf(Meaning meaning)
{
    switch (meaning) {
    case Meaning::Error:
        return {QColor(0xa4, 0x00, 0x0f), QColor(0xff, 0x8a, 0x80)};
    case Meaning::Success:
        return {QColor(0x0b, 0x6a, 0x0b), QColor(0x7c, 0xdc, 0x7c)};
    case Meaning::Warning:
        return {QColor(0x8a, 0x47, 0x00), QColor(0xff, 0xc1, 0x4d)};
    }
    return {};
}

} // namespace

double contrast(const QColor &a, const QColor &b)
{
    const double first = luminance(a) + 0.05;
    const double second = luminance(b) + 0.05;
    return first > second ? first / second : second / first;
}

QColor text(Meaning meaning, const QPalette &palette, QPalette::ColorRole backgroundRole)
{
    const QColor background = palette.color(backgroundRole);
    const Shades shades = shadesOf(meaning);
    return contrast(shades.dark, background) >= contrast(shades.light, background) ? shades.dark
                                                                                   : shades.light;
}

QString labelStyle(Meaning meaning, const QPalette &palette)
{
    return QStringLiteral("QLabel { color: %1; }").arg(text(meaning, palette).name());
}

QString noteBoxStyle(const QPalette &palette)
{
    return QStringLiteral("QLabel { background-color: %1; color: %2; border: 1px solid %3; "
                          "border-radius: 4px; padding: 6px; }")
        .arg(palette.color(QPalette::AlternateBase).name(), palette.color(QPalette::Text).name(),
             text(Meaning::Warning, palette).name());
}

} // namespace Stevedore::StatusColours
