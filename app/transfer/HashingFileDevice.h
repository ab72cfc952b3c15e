#pragma once

#include "core/Sha256.h"

#include <QFile>
#include <QIODevice>

namespace Stevedore {

// A read-only device over a file that computes SHA-256 of what is read, so that an upload
// hashes while the socket drains instead of in a second pass. The network stack may rewind
// to the start (a retried connection); any other seek makes the running hash unusable and
// sha256() then hashes the file again.
class HashingFileDevice final : public QIODevice
{
    Q_OBJECT

public:
    explicit HashingFileDevice(const QString &path, QObject *parent = nullptr);

    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return false; }
    qint64 size() const override;
    bool seek(qint64 position) override;
    bool reset() override { return seek(0); }

    QString errorText() const { return m_file.errorString(); }
    // The SHA-256 of the whole file; call after everything was read.
    QString sha256();

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    Sha256 m_hash;
    qint64 m_hashedUpTo = 0;
    bool m_hashUsable = true;
};

} // namespace Stevedore
