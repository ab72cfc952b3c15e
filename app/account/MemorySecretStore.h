#pragma once

#include "account/SecretStore.h"

#include <QHash>

namespace Stevedore {

// Session-only tokens: kept in this process's memory and gone when it ends. Used when there
// is no keychain, for accounts from the environment, and in tests. A write is visible to the
// next read at once; the callbacks still arrive through the event loop, as with the keychain.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;
    ~MemorySecretStore() override;

    void read(const QString &key, QObject *context, Callback<QString> done) override;
    void write(const QString &key, const QString &secret, QObject *context,
               Callback<Success> done) override;
    void remove(const QString &key, QObject *context, Callback<Success> done) override;

    bool contains(const QString &key) const { return m_secrets.contains(key); }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace Stevedore
