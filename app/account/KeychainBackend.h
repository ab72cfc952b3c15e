#pragma once

#include <QString>

#include <functional>

namespace Stevedore {

// What KeychainSecretStore needs of QtKeychain and the Secret Service, behind a boundary of
// plain Qt types. It is built as a module of its own (stevedore-keychain.so, see
// KeychainModule) and loaded at the first keychain operation: linked, QtKeychain and Qt D-Bus
// with libdbus, libsystemd and theirs were loaded by every command, about a fifth of
// `stevedore --version`'s start, and by every CI run that never reads a token.
class KeychainBackend
{
public:
    struct Outcome
    {
        int error = 0;  // a QKeychain::Error
        QString detail; // the backend's own text
        QString secret;
    };
    // Called once, on the thread that started the operation, from its event loop.
    using Done = std::function<void(const Outcome &)>;

    virtual ~KeychainBackend() = default;

    virtual void read(const QString &service, const QString &key, Done done) = 0;
    virtual void write(const QString &service, const QString &key, const QString &secret,
                       Done done) = 0;
    virtual void remove(const QString &service, const QString &key, Done done) = 0;
    // Whether reading would ask nothing: NoError when the Secret Service's default collection
    // is unlocked, AccessDenied with the reason when it is locked or cannot be asked.
    virtual void checkUnlocked(Done done) = 0;
};

} // namespace Stevedore

// The one symbol the module exports: its backend, made at the first call, alive for the process.
extern "C" Stevedore::KeychainBackend *stevedoreKeychainBackend();
