#include "transfer/HashingFileDevice.h"

#include <QFileInfo>

#include <cstring>

namespace Stevedore {

HashingFileDevice::HashingFileDevice(const QString &path, QObject *parent)
    : QIODevice(parent)
    , m_file(path)
    , m_hash(std::make_shared<Sha256>())
{
}

HashingFileDevice::~HashingFileDevice() = default;

bool HashingFileDevice::open(OpenMode mode)
{
    if ((mode & WriteOnly) || !m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return false;
    const QFileInfo info(m_file.fileName());
    m_size = m_file.size();
    m_modified = info.lastModified();
    m_hash.reset();
    m_block.clear();
    m_blockOffset = 0;
    m_sent = 0;
    m_digest.clear();
    m_shrank = false;
    return QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

void HashingFileDevice::close()
{
    m_file.close();
    QIODevice::close();
}

bool HashingFileDevice::seek(qint64 position)
{
    // Only the position it already has: the start before anything was read, or the end.
    if (position != m_sent)
        return false;
    return QIODevice::seek(position);
}

qint64 HashingFileDevice::readData(char *data, qint64 maxSize)
{
    if (m_sent >= m_size)
        return -1;
    if (m_blockOffset == m_block.size()) {
        const qint64 wanted = std::min(kBlockSize, m_size - m_sent);
        // A new array each time: the previous one may still be queued for the hash.
        m_block = QByteArray(wanted, Qt::Uninitialized);
        m_blockOffset = 0;
        const qint64 got = m_file.read(m_block.data(), wanted);
        if (got <= 0) {
            m_block.clear();
            m_shrank = got == 0;
            setErrorString(m_shrank
                               ? tr("the file ended after %1 of %2 bytes").arg(m_sent).arg(m_size)
                               : m_file.errorString());
            return -1;
        }
        m_block.truncate(got); // a shorter block: the next read finds the end and says so
        m_hash.add(m_block);
    }
    const qint64 given = std::min<qint64>(maxSize, m_block.size() - m_blockOffset);
    std::memcpy(data, m_block.constData() + m_blockOffset, size_t(given));
    m_blockOffset += given;
    m_sent += given;
    return given;
}

QString HashingFileDevice::sentSha256()
{
    if (m_sent != m_size || m_shrank)
        return {};
    if (m_digest.isEmpty())
        m_digest = m_hash.hexDigest();
    return m_digest;
}

QString HashingFileDevice::changeSinceOpen() const
{
    const QFileInfo now(m_file.fileName());
    if (!now.exists())
        return tr("it was removed");
    if (now.size() != m_size)
        return tr("its size went from %1 to %2 bytes").arg(m_size).arg(now.size());
    if (now.lastModified() != m_modified)
        return tr("it was modified");
    return {};
}

} // namespace Stevedore
