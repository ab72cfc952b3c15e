#include "ProjectPane.h"

#include "AccountSwitcher.h"
#include "HeaderSorting.h"
#include "model/PackageTreeModel.h"

#include <QComboBox>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Stevedore {

namespace {
const QString kAddAccount = QStringLiteral("__add__");
}

ProjectPane::ProjectPane(QWidget *parent)
    : QWidget(parent)
    , m_sorted(ProjectListModel::SortRole)
    , m_accounts(new AccountSwitcher(this))
    , m_search(new QLineEdit(this))
    , m_list(new QTreeView(this))
    , m_open(new QToolButton(this))
{
    m_accounts->setObjectName(QStringLiteral("accountSwitcher"));
    m_accounts->setToolTip(tr("The GitLab account to browse with"));
    m_search->setObjectName(QStringLiteral("projectSearch"));
    m_search->setPlaceholderText(tr("Search projects"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("projectList"));
    m_sorted.setSourceModel(&m_model);
    m_list->setModel(&m_sorted);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(ProjectListModel::NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(ProjectListModel::ActivityColumn,
                                           QHeaderView::ResizeToContents);
    enableHeaderSorting(m_list, QStringLiteral("projects"));
    m_list->viewport()->setAcceptDrops(true);
    m_list->viewport()->installEventFilter(this);
    m_open->setObjectName(QStringLiteral("openProjectButton"));
    m_open->setText(tr("Open project by path or id…"));
    m_open->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_open->setAutoRaise(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_accounts);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_open);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(300);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(&m_searchDelay, &QTimer::timeout, this,
            [this] { m_model.setSearch(m_search->text()); });
    connect(m_open, &QToolButton::clicked, this, &ProjectPane::openProjectRequested);
    connect(m_accounts, &QComboBox::activated, this, [this](int index) {
        const QString id = m_accounts->itemData(index).toString();
        if (id == kAddAccount)
            Q_EMIT addAccountRequested();
        else
            Q_EMIT accountChosen(id);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT projectChosen(m_model.project(m_sorted.mapToSource(current).row()));
            });
    // The project asked for on the command line is selected as soon as it is listed.
    connect(&m_model, &QAbstractItemModel::rowsInserted, this,
            [this] { selectProject(m_pendingPath); });
    connect(&m_model, &QAbstractItemModel::modelReset, this,
            [this] { selectProject(m_pendingPath); });
    // Not among the account's projects (deploy and job tokens cannot list any): open it directly.
    connect(&m_model, &ProjectListModel::loadingChanged, this, [this](bool loading) {
        if (!loading && !m_pendingPath.isEmpty() && m_model.rowOfPath(m_pendingPath) < 0) {
            m_model.openProject(m_pendingPath);
            m_pendingPath.clear();
        }
    });
    connect(&m_model, &ProjectListModel::projectOpened, this,
            [this](int row) { m_list->setCurrentIndex(viewIndex(row)); });
}

void ProjectPane::setAccounts(const QList<Account> &accounts, const QString &activeId)
{
    const QSignalBlocker blocker(m_accounts);
    m_accounts->clear();
    for (const Account &account : accounts) {
        const QString label = accountLabel(account, m_signedInAs.value(account.id));
        m_accounts->addItem(label, account.id);
        emit accountLabelChanged(account.id, label);
    }
    m_accounts->addItem(tr("Add account…"), kAddAccount);
    m_accounts->setCurrentIndex(std::max(0, m_accounts->findData(activeId)));
}

// "user @ host:port" once the user is known, the server alone before; a name the person gave
// the account comes first.
QString ProjectPane::accountLabel(const Account &account, const QString &username)
{
    const QString server = serverName(account.baseUrl);
    const bool named = !account.name.isEmpty() && account.name != server
                       && account.name != account.baseUrl.host() && account.name != account.id;
    const QString who = username.isEmpty() ? server : username + QStringLiteral(" @ ") + server;
    return named ? account.name + QStringLiteral(" — ") + who : who;
}

void ProjectPane::setSignedInAs(const Account &account, const QString &username)
{
    if (username.isEmpty())
        m_signedInAs.remove(account.id);
    else
        m_signedInAs.insert(account.id, username);
    const QString label = accountLabel(account, username);
    const int row = m_accounts->findData(account.id);
    if (row >= 0)
        m_accounts->setItemText(row, label);
    emit accountLabelChanged(account.id, label);
}

void ProjectPane::selectProject(const QString &path)
{
    m_pendingPath = path;
    if (path.isEmpty())
        return;
    const int row = m_model.rowOfPath(path);
    if (row < 0)
        return;
    m_pendingPath.clear();
    m_list->setCurrentIndex(viewIndex(row));
}

QModelIndex ProjectPane::viewIndex(int modelRow) const
{
    return m_sorted.mapFromSource(m_model.index(modelRow));
}

Project ProjectPane::currentProject() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? m_model.project(m_sorted.mapToSource(current).row()) : Project();
}

void ProjectPane::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

// A version dragged from the package tree is taken by the project row under the pointer.
bool ProjectPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_list->viewport())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove:
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const auto version = PackageTreeModel::draggedVersion(drop->mimeData());
        if (!version)
            return false;
        const QModelIndex onto = m_list->indexAt(drop->position().toPoint());
        if (!onto.isValid()) {
            drop->ignore();
            return true;
        }
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        if (event->type() == QEvent::Drop)
            Q_EMIT versionDropped(*version, m_model.project(m_sorted.mapToSource(onto).row()));
        return true;
    }
    default:
        return QWidget::eventFilter(watched, event);
    }
}

} // namespace Stevedore
