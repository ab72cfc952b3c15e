#include "transfer/StreamDownloadJob.h"

#include "core/Sha256.h"
#include "validate/NameRules.h"

#include <QCoreApplication>

#include <atomic>
#include <cerrno>
#include <unistd.h>

namespace Stevedore {

// The Sink of a StreamDownloadJob, on CurlGet's worker thread: each piece is written whole to
// the descriptor, then hashed.
class StreamWriter final : public CurlCall::Sink
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::StreamDownloadJob)

public:
    StreamWriter(int output, QString shownName, qint64 expectedSize)
        : m_output(output)
        , m_shownName(std::move(shownName))
        , m_expectedSize(expectedSize)
    {
    }

    ApiError begin(int status, const QList<QPair<QByteArray, QByteArray>> &headers) override
    {
        if (status != 200)
            return ApiError(ApiError::Kind::Protocol,
                            tr("GitLab answered the download of %1 with HTTP %2 instead of 200.")
                                .arg(NameRules::printable(m_shownName))
                                .arg(status));
        bool known = false;
        for (const auto &[name, value] : headers) {
            if (name.compare("X-Checksum-SHA256", Qt::CaseInsensitive) == 0)
                m_headerSha256 = QString::fromLatin1(value).trimmed().toLower();
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
                const qint64 length = value.trimmed().toLongLong(&known);
                m_total = known && length >= 0 ? length : -1;
            }
        }
        if (m_total >= 0 && m_expectedSize >= 0 && m_total != m_expectedSize)
            return ApiError(ApiError::Kind::Protocol,
                            tr("GitLab lists %1 with %2 bytes but sends %3; the download was "
                               "stopped.")
                                .arg(NameRules::printable(m_shownName))
                                .arg(m_expectedSize)
                                .arg(qint64(m_total)));
        return {};
    }

    ApiError write(const char *data, qint64 size) override
    {
        const qint64 limit = sizeLimit();
        if (limit >= 0 && m_written + size > limit)
            return ApiError(ApiError::Kind::Protocol,
                            tr("GitLab sent more than the %1 bytes of %2 it announced; the "
                               "download was stopped.")
                                .arg(limit)
                                .arg(NameRules::printable(m_shownName)));
        for (qint64 done = 0; done < size;) {
            const ssize_t put = ::write(m_output, data + done, size_t(size - done));
            if (put < 0 && errno == EINTR)
                continue;
            if (put < 0 && errno == EPIPE) {
                m_readerGone = true;
                return ApiError(ApiError::Kind::Cancelled,
                                tr("The reader of standard output went away."));
            }
            if (put <= 0)
                return ApiError(
                    ApiError::Kind::Local,
                    tr("Writing %1 to standard output failed after %2 bytes: %3")
                        .arg(NameRules::printable(m_shownName))
                        .arg(m_written + done)
                        .arg(put < 0 ? qt_error_string(errno) : tr("nothing was written")));
            done += put;
        }
        m_hash.add(data, size);
        m_written += size;
        return {};
    }

    // The most the body may hold: what GitLab lists, else what it announced; -1 when neither.
    qint64 sizeLimit() const
    {
        const qint64 total = m_total;
        if (total >= 0 && m_expectedSize >= 0)
            return std::min(total, m_expectedSize);
        return total >= 0 ? total : m_expectedSize;
    }

    qint64 written() const { return m_written; }
    qint64 total() const { return m_total; }
    bool readerGone() const { return m_readerGone; }
    QString headerSha256() const { return m_headerSha256; }
    QString hexDigest() { return m_hash.hexDigest(); }

private:
    int m_output;
    QString m_shownName;
    qint64 m_expectedSize;
    Sha256 m_hash;
    std::atomic<qint64> m_written{0};
    std::atomic<qint64> m_total{-1};
    std::atomic<bool> m_readerGone{false};
    QString m_headerSha256;
};

StreamDownloadJob::StreamDownloadJob(GitLabApi &api, PackageTarget source, int output,
                                     QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_source(std::move(source))
    , m_output(output)
{
}

StreamDownloadJob::~StreamDownloadJob()
{
    m_call.reset(); // its worker is joined before the writer goes
}

bool StreamDownloadJob::readerGone() const
{
    return m_writer && m_writer->readerGone();
}

qint64 StreamDownloadJob::written() const
{
    return m_writer ? m_writer->written() : 0;
}

void StreamDownloadJob::start()
{
    m_writer = std::make_shared<StreamWriter>(m_output, m_source.fileName, m_expectedSize);
    m_call =
        std::make_unique<CurlGet>(&m_api.client(), m_api.client().apiUrl(m_source.encodedPath()),
                                  QList<QByteArray>{}, m_writer);
    connect(m_call.get(), &CurlGet::progress, this, [this] {
        const qint64 total = m_writer->total();
        Q_EMIT progress(m_writer->written(), total >= 0 ? total : m_expectedSize);
    });
    connect(m_call.get(), &CurlGet::finished, this, &StreamDownloadJob::onFinished);
    m_call->start();
}

void StreamDownloadJob::onFinished()
{
    const ApiError error = m_call->error();
    // Let go of libcurl's handle at once; this runs in its finished().
    m_call.release()->deleteLater();
    const QString name = NameRules::printable(m_source.fileName);
    const auto sent = [this] {
        return tr("%1 bytes were written to standard output already").arg(m_writer->written());
    };
    if (error.isError()) {
        if (m_writer->readerGone())
            return Q_EMIT finished(error);
        return Q_EMIT finished(error.withContext(tr("Downloading %1 (%2)").arg(name, sent())));
    }
    const qint64 limit = m_writer->sizeLimit();
    if (limit >= 0 && m_writer->written() < limit)
        return Q_EMIT finished(
            ApiError(ApiError::Kind::Network, tr("The connection ended after %1 of %2 bytes of %3; "
                                                 "standard output got an incomplete file.")
                                                  .arg(m_writer->written())
                                                  .arg(limit)
                                                  .arg(name)));
    const QString expected =
        m_expectedSha256.isEmpty() ? m_writer->headerSha256() : m_expectedSha256;
    const QString actual = m_writer->hexDigest();
    if (expected.isEmpty())
        return Q_EMIT finished(ApiError(
            ApiError::Kind::Integrity,
            tr("%1 cannot be verified: GitLab sent no checksum for it. Its bytes were written to "
               "standard output unverified; give the expected SHA-256 with --sha256.")
                .arg(name)));
    if (actual != expected)
        return Q_EMIT finished(ApiError(
            ApiError::Kind::Integrity,
            tr("%1 arrived damaged (SHA-256 %2, expected %3), and its bytes were written to "
               "standard output already: discard what the reader received.")
                .arg(name, actual, expected)));
    m_verifiedSha256 = actual;
    Q_EMIT finished(Success{});
}

} // namespace Stevedore
