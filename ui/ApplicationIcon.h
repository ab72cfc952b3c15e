#pragma once

#include <QIcon>

namespace Stevedore {

// The application icon, a scalable SVG compiled into the resources (resources/icons/).
[[nodiscard]] QIcon applicationIcon();

} // namespace Stevedore
