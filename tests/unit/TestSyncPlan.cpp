// SyncPlan: what a sync of a folder to a version sends and deletes, worked out from the
// version's listing and the folder's fingerprints (the command line and the window share it).

#include "core/Sha256.h"
#include "transfer/LocalFingerprints.h"
#include "transfer/SyncPlan.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;
using Kind = FileComparison::Kind;

namespace {

QString shaOf(const QByteArray &bytes)
{
    Sha256 hash;
    hash.add(bytes);
    return hash.hexDigest();
}

PackageFile uploaded(qint64 id, const QString &storedName, const QByteArray &content,
                     int minutesAgo)
{
    PackageFile file;
    file.id = id;
    file.packageId = 7;
    file.storedName = storedName;
    file.size = content.size();
    file.sha256 = shaOf(content);
    file.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    return file;
}

const PackageTarget kVersion{u"group/app"_s, u"app"_s, u"1.0.0"_s, {}};

Package existing()
{
    Package package;
    package.id = 7;
    package.name = kVersion.packageName;
    package.version = kVersion.version;
    return package;
}

} // namespace

class TestSyncPlan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void plansUploadsWithTheirPoliciesAndRemovalsWithEveryUploadOfTheName();
    void aVersionThatDoesNotExistIsAllNew();
    void anUnreadableFileBlocksAndAVanishedFileIsAnError();
    void refusedNamesSayHowToFixThem();
    void deletionsWaitForEveryUploadToSucceed();

private:
    void write(const QString &path, const QByteArray &content);
    SyncPlan plan(const VersionFiles &served);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSyncPlan::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSyncPlan::write(const QString &path, const QByteArray &content)
{
    const QString full = m_dir->filePath(path);
    QVERIFY(QDir().mkpath(QFileInfo(full).absolutePath()));
    QFile file(full);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

SyncPlan TestSyncPlan::plan(const VersionFiles &served)
{
    return SyncPlan(m_dir->path(), kVersion, LocalFingerprints::scan(m_dir->path()).files, served);
}

// The version holds same.txt, changed.txt (uploaded twice: the newer copy is served) and
// gone.txt (twice as well); the folder has same.txt, changed.txt and sub/new.txt.
void TestSyncPlan::plansUploadsWithTheirPoliciesAndRemovalsWithEveryUploadOfTheName()
{
    write(u"same.txt"_s, "same\n");
    write(u"changed.txt"_s, "after\n");
    write(u"sub/new.txt"_s, "new\n");
    VersionFiles served;
    served.package = existing();
    served.files = {
        uploaded(1, u"same.txt"_s, "same\n", 9), uploaded(2, u"changed.txt"_s, "older\n", 8),
        uploaded(3, u"changed.txt"_s, "before\n", 7), uploaded(4, u"gone.txt"_s, "gone\n", 6),
        uploaded(5, u"gone.txt"_s, "gone again\n", 5)};
    const SyncPlan sync = plan(served);

    QCOMPARE(sync.folder(), QDir(m_dir->path()).absolutePath());
    QCOMPARE(sync.comparison().count(Kind::Same), 1);
    QCOMPARE(sync.comparison().count(Kind::Changed), 1);
    QCOMPARE(sync.comparison().count(Kind::Added), 1);
    QCOMPARE(sync.comparison().count(Kind::Removed), 1);
    QVERIFY(!sync.isBlocked());

    const Result<QList<TransferItem>> uploads = sync.uploads(u"account-1"_s);
    QVERIFY(uploads.ok());
    QCOMPARE(uploads.value().size(), 2);
    for (const TransferItem &item : uploads.value()) {
        QCOMPARE(item.direction, TransferDirection::Upload);
        QCOMPARE(item.accountId, u"account-1"_s);
        QCOMPARE(item.target.project, kVersion.project);
        QCOMPARE(item.target.version, kVersion.version);
        QCOMPARE(item.localPath, QDir(m_dir->path()).filePath(item.target.fileName));
        QCOMPARE(item.duplicatePolicy, item.target.fileName == u"changed.txt"_s
                                           ? DuplicatePolicy::Replace
                                           : DuplicatePolicy::SkipIdentical);
    }
    QCOMPARE(uploads.value().at(1).target.fileName, u"sub/new.txt"_s);

    QCOMPARE(sync.removals().size(), 1);
    QCOMPARE(sync.removals().at(0).path, u"gone.txt"_s);
    QCOMPARE(sync.removals().at(0).fileIds, (QList<qint64>{4, 5}));
    QVERIFY(sync.hasWork(false));
}

void TestSyncPlan::aVersionThatDoesNotExistIsAllNew()
{
    write(u"a.txt"_s, "a\n");
    write(u"b/c.txt"_s, "c\n");
    const SyncPlan sync = plan(VersionFiles{});
    QCOMPARE(sync.comparison().count(Kind::Added), 2);
    QCOMPARE(sync.comparison().entries().size(), 2);
    QVERIFY(sync.removals().isEmpty());
    QVERIFY(sync.hasWork(true));

    // An empty folder against an empty version: nothing to do, deleting or not.
    const SyncPlan nothing(m_dir->filePath(u"empty"_s), kVersion, {}, VersionFiles{});
    QVERIFY(!nothing.hasWork(false));
    QVERIFY(!nothing.hasWork(true));
}

// An unreadable file blocks the sync; the file only in the version is work only when deletions
// are asked for.
void TestSyncPlan::anUnreadableFileBlocksAndAVanishedFileIsAnError()
{
    write(u"a.txt"_s, "a\n");
    QVERIFY(QFile::link(m_dir->filePath(u"nowhere"_s), m_dir->filePath(u"dangling"_s)));
    VersionFiles served;
    served.package = existing();
    served.files = {uploaded(1, u"a.txt"_s, "a\n", 3), uploaded(2, u"old.txt"_s, "old\n", 2)};
    SyncPlan sync = plan(served);
    QVERIFY(sync.isBlocked());
    QCOMPARE(sync.comparison().count(Kind::Unreadable), 1);
    QVERIFY(!sync.hasWork(false));
    QVERIFY(sync.hasWork(true));

    // A file that goes after the plan was made cannot be sent: the first such one is the error.
    QVERIFY(QFile::remove(m_dir->filePath(u"dangling"_s)));
    write(u"new.txt"_s, "new\n");
    sync = plan(served);
    QVERIFY(!sync.isBlocked());
    QVERIFY(QFile::remove(m_dir->filePath(u"new.txt"_s)));
    const Result<QList<TransferItem>> uploads = sync.uploads(u"account-1"_s);
    QVERIFY(!uploads.ok());
    QVERIFY2(uploads.error().message().contains(u"new.txt"_s),
             qPrintable(uploads.error().message()));
}

void TestSyncPlan::refusedNamesSayHowToFixThem()
{
    const QList<FileFingerprint> fine{{u"a.txt"_s, 2, QString(64, u'a'), {}},
                                      {u"sub/b.txt"_s, 2, QString(64, u'b'), {}}};
    QVERIFY(!SyncPlan::refusedName(fine));
    QList<FileFingerprint> refused = fine;
    refused.append({u"release notes.md"_s, 2, QString(64, u'c'), {}});
    const std::optional<QString> refusal = SyncPlan::refusedName(refused);
    QVERIFY(refusal);
    QVERIFY2(refusal->contains(u"\"release notes.md\""_s), qPrintable(*refusal));
    QVERIFY2(refusal->contains(u"Rename it"_s), qPrintable(*refusal));
}

void TestSyncPlan::deletionsWaitForEveryUploadToSucceed()
{
    QList<TransferItem> uploads(3);
    uploads[0].state = TransferState::Done;
    uploads[1].state = TransferState::Skipped;
    uploads[2].state = TransferState::Done;
    QVERIFY(SyncPlan::uploadsSucceeded(uploads));
    QVERIFY(SyncPlan::uploadsSucceeded({}));
    for (const TransferState other :
         {TransferState::Queued, TransferState::Running, TransferState::Verifying,
          TransferState::Failed, TransferState::Cancelled}) {
        uploads[2].state = other;
        QVERIFY(!SyncPlan::uploadsSucceeded(uploads));
    }
}

QTEST_GUILESS_MAIN(TestSyncPlan)
#include "TestSyncPlan.moc"
