#pragma once

#include "account/AccountSession.h"
#include "core/LaunchOptions.h"
#include "transfer/CopyPlan.h"
#include "transfer/TransferQueue.h"

#include <QMainWindow>
#include <QPointer>
#include <QProcessEnvironment>
#include <QTimer>

#include <memory>

class QLabel;
class QSplitter;

namespace Stevedore {

class DesktopNotifications;
class DownloadVerifier;
class AccountDialog;
class Dialogs;
class FilePane;
class PackagePane;
class ProjectPane;
class TaskbarProgress;
class TransferDock;
class UserGuideWindow;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // What the window works with; tests pass their own stores, dialogs and queue file.
    struct Services
    {
        AccountStore *accounts = nullptr;
        SecretStore *secrets = nullptr;
        Dialogs *dialogs = nullptr;
        QString queueFile; // the transfer queue's journal
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    };

    MainWindow(const LaunchOptions &launch, Services services, QWidget *parent = nullptr);
    ~MainWindow() override;

    AccountSession &session() { return m_session; }
    TransferQueue &transfers() { return m_queue; }
    ProjectPane *projectPane() const { return m_projects; }
    PackagePane *packagePane() const { return m_packages; }
    FilePane *filePane() const { return m_files; }
    TransferDock *transferDock() const { return m_transfers; }
    QString currentProjectPath() const { return m_projectPath; }

    void refresh();
    void publishFiles();
    // Opens the publish dialog for local paths, pre-filled from `onto` (a version row) or
    // `packageName` (a package row: the next version is suggested).
    void publishPaths(const QStringList &paths, const std::optional<Package> &onto,
                      const QString &packageName);
    void publishFolder();
    void downloadSelection();
    void compareVersion(); // opens a CompareDialog for the version selected
    void copyVersionTo();  // opens a PromoteDialog for the version selected
    // Opens a PromoteDialog copying `source` (by default into `destinationProject` of the
    // active account); Copy queues the copy items.
    void promote(const CopySide &source, const QString &destinationProject);
    // Asks for a folder, then opens a SyncDialog of it and the version selected.
    void syncFolderToVersion();
    void deleteSelection();
    void copyDownloadUrl();
    void copyCurlCommand();
    void copyCiSnippet();
    void copySha256(); // "<sha256>  <name>" lines, as sha256sum writes them
    void addAccount();
    void editAccount(); // the account shown
    void removeAccount();
    void openProjectByPath();
    void showUserGuide();
    void showAbout();
    void chooseBandwidthLimit();
    void applyBandwidthLimit(qint64 bytesPerSecond);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildActions();
    void chooseStartAccount();
    void onAccountActivated();
    void showReachability(); // of the active account's connection
    void updateTitle();
    void showEmptyStates();
    static QString keychainWarning(const QString &problem);
    QString expectedUploadRefusal() const;
    void showKeychainProblem(const QString &problem);
    AccountDialog *newAccountDialog(const QString &editedId);
    void onProjectChosen(const Project &project);
    void onVersionChosen(const Package &package);
    void checkIdentity();
    void showAccountWarnings(const QStringList &warnings);
    void afterTransfer(const QString &id);
    std::optional<PackageTarget> selectedFileTarget() const;
    struct VersionDownload
    {
        Package version;
        QList<PackageFile> files;
    };
    void queueDownloads(const QList<VersionDownload> &versions);
    void runInTurn(QList<std::function<void(Callback<Success>)>> steps, const QString &title,
                   std::function<void(bool allDone)> after);
    void copyToClipboard(const QString &text, const QString &what);
    void publishDropped(const QStringList &paths, const QModelIndex &onto);
    void restoreWindowState();
    void saveWindowState() const;

    LaunchOptions m_launch;
    Services m_services;
    Dialogs &m_dialogs;
    AccountSession m_session;
    TransferQueue m_queue;
    ProjectPane *m_projects;
    PackagePane *m_packages;
    FilePane *m_files;
    TransferDock *m_transfers;
    DownloadVerifier *m_verifier;
    QSplitter *m_splitter;
    QLabel *m_identity;
    QLabel *m_warning;
    QLabel *m_network;
    DesktopNotifications *m_notifications;
    TaskbarProgress *m_taskbar;
    QMetaObject::Connection m_reachability;
    QString m_projectPath;
    qint64 m_projectId = 0;
    int m_projectAccessLevel = 0;             // 0: unknown
    std::optional<QStringList> m_tokenScopes; // of a personal access token, once read
    QPointer<UserGuideWindow> m_guide;        // one window, kept while open
    QTimer m_refreshAfterUploads;
    bool m_quitWhenIdle = false;   // "Finish, then quit" was chosen
    bool m_resumeOnSignIn = false; // a restored queue waits for the first sign-in
};

} // namespace Stevedore
