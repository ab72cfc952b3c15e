// `stevedore verify` and `stevedore diff`, the real binary against gitlab-sim --demo: a fresh
// download verifies as identical, every kind of difference is named with exit status 1, files
// that cannot be read count as differences, two versions (also of two projects) are compared
// by SHA-256, --json has the documented shape, and bad names never reach the server.

#include "CliTestSupport.h"
#include "DemoData.h"
#include "SimServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Stevedore::CliTest;
using namespace stevedore::test::demo;
using namespace Qt::StringLiterals;

namespace {

const QString kPackage = u"compared"_s;

// The files of 1.0.0 and 2.0.0 of `compared`: 2.0.0 keeps a.txt, changes sub/b.txt (same
// size), adds new.txt and drops tool.bin.
const QMap<QString, QByteArray> kFirst{
    {u"a.txt"_s, "alpha\n"},
    {u"sub/b.txt"_s, "bravo\n"},
    {u"tool.bin"_s, QByteArray(3 * 1024 * 1024 + 17, 't')},
};
const QMap<QString, QByteArray> kSecond{
    {u"a.txt"_s, "alpha\n"},
    {u"sub/b.txt"_s, "BRAVO\n"},
    {u"new.txt"_s, "new\n"},
};

// path → status of a --json report's "files".
QMap<QString, QString> statuses(const QJsonObject &report)
{
    QMap<QString, QString> found;
    for (const QJsonValue &file : report[u"files"_s].toArray())
        found.insert(file[u"path"_s].toString(), file[u"status"_s].toString());
    return found;
}

QJsonObject fileOf(const QJsonObject &report, const QString &path)
{
    for (const QJsonValue &file : report[u"files"_s].toArray()) {
        if (file[u"path"_s].toString() == path)
            return file.toObject();
    }
    return {};
}

} // namespace

class TestCliCompare final : public QObject
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

    // Writes `files` below `folder` and publishes its contents (a.txt, sub/b.txt, …).
    bool publish(const QString &project, const QString &name, const QString &version,
                 const QMap<QString, QByteArray> &files)
    {
        const QString folder =
            u"src-%1-%2-%3"_s.arg(QString(project).replace(u'/', u'_'), name, version);
        QStringList arguments{u"publish"_s, project, name, version};
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (!writeBytes(work(folder + u'/' + it.key()), it.value()))
                return false;
            const QString top = it.key().section(u'/', 0, 0);
            if (!arguments.contains(folder + u'/' + top))
                arguments << folder + u'/' + top;
        }
        const Run published = run(arguments);
        if (published.exitCode != 0)
            qWarning("%s", qPrintable(published.describe()));
        return published.exitCode == 0;
    }

    // A fresh download of `compared` 1.0.0 into `folder`.
    bool download(const QString &folder)
    {
        const Run downloaded =
            run({u"download"_s, u"demo/hello"_s, kPackage, u"1.0.0"_s, u"-o"_s, folder});
        if (downloaded.exitCode != 0)
            qWarning("%s", qPrintable(downloaded.describe()));
        return downloaded.exitCode == 0;
    }

    QStringList verify(const QString &folder) const
    {
        return {u"verify"_s, folder, u"demo/hello"_s, kPackage, u"1.0.0"_s};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(m_work.isValid());
        QVERIFY(m_sim.startDemo());
        QVERIFY(publish(u"demo/hello"_s, kPackage, u"1.0.0"_s, kFirst));
        QVERIFY(publish(u"demo/hello"_s, kPackage, u"2.0.0"_s, kSecond));
        QVERIFY(publish(u"demo/tools"_s, u"copied"_s, u"1.0.0"_s, kFirst));
    }

    void cleanup() { m_sim.reportIfFailed(); }

    void cleanupTestCase() { QCOMPARE(m_sim.stop(), 0); }

    void verifyOfAFreshDownloadIsIdentical()
    {
        QVERIFY(download(u"fresh"_s));
        const Run text = run(verify(u"fresh"_s));
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY2(text.out().contains(u"are identical: 3 files."_s), qPrintable(text.describe()));

        const Run json = run(verify(u"fresh"_s) + QStringList{u"--json"_s});
        QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
        const QJsonObject report = json.json().object();
        QCOMPARE(report[u"identical"_s].toBool(), true);
        QCOMPARE(report[u"folder"_s].toString(), work(u"fresh"_s));
        QCOMPARE(report[u"version"_s][u"project"_s].toString(), u"demo/hello"_s);
        QCOMPARE(report[u"version"_s][u"name"_s].toString(), kPackage);
        QCOMPARE(report[u"version"_s][u"version"_s].toString(), u"1.0.0"_s);
        QCOMPARE(report[u"counts"_s][u"same"_s].toInt(), 3);
        QCOMPARE(report[u"counts"_s][u"missing"_s].toInt(), 0);
        QCOMPARE(statuses(report).keys(), QStringList(kFirst.keys()));
        for (auto it = kFirst.cbegin(); it != kFirst.cend(); ++it) {
            const QJsonObject file = fileOf(report, it.key());
            QCOMPARE(file[u"status"_s].toString(), u"same"_s);
            QCOMPARE(file[u"local"_s][u"sha256"_s].toString().toLatin1(),
                     sha256Hex(work(u"fresh/"_s + it.key())));
            QCOMPARE(file[u"version"_s][u"sha256"_s], file[u"local"_s][u"sha256"_s]);
            QCOMPARE(file[u"local"_s][u"size"_s].toInteger(), it.value().size());
        }

        // The folder that was published is the version too.
        const Run source = run(verify(u"src-demo_hello-compared-1.0.0"_s));
        QVERIFY2(source.exitCode == 0, qPrintable(source.describe()));
    }

    void eachDifferenceIsNamed_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("line");
        QTest::newRow("a changed byte") << u"change"_s << u"sub/b.txt"_s
                                        << u"~ sub/b.txt  changed (6 bytes in the version, 6 "
                                           "bytes locally)"_s;
        QTest::newRow("a missing file")
            << u"remove"_s << u"a.txt"_s << u"- a.txt  missing locally (6 bytes)"_s;
        QTest::newRow("an extra file")
            << u"add"_s << u"extra.txt"_s << u"+ extra.txt  not in the version (6 bytes)"_s;
    }

    void eachDifferenceIsNamed()
    {
        QFETCH(QString, change);
        QFETCH(QString, path);
        QFETCH(QString, line);
        const QString folder = u"changed-"_s + change;
        QVERIFY(download(folder));
        const QString file = work(folder + u'/' + path);
        if (change == u"change"_s)
            QVERIFY(writeBytes(file, "bravO\n"));
        else if (change == u"remove"_s)
            QVERIFY(QFile::remove(file));
        else
            QVERIFY(writeBytes(file, "extra\n"));

        const Run text = run(verify(folder));
        QVERIFY2(text.exitCode == 1, qPrintable(text.describe()));
        QVERIFY2(text.out().contains(line), qPrintable(text.describe()));
        QVERIFY2(text.out().contains(u"differ: "_s), qPrintable(text.describe()));

        const Run json = run(verify(folder) + QStringList{u"--json"_s});
        QVERIFY2(json.exitCode == 1, qPrintable(json.describe()));
        const QJsonObject report = json.json().object();
        QCOMPARE(report[u"identical"_s].toBool(), false);
        const QString status = change == u"change"_s   ? u"changed"_s
                               : change == u"remove"_s ? u"missing"_s
                                                       : u"extra"_s;
        QCOMPARE(statuses(report).value(path), status);
        QCOMPARE(report[u"counts"_s][status].toInt(), 1);
        QCOMPARE(report[u"counts"_s][u"same"_s].toInt(), change == u"add"_s ? 3 : 2);
        const QJsonObject entry = fileOf(report, path);
        QCOMPARE(entry[u"version"_s].isNull(), change == u"add"_s);
        QCOMPARE(entry[u"local"_s].isNull(), change == u"remove"_s);
        if (change == u"change"_s) {
            QCOMPARE(entry[u"local"_s][u"size"_s].toInteger(), 6);
            QCOMPARE(entry[u"version"_s][u"size"_s].toInteger(), 6);
            QCOMPARE(entry[u"local"_s][u"sha256"_s].toString().toLatin1(), sha256Hex(file));
            QVERIFY(entry[u"version"_s][u"sha256"_s] != entry[u"local"_s][u"sha256"_s]);
        }
    }

    // A link to nothing and a pipe cannot be read (nor, unless the test runs as root, a file
    // without read permission): each is named and counts as a difference.
    void unreadableFilesAreDifferences()
    {
        QVERIFY(download(u"unreadable"_s));
        QVERIFY(QFile::link(work(u"nowhere"_s), work(u"unreadable/dangling"_s)));
        QCOMPARE(::mkfifo(QFile::encodeName(work(u"unreadable/pipe"_s)).constData(), 0600), 0);
        QStringList unreadable{u"dangling"_s, u"pipe"_s};
        if (::geteuid() != 0) {
            QVERIFY(QFile::setPermissions(work(u"unreadable/a.txt"_s), {}));
            unreadable << u"a.txt"_s;
        }

        const Run text = run(verify(u"unreadable"_s));
        QVERIFY2(text.exitCode == 1, qPrintable(text.describe()));
        QVERIFY2(text.out().contains(u"! dangling  is a link to something that does not exist."_s),
                 qPrintable(text.describe()));
        QVERIFY2(text.out().contains(u"! pipe  is not a regular file"_s),
                 qPrintable(text.describe()));
        QVERIFY2(text.out().contains(u"%1 unreadable"_s.arg(unreadable.size())),
                 qPrintable(text.describe()));

        const Run json = run(verify(u"unreadable"_s) + QStringList{u"--json"_s});
        QVERIFY2(json.exitCode == 1, qPrintable(json.describe()));
        const QJsonObject report = json.json().object();
        QCOMPARE(report[u"counts"_s][u"unreadable"_s].toInt(), unreadable.size());
        for (const QString &path : std::as_const(unreadable)) {
            const QJsonObject entry = fileOf(report, path);
            QCOMPARE(entry[u"status"_s].toString(), u"unreadable"_s);
            QVERIFY(!entry[u"error"_s].toString().isEmpty());
            QVERIFY(entry[u"local"_s].isNull());
        }
        QVERIFY(QFile::setPermissions(work(u"unreadable/a.txt"_s),
                                      QFile::ReadOwner | QFile::WriteOwner));
    }

    void verifyFailures()
    {
        QVERIFY(download(u"for-missing"_s));
        const Run noVersion =
            run({u"verify"_s, u"for-missing"_s, u"demo/hello"_s, kPackage, u"9.9.9"_s});
        QVERIFY2(noVersion.exitCode == 4, qPrintable(noVersion.describe()));
        QVERIFY2(noVersion.err().contains(u"9.9.9"_s), qPrintable(noVersion.describe()));

        const Run noFolder = run(verify(u"no-such-folder"_s));
        QVERIFY2(noFolder.exitCode == 1, qPrintable(noFolder.describe()));
        QVERIFY2(noFolder.err().contains(u"no-such-folder does not exist"_s),
                 qPrintable(noFolder.describe()));

        const Run json = run(verify(u"no-such-folder"_s) + QStringList{u"--json"_s});
        QCOMPARE(json.exitCode, 1);
        QCOMPARE(json.json()[u"error"_s][u"kind"_s].toString(), u"local"_s);
    }

    void diffBetweenTwoVersions()
    {
        const QStringList arguments{u"diff"_s, u"demo/hello"_s, kPackage, u"1.0.0"_s, u"2.0.0"_s};
        const Run text = run(arguments);
        QVERIFY2(text.exitCode == 1, qPrintable(text.describe()));
        const QStringList lines = text.out().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), u"+ new.txt  added (4 bytes)"_s);
        QCOMPARE(lines.at(1), u"~ sub/b.txt  changed (6 bytes → 6 bytes)"_s);
        QCOMPARE(lines.at(2), u"- tool.bin  removed (3.0 MB)"_s);
        QVERIFY2(lines.at(3).contains(u"1 changed, 1 removed, 1 added, 1 the same"_s),
                 qPrintable(text.describe()));

        const Run json = run(arguments + QStringList{u"--json"_s});
        QVERIFY2(json.exitCode == 1, qPrintable(json.describe()));
        const QJsonObject report = json.json().object();
        QCOMPARE(report[u"identical"_s].toBool(), false);
        QCOMPARE(report[u"a"_s][u"version"_s].toString(), u"1.0.0"_s);
        QCOMPARE(report[u"b"_s][u"version"_s].toString(), u"2.0.0"_s);
        QCOMPARE(report[u"b"_s][u"project"_s].toString(), u"demo/hello"_s);
        const QMap<QString, QString> expected{{u"a.txt"_s, u"same"_s},
                                              {u"new.txt"_s, u"added"_s},
                                              {u"sub/b.txt"_s, u"changed"_s},
                                              {u"tool.bin"_s, u"removed"_s}};
        QCOMPARE(statuses(report), expected);
        const QJsonObject removed = fileOf(report, u"tool.bin"_s);
        QCOMPARE(removed[u"a"_s][u"size"_s].toInteger(), kFirst.value(u"tool.bin"_s).size());
        QVERIFY(removed[u"b"_s].isNull());
        const QJsonObject changed = fileOf(report, u"sub/b.txt"_s);
        QVERIFY(changed[u"a"_s][u"sha256"_s] != changed[u"b"_s][u"sha256"_s]);
        for (const QString &kind : {u"same"_s, u"added"_s, u"removed"_s, u"changed"_s})
            QCOMPARE(report[u"counts"_s][kind].toInt(), 1);

        const Run same = run({u"diff"_s, u"demo/hello"_s, kPackage, u"2.0.0"_s, u"2.0.0"_s});
        QVERIFY2(same.exitCode == 0, qPrintable(same.describe()));
        QVERIFY2(same.out().contains(u"are identical: 3 files."_s), qPrintable(same.describe()));
    }

    void diffAcrossProjects()
    {
        const Run same = run({u"diff"_s, u"demo/hello"_s, kPackage, u"1.0.0"_s, u"demo/tools"_s,
                              u"copied"_s, u"1.0.0"_s, u"--json"_s});
        QVERIFY2(same.exitCode == 0, qPrintable(same.describe()));
        const QJsonObject report = same.json().object();
        QCOMPARE(report[u"identical"_s].toBool(), true);
        QCOMPARE(report[u"b"_s][u"project"_s].toString(), u"demo/tools"_s);
        QCOMPARE(report[u"b"_s][u"name"_s].toString(), u"copied"_s);
        QCOMPARE(report[u"counts"_s][u"same"_s].toInt(), 3);

        const Run differ = run({u"diff"_s, u"demo/tools"_s, u"copied"_s, u"1.0.0"_s,
                                u"demo/hello"_s, kPackage, u"2.0.0"_s});
        QVERIFY2(differ.exitCode == 1, qPrintable(differ.describe()));
        QVERIFY2(differ.out().contains(u"- tool.bin  removed"_s), qPrintable(differ.describe()));

        const Run missing = run({u"diff"_s, u"demo/hello"_s, kPackage, u"1.0.0"_s, u"demo/tools"_s,
                                 u"copied"_s, u"7.0.0"_s});
        QVERIFY2(missing.exitCode == 4, qPrintable(missing.describe()));
    }

    void badNamesNeverReachTheServer_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("problem");
        QTest::newRow("verify: bad NAME")
            << QStringList{u"verify"_s, u"."_s, u"demo/hello"_s, u"my package"_s, u"1.0.0"_s}
            << u"Try \"my_package\""_s;
        QTest::newRow("verify: bad PROJECT")
            << QStringList{u"verify"_s, u"."_s, u"demo hello"_s, kPackage, u"1.0.0"_s}
            << u"PROJECT \"demo hello\""_s;
        QTest::newRow("diff: bad VERSION_A")
            << QStringList{u"diff"_s, u"demo/hello"_s, kPackage, u"1..0"_s, u"2.0.0"_s}
            << u"VERSION \"1..0\""_s;
        QTest::newRow("diff: bad VERSION_B")
            << QStringList{u"diff"_s, u"demo/hello"_s, kPackage, u"1.0.0"_s, u"2.0.0 "_s}
            << u"VERSION \"2.0.0 \""_s;
        QTest::newRow("diff: bad NAME_B")
            << QStringList{u"diff"_s,       u"demo/hello"_s, kPackage,  u"1.0.0"_s,
                           u"demo/tools"_s, u"bad name"_s,   u"1.0.0"_s}
            << u"NAME \"bad name\""_s;
        QTest::newRow("diff: five arguments")
            << QStringList{u"diff"_s,  u"demo/hello"_s, kPackage,
                           u"1.0.0"_s, u"demo/tools"_s, u"1.0.0"_s}
            << u"5 arguments were given"_s;
        QTest::newRow("verify: three arguments")
            << QStringList{u"verify"_s, u"demo/hello"_s, kPackage, u"1.0.0"_s} << u"usage"_s;
    }

    void badNamesNeverReachTheServer()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, problem);
        const qsizetype before = m_sim->logContents().count("/api/v4/");
        const Run refused = run(arguments);
        QVERIFY2(refused.exitCode == 2, qPrintable(refused.describe()));
        QVERIFY2(refused.err().contains(problem), qPrintable(refused.describe()));
        QCOMPARE(m_sim->logContents().count("/api/v4/"), before);
    }
};

QTEST_GUILESS_MAIN(TestCliCompare)
#include "TestCliCompare.moc"
