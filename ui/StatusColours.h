#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace Stevedore {

// Colours for messages that mean something (an error, a success, a warning, a note box),
// chosen for the palette in use so that they stay readable on a light or a dark window: each
// is the darker or the lighter of two shades, whichever contrasts more with the background.
namespace StatusColours {

enum class Meaning { Error, Success, Warning };

// On `background`: the window for labels, QPalette::Base for cells of a list or table.
QColor text(Meaning meaning, const QPalette &palette,
            QPalette::ColorRole background = QPalette::Window);
// A style sheet for a QLabel: coloured text, or (note) a framed box in the window's own
// colours with a border of the warning colour.
QString labelStyle(Meaning meaning, const QPalette &palette);
QString noteBoxStyle(const QPalette &palette);

// WCAG's contrast ratio, 1 (none) to 21 (black on white).
double contrast(const QColor &a, const QColor &b);

} // namespace StatusColours

} // namespace Stevedore
