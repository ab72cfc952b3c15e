#pragma once

#include "api/CurlCall.h"
#include "core/Sha256.h"
#include "transfer/BackgroundSha256.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <memory>

namespace Stevedore {

// Where a download's body goes, on CurlGet's worker thread: straight into the `.part` file and
// into SHA-256 (hashed on a thread of its own while the next piece is written). It continues
// after the `resumeFrom` bytes the file already holds when GitLab answers the Range with 206
// at that position, starts the file over on a whole answer (200), and stops the transfer when
// the server announces or sends more than GitLab lists, or when the disk refuses a write (what
// was written stays for a resume). The owner reads received() and total() at any time, the
// rest once the transfer finished.
class PartFileWriter final : public CurlCall::Sink
{
    Q_DECLARE_TR_FUNCTIONS(PartFileWriter)

public:
    // `file` is the open, locked `.part` (not closed here); `hash` already holds its first
    // `resumeFrom` bytes. `shownName` names the file in messages.
    PartFileWriter(int file, QString partPath, QString shownName, qint64 resumeFrom,
                   qint64 expectedSize, std::shared_ptr<Sha256> hash);

    ApiError begin(int status, const QList<QPair<QByteArray, QByteArray>> &headers) override;
    ApiError write(const char *data, qint64 size) override;

    qint64 received() const { return m_received; }          // bytes the .part holds
    qint64 total() const { return m_total; }                // announced size of the whole file; -1
    qint64 sizeLimit() const;                               // the most it may hold; -1: unknown
    QString headerSha256() const { return m_headerSha256; } // X-Checksum-SHA256, lower case
    QString hexDigest() { return m_hashing.hexDigest(); }   // of what the .part holds

private:
    int m_file;
    QString m_partPath;
    QString m_shownName;
    qint64 m_resumeFrom;
    qint64 m_expectedSize;
    BackgroundSha256 m_hashing;
    std::atomic<qint64> m_received;
    std::atomic<qint64> m_total{-1};
    QString m_headerSha256;
};

} // namespace Stevedore
