#pragma once

#include "api/CurlPut.h"
#include "core/Sha256.h"

#include <QCoreApplication>
#include <QString>

namespace Stevedore {

// The body of an upload: a file read once, in order, that computes SHA-256 of exactly the bytes
// it hands out, so that an upload hashes while it sends instead of in a second pass. read() runs
// on CurlPut's worker thread, straight into curl's buffer (no copy, no thread hop); the owner
// opens it before and asks the results after the transfer.
//
// The size is fixed when it opens: it never reads past it (a file that grows is not sent
// half-grown), and a file that ends early (it shrank) is a read failure, not a short upload.
// It cannot be rewound, so a PUT is never re-sent from it behind the queue's back.
class HashingFileReader final : public CurlPut::Body
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::HashingFileReader)

public:
    explicit HashingFileReader(QString path);
    ~HashingFileReader() override;
    HashingFileReader(const HashingFileReader &) = delete;
    HashingFileReader &operator=(const HashingFileReader &) = delete;

    bool open(); // false: errorText() says why
    qint64 size() const override { return m_size; }
    qint64 read(char *data, qint64 maxSize) override;
    QString errorText() const override { return m_error; }

    qint64 sent() const { return m_sent; }
    // The SHA-256 of the bytes handed out, when all size() bytes were, in order; empty otherwise.
    QString sentSha256();
    // True when the file held fewer bytes than size() while it was read.
    bool shrank() const { return m_shrank; }
    // Why the file as it is now differs from the file that was opened (size or modification
    // time); empty when it looks the same.
    QString changeSinceOpen() const;

private:
    QString m_path;
    int m_fd = -1;
    Sha256 m_hash;
    qint64 m_size = 0;
    qint64 m_sent = 0;
    qint64 m_modifiedSeconds = 0;
    long m_modifiedNanoseconds = 0;
    QString m_digest;
    QString m_error;
    bool m_shrank = false;
};

} // namespace Stevedore
