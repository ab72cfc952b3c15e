// Reads the bytes of a package file: a blob on disk or deterministic generated content.
#pragma once

#include "Model.h"

#include <QFile>

#include <memory>

namespace sim {

class FileContent final
{
public:
    FileContent(const PackageFile &file, const QString &blobDir);

    bool isOpen() const;
    // Fills buffer with up to length bytes from offset; returns the count read, -1 on error.
    qint64 read(qint64 offset, char *buffer, qint64 length);

private:
    qint64 m_size;
    quint64 m_seed;
    bool m_broken = false;
    std::unique_ptr<QFile> m_file;
};

// Deterministic pseudo-random bytes: word i of the stream is splitmix64(seed + i).
void generateContent(quint64 seed, qint64 offset, char *buffer, qint64 length);
QString sha256OfGenerated(quint64 seed, qint64 size);
quint64 seedFromText(const QString &text);

} // namespace sim
