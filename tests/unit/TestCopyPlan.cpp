#include "transfer/CopyPlan.h"

#include <QCryptographicHash>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

using Kind = FileComparison::Kind;

QString shaOf(const QByteArray &content)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

// A version as the package-files API lists it; `files`: stored name → content.
VersionFiles version(const QList<QPair<QString, QByteArray>> &files)
{
    VersionFiles listed;
    listed.package = Package{};
    qint64 id = 0;
    for (const auto &[stored, content] : files) {
        PackageFile file;
        file.id = ++id;
        file.storedName = stored;
        file.size = content.size();
        file.sha256 = shaOf(content);
        listed.files << file;
    }
    return listed;
}

const CopySide kSource{u"staging-id"_s, {u"group/staging"_s, u"app"_s, u"2.0.0-rc.3"_s, {}}};
const CopySide kDestination{u"release-id"_s, {u"group/release"_s, u"app"_s, u"2.0.0"_s, {}}};

} // namespace

// CopyPlan: which files a copy sends, which it refuses over, and the items it queues.
class TestCopyPlan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The destination (before) against the source (after): new, same, other content and
    // only in the destination, in NaturalOrder.
    void comparesTheDestinationWithTheSource()
    {
        const CopyPlan plan(version({{u"new.bin"_s, "new"},
                                     {u"same.txt"_s, "same"},
                                     {u"dir%2Fchanged.txt"_s, "source's"}}),
                            version({{u"same.txt"_s, "same"},
                                     {u"dir%2Fchanged.txt"_s, "destination's"},
                                     {u"extra.txt"_s, "only here"}}));
        QList<QPair<QString, Kind>> kinds;
        for (const FileComparison::Entry &entry : plan.comparison().entries())
            kinds << qMakePair(entry.path, entry.kind);
        QCOMPARE(kinds, (QList<QPair<QString, Kind>>{{u"dir/changed.txt"_s, Kind::Changed},
                                                     {u"extra.txt"_s, Kind::Removed},
                                                     {u"new.bin"_s, Kind::Added},
                                                     {u"same.txt"_s, Kind::Same}}));
        QCOMPARE(plan.conflicts(), QStringList{u"dir/changed.txt"_s});
    }

    // A conflict refuses the copy as a whole, unless replaced: then it is sent too.
    void aConflictRefusesEverythingUnlessReplaced()
    {
        const CopyPlan plan(version({{u"new.bin"_s, "new!"}, {u"changed.txt"_s, "source's"}}),
                            version({{u"changed.txt"_s, "destination's"}}));
        QVERIFY(plan.isRefused(false));
        QVERIFY(plan.items(kSource, kDestination, false, false, u"/spool"_s).isEmpty());
        QCOMPARE(plan.fileCount(false), 1);
        QCOMPARE(plan.byteCount(false), 4);

        QVERIFY(!plan.isRefused(true));
        QCOMPARE(plan.fileCount(true), 2);
        QCOMPARE(plan.byteCount(true), 4 + 8);
        const QList<TransferItem> items =
            plan.items(kSource, kDestination, false, true, u"/spool"_s);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).target.fileName, u"changed.txt"_s);
        QCOMPARE(items.at(0).duplicatePolicy, DuplicatePolicy::Replace);
        QCOMPARE(items.at(1).target.fileName, u"new.bin"_s);
        QCOMPARE(items.at(1).duplicatePolicy, DuplicatePolicy::SkipIdentical);
    }

    // Each item fetches the file from the source account's version into a spool file named by
    // its SHA-256 and uploads it to the destination's, checked against the source's checksum.
    void itemsNameBothSidesAndSpoolByContent()
    {
        const CopyPlan plan(version({{u"dir%2Fapp.tar.gz"_s, "archive"}, {u"same"_s, "s"}}),
                            version({{u"same"_s, "s"}}));
        QVERIFY(!plan.isRefused(false));
        for (const bool hidden : {false, true}) {
            const QList<TransferItem> items =
                plan.items(kSource, kDestination, hidden, false, u"/data/copy-spool"_s);
            QCOMPARE(items.size(), 1);
            const TransferItem &item = items.first();
            QVERIFY(item.isUpload());
            QCOMPARE(item.accountId, kDestination.accountId);
            QCOMPARE(item.target.project, u"group/release"_s);
            QCOMPARE(item.target.packageName, u"app"_s);
            QCOMPARE(item.target.version, u"2.0.0"_s);
            QCOMPARE(item.target.fileName, u"dir/app.tar.gz"_s);
            QCOMPARE(item.sourceAccountId, kSource.accountId);
            QCOMPARE(item.source.project, u"group/staging"_s);
            QCOMPARE(item.source.version, u"2.0.0-rc.3"_s);
            QCOMPARE(item.source.fileName, u"dir/app.tar.gz"_s);
            QCOMPARE(item.expectedSha256, shaOf("archive"));
            QCOMPARE(item.size, 7);
            QCOMPARE(item.localPath, u"/data/copy-spool/"_s + shaOf("archive"));
            QCOMPARE(item.hidden, hidden);
        }
    }

    // A destination version that does not exist yet takes every file; an identical one none.
    void emptyAndIdenticalDestinations()
    {
        const VersionFiles source = version({{u"a"_s, "a"}, {u"b"_s, "bb"}});
        const CopyPlan toNew(source, VersionFiles{});
        QCOMPARE(toNew.fileCount(false), 2);
        QCOMPARE(toNew.byteCount(false), 3);
        const CopyPlan toSame(source, source);
        QVERIFY(toSame.comparison().isIdentical());
        QCOMPARE(toSame.fileCount(true), 0);
        QVERIFY(toSame.items(kSource, kDestination, false, true, u"/spool"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCopyPlan)
#include "TestCopyPlan.moc"
