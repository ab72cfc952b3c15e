#include "model/PackageTreeModel.h"

#include "core/NaturalOrder.h"
#include "core/VersionOrder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMimeData>

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
        show({});
        rebuildRows();
        endResetModel();
    }
    m_arriving.reset();
    if (!m_api || m_project.isEmpty()) {
        setLoading(false);
        return;
    }
    setLoading(true);
    // Each page goes into the compact form as it arrives, so the whole list never exists twice.
    m_arriving = std::make_unique<PackageVersions>();
    m_api->packagePages(
        m_project, {QString(), true}, m_requests.get(),
        [this](QList<Package> &&page) {
            for (const Package &package : std::as_const(page))
                m_arriving->add(package);
        },
        [this](Result<Success> result) {
            setLoading(false);
            const std::unique_ptr<PackageVersions> arrived = std::move(m_arriving);
            if (!result.ok()) {
                m_lastError = result.error();
                Q_EMIT errorOccurred(result.error());
                return;
            }
            arrived->finish();
            beginResetModel();
            show(std::move(*arrived));
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
    m_arriving.reset();
    m_detailQueue.clear();
    m_detailsInFlight = 0;
    setLoading(false);
    PackageVersions versions;
    for (const Package &package : packages)
        versions.add(package);
    versions.finish();
    beginResetModel();
    show(std::move(versions));
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

void PackageTreeModel::show(PackageVersions versions)
{
    m_versions = std::move(versions);
    m_details.assign(size_t(m_versions.size()), Details{});
    m_detailErrors.clear();
}

bool PackageTreeModel::filterMatches(const QString &value) const
{
    return m_filterExact ? value == m_filterText
                         : value.contains(m_filterText, Qt::CaseInsensitive);
}

void PackageTreeModel::rebuildRows()
{
    m_rows.clear();
    m_position.assign(size_t(m_versions.size()), {-1, -1});
    const bool filtering = !m_filterText.isEmpty();
    for (int groupIndex = 0; groupIndex < m_versions.groupCount(); ++groupIndex) {
        const PackageVersions::Group &group = m_versions.group(groupIndex);
        const bool nameMatches = !filtering || filterMatches(group.name);
        Row row;
        row.group = groupIndex;
        for (const int index : m_ordering == BySemver ? group.bySemver : group.byDate) {
            const PackageVersions::Version &version = m_versions.at(index);
            if (version.hidden && !m_showHidden)
                continue;
            if (!nameMatches && !filterMatches(version.version))
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
    const int group = m_versions.groupOf(name);
    if (group < 0)
        return {};
    // Rows keep the groups' (name) order, so the row is found by binary search.
    const auto row =
        std::lower_bound(m_rows.begin(), m_rows.end(), group,
                         [](const Row &candidate, int wanted) { return candidate.group < wanted; });
    if (row == m_rows.end() || row->group != group)
        return {};
    const int rowNumber = int(row - m_rows.begin());
    if (version.isEmpty())
        return index(rowNumber, column);
    for (size_t child = 0; child < row->versions.size(); ++child) {
        if (m_versions.at(row->versions[child]).version == version)
            return createIndex(int(child), column, quintptr(rowNumber) + 1);
    }
    return {};
}

std::optional<Package> PackageTreeModel::packageAt(const QModelIndex &index) const
{
    const int versionIndex = versionIndexAt(index);
    return versionIndex < 0 ? std::nullopt
                            : std::optional<Package>(m_versions.package(versionIndex));
}

QStringList PackageTreeModel::versionsOf(const QString &name) const
{
    QStringList versions;
    const int group = m_versions.groupOf(name);
    if (group < 0)
        return versions;
    const PackageVersions::Group &found = m_versions.group(group);
    for (const int index : m_ordering == BySemver ? found.bySemver : found.byDate)
        versions << m_versions.at(index).version;
    return versions;
}

QStringList PackageTreeModel::packageNames() const
{
    QStringList names;
    names.reserve(m_versions.groupCount());
    for (int group = 0; group < m_versions.groupCount(); ++group)
        names << m_versions.group(group).name;
    return names;
}

void PackageTreeModel::fetchVersionDetails(const QModelIndex &index, bool force)
{
    const int versionIndex = versionIndexAt(index);
    if (versionIndex < 0 || !m_api)
        return;
    Details &details = m_details[size_t(versionIndex)];
    if (force && (details.state == DetailsState::Loaded || details.state == DetailsState::Failed))
        details.state = DetailsState::NotLoaded;
    if (details.state != DetailsState::NotLoaded)
        return;
    requestDetails(versionIndex);
    Q_EMIT dataChanged(indexOfVersion(versionIndex, FilesColumn),
                       indexOfVersion(versionIndex, SizeColumn));
}

void PackageTreeModel::requestDetails(int versionIndex)
{
    if (!m_api || m_project.isEmpty())
        return;
    Details &details = m_details[size_t(versionIndex)];
    if (details.state != DetailsState::NotLoaded)
        return;
    details.state = DetailsState::Loading;
    m_detailQueue.push_back(versionIndex);
    if (m_detailQueue.size() > kMaxQueuedDetails) {
        // Asked for long ago (scrolled past): forget it; it is asked for again if shown.
        m_details[size_t(m_detailQueue.front())].state = DetailsState::NotLoaded;
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
        const qint64 id = m_versions.at(versionIndex).id;
        ++m_detailsInFlight;
        m_api->packageFiles(
            m_project, id, m_requests.get(), [this, id](Result<QList<PackageFile>> files) {
                --m_detailsInFlight;
                const int found = m_versions.indexOfId(id);
                if (found >= 0) {
                    Details &details = m_details[size_t(found)];
                    if (files.ok()) {
                        details.state = DetailsState::Loaded;
                        details.fileCount = int(files.value().size());
                        details.totalSize = 0;
                        for (const PackageFile &file : files.value())
                            details.totalSize += file.size;
                        m_detailErrors.remove(found);
                    } else {
                        details.state = DetailsState::Failed;
                        m_detailErrors.insert(found, files.error().message());
                    }
                    const QModelIndex first = indexOfVersion(found, FilesColumn);
                    if (first.isValid())
                        Q_EMIT dataChanged(first, indexOfVersion(found, SizeColumn));
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
        flags |= Qt::ItemNeverHasChildren | Qt::ItemIsDragEnabled;
    return flags;
}

QStringList PackageTreeModel::mimeTypes() const
{
    return {kVersionMimeType};
}

// The first version row dragged, as a CopySide: a drop elsewhere (a project, another window)
// copies that version.
QMimeData *PackageTreeModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &index : indexes) {
        if (!checkIndex(index) || versionIndexAt(index) < 0 || !m_api)
            continue;
        const QJsonObject version{{QStringLiteral("account"), m_api->client().account().id},
                                  {QStringLiteral("project"), m_project},
                                  {QStringLiteral("name"), index.data(NameRole).toString()},
                                  {QStringLiteral("version"), index.data(VersionRole).toString()}};
        auto *mime = new QMimeData;
        mime->setData(kVersionMimeType, QJsonDocument(version).toJson(QJsonDocument::Compact));
        mime->setText(
            QStringLiteral("%1 %2").arg(version.value(QStringLiteral("name")).toString(),
                                        version.value(QStringLiteral("version")).toString()));
        return mime;
    }
    return nullptr;
}

std::optional<CopySide> PackageTreeModel::draggedVersion(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(kVersionMimeType))
        return std::nullopt;
    const QJsonObject version = QJsonDocument::fromJson(mime->data(kVersionMimeType)).object();
    CopySide side{version.value(QStringLiteral("account")).toString(),
                  {version.value(QStringLiteral("project")).toString(),
                   version.value(QStringLiteral("name")).toString(),
                   version.value(QStringLiteral("version")).toString(),
                   {}}};
    if (side.accountId.isEmpty() || side.version.project.isEmpty()
        || side.version.packageName.isEmpty() || side.version.version.isEmpty())
        return std::nullopt;
    return side;
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
    return versionData(versionIndex, index.column(), role);
}

QVariant PackageTreeModel::packageData(const Row &row, int column, int role) const
{
    const PackageVersions::Group &group = m_versions.group(row.group);
    const PackageVersions::Version &top = m_versions.at(row.versions.front());
    const PackageVersions::Version &newest = m_versions.at(row.newestVersion);
    const int count = int(row.versions.size());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return group.name;
        case CreatedColumn:
            return formatTime(m_versions.createdAt(newest));
        case VersionsColumn:
            return QLocale().toString(count);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == NameColumn)
            return tr("%1: %n version(s), newest %2", nullptr, count)
                .arg(group.name, newest.version);
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
            return m_versions.createdAt(newest);
        case VersionsColumn:
            return count;
        default:
            return qint64(-1);
        }
    case PackageIdRole:
        return top.id;
    case NameRole:
        return group.name;
    case VersionRole:
        return top.version;
    case StatusRole:
        return QString();
    case IsHiddenRole:
        return std::all_of(row.versions.begin(), row.versions.end(),
                           [this](int index) { return m_versions.at(index).hidden; });
    case IsPackageRole:
        return true;
    case CreatedRole:
        return m_versions.createdAt(newest);
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
        return std::all_of(row.versions.begin(), row.versions.end(),
                           [this](int index) { return m_versions.at(index).canDelete; });
    default:
        return {};
    }
}

QVariant PackageTreeModel::versionData(int versionIndex, int column, int role) const
{
    const PackageVersions::Version &version = m_versions.at(versionIndex);
    const Details &details = m_details[size_t(versionIndex)];
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return version.version;
        case CreatedColumn:
            return formatTime(m_versions.createdAt(version));
        case StatusColumn:
            return statusDisplayName(m_versions.status(version));
        case FilesColumn:
        case SizeColumn:
            switch (details.state) {
            case DetailsState::NotLoaded:
                return QString();
            case DetailsState::Loading:
                return tr("…", "the file count or size is being fetched");
            case DetailsState::Failed:
                return tr("?", "the file count or size could not be fetched");
            case DetailsState::Loaded:
                return column == FilesColumn ? QLocale().toString(details.fileCount)
                                             : QLocale().formattedDataSize(details.totalSize);
            }
            return {};
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (details.state == DetailsState::Failed
            && (column == FilesColumn || column == SizeColumn))
            return m_detailErrors.value(versionIndex);
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
            return m_versions.createdAt(version);
        case StatusColumn:
            return m_versions.status(version);
        case FilesColumn:
            return details.fileCount;
        case SizeColumn:
            return details.totalSize;
        default:
            return {};
        }
    case PackageIdRole:
        return version.id;
    case NameRole:
        return m_versions.name(version);
    case VersionRole:
        return version.version;
    case StatusRole:
        return m_versions.status(version);
    case IsHiddenRole:
        return version.hidden;
    case IsPackageRole:
        return false;
    case CreatedRole:
        return m_versions.createdAt(version);
    case FileCountRole:
        return details.fileCount;
    case TotalSizeRole:
        return details.totalSize;
    case DetailsStateRole:
        return int(details.state);
    case DetailsErrorRole:
        return m_detailErrors.value(versionIndex);
    case VersionCountRole:
        return 0;
    case VersionRankRole:
        return version.semverRank;
    case CanDeleteRole:
        return version.canDelete;
    case PipelineUrlRole: {
        const PipelineRef *pipeline = m_versions.pipeline(versionIndex);
        return pipeline ? pipeline->webUrl : QUrl();
    }
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
