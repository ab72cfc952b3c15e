#include "HostileServer.h"

#include <QDebug>
#include <QDir>
#include <QMutex>
#include <QRegularExpression>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <csignal>
#include <httplib.h>
#include <mutex>
#include <netinet/in.h>
#include <optional>
#include <string>
#include <sys/socket.h>
#include <sys/stat.h>
#include <thread>
#include <vector>

namespace Stevedore::Test {

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr qint64 WriteSize = 64 * 1024;
constexpr auto DripInterval = 100ms;
constexpr auto PollSlice = 10ms;

// Headers cpp-httplib adds to every request it parses; the client never sent them.
constexpr const char *PseudoHeaders[] = {"REMOTE_ADDR", "REMOTE_PORT", "LOCAL_ADDR", "LOCAL_PORT"};

// Per request, on the worker thread that serves it: the request's index in the log (set by the
// pre-routing handler, which sees the headers before anything is changed), and the exact
// headers of the reply (set by the handler, put in place by the post-routing handler, which
// runs after cpp-httplib added its own headers).
thread_local qsizetype t_logIndex = -1;
thread_local std::optional<httplib::Headers> t_replyHeaders;

bool sameName(const QByteArray &a, const char *b)
{
    return a.compare(QByteArray(b), Qt::CaseInsensitive) == 0;
}

const std::string &filler()
{
    static const std::string bytes(size_t(WriteSize), 'x');
    return bytes;
}

// Sleeps up to `duration` in short slices; false when the server is stopping.
bool pause(Clock::duration duration, const std::atomic<bool> &stopping)
{
    const Clock::time_point until = Clock::now() + duration;
    while (!stopping) {
        const Clock::time_point now = Clock::now();
        if (now >= until)
            return true;
        std::this_thread::sleep_for(std::min<Clock::duration>(PollSlice, until - now));
    }
    return false;
}

// Writes one reply's body and filler, step by step, from cpp-httplib's content provider.
class BodyWriter final
{
public:
    BodyWriter(const HostileServer::Reply &reply, bool chunked, bool closeAtEnd,
               const std::atomic<bool> &stopping)
        : m_body(reply.body)
        , m_total(reply.fillerBytes < 0 ? -1 : reply.body.size() + reply.fillerBytes)
        , m_rate(reply.dripBytesPerSecond)
        , m_chunked(chunked)
        , m_closeAtEnd(closeAtEnd)
        , m_stopping(stopping)
    {
    }

    // One call of the provider: false ends the response and closes the connection.
    bool step(httplib::DataSink &sink)
    {
        if (m_stopping)
            return false;
        if (!m_started) {
            m_started = true;
            m_start = Clock::now();
        }
        if (m_total >= 0 && m_sent >= m_total) {
            if (m_closeAtEnd)
                return false;
            if (m_chunked && !sink.write("0\r\n\r\n", 5))
                return false;
            sink.done();
            return true;
        }
        qint64 size = WriteSize;
        if (m_total >= 0)
            size = std::min(size, m_total - m_sent);
        if (m_sent < m_body.size())
            size = std::min(size, m_body.size() - m_sent);
        if (m_rate > 0) {
            const Clock::time_point now = Clock::now();
            if (m_lastWrite && now - *m_lastWrite < DripInterval)
                return pause(DripInterval - (now - *m_lastWrite), m_stopping);
            const double elapsed = std::chrono::duration<double>(now - m_start).count();
            const qint64 due = qint64(elapsed * m_rate) - m_sent;
            if (due <= 0)
                return pause(PollSlice, m_stopping); // a slow rate: wait for a whole byte
            size = std::min(size, due);
            m_lastWrite = now;
        }
        const char *data = m_sent < m_body.size() ? m_body.constData() + m_sent : filler().data();
        if (!write(sink, data, size))
            return false; // the client has gone
        m_sent += size;
        return true;
    }

private:
    bool write(httplib::DataSink &sink, const char *data, qint64 size) const
    {
        if (!m_chunked)
            return sink.write(data, size_t(size));
        std::string chunk = QByteArray::number(size, 16).toStdString() + "\r\n";
        chunk.append(data, size_t(size));
        chunk += "\r\n";
        return sink.write(chunk.data(), chunk.size());
    }

    const QByteArray m_body;
    const qint64 m_total; // -1: endless
    const int m_rate;
    const bool m_chunked;
    const bool m_closeAtEnd;
    const std::atomic<bool> &m_stopping;
    qint64 m_sent = 0;
    bool m_started = false;
    Clock::time_point m_start;
    std::optional<Clock::time_point> m_lastWrite;
};

HostileServer::Reply notFound()
{
    return HostileServer::json(R"({"message":"404 Not Found"})", 404);
}

} // namespace

struct HostileServer::Private
{
    struct Route
    {
        QByteArray method;
        QRegularExpression pattern;
        Handler handler;
    };

    httplib::Server server;
    std::thread thread;
    std::atomic<bool> stopping{false};
    std::atomic<bool> finished{false};
    int port = -1;

    mutable QMutex mutex;
    std::vector<Route> routes; // guarded by mutex
    QList<Request> log;        // guarded by mutex

    // stop() only takes effect once the listener runs.
    void waitUntilRunning() const
    {
        const Clock::time_point deadline = Clock::now() + 10s;
        while (!server.is_running() && !finished && Clock::now() < deadline)
            std::this_thread::sleep_for(1ms);
    }
    void install();
    qsizetype record(const httplib::Request &request);
    void handle(const httplib::Request &request, httplib::Response &response,
                const httplib::ContentReader *reader);
    void send(const Reply &reply, httplib::Response &response);
    Handler handlerFor(const Request &request) const;
    void abortConnections() const;
};

QByteArray HostileServer::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HostileServer::HostileServer()
    : d(std::make_unique<Private>())
{
    static std::once_flag ignoreSigpipe;
    std::call_once(ignoreSigpipe, [] { std::signal(SIGPIPE, SIG_IGN); });

    // Enough workers for a client's parallel connections plus a few held open by hostile
    // replies (cpp-httplib's default is 8).
    d->server.new_task_queue = [] { return new httplib::ThreadPool(16); };
    d->server.set_read_timeout(300);
    d->server.set_write_timeout(300);
    d->server.set_keep_alive_timeout(5);
    d->server.set_keep_alive_max_count(1000);
    d->server.set_tcp_nodelay(true);
    d->install();

    d->port = d->server.bind_to_any_port("127.0.0.1");
    if (d->port <= 0)
        return;
    Private *p = d.get();
    d->thread = std::thread([p] {
        p->server.listen_after_bind();
        p->finished = true;
    });
    d->waitUntilRunning();
}

HostileServer::~HostileServer()
{
    if (!d->thread.joinable())
        return;
    d->stopping = true;
    d->waitUntilRunning();
    d->server.stop();
    // Let streams notice `stopping`; then cut what is still open: writes blocked on a client
    // that does not read, idle keep-alive connections (cpp-httplib waits 5 s for those).
    const Clock::time_point grace = Clock::now() + 100ms;
    while (!d->finished && Clock::now() < grace)
        std::this_thread::sleep_for(5ms);
    while (!d->finished) {
        d->abortConnections();
        std::this_thread::sleep_for(20ms);
    }
    d->thread.join();
}

bool HostileServer::isListening() const
{
    return d->port > 0 && d->server.is_running();
}

QUrl HostileServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(d->port);
    return url;
}

void HostileServer::on(const QByteArray &method, const QString &pathPattern, Handler handler)
{
    QRegularExpression pattern(pathPattern);
    if (!pattern.isValid())
        qWarning().noquote() << "HostileServer::on: invalid pattern" << pathPattern << "-"
                             << pattern.errorString();
    const QMutexLocker lock(&d->mutex);
    d->routes.push_back({method, std::move(pattern), std::move(handler)});
}

QList<HostileServer::Request> HostileServer::requests() const
{
    const QMutexLocker lock(&d->mutex);
    return d->log;
}

int HostileServer::count(const QByteArray &method, const QString &pathPattern) const
{
    const QRegularExpression pattern(pathPattern);
    const QMutexLocker lock(&d->mutex);
    int n = 0;
    for (const Request &request : d->log) {
        if (request.method == method && pattern.match(QString::fromUtf8(request.path)).hasMatch())
            ++n;
    }
    return n;
}

HostileServer::Reply HostileServer::json(const QByteArray &body, int status,
                                         QList<QPair<QByteArray, QByteArray>> extraHeaders)
{
    Reply reply;
    reply.status = status;
    reply.headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    reply.headers += extraHeaders;
    reply.body = body;
    return reply;
}

void HostileServer::Private::install()
{
    server.set_pre_routing_handler([this](const httplib::Request &request, httplib::Response &) {
        t_replyHeaders.reset();
        t_logIndex = record(request);
        auto &editable = const_cast<httplib::Request &>(request);
        // Handlers see Range like any other header; keep cpp-httplib from applying it.
        editable.ranges.clear();
        // Without either header a request has no body, but cpp-httplib would read one until
        // the client closes.
        if (!request.has_header("Content-Length") && !request.has_header("Transfer-Encoding"))
            editable.headers.emplace("Content-Length", "0");
        return httplib::Server::HandlerResponse::Unhandled;
    });
    const auto plain = [this](const httplib::Request &request, httplib::Response &response) {
        handle(request, response, nullptr);
    };
    const auto withBody = [this](const httplib::Request &request, httplib::Response &response,
                                 const httplib::ContentReader &reader) {
        handle(request, response, &reader);
    };
    server.Get(".*", plain); // GET and HEAD
    server.Options(".*", plain);
    server.Delete(".*", plain); // Debian's 0.11.4 reads a DELETE body only with Content-Length
    server.Delete(".*", withBody);
    server.Put(".*", withBody);
    server.Post(".*", withBody);
    server.Patch(".*", withBody);
    server.set_post_routing_handler([](const httplib::Request &, httplib::Response &response) {
        if (!t_replyHeaders)
            return;
        // Drop what cpp-httplib added (Keep-Alive, a default Content-Type, Accept-Ranges) but
        // keep its Connection: close, since it does close then.
        const bool closing = response.get_header_value("Connection") == "close";
        response.headers = std::move(*t_replyHeaders);
        t_replyHeaders.reset();
        if (closing && !response.has_header("Connection"))
            response.headers.emplace("Connection", "close");
    });
}

qsizetype HostileServer::Private::record(const httplib::Request &request)
{
    Request received;
    received.method = QByteArray::fromStdString(request.method);
    received.target = QByteArray::fromStdString(request.target);
    const qsizetype query = received.target.indexOf('?');
    received.path = query < 0 ? received.target : received.target.left(query);
    received.clientPort = request.remote_port;
    for (const auto &[name, value] : request.headers) {
        const auto isPseudo = [&key = name](const char *pseudo) { return key == pseudo; };
        if (std::none_of(std::begin(PseudoHeaders), std::end(PseudoHeaders), isPseudo))
            received.headers.append(
                {QByteArray::fromStdString(name), QByteArray::fromStdString(value)});
    }
    const QMutexLocker lock(&mutex);
    log.append(received);
    return log.size() - 1;
}

void HostileServer::Private::handle(const httplib::Request &request, httplib::Response &response,
                                    const httplib::ContentReader *reader)
{
    const qsizetype index = t_logIndex >= 0 ? t_logIndex : record(request);
    t_logIndex = -1;
    qint64 bodySize = qint64(request.body.size());
    bool complete = true;
    if (reader) {
        const auto count = [&](const char *, size_t length) {
            bodySize += qint64(length);
            const QMutexLocker lock(&mutex);
            log[index].bodySize = bodySize;
            return !stopping;
        };
        if (request.is_multipart_form_data())
            complete = (*reader)([](const httplib::MultipartFormData &) { return true; }, count);
        else
            complete = (*reader)(count);
    }
    if (!complete) {
        // The client went away mid-body (or the server is stopping): nobody is listening.
        Reply reply;
        reply.status = 400;
        reply.closeAfterBody = true;
        send(reply, response);
        return;
    }

    Request received;
    {
        const QMutexLocker lock(&mutex);
        log[index].bodySize = bodySize;
        received = log.at(index);
    }
    const Handler handler = handlerFor(received);
    send(handler ? handler(received) : notFound(), response);
}

HostileServer::Handler HostileServer::Private::handlerFor(const Request &request) const
{
    const QString path = QString::fromUtf8(request.path);
    const QMutexLocker lock(&mutex);
    for (auto route = routes.rbegin(); route != routes.rend(); ++route) {
        if (route->method == request.method && route->pattern.match(path).hasMatch())
            return route->handler;
    }
    return {};
}

void HostileServer::Private::send(const Reply &reply, httplib::Response &response)
{
    httplib::Headers headers;
    bool framed = false;
    bool wantsClose = false;
    qint64 announced = -1;
    for (const auto &[name, value] : reply.headers) {
        headers.emplace(name.toStdString(), value.toStdString());
        if (sameName(name, "Content-Length")) {
            framed = true;
            bool ok = false;
            announced = value.trimmed().toLongLong(&ok);
            if (!ok)
                announced = -1;
        } else if (sameName(name, "Transfer-Encoding")) {
            framed = true;
        } else if (sameName(name, "Connection")) {
            wantsClose = wantsClose || value.toLower().contains("close");
        }
    }
    bool chunked = false;
    if (!framed) {
        if (reply.contentLength >= 0)
            announced = reply.contentLength;
        else if (reply.fillerBytes == 0)
            announced = reply.body.size();
        else
            chunked = true;
        if (chunked)
            headers.emplace("Transfer-Encoding", "chunked");
        else
            headers.emplace("Content-Length", std::to_string(announced));
    }
    const qint64 total = reply.fillerBytes < 0 ? -1 : reply.body.size() + reply.fillerBytes;
    const bool closeAtEnd =
        reply.closeAfterBody || wantsClose || (announced >= 0 && total != announced);

    response.status = reply.status;
    // Always a provider, never Response::body: cpp-httplib would compress a body for a client
    // that accepts gzip, and this way the provider decides when the connection ends.
    auto writer = std::make_shared<BodyWriter>(reply, chunked, closeAtEnd, stopping);
    response.set_content_provider(
        std::string(), [writer](size_t, httplib::DataSink &sink) { return writer->step(sink); });
    t_replyHeaders = std::move(headers);
}

// Shuts down every connection accepted by this server. cpp-httplib does not hand out its
// sockets, so they are found by their local port among the process's file descriptors.
void HostileServer::Private::abortConnections() const
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
            || local.ss_family != AF_INET
            || ntohs(reinterpret_cast<const sockaddr_in &>(local).sin_port) != port
            || getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerLength) != 0)
            continue; // not ours, or the listening socket
        shutdown(fd, SHUT_RDWR);
    }
}

} // namespace Stevedore::Test
