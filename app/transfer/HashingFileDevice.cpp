#include "transfer/HashingFileDevice.h"

namespace Stevedore {

HashingFileDevice::HashingFileDevice(const QString &path, QObject *parent)
    : QIODevice(parent)
    , m_file(path)
{
}

bool HashingFileDevice::open(OpenMode mode)
{
    if ((mode & WriteOnly) || !m_file.open(QIODevice::ReadOnly))
        return false;
    m_hash.reset();
    m_hashedUpTo = 0;
    m_hashUsable = true;
    return QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

void HashingFileDevice::close()
{
    m_file.close();
    QIODevice::close();
}

qint64 HashingFileDevice::size() const
{
    return m_file.size();
}

bool HashingFileDevice::seek(qint64 position)
{
    if (!m_file.seek(position))
        return false;
    if (position == 0) {
        m_hash.reset();
        m_hashedUpTo = 0;
        m_hashUsable = true;
    } else if (position != m_hashedUpTo) {
        m_hashUsable = false;
    }
    return QIODevice::seek(position);
}

qint64 HashingFileDevice::readData(char *data, qint64 maxSize)
{
    const qint64 position = m_file.pos();
    const qint64 got = m_file.read(data, maxSize);
    if (got > 0 && m_hashUsable) {
        if (position == m_hashedUpTo) {
            m_hash.add(data, got);
            m_hashedUpTo += got;
        } else {
            m_hashUsable = false;
        }
    }
    return got;
}

QString HashingFileDevice::sha256()
{
    if (m_hashUsable && m_hashedUpTo == m_file.size())
        return m_hash.hexDigest();
    return Sha256::ofFile(m_file.fileName());
}

} // namespace Stevedore
