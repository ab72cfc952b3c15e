#pragma once

#include <QString>

namespace Stevedore {

class KeychainBackend;

// Loads the keychain module (KeychainBackend) once per process, from beside the executable
// (the build tree, and the window's folder once installed), else from the window's folder as
// seen from the command line's (STEVEDORE_MODULE_FROM_BINDIR), else by name through the
// dynamic loader's own search (a test's build-tree RUNPATH).
class KeychainModule final
{
public:
    static constexpr const char *kFileName = "stevedore-keychain.so";

    // The backend, or null with why() saying what went wrong.
    static KeychainBackend *backend();
    static QString why();
};

} // namespace Stevedore
