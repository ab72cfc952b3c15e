#include "Http.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <arpa/inet.h>
#include <cstdlib>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

namespace sim {

void sendJson(httplib::Response &response, int status, const QJsonValue &body)
{
    response.status = status;
    QByteArray bytes;
    if (body.isObject())
        bytes = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    else if (body.isArray())
        bytes = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    else if (body.isString()) // a JSON string document, as Grape sends for redirects
        bytes = QJsonDocument(QJsonArray{body}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    response.set_content(bytes.toStdString(), "application/json");
}

void sendMessage(httplib::Response &response, int status, const QString &message)
{
    sendJson(response, status, QJsonObject{{QStringLiteral("message"), message}});
}

void sendError(httplib::Response &response, int status, const QString &error)
{
    sendJson(response, status, QJsonObject{{QStringLiteral("error"), error}});
}

QString statusLine(int status)
{
    static const std::pair<int, const char *> lines[] = {
        {400, "400 Bad request"},         {401, "401 Unauthorized"},
        {403, "403 Forbidden"},           {404, "404 Not Found"},
        {405, "405 Method Not Allowed"},  {409, "409 Conflict"},
        {412, "412 Precondition Failed"}, {422, "422 Unprocessable Entity"},
        {429, "429 Too Many Requests"},   {500, "500 Internal Server Error"},
        {502, "502 Bad Gateway"},         {503, "503 Service Unavailable"},
        {504, "504 Gateway Timeout"},
    };
    for (const auto &[code, line] : lines) {
        if (code == status)
            return QLatin1String(line);
    }
    return QString::number(status);
}

QByteArray header(const httplib::Request &request, const char *name)
{
    return QByteArray::fromStdString(request.get_header_value(name));
}

QString rawPathOf(const httplib::Request &request)
{
    const QString target = QString::fromStdString(request.target);
    return target.section(QLatin1Char('?'), 0, 0);
}

QString rawQueryOf(const httplib::Request &request)
{
    const QString target = QString::fromStdString(request.target);
    const qsizetype mark = target.indexOf(QLatin1Char('?'));
    return mark < 0 ? QString() : target.mid(mark + 1);
}

std::optional<QString> param(const httplib::Request &request, const char *name)
{
    if (!request.has_param(name))
        return std::nullopt;
    return QString::fromStdString(request.get_param_value(name));
}

void resetConnection(const httplib::Request &request)
{
    // cpp-httplib does not hand the socket to handlers; find it by its two ports.
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &entry : fds.entryList(QDir::Files | QDir::System)) {
        bool ok = false;
        const int fd = entry.toInt(&ok);
        struct stat info
        {
        };
        if (!ok || fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode))
            continue;
        sockaddr_storage local{}, peer{};
        socklen_t localLength = sizeof local, peerLength = sizeof peer;
        if (getsockname(fd, reinterpret_cast<sockaddr *>(&local), &localLength) != 0
            || getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerLength) != 0)
            continue;
        const auto port = [](const sockaddr_storage &address) {
            if (address.ss_family == AF_INET)
                return int(ntohs(reinterpret_cast<const sockaddr_in &>(address).sin_port));
            if (address.ss_family == AF_INET6)
                return int(ntohs(reinterpret_cast<const sockaddr_in6 &>(address).sin6_port));
            return -1;
        };
        if (port(local) == request.local_port && port(peer) == request.remote_port) {
            const linger abort{1, 0};
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
            shutdown(fd, SHUT_RDWR);
            return;
        }
    }
}

QString httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
}

std::optional<QDateTime> parseHttpDate(const QByteArray &text)
{
    QDateTime time = QLocale::c().toDateTime(QString::fromLatin1(text).trimmed(),
                                             QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (!time.isValid())
        return std::nullopt;
    time.setTimeSpec(Qt::UTC);
    return time;
}

} // namespace sim
