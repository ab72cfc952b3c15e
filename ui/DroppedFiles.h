#pragma once

#include <QStringList>

class QMimeData;

namespace Stevedore {

// The local files and folders a drag carries (file: URLs); empty when it carries none, so that
// a drag of anything else is refused where files are expected.
[[nodiscard]] QStringList droppedLocalPaths(const QMimeData *mime);

} // namespace Stevedore
