#include "transfer/HashingFileReader.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Stevedore {

HashingFileReader::HashingFileReader(QString path)
    : m_path(std::move(path))
{
}

HashingFileReader::~HashingFileReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool HashingFileReader::open()
{
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
    struct stat status = {};
    if (m_fd < 0 || ::fstat(m_fd, &status) != 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    m_size = status.st_size;
    m_modifiedSeconds = status.st_mtim.tv_sec;
    m_modifiedNanoseconds = status.st_mtim.tv_nsec;
    return true;
}

qint64 HashingFileReader::read(char *data, qint64 maxSize)
{
    if (m_fd < 0 || m_shrank || !m_error.isEmpty())
        return -1;
    const qint64 wanted = std::min(maxSize, m_size - m_sent);
    if (wanted <= 0)
        return 0;
    ssize_t got = 0;
    do {
        got = ::read(m_fd, data, size_t(wanted));
    } while (got < 0 && errno == EINTR);
    if (got <= 0) {
        m_shrank = got == 0;
        m_error = m_shrank ? tr("the file ended after %1 of %2 bytes").arg(m_sent).arg(m_size)
                           : QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    m_hash.add(data, got);
    m_sent += got;
    return got;
}

QString HashingFileReader::sentSha256()
{
    if (m_sent != m_size || m_shrank)
        return {};
    if (m_digest.isEmpty())
        m_digest = m_hash.hexDigest();
    return m_digest;
}

QString HashingFileReader::changeSinceOpen() const
{
    struct stat now = {};
    if (::stat(QFile::encodeName(m_path).constData(), &now) != 0)
        return tr("it was removed");
    if (now.st_size != m_size)
        return tr("its size went from %1 to %2 bytes").arg(m_size).arg(qint64(now.st_size));
    if (now.st_mtim.tv_sec != m_modifiedSeconds || now.st_mtim.tv_nsec != m_modifiedNanoseconds)
        return tr("it was modified");
    return {};
}

} // namespace Stevedore
