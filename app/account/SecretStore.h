#pragma once

#include "core/Result.h"

#include <QObject>
#include <QString>

namespace Stevedore {

// Where tokens live. Operations are asynchronous (the Secret Service answers over D-Bus);
// callbacks run on `context`'s thread and never after `context` is destroyed.
//
// Every implementation delivers its callback through the event loop (queued), never inside
// the call itself, so a caller may connect things up after calling. Removing a key that holds
// nothing succeeds.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Fails with ApiError::Kind::Local and a sentence naming the keychain problem (no Secret
    // Service, locked, access denied) or "no token stored" for an unknown key.
    virtual void read(const QString &key, QObject *context, Callback<QString> done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context,
                       Callback<Success> done) = 0;
    virtual void remove(const QString &key, QObject *context, Callback<Success> done) = 0;
    // As read(), but never asks the user anything (no unlock dialog): a keychain that would
    // have to ask fails with deniedError(). For shell completion, which must not prompt. A
    // store that never asks reads as read() does.
    virtual void readWithoutPrompt(const QString &key, QObject *context, Callback<QString> done)
    {
        read(key, context, std::move(done));
    }

    // Why an operation failed, for callers that react differently: offer a session-only
    // token when there is no keychain, ask for the token again when none is stored.
    enum class Problem {
        None,
        NotFound,    // no secret under this key
        Unavailable, // no keychain at all (no Secret Service / KWallet, no D-Bus session)
        Denied,      // locked, or access refused
        Other,
    };
    static Problem problemOf(const ApiError &error);

    // The errors the stores report (ApiError::Kind::Local). `detail` is the backend's own
    // text, kept as the error's serverMessage for logs.
    static ApiError notFoundError();
    static ApiError unavailableError(const QString &detail = {});
    static ApiError deniedError(const QString &detail = {});
    static ApiError otherError(const QString &detail);

protected:
    // Runs done(result) later on context's thread, unless context is destroyed first. A null
    // context means this store.
    template<typename T> void deliver(QObject *context, Callback<T> done, Result<T> result)
    {
        QMetaObject::invokeMethod(
            context ? context : this,
            [done = std::move(done), result = std::move(result)] { done(result); },
            Qt::QueuedConnection);
    }
};

} // namespace Stevedore
