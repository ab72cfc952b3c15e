#include "transfer/PartFileWriter.h"

#include "validate/NameRules.h"

#include <QRegularExpression>

#include <cerrno>
#include <unistd.h>

namespace Stevedore {

namespace {

QByteArray headerOf(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

PartFileWriter::PartFileWriter(int file, QString partPath, QString shownName, qint64 resumeFrom,
                               qint64 expectedSize, std::shared_ptr<Sha256> hash)
    : m_file(file)
    , m_partPath(std::move(partPath))
    , m_shownName(std::move(shownName))
    , m_resumeFrom(resumeFrom)
    , m_expectedSize(expectedSize)
    , m_hashing(std::move(hash))
    , m_received(resumeFrom)
{
}

qint64 PartFileWriter::sizeLimit() const
{
    const qint64 total = m_total;
    if (total >= 0 && m_expectedSize >= 0)
        return std::min(total, m_expectedSize);
    return total >= 0 ? total : m_expectedSize;
}

ApiError PartFileWriter::begin(int status, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    m_headerSha256 =
        QString::fromLatin1(headerOf(headers, "X-Checksum-SHA256")).trimmed().toLower();
    if (status == 206) {
        static const QRegularExpression range(QStringLiteral("^bytes (\\d+)-(\\d+)/(\\d+)$"));
        const auto match = range.match(QString::fromLatin1(headerOf(headers, "Content-Range")));
        if (!match.hasMatch() || match.captured(1).toLongLong() != m_resumeFrom)
            return ApiError(ApiError::Kind::Protocol,
                            tr("The server resumed at the wrong position."));
        m_total = match.captured(3).toLongLong();
    } else {
        // A whole answer: start the part file over. An empty one is left alone: ext4 writes a
        // file truncated to zero back when it is closed (its rename-over-an-old-file safety
        // net), which made closing a fresh 1 GiB download wait half a second.
        const bool empty = m_resumeFrom == 0;
        m_resumeFrom = 0;
        m_received = 0;
        m_hashing.reset();
        if (!empty && ::ftruncate(m_file, 0) != 0)
            return ApiError(ApiError::Kind::Local,
                            tr("Cannot write %1: %2").arg(m_partPath, qt_error_string(errno)));
        bool known = false;
        const qint64 length = headerOf(headers, "Content-Length").toLongLong(&known);
        m_total = known && length >= 0 ? length : -1;
    }
    if (m_total >= 0 && m_expectedSize >= 0 && m_total != m_expectedSize)
        return ApiError(ApiError::Kind::Protocol,
                        tr("GitLab lists %1 with %2 bytes but sends %3; the download was stopped.")
                            .arg(NameRules::printable(m_shownName))
                            .arg(m_expectedSize)
                            .arg(qint64(m_total)));
    return {};
}

ApiError PartFileWriter::write(const char *data, qint64 size)
{
    const qint64 limit = sizeLimit();
    const qint64 received = m_received;
    const qint64 allowed = limit < 0 ? size : std::min(size, limit - received);
    // A disk that fills up mid-write gives a short write first; the next write says why.
    for (qint64 written = 0; written < allowed;) {
        const ssize_t got =
            ::pwrite(m_file, data + written, size_t(allowed - written), received + written);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            const QString reason = got < 0 ? qt_error_string(errno) : tr("nothing was written");
            m_hashing.add(data, written);
            m_received = received + written;
            return ApiError(ApiError::Kind::Local,
                            tr("Writing %1 failed: %2. Free some disk space and resume; what was "
                               "received is kept.")
                                .arg(m_partPath, reason));
        }
        written += got;
    }
    if (allowed > 0) {
        m_hashing.add(data, allowed);
        m_received = received + allowed;
    }
    if (allowed < size)
        return ApiError(ApiError::Kind::Protocol,
                        tr("GitLab sent more than the %1 bytes of %2 it announced; the download "
                           "was stopped.")
                            .arg(limit)
                            .arg(NameRules::printable(m_shownName)));
    return {};
}

} // namespace Stevedore
