// FileComparison: two sets of file fingerprints compared path by path and by SHA-256, in the
// order people read names; and LocalFingerprints: a folder's files named as the package names
// them, hashed, with the entries that cannot be read kept as problems.

#include "core/Sha256.h"
#include "transfer/FileComparison.h"
#include "transfer/LocalFingerprints.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

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

FileFingerprint file(const QString &path, const QByteArray &content)
{
    return {path, content.size(), shaOf(content), {}};
}

QStringList paths(const FileComparison &comparison)
{
    QStringList found;
    for (const FileComparison::Entry &entry : comparison.entries())
        found << entry.path;
    return found;
}

QList<Kind> kinds(const FileComparison &comparison)
{
    QList<Kind> found;
    for (const FileComparison::Entry &entry : comparison.entries())
        found << entry.kind;
    return found;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(content) == content.size();
}

const FileFingerprint *named(const LocalFingerprints::Result &result, const QString &path)
{
    for (const FileFingerprint &fingerprint : result.files) {
        if (fingerprint.path == path)
            return &fingerprint;
    }
    return nullptr;
}

} // namespace

class TestFileComparison final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allFourKindsWithBothSides()
    {
        const FileComparison comparison =
            FileComparison::compare({file(u"same.txt"_s, "same"), file(u"changed.bin"_s, "old"),
                                     file(u"removed.txt"_s, "gone")},
                                    {file(u"changed.bin"_s, "newer"), file(u"added.txt"_s, "new"),
                                     file(u"same.txt"_s, "same")});
        QCOMPARE(paths(comparison),
                 (QStringList{u"added.txt"_s, u"changed.bin"_s, u"removed.txt"_s, u"same.txt"_s}));
        QCOMPARE(kinds(comparison),
                 (QList<Kind>{Kind::Added, Kind::Changed, Kind::Removed, Kind::Same}));
        const FileComparison::Entry &added = comparison.entries().at(0);
        QVERIFY(!added.before);
        QCOMPARE(added.after->sha256, shaOf("new"));
        const FileComparison::Entry &changed = comparison.entries().at(1);
        QCOMPARE(changed.before->size, 3);
        QCOMPARE(changed.after->size, 5);
        QCOMPARE(changed.before->sha256, shaOf("old"));
        QCOMPARE(changed.after->sha256, shaOf("newer"));
        const FileComparison::Entry &removed = comparison.entries().at(2);
        QCOMPARE(removed.before->sha256, shaOf("gone"));
        QVERIFY(!removed.after);
        QCOMPARE(comparison.count(Kind::Same), 1);
        QCOMPARE(comparison.count(Kind::Changed), 1);
        QVERIFY(!comparison.isIdentical());
    }

    void identicalSidesInAnyOrder()
    {
        const FileComparison comparison = FileComparison::compare(
            {file(u"a"_s, "1"), file(u"dir/b"_s, "2")}, {file(u"dir/b"_s, "2"), file(u"a"_s, "1")});
        QVERIFY(comparison.isIdentical());
        QCOMPARE(comparison.count(Kind::Same), 2);
        QVERIFY(FileComparison::compare({}, {}).isIdentical());
    }

    // Paths come in NaturalOrder: numbers by value, case only as a tie-break.
    void naturalOrderOfPaths()
    {
        const FileComparison comparison = FileComparison::compare(
            {file(u"part-10.bin"_s, "x"), file(u"Part-9.bin"_s, "x"), file(u"b/x"_s, "x")},
            {file(u"part-2.bin"_s, "x"), file(u"a.txt"_s, "x")});
        QCOMPARE(paths(comparison), (QStringList{u"a.txt"_s, u"b/x"_s, u"part-2.bin"_s,
                                                 u"Part-9.bin"_s, u"part-10.bin"_s}));
    }

    // GitLab's names are case-sensitive: A.txt and a.txt are two files.
    void caseMatters()
    {
        const FileComparison comparison =
            FileComparison::compare({file(u"a.txt"_s, "lower")}, {file(u"A.txt"_s, "lower")});
        QCOMPARE(paths(comparison), (QStringList{u"A.txt"_s, u"a.txt"_s}));
        QCOMPARE(kinds(comparison), (QList<Kind>{Kind::Added, Kind::Removed}));
    }

    // The same size with other bytes is a change; checksums in either case are the same.
    void sameSizeOtherContentIsChanged()
    {
        FileFingerprint upper = file(u"f"_s, "abc");
        upper.sha256 = upper.sha256.toUpper();
        QCOMPARE(FileComparison::compare({file(u"f"_s, "abc")}, {upper}).count(Kind::Same), 1);
        QCOMPARE(FileComparison::compare({file(u"f"_s, "abc")}, {file(u"f"_s, "abd")})
                     .count(Kind::Changed),
                 1);
    }

    // A path twice on one side keeps its first fingerprint and is named, never compared
    // silently.
    void duplicatesKeepTheFirstAndDiffer()
    {
        const FileComparison comparison =
            FileComparison::compare({file(u"x"_s, "one"), file(u"x"_s, "two"), file(u"y"_s, "y")},
                                    {file(u"x"_s, "one"), file(u"y"_s, "y"), file(u"y"_s, "y")});
        QCOMPARE(paths(comparison), (QStringList{u"x"_s, u"y"_s}));
        QCOMPARE(kinds(comparison), (QList<Kind>{Kind::Same, Kind::Same}));
        QCOMPARE(comparison.duplicates(), (QStringList{u"x"_s, u"y"_s}));
        QVERIFY(!comparison.isIdentical());
    }

    void unreadableAfterIsItsOwnKind()
    {
        const FileComparison comparison = FileComparison::compare(
            {file(u"secret"_s, "s")},
            {{u"secret"_s, -1, {}, u"cannot be read"_s}, {u"other"_s, -1, {}, u"is a pipe"_s}});
        QCOMPARE(kinds(comparison), (QList<Kind>{Kind::Unreadable, Kind::Unreadable}));
        QVERIFY(!comparison.entries().at(0).before); // "other": not in the version
        QVERIFY(comparison.entries().at(1).before);  // "secret": in it
        QVERIFY(!comparison.isIdentical());
    }

    // The newest upload of each name, by its display name, as a download gets it.
    void servedFilesOfAVersion()
    {
        VersionFiles version;
        const auto upload = [](qint64 id, const QString &stored, const QByteArray &content) {
            PackageFile f;
            f.id = id;
            f.storedName = stored;
            f.size = content.size();
            f.sha256 = shaOf(content);
            return f;
        };
        version.files = {upload(1, u"app.bin"_s, "old"), upload(2, u"dir%2Fb.txt"_s, "b"),
                         upload(3, u"app.bin"_s, "newest")};
        const QList<FileFingerprint> served = FileFingerprint::servedBy(version);
        QCOMPARE(served.size(), 2);
        QCOMPARE(served.at(0).path, u"dir/b.txt"_s);
        QCOMPARE(served.at(1).path, u"app.bin"_s);
        QCOMPARE(served.at(1).sha256, shaOf("newest"));
        QCOMPARE(served.at(1).size, 6);
    }

    // DIR's contents are the names: DIR/a.txt is a.txt, DIR/sub/b.txt is sub/b.txt.
    void localNamesAreRelativeToTheFolder()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"a.txt"_s), "a"));
        QVERIFY(writeFile(dir.filePath(u"sub/deeper/b.txt"_s), QByteArray(3 * 1024 * 1024, 'b')));
        QVERIFY(writeFile(dir.filePath(u".hidden"_s), ""));
        QVERIFY(QDir(dir.path()).mkpath(u"empty"_s));
        const LocalFingerprints::Result result = LocalFingerprints::scan(dir.path());
        QVERIFY(result.problem.isEmpty());
        QCOMPARE(result.files.size(), 3);
        QCOMPARE(named(result, u"a.txt"_s)->sha256, shaOf("a"));
        const FileFingerprint *big = named(result, u"sub/deeper/b.txt"_s);
        QVERIFY(big);
        QCOMPARE(big->size, 3 * 1024 * 1024);
        QCOMPARE(big->sha256, shaOf(QByteArray(3 * 1024 * 1024, 'b')));
        QCOMPARE(named(result, u".hidden"_s)->sha256, shaOf(""));
        QCOMPARE(result.notes.size(), 1); // the empty folder, left out on purpose
        QVERIFY2(result.notes.constFirst().contains(u"empty"_s),
                 qPrintable(result.notes.join(u'\n')));
    }

    // What cannot be read is a fingerprint with a problem, not left out.
    void unreadableEntriesAreKept()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"ok.txt"_s), "ok"));
        QVERIFY(QFile::link(dir.filePath(u"nowhere"_s), dir.filePath(u"dangling"_s)));
        QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(u"pipe"_s)).constData(), 0600), 0);
        const bool root = ::geteuid() == 0; // root reads files of any mode
        if (!root) {
            QVERIFY(writeFile(dir.filePath(u"locked.bin"_s), "locked"));
            QVERIFY(QFile::setPermissions(dir.filePath(u"locked.bin"_s), {}));
        }
        const LocalFingerprints::Result result = LocalFingerprints::scan(dir.path());
        QVERIFY(result.problem.isEmpty());
        QCOMPARE(named(result, u"ok.txt"_s)->sha256, shaOf("ok"));
        for (const QString &path : root ? QStringList{u"dangling"_s, u"pipe"_s}
                                        : QStringList{u"dangling"_s, u"pipe"_s, u"locked.bin"_s}) {
            const FileFingerprint *entry = named(result, path);
            QVERIFY2(entry, qPrintable(path));
            QVERIFY2(!entry->problem.isEmpty(), qPrintable(path));
            QVERIFY(entry->sha256.isEmpty());
        }
    }

    void folderProblems()
    {
        QTemporaryDir dir;
        QVERIFY(LocalFingerprints::scan(dir.filePath(u"missing"_s))
                    .problem.contains(u"does not exist"_s));
        QVERIFY(writeFile(dir.filePath(u"plain"_s), "x"));
        QVERIFY(
            LocalFingerprints::scan(dir.filePath(u"plain"_s)).problem.contains(u"not a folder"_s));
        const LocalFingerprints::Result empty = LocalFingerprints::scan(dir.path() + u"/"_s);
        QVERIFY(empty.problem.isEmpty());
        QCOMPARE(empty.files.size(), 1); // "plain"
    }

    // start() hashes on a worker thread and reports on the owner's.
    void startReportsOnTheOwnersThread()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"x/y.txt"_s), "y"));
        LocalFingerprints fingerprints;
        QSignalSpy finished(&fingerprints, &LocalFingerprints::finished);
        QSignalSpy progress(&fingerprints, &LocalFingerprints::progress);
        fingerprints.start(dir.path());
        QVERIFY(finished.wait(10000));
        const auto result = finished.constFirst().constFirst().value<LocalFingerprints::Result>();
        QCOMPARE(result.files.size(), 1);
        QCOMPARE(result.files.constFirst().path, u"x/y.txt"_s);
        QCOMPARE(progress.size(), 1);
        QCOMPARE(progress.constFirst().at(0).toLongLong(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFileComparison)
#include "TestFileComparison.moc"
