#include "account/KeychainSecretStore.h"

#include "core/Version.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QLoggingCategory>
#include <QPointer>
#include <qt6keychain/keychain.h>

#include <array>

Q_LOGGING_CATEGORY(lcKeychain, "stevedore.account.keychain", QtWarningMsg)

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

void KeychainSecretStore::start(QKeychain::Job *job, const QString &key)
{
    job->setAutoDelete(true);
    // Never setInsecureFallback(true): QtKeychain would then write the token in plain text
    // into a QSettings file when no keychain answers.
    job->setKey(key);
    qCDebug(lcKeychain) << job->metaObject()->className() << "service" << m_service << "key" << key;
    job->start();
}

void KeychainSecretStore::read(const QString &key, QObject *context, Callback<QString> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    const QPointer<QObject> target = context ? context : this;
    connect(job, &QKeychain::Job::finished, job,
            [job, target, done = std::move(done)](QKeychain::Job *) {
                if (job->error() != QKeychain::NoError) {
                    qCDebug(lcKeychain) << "read failed:" << job->error() << job->errorString();
                    post<QString>(target, done, errorOf(job->error(), job->errorString()));
                    return;
                }
                post<QString>(target, done, job->textData());
            });
    start(job, key);
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context,
                                Callback<Success> done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(secret);
    const QPointer<QObject> target = context ? context : this;
    connect(job, &QKeychain::Job::finished, job,
            [job, target, done = std::move(done)](QKeychain::Job *) {
                if (job->error() != QKeychain::NoError) {
                    qCDebug(lcKeychain) << "write failed:" << job->error() << job->errorString();
                    post<Success>(target, done, errorOf(job->error(), job->errorString()));
                    return;
                }
                post<Success>(target, done, Success{});
            });
    start(job, key);
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback<Success> done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    const QPointer<QObject> target = context ? context : this;
    connect(job, &QKeychain::Job::finished, job,
            [job, target, done = std::move(done)](QKeychain::Job *) {
                // Removing what is not there is not a failure.
                if (job->error() != QKeychain::NoError
                    && job->error() != QKeychain::EntryNotFound) {
                    qCDebug(lcKeychain) << "remove failed:" << job->error() << job->errorString();
                    post<Success>(target, done, errorOf(job->error(), job->errorString()));
                    return;
                }
                post<Success>(target, done, Success{});
            });
    start(job, key);
}

void KeychainSecretStore::readWithoutPrompt(const QString &key, QObject *context,
                                            Callback<QString> done)
{
    // Where QtKeychain's libsecret backend stores, and whether reading it would unlock it.
    QDBusMessage locked = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    locked << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    constexpr int kTimeoutMs = 1000;
    auto *watcher = new QDBusPendingCallWatcher(
        QDBusConnection::sessionBus().asyncCall(locked, kTimeoutMs), this);
    const QPointer<QObject> target = context ? context : this;
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, key, target, done = std::move(done)]() mutable {
                watcher->deleteLater();
                const QDBusPendingReply<QDBusVariant> reply = *watcher;
                if (reply.isError() || reply.value().variant().toBool()) {
                    qCDebug(lcKeychain) << "not read, it would ask:" << reply.error().message();
                    post<QString>(target, done, deniedError(reply.error().message()));
                    return;
                }
                if (target)
                    read(key, target, std::move(done));
            });
}

} // namespace Stevedore
