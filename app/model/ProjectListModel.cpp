#include "model/ProjectListModel.h"

#include <QLocale>

namespace Stevedore {

ProjectListModel::ProjectListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_requests(std::make_unique<QObject>())
    , m_openRequests(std::make_unique<QObject>())
{
}

ProjectListModel::~ProjectListModel() = default;

QString ProjectListModel::accessLevelName(int level)
{
    if (level >= 50)
        return tr("Owner");
    if (level >= 40)
        return tr("Maintainer");
    if (level >= 30)
        return tr("Developer");
    if (level >= 20)
        return tr("Reporter");
    if (level >= 15)
        return tr("Planner");
    if (level >= 10)
        return tr("Guest");
    return {};
}

void ProjectListModel::setApi(GitLabApi *api)
{
    m_api = api;
    m_pinned.clear();
    m_openRequests = std::make_unique<QObject>(); // lookups for the previous account
    m_opening = 0;
    restart();
}

void ProjectListModel::setSearch(const QString &search)
{
    const QString trimmed = search.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    Q_EMIT searchChanged(m_search);
    restart();
}

void ProjectListModel::setMinAccessLevel(int level)
{
    if (level == m_minAccessLevel)
        return;
    m_minAccessLevel = level;
    restart();
}

void ProjectListModel::refresh()
{
    restart();
}

bool ProjectListModel::matchesSearch(const Project &project) const
{
    return m_search.isEmpty() || project.pathWithNamespace.contains(m_search, Qt::CaseInsensitive)
           || project.nameWithNamespace.contains(m_search, Qt::CaseInsensitive)
           || project.name.contains(m_search, Qt::CaseInsensitive);
}

void ProjectListModel::restart()
{
    // Answers to the previous listing must not land in this one.
    m_requests = std::make_unique<QObject>();
    beginResetModel();
    m_rows.clear();
    m_listedIds.clear();
    for (const Project &project : std::as_const(m_pinned)) {
        if (matchesSearch(project)) {
            m_rows.append(project);
            if (project.id > 0)
                m_listedIds.insert(project.id);
        }
    }
    m_next.clear();
    m_firstPageRequested = false;
    m_listing = false;
    m_lastError = {};
    endResetModel();
    if (m_api)
        requestPage({});
    else
        updateLoading();
}

void ProjectListModel::requestPage(const QUrl &next)
{
    if (!m_api)
        return;
    const bool first = next.isEmpty();
    m_firstPageRequested = true;
    m_listing = true;
    updateLoading();
    auto done = [this](Result<Page<Project>> page) {
        m_listing = false;
        updateLoading();
        if (!page.ok()) {
            m_lastError = page.error();
            m_next.clear();
            Q_EMIT errorOccurred(page.error());
            return;
        }
        QList<Project> fresh;
        for (const Project &project : page.value().items) {
            if (!m_listedIds.contains(project.id)) {
                m_listedIds.insert(project.id);
                fresh.append(project);
            }
        }
        m_next = page.value().next;
        if (fresh.isEmpty())
            return;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
        m_rows.append(fresh);
        endInsertRows();
    };
    if (first)
        m_api->projects({m_search, m_minAccessLevel}, m_requests.get(), std::move(done));
    else
        m_api->projectsPage(next, m_requests.get(), std::move(done));
}

void ProjectListModel::updateLoading()
{
    const bool loading = m_listing || m_opening > 0;
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

bool ProjectListModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_api || m_listing || m_lastError.isError())
        return false;
    return !m_firstPageRequested || !m_next.isEmpty();
}

void ProjectListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    requestPage(m_next);
}

namespace {

// A project opened by id is known by its id; one opened by path alone (id 0) by its path.
bool isSameProject(const Project &a, const Project &b)
{
    if (a.id > 0 || b.id > 0)
        return a.id == b.id;
    return a.pathWithNamespace.compare(b.pathWithNamespace, Qt::CaseInsensitive) == 0;
}

} // namespace

int ProjectListModel::addProject(const Project &project)
{
    const auto pinned = std::find_if(m_pinned.begin(), m_pinned.end(), [&](const Project &other) {
        return isSameProject(other, project);
    });
    if (pinned != m_pinned.end())
        *pinned = project;
    else
        m_pinned.append(project);
    const int existing =
        project.id > 0 ? rowOfId(project.id) : rowOfPath(project.pathWithNamespace);
    if (existing >= 0) {
        m_rows[existing] = project;
        Q_EMIT dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
        return existing;
    }
    // Pinned projects come first, in the order they were added.
    int row = 0;
    while (row < m_rows.size() && isPinned(m_rows.at(row)))
        ++row;
    beginInsertRows({}, row, row);
    m_rows.insert(row, project);
    if (project.id > 0)
        m_listedIds.insert(project.id);
    endInsertRows();
    return row;
}

bool ProjectListModel::isPinned(const Project &project) const
{
    return std::any_of(m_pinned.begin(), m_pinned.end(),
                       [&](const Project &other) { return isSameProject(other, project); });
}

void ProjectListModel::openProject(const QString &idOrPath)
{
    if (!m_api)
        return;
    const QString wanted = idOrPath.trimmed();
    if (wanted.isEmpty())
        return;
    const CredentialKind kind = m_api->client().account().kind;
    if (kind == CredentialKind::DeployToken || kind == CredentialKind::JobToken) {
        // GitLab's project API ignores these tokens (the caller is anonymous there), so a
        // private project cannot be looked up. The package routes take the numeric id (in CI:
        // CI_PROJECT_ID) or the path directly: pin it as given; loading its packages then shows
        // whether the token may use it.
        Q_EMIT projectOpened(addProject(projectAsGiven(wanted)));
        return;
    }
    ++m_opening;
    updateLoading();
    // Not tied to the listing: a new search does not drop a project being opened.
    m_api->project(wanted, m_openRequests.get(), [this](Result<Project> project) {
        --m_opening;
        updateLoading();
        if (!project.ok()) {
            Q_EMIT errorOccurred(project.error());
            return;
        }
        Q_EMIT projectOpened(addProject(project.value()));
    });
}

Project ProjectListModel::projectAsGiven(const QString &idOrPath)
{
    Project project;
    bool numeric = false;
    project.id = idOrPath.toLongLong(&numeric);
    if (numeric && project.id > 0) {
        project.name = tr("Project %1").arg(project.id);
    } else {
        project.id = 0;
        project.pathWithNamespace = idOrPath;
        project.name = idOrPath.section(QLatin1Char('/'), -1);
    }
    return project;
}

Project ProjectListModel::project(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : Project();
}

int ProjectListModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int ProjectListModel::rowOfPath(const QString &path) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).pathWithNamespace.compare(path, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

int ProjectListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProjectListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProjectListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Project");
    case ActivityColumn:
        return tr("Last activity");
    default:
        return {};
    }
}

QVariant ProjectListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Project &project = m_rows.at(index.row());
    const auto name = [&project] {
        if (!project.nameWithNamespace.isEmpty())
            return project.nameWithNamespace;
        return project.pathWithNamespace.isEmpty() ? project.name : project.pathWithNamespace;
    };
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == ActivityColumn) {
            return project.lastActivityAt.isValid() ? QLocale().toString(
                       project.lastActivityAt.toLocalTime().date(), QLocale::ShortFormat)
                                                    : QString();
        }
        return name();
    case SortRole:
        if (index.column() == ActivityColumn)
            return project.lastActivityAt;
        return name();
    case Qt::ToolTipRole:
        return project.description.isEmpty()
                   ? project.pathWithNamespace
                   : QString(project.pathWithNamespace + QLatin1Char('\n') + project.description);
    case PathRole:
        return project.pathWithNamespace;
    case IdRole:
        return project.id;
    case AccessLevelRole:
        return project.accessLevel;
    case DescriptionRole:
        return project.description;
    case NameRole:
        return project.name;
    case WebUrlRole:
        return project.webUrl;
    case LastActivityRole:
        return project.lastActivityAt;
    case IsPinnedRole:
        return isPinned(project);
    default:
        return {};
    }
}

QHash<int, QByteArray> ProjectListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(PathRole, "path");
    names.insert(IdRole, "projectId");
    names.insert(AccessLevelRole, "accessLevel");
    names.insert(DescriptionRole, "description");
    names.insert(NameRole, "name");
    names.insert(WebUrlRole, "webUrl");
    names.insert(LastActivityRole, "lastActivity");
    names.insert(IsPinnedRole, "pinned");
    names.insert(SortRole, "sortValue");
    return names;
}

} // namespace Stevedore
