#include "transfer/BackgroundSha256.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace Stevedore {

namespace {

constexpr size_t kSpareBatches = BackgroundSha256::kMaxBacklog / BackgroundSha256::kBatch + 1;

// Apart from the global pool, so that long tasks there (hashing a resumed .part, planning a
// publish) never hold up a download that waits for its hash.
QThreadPool &hashingPool()
{
    static QThreadPool *pool = [] {
        auto *created = new QThreadPool;
        created->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        return created;
    }();
    return *pool;
}

} // namespace

struct BackgroundSha256::Shared
{
    explicit Shared(std::shared_ptr<Sha256> wrapped)
        : hash(std::move(wrapped))
    {
    }

    std::shared_ptr<Sha256> hash;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<QByteArray> queue;
    qsizetype queuedBytes = 0;
    // Hashed batches, for add() to fill again: a fresh 1 MiB allocation costs 256 page faults.
    std::vector<QByteArray> spare;
    bool working = false; // a worker owns `hash` until it sets this back
    bool abandoned = false;

    void work()
    {
        std::unique_lock lock(mutex);
        while (!queue.empty() && !abandoned) {
            QByteArray chunk = queue.front();
            lock.unlock();
            hash->add(chunk);
            lock.lock();
            if (!queue.empty()) { // reset() may have emptied it meanwhile
                queue.pop_front();
                queuedBytes -= chunk.size();
            }
            if (chunk.capacity() >= kBatch && spare.size() < kSpareBatches)
                spare.push_back(std::move(chunk)); // the last reference to these bytes
            changed.notify_all();
        }
        working = false;
        changed.notify_all();
    }

    void waitUntilIdle(std::unique_lock<std::mutex> &lock)
    {
        changed.wait(lock, [this] { return !working; });
    }
};

BackgroundSha256::BackgroundSha256(std::shared_ptr<Sha256> hash)
    : m_shared(std::make_shared<Shared>(std::move(hash)))
{
}

BackgroundSha256::~BackgroundSha256()
{
    const std::lock_guard lock(m_shared->mutex);
    m_shared->abandoned = true;
    m_shared->queue.clear();
}

void BackgroundSha256::add(const char *data, qsizetype size)
{
    while (size > 0) {
        if (m_batch.capacity() < kBatch)
            m_batch = spareBatch();
        const qsizetype taken = std::min(size, kBatch - m_batch.size());
        m_batch.append(data, taken);
        data += taken;
        size -= taken;
        if (m_batch.size() == kBatch)
            queue(std::exchange(m_batch, {}));
    }
}

QByteArray BackgroundSha256::spareBatch()
{
    std::unique_lock lock(m_shared->mutex);
    if (m_shared->spare.empty()) {
        lock.unlock();
        QByteArray batch;
        batch.reserve(kBatch);
        return batch;
    }
    QByteArray batch = std::move(m_shared->spare.back());
    m_shared->spare.pop_back();
    batch.resize(0); // keeps the capacity
    return batch;
}

void BackgroundSha256::queue(const QByteArray &chunk)
{
    if (chunk.isEmpty())
        return;
    std::unique_lock lock(m_shared->mutex);
    if (!m_shared->working && chunk.size() < kInlineBelow) {
        lock.unlock(); // only queue() starts a worker, and it runs on this thread
        m_shared->hash->add(chunk);
        return;
    }
    m_shared->changed.wait(lock, [this] { return m_shared->queuedBytes <= kMaxBacklog; });
    m_shared->queue.push_back(chunk); // shares the bytes, no copy
    m_shared->queuedBytes += chunk.size();
    if (m_shared->working)
        return;
    m_shared->working = true;
    hashingPool().start([shared = m_shared] { shared->work(); });
}

void BackgroundSha256::reset()
{
    m_batch.clear();
    std::unique_lock lock(m_shared->mutex);
    m_shared->queue.clear();
    m_shared->queuedBytes = 0;
    m_shared->waitUntilIdle(lock);
    m_shared->hash->reset();
}

QString BackgroundSha256::hexDigest()
{
    queue(std::exchange(m_batch, {}));
    std::unique_lock lock(m_shared->mutex);
    m_shared->waitUntilIdle(lock);
    return m_shared->hash->hexDigest();
}

} // namespace Stevedore
