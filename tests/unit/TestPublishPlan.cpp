// PublishPlan: what the user gave to publish (files and folders) turned into rows with names in
// the package, checked against GitLab's rules, with unique suggestions, edits and the entries
// that cannot be published. The dialog and the command line both rely on it.

#include "transfer/PublishPlan.h"
#include "validate/NameRules.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <sys/stat.h>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Stevedore;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QStringList targetNames(const PublishPlan &plan)
{
    QStringList names;
    for (const PublishPlan::Row &row : plan.rows())
        names << row.targetName;
    return names;
}

QStringList suggestions(const PublishPlan &plan)
{
    QStringList names;
    for (const PublishPlan::Row &row : plan.rows())
        names << row.suggestion;
    return names;
}

bool isValidName(const QString &name)
{
    return NameRules::splitUploadPath(name).has_value();
}

// The entry of `plan` shown for `path`, or nullptr.
const PublishPlan::Unpublishable *entryFor(const PublishPlan &plan, const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    for (const PublishPlan::Unpublishable &entry : plan.unpublishable()) {
        if (entry.path == shown)
            return &entry;
    }
    return nullptr;
}

} // namespace

class TestPublishPlan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void filesAndFoldersGiveRelativeNames();
    void aFoldersOwnNameStartsThePaths();
    void relativePathsBecomeAbsolute();
    void invalidNamesHaveTheirRuleAndASuggestion_data();
    void invalidNamesHaveTheirRuleAndASuggestion();
    void suggestionsStayWithinTheLengthLimit();
    void suggestUploadPathKeepsWhatIsValid_data();
    void suggestUploadPathKeepsWhatIsValid();
    void suggestionsAreUniqueWithinThePlan();
    void duplicateNamesAreAProblemForTheLaterRows();
    void renameFixesARow();
    void fixRenamesToTheSuggestion();
    void fixAllFixesEveryRow();
    void removeTakesRowsOut();
    void appendAddsOnlyWhatIsNotListedYet();
    void unpublishableEntriesAndNotes();
    void linksOutsideAreFollowedOnlyWhenAsked();
    void buildOnAWorkerThreadGivesTheSameResult();
    void aLargeFolderBuilds();
    void stopEndsTheWalk();
    void onlyFoldersNeedAWalk();

private:
    QString path(const QString &relative) const { return QDir(m_dir->path()).filePath(relative); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPublishPlan::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(writeFile(path(u"a.txt"_s), "alpha\n"));                   // 6 bytes
    QVERIFY(writeFile(path(u"tool.tar.gz"_s), QByteArray(3000, 'x'))); // 3000 bytes
    QVERIFY(writeFile(path(u"site/index.html"_s), "<html></html>\n")); // 14 bytes
    QVERIFY(writeFile(path(u"site/css/site.css"_s), "body {}\n"));     // 8 bytes
    QVERIFY(writeFile(path(u"other/a.txt"_s), "another alpha\n"));     // 14 bytes
    QVERIFY(writeFile(path(u"my file.txt"_s), "bad name\n"));
    QVERIFY(writeFile(path(u"my?file.txt"_s), "bad name too\n"));
}

void TestPublishPlan::filesAndFoldersGiveRelativeNames()
{
    const PublishPlan plan =
        PublishPlan::build({path(u"a.txt"_s), path(u"tool.tar.gz"_s), path(u"site"_s) + u'/'});
    QCOMPARE(targetNames(plan), (QStringList{u"a.txt"_s, u"tool.tar.gz"_s, u"site/css/site.css"_s,
                                             u"site/index.html"_s}));
    QCOMPARE(plan.rowCount(), 4);
    QCOMPARE(plan.rows().at(0).localPath, path(u"a.txt"_s));
    QCOMPARE(plan.rows().at(2).localPath, path(u"site/css/site.css"_s));
    QCOMPARE(plan.rows().at(0).size, 6);
    QCOMPARE(plan.rows().at(1).size, 3000);
    QCOMPARE(plan.rows().at(2).size, 8);
    QCOMPARE(plan.rows().at(3).size, 14);
    QCOMPARE(plan.totalSize(), 6 + 3000 + 8 + 14);
    for (const PublishPlan::Row &row : plan.rows()) {
        QVERIFY(QFileInfo(row.localPath).isAbsolute());
        QVERIFY2(row.isValid(), qPrintable(row.problem()));
        QCOMPARE(row.rule, QString());
        QCOMPARE(row.duplicateOf, -1);
        QCOMPARE(row.problem(), QString());
        QCOMPARE(row.suggestion, row.targetName);
    }
    QCOMPARE(plan.problemCount(), 0);
    QVERIFY(plan.unpublishable().isEmpty());
    QVERIFY(plan.isReady());
}

void TestPublishPlan::aFoldersOwnNameStartsThePaths()
{
    // The folder given, wherever it is, names the first segment; its parents do not.
    const PublishPlan nested = PublishPlan::build({path(u"site/css"_s)});
    QCOMPARE(targetNames(nested), QStringList{u"css/site.css"_s});
    const PublishPlan site = PublishPlan::build({path(u"site"_s)});
    QCOMPARE(targetNames(site), (QStringList{u"site/css/site.css"_s, u"site/index.html"_s}));
    for (const PublishPlan::Row &row : site.rows())
        QCOMPARE(row.localPath, path(row.targetName));
}

void TestPublishPlan::relativePathsBecomeAbsolute()
{
    const QString before = QDir::currentPath();
    QVERIFY(QDir::setCurrent(path(u"site"_s)));
    const PublishPlan plan = PublishPlan::build({u"index.html"_s, u"css"_s});
    QVERIFY(QDir::setCurrent(before));
    QCOMPARE(targetNames(plan), (QStringList{u"index.html"_s, u"css/site.css"_s}));
    QCOMPARE(plan.rows().at(0).localPath, path(u"site/index.html"_s));
    QCOMPARE(plan.rows().at(1).localPath, path(u"site/css/site.css"_s));
}

void TestPublishPlan::invalidNamesHaveTheirRuleAndASuggestion_data()
{
    QTest::addColumn<QString>("file");       // created below the temporary folder
    QTest::addColumn<QString>("given");      // what is given to build()
    QTest::addColumn<QString>("targetName"); // as found
    QTest::addColumn<QString>("rule");       // part of the broken rule
    QTest::addColumn<QString>("suggestion");
    QTest::newRow("space") << u"my file.txt"_s << u"my file.txt"_s << u"my file.txt"_s
                           << u"A file name may contain only"_s << u"my_file.txt"_s;
    QTest::newRow("leading tilde") << u"~notes.txt"_s << u"~notes.txt"_s << u"~notes.txt"_s
                                   << u"may not start or end with '~' or '@'"_s << u"notes.txt"_s;
    QTest::newRow("encoded slash in a folder")
        << u"bad%2Fdir/ok.txt"_s << u"bad%2Fdir"_s << u"bad%2Fdir/ok.txt"_s
        << u"A folder name may not contain '%'"_s << u"bad_2Fdir/ok.txt"_s;
    // A space is fine in a folder name, so only the file name changes.
    QTest::newRow("bad file in a folder with a space")
        << u"my dir/x y.txt"_s << u"my dir"_s << u"my dir/x y.txt"_s
        << u"A file name may contain only"_s << u"my dir/x_y.txt"_s;
}

void TestPublishPlan::invalidNamesHaveTheirRuleAndASuggestion()
{
    QFETCH(QString, file);
    QFETCH(QString, given);
    QFETCH(QString, targetName);
    QFETCH(QString, rule);
    QFETCH(QString, suggestion);
    QVERIFY(writeFile(path(file), "content\n"));

    const PublishPlan plan = PublishPlan::build({path(given), path(u"a.txt"_s)});
    QCOMPARE(plan.rowCount(), 2);
    const PublishPlan::Row &row = plan.rows().at(0);
    QCOMPARE(row.targetName, targetName);
    QVERIFY2(row.rule.contains(rule), qPrintable(row.rule));
    QString expectedRule;
    QVERIFY(!NameRules::splitUploadPath(targetName, &expectedRule));
    QCOMPARE(row.rule, expectedRule);
    QCOMPARE(row.problem(), row.rule);
    QVERIFY(!row.isValid());
    QCOMPARE(row.duplicateOf, -1);
    QCOMPARE(row.suggestion, suggestion);
    QVERIFY(isValidName(row.suggestion));
    QVERIFY(plan.rows().at(1).isValid());
    QCOMPARE(plan.problemCount(), 1);
    QVERIFY(!plan.isReady());
}

void TestPublishPlan::suggestionsStayWithinTheLengthLimit()
{
    // No file system holds a 300-character name; a rename can.
    PublishPlan plan = PublishPlan::build({path(u"a.txt"_s), path(u"tool.tar.gz"_s)});
    const QString longStem(300, u'a');
    plan.rename(0, longStem + u".tar.gz"_s);
    plan.rename(1, u"dir/"_s + longStem + u".tar.gz"_s);
    for (const PublishPlan::Row &row : plan.rows()) {
        QVERIFY2(row.rule.contains(u"at most 255 characters"_s), qPrintable(row.rule));
        QVERIFY2(isValidName(row.suggestion), qPrintable(row.suggestion));
        QVERIFY(row.suggestion.endsWith(u".tar.gz"_s));
    }
    QCOMPARE(plan.rows().at(0).suggestion.size(), NameRules::kMaxNameLength);

    // Two long names that cut to the same one are numbered, still within the limit.
    plan.rename(1, longStem + u".tar.gz"_s);
    const QString first = plan.rows().at(0).suggestion;
    const QString second = plan.rows().at(1).suggestion;
    QVERIFY(first != second);
    QVERIFY2(isValidName(second), qPrintable(second));
    QVERIFY2(second.endsWith(u"-2.tar.gz"_s), qPrintable(second));
    QCOMPARE(plan.fixAll(), 2);
    QVERIFY(plan.isReady());
}

void TestPublishPlan::suggestUploadPathKeepsWhatIsValid_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("suggestion");
    QTest::newRow("valid") << u"dir/file.txt"_s << u"dir/file.txt"_s;
    QTest::newRow("empty segments") << u"/a//b/"_s << u"a/b"_s;
    QTest::newRow("empty") << QString() << u"file"_s;
    QTest::newRow("dot dot folder") << u"../x"_s << u"file/x"_s;
    QTest::newRow("folder with a space kept") << u"my dir/x y.txt"_s << u"my dir/x_y.txt"_s;
}

void TestPublishPlan::suggestUploadPathKeepsWhatIsValid()
{
    QFETCH(QString, name);
    QFETCH(QString, suggestion);
    QCOMPARE(PublishPlan::suggestUploadPath(name), suggestion);
    QVERIFY(isValidName(suggestion));
}

void TestPublishPlan::suggestionsAreUniqueWithinThePlan()
{
    // "my file.txt" and "my?file.txt" both sanitise to "my_file.txt", which a third file has.
    QVERIFY(writeFile(path(u"valid/my_file.txt"_s), "already valid\n"));
    const PublishPlan plan = PublishPlan::build(
        {path(u"my file.txt"_s), path(u"my?file.txt"_s), path(u"valid/my_file.txt"_s)});
    QCOMPARE(targetNames(plan),
             (QStringList{u"my file.txt"_s, u"my?file.txt"_s, u"my_file.txt"_s}));
    QVERIFY(!plan.rows().at(0).isValid());
    QVERIFY(!plan.rows().at(1).isValid());
    QVERIFY(plan.rows().at(2).isValid());
    QCOMPARE(suggestions(plan),
             (QStringList{u"my_file-2.txt"_s, u"my_file-3.txt"_s, u"my_file.txt"_s}));
    const QStringList suggested = suggestions(plan);
    QCOMPARE(QSet<QString>(suggested.cbegin(), suggested.cend()).size(), 3);
}

void TestPublishPlan::duplicateNamesAreAProblemForTheLaterRows()
{
    QVERIFY(writeFile(path(u"third/a.txt"_s), "a third alpha\n"));
    PublishPlan plan = PublishPlan::build(
        {path(u"a.txt"_s), path(u"other/a.txt"_s), path(u"tool.tar.gz"_s), path(u"third/a.txt"_s)});
    QCOMPARE(targetNames(plan),
             (QStringList{u"a.txt"_s, u"a.txt"_s, u"tool.tar.gz"_s, u"a.txt"_s}));
    // The first row keeps the name; each later one is told which row has it.
    QVERIFY(plan.rows().at(0).isValid());
    QCOMPARE(plan.rows().at(1).duplicateOf, 0);
    QCOMPARE(plan.rows().at(3).duplicateOf, 0);
    QCOMPARE(plan.rows().at(1).rule, QString());
    QVERIFY2(plan.rows().at(1).problem().contains(u"Row 1 already has this name"_s),
             qPrintable(plan.rows().at(1).problem()));
    QVERIFY(plan.rows().at(2).isValid());
    QCOMPARE(plan.problemCount(), 2);
    QVERIFY(!plan.isReady());
    QCOMPARE(suggestions(plan),
             (QStringList{u"a.txt"_s, u"a-2.txt"_s, u"tool.tar.gz"_s, u"a-3.txt"_s}));

    // Renaming the first row hands the name to the next one.
    plan.rename(0, u"first.txt"_s);
    QVERIFY(plan.rows().at(0).isValid());
    QVERIFY(plan.rows().at(1).isValid());
    QCOMPARE(plan.rows().at(3).duplicateOf, 1);
    QVERIFY(plan.rows().at(3).problem().contains(u"Row 2"_s));

    // A name that breaks a rule is not also a duplicate.
    plan.rename(1, u"x y.txt"_s);
    plan.rename(3, u"x y.txt"_s);
    QCOMPARE(plan.rows().at(3).duplicateOf, -1);
    QVERIFY(!plan.rows().at(3).rule.isEmpty());
}

void TestPublishPlan::renameFixesARow()
{
    PublishPlan plan = PublishPlan::build({path(u"my file.txt"_s), path(u"a.txt"_s)});
    QVERIFY(!plan.isReady());
    plan.rename(0, u"docs/notes.txt"_s);
    QCOMPARE(plan.rows().at(0).targetName, u"docs/notes.txt"_s);
    QCOMPARE(plan.rows().at(0).localPath, path(u"my file.txt"_s)); // only the name changes
    QVERIFY(plan.rows().at(0).isValid());
    QCOMPARE(plan.rows().at(0).suggestion, u"docs/notes.txt"_s);
    QVERIFY(plan.isReady());

    plan.rename(0, u"docs//notes.txt"_s);
    QVERIFY2(plan.rows().at(0).rule.contains(u"'//'"_s), qPrintable(plan.rows().at(0).rule));
    QCOMPARE(plan.rows().at(0).suggestion, u"docs/notes.txt"_s);
    QVERIFY(!plan.isReady());

    plan.rename(5, u"ignored.txt"_s); // out of range: nothing happens
    plan.rename(-1, u"ignored.txt"_s);
    QCOMPARE(targetNames(plan), (QStringList{u"docs//notes.txt"_s, u"a.txt"_s}));
}

void TestPublishPlan::fixRenamesToTheSuggestion()
{
    PublishPlan plan =
        PublishPlan::build({path(u"my file.txt"_s), path(u"a.txt"_s), path(u"other/a.txt"_s)});
    QVERIFY(!plan.fix(1)); // valid already
    QVERIFY(!plan.fix(7));
    QCOMPARE(plan.rows().at(1).targetName, u"a.txt"_s);

    const QString suggested = plan.rows().at(0).suggestion;
    QCOMPARE(suggested, u"my_file.txt"_s);
    QVERIFY(plan.fix(0));
    QCOMPARE(plan.rows().at(0).targetName, suggested);
    QVERIFY(plan.rows().at(0).isValid());
    QVERIFY(!plan.isReady()); // the duplicate is left

    QVERIFY(plan.fix(2));
    QCOMPARE(plan.rows().at(2).targetName, u"a-2.txt"_s);
    QVERIFY(plan.isReady());
}

void TestPublishPlan::fixAllFixesEveryRow()
{
    PublishPlan plan = PublishPlan::build(
        {path(u"my file.txt"_s), path(u"my?file.txt"_s), path(u"a.txt"_s), path(u"other/a.txt"_s)});
    QCOMPARE(plan.problemCount(), 3);
    const QStringList suggested = suggestions(plan);
    QCOMPARE(plan.fixAll(), 3);
    QCOMPARE(targetNames(plan), suggested);
    QCOMPARE(targetNames(plan),
             (QStringList{u"my_file.txt"_s, u"my_file-2.txt"_s, u"a.txt"_s, u"a-2.txt"_s}));
    QCOMPARE(plan.problemCount(), 0);
    QVERIFY(plan.isReady());
    QCOMPARE(plan.fixAll(), 0); // nothing left to fix
}

void TestPublishPlan::removeTakesRowsOut()
{
    PublishPlan plan = PublishPlan::build(
        {path(u"a.txt"_s), path(u"my file.txt"_s), path(u"other/a.txt"_s), path(u"tool.tar.gz"_s)});
    QVERIFY(!plan.isReady());

    plan.remove(1); // the invalid one
    QCOMPARE(targetNames(plan), (QStringList{u"a.txt"_s, u"a.txt"_s, u"tool.tar.gz"_s}));
    QCOMPARE(plan.rows().at(1).localPath, path(u"other/a.txt"_s));
    QVERIFY(!plan.isReady()); // the duplicate is left

    plan.remove(0); // the first holder: the other copy is valid now
    QCOMPARE(plan.rows().at(0).localPath, path(u"other/a.txt"_s));
    QVERIFY(plan.rows().at(0).isValid());
    QVERIFY(plan.isReady());

    plan.remove(QList<int>{1, 9, -1, 1}); // repeats and rows that do not exist are ignored
    QCOMPARE(targetNames(plan), QStringList{u"a.txt"_s});
    QCOMPARE(plan.totalSize(), 14);

    plan.remove(QList<int>{0});
    QCOMPARE(plan.rowCount(), 0);
    QVERIFY(!plan.isReady()); // nothing to publish
}

void TestPublishPlan::appendAddsOnlyWhatIsNotListedYet()
{
    PublishPlan plan = PublishPlan::build({path(u"a.txt"_s), path(u"no-such-file"_s)});
    plan.rename(0, u"first.txt"_s);

    // A file listed already (also under another spelling of its path), one listed twice, a new
    // one whose name is taken, and the same missing file: two rows come in.
    const PublishPlan more = PublishPlan::build({path(u"tool.tar.gz"_s), path(u"site/../a.txt"_s),
                                                 path(u"tool.tar.gz"_s), path(u"other/a.txt"_s),
                                                 path(u"no-such-file"_s)});
    QCOMPARE(plan.append(more), 2);
    QCOMPARE(targetNames(plan), (QStringList{u"first.txt"_s, u"tool.tar.gz"_s, u"a.txt"_s}));
    QCOMPARE(plan.rows().at(2).localPath, path(u"other/a.txt"_s));
    QCOMPARE(plan.unpublishable().size(), 1);
    QVERIFY(plan.isReady()); // the edit of the first row is kept, so "a.txt" is free

    // Appended rows are validated with the rest: a name taken by an earlier row is a problem.
    QCOMPARE(plan.append(PublishPlan::build({path(u"site/css/site.css"_s)})), 1);
    plan.rename(3, u"tool.tar.gz"_s);
    QCOMPARE(plan.rows().at(3).duplicateOf, 1);
    QCOMPARE(plan.append(PublishPlan::build({path(u"a.txt"_s)})), 0);
    QCOMPARE(plan.rowCount(), 4);
}

void TestPublishPlan::unpublishableEntriesAndNotes()
{
    QVERIFY(writeFile(path(u"outside/secret.txt"_s), "outside\n"));
    QVERIFY(writeFile(path(u"pub/keep.txt"_s), "keep\n"));
    QVERIFY(QDir().mkpath(path(u"pub/hole"_s)));
    QVERIFY(QFile::link(u"../outside/secret.txt"_s, path(u"pub/link.txt"_s)));
    QVERIFY(QFile::link(path(u"outside"_s), path(u"pub/folder-link"_s)));
    QVERIFY(mkfifo(QFile::encodeName(path(u"pipe"_s)).constData(), 0600) == 0);

    const PublishPlan plan =
        PublishPlan::build({path(u"pub"_s), path(u"pipe"_s), path(u"no-such-file"_s)});
    QCOMPARE(targetNames(plan), QStringList{u"pub/keep.txt"_s});
    QCOMPARE(plan.unpublishable().size(), 5);

    const PublishPlan::Unpublishable *link = entryFor(plan, path(u"pub/link.txt"_s));
    QVERIFY(link);
    QCOMPARE(link->why, PublishPlan::Unpublishable::Why::LinkOutside);
    QVERIFY(link->isNote()); // left out of a folder on purpose
    QVERIFY2(link->reason.contains(u"outside the folder"_s), qPrintable(link->reason));

    const PublishPlan::Unpublishable *hole = entryFor(plan, path(u"pub/hole"_s));
    QVERIFY(hole);
    QCOMPARE(hole->why, PublishPlan::Unpublishable::Why::EmptyFolder);
    QVERIFY(hole->isNote());

    const PublishPlan::Unpublishable *folderLink = entryFor(plan, path(u"pub/folder-link"_s));
    QVERIFY(folderLink);
    QCOMPARE(folderLink->why, PublishPlan::Unpublishable::Why::LinkToFolder);
    QVERIFY(folderLink->isNote());

    const PublishPlan::Unpublishable *pipe = entryFor(plan, path(u"pipe"_s));
    QVERIFY(pipe);
    QCOMPARE(pipe->why, PublishPlan::Unpublishable::Why::NotRegular);
    QVERIFY(!pipe->isNote()); // given by name: a failure, not a note
    QVERIFY(pipe->reason.contains(u"not a regular file"_s));

    const PublishPlan::Unpublishable *missing = entryFor(plan, path(u"no-such-file"_s));
    QVERIFY(missing);
    QCOMPARE(missing->why, PublishPlan::Unpublishable::Why::Missing);
    QVERIFY(!missing->isNote());

    QVERIFY(plan.isReady()); // the rows themselves are fine
}

void TestPublishPlan::linksOutsideAreFollowedOnlyWhenAsked()
{
    QVERIFY(writeFile(path(u"outside/secret.txt"_s), "outside the folder\n")); // 19 bytes
    QVERIFY(writeFile(path(u"pub/a.txt"_s), "a\n"));
    QVERIFY(QFile::link(u"../outside/secret.txt"_s, path(u"pub/link.txt"_s)));

    const PublishPlan skipped = PublishPlan::build({path(u"pub"_s)});
    QCOMPARE(targetNames(skipped), QStringList{u"pub/a.txt"_s});
    QVERIFY(entryFor(skipped, path(u"pub/link.txt"_s)));

    const PublishPlan followed = PublishPlan::build({path(u"pub"_s)}, true);
    QCOMPARE(targetNames(followed), (QStringList{u"pub/a.txt"_s, u"pub/link.txt"_s}));
    QCOMPARE(followed.rows().at(1).localPath, path(u"pub/link.txt"_s));
    QCOMPARE(followed.rows().at(1).size, 19); // the size of what the link leads to
    QVERIFY(followed.unpublishable().isEmpty());
}

void TestPublishPlan::buildOnAWorkerThreadGivesTheSameResult()
{
    QVERIFY(writeFile(path(u"pub/keep.txt"_s), "keep\n"));
    QVERIFY(QDir().mkpath(path(u"pub/hole"_s)));
    const QStringList given{path(u"a.txt"_s), path(u"my file.txt"_s), path(u"other/a.txt"_s),
                            path(u"site"_s),  path(u"pub"_s),         path(u"no-such-file"_s)};

    const PublishPlan here = PublishPlan::build(given);
    PublishPlan there;
    std::thread worker([&there, given] { there = PublishPlan::build(given); });
    worker.join();

    QCOMPARE(here.rowCount(), 6);
    QCOMPARE(there.rowCount(), here.rowCount());
    for (int i = 0; i < here.rowCount(); ++i) {
        const PublishPlan::Row &a = here.rows().at(i);
        const PublishPlan::Row &b = there.rows().at(i);
        QCOMPARE(b.localPath, a.localPath);
        QCOMPARE(b.targetName, a.targetName);
        QCOMPARE(b.size, a.size);
        QCOMPARE(b.rule, a.rule);
        QCOMPARE(b.duplicateOf, a.duplicateOf);
        QCOMPARE(b.suggestion, a.suggestion);
        QCOMPARE(b.problem(), a.problem());
    }
    QCOMPARE(there.unpublishable().size(), here.unpublishable().size());
    QCOMPARE(here.unpublishable().size(), 2);
    for (qsizetype i = 0; i < here.unpublishable().size(); ++i) {
        QCOMPARE(there.unpublishable().at(i).path, here.unpublishable().at(i).path);
        QCOMPARE(there.unpublishable().at(i).reason, here.unpublishable().at(i).reason);
        QCOMPARE(there.unpublishable().at(i).why, here.unpublishable().at(i).why);
    }
    QCOMPARE(there.problemCount(), 2); // "my file.txt" and the second "a.txt"
}

void TestPublishPlan::aLargeFolderBuilds()
{
    constexpr int kFiles = 5000;
    for (int i = 0; i < kFiles; ++i) {
        const QString name = u"big/d%1/f%2.bin"_s.arg(i % 50).arg(i);
        QVERIFY(writeFile(path(name), QByteArray::number(i)));
    }
    QVERIFY(writeFile(path(u"big/bad name.txt"_s), "x"));

    const PublishPlan plan = PublishPlan::build({path(u"big"_s)});
    QCOMPARE(plan.rowCount(), kFiles + 1);
    QCOMPARE(plan.problemCount(), 1);
    QSet<QString> names;
    for (const PublishPlan::Row &row : plan.rows()) {
        QVERIFY(row.targetName.startsWith(u"big/"_s));
        names.insert(row.targetName);
    }
    QCOMPARE(names.size(), kFiles + 1);
    QVERIFY(plan.unpublishable().isEmpty());
}

void TestPublishPlan::stopEndsTheWalk()
{
    for (int i = 0; i < 50; ++i)
        QVERIFY(writeFile(path(u"many/f%1.txt"_s.arg(i)), "x"));
    const std::atomic_bool stop{true};
    const PublishPlan stopped =
        PublishPlan::build({path(u"many"_s), path(u"a.txt"_s)}, false, &stop);
    QCOMPARE(stopped.rowCount(), 0);

    const std::atomic_bool go{false};
    QCOMPARE(PublishPlan::build({path(u"many"_s), path(u"a.txt"_s)}, false, &go).rowCount(), 51);
}

void TestPublishPlan::onlyFoldersNeedAWalk()
{
    QVERIFY(!PublishPlan::needsWalk({path(u"a.txt"_s), path(u"no-such-file"_s)}));
    QVERIFY(PublishPlan::needsWalk({path(u"a.txt"_s), path(u"site"_s)}));
    QVERIFY(PublishPlan::needsWalk({path(u"site/"_s)}));
    QVERIFY(!PublishPlan::needsWalk({}));
}

QTEST_GUILESS_MAIN(TestPublishPlan)
#include "TestPublishPlan.moc"
