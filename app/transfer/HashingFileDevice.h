#pragma once

#include "core/Sha256.h"
#include "transfer/BackgroundSha256.h"

#include <QDateTime>
#include <QFile>
#include <QIODevice>

namespace Stevedore {

// A read-only device over a file that computes SHA-256 of what is read, so that an upload
// hashes while the socket drains instead of in a second pass. The file is read ahead in 1 MiB
// blocks, each hashed on a worker thread while Qt takes it in small pieces: one read per MiB
// instead of one per 16 KiB, and the hash off the thread that feeds the socket.
//
// It is read exactly once, from the start, and never rewound: Qt's network stack re-sends a
// request by itself when a connection drops before the answer, and a device that cannot be
// rewound makes that attempt fail instead, so the retry comes back through the upload queue,
// which first looks whether the file arrived (no silent duplicate). The size is fixed when it
// opens: it never reads past it (a file that grows is not sent half-grown), and a file that
// ends early (it shrank) is a read error, not a short upload.
class HashingFileDevice final : public QIODevice
{
    Q_OBJECT

public:
    explicit HashingFileDevice(const QString &path, QObject *parent = nullptr);
    ~HashingFileDevice() override;

    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 position) override;
    bool reset() override { return seek(0); }
    bool atEnd() const override { return m_sent >= m_size; }

    QString errorText() const { return m_file.errorString(); }

    // The SHA-256 of the bytes that were read, when all size() bytes were read once, in order;
    // empty otherwise.
    QString sentSha256();
    // True when the file held fewer bytes than size() while it was read.
    bool shrank() const { return m_shrank; }
    // Why the file as it is now differs from the file that was opened (size or modification
    // time); empty when it looks the same.
    QString changeSinceOpen() const;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    static constexpr qint64 kBlockSize = 1024 * 1024;

    QFile m_file;
    BackgroundSha256 m_hash;
    QByteArray m_block; // read ahead, hashed, handed out from m_blockOffset
    qsizetype m_blockOffset = 0;
    qint64 m_size = 0;
    qint64 m_sent = 0;
    QDateTime m_modified;
    QString m_digest;
    bool m_shrank = false;
};

} // namespace Stevedore
