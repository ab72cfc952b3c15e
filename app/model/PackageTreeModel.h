#pragma once

#include "api/GitLabApi.h"
#include "model/PackageVersions.h"
#include "transfer/CopyPlan.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <vector>

namespace Stevedore {

// A project's generic packages as a two-level tree: package name → its versions (GitLab keeps
// one record per name and version). Built for large registries: load() keeps each page in
// the compact PackageVersions as it arrives and (re)builds the tree after the last one,
// inside one model reset, never row by row; ordering, the
// hidden toggle and the filter rebuild the visible rows in linear time from orders computed
// once per load (O(n log n)).
//
// A version's file count and total size need one more request per version, so they are
// fetched lazily: when a view first shows a version's Files or Size cell (display role only,
// so sorting never triggers it), or through fetchVersionDetails(). Requests go out a few at a
// time, the most recently asked first; dataChanged() is emitted for that row when they come
// back.
class PackageTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    enum Column {
        NameColumn,
        CreatedColumn,
        StatusColumn,
        VersionsColumn, // a package row's number of versions shown
        FilesColumn,
        SizeColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        PackageIdRole = Qt::UserRole + 1, // qint64; a package row: the id of its top version
        NameRole,                         // package name (both levels)
        VersionRole,                      // version; a package row: its top version
        StatusRole,       // raw GitLab status: "default", "hidden", …; empty for package rows
        IsHiddenRole,     // bool; a package row: every shown version is hidden
        IsPackageRole,    // bool: true for name rows, false for version rows
        CreatedRole,      // QDateTime; a package row: the newest version's creation time
        FileCountRole,    // int, -1 until known; package rows: -1
        TotalSizeRole,    // qint64 bytes, -1 until known; package rows: -1
        DetailsStateRole, // int (DetailsState)
        DetailsErrorRole, // why the details could not be fetched
        VersionCountRole, // int: shown versions of a package row; 0 for version rows
        VersionRankRole,  // int: position in semantic-version order, higher is newer
        CanDeleteRole,    // bool: the token may delete this version
        PipelineUrlRole,  // QUrl of the pipeline that built the version, if any
        SortRole,         // the raw value of the cell's column, for SortProxyModel; the name
                          // column: a package's position in name order, a version's rank
    };
    Q_ENUM(Role)

    enum VersionOrdering { BySemver, ByDate };
    Q_ENUM(VersionOrdering)

    enum class DetailsState { NotLoaded, Loading, Loaded, Failed };
    Q_ENUM(DetailsState)

    explicit PackageTreeModel(QObject *parent = nullptr);
    ~PackageTreeModel() override;

    // Fetches every generic package of `project` (hidden ones too) and shows them. The API
    // must outlive the model, or the next load()/clear() must come first.
    void load(GitLabApi *api, const QString &project);
    void reload();
    // Shows these packages (no network; details come only if an API was given to load()).
    void setPackages(const QList<Package> &packages);
    void clear();

    GitLabApi *api() const { return m_api; }
    QString project() const { return m_project; }
    bool loading() const { return m_loading; }
    ApiError lastError() const { return m_lastError; }

    void setVersionOrder(VersionOrdering ordering);
    VersionOrdering versionOrder() const { return m_ordering; }
    // Hidden versions are left out unless this is set; a package with only hidden versions
    // disappears.
    void setShowHidden(bool show);
    bool showHidden() const { return m_showHidden; }
    // Keeps packages whose name matches, with all their versions, and packages with matching
    // versions, with only those. Substring and case-insensitive, or `exact` (equal, case
    // matters, as in GitLab). Empty text: no filter.
    void setFilter(const QString &text, bool exact = false);
    QString filterText() const { return m_filterText; }
    bool filterIsExact() const { return m_filterExact; }

    // Automatic details for the version rows a view displays (default on).
    void setAutoFetchDetails(bool enabled) { m_autoFetchDetails = enabled; }
    // Fetches the file count and size of a version row now (again, with `force`).
    void fetchVersionDetails(const QModelIndex &index, bool force = false);

    // The package row for `name` when `version` is empty, else that version's row; invalid
    // when not shown.
    QModelIndex indexFor(const QString &name, const QString &version = {}, int column = 0) const;
    // The package record of a version row.
    std::optional<Package> packageAt(const QModelIndex &index) const;
    // Every known version of a package, hidden ones too, newest first in the current order.
    QStringList versionsOf(const QString &name) const;
    // Every known package name, sorted (for completion).
    QStringList packageNames() const;
    int packageCount() const { return m_versions.groupCount(); } // names, before filtering
    int versionCount() const { return m_versions.size(); }

    // The version after the highest one (in semantic-version order): its last number is
    // increased ("1.10.0" → "1.10.1", "2026.11.21" → "2026.11.22", "2.0.0-rc.1" →
    // "2.0.0-rc.2", "1.09" → "1.10"); a version without numbers gets ".1" appended. An empty
    // list gives "1.0.0".
    static QString suggestNextVersion(const QStringList &versions);
    // What a dragged version row carries: the account, project, package name and version.
    static inline const QString kVersionMimeType =
        QStringLiteral("application/x-stevedore-package-version");
    // The version a drag carries; std::nullopt for any other drag.
    static std::optional<CopySide> draggedVersion(const QMimeData *mime);

    // "Hidden", "Deprecated", … for GitLab's status values.
    static QString statusDisplayName(const QString &status);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Version rows can be dragged (kVersionMimeType); package rows cannot.
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded(); // a load() finished and the tree shows its result
    void errorOccurred(const Stevedore::ApiError &error);

private:
    // What the lazily fetched file list of a version gave.
    struct Details
    {
        qint64 totalSize = -1;
        int fileCount = -1;
        DetailsState state = DetailsState::NotLoaded;
    };
    struct Row
    {
        int group = 0;
        std::vector<int> versions; // shown, in the current order
        qint64 newestMsecs = 0;
        int newestVersion = -1; // the shown version created last
    };

    void setLoading(bool loading);
    void show(PackageVersions versions); // inside a reset
    void rebuildRows();                  // inside a reset
    bool filterMatches(const QString &value) const;
    int versionIndexAt(const QModelIndex &index) const; // -1 for package rows
    QModelIndex indexOfVersion(int versionIndex, int column) const;
    QVariant packageData(const Row &row, int column, int role) const;
    QVariant versionData(int versionIndex, int column, int role) const;
    void requestDetails(int versionIndex); // queues, asked from data()
    void sendDetailRequests();

    GitLabApi *m_api = nullptr;
    QString m_project;
    bool m_loading = false;
    ApiError m_lastError;
    VersionOrdering m_ordering = BySemver;
    bool m_showHidden = false;
    QString m_filterText;
    bool m_filterExact = false;
    bool m_autoFetchDetails = true;

    PackageVersions m_versions;
    // A load's pages until the last one arrives; the tree shows m_versions meanwhile.
    std::unique_ptr<PackageVersions> m_arriving;
    std::vector<Details> m_details;              // by version index
    QHash<int, QString> m_detailErrors;          // by version index, for Failed details
    std::vector<Row> m_rows;                     // the shown packages, in name order
    std::vector<std::pair<int, int>> m_position; // version → (package row, child row)

    std::vector<int> m_detailQueue; // versions waiting, the most recent last
    int m_detailsInFlight = 0;
    QTimer m_detailTimer;
    // Parent of the running requests: replacing it drops answers for an older load.
    std::unique_ptr<QObject> m_requests;
};

} // namespace Stevedore
