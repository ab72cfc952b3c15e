#include "Http.h"

#include <QDeadlineTimer>
#include <QJsonParseError>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTcpSocket>

#include <memory>

namespace stevedore::test {

bool CaseInsensitiveLess::operator()(const QByteArray &lhs, const QByteArray &rhs) const noexcept
{
    return lhs.compare(rhs, Qt::CaseInsensitive) < 0;
}

HttpHeaders operator+(HttpHeaders headers, const HttpHeaders &extra)
{
    for (const auto &entry : extra)
        headers.insert(entry);
    return headers;
}

bool HttpReply::hasHeader(QByteArrayView name) const
{
    return headers.find(name.toByteArray()) != headers.end();
}

QByteArray HttpReply::header(QByteArrayView name) const
{
    const auto it = headers.find(name.toByteArray());
    return it == headers.end() ? QByteArray() : it->second;
}

QList<QByteArray> HttpReply::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    const auto [first, last] = headers.equal_range(name.toByteArray());
    for (auto it = first; it != last; ++it)
        values.append(it->second);
    return values;
}

QJsonDocument HttpReply::json() const
{
    QJsonParseError parseError{};
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    return parseError.error == QJsonParseError::NoError ? doc : QJsonDocument();
}

QString HttpReply::describe() const
{
    constexpr qsizetype maxBody = 400;
    QString text =
        status == 0 ? QStringLiteral("no HTTP answer") : QStringLiteral("HTTP %1").arg(status);
    if (!error.isEmpty())
        text += QStringLiteral(" (error: %1)").arg(error);
    if (!body.isEmpty()) {
        QString shown = QString::fromUtf8(body.left(maxBody));
        if (body.size() > maxBody)
            shown += QStringLiteral("… (%1 bytes)").arg(body.size());
        text += QLatin1Char(' ') + shown;
    }
    return text;
}

Http::Http(const QUrl &baseUrl)
    : m_baseUrl(baseUrl)
{
}

namespace {

constexpr qint64 ChunkSize = 256 * 1024;
constexpr qint64 MaxQueuedBytes = 1024 * 1024;

int toMs(std::chrono::milliseconds d)
{
    return static_cast<int>(qBound(qint64(1), qint64(d.count()), qint64(24) * 3600 * 1000));
}

bool hasHeader(const HttpHeaders &headers, const char *name)
{
    return headers.find(QByteArray(name)) != headers.end();
}

// Reads from the socket into a buffer, and parses one HTTP/1.1 response out of it.
class ResponseReader final
{
public:
    ResponseReader(QTcpSocket &socket, int readTimeoutMs)
        : m_socket(socket)
        , m_timeout(readTimeoutMs)
    {
    }

    // Appends whatever is or becomes readable. False when nothing more will come.
    bool fill()
    {
        if (m_socket.bytesAvailable() > 0) {
            m_buffer += m_socket.readAll();
            return true;
        }
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            return false;
        if (!m_socket.waitForReadyRead(m_timeout)) {
            if (m_socket.bytesAvailable() > 0) {
                m_buffer += m_socket.readAll();
                return true;
            }
            m_failure = m_socket.error() == QAbstractSocket::SocketTimeoutError
                            ? QStringLiteral("read timed out after %1 ms").arg(m_timeout)
                            : m_socket.errorString();
            return false;
        }
        m_buffer += m_socket.readAll();
        return true;
    }

    // Parses the status line and headers (skipping 1xx answers) into `reply`.
    bool readHead(HttpReply &reply)
    {
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                if (!fill())
                    return false;
                continue;
            }
            const QByteArray head = m_buffer.left(end);
            m_buffer.remove(0, end + 4);
            const QList<QByteArray> lines = head.split('\n');
            const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
            bool ok = false;
            const int status = statusLine.value(1).toInt(&ok);
            if (!statusLine.value(0).startsWith("HTTP/1.") || !ok) {
                m_failure = QStringLiteral("malformed status line: %1")
                                .arg(QString::fromLatin1(lines.value(0)));
                return false;
            }
            if (status >= 100 && status < 200)
                continue;
            reply.status = status;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line =
                    lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                reply.headers.emplace(line.left(colon), line.mid(colon + 1).trimmed());
            }
            return true;
        }
    }

    // Reads exactly `length` bytes into `out` (fewer when the connection ends).
    bool readExactly(qint64 length, QByteArray &out)
    {
        while (m_buffer.size() < length) {
            if (!fill())
                break;
        }
        const qint64 n = qMin<qint64>(length, m_buffer.size());
        out += m_buffer.left(n);
        m_buffer.remove(0, n);
        return n == length;
    }

    bool readLine(QByteArray &line)
    {
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n");
            if (end >= 0) {
                line = m_buffer.left(end);
                m_buffer.remove(0, end + 2);
                return true;
            }
            if (!fill())
                return false;
        }
    }

    bool readChunked(QByteArray &out)
    {
        for (;;) {
            QByteArray sizeLine;
            if (!readLine(sizeLine))
                return false;
            bool ok = false;
            const qint64 size = sizeLine.split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok) {
                m_failure = QStringLiteral("malformed chunk size line");
                return false;
            }
            if (size == 0) {
                QByteArray trailer;
                while (readLine(trailer) && !trailer.isEmpty()) {
                }
                return true;
            }
            QByteArray crlf;
            if (!readExactly(size, out) || !readExactly(2, crlf))
                return false;
        }
    }

    void readToEnd(QByteArray &out)
    {
        while (fill()) {
        }
        out += m_buffer;
        m_buffer.clear();
    }

    QString failure() const { return m_failure; }

private:
    QTcpSocket &m_socket;
    int m_timeout;
    QByteArray m_buffer;
    QString m_failure;
};

} // namespace

HttpReply Http::request(QByteArrayView method, const QByteArray &rawTarget,
                        const HttpHeaders &headers, const QByteArray &body) const
{
    const bool sendsBody =
        !body.isEmpty() || method == "PUT" || method == "POST" || method == "PATCH";
    return requestStreamed(method, rawTarget, headers, sendsBody ? body.size() : -1,
                           [&body](qint64 offset, qint64 remaining) {
                               return body.mid(offset, qMin(remaining, ChunkSize));
                           });
}

HttpReply Http::requestStreamed(QByteArrayView method, const QByteArray &rawTarget,
                                const HttpHeaders &headers, qint64 contentLength,
                                const BodyGenerator &generator) const
{
    HttpReply reply;
    const bool tls = m_baseUrl.scheme() == QLatin1String("https");
    const QString host = m_baseUrl.host();
    const quint16 port = static_cast<quint16>(m_baseUrl.port(tls ? 443 : 80));

    std::unique_ptr<QTcpSocket> socket;
    if (tls) {
        auto ssl = std::make_unique<QSslSocket>();
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        if (!m_caFile.isEmpty()) {
            const QList<QSslCertificate> cas = QSslCertificate::fromPath(m_caFile, QSsl::Pem);
            if (cas.isEmpty()) {
                reply.error = QStringLiteral("no CA certificate in %1").arg(m_caFile);
                return reply;
            }
            config.setCaCertificates(cas);
        }
        config.setPeerVerifyMode(m_verify ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
        ssl->setSslConfiguration(config);
        ssl->connectToHostEncrypted(host, port);
        if (!ssl->waitForEncrypted(toMs(m_connectTimeout))) {
            QStringList why{ssl->errorString()};
            for (const QSslError &e : ssl->sslHandshakeErrors())
                why << e.errorString();
            reply.error =
                QStringLiteral("TLS handshake failed: %1").arg(why.join(QStringLiteral("; ")));
            return reply;
        }
        socket = std::move(ssl);
    } else {
        socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(host, port);
        if (!socket->waitForConnected(toMs(m_connectTimeout))) {
            reply.error = QStringLiteral("cannot connect: %1").arg(socket->errorString());
            return reply;
        }
    }

    QByteArray head = method.toByteArray() + ' ' + rawTarget + " HTTP/1.1\r\n";
    if (!hasHeader(headers, "Host"))
        head += "Host: " + host.toLatin1() + ':' + QByteArray::number(port) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    if (!hasHeader(headers, "Accept-Encoding"))
        head += "Accept-Encoding: identity\r\n";
    if (!hasHeader(headers, "User-Agent"))
        head += "User-Agent: stevedore-test-support\r\n";
    if (!hasHeader(headers, "Connection"))
        head += "Connection: close\r\n";
    if (contentLength >= 0 && !hasHeader(headers, "Content-Length"))
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    head += "\r\n";

    const int writeTimeout = toMs(m_writeTimeout);
    QString writeFailure;
    auto send = [&](const QByteArray &data) {
        if (socket->write(data) != data.size()) {
            writeFailure = socket->errorString();
            return false;
        }
        while (socket->bytesToWrite() > MaxQueuedBytes) {
            if (!socket->waitForBytesWritten(writeTimeout)) {
                writeFailure = socket->errorString();
                return false;
            }
        }
        return true;
    };

    bool sent = send(head);
    for (qint64 offset = 0; sent && offset < qMax<qint64>(contentLength, 0);) {
        const QByteArray chunk = generator(offset, contentLength - offset);
        if (chunk.isEmpty() || chunk.size() > contentLength - offset) {
            reply.error = QStringLiteral("the body generator stopped at byte %1 of %2")
                              .arg(offset)
                              .arg(contentLength);
            return reply;
        }
        sent = send(chunk);
        offset += chunk.size();
    }
    while (sent && socket->bytesToWrite() > 0) {
        if (!socket->waitForBytesWritten(writeTimeout)) {
            writeFailure = socket->errorString();
            sent = false;
        }
    }

    // Even after a failed write the server may have answered (e.g. early and then closed).
    ResponseReader reader(*socket, toMs(m_readTimeout));
    if (!reader.readHead(reply)) {
        reply.status = 0;
        reply.headers.clear();
        reply.error = !writeFailure.isEmpty() ? QStringLiteral("write failed: %1").arg(writeFailure)
                      : !reader.failure().isEmpty()
                          ? reader.failure()
                          : QStringLiteral("connection closed without an answer");
        socket->abort();
        return reply;
    }

    const bool noBody = method == "HEAD" || reply.status == 204 || reply.status == 304;
    if (!noBody) {
        const QByteArray transferEncoding = reply.header("Transfer-Encoding").toLower();
        const QByteArray lengthHeader = reply.header("Content-Length");
        if (transferEncoding.contains("chunked")) {
            if (!reader.readChunked(reply.body))
                reply.error =
                    QStringLiteral("chunked body cut short after %1 bytes%2")
                        .arg(reply.body.size())
                        .arg(reader.failure().isEmpty() ? QString()
                                                        : QStringLiteral(": ") + reader.failure());
        } else if (!lengthHeader.isNull()) {
            bool ok = false;
            const qint64 length = lengthHeader.toLongLong(&ok);
            if (!ok || length < 0) {
                reply.error = QStringLiteral("malformed Content-Length: %1")
                                  .arg(QString::fromLatin1(lengthHeader));
            } else if (!reader.readExactly(length, reply.body)) {
                reply.error =
                    QStringLiteral("body cut short: %1 of %2 bytes%3")
                        .arg(reply.body.size())
                        .arg(length)
                        .arg(reader.failure().isEmpty() ? QString()
                                                        : QStringLiteral(": ") + reader.failure());
            }
        } else {
            reader.readToEnd(reply.body);
        }
    }
    socket->abort();
    return reply;
}

HttpHeaders Http::privateToken(const QByteArray &token)
{
    return {{QByteArrayLiteral("PRIVATE-TOKEN"), token}};
}

HttpHeaders Http::jobToken(const QByteArray &token)
{
    return {{QByteArrayLiteral("JOB-TOKEN"), token}};
}

HttpHeaders Http::deployToken(const QByteArray &token)
{
    return {{QByteArrayLiteral("Deploy-Token"), token}};
}

HttpHeaders Http::basic(const QByteArray &user, const QByteArray &password)
{
    return {
        {QByteArrayLiteral("Authorization"),
         QByteArray(QByteArrayLiteral("Basic ") + QByteArray(user + ':' + password).toBase64())}};
}

HttpHeaders Http::bearer(const QByteArray &token)
{
    return {{QByteArrayLiteral("Authorization"), QByteArray(QByteArrayLiteral("Bearer ") + token)}};
}

} // namespace stevedore::test
