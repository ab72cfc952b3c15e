// Settings and transfer journals are created 0600 inside 0700 folders under a permissive umask,
// and stay so when QSettings or a journal compaction rewrites them.

#include "core/PrivateFiles.h"
#include "transfer/TransferJournal.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

// The permission bits as `stat` shows them, e.g. 0600.
mode_t modeOf(const QString &path)
{
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return mode_t(-1);
    return status.st_mode & 07777;
}

TransferItem anItem(const QString &id)
{
    TransferItem item;
    item.id = id;
    item.direction = TransferDirection::Download;
    item.localPath = u"/tmp/"_s + id;
    return item;
}

} // namespace

class TestPrivateFiles final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    mode_t m_umask = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_umask = ::umask(022); // what most desktops use: new files would be world-readable
    }

    void cleanupTestCase() { ::umask(m_umask); }

    void aNewFileAndItsFolderArePrivate()
    {
        const QString file = m_root.filePath(u"new/Stevedore/Stevedore.conf"_s);
        QVERIFY(makePrivateFile(file));
        QVERIFY(QFile::exists(file));
        QCOMPARE(modeOf(file), mode_t(0600));
        QCOMPARE(modeOf(m_root.filePath(u"new/Stevedore"_s)), mode_t(0700));
    }

    void anExistingReadableFileIsNarrowedAndKeepsItsContent()
    {
        const QString file = m_root.filePath(u"old/settings.conf"_s);
        QVERIFY(QDir().mkpath(m_root.filePath(u"old"_s)));
        QFile existing(file);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("[General]\nkept=1\n");
        existing.close();
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                                | QFile::ReadOther));
        QCOMPARE(modeOf(file), mode_t(0644));

        QVERIFY(makePrivateFile(file));
        QCOMPARE(modeOf(file), mode_t(0600));
        QCOMPARE(modeOf(m_root.filePath(u"old"_s)), mode_t(0700));
        QCOMPARE(QSettings(file, QSettings::IniFormat).value(u"kept"_s).toInt(), 1);
    }

    void qsettingsKeepsThePrivateMode()
    {
        const QString file = m_root.filePath(u"settings/Stevedore.conf"_s);
        QVERIFY(makePrivateFile(file));
        {
            QSettings settings(file, QSettings::IniFormat);
            settings.setValue(u"Accounts/one/name"_s, u"work"_s);
            settings.sync();
            QCOMPARE(settings.status(), QSettings::NoError);
        }
        QVERIFY(QFile(file).size() > 0);
        QCOMPARE(modeOf(file), mode_t(0600));
    }

    void aTransferJournalIsPrivateWhenWrittenAndCompacted()
    {
        const QString folder = m_root.filePath(u"state/stevedore"_s);
        const QString file = folder + u"/download-0123.jsonl"_s;
        TransferJournal journal(file);
        journal.put(anItem(u"a"_s));
        QCOMPARE(modeOf(file), mode_t(0600));
        QCOMPARE(modeOf(folder), mode_t(0700));

        journal.compact({anItem(u"b"_s)});
        QCOMPARE(modeOf(file), mode_t(0600));
        QString problem;
        const QList<TransferItem> reopened = TransferJournal(file).open(&problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(reopened.size(), 1);
        QCOMPARE(reopened.first().id, u"b"_s);
        QCOMPARE(modeOf(file), mode_t(0600));
    }
};

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "TestPrivateFiles.moc"
