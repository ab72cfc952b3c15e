#pragma once

#include <QIcon>
#include <QString>

namespace Stevedore {

// The icon of an action, drawn from a bundled SVG (resources/icons/actions/NAME.svg) in the
// colours of the palette in use, at any size and scale. The SVGs are drawn in four design
// colours that stand for roles: grey #6b7585 for the outline (the palette's text), blue
// #2f80d1 for an accent (the palette's highlight), green #2e9d5b and red #d0463b for success
// and danger (StatusColours). Disabled icons use the disabled text colour throughout, icons of
// selected rows the highlighted text. A palette change shows at the next paint.
QIcon actionIcon(const QString &name);

} // namespace Stevedore
