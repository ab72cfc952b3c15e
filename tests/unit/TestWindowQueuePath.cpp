// The window's queue lives in $XDG_DATA_HOME/stevedore/; one left by an earlier version in the
// doubled Stevedore/Stevedore/ folder is moved there once and never replaces a newer one.

#include "transfer/WindowQueuePath.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return QDir().mkpath(QFileInfo(path).absolutePath()) && file.open(QIODevice::WriteOnly)
           && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestWindowQueuePath final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_data;

    QString newPath() const { return m_data->filePath(u"stevedore/transfer-queue.jsonl"_s); }
    QString oldPath() const
    {
        return m_data->filePath(u"Stevedore/Stevedore/transfer-queue.jsonl"_s);
    }

private Q_SLOTS:
    void init()
    {
        m_data = std::make_unique<QTemporaryDir>();
        QVERIFY(m_data->isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_data->path()));
    }

    void isInTheLowerCaseFolderAndCreatesNothing()
    {
        QCOMPARE(windowQueuePath(), newPath());
        QVERIFY(QDir(m_data->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
    }

    // The copies' spool sits beside the journal, in the window's data folder.
    void theCopySpoolIsBesideTheQueue()
    {
        QCOMPARE(copySpoolFolder(windowQueuePath()), m_data->filePath(u"stevedore/copy-spool"_s));
        QCOMPARE(copySpoolFolder(u"/tmp/t/queue.json"_s), u"/tmp/t/copy-spool"_s);
    }

    void aQueueAtTheOldPlaceIsMovedOnce()
    {
        const QByteArray queue = "{\"put\":{\"id\":\"a\"}}\n";
        QVERIFY(writeFile(oldPath(), queue));

        QCOMPARE(windowQueuePath(), newPath());
        QCOMPARE(readFile(newPath()), queue);
        QVERIFY(!QFile::exists(oldPath()));
        QVERIFY2(!QFileInfo::exists(m_data->filePath(u"Stevedore"_s)),
                 "the emptied old folders stay behind");

        QCOMPARE(windowQueuePath(), newPath()); // and again: nothing left to move
        QCOMPARE(readFile(newPath()), queue);
    }

    void aQueueAtTheNewPlaceIsNeverReplaced()
    {
        QVERIFY(writeFile(newPath(), "new\n"));
        QVERIFY(writeFile(oldPath(), "old\n"));

        QCOMPARE(windowQueuePath(), newPath());
        QCOMPARE(readFile(newPath()), "new\n");
        QCOMPARE(readFile(oldPath()), "old\n");
    }

    void otherFilesInTheOldFolderKeepIt()
    {
        QVERIFY(writeFile(oldPath(), "old\n"));
        QVERIFY(writeFile(m_data->filePath(u"Stevedore/Stevedore/other"_s), "x"));

        QCOMPARE(windowQueuePath(), newPath());
        QCOMPARE(readFile(newPath()), "old\n");
        QVERIFY(QFile::exists(m_data->filePath(u"Stevedore/Stevedore/other"_s)));
    }
};

QTEST_GUILESS_MAIN(TestWindowQueuePath)
#include "TestWindowQueuePath.moc"
