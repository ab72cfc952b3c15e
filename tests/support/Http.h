#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <map>

namespace stevedore::test {

/// Orders header names case-insensitively (ASCII), so that lookups ignore case.
struct CaseInsensitiveLess final
{
    bool operator()(const QByteArray &lhs, const QByteArray &rhs) const noexcept;
};

/// Request or response headers: several values per name, names case-insensitive.
using HttpHeaders = std::multimap<QByteArray, QByteArray, CaseInsensitiveLess>;

/// Adds every header of `extra` to `headers` and returns the result.
HttpHeaders operator+(HttpHeaders headers, const HttpHeaders &extra);

/// What came back for one request.
struct HttpReply final
{
    /// HTTP status, or 0 when no answer arrived (connection refused or reset, TLS
    /// failure, timeout before the status line).
    int status = 0;
    /// Empty when the exchange completed; otherwise why it did not (also set when the
    /// status line and headers arrived but the body was cut short).
    QString error;
    HttpHeaders headers;
    /// The body as received (possibly partial when `error` is set).
    QByteArray body;

    bool completed() const { return status != 0 && error.isEmpty(); }
    bool hasHeader(QByteArrayView name) const;
    /// The first value of `name`, or a null QByteArray when absent.
    QByteArray header(QByteArrayView name) const;
    QList<QByteArray> headerValues(QByteArrayView name) const;

    /// The body parsed as JSON (a null document when it is not JSON).
    QJsonDocument json() const;
    QJsonObject jsonObject() const { return json().object(); }
    QJsonArray jsonArray() const { return json().array(); }

    /// One line for failure messages: status, transport error and the start of the body.
    QString describe() const;
};

/// A tiny synchronous HTTP/1.1 (and HTTPS) client for tests.
///
/// - Request targets are sent exactly as given (`%2F`, `%2e%2e` and raw `..` reach the
///   server unchanged), so tests can probe the server's decoding.
/// - Response header values are exactly the bytes the server sent. (This is why it speaks
///   HTTP itself over QTcpSocket/QSslSocket instead of using cpp-httplib's client: httplib
///   0.11 percent-decodes every response header value, which turns a `Location` or a
///   `Content-Disposition` such as `filename="myfile%401.1.tar.gz"` into something the
///   server never sent.)
/// - No compression either way (`Accept-Encoding: identity` unless given), redirects are
///   never followed, every request uses a fresh connection (`Connection: close`).
/// - Bodies with Content-Length, chunked bodies and bodies delimited by the connection's
///   close are read; a body cut short is returned as far as it came, with `error` set.
/// - All methods are const and share no state, so one instance may be used from several
///   threads at once: each request makes its own socket in the calling thread, which must
///   be a QThread (e.g. QThread::create) or the main thread, as Qt sockets need one.
class Http final
{
public:
    /// `baseUrl` is the origin, e.g. `http://127.0.0.1:8080` (a path is ignored).
    explicit Http(const QUrl &baseUrl);

    QUrl baseUrl() const { return m_baseUrl; }

    /// https only: trust exactly the CA certificates in this PEM file.
    void setCaCertificateFile(const QString &path) { m_caFile = path; }
    /// https only: verify the server certificate (default true).
    void setVerifyServerCertificate(bool on) { m_verify = on; }
    void setConnectTimeout(std::chrono::milliseconds timeout) { m_connectTimeout = timeout; }
    /// How long to wait for each read (also the wait for the status line). Default 30 s.
    void setReadTimeout(std::chrono::milliseconds timeout) { m_readTimeout = timeout; }
    void setWriteTimeout(std::chrono::milliseconds timeout) { m_writeTimeout = timeout; }

    /// Sends `method rawTarget` with `headers` and `body`. A body is sent (with its
    /// Content-Length) when it is non-empty or when the method is PUT, POST or PATCH.
    HttpReply request(QByteArrayView method, const QByteArray &rawTarget,
                      const HttpHeaders &headers = {}, const QByteArray &body = {}) const;

    HttpReply get(const QByteArray &rawTarget, const HttpHeaders &headers = {}) const
    {
        return request("GET", rawTarget, headers);
    }
    HttpReply head(const QByteArray &rawTarget, const HttpHeaders &headers = {}) const
    {
        return request("HEAD", rawTarget, headers);
    }
    HttpReply put(const QByteArray &rawTarget, const QByteArray &body,
                  const HttpHeaders &headers = {}) const
    {
        return request("PUT", rawTarget, headers, body);
    }
    HttpReply del(const QByteArray &rawTarget, const HttpHeaders &headers = {}) const
    {
        return request("DELETE", rawTarget, headers);
    }

    /// Produces the body piece by piece: called with the offset of the next byte and the
    /// number of bytes still to send; returns the next chunk (at most that many bytes).
    /// An empty chunk aborts the request.
    using BodyGenerator = std::function<QByteArray(qint64 offset, qint64 remaining)>;

    /// PUT with a body of `contentLength` bytes produced by `generator` as the socket
    /// drains: the body is never held in memory.
    HttpReply putStreamed(const QByteArray &rawTarget, qint64 contentLength,
                          const BodyGenerator &generator, const HttpHeaders &headers = {}) const
    {
        return requestStreamed("PUT", rawTarget, headers, contentLength, generator);
    }

    /// Any method with a generated body of `contentLength` bytes (sent with Content-Length).
    HttpReply requestStreamed(QByteArrayView method, const QByteArray &rawTarget,
                              const HttpHeaders &headers, qint64 contentLength,
                              const BodyGenerator &generator) const;

    // Credential headers.
    static HttpHeaders privateToken(const QByteArray &token);
    static HttpHeaders jobToken(const QByteArray &token);
    static HttpHeaders deployToken(const QByteArray &token);
    static HttpHeaders basic(const QByteArray &user, const QByteArray &password);
    static HttpHeaders bearer(const QByteArray &token);

private:
    QUrl m_baseUrl;
    QString m_caFile;
    bool m_verify = true;
    std::chrono::milliseconds m_connectTimeout{5000};
    std::chrono::milliseconds m_readTimeout{30000};
    std::chrono::milliseconds m_writeTimeout{30000};
};

} // namespace stevedore::test
