// `stevedore copy` between two gitlab-sim instances (staging and release), each with its own
// saved account in a real Secret Service: runs only through tests/keychain/run-with-keyring.sh.
// A copy makes the destination hold the source's files with the same SHA-256 (checked by
// listing both), leaves identical files alone on a second run (no PUT in the release log),
// refuses a destination with other content under the same name before anything is sent
// unless --on-duplicate replace, stages with --status hidden, and after an interruption
// resumes from its spool file without fetching that file again (the staging log); its spool
// and journal are gone once it succeeds. A source file that does not match its listed SHA-256
// never reaches the destination.

#include "CliTestSupport.h"
#include "DemoData.h"
#include "Fixture.h"
#include "SimServer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QTest>

using namespace Stevedore::CliTest;
using namespace stevedore::test::demo;
using namespace Qt::StringLiterals;

namespace {

const QString kProjectPath = u"demo/hello"_s;

// Release's upload of interrupted 1.0.0's second.bin is refused once.
const QString kInterruption = u"status=403:generic/interrupted/1\\.0\\.0/second\\.bin:1"_s;

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator{quint32(size)};
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(generator.generate() & 0xff);
    return bytes;
}

} // namespace

class TestCliCopy final : public QObject
{
    Q_OBJECT

private:
    stevedore::test::ScopedSim m_staging;
    stevedore::test::ScopedSim m_release;
    QString m_root; // HOME, XDG_* and the keyring live below it
    QString m_work;

    Run run(const QStringList &arguments, const QByteArray &input = {})
    {
        const Run result = runStevedore(
            arguments, cleanEnvironment(QProcessEnvironment::systemEnvironment()), m_work, input);
        if (result.out().contains(kPat) || result.err().contains(kPat))
            qWarning().noquote() << "the token was printed:" << result.describe();
        return result;
    }

    QString work(const QString &name) const { return m_work + u'/' + name; }

    // Publishes `files` (name → bytes) as `version` of `package` on staging.
    bool publishOn(const QString &account, const QString &package, const QString &version,
                   const QMap<QString, QByteArray> &files)
    {
        const QString folder = u"published-%1-%2-%3"_s.arg(account, package, version);
        QStringList arguments{u"publish"_s, u"--account"_s, account,
                              kProjectPath, package,        version};
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (!writeBytes(work(folder + u'/' + it.key()), it.value()))
                return false;
        }
        for (const QString &top :
             QDir(work(folder)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot))
            arguments << folder + u'/' + top;
        const Run published = run(arguments);
        if (published.exitCode != 0)
            qWarning("%s", qPrintable(published.describe()));
        return published.exitCode == 0;
    }

    // name → SHA-256 of every upload the version holds on `account` (a name twice is a
    // duplicate).
    QMultiMap<QString, QString> uploads(const QString &account, const QString &package,
                                        const QString &version)
    {
        QMultiMap<QString, QString> found;
        const Run files =
            run({u"files"_s, u"--account"_s, account, kProjectPath, package, version, u"--json"_s});
        if (files.exitCode != 0) {
            qWarning("%s", qPrintable(files.describe()));
            return found;
        }
        for (const QJsonValue &file : files.json().array())
            found.insert(file[u"name"_s].toString(), file[u"sha256"_s].toString());
        return found;
    }

    static QStringList copy(const QString &package, const QString &from, const QString &to)
    {
        return {u"copy"_s, u"staging:%1/%2@%3"_s.arg(kProjectPath, package, from),
                u"release:%1/%2@%3"_s.arg(kProjectPath, package, to)};
    }

    // What the copies left in the state folder (journals, spool folders).
    static QStringList leftovers()
    {
        return QDir(qEnvironmentVariable("XDG_STATE_HOME") + u"/stevedore"_s)
            .entryList({u"copy-*"_s}, QDir::AllEntries | QDir::NoDotAndDotDot);
    }

    bool login(const QString &name, const stevedore::test::ScopedSim &sim)
    {
        const Run saved =
            run({u"login"_s, u"--url"_s, sim->baseUrl().toString(), u"--name"_s, name},
                kPat.toUtf8() + '\n');
        if (saved.exitCode != 0)
            qWarning("%s", qPrintable(saved.describe()));
        return saved.exitCode == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_root = qEnvironmentVariable("STEVEDORE_KEYRING_ROOT");
        QVERIFY2(!m_root.isEmpty() && QFileInfo(m_root).isDir(),
                 "run this test through tests/keychain/run-with-keyring.sh");
        m_work = m_root + u"/work"_s;
        QVERIFY(QDir().mkpath(m_work));
        QVERIFY(m_staging.startDemo());
        QVERIFY(m_release.startDemo({kInterruption}));
        QVERIFY(login(u"staging"_s, m_staging));
        QVERIFY(login(u"release"_s, m_release));
    }

    void cleanup()
    {
        m_staging.reportIfFailed();
        m_release.reportIfFailed();
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_staging.stop(), 0);
        QCOMPARE(m_release.stop(), 0);
    }

    void aCopyBetweenInstancesHoldsTheSameFiles()
    {
        const QMap<QString, QByteArray> files{
            {u"app-linux-amd64.tar.gz"_s, randomBytes(9 * 1024 * 1024 + 17)},
            {u"docs/README.md"_s, "# app\n"},
            {u"SHA256SUMS"_s, "sums\n"},
        };
        QVERIFY(publishOn(u"staging"_s, u"app"_s, u"2.0.0-rc.3"_s, files));
        const QMultiMap<QString, QString> source = uploads(u"staging"_s, u"app"_s, u"2.0.0-rc.3"_s);
        QCOMPARE(source.size(), files.size());

        const Run copied = run(copy(u"app"_s, u"2.0.0-rc.3"_s, u"2.0.0"_s));
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.describe()));
        QVERIFY2(copied.out().contains(u"3 copied"_s), qPrintable(copied.describe()));
        QCOMPARE(uploads(u"release"_s, u"app"_s, u"2.0.0"_s), source);
        QVERIFY2(leftovers().isEmpty(), qPrintable(leftovers().join(u", "_s)));
        const QStringList withToken = filesContaining(
            m_root, kPat.toUtf8(), {qEnvironmentVariable("XDG_DATA_HOME") + u"/keyrings"_s});
        QVERIFY2(withToken.isEmpty(), qPrintable(withToken.join(u", "_s)));

        // Again: everything is there already, and nothing is sent.
        const qsizetype logged = m_release->logContents().size();
        const Run again = run(copy(u"app"_s, u"2.0.0-rc.3"_s, u"2.0.0"_s) << u"--json"_s);
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
        const QJsonObject report = again.json().object();
        QCOMPARE(report[u"counts"_s][u"same"_s].toInt(), 3);
        QCOMPARE(report[u"counts"_s][u"new"_s].toInt(), 0);
        const QByteArray log = m_release->logContents().mid(logged);
        QVERIFY2(logLines(log, "PUT", "/").isEmpty(), log.constData());
        QCOMPARE(uploads(u"release"_s, u"app"_s, u"2.0.0"_s), source);
    }

    void otherContentUnderTheSameNameIsReplacedOnlyWhenAsked()
    {
        QVERIFY(publishOn(u"staging"_s, u"tool"_s, u"1.1.0"_s,
                          {{u"tool.bin"_s, randomBytes(300000)}, {u"same.txt"_s, "same\n"}}));
        QVERIFY(publishOn(u"release"_s, u"tool"_s, u"1.1.0"_s,
                          {{u"tool.bin"_s, "an older build\n"},
                           {u"same.txt"_s, "same\n"},
                           {u"release-only.txt"_s, "kept\n"}}));
        const QMultiMap<QString, QString> source = uploads(u"staging"_s, u"tool"_s, u"1.1.0"_s);

        const qsizetype logged = m_release->logContents().size();
        const Run refused = run(copy(u"tool"_s, u"1.1.0"_s, u"1.1.0"_s));
        QVERIFY2(refused.exitCode == 1, qPrintable(refused.describe()));
        QVERIFY2(refused.err().contains(u"tool.bin"_s)
                     && refused.err().contains(u"--on-duplicate replace"_s),
                 qPrintable(refused.describe()));
        const QByteArray log = m_release->logContents().mid(logged);
        QVERIFY2(logLines(log, "PUT", "/").isEmpty() && logLines(log, "DELETE", "/").isEmpty(),
                 log.constData());

        const Run replaced =
            run(copy(u"tool"_s, u"1.1.0"_s, u"1.1.0"_s) << u"--on-duplicate"_s << u"replace"_s);
        QVERIFY2(replaced.exitCode == 0, qPrintable(replaced.describe()));
        const QMultiMap<QString, QString> release = uploads(u"release"_s, u"tool"_s, u"1.1.0"_s);
        QCOMPARE(release.values(u"tool.bin"_s), source.values(u"tool.bin"_s)); // one copy
        QCOMPARE(release.values(u"same.txt"_s), source.values(u"same.txt"_s));
        QCOMPARE(release.count(u"release-only.txt"_s), 1); // left alone
    }

    void aStagedCopyIsHidden()
    {
        QVERIFY(publishOn(u"staging"_s, u"staged"_s, u"3.0.0"_s, {{u"a.txt"_s, "a\n"}}));
        const Run copied =
            run(copy(u"staged"_s, u"3.0.0"_s, u"3.0.0"_s) << u"--status"_s << u"hidden"_s);
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.describe()));
        const Run listed = run({u"list"_s, u"--account"_s, u"release"_s, kProjectPath, u"staged"_s,
                                u"--hidden"_s, u"--json"_s});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        QVERIFY2(listed.out().contains(u"\"hidden\""_s), qPrintable(listed.describe()));
        const Run visible =
            run({u"list"_s, u"--account"_s, u"release"_s, kProjectPath, u"staged"_s, u"--json"_s});
        QVERIFY2(!visible.out().contains(u"3.0.0"_s), qPrintable(visible.describe()));
    }

    // The release refuses second.bin once: the first run stops with its spool file fetched;
    // the second run uploads it from there without fetching it again, and first.bin is not
    // sent twice.
    void anInterruptedCopyResumesFromItsSpool()
    {
        QVERIFY(publishOn(u"staging"_s, u"interrupted"_s, u"1.0.0"_s,
                          {{u"first.bin"_s, randomBytes(200000)},
                           {u"second.bin"_s, randomBytes(3 * 1024 * 1024)}}));
        const QStringList arguments = copy(u"interrupted"_s, u"1.0.0"_s, u"1.0.0"_s);
        const Run stopped = run(arguments);
        QVERIFY2(stopped.exitCode == 3, qPrintable(stopped.describe()));
        QVERIFY2(!leftovers().isEmpty(), "the interrupted copy kept no journal or spool");

        const qsizetype staged = m_staging->logContents().size();
        const qsizetype released = m_release->logContents().size();
        const Run resumed = run(arguments);
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.describe()));
        QVERIFY2(resumed.err().contains(u"resuming"_s), qPrintable(resumed.describe()));
        const QByteArray stagingLog = m_staging->logContents().mid(staged);
        QVERIFY2(logLines(stagingLog, "GET", "/second.bin").isEmpty(), stagingLog.constData());
        const QByteArray releaseLog = m_release->logContents().mid(released);
        QVERIFY2(logLines(releaseLog, "PUT", "/first.bin").isEmpty(), releaseLog.constData());
        QCOMPARE(logLines(releaseLog, "PUT", "/second.bin").size(), 1);
        QCOMPARE(uploads(u"release"_s, u"interrupted"_s, u"1.0.0"_s),
                 uploads(u"staging"_s, u"interrupted"_s, u"1.0.0"_s));
        QVERIFY2(leftovers().isEmpty(), qPrintable(leftovers().join(u", "_s)));
    }

    // The source lists a SHA-256 its file does not have: the fetched spool fails that check,
    // and nothing reaches the release.
    void aDamagedSourceFileIsNeverUploaded()
    {
        const QString wrongSha(64, u'0');
        stevedore::test::Fixture fixture;
        fixture.addUser(u"dev"_s)
            .addPersonalToken(kPat, u"dev"_s)
            .addProject(1, kProjectPath, u"private"_s, {{u"dev"_s, u"maintainer"_s}})
            .addPackage(kProjectPath, u"broken"_s, u"1.0.0"_s,
                        QJsonArray{stevedore::test::Fixture::generatedFile(
                            u"data.bin"_s, 300000, {{u"sha256"_s, wrongSha}})});
        stevedore::test::ScopedSim damaged;
        QVERIFY(damaged.start(stevedore::test::SimServer::Options().withFixture(fixture.toJson())));
        QVERIFY(login(u"damaged"_s, damaged));
        const qsizetype released = m_release->logContents().size();
        const Run refused = run({u"copy"_s, u"damaged:demo/hello/broken@1.0.0"_s,
                                 u"release:demo/hello/broken@1.0.0"_s});
        QVERIFY2(refused.exitCode == 1, qPrintable(refused.describe()));
        QVERIFY2(refused.err().contains(wrongSha), qPrintable(refused.describe()));
        const QByteArray log = m_release->logContents().mid(released);
        QVERIFY2(logLines(log, "PUT", "/").isEmpty(), log.constData());
        QCOMPARE(run({u"logout"_s, u"damaged"_s}).exitCode, 0);
        QCOMPARE(damaged.stop(), 0);
    }

    void badArgumentsSendNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString good = u"release:demo/hello/app@2.0.0"_s;
        QTest::newRow("no version") << QStringList{u"staging:demo/hello/app"_s, good} << 2
                                    << u"[ACCOUNT:]PROJECT/NAME@VERSION"_s;
        QTest::newRow("no package")
            << QStringList{u"staging:demo@1.0"_s, good} << 2 << u"[ACCOUNT:]PROJECT/NAME@VERSION"_s;
        QTest::newRow("bad package name")
            << QStringList{u"staging:demo/hello/my app@1.0"_s, good} << 2 << u"NAME"_s;
        QTest::newRow("bad version")
            << QStringList{good, u"staging:demo/hello/app@1..0"_s} << 2 << u"VERSION"_s;
        QTest::newRow("unknown account")
            << QStringList{u"nobody:demo/hello/app@1.0"_s, good} << 4 << u"nobody"_s;
        QTest::newRow("bad policy") << QStringList{u"staging:demo/hello/app@2.0.0-rc.3"_s, good,
                                                   u"--on-duplicate"_s, u"keep"_s}
                                    << 2 << u"on-duplicate"_s;
    }

    void badArgumentsSendNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const qsizetype staged = m_staging->logContents().size();
        const qsizetype released = m_release->logContents().size();
        const Run refused = run(QStringList{u"copy"_s} + arguments);
        QVERIFY2(refused.exitCode == exitCode, qPrintable(refused.describe()));
        QVERIFY2(refused.err().contains(message), qPrintable(refused.describe()));
        QVERIFY(m_staging->logContents().mid(staged).trimmed().isEmpty());
        QVERIFY(m_release->logContents().mid(released).trimmed().isEmpty());
    }

    void aMissingSourceVersionIsNotFound()
    {
        const Run missing = run(copy(u"app"_s, u"9.9.9"_s, u"9.9.9"_s));
        QVERIFY2(missing.exitCode == 4, qPrintable(missing.describe()));
        QVERIFY2(missing.err().contains(u"9.9.9"_s), qPrintable(missing.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCliCopy)
#include "TestCliCopy.moc"
