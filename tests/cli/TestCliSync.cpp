// `stevedore sync`, the real binary against gitlab-sim --demo: a sync uploads new files,
// replaces changed ones (one copy left, the new content served) and with --delete deletes what
// the folder lacks, checked by listing the version's files and their SHA-256; --dry-run prints
// the plan and is proven by the simulator's log to send no PUT or DELETE; a second sync sends
// nothing; a sync that was interrupted finishes without duplicates; unreadable files and bad
// names stop it before anything is sent.

#include "CliTestSupport.h"
#include "DemoData.h"
#include "SimServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Stevedore::CliTest;
using namespace stevedore::test::demo;
using namespace Qt::StringLiterals;

namespace {

const QString kProjectPath = u"demo/hello"_s;
const QString kPackage = u"synced"_s;

// What 1.0.0 holds before each sync, and the folder synced to it: same.txt is kept,
// sub/changed.txt changes (same size), new.txt and sub/new.txt are new, gone.txt is not in the
// folder.
const QMap<QString, QByteArray> kPublished{
    {u"same.txt"_s, "same\n"},
    {u"sub/changed.txt"_s, "before\n"},
    {u"gone.txt"_s, "gone\n"},
};
const QMap<QString, QByteArray> kFolder{
    {u"same.txt"_s, "same\n"},
    {u"sub/changed.txt"_s, "after!\n"},
    {u"new.txt"_s, "new\n"},
    {u"sub/new.txt"_s, QByteArray(2 * 1024 * 1024 + 5, 'n')},
};

// An upload of `interrupted` b.txt is refused once, which stops the first sync of it half-way.
const QString kInterruption = u"status=403:generic/interrupted/1\\.0\\.0/b\\.txt:1"_s;

} // namespace

class TestCliSync final : public QObject
{
    Q_OBJECT

private:
    stevedore::test::ScopedSim m_sim;
    QTemporaryDir m_root; // HOME and the XDG folders of every run
    QTemporaryDir m_work; // the runs' working directory

    QString work(const QString &name) const { return m_work.filePath(name); }

    Run run(const QStringList &arguments)
    {
        return runWithToken(arguments, m_root.path(), m_sim->baseUrl(), kPat, m_work.path());
    }

    bool writeFolder(const QString &folder, const QMap<QString, QByteArray> &files)
    {
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (!writeBytes(work(folder + u'/' + it.key()), it.value()))
                return false;
        }
        return true;
    }

    // Publishes `files` as `version` of `package` (from a folder of that name).
    bool publish(const QString &package, const QString &version,
                 const QMap<QString, QByteArray> &files)
    {
        const QString folder = u"published-%1-%2"_s.arg(package, version);
        if (!writeFolder(folder, files))
            return false;
        QStringList arguments{u"publish"_s, kProjectPath, package, version};
        for (const QString &top :
             QDir(work(folder)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot))
            arguments << folder + u'/' + top;
        const Run published = run(arguments);
        if (published.exitCode != 0)
            qWarning("%s", qPrintable(published.describe()));
        return published.exitCode == 0;
    }

    // name → SHA-256 of every upload the version holds (older copies too, so a name twice is
    // a duplicate).
    QMultiMap<QString, QString> uploads(const QString &package, const QString &version)
    {
        QMultiMap<QString, QString> found;
        const Run files = run({u"files"_s, kProjectPath, package, version, u"--json"_s});
        if (files.exitCode != 0) {
            qWarning("%s", qPrintable(files.describe()));
            return found;
        }
        for (const QJsonValue &file : files.json().array())
            found.insert(file[u"name"_s].toString(), file[u"sha256"_s].toString());
        return found;
    }

    // The folder's files → SHA-256, as uploads() names them.
    QMultiMap<QString, QString> hashes(const QString &folder,
                                       const QMap<QString, QByteArray> &files)
    {
        QMultiMap<QString, QString> found;
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            found.insert(it.key(), QString::fromLatin1(sha256Hex(work(folder + u'/' + it.key()))));
        return found;
    }

    QByteArray logSince(qsizetype before) const { return m_sim->logContents().mid(before); }

    QStringList sync(const QString &folder, const QString &package, const QString &version) const
    {
        return {u"sync"_s, folder, kProjectPath, package, version};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(m_work.isValid());
        QVERIFY(m_sim.startDemo({kInterruption}));
        QVERIFY(writeFolder(u"folder"_s, kFolder));
    }

    void cleanup() { m_sim.reportIfFailed(); }

    void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }

    void dryRunPrintsThePlanAndSendsNothing()
    {
        QVERIFY(publish(u"dry"_s, u"1.0.0"_s, kPublished));
        const QMultiMap<QString, QString> before = uploads(u"dry"_s, u"1.0.0"_s);
        const qsizetype logged = m_sim->logContents().size();
        const Run dry = run(sync(u"folder"_s, u"dry"_s, u"1.0.0"_s)
                            + QStringList{u"--delete"_s, u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.describe()));
        for (const QString &line :
             {u"+ new.txt  new (4 bytes)"_s, u"+ sub/new.txt  new (2.0 MB)"_s,
              u"~ sub/changed.txt  changed (7 bytes → 7 bytes)"_s, u"= same.txt  same (5 bytes)"_s,
              u"- gone.txt  removed (5 bytes)"_s, u"Dry run, nothing was sent"_s}) {
            QVERIFY2(dry.out().contains(line), qPrintable(line + u'\n' + dry.describe()));
        }
        const QByteArray log = logSince(logged);
        QVERIFY2(logLines(log, "GET", "/packages").size() >= 1, log.constData());
        QVERIFY2(logLines(log, "PUT", "/").isEmpty(), log.constData());
        QVERIFY2(logLines(log, "DELETE", "/").isEmpty(), log.constData());
        QCOMPARE(uploads(u"dry"_s, u"1.0.0"_s), before);

        // Without --delete the plan keeps what the folder lacks.
        const Run keeping =
            run(sync(u"folder"_s, u"dry"_s, u"1.0.0"_s) + QStringList{u"--dry-run"_s});
        QVERIFY2(keeping.exitCode == 0, qPrintable(keeping.describe()));
        QVERIFY2(keeping.out().contains(u"- gone.txt  not in the folder, kept (5 bytes)"_s),
                 qPrintable(keeping.describe()));
        QVERIFY2(logLines(logSince(logged), "PUT", "/").isEmpty(), logSince(logged).constData());
    }

    void syncUploadsReplacesAndDeletes()
    {
        QVERIFY(publish(kPackage, u"1.0.0"_s, kPublished));
        const qsizetype logged = m_sim->logContents().size();
        const Run synced =
            run(sync(u"folder"_s, kPackage, u"1.0.0"_s) + QStringList{u"--delete"_s});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.describe()));
        QVERIFY2(synced.out().contains(u"Synced "_s), qPrintable(synced.describe()));
        QVERIFY2(synced.out().contains(u"deleted   gone.txt"_s), qPrintable(synced.describe()));
        QVERIFY2(synced.out().contains(u"replaced  sub/changed.txt"_s),
                 qPrintable(synced.describe()));
        // Exactly the folder's files, each once, with its content: the old copy of
        // sub/changed.txt and gone.txt are gone.
        QCOMPARE(uploads(kPackage, u"1.0.0"_s), hashes(u"folder"_s, kFolder));
        // same.txt was not sent again.
        const QList<QByteArray> puts = logLines(logSince(logged), "PUT", "/");
        QCOMPARE(puts.size(), 3);
        QVERIFY2(!puts.join('\n').contains("same.txt"), puts.join('\n').constData());

        // A second sync has nothing to do and sends nothing.
        const qsizetype again = m_sim->logContents().size();
        const Run second =
            run(sync(u"folder"_s, kPackage, u"1.0.0"_s) + QStringList{u"--delete"_s});
        QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
        for (const QString &path : kFolder.keys()) {
            QVERIFY2(second.out().contains(u"= %1  same"_s.arg(path)),
                     qPrintable(second.describe()));
        }
        QVERIFY2(!second.out().contains(u"+ "_s) && !second.out().contains(u"~ "_s),
                 qPrintable(second.describe()));
        QVERIFY2(logLines(logSince(again), "PUT", "/").isEmpty(), logSince(again).constData());
        QVERIFY2(logLines(logSince(again), "DELETE", "/").isEmpty(), logSince(again).constData());
    }

    void withoutDeleteTheRemovedFileStays()
    {
        QVERIFY(publish(u"kept"_s, u"1.0.0"_s, kPublished));
        const Run synced = run(sync(u"folder"_s, u"kept"_s, u"1.0.0"_s) + QStringList{u"--json"_s});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.describe()));
        QMultiMap<QString, QString> expected = hashes(u"folder"_s, kFolder);
        expected.insert(
            u"gone.txt"_s,
            QString::fromLatin1(
                QCryptographicHash::hash("gone\n", QCryptographicHash::Sha256).toHex()));
        QCOMPARE(uploads(u"kept"_s, u"1.0.0"_s), expected);

        const QJsonObject report = synced.json().object();
        QCOMPARE(report[u"ok"_s].toBool(), true);
        QCOMPARE(report[u"dry_run"_s].toBool(), false);
        QCOMPARE(report[u"counts"_s][u"new"_s].toInt(), 2);
        QCOMPARE(report[u"counts"_s][u"changed"_s].toInt(), 1);
        QCOMPARE(report[u"counts"_s][u"same"_s].toInt(), 1);
        QCOMPARE(report[u"counts"_s][u"removed"_s].toInt(), 1);
        QMap<QString, QString> outcomes;
        for (const QJsonValue &file : report[u"files"_s].toArray())
            outcomes.insert(file[u"path"_s].toString(), file[u"outcome"_s].toString());
        const QMap<QString, QString> expectedOutcomes{
            {u"gone.txt"_s, u"kept"_s},        {u"new.txt"_s, u"uploaded"_s},
            {u"same.txt"_s, u"unchanged"_s},   {u"sub/changed.txt"_s, u"replaced"_s},
            {u"sub/new.txt"_s, u"uploaded"_s},
        };
        QCOMPARE(outcomes, expectedOutcomes);
    }

    void aVersionThatDoesNotExistIsCreated()
    {
        const Run synced = run(sync(u"folder"_s, u"fresh"_s, u"3.0.0"_s));
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.describe()));
        for (const QString &path : kFolder.keys()) {
            QVERIFY2(synced.out().contains(u"+ %1  new"_s.arg(path)),
                     qPrintable(synced.describe()));
        }
        QCOMPARE(uploads(u"fresh"_s, u"3.0.0"_s), hashes(u"folder"_s, kFolder));
    }

    void anInterruptedSyncFinishesWithoutDuplicates()
    {
        const QMap<QString, QByteArray> files{
            {u"a.txt"_s, "a\n"}, {u"b.txt"_s, "b\n"}, {u"c.txt"_s, "c\n"}};
        QVERIFY(writeFolder(u"interrupted"_s, files));
        const Run first = run(sync(u"interrupted"_s, u"interrupted"_s, u"1.0.0"_s));
        QVERIFY2(first.exitCode == 3, qPrintable(first.describe()));
        QVERIFY2(first.out().contains(u"stopped"_s), qPrintable(first.describe()));
        QVERIFY(uploads(u"interrupted"_s, u"1.0.0"_s).contains(u"a.txt"_s));
        QVERIFY(!uploads(u"interrupted"_s, u"1.0.0"_s).contains(u"b.txt"_s));

        const qsizetype logged = m_sim->logContents().size();
        const Run second = run(sync(u"interrupted"_s, u"interrupted"_s, u"1.0.0"_s));
        QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
        QVERIFY2(second.out().contains(u"= a.txt  same"_s), qPrintable(second.describe()));
        QVERIFY2(second.out().contains(u"+ b.txt  new"_s), qPrintable(second.describe()));
        const QList<QByteArray> puts = logLines(logSince(logged), "PUT", "/");
        QVERIFY2(puts.size() == 1 && puts.first().contains("/b.txt"), puts.join('\n').constData());
        QCOMPARE(uploads(u"interrupted"_s, u"1.0.0"_s), hashes(u"interrupted"_s, files));
    }

    void anUnreadableFileStopsTheSyncBeforeAnyRequest()
    {
        QVERIFY(writeFolder(u"unreadable"_s, {{u"a.txt"_s, "a\n"}, {u"b.txt"_s, "b\n"}}));
        QVERIFY(QFile::link(work(u"nowhere"_s), work(u"unreadable/dangling"_s)));
        if (::geteuid() != 0)
            QVERIFY(QFile::setPermissions(work(u"unreadable/b.txt"_s), {}));
        const qsizetype logged = m_sim->logContents().size();
        const Run stopped = run(sync(u"unreadable"_s, kPackage, u"4.0.0"_s));
        QVERIFY2(stopped.exitCode == 1, qPrintable(stopped.describe()));
        QVERIFY2(stopped.err().contains(u"Nothing was sent"_s), qPrintable(stopped.describe()));
        QVERIFY2(stopped.err().contains(u"dangling"_s), qPrintable(stopped.describe()));
        QVERIFY2(logLines(logSince(logged), "PUT", "/").isEmpty(), logSince(logged).constData());
        QVERIFY2(logLines(logSince(logged), "GET", "/").isEmpty(), logSince(logged).constData());
    }

    void badNamesNeverReachTheServer_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("package name")
            << QStringList{u"sync"_s, u"folder"_s, kProjectPath, u"my package"_s, u"1.0.0"_s}
            << u"Try \"my_package\""_s;
        QTest::newRow("version") << QStringList{u"sync"_s, u"folder"_s, kProjectPath, kPackage,
                                                u"1..0"_s}
                                 << u"Try \"1.0\""_s;
        QTest::newRow("file name in the folder")
            << QStringList{u"sync"_s, u"badly-named"_s, kProjectPath, kPackage, u"5.0.0"_s}
            << u"\"my file.txt\""_s;
    }

    void badNamesNeverReachTheServer()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QVERIFY(writeFolder(u"badly-named"_s, {{u"my file.txt"_s, "x\n"}}));
        const qsizetype logged = m_sim->logContents().size();
        const Run refused = run(arguments);
        QVERIFY2(refused.exitCode == 2, qPrintable(refused.describe()));
        QVERIFY2(refused.err().contains(message), qPrintable(refused.describe()));
        QVERIFY2(logSince(logged).trimmed().isEmpty(), logSince(logged).constData());
    }
};

QTEST_GUILESS_MAIN(TestCliSync)
#include "TestCliSync.moc"
