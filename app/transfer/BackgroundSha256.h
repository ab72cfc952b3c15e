#pragma once

#include "core/Sha256.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Stevedore {

// Feeds a Sha256 on a worker thread, in the order the bytes were given, so that a download
// hashes while the next piece is received and written instead of after it. add() copies into a
// batch of kBatch bytes (the caller may reuse its buffer at once) and queues each full batch;
// hexDigest() queues the rest. A batch with nothing waiting that is smaller than kInlineBelow is
// hashed at once, without a thread hop. add() waits while more than kMaxBacklog bytes are
// queued, which keeps memory flat when the network is faster than the hash. One thread at a time
// calls add(), reset() and hexDigest(); the Sha256 it wraps may be fed directly only while
// nothing was added since the last reset() or hexDigest().
class BackgroundSha256 final
{
public:
    explicit BackgroundSha256(std::shared_ptr<Sha256> hash);
    ~BackgroundSha256(); // does not wait: the worker drops what is left
    BackgroundSha256(const BackgroundSha256 &) = delete;
    BackgroundSha256 &operator=(const BackgroundSha256 &) = delete;

    void add(const char *data, qsizetype size);
    void reset();        // drops what is queued, then restarts the hash
    QString hexDigest(); // waits for what is queued; the hash restarts afterwards

    static constexpr qsizetype kBatch = 1024 * 1024;
    static constexpr qsizetype kMaxBacklog = 2 * 1024 * 1024;
    static constexpr qsizetype kInlineBelow = 64 * 1024;

private:
    struct Shared;

    void queue(const QByteArray &chunk);
    QByteArray spareBatch(); // empty, with room for kBatch bytes

    std::shared_ptr<Shared> m_shared;
    QByteArray m_batch;
};

} // namespace Stevedore
