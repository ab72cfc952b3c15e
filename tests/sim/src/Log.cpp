#include "Log.h"

#include "Http.h"
#include "Serialize.h"

#include <QDateTime>

namespace sim {

bool Log::open(const QString &path)
{
    if (path.isEmpty())
        return true;
    m_file.setFileName(path);
    return m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

void Log::write(const QString &line)
{
    std::lock_guard lock(m_mutex);
    if (!m_file.isOpen())
        return;
    m_file.write(
        (isoTime(QDateTime::currentDateTimeUtc()) + QLatin1Char(' ') + line + QLatin1Char('\n'))
            .toUtf8());
    m_file.flush();
}

void Log::request(const httplib::Request &request, const httplib::Response &response)
{
    // The target can carry private_token/job_token query parameters: log the path only.
    write(QStringLiteral("%1:%2 %3 %4 %5")
              .arg(QString::fromStdString(request.remote_addr),
                   QString::number(request.remote_port), QString::fromStdString(request.method),
                   rawPathOf(request), QString::number(response.status)));
}

void Log::credentialLeak(const httplib::Request &request, const QStringList &headers)
{
    write(QStringLiteral("CREDENTIAL LEAK: %1 sent to object storage on %2 %3 from %4:%5")
              .arg(headers.join(QStringLiteral(", ")), QString::fromStdString(request.method),
                   rawPathOf(request), QString::fromStdString(request.remote_addr),
                   QString::number(request.remote_port)));
}

void Log::note(const QString &text)
{
    write(text);
}

} // namespace sim
