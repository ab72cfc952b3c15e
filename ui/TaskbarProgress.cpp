#include "TaskbarProgress.h"

#include "core/Version.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QVariantMap>

#include <algorithm>
#include <cmath>

namespace Stevedore {

TaskbarProgress::TaskbarProgress(QObject *parent)
    : QObject(parent)
{
}

TaskbarProgress::~TaskbarProgress()
{
    clear(); // a bar left behind would stay on the dock after the window closed
}

void TaskbarProgress::show(double fraction, int remaining)
{
    const int percent = int(std::lround(std::clamp(fraction, 0.0, 1.0) * 100));
    send(true, percent, std::max(remaining, 0));
}

void TaskbarProgress::clear()
{
    send(false, 0, 0);
}

void TaskbarProgress::send(bool visible, int percent, int remaining)
{
    if (visible == m_visible && (!visible || (percent == m_percent && remaining == m_remaining)))
        return;
    m_visible = visible;
    m_percent = percent;
    m_remaining = remaining;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    QDBusMessage update = QDBusMessage::createSignal(
        QLatin1String(kPath), QLatin1String(kInterface), QStringLiteral("Update"));
    const QVariantMap properties{
        {QStringLiteral("progress"), percent / 100.0},
        {QStringLiteral("progress-visible"), visible},
        {QStringLiteral("count"), qint64(remaining)},
        {QStringLiteral("count-visible"), visible && remaining > 0},
    };
    update << QStringLiteral("application://%1.desktop").arg(applicationId()) << properties;
    bus.send(update);
}

} // namespace Stevedore
