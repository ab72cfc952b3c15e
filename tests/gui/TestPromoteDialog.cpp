#include "ClientSession.h"
#include "DemoData.h"
#include "DemoWindowTest.h"
#include "Http.h"
#include "MainWindow.h"
#include "PackagePane.h"
#include "ProjectPane.h"
#include "PromoteDialog.h"
#include "ScriptedDialogs.h"
#include "SimServer.h"
#include "account/AccountStore.h"
#include "account/MemorySecretStore.h"
#include "transfer/WindowQueuePath.h"
#include "validate/NameRules.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
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
const QString kVersion = QStringLiteral("1.10.0");
} // namespace

// Promoting a version in the real MainWindow against gitlab-sim --demo: a version row dragged
// onto a project (real drag-and-drop events), or Copy to… on it, opens the PromoteDialog; Copy
// queues the copy in the window's queue and the destination ends up with the source's files,
// as the API lists them.
class TestPromoteDialog final : public DemoWindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void droppingAVersionOnAProjectCopiesIt();
    void otherContentDisablesCopyUntilReplaceIsChecked();
    void copyToFromTheContextMenuIntoAnotherProject();
    void copiesToAnotherSignedInAccountOnAnotherServer();

private:
    void openWindow();
    PromoteDialog *dropVersionOnProject(const QString &name, const QString &version,
                                        const QString &project);
    void waitForPlan(PromoteDialog *dialog);
    void copyAndWait(PromoteDialog *dialog);
    void publish(const QString &project, const QString &name, const QString &version,
                 const QString &file, const QByteArray &content);
    // name → SHA-256 of the files a download of the version gets; empty when it does not exist.
    QMap<QString, QString> served(const QString &project, const QString &name,
                                  const QString &version, const QUrl &server = {});

    ScopedSim m_release; // a second GitLab, for a copy across servers
};

void TestPromoteDialog::initTestCase()
{
    nameApplication(QStringLiteral("TestPromoteDialog"));
}

void TestPromoteDialog::init()
{
    prepareFolder();
}

void TestPromoteDialog::cleanup()
{
    closeDemoWindow();
    QCOMPARE(m_release.stop(), 0);
    m_release.reset();
}

void TestPromoteDialog::openWindow()
{
    QVERIFY(m_sim.startDemo());
    openDemoWindow();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProjectPath(), kProject, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->packagePane()->model()->versionsOf(kHelloCli).size() > 1,
                             kTimeout);
}

void TestPromoteDialog::publish(const QString &project, const QString &name, const QString &version,
                                const QString &file, const QByteArray &content)
{
    const QByteArray target = "/api/v4/projects/" + QUrl::toPercentEncoding(project)
                              + "/packages/generic/" + name.toUtf8() + '/' + version.toUtf8() + '/'
                              + file.toUtf8();
    const stevedore::test::HttpReply reply =
        stevedore::test::Http(m_sim->baseUrl())
            .put(target, content, {{"PRIVATE-TOKEN", kPat.toUtf8()}});
    QVERIFY2(reply.status == 201, qPrintable(reply.describe()));
}

QMap<QString, QString> TestPromoteDialog::served(const QString &project, const QString &name,
                                                 const QString &version, const QUrl &server)
{
    Test::Session session(server.isEmpty() ? m_sim->baseUrl() : server,
                          CredentialKind::PersonalAccessToken, kPat);
    std::optional<QMap<QString, QString>> files;
    session.api->versionFiles(project, name, version, this, [&files](Result<VersionFiles> listed) {
        QMap<QString, QString> byName;
        if (listed.ok()) {
            for (const FileFingerprint &file : FileFingerprint::servedBy(listed.value()))
                byName.insert(file.path, file.sha256);
        }
        files = byName;
    });
    if (!QTest::qWaitFor([&] { return files.has_value(); }, kTimeout))
        return {};
    return *files;
}

// The package tree's own drag data for the version row, delivered to the project list's
// viewport over the project's row as a drag enters, moves and drops.
PromoteDialog *TestPromoteDialog::dropVersionOnProject(const QString &name, const QString &version,
                                                       const QString &project)
{
    QTreeView *packages = m_window->packagePane()->view();
    const QModelIndex row = m_window->packagePane()->viewIndex(name, version);
    if (!row.isValid())
        return nullptr;
    std::unique_ptr<QMimeData> mime(packages->model()->mimeData({row}));
    if (!mime)
        return nullptr;

    QTreeView *projects = m_window->projectPane()->view();
    QModelIndex onto;
    if (!QTest::qWaitFor(
            [&] {
                const QModelIndexList found = projects->model()->match(
                    projects->model()->index(0, 0), ProjectListModel::PathRole, project, 1,
                    Qt::MatchExactly);
                onto = found.value(0);
                return onto.isValid();
            },
            kTimeout))
        return nullptr;
    projects->scrollTo(onto);
    const QPoint position = projects->visualRect(onto).center();
    QWidget *viewport = projects->viewport();
    QDragEnterEvent enter(position, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(position, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QDropEvent drop(QPointF(position), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    if (!enter.isAccepted() || !move.isAccepted() || !drop.isAccepted())
        return nullptr;
    auto *dialog = m_window->findChild<PromoteDialog *>(QStringLiteral("promoteDialog"));
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestPromoteDialog::waitForPlan(PromoteDialog *dialog)
{
    QTRY_VERIFY_WITH_TIMEOUT(dialog->plan().has_value(), kTimeout);
    QVERIFY(!dialog->isPlanning());
}

void TestPromoteDialog::copyAndWait(PromoteDialog *dialog)
{
    auto *copy = dialog->findChild<QPushButton *>(QStringLiteral("promoteCopy"));
    QVERIFY(copy->isEnabled());
    const qsizetype before = m_window->transfers().items().size();
    QTest::mouseClick(copy, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->transfers().items().size() > before, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->transfers().isIdle(), kTimeout);
    for (const TransferItem &item : m_window->transfers().items()) {
        QVERIFY2(item.state == TransferState::Done, qPrintable(item.errorMessage));
    }
}

// A version row dropped on another project: the dialog names both sides, shows that every
// file is to be copied, and Copy makes the destination version hold the same files with the
// same SHA-256; the files on their way went through the window's spool folder and are gone.
void TestPromoteDialog::droppingAVersionOnAProjectCopiesIt()
{
    openWindow();
    const QMap<QString, QString> source = served(kProject, kHelloCli, kVersion);
    QVERIFY(!source.isEmpty());
    QVERIFY(served(kToolsProject, kHelloCli, kVersion).isEmpty());

    PromoteDialog *dialog = dropVersionOnProject(kHelloCli, kVersion, kToolsProject);
    QVERIFY(dialog);
    const QString from = dialog->findChild<QLabel *>(QStringLiteral("promoteSource"))->text();
    for (const QString &part : {kProject, kHelloCli, kVersion})
        QVERIFY2(from.contains(part), qPrintable(from));
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("promoteAccount"))->currentData(),
             QVariant(m_window->session().active()->id));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("promoteProject"))->text(),
             kToolsProject);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("promotePackage"))->text(), kHelloCli);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("promoteVersion"))->text(), kVersion);

    waitForPlan(dialog);
    QCOMPARE(dialog->plan()->comparison().count(FileComparison::Kind::Added), int(source.size()));
    QCOMPARE(dialog->plan()->fileCount(false), int(source.size()));
    const QString summary = dialog->findChild<QLabel *>(QStringLiteral("promoteSummary"))->text();
    QVERIFY2(summary.contains(kToolsProject), qPrintable(summary));
    copyAndWait(dialog);

    QCOMPARE(served(kToolsProject, kHelloCli, kVersion), source);
    const QDir spool(copySpoolFolder(m_dir->filePath(QStringLiteral("queue.jsonl"))));
    QVERIFY(spool.exists());
    QTRY_COMPARE_WITH_TIMEOUT(spool.entryList(QDir::Files | QDir::Hidden).size(), 0, kTimeout);
}

// The destination already has one of the source's names with other content: Copy is disabled
// and the dialog names the file, until "replace" is checked; then the file is replaced and
// the destination holds the source's files.
void TestPromoteDialog::otherContentDisablesCopyUntilReplaceIsChecked()
{
    openWindow();
    const QMap<QString, QString> source = served(kProject, kHelloCli, kVersion);
    QVERIFY(!source.isEmpty());
    const QString clash = source.firstKey();
    publish(kToolsProject, kHelloCli, kVersion, clash, "other content\n");
    publish(kToolsProject, kHelloCli, kVersion, u"notes.txt"_s, "only in the destination\n");

    PromoteDialog *dialog = dropVersionOnProject(kHelloCli, kVersion, kToolsProject);
    QVERIFY(dialog);
    waitForPlan(dialog);
    auto *copy = dialog->findChild<QPushButton *>(QStringLiteral("promoteCopy"));
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("promoteProblem"));
    QCOMPARE(dialog->plan()->conflicts(), QStringList{clash});
    QVERIFY(!copy->isEnabled());
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(clash), qPrintable(problem->text()));

    dialog->findChild<QCheckBox *>(QStringLiteral("promoteReplace"))->setChecked(true);
    QVERIFY(copy->isEnabled());
    QVERIFY(!problem->isVisible());
    copyAndWait(dialog);

    QMap<QString, QString> expected = source;
    expected.insert(u"notes.txt"_s,
                    served(kToolsProject, kHelloCli, kVersion).value(u"notes.txt"_s));
    QVERIFY(!expected.value(u"notes.txt"_s).isEmpty()); // left alone
    QCOMPARE(served(kToolsProject, kHelloCli, kVersion), expected);
}

// Copy to… on the version's context menu, into another project under another name and
// version typed in the dialog: names are checked as they are typed, and the copy is staged
// as hidden.
void TestPromoteDialog::copyToFromTheContextMenuIntoAnotherProject()
{
    openWindow();
    const QMap<QString, QString> source = served(kProject, kHelloCli, kVersion);
    QTreeView *packages = m_window->packagePane()->view();
    const QModelIndex row = m_window->packagePane()->viewIndex(kHelloCli, kVersion);
    QVERIFY(row.isValid());
    packages->expand(row.parent());
    packages->scrollTo(row);
    const QPoint where = packages->visualRect(row).center();
    QTest::mousePress(packages->viewport(), Qt::RightButton, {}, where);
    QTest::mouseRelease(packages->viewport(), Qt::RightButton, {}, where);
    QAction *copyTo = nullptr;
    for (QAction *action : packages->actions()) {
        if (action->objectName() == u"actionCopyTo"_s)
            copyTo = action;
    }
    QVERIFY(copyTo);
    copyTo->trigger();
    auto *dialog = m_window->findChild<PromoteDialog *>(QStringLiteral("promoteDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("promoteProject"))->text(), kProject);
    // The same version of the same project: nothing to copy.
    waitForPlan(dialog);
    auto *copy = dialog->findChild<QPushButton *>(QStringLiteral("promoteCopy"));
    QVERIFY(!copy->isEnabled());

    auto *project = dialog->findChild<QLineEdit *>(QStringLiteral("promoteProject"));
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("promotePackage"));
    auto *version = dialog->findChild<QLineEdit *>(QStringLiteral("promoteVersion"));
    project->clear();
    QTest::keyClicks(project, kAgentProject);
    name->setText(u"hello-release"_s);
    version->setText(u"2..0"_s);
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("promoteProblem"));
    QVERIFY(!copy->isEnabled());
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), NameRules::versionProblem(u"2..0"_s).value_or(QString()));
    version->setText(u"2.0.0"_s);
    dialog->findChild<QCheckBox *>(QStringLiteral("promoteHidden"))->setChecked(true);
    waitForPlan(dialog);
    QCOMPARE(dialog->destination().version,
             (PackageTarget{kAgentProject, u"hello-release"_s, u"2.0.0"_s, {}}));
    copyAndWait(dialog);

    // GitLab lists no files of a hidden version, but serves them by name.
    for (auto file = source.cbegin(); file != source.cend(); ++file) {
        const stevedore::test::HttpReply reply =
            stevedore::test::Http(m_sim->baseUrl())
                .get("/api/v4/projects/demo%2Fplatform%2Fagent/packages/generic/hello-release/"
                     "2.0.0/"
                         + file.key().toUtf8(),
                     {{"PRIVATE-TOKEN", kPat.toUtf8()}});
        QVERIFY2(reply.status == 200, qPrintable(reply.describe()));
        QCOMPARE(QCryptographicHash::hash(reply.body, QCryptographicHash::Sha256).toHex(),
                 file.value().toLatin1());
    }
    Test::Session session(m_sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
    std::optional<QString> status;
    session.api->packages(
        kAgentProject, {u"hello-release"_s, true}, this, [&status](Result<QList<Package>> found) {
            status =
                found.ok() && found.value().size() == 1 ? found.value().first().status : QString();
        });
    QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), kTimeout);
    QCOMPARE(*status, u"hidden"_s);
}

// A saved account of a second GitLab, signed in once in the window and then left for the
// first one again, is a destination in the dialog: the files go from one server to the
// other, through the window's queue, with their SHA-256.
void TestPromoteDialog::copiesToAnotherSignedInAccountOnAnotherServer()
{
    QVERIFY(m_release.startDemo());
    openWindow();
    const QString shown = m_window->session().active()->id;
    Account release = AccountStore::newAccount(u"release"_s, m_release->baseUrl(),
                                               CredentialKind::PersonalAccessToken);
    QVERIFY(m_accounts->save(release));
    bool written = false;
    m_secrets->write(release.secretKey(), kPat, this,
                     [&written](Result<Success> done) { written = done.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(written, kTimeout);
    m_window->session().activate(release.id);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session().apiFor(release.id), kTimeout);
    m_window->session().activate(shown);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProjectPath(), kProject, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->packagePane()->viewIndex(kHelloCli, kVersion).isValid(),
                             kTimeout);

    const QMap<QString, QString> source = served(kProject, kHelloCli, kVersion);
    QVERIFY(!source.isEmpty());
    QVERIFY(served(kToolsProject, kHelloCli, kVersion, m_release->baseUrl()).isEmpty());
    PromoteDialog *dialog = dropVersionOnProject(kHelloCli, kVersion, kToolsProject);
    QVERIFY(dialog);
    auto *account = dialog->findChild<QComboBox *>(QStringLiteral("promoteAccount"));
    QCOMPARE(account->currentData(), QVariant(shown));
    const int releaseRow = account->findData(release.id);
    QVERIFY(releaseRow >= 0);
    account->setCurrentIndex(releaseRow);
    QCOMPARE(dialog->destination().accountId, release.id);
    waitForPlan(dialog);
    QCOMPARE(dialog->plan()->fileCount(false), int(source.size()));
    copyAndWait(dialog);
    for (const TransferItem &item : m_window->transfers().items()) {
        QCOMPARE(item.accountId, release.id);
        QCOMPARE(item.sourceAccountId, shown);
    }
    QCOMPARE(served(kToolsProject, kHelloCli, kVersion, m_release->baseUrl()), source);
    QVERIFY(served(kToolsProject, kHelloCli, kVersion).isEmpty()); // nothing on the first one
}

QTEST_MAIN(TestPromoteDialog)
#include "TestPromoteDialog.moc"
