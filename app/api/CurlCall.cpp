#include "api/CurlCall.h"

#include "api/ApiCall.h"
#include "api/CurlConnections.h"
#include "api/CurlLibrary.h"
#include "api/GitLabClient.h"
#include "api/ProxyChoice.h"

#include <QNetworkRequest>
#include <QSslCertificate>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <curl/curl.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace Stevedore {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::chrono::milliseconds kProgressInterval{50};

// Only called once CurlLibrary::get() succeeded (CurlCall::start checks it).
const CurlLibrary &curl()
{
    return *CurlLibrary::get();
}

bool isTlsFailure(CURLcode code)
{
    switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
        return true;
    default:
        return false;
    }
}

} // namespace

// One hop of a call: what the worker and the owner share. The owner sets it up before the
// worker starts and reads the worker's fields only after the worker ended (joined), except for
// the atomics.
struct CurlCall::Transfer
{
    ~Transfer()
    {
        if (multi && easy)
            curl().multi_remove_handle(multi, easy);
        if (easy)
            curl().easy_cleanup(easy);
        if (multi)
            curl().multi_cleanup(multi);
        curl().slist_free_all(requestHeaders);
    }

    std::shared_ptr<CurlConnections> connections; // outlives `easy`, which may use it
    CURL *easy = nullptr;
    CURLM *multi = nullptr;
    curl_slist *requestHeaders = nullptr;
    QByteArray url;
    ProxyChoice proxy;
    QByteArray caPem;
    std::shared_ptr<Source> source;
    std::shared_ptr<Sink> sink;
    CurlCall *owner = nullptr; // receives queued reports; joined before it is destroyed
    std::chrono::milliseconds inactivity{60000};
    GitLabClient::SlowBodyFloor floor;

    std::atomic<bool> cancelled{false};
    std::atomic<qint64> moved{0};
    std::atomic<qint64> total{-1};
    std::atomic<bool> progressQueued{false};

    // The worker's own.
    Clock::time_point lastActivity;
    Clock::time_point lastProgressPost;
    Clock::time_point floorWindowStart;
    qint64 received = 0;
    qint64 receivedAtWindowStart = -1; // -1: no answer body yet
    qint64 headerBytes = 0;
    int responseStatus = 0; // of the header section being read
    bool sinking = false;   // the body goes to `sink`
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray response;
    QByteArray peerCertificate; // DER, as the server presented it
    ApiError sinkError;
    bool readFailed = false;
    bool headersTooLarge = false;
    bool bodyTooLarge = false;
    bool timedOut = false;
    qint64 slowArrived = -1; // >= 0: the answer trickled; this much came in one window
    CURLcode result = CURLE_OK;
    long status = 0;
    char errorText[CURL_ERROR_SIZE] = {};

    void touch() { lastActivity = Clock::now(); }

    void postProgress()
    {
        const Clock::time_point now = Clock::now();
        if (now - lastProgressPost < kProgressInterval)
            return;
        if (progressQueued.exchange(true))
            return;
        lastProgressPost = now;
        CurlCall *receiver = owner;
        QMetaObject::invokeMethod(
            receiver, [receiver] { receiver->onProgress(); }, Qt::QueuedConnection);
    }

    static size_t onRead(char *buffer, size_t size, size_t count, void *user)
    {
        auto *transfer = static_cast<Transfer *>(user);
        if (transfer->cancelled)
            return CURL_READFUNC_ABORT;
        const qint64 got = transfer->source->read(buffer, qint64(size * count));
        if (got < 0) {
            transfer->readFailed = true;
            return CURL_READFUNC_ABORT;
        }
        if (got > 0)
            transfer->touch();
        return size_t(got);
    }

    // The end of a header section: a final 2xx answer to a GET starts its sink.
    bool onHeadersComplete()
    {
        if (!sink || responseStatus < 200 || responseStatus >= 300)
            return true;
        const qint64 length = [this] {
            for (const auto &[name, value] : std::as_const(headers)) {
                bool ok = false;
                const qint64 parsed = value.toLongLong(&ok);
                if (name.compare("Content-Length", Qt::CaseInsensitive) == 0 && ok)
                    return parsed;
            }
            return qint64(-1);
        }();
        total = length;
        sinkError = sink->begin(responseStatus, headers);
        sinking = !sinkError.isError();
        return sinking;
    }

    static size_t onHeader(char *data, size_t size, size_t count, void *user)
    {
        auto *transfer = static_cast<Transfer *>(user);
        const size_t length = size * count;
        transfer->touch();
        transfer->headerBytes += qint64(length);
        if (transfer->headerBytes > ApiCall::kMaxHeaderBytes) {
            transfer->headersTooLarge = true;
            return 0;
        }
        QByteArray line(data, qsizetype(length));
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith("HTTP/")) { // a new response (after 100 Continue, say)
            transfer->headers.clear();
            const QList<QByteArray> parts = line.split(' ');
            transfer->responseStatus = parts.size() > 1 ? parts.at(1).toInt() : 0;
            return length;
        }
        if (line.isEmpty())
            return transfer->onHeadersComplete() ? length : 0;
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            transfer->headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        return length;
    }

    static size_t onBody(char *data, size_t size, size_t count, void *user)
    {
        auto *transfer = static_cast<Transfer *>(user);
        const size_t length = size * count;
        if (transfer->cancelled)
            return 0;
        transfer->touch();
        transfer->received += qint64(length);
        if (transfer->sinking) {
            transfer->sinkError = transfer->sink->write(data, qint64(length));
            if (transfer->sinkError.isError())
                return 0;
            transfer->moved = transfer->received;
            transfer->postProgress();
            return length;
        }
        if (transfer->response.size() + qint64(length) > ApiCall::kMaxBufferedBody) {
            transfer->bodyTooLarge = true;
            return 0;
        }
        transfer->response.append(data, qsizetype(length));
        return length;
    }

    static int onProgressInfo(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t uploaded)
    {
        auto *transfer = static_cast<Transfer *>(user);
        if (transfer->cancelled)
            return 1;
        if (transfer->source && uploaded != transfer->moved.load(std::memory_order_relaxed)) {
            transfer->moved = uploaded;
            transfer->touch();
            transfer->postProgress();
        }
        return 0;
    }

    // Keeps the certificate the server presented, for the error text, then verifies the chain
    // exactly as OpenSSL would have without this hook.
    static int verifyChain(X509_STORE_CTX *store, void *user)
    {
        auto *transfer = static_cast<Transfer *>(user);
        if (X509 *leaf = X509_STORE_CTX_get0_cert(store)) {
            const int length = i2d_X509(leaf, nullptr);
            if (length > 0) {
                transfer->peerCertificate.resize(length);
                auto *out = reinterpret_cast<unsigned char *>(transfer->peerCertificate.data());
                i2d_X509(leaf, &out);
            }
        }
        return X509_verify_cert(store);
    }

    static CURLcode onSslContext(CURL *, void *context, void *user)
    {
        curl().ssl_ctx_set_cert_verify_callback(static_cast<SSL_CTX *>(context), verifyChain, user);
        return CURLE_OK;
    }

    // Nothing moved for the inactivity timeout, or the answer trickles below the floor.
    bool stalled()
    {
        const Clock::time_point now = Clock::now();
        if (now - lastActivity >= inactivity) {
            timedOut = true;
            return true;
        }
        if (received == 0)
            return false;
        if (receivedAtWindowStart < 0) {
            receivedAtWindowStart = received;
            floorWindowStart = now;
            return false;
        }
        if (now - floorWindowStart < floor.window)
            return false;
        const qint64 arrived = received - std::exchange(receivedAtWindowStart, received);
        floorWindowStart = now;
        const qint64 minimum = floor.bytesPerSecond * floor.window.count() / 1000;
        if (arrived > 0 && arrived < minimum) {
            slowArrived = arrived;
            return true;
        }
        return false;
    }

    void run()
    {
        touch();
        const auto poll = std::clamp<std::chrono::milliseconds>(
            inactivity / 4, std::chrono::milliseconds(10), std::chrono::milliseconds(1000));
        bool done = false;
        while (!done) {
            int running = 0;
            if (curl().multi_perform(multi, &running) != CURLM_OK) {
                result = CURLE_FAILED_INIT;
                break;
            }
            int left = 0;
            while (CURLMsg *message = curl().multi_info_read(multi, &left)) {
                if (message->msg == CURLMSG_DONE) {
                    result = message->data.result;
                    done = true;
                }
            }
            if (done || cancelled || stalled())
                break;
            curl().multi_poll(multi, nullptr, 0, int(poll.count()), nullptr);
        }
        curl().easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        curl_off_t uploaded = 0;
        if (source && curl().easy_getinfo(easy, CURLINFO_SIZE_UPLOAD_T, &uploaded) == CURLE_OK)
            moved = uploaded;
        CurlCall *receiver = owner;
        QMetaObject::invokeMethod(
            receiver, [receiver] { receiver->onWorkerDone(); }, Qt::QueuedConnection);
    }
};

CurlCall::CurlCall(GitLabClient *client, Request request, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_request(std::move(request))
    , m_url(m_request.url)
{
}

CurlCall::~CurlCall()
{
    stopWorker(true);
}

void CurlCall::stopWorker(bool cancel)
{
    if (!m_worker.joinable())
        return;
    if (cancel) {
        m_transfer->cancelled = true;
        curl().multi_wakeup(m_transfer->multi);
    }
    m_worker.join();
}

void CurlCall::start()
{
    launch();
}

// Starts the current hop on a fresh worker.
void CurlCall::launch()
{
    const auto failLater = [this](const ApiError &error) {
        QMetaObject::invokeMethod(
            this, [this, error] { finish(error); }, Qt::QueuedConnection);
    };
    if (!m_client)
        return failLater(ApiError(ApiError::Kind::Configuration, tr("The account is gone.")));
    if (m_client->configurationError().isError())
        return failLater(m_client->configurationError());
    if (!CurlLibrary::get())
        return failLater(ApiError(ApiError::Kind::Local,
                                  tr("libcurl (libcurl.so.4) could not be loaded; it carries "
                                     "uploads and downloads. Install the libcurl4 package.")));

    auto transfer = std::make_shared<Transfer>();
    transfer->owner = this;
    transfer->source = m_request.source;
    transfer->sink = m_request.sink;
    if (m_request.source)
        transfer->total = m_request.source->size();
    transfer->inactivity = m_client->inactivityTimeout();
    transfer->floor = m_client->slowBodyFloor();
    transfer->url = m_url.toEncoded();
    transfer->proxy = ProxyChoice::forUrl(m_url);
    transfer->easy = curl().easy_init();
    transfer->multi = curl().multi_init();
    transfer->connections = m_client->curlConnections();
    if (!transfer->easy || !transfer->multi)
        return failLater(ApiError(ApiError::Kind::Local, tr("libcurl could not be initialised.")));

    // The headers GitLabClient decided for this URL (user agent, credentials for the account's
    // origin only: a redirect to object storage gets none).
    const QNetworkRequest request = m_client->buildRequest(m_url);
    QList<QByteArray> lines;
    for (const QByteArray &name : request.rawHeaderList())
        lines << name + ": " + request.rawHeader(name);
    lines << m_request.headers;
    for (const QByteArray &line : std::as_const(lines)) {
        if (line.contains('\r') || line.contains('\n') || line.contains('\0'))
            return failLater(ApiError(ApiError::Kind::Configuration,
                                      tr("A request header holds a line break; check the "
                                         "account's token and user name.")));
        transfer->requestHeaders = curl().slist_append(transfer->requestHeaders, line.constData());
    }

    CURL *easy = transfer->easy;
    Transfer *raw = transfer.get();
    curl().easy_setopt(easy, CURLOPT_URL, transfer->url.constData());
    if (transfer->connections->handle())
        curl().easy_setopt(easy, CURLOPT_SHARE, transfer->connections->handle());
    // Chosen here, not by curl from the environment, so that a failure can name the proxy.
    curl().easy_setopt(easy, CURLOPT_PROXY, transfer->proxy.proxy().constData());
    curl().easy_setopt(easy, CURLOPT_NOPROXY, "");
    curl().easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl().easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));
    curl().easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    if (m_request.source) {
        curl().easy_setopt(easy, CURLOPT_UPLOAD, 1L); // PUT
        curl().easy_setopt(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(m_request.source->size()));
        curl().easy_setopt(easy, CURLOPT_UPLOAD_BUFFERSIZE, long(kUploadBufferSize));
        curl().easy_setopt(easy, CURLOPT_READFUNCTION, &Transfer::onRead);
        curl().easy_setopt(easy, CURLOPT_READDATA, raw);
    }
    const qint64 limit = m_client->transferRateLimit();
    if (limit > 0) {
        curl().easy_setopt(easy, CURLOPT_MAX_SEND_SPEED_LARGE, curl_off_t(limit));
        curl().easy_setopt(easy, CURLOPT_MAX_RECV_SPEED_LARGE, curl_off_t(limit));
    }
    // libcurl checks the receive limit between reads of up to 100 buffers each, as long as the
    // socket has more: with a limit, a buffer of a thousandth of it keeps a burst near 0.1 s.
    curl().easy_setopt(easy, CURLOPT_BUFFERSIZE,
                       long(limit > 0 ? std::clamp<qint64>(limit / 1000, 1024, kDownloadBufferSize)
                                      : kDownloadBufferSize));
    curl().easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->requestHeaders);
    curl().easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L); // followRedirect() decides
    curl().easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Transfer::onHeader);
    curl().easy_setopt(easy, CURLOPT_HEADERDATA, raw);
    curl().easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Transfer::onBody);
    curl().easy_setopt(easy, CURLOPT_WRITEDATA, raw);
    curl().easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
    curl().easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &Transfer::onProgressInfo);
    curl().easy_setopt(easy, CURLOPT_XFERINFODATA, raw);
    curl().easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->errorText);
    curl().easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(transfer->inactivity.count()));
    // Trust exactly what Qt trusts for this account, never curl's own default bundle or path.
    curl().easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl().easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl().easy_setopt(easy, CURLOPT_CAINFO, nullptr);
    curl().easy_setopt(easy, CURLOPT_CAPATH, nullptr);
    if (m_url.scheme() == QLatin1String("https")) {
        transfer->caPem = m_client->trustedCaPem();
        curl_blob blob{transfer->caPem.data(), size_t(transfer->caPem.size()), CURL_BLOB_NOCOPY};
        if (!transfer->caPem.isEmpty())
            curl().easy_setopt(easy, CURLOPT_CAINFO_BLOB, &blob);
        // OpenSSL builds only: keeps the server's certificate to name it when it is refused.
        if (curl().ssl_ctx_set_cert_verify_callback) {
            curl().easy_setopt(easy, CURLOPT_SSL_CTX_FUNCTION, &Transfer::onSslContext);
            curl().easy_setopt(easy, CURLOPT_SSL_CTX_DATA, raw);
        }
    }
    if (curl().multi_add_handle(transfer->multi, easy) != CURLM_OK)
        return failLater(ApiError(ApiError::Kind::Local, tr("libcurl could not be initialised.")));

    qCDebug(lcApi) << m_request.method << ApiCall::loggable(m_url) << "(libcurl)";
    m_transfer = transfer;
    m_worker = std::thread([transfer] { transfer->run(); });
}

void CurlCall::onProgress()
{
    if (!m_transfer || m_finished)
        return;
    m_transfer->progressQueued = false;
    m_moved = m_transfer->moved;
    if (m_moved > m_reported) {
        m_reported = m_moved;
        Q_EMIT progress(m_moved, m_transfer->total);
    }
}

void CurlCall::onWorkerDone()
{
    if (m_finished)
        return;
    stopWorker(false); // it has ended: this was its last word
    m_status = int(m_transfer->status);
    m_headers = m_transfer->headers;
    m_body = m_transfer->response;
    m_moved = m_transfer->moved;
    if (m_moved > m_reported) {
        m_reported = m_moved;
        Q_EMIT progress(m_moved, m_transfer->total);
    }
    const ApiError error = outcome();
    // The handle goes now, not with this object: its connection returns to the account's
    // cache, which closes it when the account's client goes.
    m_transfer.reset();
    if (!error.isError() && ApiCall::isRedirect(m_status))
        return followRedirect();
    finish(error);
}

// By ApiCall's rules; the next hop's request is built anew, so credentials go along only when
// the target has the account's origin.
void CurlCall::followRedirect()
{
    const QUrl target = m_url.resolved(QUrl::fromEncoded(header("Location")));
    if (const ApiError refused = ApiCall::refusedRedirect(m_url, target, ++m_redirects);
        refused.isError())
        return finish(refused);
    qCDebug(lcApi) << "redirect to" << ApiCall::loggable(target)
                   << (m_client && m_client->isSameOrigin(target)
                           ? "(same origin)"
                           : "(other origin, no credentials)");
    m_url = target;
    launch();
}

ApiError CurlCall::outcome() const
{
    const Transfer &transfer = *m_transfer;
    if (transfer.cancelled)
        return ApiError::fromNetwork(QNetworkReply::OperationCanceledError, {});
    if (transfer.sinkError.isError())
        return transfer.sinkError;
    if (transfer.readFailed)
        return ApiError(
            ApiError::Kind::Local,
            tr("Reading the file to upload failed: %1").arg(m_request.source->errorText()));
    if (transfer.headersTooLarge)
        return ApiCall::oversizedHeadersError(transfer.headerBytes);
    if (transfer.bodyTooLarge)
        return ApiCall::oversizedBodyError();
    if (transfer.timedOut)
        return ApiError::fromNetwork(
            QNetworkReply::TimeoutError,
            tr("no data for %1 s").arg(double(transfer.inactivity.count()) / 1000.0));
    if (transfer.slowArrived >= 0)
        return ApiCall::slowBodyError(transfer.slowArrived, transfer.floor.bytesPerSecond,
                                      transfer.floor.window.count());
    const QString detail = transfer.errorText[0] != '\0'
                               ? QString::fromUtf8(transfer.errorText)
                               : QString::fromUtf8(curl().easy_strerror(transfer.result));
    // libcurl refuses a header line or section beyond its own limits (100 KiB, 300 KiB) as "out
    // of memory", possibly after the status line.
    if (transfer.result == CURLE_OUT_OF_MEMORY || transfer.result == CURLE_WEIRD_SERVER_REPLY)
        return ApiCall::oversizedHeadersError(0);
    if (m_status == 0 && transfer.result != CURLE_OK) {
        switch (transfer.result) {
        case CURLE_COULDNT_RESOLVE_HOST:
            return ApiError::fromNetwork(QNetworkReply::HostNotFoundError, detail);
        case CURLE_COULDNT_RESOLVE_PROXY:
            return ApiError::fromNetwork(QNetworkReply::ProxyNotFoundError, detail);
        case CURLE_COULDNT_CONNECT:
            if (!transfer.proxy.isDirect())
                return ApiError::proxyRefused(transfer.proxy.address());
            return ApiError::fromNetwork(QNetworkReply::ConnectionRefusedError, detail);
        case CURLE_OPERATION_TIMEDOUT:
            return ApiError::fromNetwork(QNetworkReply::TimeoutError, detail);
        case CURLE_PEER_FAILED_VERIFICATION: {
            const QSslCertificate certificate(transfer.peerCertificate, QSsl::Der);
            return ApiCall::untrustedCertificateError(
                certificate.isNull()
                    ? detail
                    : detail + QStringLiteral(" (") + ApiCall::describeCertificate(certificate)
                          + QLatin1Char(')'));
        }
        default:
            if (isTlsFailure(transfer.result))
                return ApiError::fromNetwork(QNetworkReply::SslHandshakeFailedError, detail);
            return ApiError::fromNetwork(QNetworkReply::UnknownNetworkError, detail);
        }
    }
    if (ApiCall::isRedirect(m_status)) {
        if (m_request.followRedirects)
            return {};
        return ApiCall::redirectedWriteError(m_url.resolved(QUrl::fromEncoded(header("Location"))));
    }
    if (m_status >= 300)
        return ApiError::fromHttp(m_status, m_body, header("Retry-After"));
    if (transfer.result != CURLE_OK) // e.g. the connection dropped in the middle of the answer
        return ApiError::fromNetwork(QNetworkReply::UnknownNetworkError, detail);
    if (m_status < 200)
        return ApiError(ApiError::Kind::Protocol, tr("GitLab's answer has no final status."));
    return {};
}

void CurlCall::abort()
{
    if (m_finished)
        return;
    stopWorker(true);
    if (m_transfer)
        m_moved = m_transfer->moved;
    m_transfer.reset();
    finish(ApiError::fromNetwork(QNetworkReply::OperationCanceledError, {}));
}

void CurlCall::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    qCDebug(lcApi) << m_request.method << ApiCall::loggable(m_url) << m_status << error.message();
    if (m_client)
        m_client->noteCallEnded(m_status, error);
    Q_EMIT finished();
}

QJsonDocument CurlCall::json() const
{
    return QJsonDocument::fromJson(m_body);
}

QByteArray CurlCall::header(const QByteArray &name) const
{
    return ApiCall::headerValue(m_headers, name);
}

} // namespace Stevedore
