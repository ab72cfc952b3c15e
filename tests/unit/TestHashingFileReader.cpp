// HashingFileReader, the body of an upload: its size is fixed when it opens, it never reads past
// it, a file that ends early is "shrank", the hash covers exactly the bytes handed out, and
// changeSinceOpen() notices a file that grew, shrank, was rewritten or removed.
#include "core/Sha256.h"
#include "transfer/HashingFileReader.h"

#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using Stevedore::HashingFileReader;
using Stevedore::Sha256;
using namespace Qt::StringLiterals;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    for (char &byte : bytes)
        byte = char(generator.bounded(256));
    return bytes;
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(bytes) == bytes.size();
}

QString digestOf(const QByteArray &bytes)
{
    Sha256 hash;
    hash.add(bytes);
    return hash.hexDigest();
}

// Reads the whole body in pieces of `piece` bytes; what it handed out, or nullopt on -1.
std::optional<QByteArray> readAll(HashingFileReader &reader, qint64 piece)
{
    QByteArray all;
    QByteArray buffer(piece, Qt::Uninitialized);
    for (;;) {
        const qint64 got = reader.read(buffer.data(), piece);
        if (got < 0)
            return std::nullopt;
        if (got == 0)
            return all;
        all.append(buffer.constData(), got);
    }
}

} // namespace

class TestHashingFileReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void hashesWhatItHandsOut_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<qint64>("piece");
        QTest::newRow("empty") << qint64(0) << qint64(4096);
        QTest::newRow("small pieces") << qint64(300 * 1024 + 7) << qint64(16 * 1024);
        QTest::newRow("one piece") << qint64(100) << qint64(1024 * 1024);
        QTest::newRow("odd pieces") << qint64(3 * 1024 * 1024) << qint64(1000);
    }

    void hashesWhatItHandsOut()
    {
        QFETCH(qint64, size);
        QFETCH(qint64, piece);
        const QByteArray bytes = randomBytes(size, 7);
        QVERIFY(writeBytes(path(u"plain.bin"_s), bytes));
        HashingFileReader reader(path(u"plain.bin"_s));
        QVERIFY2(reader.open(), qPrintable(reader.errorText()));
        QCOMPARE(reader.size(), size);
        QVERIFY(reader.sentSha256().isEmpty() || size == 0);
        const auto sent = readAll(reader, piece);
        QVERIFY(sent);
        QCOMPARE(*sent, bytes);
        QCOMPARE(reader.sentSha256(), digestOf(bytes));
        QVERIFY(!reader.shrank());
        QCOMPARE(reader.changeSinceOpen(), QString());
    }

    void neverReadsPastTheSizeItOpenedWith()
    {
        const QByteArray bytes = randomBytes(200 * 1024, 8);
        const QString file = path(u"grows.bin"_s);
        QVERIFY(writeBytes(file, bytes));
        HashingFileReader reader(file);
        QVERIFY(reader.open());
        QFile grow(file);
        QVERIFY(grow.open(QIODevice::Append));
        grow.write(QByteArray(4096, 'g'));
        grow.close();
        const auto sent = readAll(reader, 64 * 1024);
        QVERIFY(sent);
        QCOMPARE(*sent, bytes);
        QCOMPARE(reader.sentSha256(), digestOf(bytes));
        QVERIFY2(reader.changeSinceOpen().contains(u"size went from"_s),
                 qPrintable(reader.changeSinceOpen()));
    }

    void aFileThatEndsEarlyShrank()
    {
        const QString file = path(u"shrinks.bin"_s);
        QVERIFY(writeBytes(file, randomBytes(500 * 1024, 9)));
        HashingFileReader reader(file);
        QVERIFY(reader.open());
        QByteArray buffer(64 * 1024, Qt::Uninitialized);
        QCOMPARE(reader.read(buffer.data(), buffer.size()), qint64(buffer.size()));
        QVERIFY(QFile::resize(file, 100 * 1024));
        QVERIFY(!readAll(reader, 64 * 1024));
        QVERIFY(reader.shrank());
        QVERIFY2(reader.errorText().contains(u"ended after"_s), qPrintable(reader.errorText()));
        QCOMPARE(reader.sentSha256(), QString());
        // Once failed, it stays failed.
        QCOMPARE(reader.read(buffer.data(), buffer.size()), qint64(-1));
    }

    void aRewriteOrARemovalIsNoticed()
    {
        const QString file = path(u"rewritten.bin"_s);
        QVERIFY(writeBytes(file, randomBytes(10 * 1024, 10)));
        HashingFileReader reader(file);
        QVERIFY(reader.open());
        QVERIFY(readAll(reader, 4096));
        {
            QFile rewrite(file);
            QVERIFY(rewrite.open(QIODevice::ReadWrite));
            rewrite.write("changed");
            QVERIFY(rewrite.setFileTime(QDateTime::currentDateTime().addSecs(5),
                                        QFileDevice::FileModificationTime));
        }
        QCOMPARE(reader.changeSinceOpen(), u"it was modified"_s);
        QVERIFY(QFile::remove(file));
        QCOMPARE(reader.changeSinceOpen(), u"it was removed"_s);
    }

    void aMissingFileDoesNotOpen()
    {
        HashingFileReader reader(path(u"missing.bin"_s));
        QVERIFY(!reader.open());
        QVERIFY(!reader.errorText().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHashingFileReader)
#include "TestHashingFileReader.moc"
