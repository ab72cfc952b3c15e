#pragma once

#include <QString>

namespace Stevedore {

// The product name, as people see it and as QSettings files are named: "Stevedore".
[[nodiscard]] QString applicationName();

// The name of the executable, used in command-line messages: "stevedore".
[[nodiscard]] QString executableName();

// The project version from CMake, e.g. "0.1.0".
[[nodiscard]] QString applicationVersion();

// The reverse-DNS application id shared by the .desktop file, the AppStream metainfo and the
// installed icon: "io.stevedore.Stevedore".
[[nodiscard]] QString applicationId();

// The version of QtKeychain the program was built with, e.g. "0.13.2".
[[nodiscard]] QString qtKeychainVersion();

// The organisation name used for QSettings paths.
[[nodiscard]] QString organizationName();

} // namespace Stevedore
