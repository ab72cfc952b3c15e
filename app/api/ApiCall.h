#pragma once

#include "core/ApiError.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkReply;
class QSslCertificate;

namespace Stevedore {

class GitLabClient;

// One HTTP exchange with GitLab, including the redirects our policy allows. Created by
// GitLabClient::call(), which is the only place requests are built.
class ApiCall final : public QObject
{
    Q_OBJECT

public:
    // Uploads (PUT) are CurlPut's, file downloads CurlGet's.
    enum class Method { Get, Head, Delete };

    struct Options
    {
        Method method = Method::Get;
        QUrl url; // absolute, already percent-encoded as it must be sent
        QList<QPair<QByteArray, QByteArray>> headers;
        bool bufferBody = true; // false: a 2xx body is handed out through dataReceived()
    };

    ApiCall(GitLabClient *client, Options options);
    ~ApiCall() override;

    void start();
    void abort();
    void abortWith(const ApiError &error); // e.g. a local write failure while receiving

    bool isFinished() const { return m_finished; }
    int status() const { return m_status; }
    QByteArray body() const { return m_body; }
    QJsonDocument json() const; // parses the body on every call: keep the document
    QByteArray header(const QByteArray &name) const; // of the final response
    ApiError error() const { return m_error; }
    // After finished(): the caller's better account of the failure (the same kind of error).
    void replaceError(const ApiError &error) { m_error = error; }
    QUrl finalUrl() const { return m_currentUrl; }

    static constexpr int kMaxRedirects = 10;
    static constexpr qint64 kMaxBufferedBody = 64 * 1024 * 1024;
    static constexpr qint64 kMaxHeaderBytes = 256 * 1024;

    // Rules and texts shared with CurlCall, so that both transports behave and fail alike.
    // scheme://host:port/path: never the query, which may carry a presigned URL's signature.
    static QString loggable(const QUrl &url);
    // The first value of a response header, by its name in any case; empty when absent.
    static QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers,
                                  const QByteArray &name);
    static bool isRedirect(int status);
    static ApiError redirectedWriteError(const QUrl &target); // a DELETE or PUT redirected
    // Why a GET must not follow its `redirects`-th redirect, from `from` to `target` (https to
    // anything else, not http(s), invalid, too many); no error when it may. Whether credentials
    // go along is buildRequest()'s decision, made again for the target.
    static ApiError refusedRedirect(const QUrl &from, const QUrl &target, int redirects);
    static ApiError untrustedCertificateError(const QString &detail);
    static QString describeCertificate(const QSslCertificate &certificate);
    static ApiError oversizedHeadersError(qint64 headerBytes); // 0: unreadable headers
    static ApiError oversizedBodyError();
    static ApiError slowBodyError(qint64 arrived, qint64 bytesPerSecond, qint64 windowMs);

Q_SIGNALS:
    void responseStarted();                     // the final response's status and headers are in
    void dataReceived(const QByteArray &chunk); // bufferBody == false and status 2xx
    void downloadProgress(qint64 received, qint64 total);
    void finished();

private:
    void send();
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void followRedirect();
    void finish(const ApiError &error);
    void touch(); // restarts the inactivity timer
    void countBody(qint64 bytes);
    void checkBodyRate();

    QPointer<GitLabClient> m_client;
    Options m_options;
    QUrl m_currentUrl;
    QPointer<QNetworkReply> m_reply;
    QTimer m_inactivity;
    QTimer m_bodyRate;
    qint64 m_bodyBytes = 0;
    qint64 m_bodyBytesAtCheck = 0;
    int m_redirects = 0;
    int m_status = 0;
    bool m_streaming = false;
    bool m_finished = false;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    ApiError m_error;
    QString m_tlsDetail;
};

} // namespace Stevedore
