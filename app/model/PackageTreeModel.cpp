#include "model/PackageTreeModel.h"

#include "core/NaturalOrder.h"
#include "core/VersionOrder.h"

#include <QLocale>

#include <algorithm>

namespace Stevedore {

namespace {

constexpr int kMaxDetailRequestsInFlight = 4;
// More than a screenful or two of rows waiting means the oldest ones scrolled away.
constexpr size_t kMaxQueuedDetails = 256;

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

QString formatTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

} // namespace

PackageTreeModel::PackageTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_requests(std::make_unique<QObject>())
{
    m_detailTimer.setSingleShot(true);
    m_detailTimer.setInterval(0);
    connect(&m_detailTimer, &QTimer::timeout, this, &PackageTreeModel::sendDetailRequests);
}

PackageTreeModel::~PackageTreeModel() = default;

QString PackageTreeModel::statusDisplayName(const QString &status)
{
    if (status.isEmpty() || status == QLatin1String("default"))
        return tr("Published");
    if (status == QLatin1String("hidden"))
        return tr("Hidden");
    if (status == QLatin1String("processing"))
        return tr("Processing");
    if (status == QLatin1String("error"))
        return tr("Error");
    if (status == QLatin1String("pending_destruction"))
        return tr("Being deleted");
    if (status == QLatin1String("deprecated"))
        return tr("Deprecated");
    return status;
}

QString PackageTreeModel::suggestNextVersion(const QStringList &versions)
{
    if (versions.isEmpty())
        return QStringLiteral("1.0.0");
    const QString highest =
        *std::max_element(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
            return VersionOrder::lessThan(a, b);
        });
    // Build metadata describes one build; the next version does not inherit it.
    QString core = highest.left(highest.indexOf(QLatin1Char('+')));
    qsizetype end = core.size();
    while (end > 0 && !isAsciiDigit(core.at(end - 1)))
        --end;
    if (end == 0)
        return core.isEmpty() ? QStringLiteral("1.0.0") : QString(core + QStringLiteral(".1"));
    qsizetype start = end;
    while (start > 0 && isAsciiDigit(core.at(start - 1)))
        --start;
    // Decimal increment on the digits themselves: any length, and "09" becomes "10".
    QString digits = core.mid(start, end - start);
    qsizetype i = digits.size() - 1;
    for (; i >= 0; --i) {
        if (digits.at(i) == QLatin1Char('9')) {
            digits[i] = QLatin1Char('0');
        } else {
            digits[i] = QChar(digits.at(i).unicode() + 1);
            break;
        }
    }
    if (i < 0)
        digits.prepend(QLatin1Char('1'));
    return core.left(start) + digits + core.mid(end);
}

void PackageTreeModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void PackageTreeModel::load(GitLabApi *api, const QString &project)
{
    const bool sameSource = api == m_api && project == m_project;
    m_api = api;
    m_project = project;
    m_requests = std::make_unique<QObject>();
    m_detailQueue.clear();
    m_detailsInFlight = 0;
    m_lastError = {};
    if (!sameSource) {
        // Another project: do not show the previous one's packages while this one loads.
        beginResetModel();
        build({});
        rebuildRows();
        endResetModel();
    }
    if (!m_api || m_project.isEmpty()) {
        setLoading(false);
        return;
    }
    setLoading(true);
    m_api->packages(m_project, {QString(), true}, m_requests.get(),
                    [this](Result<QList<Package>> result) {
                        setLoading(false);
                        if (!result.ok()) {
                            m_lastError = result.error();
                            Q_EMIT errorOccurred(result.error());
                            return;
                        }
                        beginResetModel();
                        build(result.value());
                        rebuildRows();
                        endResetModel();
                        Q_EMIT loaded();
                    });
}

void PackageTreeModel::reload()
{
    load(m_api, m_project);
}

void PackageTreeModel::setPackages(const QList<Package> &packages)
{
    m_requests = std::make_unique<QObject>();
    m_detailQueue.clear();
    m_detailsInFlight = 0;
    setLoading(false);
    beginResetModel();
    build(packages);
    rebuildRows();
    endResetModel();
}

void PackageTreeModel::clear()
{
    m_api = nullptr;
    m_project.clear();
    m_lastError = {};
    setPackages({});
}

void PackageTreeModel::build(const QList<Package> &packages)
{
    m_versions.clear();
    m_groups.clear();
    m_versionById.clear();
    m_groupByName.clear();
    m_versions.reserve(size_t(packages.size()));
    m_versionById.reserve(packages.size());

    QHash<QString, int> groupOf;
    for (const Package &package : packages) {
        Version version;
        version.package = package;
        version.createdMsecs =
            package.createdAt.isValid() ? package.createdAt.toMSecsSinceEpoch() : 0;
        version.hidden = package.status == QLatin1String("hidden");
        const int index = int(m_versions.size());
        m_versionById.insert(package.id, index);
        auto group = groupOf.find(package.name);
        if (group == groupOf.end()) {
            group = groupOf.insert(package.name, int(m_groups.size()));
            m_groups.push_back(Group{package.name, {}, {}});
        }
        m_groups[size_t(*group)].bySemver.push_back(index);
        m_versions.push_back(std::move(version));
    }

    // Keys once per name: comparing the names themselves costs ten times more on 15,000.
    std::vector<std::pair<QString, int>> keys;
    keys.reserve(m_groups.size());
    for (size_t i = 0; i < m_groups.size(); ++i)
        keys.emplace_back(NaturalOrder::sortKey(m_groups[i].name), int(i));
    std::sort(keys.begin(), keys.end(), [this](const auto &a, const auto &b) {
        if (const int order = a.first.compare(b.first))
            return order < 0;
        return NaturalOrder::lessThan(m_groups[size_t(a.second)].name,
                                      m_groups[size_t(b.second)].name);
    });
    std::vector<Group> sorted;
    sorted.reserve(m_groups.size());
    for (const auto &[key, group] : keys)
        sorted.push_back(std::move(m_groups[size_t(group)]));
    m_groups = std::move(sorted);
    m_groupByName.reserve(qsizetype(m_groups.size()));
    for (size_t i = 0; i < m_groups.size(); ++i) {
        Group &group = m_groups[i];
        m_groupByName.insert(group.name, int(i));
        // The expensive, semantic comparison runs once per load; both orders are kept.
        std::sort(group.bySemver.begin(), group.bySemver.end(), [this](int a, int b) {
            const Version &left = m_versions[size_t(a)];
            const Version &right = m_versions[size_t(b)];
            const int order = VersionOrder::compare(left.package.version, right.package.version);
            if (order != 0)
                return order > 0;
            if (left.createdMsecs != right.createdMsecs)
                return left.createdMsecs > right.createdMsecs;
            return left.package.id > right.package.id;
        });
        const int count = int(group.bySemver.size());
        for (int position = 0; position < count; ++position)
            m_versions[size_t(group.bySemver[size_t(position)])].semverRank = count - position;
        group.byDate = group.bySemver;
        std::stable_sort(group.byDate.begin(), group.byDate.end(), [this](int a, int b) {
            return m_versions[size_t(a)].createdMsecs > m_versions[size_t(b)].createdMsecs;
        });
    }
}

bool PackageTreeModel::filterMatches(const QString &value) const
{
    return m_filterExact ? value == m_filterText
                         : value.contains(m_filterText, Qt::CaseInsensitive);
}

void PackageTreeModel::rebuildRows()
{
    m_rows.clear();
    m_position.assign(m_versions.size(), {-1, -1});
    const bool filtering = !m_filterText.isEmpty();
    for (size_t groupIndex = 0; groupIndex < m_groups.size(); ++groupIndex) {
        const Group &group = m_groups[groupIndex];
        const bool nameMatches = !filtering || filterMatches(group.name);
        Row row;
        row.group = int(groupIndex);
        for (const int index : m_ordering == BySemver ? group.bySemver : group.byDate) {
            const Version &version = m_versions[size_t(index)];
            if (version.hidden && !m_showHidden)
                continue;
            if (!nameMatches && !filterMatches(version.package.version))
                continue;
            if (row.newestVersion < 0 || version.createdMsecs > row.newestMsecs) {
                row.newestVersion = index;
                row.newestMsecs = version.createdMsecs;
            }
            row.versions.push_back(index);
        }
        if (row.versions.empty())
            continue;
        const int rowNumber = int(m_rows.size());
        for (size_t child = 0; child < row.versions.size(); ++child)
            m_position[size_t(row.versions[child])] = {rowNumber, int(child)};
        m_rows.push_back(std::move(row));
    }
}

void PackageTreeModel::setVersionOrder(VersionOrdering ordering)
{
    if (ordering == m_ordering)
        return;
    beginResetModel();
    m_ordering = ordering;
    rebuildRows();
    endResetModel();
}

void PackageTreeModel::setShowHidden(bool show)
{
    if (show == m_showHidden)
        return;
    beginResetModel();
    m_showHidden = show;
    rebuildRows();
    endResetModel();
}

void PackageTreeModel::setFilter(const QString &text, bool exact)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText && exact == m_filterExact)
        return;
    beginResetModel();
    m_filterText = trimmed;
    m_filterExact = exact;
    rebuildRows();
    endResetModel();
}

int PackageTreeModel::versionIndexAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0)
        return -1;
    const size_t row = size_t(index.internalId() - 1);
    if (row >= m_rows.size() || size_t(index.row()) >= m_rows[row].versions.size())
        return -1;
    return m_rows[row].versions[size_t(index.row())];
}

const PackageTreeModel::Version *PackageTreeModel::versionAt(const QModelIndex &index) const
{
    const int versionIndex = versionIndexAt(index);
    return versionIndex < 0 ? nullptr : &m_versions[size_t(versionIndex)];
}

QModelIndex PackageTreeModel::indexOfVersion(int versionIndex, int column) const
{
    if (versionIndex < 0 || size_t(versionIndex) >= m_position.size())
        return {};
    const auto [row, child] = m_position[size_t(versionIndex)];
    if (row < 0)
        return {};
    return createIndex(child, column, quintptr(row) + 1);
}

QModelIndex PackageTreeModel::indexFor(const QString &name, const QString &version,
                                       int column) const
{
    const auto group = m_groupByName.constFind(name);
    if (group == m_groupByName.constEnd())
        return {};
    // Rows keep the groups' (name) order, so the row is found by binary search.
    const auto row =
        std::lower_bound(m_rows.begin(), m_rows.end(), *group,
                         [](const Row &candidate, int wanted) { return candidate.group < wanted; });
    if (row == m_rows.end() || row->group != *group)
        return {};
    const int rowNumber = int(row - m_rows.begin());
    if (version.isEmpty())
        return index(rowNumber, column);
    for (size_t child = 0; child < row->versions.size(); ++child) {
        if (m_versions[size_t(row->versions[child])].package.version == version)
            return createIndex(int(child), column, quintptr(rowNumber) + 1);
    }
    return {};
}

std::optional<Package> PackageTreeModel::packageAt(const QModelIndex &index) const
{
    const Version *version = versionAt(index);
    return version ? std::optional<Package>(version->package) : std::nullopt;
}

QStringList PackageTreeModel::versionsOf(const QString &name) const
{
    QStringList versions;
    const auto group = m_groupByName.constFind(name);
    if (group == m_groupByName.constEnd())
        return versions;
    const Group &found = m_groups[size_t(*group)];
    for (const int index : m_ordering == BySemver ? found.bySemver : found.byDate)
        versions << m_versions[size_t(index)].package.version;
    return versions;
}

QStringList PackageTreeModel::packageNames() const
{
    QStringList names;
    names.reserve(qsizetype(m_groups.size()));
    for (const Group &group : m_groups)
        names << group.name;
    return names;
}

void PackageTreeModel::fetchVersionDetails(const QModelIndex &index, bool force)
{
    const int versionIndex = versionIndexAt(index);
    if (versionIndex < 0 || !m_api)
        return;
    Version &version = m_versions[size_t(versionIndex)];
    if (force
        && (version.details == DetailsState::Loaded || version.details == DetailsState::Failed))
        version.details = DetailsState::NotLoaded;
    if (version.details != DetailsState::NotLoaded)
        return;
    requestDetails(versionIndex);
    Q_EMIT dataChanged(indexOfVersion(versionIndex, FilesColumn),
                       indexOfVersion(versionIndex, SizeColumn));
}

void PackageTreeModel::requestDetails(int versionIndex)
{
    if (!m_api || m_project.isEmpty())
        return;
    Version &version = m_versions[size_t(versionIndex)];
    if (version.details != DetailsState::NotLoaded)
        return;
    version.details = DetailsState::Loading;
    m_detailQueue.push_back(versionIndex);
    if (m_detailQueue.size() > kMaxQueuedDetails) {
        // Asked for long ago (scrolled past): forget it; it is asked for again if shown.
        m_versions[size_t(m_detailQueue.front())].details = DetailsState::NotLoaded;
        m_detailQueue.erase(m_detailQueue.begin());
    }
    if (!m_detailTimer.isActive())
        m_detailTimer.start();
}

void PackageTreeModel::sendDetailRequests()
{
    while (m_detailsInFlight < kMaxDetailRequestsInFlight && !m_detailQueue.empty() && m_api) {
        const int versionIndex = m_detailQueue.back();
        m_detailQueue.pop_back();
        const qint64 id = m_versions[size_t(versionIndex)].package.id;
        ++m_detailsInFlight;
        m_api->packageFiles(
            m_project, id, m_requests.get(), [this, id](Result<QList<PackageFile>> files) {
                --m_detailsInFlight;
                const auto found = m_versionById.constFind(id);
                if (found != m_versionById.constEnd()) {
                    Version &version = m_versions[size_t(*found)];
                    if (files.ok()) {
                        version.details = DetailsState::Loaded;
                        version.fileCount = int(files.value().size());
                        version.totalSize = 0;
                        for (const PackageFile &file : files.value())
                            version.totalSize += file.size;
                        version.detailsError.clear();
                    } else {
                        version.details = DetailsState::Failed;
                        version.detailsError = files.error().message();
                    }
                    const QModelIndex first = indexOfVersion(*found, FilesColumn);
                    if (first.isValid())
                        Q_EMIT dataChanged(first, indexOfVersion(*found, SizeColumn));
                }
                sendDetailRequests();
            });
    }
}

QModelIndex PackageTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex PackageTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int PackageTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.column() != 0 || parent.internalId() != 0 || size_t(parent.row()) >= m_rows.size())
        return 0;
    return int(m_rows[size_t(parent.row())].versions.size());
}

int PackageTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags PackageTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (index.internalId() != 0)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant PackageTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name / Version");
    case CreatedColumn:
        return tr("Created");
    case StatusColumn:
        return tr("Status");
    case VersionsColumn:
        return tr("Versions");
    case FilesColumn:
        return tr("Files");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

QVariant PackageTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return packageData(m_rows[size_t(index.row())], index.column(), role);
    const int versionIndex = versionIndexAt(index);
    if (versionIndex < 0)
        return {};
    if (m_autoFetchDetails && role == Qt::DisplayRole
        && (index.column() == FilesColumn || index.column() == SizeColumn)) {
        // A view is showing this row: fetch its details (queued; no signal from here).
        const_cast<PackageTreeModel *>(this)->requestDetails(versionIndex);
    }
    return versionData(m_versions[size_t(versionIndex)], index.column(), role);
}

QVariant PackageTreeModel::packageData(const Row &row, int column, int role) const
{
    const Group &group = m_groups[size_t(row.group)];
    const Version &top = m_versions[size_t(row.versions.front())];
    const Version &newest = m_versions[size_t(row.newestVersion)];
    const int count = int(row.versions.size());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return group.name;
        case CreatedColumn:
            return formatTime(newest.package.createdAt);
        case VersionsColumn:
            return QLocale().toString(count);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == NameColumn)
            return tr("%1: %n version(s), newest %2", nullptr, count)
                .arg(group.name, newest.package.version);
        return {};
    case Qt::TextAlignmentRole:
        if (column == VersionsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (column) {
        case NameColumn:
            return row.group; // the groups are in name order
        case CreatedColumn:
            return newest.package.createdAt;
        case VersionsColumn:
            return count;
        default:
            return qint64(-1);
        }
    case PackageIdRole:
        return top.package.id;
    case NameRole:
        return group.name;
    case VersionRole:
        return top.package.version;
    case StatusRole:
        return QString();
    case IsHiddenRole:
        return std::all_of(row.versions.begin(), row.versions.end(),
                           [this](int index) { return m_versions[size_t(index)].hidden; });
    case IsPackageRole:
        return true;
    case CreatedRole:
        return newest.package.createdAt;
    case FileCountRole:
        return -1;
    case TotalSizeRole:
        return qint64(-1);
    case DetailsStateRole:
        return int(DetailsState::NotLoaded);
    case VersionCountRole:
        return count;
    case VersionRankRole:
        return 0;
    case CanDeleteRole:
        return std::all_of(row.versions.begin(), row.versions.end(), [this](int index) {
            return m_versions[size_t(index)].package.canDelete;
        });
    default:
        return {};
    }
}

QVariant PackageTreeModel::versionData(const Version &version, int column, int role) const
{
    const Package &package = version.package;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return package.version;
        case CreatedColumn:
            return formatTime(package.createdAt);
        case StatusColumn:
            return statusDisplayName(package.status);
        case FilesColumn:
        case SizeColumn:
            switch (version.details) {
            case DetailsState::NotLoaded:
                return QString();
            case DetailsState::Loading:
                return tr("…", "the file count or size is being fetched");
            case DetailsState::Failed:
                return tr("?", "the file count or size could not be fetched");
            case DetailsState::Loaded:
                return column == FilesColumn ? QLocale().toString(version.fileCount)
                                             : QLocale().formattedDataSize(version.totalSize);
            }
            return {};
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (version.details == DetailsState::Failed
            && (column == FilesColumn || column == SizeColumn))
            return version.detailsError;
        return {};
    case Qt::TextAlignmentRole:
        if (column == FilesColumn || column == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (column) {
        case NameColumn:
            return version.semverRank;
        case CreatedColumn:
            return package.createdAt;
        case StatusColumn:
            return package.status;
        case FilesColumn:
            return version.fileCount;
        case SizeColumn:
            return version.totalSize;
        default:
            return {};
        }
    case PackageIdRole:
        return package.id;
    case NameRole:
        return package.name;
    case VersionRole:
        return package.version;
    case StatusRole:
        return package.status;
    case IsHiddenRole:
        return version.hidden;
    case IsPackageRole:
        return false;
    case CreatedRole:
        return package.createdAt;
    case FileCountRole:
        return version.fileCount;
    case TotalSizeRole:
        return version.totalSize;
    case DetailsStateRole:
        return int(version.details);
    case DetailsErrorRole:
        return version.detailsError;
    case VersionCountRole:
        return 0;
    case VersionRankRole:
        return version.semverRank;
    case CanDeleteRole:
        return package.canDelete;
    case PipelineUrlRole:
        return package.pipeline ? package.pipeline->webUrl : QUrl();
    default:
        return {};
    }
}

QHash<int, QByteArray> PackageTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(PackageIdRole, "packageId");
    names.insert(NameRole, "name");
    names.insert(VersionRole, "version");
    names.insert(StatusRole, "status");
    names.insert(IsHiddenRole, "hidden");
    names.insert(IsPackageRole, "isPackage");
    names.insert(CreatedRole, "created");
    names.insert(FileCountRole, "fileCount");
    names.insert(TotalSizeRole, "totalSize");
    names.insert(DetailsStateRole, "detailsState");
    names.insert(DetailsErrorRole, "detailsError");
    names.insert(VersionCountRole, "versionCount");
    names.insert(VersionRankRole, "versionRank");
    names.insert(CanDeleteRole, "canDelete");
    names.insert(PipelineUrlRole, "pipelineUrl");
    names.insert(SortRole, "sortValue");
    return names;
}

} // namespace Stevedore
