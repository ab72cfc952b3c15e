// BackgroundSha256 gives the digest a plain Sha256 gives for the same bytes, whatever the chunk
// sizes (batched, inline and on the worker, mixed), across reset(), and survives being dropped
// busy.
#include "core/Sha256.h"
#include "transfer/BackgroundSha256.h"

#include <QRandomGenerator>
#include <QTest>

using Stevedore::BackgroundSha256;
using Stevedore::Sha256;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

QString directDigest(const QByteArray &bytes)
{
    Sha256 hash;
    hash.add(bytes);
    return hash.hexDigest();
}

// Cuts `bytes` into chunks of sizes drawn from `sizes` in turn.
QList<QByteArray> chunks(const QByteArray &bytes, const QList<qsizetype> &sizes)
{
    QList<QByteArray> result;
    for (qsizetype at = 0, turn = 0; at < bytes.size(); ++turn) {
        const qsizetype size = std::min(sizes.at(turn % sizes.size()), bytes.size() - at);
        result << bytes.mid(at, size);
        at += size;
    }
    return result;
}

} // namespace

class TestBackgroundSha256 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameDigestAsSha256_data()
    {
        QTest::addColumn<QList<qsizetype>>("sizes");
        QTest::newRow("small chunks, batched") << QList<qsizetype>{4096, 1, 16 * 1024};
        QTest::newRow("1 MiB chunks, on the worker") << QList<qsizetype>{1024 * 1024};
        QTest::newRow("mixed") << QList<qsizetype>{3, 2 * 1024 * 1024, 100, 70000, 65535, 65536};
    }

    void sameDigestAsSha256()
    {
        QFETCH(QList<qsizetype>, sizes);
        // More than the backlog, so that add() also waits for the worker.
        const QByteArray bytes = randomBytes(3 * BackgroundSha256::kMaxBacklog + 12345, 11);
        BackgroundSha256 hashing(std::make_shared<Sha256>());
        for (const QByteArray &chunk : chunks(bytes, sizes))
            hashing.add(chunk.constData(), chunk.size());
        QCOMPARE(hashing.hexDigest(), directDigest(bytes));
        // The digest restarts the hash, as Sha256's does.
        hashing.add(bytes.constData(), 100);
        QCOMPARE(hashing.hexDigest(), directDigest(bytes.first(100)));
    }

    void resetDropsWhatCameBefore()
    {
        const QByteArray before = randomBytes(20 * 1024 * 1024, 5);
        const QByteArray after = randomBytes(5 * 1024 * 1024 + 7, 6);
        BackgroundSha256 hashing(std::make_shared<Sha256>());
        for (const QByteArray &chunk : chunks(before, {1024 * 1024}))
            hashing.add(chunk.constData(), chunk.size());
        hashing.reset();
        for (const QByteArray &chunk : chunks(after, {512 * 1024, 1000}))
            hashing.add(chunk.constData(), chunk.size());
        QCOMPARE(hashing.hexDigest(), directDigest(after));
    }

    void theWrappedHashMayBeFedFirst()
    {
        // A resumed download hashes its .part into the Sha256, then adds what arrives.
        const QByteArray part = randomBytes(300000, 8);
        const QByteArray rest = randomBytes(4 * 1024 * 1024, 9);
        const auto hash = std::make_shared<Sha256>();
        BackgroundSha256 hashing(hash);
        hashing.reset();
        hash->add(part);
        for (const QByteArray &chunk : chunks(rest, {1024 * 1024}))
            hashing.add(chunk.constData(), chunk.size());
        QCOMPARE(hashing.hexDigest(), directDigest(part + rest));
    }

    void droppedWhileBusy()
    {
        const QByteArray bytes = randomBytes(BackgroundSha256::kMaxBacklog, 3);
        const auto hash = std::make_shared<Sha256>();
        {
            BackgroundSha256 hashing(hash);
            for (const QByteArray &chunk : chunks(bytes, {1024 * 1024}))
                hashing.add(chunk.constData(), chunk.size());
        } // the worker may still run: it keeps what it needs alive
        BackgroundSha256 next(std::make_shared<Sha256>());
        next.add(bytes.constData(), bytes.size());
        QCOMPARE(next.hexDigest(), directDigest(bytes));
    }
};

QTEST_GUILESS_MAIN(TestBackgroundSha256)
#include "TestBackgroundSha256.moc"
