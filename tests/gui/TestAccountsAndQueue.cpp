// The window's sessions and its one transfer queue against gitlab-sim --demo: switching the
// account the window shows never touches transfers that run with another account; the account
// switcher ignores stray wheel notches and arrow keys; quitting with transfers running asks
// first; uploads and downloads come back after a restart and finish.

#include "DemoData.h"
#include "DemoWindowTest.h"
#include "MainWindow.h"
#include "PackagePane.h"
#include "ProjectPane.h"
#include "PublishDialog.h"
#include "ScriptedDialogs.h"
#include "SimServer.h"
#include "account/EnvironmentAccounts.h"
#include "account/MemorySecretStore.h"
#include "core/Sha256.h"
#include "model/TransferQueueModel.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>

using namespace Stevedore;
using namespace Qt::StringLiterals;
using Stevedore::GuiTest::DemoWindowTest;
using Stevedore::GuiTest::ScriptedDialogs;
using stevedore::test::ScopedSim;
using namespace stevedore::test::demo;

namespace {

constexpr int kTimeout = 60000;
const QString kPatAccount = QLatin1String(EnvironmentAccounts::kGitLabHostName);
const QString kJobAccount = QLatin1String(EnvironmentAccounts::kCiJobName);
// A 12 MiB demo file (tests/sim/README.md).
const PackageTarget kInstaller{kProject, kInstallerPackage, kInstallerVersion, kInstallerFile};

QString writeRandomFile(const QString &path, qint64 size)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    Sha256 hash;
    for (qint64 left = size; left > 0; left -= chunk.size()) {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()),
                                              chunk.size() / 4);
        chunk.truncate(qsizetype(std::min<qint64>(left, 1 << 20)));
        file.write(chunk);
        hash.add(chunk);
        chunk.resize(1 << 20);
    }
    return hash.hexDigest();
}

} // namespace

class TestAccountsAndQueue final : public DemoWindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { nameApplication(u"TestAccountsAndQueue"_s); }

    void init() { prepareFolder(); }

    void cleanup() { closeDemoWindow(); }

    void switchingAccountsNeverTouchesRunningTransfers()
    {
        QVERIFY(m_sim.startDemo({u"latency=150"_s}));
        openWindow();
        waitForSignIn(kPatAccount);

        const QString local = m_dir->filePath(u"local/big.bin"_s);
        const QString uploadSha = writeRandomFile(local, 48 * 1024 * 1024);
        QVERIFY(!uploadSha.isEmpty());
        const QString folder = m_dir->filePath(u"downloads"_s);
        TransferItem upload;
        upload.direction = TransferDirection::Upload;
        upload.accountId = kPatAccount;
        upload.target = {kProject, u"switching"_s, u"1.0.0"_s, u"big.bin"_s};
        upload.localPath = local;
        TransferItem download;
        download.direction = TransferDirection::Download;
        download.accountId = kPatAccount;
        download.target = kInstaller;
        download.folder = folder;
        download.localPath = QDir(folder).filePath(kInstaller.fileName);
        TransferQueue &queue = m_window->transfers();
        const QStringList ids = queue.add({upload, download});

        // Switch the account the window shows while each of them runs.
        for (const QString &id : ids) {
            QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->state == TransferState::Running
                                         || queue.item(id)->isFinal(),
                                     kTimeout);
            QVERIFY2(!queue.item(id)->isFinal(), "finished before the switch: make it slower");
            for (const QString &account : {kJobAccount, kPatAccount, kJobAccount}) {
                choose(account);
                QTRY_COMPARE_WITH_TIMEOUT(m_window->session().active()->id, account, kTimeout);
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeout);
        for (const QString &id : ids) {
            const TransferItem *item = queue.item(id);
            QVERIFY2(item->state == TransferState::Done, qPrintable(item->errorMessage));
            QCOMPARE(item->attempts, 1); // never interrupted
        }
        QCOMPARE(queue.item(ids.at(0))->sha256, uploadSha);
        const QString downloaded = QDir(folder).filePath(kInstaller.fileName);
        QCOMPARE(QFileInfo(downloaded).size(), qint64(12 * 1024 * 1024));
        QCOMPARE(Sha256::ofFile(downloaded), queue.item(ids.at(1))->sha256);
    }

    void theAccountColumnNamesEachRowsAccountOnceThereAreTwo()
    {
        QVERIFY(m_sim.startDemo());
        openWindow();
        waitForSignIn(kPatAccount);
        TransferQueue &queue = m_window->transfers();
        queue.pause();
        auto *view = m_window->findChild<QTableView *>(u"transferView"_s);
        QVERIFY(view);
        const auto accountOf = [view](int row) {
            return view->model()->index(row, TransferQueueModel::AccountColumn).data().toString();
        };

        queue.add({downloadOf(kInstaller)});
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QVERIFY(view->isColumnHidden(TransferQueueModel::AccountColumn));

        TransferItem asJob = downloadOf(kInstaller);
        asJob.accountId = kJobAccount;
        queue.add({asJob});
        QTRY_COMPARE(view->model()->rowCount(), 2);
        QVERIFY(!view->isColumnHidden(TransferQueueModel::AccountColumn));
        const QString server = serverName(m_sim->baseUrl());
        QTRY_COMPARE(accountOf(0), kUser + u" @ "_s + server);
        QVERIFY2(accountOf(1).contains(server) && accountOf(1) != accountOf(0),
                 qPrintable(accountOf(1)));

        queue.remove(queue.items().constLast().id);
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QVERIFY(view->isColumnHidden(TransferQueueModel::AccountColumn));
    }

    void wheelAndArrowKeysDoNotSwitchTheAccount()
    {
        QVERIFY(m_sim.startDemo());
        openWindow();
        waitForSignIn(kPatAccount);
        auto *switcher = m_window->projectPane()->findChild<QComboBox *>(u"accountSwitcher"_s);
        QVERIFY(switcher);
        const int before = switcher->currentIndex();
        QVERIFY(switcher->count() >= 3); // two accounts and "Add account…"
        switcher->setFocus();
        QTest::keyClick(switcher, Qt::Key_Down);
        QTest::keyClick(switcher, Qt::Key_End);
        QTest::keyClick(switcher, Qt::Key_J); // the first letter of the job account's name
        const QPointF centre = QRectF(switcher->rect()).center();
        for (const int delta : {-120, -120, 120}) {
            QWheelEvent wheel(centre, switcher->mapToGlobal(centre), QPoint(), QPoint(0, delta),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(switcher, &wheel);
        }
        QTest::qWait(200);
        QCOMPARE(switcher->currentIndex(), before);
        QCOMPARE(m_window->session().active()->id, kPatAccount);
        QCOMPARE(m_dialogs->unanswered(), 0);

        choose(kJobAccount); // an explicit choice in the list still works
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session().active()->id, kJobAccount, kTimeout);
    }

    void quittingWithRunningTransfersAsksFirst()
    {
        QVERIFY(m_sim.startDemo({u"latency=400"_s}));
        openWindow();
        waitForSignIn(kPatAccount);
        TransferQueue &queue = m_window->transfers();
        const QString id = queue.add(downloadOf(kInstaller));
        QTRY_COMPARE_WITH_TIMEOUT(queue.item(id)->state, TransferState::Running, kTimeout);

        m_dialogs->answerQuit(Dialogs::QuitAnswer::Cancel);
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
        QCOMPARE(queue.item(id)->state, TransferState::Running);

        m_dialogs->answerQuit(Dialogs::QuitAnswer::PauseAndQuit);
        QVERIFY(m_window->close());
        QVERIFY(queue.isPaused());
        QCOMPARE(queue.item(id)->state, TransferState::Queued);
        QCOMPARE(m_dialogs->asked(ScriptedDialogs::Kind::QuitWithTransfers).size(), 2);
        QCOMPARE(m_dialogs->unanswered(), 0);
    }

    void finishThenQuitWaitsForTheQueue()
    {
        QVERIFY(m_sim.startDemo({u"latency=300"_s}));
        openWindow();
        waitForSignIn(kPatAccount);
        TransferQueue &queue = m_window->transfers();
        const QString id = queue.add(downloadOf(kInstaller));
        QTRY_COMPARE_WITH_TIMEOUT(queue.item(id)->state, TransferState::Running, kTimeout);
        m_dialogs->answerQuit(Dialogs::QuitAnswer::Finish);
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), kTimeout);
        QCOMPARE(queue.item(id)->state, TransferState::Done);
    }

    void transfersComeBackAfterARestart()
    {
        QVERIFY(m_sim.startDemo());
        const QString local = m_dir->filePath(u"local/restart.bin"_s);
        const QString sha = writeRandomFile(local, 3 * 1024 * 1024);
        openWindow();
        waitForSignIn(kPatAccount);
        m_window->transfers().pause();
        TransferItem upload;
        upload.direction = TransferDirection::Upload;
        upload.accountId = kPatAccount;
        upload.target = {kProject, u"restarted"_s, u"1.0.0"_s, u"restart.bin"_s};
        upload.localPath = local;
        const QStringList ids = m_window->transfers().add({upload, downloadOf(kInstaller)});
        m_window.reset(); // as if the window was closed or the process killed

        openWindow(); // the same queue file
        TransferQueue &queue = m_window->transfers();
        QCOMPARE(queue.items().size(), 2);
        QCOMPARE(queue.item(ids.at(0))->direction, TransferDirection::Upload);
        QCOMPARE(queue.item(ids.at(1))->direction, TransferDirection::Download);
        waitForSignIn(kPatAccount); // the restored queue resumes once its account is in
        QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kTimeout);
        QVERIFY2(queue.item(ids.at(0))->state == TransferState::Done,
                 qPrintable(queue.item(ids.at(0))->errorMessage));
        QCOMPARE(queue.item(ids.at(0))->sha256, sha);
        QVERIFY2(queue.item(ids.at(1))->state == TransferState::Done,
                 qPrintable(queue.item(ids.at(1))->errorMessage));
        QVERIFY(QFile::exists(queue.item(ids.at(1))->finalPath));
    }

    // The window's publish of 1,000 files: the first upload starts at once, the whole takes no
    // longer than the command line's on the same files, and the queue's journal stays small.
    void aThousandFilePublishKeepsUpWithTheCommandLine()
    {
        QVERIFY(m_sim.startDemo());
        const QString folder = m_dir->filePath(u"local/many"_s);
        for (int i = 0; i < 1000; ++i) {
            QFile file(QDir(folder).filePath(u"file-%1.txt"_s.arg(i, 4, 10, QLatin1Char('0'))));
            QDir().mkpath(folder);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(4096, char('a' + i % 26)) + QByteArray::number(i));
        }

        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"GITLAB_HOST"_s, m_sim->baseUrl().toString());
        environment.insert(u"GITLAB_TOKEN"_s, kPat);
        environment.insert(u"XDG_STATE_HOME"_s, m_dir->filePath(u"state"_s));
        cli.setProcessEnvironment(environment);
        QElapsedTimer cliClock;
        cliClock.start();
        cli.start(QStringLiteral(STEVEDORE_EXECUTABLE),
                  {u"--quiet"_s, u"publish"_s, u"demo/hello"_s, u"many-cli"_s, u"1.0.0"_s, folder});
        QVERIFY(cli.waitForFinished(300000));
        const qint64 cliMs = cliClock.elapsed();
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        // A fresh simulator for the window: its cost grows with what it stores.
        QCOMPARE(m_sim->stop(), 0);
        QVERIFY(m_sim.startDemo());

        openWindow();
        waitForSignIn(kPatAccount);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProjectPath(), kProject, kTimeout);
        m_window->publishPaths({folder}, std::nullopt, u"many-gui"_s);
        PublishDialog *dialog = m_window->findChild<PublishDialog *>(u"publishDialog"_s);
        QVERIFY(dialog);
        dialog->setVersion(u"1.0.0"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isReadingFolders(), kTimeout);
        QCOMPARE(dialog->fileCount(), 1000);
        QVERIFY(dialog->isReady());

        TransferQueue &queue = m_window->transfers();
        QElapsedTimer clock;
        qint64 firstStart = -1;
        connect(&queue, &TransferQueue::itemChanged, this, [&](const QString &id) {
            if (firstStart < 0 && queue.item(id)->state == TransferState::Running)
                firstStart = clock.elapsed();
        });
        // A real event loop: QTRY_* sleeps between rounds, which would slow the queue down.
        QEventLoop loop;
        connect(&queue, &TransferQueue::idle, &loop, &QEventLoop::quit);
        QTimer::singleShot(300000, &loop, &QEventLoop::quit);
        clock.start();
        dialog->accept();
        loop.exec();
        QVERIFY(queue.items().size() == 1000 && queue.isIdle());
        const qint64 windowMs = clock.elapsed();
        for (const TransferItem &item : queue.items())
            QVERIFY2(item.state == TransferState::Done, qPrintable(item.errorMessage));
        QVERIFY2(firstStart >= 0 && firstStart < 1000,
                 qPrintable(u"the first upload started after %1 ms"_s.arg(firstStart)));
        QVERIFY2(windowMs <= cliMs * 3 / 2 + 1000,
                 qPrintable(u"window %1 ms, command line %2 ms"_s.arg(windowMs).arg(cliMs)));
        QVERIFY2(queue.journalBytesWritten() < 10 * 1024 * 1024,
                 qPrintable(QString::number(queue.journalBytesWritten())));
        qInfo("1,000 files: window %lld ms, command line %lld ms, journal %lld bytes", windowMs,
              cliMs, queue.journalBytesWritten());
    }

    // GITLAB_HOST that is no URL makes no account; the window says so next to the account
    // that did come from the environment (the CI job token), and keeps saying it.
    void anEnvironmentVariableThatMakesNoAccountIsExplained()
    {
        QVERIFY(m_sim.startDemo());
        openWindow({{u"GITLAB_HOST"_s, u"ftp://gitlab.example.com"_s}});
        auto *warning = m_window->findChild<QLabel *>(u"warningLabel"_s);
        QVERIFY(warning);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session().active(), kTimeout);
        QCOMPARE(m_window->session().active()->id, QString(kJobAccount));
        QTRY_VERIFY2_WITH_TIMEOUT(
            warning->text().contains(u"GITLAB_HOST=ftp://gitlab.example.com"_s),
            qPrintable(warning->text()), kTimeout);
        QVERIFY(!m_window->session().account(kPatAccount));
    }

private:
    // A window with two accounts from the environment: a personal token and a CI job token;
    // `changed` replaces variables.
    void openWindow(const QMap<QString, QString> &changed = {})
    {
        QProcessEnvironment environment;
        environment.insert(u"GITLAB_HOST"_s, m_sim->baseUrl().toString());
        environment.insert(u"GITLAB_TOKEN"_s, kPat);
        environment.insert(u"CI_API_V4_URL"_s, m_sim->baseUrl().toString() + u"/api/v4"_s);
        environment.insert(u"CI_JOB_TOKEN"_s, kJobToken);
        environment.insert(u"CI_PROJECT_ID"_s, kProjectId);
        for (auto it = changed.cbegin(); it != changed.cend(); ++it)
            environment.insert(it.key(), it.value());
        LaunchOptions launch;
        launch.accountName = QString();
        launch.projectPath = kProject;
        openWindowWith(environment, launch);
    }

    void waitForSignIn(const QString &account)
    {
        if (!m_window->session().active() || m_window->session().active()->id != account)
            choose(account);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session().apiFor(account) != nullptr, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->session().active() && m_window->session().active()->id == account, kTimeout);
    }

    // An explicit choice in the account switcher's list.
    void choose(const QString &account)
    {
        auto *switcher = m_window->projectPane()->findChild<QComboBox *>(u"accountSwitcher"_s);
        QVERIFY(switcher);
        const int index = switcher->findData(account);
        QVERIFY2(index >= 0, qPrintable(account));
        switcher->setCurrentIndex(index);
        Q_EMIT switcher->activated(index);
    }

    TransferItem downloadOf(const PackageTarget &target) const
    {
        TransferItem item;
        item.direction = TransferDirection::Download;
        item.accountId = kPatAccount;
        item.target = target;
        item.folder = m_dir->filePath(u"downloads"_s);
        item.localPath = QDir(item.folder).filePath(target.fileName);
        return item;
    }
};

QTEST_MAIN(TestAccountsAndQueue)
#include "TestAccountsAndQueue.moc"
