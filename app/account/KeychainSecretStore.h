#pragma once

#include "account/KeychainBackend.h"
#include "account/SecretStore.h"

namespace Stevedore {

// Tokens in the operating system's keychain through QtKeychain: the Secret Service
// (gnome-keyring, KeePassXC, …) or KWallet on Linux. QtKeychain itself is in the keychain
// module (KeychainModule), loaded at the first operation. Entries are stored under the service
// name applicationId() and the given key (Account::secretKey()).
//
// There is never a plaintext fallback: when no keychain answers, every operation fails with
// SecretStore::unavailableError(), and the caller may offer a session-only token
// (MemorySecretStore) instead.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QObject *parent = nullptr);
    // Another service name, e.g. for tests that must not touch the application's entries.
    KeychainSecretStore(QString service, QObject *parent);
    ~KeychainSecretStore() override;

    QString service() const { return m_service; }

    void read(const QString &key, QObject *context, Callback<QString> done) override;
    void write(const QString &key, const QString &secret, QObject *context,
               Callback<Success> done) override;
    void remove(const QString &key, QObject *context, Callback<Success> done) override;
    // Reads only when the Secret Service says its default collection is unlocked; a locked
    // one, or a keychain that is not the Secret Service (KWallet may ask for its password),
    // fails with deniedError() without a dialog.
    void readWithoutPrompt(const QString &key, QObject *context, Callback<QString> done) override;

    // The ApiError for a finished QtKeychain job that failed (an actionable sentence, the
    // backend's own text as serverMessage). Public for tests.
    static ApiError errorOf(int keychainError, const QString &detail);

private:
    using Outcome = KeychainBackend::Outcome;

    QString m_service;
};

} // namespace Stevedore
