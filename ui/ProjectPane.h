#pragma once

#include "core/Account.h"
#include "model/ProjectListModel.h"
#include "model/SortProxyModel.h"
#include "transfer/CopyPlan.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QToolButton;
class QTreeView;

namespace Stevedore {

// The left side: the account switcher and the account's projects with a search box. A header
// click sorts the projects listed so far (pages loaded later join in place).
class ProjectPane final : public QWidget
{
    Q_OBJECT

public:
    explicit ProjectPane(QWidget *parent = nullptr);

    ProjectListModel *model() { return &m_model; }
    QTreeView *view() const { return m_list; } // its model is the sorted one, not model()
    QComboBox *accountSwitcher() const { return m_accounts; }
    void setAccounts(const QList<Account> &accounts, const QString &activeId);
    // The switcher names the account by its user from now on (an empty one: by its server
    // again, until the user is known).
    void setSignedInAs(const Account &account, const QString &username);
    static QString accountLabel(const Account &account, const QString &username);
    void selectProject(const QString &path);
    Project currentProject() const;
    void focusSearch();

Q_SIGNALS:
    void accountChosen(const QString &accountId);
    void addAccountRequested();
    void openProjectRequested();
    void projectChosen(const Stevedore::Project &project);
    // A package version row (PackageTreeModel::mimeData) was dropped onto a project.
    void versionDropped(const Stevedore::CopySide &version, const Stevedore::Project &onto);
    // An account's switcher label, on every change ("gitlab.com" becomes "alice @ gitlab.com").
    void accountLabelChanged(const QString &accountId, const QString &label);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QModelIndex viewIndex(int modelRow) const;

    ProjectListModel m_model;
    SortProxyModel m_sorted;
    QComboBox *m_accounts;
    QLineEdit *m_search;
    QTreeView *m_list;
    QToolButton *m_open;
    QTimer m_searchDelay;
    QString m_pendingPath;
    QHash<QString, QString> m_signedInAs; // user names by account id, once signed in
};

} // namespace Stevedore
