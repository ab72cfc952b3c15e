#include "account/MemorySecretStore.h"

namespace Stevedore {

MemorySecretStore::~MemorySecretStore()
{
    // Best effort: overwrite the buffers this store alone holds before they are freed (a
    // buffer still shared with a caller's copy is detached by fill() and stays as it is).
    for (QString &secret : m_secrets)
        secret.fill(QChar(0));
}

void MemorySecretStore::read(const QString &key, QObject *context, Callback<QString> done)
{
    const auto found = m_secrets.constFind(key);
    if (found == m_secrets.cend())
        deliver<QString>(context, std::move(done), notFoundError());
    else
        deliver<QString>(context, std::move(done), *found);
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context,
                              Callback<Success> done)
{
    m_secrets.insert(key, secret);
    deliver<Success>(context, std::move(done), Success{});
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback<Success> done)
{
    const auto found = m_secrets.find(key);
    if (found != m_secrets.end()) {
        found->fill(QChar(0));
        m_secrets.erase(found);
    }
    deliver<Success>(context, std::move(done), Success{});
}

} // namespace Stevedore
