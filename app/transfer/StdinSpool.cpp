#include "transfer/StdinSpool.h"

#include "core/Sha256.h"

#include <QByteArray>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Stevedore {

StdinSpool::~StdinSpool()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QString StdinSpool::path() const
{
    return m_fd < 0 ? QString() : QStringLiteral("/proc/self/fd/%1").arg(m_fd);
}

ApiError StdinSpool::create()
{
    const QString folder = QDir::tempPath();
    const QByteArray encoded = QFile::encodeName(folder);
    m_fd = ::open(encoded.constData(), O_TMPFILE | O_RDWR | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (m_fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
        // No O_TMPFILE here: a named file, unlinked before a byte is written.
        QByteArray pattern = encoded + "/stevedore-stdin-XXXXXX";
        m_fd = ::mkostemp(pattern.data(), O_CLOEXEC); // mode 0600
        if (m_fd >= 0)
            ::unlink(pattern.constData());
    }
    if (m_fd < 0)
        return ApiError(ApiError::Kind::Local,
                        tr("Cannot create a temporary file in %1 for standard input: %2. Set "
                           "TMPDIR to a folder you can write.")
                            .arg(QDir::toNativeSeparators(folder), qt_error_string(errno)));
    return {};
}

ApiError StdinSpool::fill(int input, const std::function<void(qint64)> &progress)
{
    if (const ApiError created = create(); created.isError())
        return created;
    Sha256 hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        const ssize_t got = ::read(input, buffer.data(), size_t(buffer.size()));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return ApiError(ApiError::Kind::Local, tr("Reading standard input failed after %1 "
                                                      "bytes: %2; nothing was published.")
                                                       .arg(m_size)
                                                       .arg(qt_error_string(errno)));
        if (got == 0)
            break;
        for (ssize_t written = 0; written < got;) {
            const ssize_t put = ::write(m_fd, buffer.constData() + written, size_t(got - written));
            if (put < 0 && errno == EINTR)
                continue;
            if (put <= 0)
                return ApiError(
                    ApiError::Kind::Local,
                    tr("Standard input is kept in a temporary file in %1 until it is uploaded, "
                       "and writing it failed after %2 bytes: %3. Free space there, or set "
                       "TMPDIR to a folder with room; nothing was published.")
                        .arg(QDir::toNativeSeparators(QDir::tempPath()))
                        .arg(m_size + written)
                        .arg(put < 0 ? qt_error_string(errno) : tr("nothing was written")));
            written += put;
        }
        hash.add(buffer.constData(), got);
        m_size += got;
        if (progress)
            progress(m_size);
    }
    m_sha256 = hash.hexDigest();
    return {};
}

} // namespace Stevedore
