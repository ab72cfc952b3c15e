#include "Content.h"

#include "Sha256.h"

#include <QCryptographicHash>
#include <QDir>

#include <cstring>
#include <vector>

namespace sim {

namespace {
quint64 splitmix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}
} // namespace

void generateContent(quint64 seed, qint64 offset, char *buffer, qint64 length)
{
    qint64 written = 0;
    while (written < length) {
        const qint64 position = offset + written;
        const quint64 word = splitmix64(seed + quint64(position / 8));
        const int skip = int(position % 8);
        const qint64 take = std::min<qint64>(8 - skip, length - written);
        unsigned char bytes[8];
        for (int i = 0; i < 8; ++i)
            bytes[i] = static_cast<unsigned char>(word >> (8 * i));
        std::memcpy(buffer + written, bytes + skip, size_t(take));
        written += take;
    }
}

QString sha256OfGenerated(quint64 seed, qint64 size)
{
    Sha256 hash;
    std::vector<char> chunk(1 << 16);
    for (qint64 offset = 0; offset < size; offset += qint64(chunk.size())) {
        const qint64 length = std::min<qint64>(qint64(chunk.size()), size - offset);
        generateContent(seed, offset, chunk.data(), length);
        hash.add(chunk.data(), size_t(length));
    }
    return hash.hexDigest();
}

quint64 seedFromText(const QString &text)
{
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    quint64 seed = 0;
    std::memcpy(&seed, digest.constData(), sizeof seed);
    return seed;
}

FileContent::FileContent(const PackageFile &file, const QString &blobDir)
    : m_size(file.size)
    , m_seed(file.generatorSeed)
{
    if (!file.blob.isEmpty()) {
        m_file = std::make_unique<QFile>(QDir(blobDir).filePath(file.blob));
        m_broken = !m_file->open(QIODevice::ReadOnly);
    }
}

bool FileContent::isOpen() const
{
    return !m_broken;
}

qint64 FileContent::read(qint64 offset, char *buffer, qint64 length)
{
    if (m_file) {
        if (!m_file->seek(offset))
            return -1;
        return m_file->read(buffer, length);
    }
    if (m_broken)
        return -1;
    const qint64 available = std::min(length, m_size - offset);
    if (available <= 0)
        return 0;
    generateContent(m_seed, offset, buffer, available);
    return available;
}

} // namespace sim
