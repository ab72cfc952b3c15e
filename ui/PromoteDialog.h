#pragma once

#include "ComparisonTableModel.h"
#include "model/SortProxyModel.h"
#include "transfer/CopyPlan.h"

#include <QDialog>
#include <QTimer>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Stevedore {

class AccountSession;

// Copies (promotes) a package version to another version, project or signed-in account: opened
// by a drop of a version row onto a project, or by Copy to…. It names the source, lets the
// destination (account, project, package name, version) be chosen, checks the names as they
// are typed, and shows the CopyPlan of the two versions (to copy, already there, other content,
// only in the destination, with sizes) before anything is sent. Copy is enabled only when the
// plan of what the fields name is known and would send something; files the destination has
// with other content disable it, and say why, until "replace" is checked. Accepting leaves the
// copy items to the caller (items()), which queues them.
class PromoteDialog final : public QDialog
{
    Q_OBJECT

public:
    // The destination is prefilled with the active account, `destinationProject` and the
    // source's package name and version.
    PromoteDialog(AccountSession &session, const CopySide &source,
                  const QString &destinationProject, QWidget *parent = nullptr);

    const CopySide &source() const { return m_source; }
    CopySide destination() const; // what the fields name
    // The first rule a destination field breaks, or why nothing can be planned.
    std::optional<QString> destinationProblem() const;
    bool isPlanning() const { return m_pending > 0; }
    // The plan of source() and destination(), once both are known.
    const std::optional<CopyPlan> &plan() const { return m_plan; }
    bool hidden() const;
    bool replace() const;
    // The copy items of the plan, with their files on the way in `spoolFolder`.
    QList<TransferItem> items(const QString &spoolFolder) const;

Q_SIGNALS:
    void planned(); // plan() is that of the fields' destination
    void planFailed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onDestinationEdited();
    void startPlanning();
    void fetch(GitLabApi &api, const PackageTarget &version, bool mustExist,
               std::optional<VersionFiles> *into);
    void showPlanWhenBothAreKnown();
    void showState(); // the Copy button, the problem and the summary, from what is known
    void setProblem(const QString &text);
    QString summary() const;
    QString sideText(const CopySide &side) const; // "account: project › package version"
    void wordPlan();

    AccountSession &m_session;
    const CopySide m_source;
    ComparisonTableModel m_model;
    SortProxyModel m_sorted;
    QComboBox *m_account;
    QLineEdit *m_project;
    QLineEdit *m_packageName;
    QLineEdit *m_version;
    QCheckBox *m_hidden;
    QCheckBox *m_replace;
    QLabel *m_problem;
    QLabel *m_summary;
    QTableView *m_table;
    QPushButton *m_copy;
    QTimer m_planDelay; // typing settles before the versions are asked for
    // The connections planning reads through, kept until it ends (an account edited meanwhile
    // gets a new connection; the old one must outlive the requests sent on it).
    std::shared_ptr<GitLabApi> m_sourceApi;
    std::shared_ptr<GitLabApi> m_destinationApi;
    int m_pending = 0;
    int m_generation = 0; // answers for an earlier destination are ignored
    std::optional<VersionFiles> m_sourceFiles;
    std::optional<VersionFiles> m_destinationFiles;
    std::optional<CopyPlan> m_plan;
    QString m_failure; // why the last planning failed
};

} // namespace Stevedore
