#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace Stevedore::Test {

/// A scripted, misbehaving GitLab for client tests: an HTTP/1.1 server (cpp-httplib, on its
/// own thread, 127.0.0.1, a free port) in the test's own process, so it keeps answering while
/// the test blocks, e.g. in QProcess::waitForFinished() on the stevedore binary. Handlers
/// registered with on() script each answer, including what the API never documents: wrong
/// lengths, bodies that end early, endless or dripping bodies, huge headers, abrupt closes.
///
/// What goes on the wire for a Reply:
/// - The status line (with cpp-httplib's reason phrase for the code), then `headers` exactly as
///   given, in order of their names (cpp-httplib keeps them in a case-insensitively sorted
///   multimap; values are not checked, but a value ends at a NUL byte). No Content-Type, Date,
///   Keep-Alive or other header is added, except:
///   - framing, unless `headers` already name Content-Length or Transfer-Encoding:
///     `Content-Length: contentLength` when contentLength >= 0, else
///     `Content-Length: body.size()` when fillerBytes == 0, else `Transfer-Encoding: chunked`
///     (body and filler then go out as chunks, ended by the last chunk unless the connection
///     is closed first);
///   - `Connection: close` when the client asked for it (cpp-httplib then closes).
/// - The body, then the filler, in writes of at most 64 KiB, or dripped in writes about every
///   100 ms. A HEAD reply has neither, and keeps the connection open whatever the Reply says.
/// - The connection is closed after the reply when closeAfterBody is set, when the filler is
///   endless, when the bytes sent differ from the Content-Length announced, or when `headers`
///   say `Connection: close`; otherwise it stays open for the next request (idle timeout
///   5 s). A close is a plain close (FIN), not a reset.
///
/// Limits from cpp-httplib 0.11: request header values arrive percent-decoded; request lines
/// or header lines longer than 8192 bytes and malformed `Range` headers are refused (414, 400,
/// 416) before anything is recorded; methods other than GET, HEAD, POST, PUT, PATCH, DELETE
/// and OPTIONS are recorded but answered 400 without a handler. `Expect: 100-continue` is
/// answered with `100 Continue` automatically. Bodies are read for POST, PUT, PATCH and
/// DELETE only, counted and discarded (a gzip or br Content-Encoding is decoded first; of a
/// multipart/form-data body the parts' contents are counted). A handler that throws is
/// answered with a plain 500.
///
/// The destructor stops the server and returns promptly even while clients hold responses
/// open (endless, dripping, blocked on a full socket buffer, or idle keep-alive): it shuts
/// down every connection of this server. The process ignores SIGPIPE from the first
/// HostileServer on (as every server must: a peer may go away while a response is written).
class HostileServer final
{
public:
    struct Request
    {
        /// "GET", "PUT", …
        QByteArray method;
        /// The raw request target as sent: path and query, NOT percent-decoded (e.g.
        /// /api/v4/projects/demo%2Fhello/packages?page=2); a fragment is dropped.
        QByteArray target;
        /// `target` without the query, still raw (not decoded).
        QByteArray path;
        /// As received (see the limits above), ordered by name.
        QList<QPair<QByteArray, QByteArray>> headers;
        /// The first value of `name` (case-insensitive); empty if absent.
        QByteArray header(const QByteArray &name) const;
        /// Bytes of the request body received (the body itself is read and discarded,
        /// never kept: uploads may be large). In requests() it grows while the body arrives.
        qint64 bodySize = 0;
        /// The client's TCP port: two requests with the same port came on one connection.
        int clientPort = 0;
    };

    struct Reply
    {
        int status = 200;
        /// Sent as given (e.g. {"Content-Type","application/json"}, {"Retry-After","86400"},
        /// {"Link", "<…>; rel=\"next\""}, or a 1 MiB header value).
        QList<QPair<QByteArray, QByteArray>> headers;
        /// Sent as the body (Content-Length = body.size() unless contentLength is set).
        QByteArray body;
        /// >= 0: announce this Content-Length instead of body.size() (announcing more than is
        /// sent, then closing, is "a body that ends early").
        qint64 contentLength = -1;
        /// After `body`, send this many more bytes of filler ('x'); -1 = endless (until the
        /// client closes or the server stops). With contentLength == -1 and fillerBytes != 0
        /// the response is chunked (Transfer-Encoding: chunked, no Content-Length).
        qint64 fillerBytes = 0;
        /// > 0: send body+filler at about this rate (a write about every 100 ms), to model a
        /// slow drip.
        int dripBytesPerSecond = 0;
        /// After sending what is described, close the connection abruptly (no further data,
        /// no last chunk of a chunked body).
        bool closeAfterBody = false;
    };

    using Handler = std::function<Reply(const Request &)>;

    /// Starts listening; QVERIFY-free: check isListening().
    HostileServer();
    /// Stops the server and joins its threads, also while a client still holds an endless or
    /// dripping response open (those streams are aborted).
    ~HostileServer();
    HostileServer(const HostileServer &) = delete;
    HostileServer &operator=(const HostileServer &) = delete;
    HostileServer(HostileServer &&) = delete;
    HostileServer &operator=(HostileServer &&) = delete;

    bool isListening() const;
    /// http://127.0.0.1:PORT
    QUrl baseUrl() const;

    /// Answers requests whose method equals `method` and whose raw path (not decoded, without
    /// the query) matches `pathPattern` (QRegularExpression, unanchored match like
    /// QRegularExpression::match; anchor with ^…$ when wanted). Later registrations win over
    /// earlier ones. Unmatched requests get 404 {"message":"404 Not Found"} with Content-Type
    /// application/json. Handlers run on the server's threads, several at once: they must
    /// only use data captured by value or guarded by the caller.
    void on(const QByteArray &method, const QString &pathPattern, Handler handler);

    /// Every request received so far, in order of arrival (a thread-safe copy).
    QList<Request> requests() const;
    /// How many received requests have this method and a raw path matching `pathPattern`.
    int count(const QByteArray &method, const QString &pathPattern) const;

    /// Convenience for JSON replies: status 200 (or given), Content-Type application/json.
    static Reply json(const QByteArray &body, int status = 200,
                      QList<QPair<QByteArray, QByteArray>> extraHeaders = {});

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Stevedore::Test
