// The keychain module (stevedore-keychain.so): KeychainBackend on QtKeychain and Qt D-Bus.
#include "account/KeychainBackend.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "stevedore.account.keychain", QtWarningMsg)

namespace Stevedore {

namespace {

class QtKeychainBackend final : public KeychainBackend
{
public:
    void read(const QString &service, const QString &key, Done done) override
    {
        auto *job = new QKeychain::ReadPasswordJob(service);
        run(
            job, key, [job](Outcome &outcome) { outcome.secret = job->textData(); },
            std::move(done));
    }

    void write(const QString &service, const QString &key, const QString &secret,
               Done done) override
    {
        auto *job = new QKeychain::WritePasswordJob(service);
        job->setTextData(secret);
        run(job, key, {}, std::move(done));
    }

    void remove(const QString &service, const QString &key, Done done) override
    {
        run(new QKeychain::DeletePasswordJob(service), key, {}, std::move(done));
    }

    void checkUnlocked(Done done) override
    {
        // Where QtKeychain's libsecret backend stores, and whether reading it would unlock it.
        QDBusMessage locked = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"),
            QStringLiteral("/org/freedesktop/secrets/aliases/default"),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        locked << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
        constexpr int kTimeoutMs = 1000;
        auto *watcher = new QDBusPendingCallWatcher(
            QDBusConnection::sessionBus().asyncCall(locked, kTimeoutMs));
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, watcher,
                         [watcher, done = std::move(done)] {
                             watcher->deleteLater();
                             const QDBusPendingReply<QDBusVariant> reply = *watcher;
                             Outcome outcome;
                             if (reply.isError() || reply.value().variant().toBool()) {
                                 qCDebug(lcKeychain)
                                     << "not read, it would ask:" << reply.error().message();
                                 outcome.error = QKeychain::AccessDenied;
                                 outcome.detail = reply.error().message();
                             }
                             done(outcome);
                         });
    }

private:
    static void run(QKeychain::Job *job, const QString &key,
                    std::function<void(Outcome &)> onSuccess, Done done)
    {
        job->setAutoDelete(true);
        // Never setInsecureFallback(true): QtKeychain would then write the token in plain
        // text into a QSettings file when no keychain answers.
        job->setKey(key);
        QObject::connect(job, &QKeychain::Job::finished, job,
                         [job, onSuccess = std::move(onSuccess), done = std::move(done)] {
                             Outcome outcome{job->error(), job->errorString(), {}};
                             if (outcome.error != QKeychain::NoError)
                                 qCDebug(lcKeychain) << job->metaObject()->className()
                                                     << "failed:" << job->errorString();
                             else if (onSuccess)
                                 onSuccess(outcome);
                             done(outcome);
                         });
        qCDebug(lcKeychain) << job->metaObject()->className() << "service" << job->service()
                            << "key" << key;
        job->start();
    }
};

} // namespace

} // namespace Stevedore

extern "C" __attribute__((visibility("default"))) Stevedore::KeychainBackend *
stevedoreKeychainBackend()
{
    static Stevedore::QtKeychainBackend backend;
    return &backend;
}
