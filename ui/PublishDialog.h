#pragma once

#include "transfer/UploadQueue.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

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

namespace Stevedore {

// Prepares a publish: the files dropped or chosen (folders expanded recursively, keeping their
// relative paths: dropping the folder `site` gives `site/index.html`, `site/css/site.css`), the
// package name (completed from the names the project already has), the version (suggested for
// the package by the window), Hidden and the duplicate policy. Every name is checked live
// against GitLab's rules (NameRules) with a one-click Fix; files that cannot be published
// (unreadable, not regular files, empty folders) are listed apart and left out. Publish is
// enabled only when everything is valid: nothing is sent before that.
//
// objectNames: destinationLabel, packageNameEdit, packageNameFixButton, packageNameProblem,
// versionEdit, versionFixButton, versionProblem, hiddenCheck, duplicatePolicyCombo,
// unpublishableLabel, unpublishableList, fileTable (cell widgets in FixColumn: fixButton),
// fixAllButton, removeButton, summaryLabel, buttonBox, publishButton, cancelButton.
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

    // One queue item per file (valid or not: call when isReady()).
    QList<QueueItem> items(const QString &accountId, const QString &project) const;

public Q_SLOTS:
    void fixRow(int row);
    void fixAll();
    void fixPackageName();
    void fixVersion();
    void removeSelectedFiles();
    void accept() override; // only when isReady()

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct File
    {
        QString localPath;
        qint64 size = 0;
    };

    void expand(const QStringList &localPaths);
    void addFile(const QString &localPath, const QString &targetName);
    void validateAll();
    void updatePackageName();
    void updateVersion();
    void updateSummary();
    void onFixClicked();
    QHash<QString, int> nameCounts() const; // how many rows have each target name

    QStringList m_problems; // per row, empty when valid
    QList<File> m_files;    // per row
    QList<Unpublishable> m_unpublishable;
    VersionSuggester m_suggestVersion;
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
