#pragma once

#include "api/GitLabApi.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QUrl>

#include <memory>

namespace Stevedore {

// The projects the account is a member of, for the project picker. Pages are fetched
// lazily: the first one when an API or a search is set, the next ones when a view asks
// (canFetchMore()/fetchMore(), following GitLab's Link rel="next").
//
// Deploy and job tokens cannot list projects; for them (and for projects one is not a member
// of) addProject()/openProject() pin a project at the top of the list. Pinned projects stay
// across searches (shown when they match) and go with setApi().
//
// A row per project, with its name and its last activity as columns.
class ProjectListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)

public:
    enum Column { NameColumn, ActivityColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        PathRole = Qt::UserRole + 1, // "group/sub/project"
        IdRole,                      // qint64
        AccessLevelRole,             // int: 10 guest … 50 owner, 0 unknown
        DescriptionRole,
        NameRole,         // the project's own name, without the namespace
        WebUrlRole,       // QUrl
        LastActivityRole, // QDateTime
        IsPinnedRole,     // bool: added with addProject()/openProject()
        SortRole,         // the raw value of the cell's column, for SortProxyModel
    };
    Q_ENUM(Role)

    explicit ProjectListModel(QObject *parent = nullptr);
    ~ProjectListModel() override;

    // Forgets everything (pinned projects too) and lists the projects of this API's account.
    // The API must outlive the model, or be replaced with setApi(nullptr) first.
    void setApi(GitLabApi *api);
    GitLabApi *api() const { return m_api; }

    // Restarts the listing with GitLab's search (name and path). Debouncing is the view's job.
    void setSearch(const QString &search);
    QString search() const { return m_search; }
    // 30: only projects the account can upload to; 0 (default): any membership.
    void setMinAccessLevel(int level);
    int minAccessLevel() const { return m_minAccessLevel; }
    // Lists again from the first page (e.g. after an error).
    void refresh();

    bool loading() const { return m_loading; }
    ApiError lastError() const { return m_lastError; }

    // Pins a project at the top (or updates it when it is already listed); returns its row.
    int addProject(const Project &project);
    // Looks a project up by id or full path ("Open project by path or id…") and pins it;
    // projectOpened() or errorOccurred() tells how it went. Deploy and job tokens cannot look
    // projects up: for them the project is pinned as given (by id, or by path with id 0).
    void openProject(const QString &idOrPath);

    Project project(int row) const;
    int rowOfId(qint64 id) const;             // -1 when not listed
    int rowOfPath(const QString &path) const; // case-insensitive, -1 when not listed

    using QAbstractTableModel::index;
    QModelIndex index(int row) const { return index(row, NameColumn); }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // "Guest", "Reporter", "Developer", "Maintainer", "Owner" (translated); empty for 0.
    static QString accessLevelName(int level);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void searchChanged(const QString &search);
    void errorOccurred(const Stevedore::ApiError &error);
    void projectOpened(int row);

private:
    void restart();
    void requestPage(const QUrl &next); // empty: the first page
    void updateLoading();
    bool matchesSearch(const Project &project) const;
    bool isPinned(const Project &project) const;
    static Project projectAsGiven(const QString &idOrPath);

    GitLabApi *m_api = nullptr;
    QString m_search;
    int m_minAccessLevel = 0;
    QList<Project> m_rows;
    QList<Project> m_pinned;
    QSet<qint64> m_listedIds;
    QUrl m_next;
    bool m_firstPageRequested = false;
    bool m_listing = false; // a page is on its way
    int m_opening = 0;      // openProject() lookups on their way
    bool m_loading = false; // either
    ApiError m_lastError;
    // Parent of the running requests: deleting it drops their answers (and aborts them).
    std::unique_ptr<QObject> m_requests;
    std::unique_ptr<QObject> m_openRequests; // the same for openProject(), until setApi()
};

} // namespace Stevedore
