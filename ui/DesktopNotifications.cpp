#include "DesktopNotifications.h"

#include "core/Version.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace Stevedore {

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
const QString kDefaultAction = QStringLiteral("default");
constexpr qsizetype kRemembered = 32; // open notifications whose click still raises the window

} // namespace

DesktopNotifications::DesktopNotifications(QObject *parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(uint, QString)));
    bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                SLOT(onClosed(uint, uint)));
}

DesktopNotifications::~DesktopNotifications() = default;

void DesktopNotifications::show(const QString &summary, const QString &body,
                                const QString &category)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    QDBusMessage notify =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    const QVariantMap hints{{QStringLiteral("desktop-entry"), applicationId()},
                            {QStringLiteral("category"), category}};
    notify << applicationName() << uint(0) << applicationId() << summary << body
           << QStringList{kDefaultAction, tr("Show Stevedore")} << hints << int(-1);
    // Asynchronous: a missing or slow service never holds the window up.
    auto *reply = new QDBusPendingCallWatcher(bus.asyncCall(notify), this);
    connect(reply, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
        const QDBusPendingReply<uint> id = *call;
        if (id.isValid())
            remember(id.value());
        call->deleteLater();
    });
}

void DesktopNotifications::remember(uint id)
{
    m_shown.append(id);
    if (m_shown.size() > kRemembered)
        m_shown.removeFirst();
}

void DesktopNotifications::onActionInvoked(uint id, const QString &actionKey)
{
    if (actionKey == kDefaultAction && m_shown.contains(id))
        Q_EMIT activated();
}

void DesktopNotifications::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    m_shown.removeOne(id);
}

} // namespace Stevedore
