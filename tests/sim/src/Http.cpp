#include "Http.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <arpa/inet.h>
#include <chrono>
#include <cstdlib>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

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

namespace {

// cpp-httplib does not hand the socket to handlers; find it by its two ports. -1 when the
// connection is gone.
int socketOf(const httplib::Request &request)
{
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
        if (port(local) == request.local_port && port(peer) == request.remote_port)
            return fd;
    }
    return -1;
}

} // namespace

void resetConnection(const httplib::Request &request)
{
    const int fd = socketOf(request);
    if (fd < 0)
        return;
    const linger abort{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
    shutdown(fd, SHUT_RDWR);
}

bool declaresBody(const httplib::Request &request)
{
    return request.has_header("Transfer-Encoding")
           || std::strtoll(request.get_header_value("Content-Length").c_str(), nullptr, 10) > 0;
}

void closeAfterAnswer(const httplib::Request &request)
{
    const int fd = socketOf(request);
    if (fd < 0)
        return;
    // The answer is out: end it with a FIN, then read and drop what the client still sends
    // (for a bounded time), so that closing does not reset the connection before the client
    // has read the answer. This is what nginx calls a lingering close.
    shutdown(fd, SHUT_WR);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    char buffer[64 * 1024];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd readable{fd, POLLIN, 0};
        if (left.count() <= 0 || poll(&readable, 1, int(left.count())) <= 0)
            break;
        if (recv(fd, buffer, sizeof buffer, 0) <= 0)
            break;
    }
    // Put a socket that is at its end in the connection's place: cpp-httplib then reads no
    // further request from it (nothing of the unread body is taken for one) and closes it.
    int ended[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ended) != 0) {
        resetConnection(request);
        return;
    }
    ::close(ended[1]);
    dup2(ended[0], fd);
    ::close(ended[0]);
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
