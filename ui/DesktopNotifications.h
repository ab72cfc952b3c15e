#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace Stevedore {

// Desktop notifications through the freedesktop Notifications service on the session bus
// (org.freedesktop.Notifications: GNOME Shell, KDE Plasma, dunst, …), sent as Stevedore with its
// icon and desktop entry. Without a session bus or without the service, show() does nothing and
// nothing else breaks. Clicking a notification (its default action) emits activated().
class DesktopNotifications final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifications)

public:
    // The freedesktop categories used here.
    static constexpr const char *kTransferComplete = "transfer.complete";
    static constexpr const char *kTransferError = "transfer.error";

    explicit DesktopNotifications(QObject *parent = nullptr);
    ~DesktopNotifications() override;

    void show(const QString &summary, const QString &body, const QString &category);

Q_SIGNALS:
    void activated(); // the person clicked one of our notifications

private Q_SLOTS:
    // The service's signals, for every client's notifications: only ours count.
    void onActionInvoked(uint id, const QString &actionKey);
    void onClosed(uint id, uint reason);

private:
    void remember(uint id);

    QList<uint> m_shown; // ids the service gave our notifications that are still open
};

} // namespace Stevedore
