#pragma once

#include "transfer/PublishPlan.h"
#include "transfer/TransferItem.h"

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QCheckBox;
class QDragEnterEvent;
class QDragMoveEvent;
class QDropEvent;
class QComboBox;
class QCompleter;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;
template<typename T> class QFutureWatcher;

namespace Stevedore {

class Dialogs;

// Prepares a publish: the files dropped or chosen (folders expanded recursively, keeping their
// relative paths: dropping the folder `site` gives `site/index.html`, `site/css/site.css`), the
// package name (completed from the names the project already has), the version (suggested for
// the package by the window), Hidden and the duplicate policy. Every name is checked live
// against GitLab's rules (NameRules) with a one-click Fix; files that cannot be published
// (unreadable, not regular files, empty folders) are listed apart and left out. Publish is
// enabled only when everything is valid: nothing is sent before that.
//
// The files are a PublishPlan, the one the command line uses too. When a folder was given, the
// plan is built on a worker thread (a large tree must not freeze the window): the summary says
// "Reading folders…", the new rows appear and Publish is enabled only at planReady(); the rest
// of the dialog, Cancel included, works meanwhile. Files alone are read at once, in the
// constructor. More files and folders can be added while the dialog is open, dropped onto it or
// chosen with Add… (through the Dialogs seam); a file that has a row already is not added again.
//
// objectNames: destinationLabel, packageNameEdit, packageNameFixButton, packageNameProblem,
// versionEdit, versionFixButton, versionProblem, existingVersionNote, hiddenCheck,
// duplicatePolicyCombo, unpublishableLabel, unpublishableList, fileTable (cell widgets in
// FixColumn: fixButton), addButton (its menu: addFilesAction, addFolderAction), fixAllButton,
// removeButton, summaryLabel, buttonBox, publishButton, cancelButton.
class PublishDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishDialog)

public:
    // Suggests the next version for a package name ("" when it has nothing to say).
    using VersionSuggester = std::function<QString(const QString &packageName)>;

    enum Column { LocalPathColumn, TargetNameColumn, SizeColumn, CheckColumn, FixColumn };

    // A dropped or found path that cannot be published, and why (translated).
    struct Unpublishable
    {
        QString path;
        QString reason;
    };

    PublishDialog(Dialogs &dialogs, const QStringList &localPaths, QWidget *parent = nullptr);
    ~PublishDialog() override;

    void setDestination(const QString &description); // e.g. "demo/hello on gitlab.example.com"
    void setKnownPackageNames(const QStringList &names);
    // Called whenever the package name changes, until the person types a version themselves.
    void setVersionSuggester(VersionSuggester suggest);
    // The number of files a version already holds: -1 when it exists but was not counted, no
    // value when it does not exist (as far as the window knows).
    using ExistingVersion =
        std::function<std::optional<int>(const QString &packageName, const QString &version)>;
    void setExistingVersionLookup(ExistingVersion lookup);
    void setPackageName(const QString &name);
    void setVersion(const QString &version);
    void setHidden(bool hidden);
    void setDuplicatePolicy(DuplicatePolicy policy);

    QString packageName() const;
    QString version() const;
    bool isHidden() const;
    DuplicatePolicy duplicatePolicy() const;

    int fileCount() const;
    QString localPath(int row) const;  // absolute
    QString targetName(int row) const; // '/'-separated name in the package
    void setTargetName(int row, const QString &name);
    QString problem(int row) const; // the broken rule; empty when the row is valid
    const QList<Unpublishable> &unpublishable() const { return m_unpublishable; }

    // Package name, version and every file name valid, and at least one file.
    bool isReady() const;
    // True while a folder given to the constructor or added later is walked (until planReady()).
    bool isReadingFolders() const;

    // One queue item per file (valid or not: call when isReady()).
    QList<TransferItem> items(const QString &accountId, const QString &project) const;

public Q_SLOTS:
    // More files and folders, after the rows there are (folders walked on a worker thread).
    void addPaths(const QStringList &localPaths);
    void addFiles();  // asks for files
    void addFolder(); // asks for a folder
    void fixRow(int row);
    void fixAll();
    void fixPackageName();
    void fixVersion();
    void removeSelectedFiles();
    void accept() override; // only when isReady()

Q_SIGNALS:
    // Folders given (to the constructor or added) were read and their rows added. Not emitted
    // for files alone (their rows are added at once).
    void planReady();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void startReading(const QStringList &localPaths);
    void stopReading();
    void addPlan(const PublishPlan &more); // its new rows, after the ones there are
    void showPlan();                       // the table and the unpublishable list, from m_plan
    QString addStartFolder() const;
    void showTargetName(int row); // from the plan, without revalidating
    void showChecks();            // the plan's problems and suggestions, in the table
    void updatePackageName();
    void updateVersion();
    void updateExistingVersionNote();
    void updateSummary();
    void onFixClicked();

    Dialogs &m_dialogs;
    PublishPlan m_plan; // one row per table row, in the same order
    QList<Unpublishable> m_unpublishable;
    QFutureWatcher<PublishPlan> *m_reader = nullptr; // while folders are read
    std::shared_ptr<std::atomic_bool> m_stopReading; // shared with the worker
    QStringList m_waiting;   // added while a folder was read: read after it, in order
    int m_alreadyListed = 0; // of the files added last, those that had a row already
    VersionSuggester m_suggestVersion;
    ExistingVersion m_existingVersionLookup;
    bool m_versionTyped = false;
    bool m_updating = false;

    QLabel *m_destination = nullptr;
    QLineEdit *m_packageName = nullptr;
    QPushButton *m_packageNameFix = nullptr;
    QLabel *m_packageNameProblem = nullptr;
    QCompleter *m_completer = nullptr;
    QLineEdit *m_version = nullptr;
    QPushButton *m_versionFix = nullptr;
    QLabel *m_versionProblem = nullptr;
    QLabel *m_existingVersion = nullptr;
    QCheckBox *m_hidden = nullptr;
    QComboBox *m_policy = nullptr;
    QLabel *m_unpublishableLabel = nullptr;
    QListWidget *m_unpublishableList = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_fixAll = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_publish = nullptr;
};

} // namespace Stevedore
