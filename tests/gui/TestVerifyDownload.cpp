#include "DemoData.h"
#include "DemoWindowTest.h"
#include "Http.h"
#include "MainWindow.h"
#include "PackagePane.h"
#include "ScriptedDialogs.h"
#include "SimServer.h"
#include "TransferDock.h"
#include "account/MemorySecretStore.h"
#include "core/Translations.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Stevedore;
using namespace Qt::StringLiterals;
using Stevedore::GuiTest::DemoWindowTest;
using Stevedore::GuiTest::ScriptedDialogs;
using stevedore::test::ScopedSim;
using namespace stevedore::test::demo;

namespace {
constexpr int kTimeout = 30000;
// Published by the test, with three files of different content.
const QString kPackage = QStringLiteral("verify-demo");
const QString kVersion = QStringLiteral("1.0.0");
const QStringList kFiles = {u"alpha.txt"_s, u"beta.txt"_s, u"gamma.txt"_s};
using Verification = TransferQueueModel::Verification;
} // namespace

// *Verify download* in the real MainWindow against gitlab-sim --demo: a version downloaded
// through the window into a real folder, verified from the transfer list's context menu; the
// test reads what the rows and the status bar show.
class TestVerifyDownload final : public DemoWindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void aDownloadIsVerifiedThenItsLocalChangesAreNamed();
    void extraFilesInTheFolderAreNamedInTheSummary();
    void aFolderThatIsGoneIsSaidOnEveryRow();

private:
    void openWindow();
    void downloadVersion();
    void verifyFromTheContextMenu(int row);
    QMap<QString, QString> messages() const; // file name → what its row's message column says
    QString folder() const { return m_dir->filePath(u"download"_s); }
};

void TestVerifyDownload::initTestCase()
{
    nameApplication(QStringLiteral("TestVerifyDownload"));
    // As the window's main() does: the English plural forms ("3 files").
    QCOMPARE(installTranslations(QLocale(QLocale::English)), u"en"_s);
}

void TestVerifyDownload::init()
{
    prepareFolder();
}

void TestVerifyDownload::cleanup()
{
    closeDemoWindow();
}

void TestVerifyDownload::openWindow()
{
    QVERIFY(m_sim.startDemo());
    for (const QString &file : kFiles)
        publishDemoFile(kPackage, kVersion, file, "the content of " + file.toUtf8() + '\n');
    openDemoWindow();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProjectPath(), kProject, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->packagePane()->model()->versionsOf(kPackage).size() == 1,
                             kTimeout);
}

// The whole version, as a user downloads it: its row in the package tree selected, Download…,
// and a folder chosen.
void TestVerifyDownload::downloadVersion()
{
    QTreeView *packages = m_window->packagePane()->view();
    const QModelIndex version = m_window->packagePane()->viewIndex(kPackage, kVersion);
    QVERIFY(version.isValid());
    packages->expand(version.parent());
    packages->setCurrentIndex(version);
    QVERIFY(QDir().mkpath(folder()));
    m_dialogs->answerDirectory(folder());
    m_window->findChild<QAction *>(QStringLiteral("actionDownload"))->trigger();
    TransferQueue &queue = m_window->transfers();
    QTRY_VERIFY_WITH_TIMEOUT(queue.items().size() == kFiles.size() && queue.isIdle(), kTimeout);
    for (const TransferItem &item : queue.items())
        QVERIFY2(item.state == TransferState::Done, qPrintable(item.errorMessage));
    for (const QString &file : kFiles)
        QVERIFY(QFileInfo::exists(QDir(folder()).filePath(file)));
}

// A right-click on one row selects it; Verify download from the list's context menu, then
// wait until no row of the download is verifying any more.
void TestVerifyDownload::verifyFromTheContextMenu(int row)
{
    QTableView *view = m_window->transferDock()->view();
    const QModelIndex index = view->model()->index(row, TransferQueueModel::NameColumn);
    const QPoint where = view->visualRect(index).center();
    QTest::mousePress(view->viewport(), Qt::RightButton, {}, where);
    QTest::mouseRelease(view->viewport(), Qt::RightButton, {}, where);
    QAction *verify = nullptr;
    for (QAction *action : view->actions()) {
        if (action->objectName() == u"verifyDownloadAction"_s)
            verify = action;
    }
    QVERIFY(verify);
    QVERIFY(verify->isEnabled());
    verify->trigger();
    const TransferQueueModel *model = m_window->transferDock()->model();
    const auto running = [model] {
        for (int r = 0; r < model->rowCount(); ++r) {
            const auto verification =
                Verification(model->index(r, 0).data(TransferQueueModel::VerificationRole).toInt());
            if (verification == Verification::Running || verification == Verification::None)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!running(), kTimeout);
}

QMap<QString, QString> TestVerifyDownload::messages() const
{
    QMap<QString, QString> result;
    const QAbstractItemModel *shown = m_window->transferDock()->view()->model();
    for (int row = 0; row < shown->rowCount(); ++row) {
        result.insert(shown->index(row, TransferQueueModel::NameColumn).data().toString(),
                      shown->index(row, TransferQueueModel::MessageColumn).data().toString());
    }
    return result;
}

void TestVerifyDownload::aDownloadIsVerifiedThenItsLocalChangesAreNamed()
{
    openWindow();
    downloadVersion();

    verifyFromTheContextMenu(1); // one row chosen: every row of the download shows its file
    const QString verified = u"Verified: identical to the server"_s;
    QCOMPARE(messages(), (QMap<QString, QString>{{u"alpha.txt"_s, verified},
                                                 {u"beta.txt"_s, verified},
                                                 {u"gamma.txt"_s, verified}}));
    const QString summary = m_window->statusBar()->currentMessage();
    QVERIFY2(summary.contains(u"verified, 3 files identical to the server"_s), qPrintable(summary));

    // One byte of alpha.txt changed (the size stays), beta.txt deleted.
    QFile alpha(QDir(folder()).filePath(u"alpha.txt"_s));
    QVERIFY(alpha.open(QIODevice::ReadWrite));
    QVERIFY(alpha.seek(4));
    QVERIFY(alpha.write("X") == 1);
    alpha.close();
    QVERIFY(QFile::remove(QDir(folder()).filePath(u"beta.txt"_s)));

    verifyFromTheContextMenu(2);
    QCOMPARE(messages(), (QMap<QString, QString>{{u"alpha.txt"_s, u"Differs: changed locally"_s},
                                                 {u"beta.txt"_s, u"Differs: missing locally"_s},
                                                 {u"gamma.txt"_s, verified}}));
    const QString differs = m_window->statusBar()->currentMessage();
    QVERIFY2(differs.contains(u"differs from the server"_s), qPrintable(differs));
    QVERIFY2(differs.contains(u"1 changed locally (alpha.txt)"_s), qPrintable(differs));
    QVERIFY2(differs.contains(u"1 missing locally (beta.txt)"_s), qPrintable(differs));
    QVERIFY2(!differs.contains(u"gamma.txt"_s) && !differs.contains(u"extra"_s),
             qPrintable(differs));
    // The whole download's summary is in each row's tooltip too.
    const QAbstractItemModel *shown = m_window->transferDock()->view()->model();
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex message = shown->index(row, TransferQueueModel::MessageColumn);
        QVERIFY(message.data(Qt::ToolTipRole).toString().endsWith(differs));
    }
}

void TestVerifyDownload::extraFilesInTheFolderAreNamedInTheSummary()
{
    openWindow();
    downloadVersion();
    QDir(folder()).mkpath(u"notes"_s);
    QFile extra(QDir(folder()).filePath(u"notes/mine.txt"_s));
    QVERIFY(extra.open(QIODevice::WriteOnly));
    extra.write("not from the server\n");
    extra.close();

    verifyFromTheContextMenu(0);
    const QString verified = u"Verified: identical to the server"_s;
    QCOMPARE(messages(), (QMap<QString, QString>{{u"alpha.txt"_s, verified},
                                                 {u"beta.txt"_s, verified},
                                                 {u"gamma.txt"_s, verified}}));
    const QString summary = m_window->statusBar()->currentMessage();
    QVERIFY2(summary.contains(u"1 extra in the folder, not in the version (notes/mine.txt)"_s),
             qPrintable(summary));
}

void TestVerifyDownload::aFolderThatIsGoneIsSaidOnEveryRow()
{
    openWindow();
    downloadVersion();
    QVERIFY(QDir(folder()).removeRecursively());

    verifyFromTheContextMenu(0);
    const QMap<QString, QString> shown = messages();
    QCOMPARE(shown.size(), kFiles.size());
    for (const QString &message : shown) {
        QVERIFY2(message.startsWith(u"Not verified: "_s) && message.contains(u"does not exist"_s),
                 qPrintable(message));
    }
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"could not be verified"_s));
}

QTEST_MAIN(TestVerifyDownload)
#include "TestVerifyDownload.moc"
