#pragma once

#include <QString>

namespace Stevedore {

// Orders package versions the way people read them, not as strings: 1.9.0 < 1.10.0,
// 2.0.0-rc.1 < 2.0.0, 2026.11.9 < 2026.11.20. Dot- and dash-separated parts compare
// numerically when both are numbers; a pre-release (a '-' suffix) sorts before its release;
// build metadata ('+…') only breaks ties.
class VersionOrder final
{
public:
    VersionOrder() = delete;

    // <0, 0, >0 like strcmp.
    static int compare(const QString &a, const QString &b);
    static bool lessThan(const QString &a, const QString &b) { return compare(a, b) < 0; }
};

} // namespace Stevedore
