#include "MainWindow.h"

#include "AboutDialog.h"
#include "AccountDialog.h"
#include "ActionIcon.h"
#include "CompareDialog.h"
#include "DesktopNotifications.h"
#include "Dialogs.h"
#include "DownloadVerifier.h"
#include "DroppedFiles.h"
#include "FilePane.h"
#include "PackagePane.h"
#include "ProjectPane.h"
#include "PromoteDialog.h"
#include "PublishDialog.h"
#include "StatusColours.h"
#include "SyncDialog.h"
#include "TaskbarProgress.h"
#include "TransferDock.h"
#include "TransferNotices.h"
#include "UserGuideWindow.h"
#include "ViewPlaceholder.h"
#include "account/AccountValidator.h"
#include "api/Snippets.h"
#include "core/Version.h"
#include "model/PackageTreeModel.h"
#include "transfer/LocalTarget.h"
#include "transfer/WindowQueuePath.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>

namespace Stevedore {

namespace {

const QString kGeometryKey = QStringLiteral("MainWindow/geometry");
const QString kStateKey = QStringLiteral("MainWindow/state");
const QString kSplitterKey = QStringLiteral("MainWindow/splitter");
const QString kLastProjectKey = QStringLiteral("MainWindow/lastProject");
const QString kDownloadFolderKey = QStringLiteral("Downloads/folder");
const QString kSyncFolderKey = QStringLiteral("Sync/folder");
const QString kNotificationsKey = QStringLiteral("Notifications/enabled");
const QString kBandwidthLimitKey = QStringLiteral("Transfers/bandwidthLimit"); // bytes/s
constexpr QSize kDefaultSize(1200, 760);

} // namespace

MainWindow::MainWindow(const LaunchOptions &launch, Services services, QWidget *parent)
    : QMainWindow(parent)
    , m_launch(launch)
    , m_services(std::move(services))
    , m_dialogs(*m_services.dialogs)
    , m_session(*m_services.accounts, *m_services.secrets, m_services.environment)
    , m_queue([this](const QString &id) { return m_session.apiFor(id); }, m_services.queueFile)
    , m_projects(new ProjectPane(this))
    , m_packages(new PackagePane(this))
    , m_files(new FilePane(this))
    , m_transfers(new TransferDock(m_queue, this))
    , m_verifier(new DownloadVerifier(
          m_queue, *m_transfers->model(),
          [this](const QString &id) { return m_session.apiFor(id); }, this))
    , m_splitter(new QSplitter(this))
    , m_identity(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_network(new QLabel(this))
    , m_notifications(new DesktopNotifications(this))
    , m_taskbar(new TaskbarProgress(this))
{
    setWindowTitle(applicationName());
    setAcceptDrops(true);
    m_resumeOnSignIn = m_queue.isPaused();

    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_projects);
    m_splitter->addWidget(m_packages);
    m_splitter->addWidget(m_files);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setStretchFactor(2, 4);
    setCentralWidget(m_splitter);
    addDockWidget(Qt::BottomDockWidgetArea, m_transfers);

    m_identity->setObjectName(QStringLiteral("identityLabel"));
    m_warning->setObjectName(QStringLiteral("warningLabel"));
    m_warning->setStyleSheet(
        StatusColours::labelStyle(StatusColours::Meaning::Warning, m_warning->palette()));
    m_network->setObjectName(QStringLiteral("networkLabel"));
    statusBar()->addWidget(m_identity, 1);
    statusBar()->addWidget(m_warning);
    showAccountWarnings({}); // before any account is signed in, or when none can be
    statusBar()->addPermanentWidget(m_network);

    buildActions();
    showEmptyStates();

    connect(m_projects, &ProjectPane::accountLabelChanged, m_transfers->model(),
            &TransferQueueModel::setAccountLabel);
    connect(&m_session, &AccountSession::accountsChanged, this, [this] {
        m_projects->setAccounts(m_session.accounts(),
                                m_session.active() ? m_session.active()->id : QString());
    });
    connect(&m_session, &AccountSession::activated, this, &MainWindow::onAccountActivated);
    connect(&m_session, &AccountSession::signedIn, &m_queue, &TransferQueue::accountAvailable);
    connect(&m_session, &AccountSession::activationFailed, this, [this](const ApiError &error) {
        m_identity->setText(tr("Not signed in"));
        m_warning->setText(error.message());
    });
    connect(&m_session, &AccountSession::keychainUnavailable, this,
            &MainWindow::showKeychainProblem);
    // Who the token belongs to is asked again: the token or the server may be another now.
    connect(&m_session, &AccountSession::updated, this, [this](const QString &id) {
        if (const auto account = m_session.account(id))
            m_projects->setSignedInAs(*account, {});
    });
    connect(&m_session, &AccountSession::notSaved, this, [this](const QString &message) {
        m_warning->setText(message);
        m_dialogs.warning(this, tr("Add account"), message);
    });
    connect(&m_session, &AccountSession::updateFailed, this,
            [this](const QString &, const QString &message) {
                m_dialogs.warning(this, tr("Edit account"), message);
            });
    connect(m_projects, &ProjectPane::accountChosen, &m_session, &AccountSession::activate);
    connect(m_projects, &ProjectPane::addAccountRequested, this, &MainWindow::addAccount);
    connect(m_projects, &ProjectPane::openProjectRequested, this, &MainWindow::openProjectByPath);
    connect(m_projects, &ProjectPane::projectChosen, this, &MainWindow::onProjectChosen);
    connect(m_packages, &PackagePane::versionChosen, this, &MainWindow::onVersionChosen);
    connect(m_packages, &PackagePane::filesDropped, this, &MainWindow::publishDropped);
    connect(m_projects, &ProjectPane::versionDropped, this,
            [this](const CopySide &version, const Project &onto) {
                promote(version, onto.pathWithNamespace.isEmpty() ? QString::number(onto.id)
                                                                  : onto.pathWithNamespace);
            });
    // A click in the package tree makes its selection the one that counts: the files selected
    // before are no longer shown as selected, so Delete and Download cannot take them.
    connect(m_packages->view(), &QAbstractItemView::pressed, m_files->view()->selectionModel(),
            &QItemSelectionModel::clearSelection);
    const auto showError = [this](const ApiError &error) {
        statusBar()->showMessage(error.message(), 10000);
    };
    connect(m_projects->model(), &ProjectListModel::errorOccurred, this, showError);
    connect(m_packages->model(), &PackageTreeModel::errorOccurred, this, showError);
    connect(m_files->model(), &PackageFileModel::errorOccurred, this, showError);

    m_refreshAfterUploads.setSingleShot(true);
    m_refreshAfterUploads.setInterval(300);
    connect(&m_refreshAfterUploads, &QTimer::timeout, this, &MainWindow::refresh);
    connect(&m_queue, &TransferQueue::itemChanged, this, &MainWindow::afterTransfer);
    connect(&m_queue, &TransferQueue::idle, this, [this] {
        if (m_quitWhenIdle)
            close();
    });
    // Told to the desktop only while the window is in the background (and the person wants
    // them); a click brings the window back.
    auto *notify = findChild<QAction *>(QStringLiteral("actionNotifications"));
    new TransferNotices(
        m_queue, *m_notifications,
        [this, notify] { return notify->isChecked() && !isActiveWindow(); }, this);
    connect(m_notifications, &DesktopNotifications::activated, this, [this] {
        if (isMinimized())
            showNormal();
        raise();
        activateWindow();
    });
    connect(m_transfers, &TransferDock::verifyRequested, m_verifier, &DownloadVerifier::verify);
    connect(m_verifier, &DownloadVerifier::summaryReady, this,
            [this](const QString &summary) { statusBar()->showMessage(summary, 30000); });
    connect(m_transfers, &TransferDock::overallChanged, this,
            [this](const TransferQueueModel::Overall &overall) {
                if (m_queue.isIdle())
                    return m_taskbar->clear();
                m_taskbar->show(overall.fraction(), overall.rows - overall.finished);
            });

    m_splitter->setSizes({240, 520, 440});
    resizeDocks({m_transfers}, {170}, Qt::Vertical);
    restoreWindowState();
    m_projects->setAccounts(m_session.accounts(), {});
    QMetaObject::invokeMethod(this, &MainWindow::chooseStartAccount, Qt::QueuedConnection);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    const auto add = [this](QMenu *menu, const QString &name, const QString &icon,
                            const QString &text, const QKeySequence &shortcut,
                            void (MainWindow::*slot)()) {
        auto *action = new QAction(actionIcon(icon), text, this);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        menu->addAction(action);
        addAction(action);
        return action;
    };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *publish = add(file, QStringLiteral("actionPublish"), QStringLiteral("publish"),
                           tr("&Publish files…"), QKeySequence::Open, &MainWindow::publishFiles);
    add(file, QStringLiteral("actionPublishFolder"), QStringLiteral("publish-folder"),
        tr("Publish a &folder…"), QKeySequence(tr("Ctrl+Shift+O")), &MainWindow::publishFolder);
    QAction *download =
        add(file, QStringLiteral("actionDownload"), QStringLiteral("download"), tr("&Download…"),
            QKeySequence(tr("Ctrl+D")), &MainWindow::downloadSelection);
    QAction *compare = add(file, QStringLiteral("actionCompare"), QStringLiteral("compare"),
                           tr("Co&mpare with…"), {}, &MainWindow::compareVersion);
    QAction *sync = add(file, QStringLiteral("actionSync"), QStringLiteral("sync"),
                        tr("S&ync folder to version…"), {}, &MainWindow::syncFolderToVersion);
    QAction *copyTo = add(file, QStringLiteral("actionCopyTo"), QStringLiteral("copy-to"),
                          tr("Copy &to…"), {}, &MainWindow::copyVersionTo);
    QAction *remove = add(file, QStringLiteral("actionDelete"), QStringLiteral("delete"),
                          tr("De&lete…"), QKeySequence::Delete, &MainWindow::deleteSelection);
    file->addSeparator();
    add(file, QStringLiteral("actionAddAccount"), QStringLiteral("account-add"),
        tr("Add &account…"), {}, &MainWindow::addAccount);
    QAction *editAccount =
        add(file, QStringLiteral("actionEditAccount"), QStringLiteral("account-edit"),
            tr("&Edit account…"), {}, &MainWindow::editAccount);
    QAction *removeAccount =
        add(file, QStringLiteral("actionRemoveAccount"), QStringLiteral("account-remove"),
            tr("&Remove account…"), {}, &MainWindow::removeAccount);
    add(file, QStringLiteral("actionOpenProject"), QStringLiteral("open-project"),
        tr("Open project by path or id…"), {}, &MainWindow::openProjectByPath);
    file->addSeparator();
    auto *quit = new QAction(actionIcon(QStringLiteral("quit")), tr("&Quit"), this);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    file->addAction(quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    add(edit, QStringLiteral("actionCopyUrl"), QStringLiteral("copy-url"), tr("Copy download &URL"),
        QKeySequence(tr("Ctrl+Shift+C")), &MainWindow::copyDownloadUrl);
    add(edit, QStringLiteral("actionCopyCurl"), QStringLiteral("copy-curl"),
        tr("Copy &curl command"), {}, &MainWindow::copyCurlCommand);
    add(edit, QStringLiteral("actionCopyCi"), QStringLiteral("copy-ci"),
        tr("Copy .gitlab-ci.yml &job"), {}, &MainWindow::copyCiSnippet);
    add(edit, QStringLiteral("actionCopySha"), QStringLiteral("copy-sha"), tr("Copy &SHA-256"),
        QKeySequence::Copy, &MainWindow::copySha256);
    auto *find = new QAction(actionIcon(QStringLiteral("find")), tr("&Find"), this);
    find->setObjectName(QStringLiteral("actionFind"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_packages, &PackagePane::focusFilter);
    edit->addAction(find);
    addAction(find);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refresh = add(view, QStringLiteral("actionRefresh"), QStringLiteral("refresh"),
                           tr("&Refresh"), QKeySequence::Refresh, &MainWindow::refresh);
    QAction *showTransfers = m_transfers->toggleViewAction();
    showTransfers->setIcon(actionIcon(QStringLiteral("transfers")));
    view->addAction(showTransfers);
    auto *notifications = new QAction(actionIcon(QStringLiteral("notifications")),
                                      tr("Desktop &notifications"), this);
    notifications->setObjectName(QStringLiteral("actionNotifications"));
    notifications->setToolTip(tr("Say when the transfers are finished or a file failed while "
                                 "Stevedore is in the background."));
    notifications->setCheckable(true);
    notifications->setChecked(QSettings().value(kNotificationsKey, true).toBool());
    connect(notifications, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(kNotificationsKey, on); });
    view->addAction(notifications);
    add(view, QStringLiteral("actionBandwidthLimit"), QStringLiteral("bandwidth"),
        tr("Limit &bandwidth…"), {}, &MainWindow::chooseBandwidthLimit);
    applyBandwidthLimit(QSettings().value(kBandwidthLimitKey, 0).toLongLong());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    add(help, QStringLiteral("actionUserGuide"), QStringLiteral("help"), tr("&User Guide"),
        QKeySequence::HelpContents, &MainWindow::showUserGuide);
    help->addSeparator();
    add(help, QStringLiteral("actionAbout"), QStringLiteral("about"),
        tr("&About %1").arg(applicationName()), {}, &MainWindow::showAbout);
    auto *aboutQt =
        new QAction(QIcon(QStringLiteral(":/qt-project.org/qmessagebox/images/qtlogo-64.png")),
                    tr("About &Qt"), this);
    aboutQt->setObjectName(QStringLiteral("actionAboutQt"));
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    help->addAction(aboutQt);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction *action : {publish, download, remove, refresh})
        toolbar->addAction(action);

    // The same actions on a right-click (which selects the row under the pointer first).
    const auto contextMenu = [](QAbstractItemView *list, const QList<QAction *> &actions) {
        list->setContextMenuPolicy(Qt::ActionsContextMenu);
        for (QAction *action : actions) {
            if (action) {
                list->addAction(action);
                continue;
            }
            auto *separator = new QAction(list);
            separator->setSeparator(true);
            list->addAction(separator);
        }
    };
    const auto named = [this](const char *name) {
        return findChild<QAction *>(QLatin1String(name));
    };
    contextMenu(m_packages->view(),
                {publish, download, compare, sync, copyTo, remove, nullptr, refresh});
    contextMenu(m_files->view(),
                {download, remove, nullptr, named("actionCopyUrl"), named("actionCopyCurl"),
                 named("actionCopyCi"), named("actionCopySha")});
    contextMenu(m_projects->view(), {named("actionOpenProject"), refresh});
    m_projects->accountSwitcher()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_projects->accountSwitcher()->addActions({editAccount, removeAccount});
}

void MainWindow::chooseBandwidthLimit()
{
    const std::optional<qint64> limit =
        m_dialogs.bandwidthLimit(this, QSettings().value(kBandwidthLimitKey, 0).toLongLong());
    if (!limit)
        return;
    QSettings().setValue(kBandwidthLimitKey, *limit);
    applyBandwidthLimit(*limit);
}

// One transfer at a time under a limit, so that the limit holds for all of them together.
void MainWindow::applyBandwidthLimit(qint64 bytesPerSecond)
{
    m_session.setTransferRateLimit(bytesPerSecond);
    m_queue.setParallelDownloads(bytesPerSecond > 0 ? 1 : TransferQueue::kParallelDownloads);
    m_transfers->setBandwidthLimit(bytesPerSecond);
}

void MainWindow::chooseStartAccount()
{
    std::optional<Account> start;
    const QList<Account> accounts = m_session.accounts();
    for (const Account &account : accounts) {
        if (!m_launch.accountName.isEmpty() && account.name == m_launch.accountName)
            start = account;
    }
    if (!start && !m_launch.serverUrl.isEmpty())
        start = m_session.forUrl(m_launch.serverUrl);
    if (!start)
        start = m_session.account(m_services.accounts->lastAccountId());
    if (!start && !accounts.isEmpty())
        start = accounts.first();
    if (!start) {
        m_identity->setText(tr("No account: add one with File › Add account…"));
        return;
    }
    m_projects->setAccounts(accounts, start->id);
    m_session.activate(start->id);
}

void MainWindow::showReachability()
{
    const GitLabApi *api = m_session.api();
    const GitLabClient::Reachability state =
        api ? api->client().reachability() : GitLabClient::Reachability::Unknown;
    switch (state) {
    case GitLabClient::Reachability::Reachable:
        m_network->setText(tr("Online"));
        m_network->setToolTip(tr("The server answered the last request."));
        break;
    case GitLabClient::Reachability::Unreachable:
        m_network->setText(tr("Offline"));
        m_network->setToolTip(api->client().unreachableReason());
        break;
    case GitLabClient::Reachability::Unknown:
        m_network->clear();
        m_network->setToolTip({});
        break;
    }
}

void MainWindow::onAccountActivated()
{
    const Account &account = *m_session.active();
    m_identity->setText(tr("%1 on %2").arg(account.name, account.baseUrl.toDisplayString()));
    showAccountWarnings({});
    m_tokenScopes.reset();
    m_projectAccessLevel = 0;
    disconnect(m_reachability);
    m_reachability = connect(&m_session.api()->client(), &GitLabClient::reachabilityChanged, this,
                             &MainWindow::showReachability);
    showReachability();
    m_projects->setAccounts(m_session.accounts(), account.id);
    m_projects->model()->setApi(m_session.api());
    QString project = m_launch.projectPath;
    if (project.isEmpty())
        project = QSettings().value(kLastProjectKey + QLatin1Char('/') + account.id).toString();
    if (project.isEmpty())
        project = account.defaultProject;
    m_projectPath.clear();
    updateTitle();
    m_projects->selectProject(project);
    m_packages->model()->clear();
    m_files->model()->clear();
    if (std::exchange(m_resumeOnSignIn, false))
        m_queue.resume(); // restored transfers waited for the first account to sign in
    checkIdentity();
}

// Shows who the token belongs to, its scopes and a warning when it is about to expire.
void MainWindow::checkIdentity()
{
    GitLabApi *api = m_session.api();
    const Account account = *m_session.active();
    if (account.kind == CredentialKind::DeployToken || account.kind == CredentialKind::JobToken)
        return; // they cannot ask who they are
    api->currentUser(this, [this, account](Result<CurrentUser> user) {
        if (!user.ok()) {
            showAccountWarnings({user.error().message()});
            return;
        }
        m_identity->setText(
            tr("%1 (%2) on %3")
                .arg(user.value().name, user.value().username, account.baseUrl.toDisplayString()));
        m_projects->setSignedInAs(account, user.value().username);
    });
    if (account.kind == CredentialKind::OAuthToken)
        return;
    api->tokenInfo(this, [this](Result<TokenInfo> token) {
        if (!token.ok())
            return;
        m_tokenScopes = token.value().scopes;
        const QStringList warnings =
            AccountValidator::tokenWarnings(token.value(), QDate::currentDate());
        showAccountWarnings(warnings);
        m_identity->setToolTip(
            tr("Token \"%1\", scopes: %2")
                .arg(token.value().name, token.value().scopes.join(QStringLiteral(", "))));
    });
}

// The active account's warnings, after those of environment variables that made no account
// (which say why an account the person expects is missing).
void MainWindow::showAccountWarnings(const QStringList &warnings)
{
    m_warning->setText((m_session.environmentWarnings() + warnings).join(QLatin1Char(' ')));
}

// "project — account — Stevedore": what the window shows, also in the task switcher.
void MainWindow::updateTitle()
{
    QStringList parts;
    if (!m_projectPath.isEmpty())
        parts << m_projectPath;
    if (m_session.active())
        parts << m_session.active()->name;
    parts << applicationName();
    setWindowTitle(parts.join(QStringLiteral(" — ")));
}

void MainWindow::onProjectChosen(const Project &project)
{
    m_projectPath = project.pathWithNamespace.isEmpty() ? QString::number(project.id)
                                                        : project.pathWithNamespace;
    m_projectId = project.id;
    m_projectAccessLevel = project.accessLevel;
    if (m_session.active() && m_session.active()->persistent) // environment accounts leave no trace
        QSettings().setValue(kLastProjectKey + QLatin1Char('/') + m_session.active()->id,
                             m_projectPath);
    updateTitle();
    m_files->model()->clear();
    m_packages->clearFilter();
    m_packages->model()->load(m_session.api(), m_projectPath);
}

void MainWindow::onVersionChosen(const Package &package)
{
    if (package.id == 0) {
        m_files->model()->clear();
        m_files->setHeading(tr("Select a version to see its files."));
        return;
    }
    m_files->setHeading(
        tr("%1 %2").arg(package.name, package.version)
        + (package.status == QLatin1String("hidden") ? tr(" (hidden)") : QString()));
    m_files->model()->load(m_session.api(), m_projectPath, package.id);
}

// What each list says when it has no rows: loading, nothing there (and what to do), or why it
// could not be loaded, with a Retry link.
void MainWindow::showEmptyStates()
{
    auto *packages = new ViewPlaceholder(m_packages->view());
    PackageTreeModel *tree = m_packages->model();
    const auto packagesShown = [this, packages, tree] {
        if (tree->loading())
            return packages->showMessage(tr("Loading the packages of %1…").arg(m_projectPath));
        if (tree->rowCount() > 0)
            return packages->clearMessage();
        if (tree->lastError().isError())
            return; // the error and its Retry stay
        if (m_projectPath.isEmpty())
            return packages->showMessage(tr("Choose a project on the left."));
        if (!tree->filterText().isEmpty())
            return packages->showMessage(
                tr("No package or version matches \"%1\".").arg(tree->filterText()));
        packages->showMessage(tr("No generic packages in %1 yet. Drop files here to publish "
                                 "the first version.")
                                  .arg(m_projectPath));
    };
    connect(tree, &PackageTreeModel::loadingChanged, packages, packagesShown);
    connect(tree, &PackageTreeModel::errorOccurred, packages,
            [this, packages](const ApiError &error) {
                packages->showError(
                    tr("Could not load the packages of %1: %2").arg(m_projectPath, error.message()),
                    [this] { refresh(); });
            });
    packages->follow(tree, packagesShown);

    auto *files = new ViewPlaceholder(m_files->view());
    PackageFileModel *fileModel = m_files->model();
    const auto filesShown = [this, files, fileModel] {
        if (fileModel->loading())
            return files->showMessage(tr("Loading the files…"));
        if (fileModel->rowCount() > 0)
            return files->clearMessage();
        if (fileModel->lastError().isError())
            return;
        files->showMessage(m_packages->currentVersion() ? tr("This version has no files.")
                                                        : tr("Select a version to see its files."));
    };
    connect(fileModel, &PackageFileModel::loadingChanged, files, filesShown);
    connect(fileModel, &PackageFileModel::errorOccurred, files,
            [this, files](const ApiError &error) {
                files->showError(tr("Could not load the files: %1").arg(error.message()),
                                 [this] { m_files->model()->reload(); });
            });
    files->follow(fileModel, filesShown);

    auto *projects = new ViewPlaceholder(m_projects->view());
    ProjectListModel *projectModel = m_projects->model();
    const auto projectsShown = [projects, projectModel] {
        if (projectModel->rowCount() > 0)
            return projects->clearMessage();
        projects->showMessage(projectModel->loading()
                                  ? tr("Loading the projects…")
                                  : tr("No projects to show. Deploy and job tokens cannot list "
                                       "projects: use Open project by path or id."));
    };
    connect(projectModel, &ProjectListModel::loadingChanged, projects, projectsShown);
    connect(projectModel, &ProjectListModel::errorOccurred, projects,
            [projects, projectModel](const ApiError &error) {
                if (projectModel->rowCount() == 0)
                    projects->showError(tr("Could not load the projects: %1").arg(error.message()),
                                        [projectModel] { projectModel->refresh(); });
            });
    projects->follow(projectModel, projectsShown);

    auto *transfers = new ViewPlaceholder(m_transfers->view());
    QAbstractItemModel *shownTransfers = m_transfers->view()->model();
    // The dock's models, not m_queue: the views are torn down after the window's members, and
    // still report their last changes then.
    const TransferQueueModel *allTransfers = m_transfers->model();
    const auto transfersShown = [transfers, shownTransfers, allTransfers] {
        if (shownTransfers->rowCount() > 0)
            return transfers->clearMessage();
        transfers->showMessage(allTransfers->rowCount() == 0
                                   ? tr("No transfers yet. Drop files on the window to publish "
                                        "them, or download a file or a version.")
                                   : tr("No transfer matches this filter."));
    };
    transfers->follow(shownTransfers, transfersShown);
}

void MainWindow::refresh()
{
    if (!m_session.api())
        return;
    const auto selected = m_packages->currentVersion();
    if (m_projectPath.isEmpty()) {
        m_projects->model()->refresh();
        return;
    }
    m_packages->model()->reload();
    if (selected) {
        connect(
            m_packages->model(), &PackageTreeModel::loaded, this,
            [this, selected] { m_packages->select(selected->name, selected->version); },
            Qt::SingleShotConnection);
    }
}

// ---------------------------------------------------------------------------------------------
// Publishing

void MainWindow::publishFiles()
{
    const QStringList paths = m_dialogs.openFiles(this, tr("Publish files"), QDir::homePath());
    if (!paths.isEmpty())
        publishPaths(paths, m_packages->currentVersion(), {});
}

// A folder is published with its relative paths, as when it is dropped.
void MainWindow::publishFolder()
{
    const QString folder =
        m_dialogs.existingDirectory(this, tr("Publish a folder"), QDir::homePath());
    if (!folder.isEmpty())
        publishPaths({folder}, m_packages->currentVersion(), {});
}

// Why GitLab will refuse uploads with this token in this project, as far as the window knows
// (the token's scopes, the role in the project); empty when nothing says so.
QString MainWindow::expectedUploadRefusal() const
{
    if (m_tokenScopes && !m_tokenScopes->contains(QLatin1String("api"))) {
        return tr("This token has the scopes %1 only: GitLab refuses uploads without the api "
                  "scope. Create a token with the api scope and add it as an account.")
            .arg(m_tokenScopes->join(QStringLiteral(", ")));
    }
    constexpr int kDeveloper = 30;
    if (m_projectAccessLevel > 0 && m_projectAccessLevel < kDeveloper) {
        return tr("Your role in %1 is %2: GitLab accepts uploads from Developers and above. Ask "
                  "a maintainer of the project for the Developer role.")
            .arg(m_projectPath, m_projectAccessLevel < 20 ? tr("Guest") : tr("Reporter"));
    }
    return {};
}

void MainWindow::publishPaths(const QStringList &paths, const std::optional<Package> &onto,
                              const QString &packageName)
{
    if (!m_session.active() || m_projectPath.isEmpty()) {
        m_dialogs.information(this, tr("Publish"), tr("Choose an account and a project first."));
        return;
    }
    if (const QString refusal = expectedUploadRefusal(); !refusal.isEmpty()) {
        const auto answer = m_dialogs.question(
            this, tr("Publish"),
            refusal + QStringLiteral("\n\n") + tr("Open the publish dialog anyway?"),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    auto *dialog = new PublishDialog(m_dialogs, paths, this);
    dialog->setObjectName(QStringLiteral("publishDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDestination(tr("%1 on %2").arg(m_projectPath, m_session.active()->baseUrl.host()));
    dialog->setKnownPackageNames(m_packages->model()->packageNames());
    PackageTreeModel *tree = m_packages->model();
    dialog->setVersionSuggester([tree](const QString &name) {
        return PackageTreeModel::suggestNextVersion(tree->versionsOf(name));
    });
    dialog->setExistingVersionLookup(
        [tree](const QString &name, const QString &version) -> std::optional<int> {
            if (!tree->versionsOf(name).contains(version))
                return std::nullopt;
            const QModelIndex row = tree->indexFor(name, version);
            return row.isValid() ? row.data(PackageTreeModel::FileCountRole).toInt() : -1;
        });
    if (onto && !onto->name.isEmpty()) {
        dialog->setPackageName(onto->name);
        dialog->setVersion(onto->version);
    } else if (!packageName.isEmpty()) {
        dialog->setPackageName(packageName);
        dialog->setVersion(PackageTreeModel::suggestNextVersion(tree->versionsOf(packageName)));
    }
    const QString accountId = m_session.active()->id;
    const QString project = m_projectPath;
    connect(dialog, &QDialog::accepted, this, [this, dialog, accountId, project] {
        m_queue.add(dialog->items(accountId, project));
        m_transfers->show();
    });
    dialog->open();
}

void MainWindow::afterTransfer(const QString &id)
{
    const TransferItem *item = m_queue.item(id);
    if (!item)
        return;
    if (item->isUpload() && item->state == TransferState::Done
        && item->target.project == m_projectPath)
        m_refreshAfterUploads.start();
}

// Onto a package row: that package, with its next version; onto a version row: that version;
// elsewhere: the version selected, if any.
void MainWindow::publishDropped(const QStringList &paths, const QModelIndex &onto)
{
    if (onto.isValid() && onto.data(PackageTreeModel::IsPackageRole).toBool())
        publishPaths(paths, std::nullopt, onto.data(PackageTreeModel::NameRole).toString());
    else if (onto.isValid())
        publishPaths(paths, m_packages->packageAt(onto), {});
    else
        publishPaths(paths, m_packages->currentVersion(), {});
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = droppedLocalPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    publishDropped(paths, {});
}

// ---------------------------------------------------------------------------------------------
// Downloading, deleting, copying

// The files selected in the file list, else every file of the versions selected in the
// package tree (a package row: all the versions it shows).
void MainWindow::downloadSelection()
{
    GitLabApi *api = m_session.api();
    if (!api)
        return;
    const QList<PackageFile> files = m_files->selectedFiles();
    if (!files.isEmpty()) {
        if (const auto version = m_packages->currentVersion())
            queueDownloads({{*version, files}});
        return;
    }
    const QList<Package> versions = m_packages->selectedVersions();
    if (versions.isEmpty())
        return;
    auto listed = std::make_shared<QList<VersionDownload>>();
    QList<std::function<void(Callback<Success>)>> steps;
    for (const Package &version : versions) {
        steps << [this, api, project = m_projectPath, version, listed](Callback<Success> done) {
            api->packageFiles(
                project, version.id, this, [version, listed, done](Result<QList<PackageFile>> all) {
                    if (!all.ok())
                        return done(all.error());
                    listed->append({version, VersionFiles{version, all.value()}.served()});
                    done(Success{});
                });
        };
    }
    runInTurn(steps, tr("Download"), [this, listed](bool allDone) {
        if (allDone)
            queueDownloads(*listed);
    });
}

// Asks for a folder (and what to do with files that exist), then queues the downloads. Several
// versions go to NAME/VERSION below the folder, so that their files cannot collide.
void MainWindow::queueDownloads(const QList<VersionDownload> &versions)
{
    if (!m_session.active() || versions.isEmpty())
        return;
    QSettings settings;
    const QString folder = m_dialogs.existingDirectory(
        this, tr("Download to"),
        settings
            .value(kDownloadFolderKey,
                   QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
            .toString());
    if (folder.isEmpty())
        return;
    settings.setValue(kDownloadFolderKey, folder);
    std::optional<ConflictPolicy> forAll;
    QList<TransferItem> items;
    for (const auto &[version, files] : versions) {
        QString into = folder;
        if (versions.size() > 1) {
            const Result<QString> below =
                localTargetPath(folder, version.name + QLatin1Char('/') + version.version);
            if (!below.ok()) {
                m_dialogs.warning(this, tr("Download"), below.error().message());
                return;
            }
            into = below.value();
        }
        for (const PackageFile &file : files) {
            TransferItem item;
            item.direction = TransferDirection::Download;
            item.accountId = m_session.active()->id;
            item.target = {m_projectPath, version.name, version.version, file.displayName()};
            // The queue resolves the path inside `into` (and refuses a name that leads out).
            item.folder = into;
            item.localPath = QDir(into).filePath(file.displayName());
            item.expectedSha256 = file.sha256;
            item.size = file.size;
            item.conflictPolicy = ConflictPolicy::KeepBoth;
            if (localTargetPath(into, file.displayName()).ok()
                && QFileInfo::exists(item.localPath)) {
                if (!forAll) {
                    const QFileInfo here(item.localPath);
                    const QLocale locale;
                    const QString comparison =
                        tr("In the folder: %1, modified %2.\nIn %3 %4: %5, uploaded %6.")
                            .arg(locale.formattedDataSize(here.size()),
                                 locale.toString(here.lastModified(), QLocale::ShortFormat),
                                 version.name, version.version, locale.formattedDataSize(file.size),
                                 locale.toString(file.createdAt.toLocalTime(),
                                                 QLocale::ShortFormat));
                    const Dialogs::ConflictAnswer answer =
                        m_dialogs.conflict(this, file.displayName(), comparison);
                    using Choice = Dialogs::ConflictAnswer::Choice;
                    if (answer.choice == Choice::Cancel)
                        return;
                    const ConflictPolicy policy =
                        answer.choice == Choice::Overwrite ? ConflictPolicy::Overwrite
                        : answer.choice == Choice::Skip    ? ConflictPolicy::Skip
                                                           : ConflictPolicy::KeepBoth;
                    item.conflictPolicy = policy;
                    if (answer.applyToAll)
                        forAll = policy;
                } else {
                    item.conflictPolicy = *forAll;
                }
            }
            items.append(item);
        }
    }
    m_queue.add(items);
    m_transfers->show();
}

// The version selected (a package row: its top version) against another one, in a window of
// its own that stays open beside this one.
void MainWindow::compareVersion()
{
    const auto version = m_packages->currentVersion();
    if (!version || !m_session.active())
        return;
    std::shared_ptr<GitLabApi> api = m_session.apiFor(m_session.active()->id);
    if (!api)
        return;
    auto *dialog =
        new CompareDialog(std::move(api), {m_projectPath, version->name, version->version, {}},
                          m_packages->model()->versionsOf(version->name), this);
    dialog->show();
}

// The folder chosen here against the version selected (a package row: its top version); the
// dialog shows the plan, and its Sync sends it through the window's queue.
void MainWindow::syncFolderToVersion()
{
    const auto version = m_packages->currentVersion();
    if (!version || !m_session.active())
        return;
    std::shared_ptr<GitLabApi> api = m_session.apiFor(m_session.active()->id);
    if (!api)
        return;
    QSettings settings;
    const QString folder = m_dialogs.existingDirectory(
        this, tr("Sync a folder to %1 %2").arg(version->name, version->version),
        settings.value(kSyncFolderKey, QDir::homePath()).toString());
    if (folder.isEmpty())
        return;
    settings.setValue(kSyncFolderKey, folder);
    auto *dialog =
        new SyncDialog(std::move(api), m_queue,
                       {m_projectPath, version->name, version->version, {}}, folder, this);
    connect(dialog, &SyncDialog::ended, this, &MainWindow::refresh);
    connect(dialog, &SyncDialog::started, m_transfers, &QWidget::show);
    dialog->show();
}

void MainWindow::copyVersionTo()
{
    const auto version = m_packages->currentVersion();
    if (!version || !m_session.active())
        return;
    promote({m_session.active()->id, {m_projectPath, version->name, version->version, {}}},
            m_projectPath);
}

void MainWindow::promote(const CopySide &source, const QString &destinationProject)
{
    auto *dialog = new PromoteDialog(m_session, source, destinationProject, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString spool = copySpoolFolder(m_services.queueFile);
        if (const ApiError problem = CopyPlan::makeSpoolFolder(spool); problem.isError()) {
            m_dialogs.warning(this, tr("Copy"), problem.message());
            return;
        }
        m_queue.add(dialog->items(spool));
        m_transfers->show();
    });
    dialog->open();
}

// Acts on what is visibly selected: transfer rows when the transfer list has the focus, the
// files selected in the file list, else the versions selected in the package tree (a package
// row: all the versions it shows). One confirmation names everything that goes.
void MainWindow::deleteSelection()
{
    if (QWidget *focus = QApplication::focusWidget();
        focus && (focus == m_transfers->view() || m_transfers->view()->isAncestorOf(focus)))
        return m_transfers->removeSelected();
    GitLabApi *api = m_session.api();
    if (!api)
        return;
    const QString project = m_projectPath;
    const QList<PackageFile> files = m_files->selectedFiles();
    const auto shown = m_packages->currentVersion();
    if (!files.isEmpty() && shown) {
        QStringList names;
        for (const PackageFile &file : files)
            names << file.displayName();
        const auto answer =
            m_dialogs.question(this, tr("Delete files"),
                               tr("Delete these files from %1 %2?\n\n%3\n\nThis cannot be undone.")
                                   .arg(shown->name, shown->version, names.join(QLatin1Char('\n'))),
                               QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        QList<std::function<void(Callback<Success>)>> steps;
        for (const PackageFile &file : files) {
            steps << [this, api, project, packageId = shown->id, fileId = file.id](auto done) {
                api->deletePackageFile(project, packageId, fileId, this, done);
            };
        }
        return runInTurn(steps, tr("Delete files"), [this](bool) { refresh(); });
    }
    const QList<Package> versions = m_packages->selectedVersions();
    if (versions.isEmpty())
        return;
    QStringList lines;
    for (const Package &version : versions) {
        lines << (version.status == QLatin1String("default")
                      ? tr("%1 %2").arg(version.name, version.version)
                      : tr("%1 %2 (%3)")
                            .arg(version.name, version.version,
                                 PackageTreeModel::statusDisplayName(version.status)));
    }
    const auto answer = m_dialogs.question(
        this, versions.size() == 1 ? tr("Delete version") : tr("Delete versions"),
        tr("Delete %n version(s) from %1, with all their files? This cannot be undone.\n\n%2", "",
           int(versions.size()))
            .arg(project, lines.join(QLatin1Char('\n'))),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QList<std::function<void(Callback<Success>)>> steps;
    for (const Package &version : versions) {
        steps << [this, api, project, id = version.id](auto done) {
            api->deletePackage(project, id, this, done);
        };
    }
    runInTurn(steps, tr("Delete versions"), [this](bool) { refresh(); });
}

// Runs the steps one after the other; the first failure stops them with a warning. `after`
// runs in either case (told whether every step succeeded), so the window shows what is left.
void MainWindow::runInTurn(QList<std::function<void(Callback<Success>)>> steps,
                           const QString &title, std::function<void(bool allDone)> after)
{
    auto remaining = std::make_shared<decltype(steps)>(std::move(steps));
    auto next = std::make_shared<std::function<void()>>();
    const auto end = [next] {
        QMetaObject::invokeMethod(
            qApp, [next] { *next = nullptr; }, Qt::QueuedConnection);
    };
    *next = [this, remaining, next, end, title, after] {
        if (remaining->isEmpty()) {
            end();
            return after(true);
        }
        remaining->takeFirst()([this, next, end, title, after](Result<Success> done) {
            if (done.ok())
                return (*next)();
            end();
            after(false);
            m_dialogs.warning(this, title, done.error().message());
        });
    };
    (*next)();
}

std::optional<PackageTarget> MainWindow::selectedFileTarget() const
{
    const auto version = m_packages->currentVersion();
    const QList<PackageFile> files = m_files->selectedFiles();
    if (!version || files.isEmpty())
        return std::nullopt;
    return PackageTarget{m_projectPath, version->name, version->version,
                         files.first().displayName()};
}

void MainWindow::copyToClipboard(const QString &text, const QString &what)
{
    QGuiApplication::clipboard()->setText(text);
    statusBar()->showMessage(tr("Copied %1.").arg(what), 4000);
}

void MainWindow::copyDownloadUrl()
{
    if (const auto target = selectedFileTarget(); target && m_session.active())
        copyToClipboard(Snippets::downloadUrl(*m_session.active(), *target),
                        tr("the download URL"));
}

void MainWindow::copyCurlCommand()
{
    if (const auto target = selectedFileTarget(); target && m_session.active())
        copyToClipboard(Snippets::curlDownload(*m_session.active(), *target), tr("a curl command"));
}

void MainWindow::copySha256()
{
    QStringList lines;
    for (const PackageFile &file : m_files->selectedFiles())
        lines << file.sha256 + QStringLiteral("  ") + file.displayName();
    if (!lines.isEmpty())
        copyToClipboard(lines.join(QLatin1Char('\n')), tr("the SHA-256"));
}

void MainWindow::copyCiSnippet()
{
    if (const auto target = selectedFileTarget(); target && m_projectId > 0)
        copyToClipboard(Snippets::ciFetchJob(*target, m_projectId) + QLatin1Char('\n')
                            + Snippets::ciPublishJob(*target, m_projectId),
                        tr("a .gitlab-ci.yml job"));
}

// ---------------------------------------------------------------------------------------------
// Accounts and projects

// Said where it matters, before a token is typed: in the account dialog and the status bar.
QString MainWindow::keychainWarning(const QString &problem)
{
    return tr("No keychain is available (%1). A token saved now is kept for this session only "
              "and the account is gone after a restart: start or unlock your keyring "
              "(GNOME Keyring, KWallet), or give the token through GITLAB_TOKEN.")
        .arg(problem);
}

void MainWindow::showKeychainProblem(const QString &problem)
{
    m_warning->setText(keychainWarning(problem));
}

// The account dialog, for a new account or for the one with `editedId`.
AccountDialog *MainWindow::newAccountDialog(const QString &editedId)
{
    auto *dialog = new AccountDialog(m_dialogs, this);
    dialog->setObjectName(QStringLiteral("accountDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QStringList otherNames;
    for (const Account &account : m_session.accounts()) {
        if (account.id != editedId)
            otherNames << account.name;
    }
    dialog->setTakenNames(otherNames);
    connect(dialog, &QDialog::rejected, this, [this] {
        m_projects->setAccounts(m_session.accounts(),
                                m_session.active() ? m_session.active()->id : QString());
    });
    return dialog;
}

void MainWindow::addAccount()
{
    AccountDialog *dialog = newAccountDialog({});
    // Whether a token could be saved: reading a key that is never written answers "not found"
    // from a working keychain, and "unavailable" or "denied" otherwise.
    m_services.secrets->read(
        QStringLiteral("stevedore-keychain-check"), dialog, [this, dialog](Result<QString> probe) {
            const auto problem = SecretStore::problemOf(probe.ok() ? ApiError() : probe.error());
            if (problem != SecretStore::Problem::Unavailable
                && problem != SecretStore::Problem::Denied)
                return;
            dialog->setKeychainWarning(keychainWarning(probe.error().message()));
            showKeychainProblem(probe.error().message());
        });
    if (!m_launch.serverUrl.isEmpty()) {
        Account prefill;
        prefill.baseUrl = m_launch.serverUrl;
        dialog->setAccount(prefill);
    }
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_session.add(dialog->account(), dialog->secret()); });
    dialog->open();
}

// Opens the shown account in the account dialog; its token field stays empty unless a new
// token is typed. AccountSession::update() stores the changes and reconnects.
void MainWindow::editAccount()
{
    const Account *shown = m_session.active();
    if (!shown)
        return;
    const Account account = *shown;
    if (!m_session.isEditable(account.id)) {
        m_dialogs.information(
            this, tr("Edit account"),
            tr("%1 comes from the environment (GITLAB_HOST and GITLAB_TOKEN, or CI_API_V4_URL "
               "and CI_JOB_TOKEN) and lasts for this run only: change those variables to change "
               "it, or add an account of your own with File › Add account…")
                .arg(account.name));
        return;
    }
    AccountDialog *dialog = newAccountDialog(account.id);
    dialog->editAccount(account);
    m_session.readSecret(account.id, dialog, [this, dialog](Result<QString> secret) {
        if (secret.ok())
            return dialog->setStoredSecret(secret.value());
        const auto problem = SecretStore::problemOf(secret.error());
        dialog->setKeychainWarning(
            problem == SecretStore::Problem::Unavailable || problem == SecretStore::Problem::Denied
                ? tr("No keychain is available (%1), so the account cannot be changed now: "
                     "start or unlock your keyring (GNOME Keyring, KWallet) and edit it again.")
                      .arg(secret.error().message())
                : tr("The stored token could not be read (%1): type the token to save the "
                     "account.")
                      .arg(secret.error().message()));
    });
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_session.update(dialog->account(), dialog->secret()); });
    dialog->open();
}

void MainWindow::removeAccount()
{
    const Account *account = m_session.active();
    if (!account)
        return;
    const auto answer =
        m_dialogs.question(this, tr("Remove account"),
                           tr("Remove the account %1 (%2) and its token from the keychain?")
                               .arg(account->name, account->baseUrl.toDisplayString()),
                           QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_session.remove(account->id);
    m_projects->model()->setApi(nullptr);
    m_packages->model()->clear();
    m_files->model()->clear();
    m_identity->setText(tr("Not signed in"));
    chooseStartAccount();
}

void MainWindow::openProjectByPath()
{
    bool ok = false;
    const QString path =
        QInputDialog::getText(this, tr("Open project"), tr("Project path (group/project) or id:"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (ok && !path.isEmpty())
        m_projects->model()->openProject(path);
}

// ---------------------------------------------------------------------------------------------
// Help

void MainWindow::showUserGuide()
{
    if (!m_guide) {
        m_guide = new UserGuideWindow(this);
        m_guide->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_guide->show();
    m_guide->raise();
    m_guide->activateWindow();
}

void MainWindow::showAbout()
{
    auto *about = new AboutDialog(this);
    about->setAttribute(Qt::WA_DeleteOnClose);
    about->open();
}

// ---------------------------------------------------------------------------------------------
// Window state

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_queue.isIdle() && !m_queue.isPaused() && !m_quitWhenIdle) {
        switch (m_dialogs.quitWithTransfers(this)) {
        case Dialogs::QuitAnswer::Finish:
            m_quitWhenIdle = true;
            statusBar()->showMessage(tr("Stevedore quits when the transfers are finished."));
            event->ignore();
            return;
        case Dialogs::QuitAnswer::PauseAndQuit:
            m_queue.pause(); // saved: they continue at the next start
            break;
        case Dialogs::QuitAnswer::QuitNow:
            break;
        case Dialogs::QuitAnswer::Cancel:
            event->ignore();
            return;
        }
    }
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(kDefaultSize.boundedTo(screen()->availableSize()));
    restoreState(settings.value(kStateKey).toByteArray());
    m_splitter->restoreState(settings.value(kSplitterKey).toByteArray());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
}

} // namespace Stevedore
