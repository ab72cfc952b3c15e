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

// One HTTP PUT of a request body to GitLab, sent by libcurl on a worker thread: the body goes
// from its reader straight into curl's buffer, with no hop through the owner's thread (Qt's
// HTTP stack takes a PUT body 16 KiB at a time through queued signals, which costs more CPU
// than hashing it). Progress and the outcome come back on the owner's thread.
//
// The request is built by GitLabClient::buildRequest() (user agent, the credential header only
// for the account's origin), trusts what Qt trusts for the account (the system CAs and the
// account's CA file), never follows a redirect, and ends like an ApiCall: status, response
// headers, the buffered answer (at most 64 MiB, headers at most 256 KiB) and an ApiError of
// the same kinds and wording.
class CurlPut final : public QObject
{
    Q_OBJECT

public:
    // What is sent. read() and size() are called on the worker thread only, between start()
    // and finished(); the owner may look at the reader again once finished() was emitted.
    class Body
    {
    public:
        virtual ~Body() = default;
        virtual qint64 size() const = 0;
        // Copies up to maxSize bytes of the body into data. 0 at the end (after size() bytes),
        // -1 on a failure, described by errorText().
        virtual qint64 read(char *data, qint64 maxSize) = 0;
        virtual QString errorText() const = 0;
    };

    CurlPut(GitLabClient *client, QUrl url, std::shared_ptr<Body> body, QObject *parent = nullptr);
    // A running transfer is cancelled and its thread joined (promptly: the worker is woken).
    ~CurlPut() override;

    void start();
    // Cancels and finishes now with ApiError::Kind::Cancelled (finished() is emitted before it
    // returns; the worker has let go of the body by then).
    void abort();

    bool isFinished() const { return m_finished; }
    int status() const { return m_status; }
    QByteArray body() const { return m_body; }
    QJsonDocument json() const;
    QByteArray header(const QByteArray &name) const; // of the final response
    ApiError error() const { return m_error; }
    qint64 bytesSent() const { return m_sent; }

    static constexpr qint64 kUploadBufferSize = 1024 * 1024;

Q_SIGNALS:
    void progress(qint64 sent, qint64 total);
    void finished();

private:
    struct Transfer;

    void onProgress();
    void onWorkerDone();
    void finish(const ApiError &error);
    void stopWorker(bool cancel);
    ApiError outcome() const;

    QPointer<GitLabClient> m_client;
    QUrl m_url;
    std::shared_ptr<Body> m_reader;
    std::shared_ptr<Transfer> m_transfer;
    std::thread m_worker;
    qint64 m_sent = 0;
    qint64 m_reported = -1;
    int m_status = 0;
    bool m_finished = false;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    ApiError m_error;
};

} // namespace Stevedore
