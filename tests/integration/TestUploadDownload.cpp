// UploadJob and DownloadJob against gitlab-sim's demo data: sizes, hidden packages, duplicates
// on download, what a download never does to an existing file, and the names the client refuses
// before anything is sent (gitlab-api.md §3, §4, §12.6, §12.10, §12.11).

#include "IntegrationSupport.h"
#include "cli/ExitCodes.h"
#include "transfer/TransferQueue.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using namespace Stevedore::IntegrationTest;
using namespace Qt::StringLiterals;

class TestUploadDownload final : public QObject
{
    Q_OBJECT

private:
    stevedore::test::ScopedSim m_sim;
    std::unique_ptr<Session> m_session;
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    GitLabApi &api() { return *m_session->api; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sim.startDemo());
        m_session =
            std::make_unique<Session>(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
    }

    void cleanup() { m_sim.reportIfFailed(); }

    void cleanupTestCase()
    {
        m_session.reset();
        QCOMPARE(m_sim.stop(), 0);
    }

    void uploadsAndDownloadsAnySize_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::newRow("empty file") << qint64(0);
        QTest::newRow("one byte") << qint64(1);
        QTest::newRow("just over a read buffer") << qint64(1024 * 1024 + 1);
        QTest::newRow("several megabytes") << qint64(9 * 1024 * 1024 + 333);
    }

    void uploadsAndDownloadsAnySize()
    {
        QFETCH(qint64, size);
        const QString local = path(u"size-%1.bin"_s.arg(size));
        const QString sha = writeFile(local, size, quint32(size));
        const PackageTarget target{kProject, u"sizes"_s, u"1.0.0"_s, u"size-%1.bin"_s.arg(size)};

        const auto uploaded = upload(api(), target, local);
        VERIFY_OK(uploaded);
        QCOMPARE(uploaded.value().size, size);
        QCOMPARE(uploaded.value().sha256, sha);

        const QString copy = path(u"size-%1.copy"_s.arg(size));
        VERIFY_OK(download(api(), target, copy));
        QCOMPARE(QFileInfo(copy).size(), size);
        QCOMPARE(Sha256::ofFile(copy), sha);
    }

    void hiddenPackageIsUnlistedButDownloads_data()
    {
        QTest::addColumn<bool>("existingFirst"); // publish a visible version before hiding it
        QTest::newRow("new package published hidden") << false;
        QTest::newRow("existing package hidden by a later upload") << true;
    }

    void hiddenPackageIsUnlistedButDownloads()
    {
        QFETCH(bool, existingFirst);
        const QString name = existingFirst ? u"hidden-later"_s : u"hidden-new"_s;
        const QString local = path(name + u".bin"_s);
        const QString sha = writeFile(local, 4096, 7);
        const PackageTarget visible{kProject, name, u"0.1.0"_s, u"first.bin"_s};
        const PackageTarget hidden{kProject, name, u"0.1.0"_s, u"second.bin"_s};

        if (existingFirst) {
            VERIFY_OK(upload(api(), visible, local));
            const auto before = packages(api(), kProject, name);
            VERIFY_OK(before);
            QCOMPARE(before.value().size(), 1);
        }
        const auto uploaded = upload(api(), hidden, local, true);
        VERIFY_OK(uploaded);
        QCOMPARE(uploaded.value().sha256, sha);

        // The default listing leaves hidden packages out; asking for them shows the status.
        const auto listed = packages(api(), kProject, name);
        VERIFY_OK(listed);
        QVERIFY(listed.value().isEmpty());
        const auto all = packages(api(), kProject, name, true);
        VERIFY_OK(all);
        QCOMPARE(all.value().size(), 1);
        QCOMPARE(all.value().first().status, u"hidden"_s);

        // Hidden packages still download (verified against X-Checksum-SHA256).
        const QString copy = path(name + u".copy"_s);
        VERIFY_OK(download(api(), hidden, copy));
        QCOMPARE(Sha256::ofFile(copy), sha);
    }

    void downloadReturnsTheNewestDuplicate()
    {
        // hello-cli 1.9.0 holds two uploads of the same name (tests/sim/README.md).
        const PackageTarget source{kProject, kHelloCli, u"1.9.0"_s,
                                   u"hello-1.9.0-linux-amd64.tar.gz"_s};
        const auto version = versionFiles(api(), source);
        VERIFY_OK(version);
        QCOMPARE(copiesByName(version.value()).value(source.fileName), 2);
        const PackageFile *newest = version.value().newest(source.fileName);
        QVERIFY(newest);

        const QString target = path(u"newest/"_s + source.fileName);
        VERIFY_OK(download(api(), source, target));
        QCOMPARE(QFileInfo(target).size(), newest->size);
        QCOMPARE(Sha256::ofFile(target), newest->sha256);
    }

    void downloadNeverReplacesAnExistingFile()
    {
        const PackageTarget source{kProject, kHelloCli, u"1.9.0"_s, u"CHANGELOG.md"_s};
        const QString target = path(u"existing/CHANGELOG.md"_s);
        QVERIFY(QDir().mkpath(path(u"existing"_s)));
        QVERIFY(!writeText(target, "my own notes\n").isEmpty());

        const auto refused = download(api(), source, target);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind(), ApiError::Kind::Local);
        QVERIFY2(refused.error().message().contains(u"already exists"_s),
                 qPrintable(refused.error().message()));
        QFile kept(target);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("my own notes\n"));
        kept.close();
        QVERIFY(requestLines(m_sim->logContents(), u"GET"_s, u"/CHANGELOG.md"_s).isEmpty());

        DownloadJob replacing(api(), source, target);
        replacing.setOverwrite(true);
        VERIFY_OK(runDownload(replacing));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QVERIFY(kept.readAll().startsWith("# 1.9.0"));
    }

    void downloadOfAMissingFileIsNotFound_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no such file")
            << kProject << kHelloCli << u"1.9.0"_s << u"No such package"_s;
        QTest::newRow("no such version")
            << kProject << kHelloCli << u"9.9.9"_s << u"No such package"_s;
        QTest::newRow("no such project")
            << u"demo/nowhere"_s << kHelloCli << u"1.9.0"_s << u"project does not exist"_s;
    }

    void downloadOfAMissingFileIsNotFound()
    {
        QFETCH(QString, project);
        QFETCH(QString, name);
        QFETCH(QString, version);
        QFETCH(QString, mentions);
        const QString target = path(u"missing/"_s + QString::fromLatin1(QTest::currentDataTag()));
        const auto result = download(api(), {project, name, version, u"nothing.bin"_s}, target);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ApiError::Kind::NotFound);
        QCOMPARE(Stevedore::ExitCode::of(result.error()), 4);
        QVERIFY2(result.error().message().contains(mentions), qPrintable(result.error().message()));
        QVERIFY(!QFile::exists(target));
    }

    void validationErrorsNeverHitTheNetwork_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("local"); // relative to the test folder
        QTest::addColumn<int>("kind");
        const int validation = int(ApiError::Kind::Validation);
        const int local = int(ApiError::Kind::Local);
        const QString ok = u"ok.txt"_s;

        QTest::newRow("space in the package name")
            << u"my package"_s << u"1.0.0"_s << ok << ok << validation;
        QTest::newRow("package name ..") << u".."_s << u"1.0.0"_s << ok << ok << validation;
        QTest::newRow("slash in the package name")
            << u"group/package"_s << u"1.0.0"_s << ok << ok << validation;
        QTest::newRow("empty package name") << QString() << u"1.0.0"_s << ok << ok << validation;
        QTest::newRow(".. in the version") << u"pkg"_s << u"1..0"_s << ok << ok << validation;
        QTest::newRow("slash in the version") << u"pkg"_s << u"1.0/2"_s << ok << ok << validation;
        QTest::newRow("file name starting with ~")
            << u"pkg"_s << u"1.0.0"_s << u"~draft.txt"_s << ok << validation;
        QTest::newRow("space in the file name")
            << u"pkg"_s << u"1.0.0"_s << u"my file.txt"_s << ok << validation;
        QTest::newRow("directory ..")
            << u"pkg"_s << u"1.0.0"_s << u"../etc/passwd"_s << ok << validation;
        QTest::newRow("empty path segment")
            << u"pkg"_s << u"1.0.0"_s << u"dir//file.txt"_s << ok << validation;
        QTest::newRow("encoded slash in a directory")
            << u"pkg"_s << u"1.0.0"_s << u"a%2Fb/file.txt"_s << ok << validation;
        QTest::newRow("local file missing")
            << u"pkg"_s << u"1.0.0"_s << ok << u"does-not-exist.txt"_s << local;
        QTest::newRow("local path is a folder")
            << u"pkg"_s << u"1.0.0"_s << ok << u"a-folder"_s << local;
    }

    void validationErrorsNeverHitTheNetwork()
    {
        QFETCH(QString, name);
        QFETCH(QString, version);
        QFETCH(QString, fileName);
        QFETCH(QString, local);
        QFETCH(int, kind);
        QVERIFY(!writeText(path(u"ok.txt"_s), "fine\n").isEmpty());
        QVERIFY(QDir().mkpath(path(u"a-folder"_s)));
        // A project of its own: any request for it in the simulator's log would be this test's.
        const PackageTarget target{u"demo/validation-probe"_s, name, version, fileName};
        const QString localPath = path(local);

        const ApiError checked = UploadJob::checkLocally(target, localPath);
        QCOMPARE(checked.kind(), ApiError::Kind(kind));
        QVERIFY(!checked.message().isEmpty());

        const auto uploaded = upload(api(), target, localPath);
        QVERIFY(!uploaded.ok());
        QCOMPARE(uploaded.error().kind(), ApiError::Kind(kind));
        QCOMPARE(uploaded.error().httpStatus(), 0);

        // Through the queue: refused at once, never retried.
        TransferQueue queue([this](const QString &) { return apiHandle(api()); }, QString());
        QSignalSpy idle(&queue, &TransferQueue::idle);
        TransferItem item;
        item.accountId = u"sim"_s;
        item.target = target;
        item.localPath = localPath;
        const QString id = queue.add(item);
        WAIT_FOR_SIGNALS(idle, 1);
        QCOMPARE(idle.size(), 1);
        QCOMPARE(queue.item(id)->state, TransferState::Failed);
        QCOMPARE(queue.item(id)->errorKind, ApiError::Kind(kind));
        QCOMPARE(queue.item(id)->attempts, 0);

        // Nothing of it reached the server.
        const QByteArray log = m_sim->logContents();
        QVERIFY2(!log.contains("validation-probe"), log.constData());
    }
};

QTEST_GUILESS_MAIN(TestUploadDownload)
#include "TestUploadDownload.moc"
