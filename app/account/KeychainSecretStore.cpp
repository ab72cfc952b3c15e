#include "account/KeychainSecretStore.h"

#include "account/KeychainBackend.h"
#include "account/KeychainModule.h"
#include "core/Version.h"

#include <QPointer>
#include <qt6keychain/keychain.h> // QKeychain::Error only: QtKeychain is the module's

#include <array>

namespace Stevedore {

namespace {

// QtKeychain's libsecret backend reports a Secret Service that cannot be reached as
// OtherError with GIO's or D-Bus's own text, not as NoBackendAvailable. These are the texts of
// "there is no keychain to talk to".
bool looksUnavailable(const QString &detail)
{
    static constexpr std::array<const char *, 9> markers{
        "Could not connect",                      // DBUS_SESSION_BUS_ADDRESS points nowhere
        "Cannot autolaunch D-Bus",                // no session bus and no X11 display
        "Cannot spawn a message bus",             // autolaunch failed
        "ServiceUnknown",                         // nothing owns org.freedesktop.secrets
        "was not provided by any .service files", // … and nothing can be activated
        "No keychain service available",          // QtKeychain's KWallet backend
        "org.freedesktop.DBus.Error.NoServer",    // KWallet backend, no session bus
        "D-Bus is not running",                   // the same, QtDBus's text
        "Not connected to D-Bus server",          // QtDBus, the bus went away
    };
    for (const char *marker : markers) {
        if (detail.contains(QLatin1String(marker), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Hands the result to `done` through context's event loop; nothing happens when the context
// is gone by then.
template<typename T>
void post(const QPointer<QObject> &context, const Callback<T> &done, Result<T> result)
{
    if (!context)
        return;
    QMetaObject::invokeMethod(
        context.data(), [done, result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

// The keychain module, or null with the error handed to `done` when it cannot be loaded.
template<typename T>
KeychainBackend *backendOr(const QPointer<QObject> &context, const Callback<T> &done)
{
    if (KeychainBackend *backend = KeychainModule::backend())
        return backend;
    const QString why = KeychainModule::why();
    post<T>(context, done,
            ApiError(ApiError::Kind::Local,
                     KeychainSecretStore::tr("Stevedore's keychain support (%1) could not be "
                                             "loaded: %2. Reinstall Stevedore; until then a "
                                             "command can take its token from GITLAB_TOKEN.")
                         .arg(QLatin1String(KeychainModule::kFileName), why),
                     0, why));
    return nullptr;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(applicationId(), parent)
{
}

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{
}

KeychainSecretStore::~KeychainSecretStore() = default;

ApiError KeychainSecretStore::errorOf(int keychainError, const QString &detail)
{
    switch (static_cast<QKeychain::Error>(keychainError)) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return notFoundError();
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return deniedError(detail);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return unavailableError(detail);
    case QKeychain::CouldNotDeleteEntry:
        return ApiError(ApiError::Kind::Local,
                        tr("The token could not be removed from the keychain (%1). Remove the "
                           "Stevedore entry by hand, for example in Passwords and Keys or KWallet "
                           "Manager.")
                            .arg(detail),
                        0, detail);
    case QKeychain::OtherError:
        break;
    }
    return looksUnavailable(detail) ? unavailableError(detail) : otherError(detail);
}

void KeychainSecretStore::read(const QString &key, QObject *context, Callback<QString> done)
{
    const QPointer<QObject> target = context ? context : this;
    KeychainBackend *backend = backendOr(target, done);
    if (!backend)
        return;
    backend->read(m_service, key, [target, done = std::move(done)](const Outcome &outcome) {
        if (outcome.error != QKeychain::NoError)
            post<QString>(target, done, errorOf(outcome.error, outcome.detail));
        else
            post<QString>(target, done, outcome.secret);
    });
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context,
                                Callback<Success> done)
{
    const QPointer<QObject> target = context ? context : this;
    KeychainBackend *backend = backendOr(target, done);
    if (!backend)
        return;
    backend->write(m_service, key, secret,
                   [target, done = std::move(done)](const Outcome &outcome) {
                       if (outcome.error != QKeychain::NoError)
                           post<Success>(target, done, errorOf(outcome.error, outcome.detail));
                       else
                           post<Success>(target, done, Success{});
                   });
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback<Success> done)
{
    const QPointer<QObject> target = context ? context : this;
    KeychainBackend *backend = backendOr(target, done);
    if (!backend)
        return;
    backend->remove(m_service, key, [target, done = std::move(done)](const Outcome &outcome) {
        // Removing what is not there is not a failure.
        if (outcome.error != QKeychain::NoError && outcome.error != QKeychain::EntryNotFound)
            post<Success>(target, done, errorOf(outcome.error, outcome.detail));
        else
            post<Success>(target, done, Success{});
    });
}

void KeychainSecretStore::readWithoutPrompt(const QString &key, QObject *context,
                                            Callback<QString> done)
{
    const QPointer<QObject> target = context ? context : this;
    KeychainBackend *backend = backendOr(target, done);
    if (!backend)
        return;
    const QPointer<KeychainSecretStore> self = this;
    backend->checkUnlocked(
        [self, key, target, done = std::move(done)](const Outcome &outcome) mutable {
            if (outcome.error != QKeychain::NoError) {
                post<QString>(target, done, deniedError(outcome.detail));
                return;
            }
            if (self && target)
                self->read(key, target, std::move(done));
        });
}

} // namespace Stevedore
