#pragma once

#include "core/ApiError.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <memory>
#include <thread>

namespace Stevedore {

class GitLabClient;

// One HTTP exchange with GitLab run by libcurl on a worker thread of its own, so that a body
// moves between the socket and its source or sink with no hop through the owner's thread (Qt's
// HTTP stack hands every 16 KiB through queued signals, which costs more CPU than hashing it).
// Progress, at most every 50 ms, and the outcome come back on the owner's thread. CurlPut sends
// an upload body, CurlGet receives a download; this is what they share.
//
// Each request is built by GitLabClient::buildRequest() (user agent, the credential header only
// for the account's origin), trusts what Qt trusts for the account (the system CAs and the
// account's CA file), uses the account's kept-open connections, never lets libcurl follow a
// redirect, and ends like an ApiCall: status, response headers, the buffered answer (at most
// 64 MiB, headers at most 256 KiB), the client's inactivity timeout and slow-body floor, and an
// ApiError of the same kinds and wording.
class CurlCall : public QObject
{
    Q_OBJECT

public:
    // What a PUT sends. read() and size() are called on the worker thread only, between start()
    // and finished(); the owner may look at it again once finished() was emitted.
    class Source
    {
    public:
        virtual ~Source() = default;
        virtual qint64 size() const = 0;
        // Copies up to maxSize bytes of the body into data. 0 at the end (after size() bytes),
        // -1 on a failure, described by errorText().
        virtual qint64 read(char *data, qint64 maxSize) = 0;
        virtual QString errorText() const = 0;
    };

    // Where the body of a GET's final 2xx answer goes (any other answer is buffered). Called on
    // the worker thread only, between start() and finished(). An error stops the transfer and
    // is the call's error.
    class Sink
    {
    public:
        virtual ~Sink() = default;
        // The answer's status and headers are in; no byte of its body yet.
        virtual ApiError begin(int status, const QList<QPair<QByteArray, QByteArray>> &headers) = 0;
        virtual ApiError write(const char *data, qint64 size) = 0;
    };

    // A running transfer is cancelled and its thread joined (promptly: the worker is woken).
    ~CurlCall() override;

    void start();
    // Cancels and finishes now with ApiError::Kind::Cancelled (finished() is emitted before it
    // returns; the worker has let go of the source or sink by then).
    void abort();

    bool isFinished() const { return m_finished; }
    int status() const { return m_status; }
    QByteArray body() const { return m_body; } // buffered: not what went to a Sink
    QJsonDocument json() const;
    QByteArray header(const QByteArray &name) const; // of the final response
    ApiError error() const { return m_error; }
    QUrl finalUrl() const { return m_url; }
    // Bytes of the body sent (PUT) or received (GET, of the final answer) so far.
    qint64 bytesMoved() const { return m_moved; }

    static constexpr qint64 kUploadBufferSize = 1024 * 1024;
    static constexpr qint64 kDownloadBufferSize = 512 * 1024;

Q_SIGNALS:
    // total: the body's size, -1 when the server did not announce it.
    void progress(qint64 moved, qint64 total);
    void finished();

protected:
    struct Request
    {
        QByteArray method; // "PUT" or "GET"
        QUrl url;
        QList<QByteArray> headers; // beyond GitLabClient's, as "Name: value" lines
        std::shared_ptr<Source> source;
        std::shared_ptr<Sink> sink;
        bool followRedirects = false; // by the rules of ApiCall; else a redirect fails
    };

    CurlCall(GitLabClient *client, Request request, QObject *parent);

private:
    struct Transfer;

    void launch();
    void onProgress();
    void onWorkerDone();
    void followRedirect();
    void finish(const ApiError &error);
    void stopWorker(bool cancel);
    ApiError outcome() const;

    QPointer<GitLabClient> m_client;
    Request m_request;
    QUrl m_url; // of the current hop
    int m_redirects = 0;
    std::shared_ptr<Transfer> m_transfer;
    std::thread m_worker;
    qint64 m_moved = 0;
    qint64 m_reported = 0;
    int m_status = 0;
    bool m_finished = false;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    ApiError m_error;
};

} // namespace Stevedore
