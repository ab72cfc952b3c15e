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
// "Reading folders…", the table stays empty and Publish disabled until planReady(); the rest of
// the dialog, Cancel included, works meanwhile. Files alone are read at once, in the constructor.
//
// objectNames: destinationLabel, packageNameEdit, packageNameFixButton, packageNameProblem,
// versionEdit, versionFixButton, versionProblem, existingVersionNote, hiddenCheck,
// duplicatePolicyCombo, unpublishableLabel, unpublishableList, fileTable (cell widgets in
// FixColumn: fixButton), fixAllButton, removeButton, summaryLabel, buttonBox, publishButton,
// cancelButton.
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

    explicit PublishDialog(const QStringList &localPaths, QWidget *parent = nullptr);
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
    // True from the constructor until planReady() when a folder is being walked.
    bool isReadingFolders() const;

    // One queue item per file (valid or not: call when isReady()).
    QList<TransferItem> items(const QString &accountId, const QString &project) const;

public Q_SLOTS:
    void fixRow(int row);
    void fixAll();
    void fixPackageName();
    void fixVersion();
    void removeSelectedFiles();
    void accept() override; // only when isReady()

Q_SIGNALS:
    // The folders given to the constructor were read and the table filled. Not emitted when
    // there was no folder (the table is filled in the constructor then).
    void planReady();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void startReading(const QStringList &localPaths);
    void stopReading();
    void setPlan(PublishPlan plan);
    void showTargetName(int row); // from the plan, without revalidating
    void showChecks();            // the plan's problems and suggestions, in the table
    void updatePackageName();
    void updateVersion();
    void updateExistingVersionNote();
    void updateSummary();
    void onFixClicked();

    PublishPlan m_plan; // one row per table row, in the same order
    QList<Unpublishable> m_unpublishable;
    QFutureWatcher<PublishPlan> *m_reader = nullptr; // while folders are read
    std::shared_ptr<std::atomic_bool> m_stopReading; // shared with the worker
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
    QPushButton *m_fixAll = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_publish = nullptr;
};

} // namespace Stevedore
