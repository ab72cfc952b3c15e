#include "model/PackageFileModel.h"

#include "core/NaturalOrder.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace Stevedore {

PackageFileModel::PackageFileModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
    , m_requests(std::make_unique<QObject>())
{
    m_root->folder = true;
}

PackageFileModel::~PackageFileModel() = default;

void PackageFileModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void PackageFileModel::load(GitLabApi *api, const QString &project, qint64 packageId)
{
    const bool sameSource = api == m_api && project == m_project && packageId == m_packageId;
    m_api = api;
    m_project = project;
    m_packageId = packageId;
    m_requests = std::make_unique<QObject>();
    m_lastError = {};
    if (!sameSource) {
        beginResetModel();
        m_files.clear();
        build();
        endResetModel();
    }
    if (!m_api || m_project.isEmpty() || packageId <= 0) {
        setLoading(false);
        return;
    }
    setLoading(true);
    m_api->packageFiles(m_project, m_packageId, m_requests.get(),
                        [this](Result<QList<PackageFile>> files) {
                            setLoading(false);
                            if (!files.ok()) {
                                m_lastError = files.error();
                                Q_EMIT errorOccurred(files.error());
                                return;
                            }
                            beginResetModel();
                            m_files = files.value();
                            build();
                            endResetModel();
                            Q_EMIT loaded();
                        });
}

void PackageFileModel::reload()
{
    load(m_api, m_project, m_packageId);
}

void PackageFileModel::setFiles(const QList<PackageFile> &files)
{
    m_requests = std::make_unique<QObject>();
    setLoading(false);
    beginResetModel();
    m_files = files;
    build();
    endResetModel();
}

void PackageFileModel::clear()
{
    m_api = nullptr;
    m_project.clear();
    m_packageId = 0;
    m_lastError = {};
    setFiles({});
}

void PackageFileModel::build()
{
    m_root = std::make_unique<Node>();
    m_root->folder = true;

    // Copies of one stored name, newest (highest id) first.
    QHash<QString, QList<int>> copiesByName;
    QStringList names;
    for (int i = 0; i < m_files.size(); ++i) {
        auto copies = copiesByName.find(m_files.at(i).storedName);
        if (copies == copiesByName.end()) {
            copies = copiesByName.insert(m_files.at(i).storedName, {});
            names << m_files.at(i).storedName;
        }
        copies->append(i);
    }

    QHash<QString, Node *> folders; // by path
    for (const QString &storedName : std::as_const(names)) {
        QList<int> copies = copiesByName.value(storedName);
        std::sort(copies.begin(), copies.end(),
                  [this](int a, int b) { return m_files.at(a).id > m_files.at(b).id; });
        const PackageFile &newest = m_files.at(copies.first());
        const QString path = newest.displayName();
        QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (segments.isEmpty())
            segments << path;
        const QString fileName = segments.takeLast();

        Node *parent = m_root.get();
        QString folderPath;
        for (const QString &segment : std::as_const(segments)) {
            folderPath = folderPath.isEmpty() ? segment : QString(folderPath + u'/' + segment);
            Node *&folder = folders[folderPath];
            if (!folder) {
                auto node = std::make_unique<Node>();
                node->parent = parent;
                node->name = segment;
                node->path = folderPath;
                node->folder = true;
                node->copies = 0;
                folder = node.get();
                parent->children.push_back(std::move(node));
            }
            parent = folder;
        }

        auto file = std::make_unique<Node>();
        file->parent = parent;
        file->name = fileName;
        file->path = path;
        file->file = copies.first();
        file->copies = int(copies.size());
        file->size = newest.size;
        file->created = newest.createdAt;
        for (qsizetype i = 1; i < copies.size(); ++i) {
            const PackageFile &older = m_files.at(copies.at(i));
            auto copy = std::make_unique<Node>();
            copy->parent = file.get();
            copy->row = int(i - 1);
            copy->name = fileName;
            copy->path = path;
            copy->newest = false;
            copy->file = copies.at(i);
            copy->copies = int(copies.size());
            copy->size = older.size;
            copy->created = older.createdAt;
            file->children.push_back(std::move(copy));
        }
        parent->children.push_back(std::move(file));
    }
    finish(*m_root);
}

// Sorts a folder's children (folders first, then in NaturalOrder of their names) and totals its
// newest files.
void PackageFileModel::finish(Node &node)
{
    if (!node.folder)
        return;
    std::sort(node.children.begin(), node.children.end(),
              [](const std::unique_ptr<Node> &a, const std::unique_ptr<Node> &b) {
                  if (a->folder != b->folder)
                      return a->folder;
                  return NaturalOrder::lessThan(a->name, b->name);
              });
    node.size = 0;
    node.copies = 0;
    node.created = {};
    for (size_t i = 0; i < node.children.size(); ++i) {
        Node &child = *node.children[i];
        child.row = int(i);
        finish(child);
        node.size += child.size;
        node.copies += child.folder ? child.copies : 1;
        if (child.created.isValid() && (!node.created.isValid() || child.created > node.created))
            node.created = child.created;
    }
}

PackageFileModel::Node *PackageFileModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return m_root.get();
    return static_cast<Node *>(index.internalPointer());
}

std::optional<PackageFile> PackageFileModel::fileAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return std::nullopt;
    const Node *node = nodeAt(index);
    if (node->folder || node->file < 0)
        return std::nullopt;
    return m_files.at(node->file);
}

void PackageFileModel::collectNewest(const Node &node, QList<PackageFile> &into) const
{
    if (!node.folder) {
        if (node.file >= 0)
            into.append(m_files.at(node.file));
        return;
    }
    for (const auto &child : node.children)
        collectNewest(*child, into);
}

QList<PackageFile> PackageFileModel::newestFiles(const QModelIndex &folder) const
{
    QList<PackageFile> files;
    const Node *node = nodeAt(folder);
    // An older copy stands for itself; a newest copy for itself, not its older children.
    collectNewest(*node, files);
    return files;
}

QModelIndex PackageFileModel::indexForPath(const QString &displayName, int column) const
{
    const QStringList segments = displayName.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const Node *node = m_root.get();
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const bool last = i == segments.size() - 1;
        const Node *next = nullptr;
        for (const auto &child : node->children) {
            // A folder and a file may share a name: path segments walk folders, the last
            // one prefers a file.
            if (child->name != segments.at(i) || (!last && !child->folder))
                continue;
            if (!next || (last && !child->folder))
                next = child.get();
        }
        if (!next)
            return {};
        node = next;
    }
    if (node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex PackageFileModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *node = nodeAt(parent);
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex PackageFileModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = nodeAt(child);
    Node *parent = node->parent;
    if (!parent || parent == m_root.get())
        return {};
    return createIndex(parent->row, 0, parent);
}

int PackageFileModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeAt(parent)->children.size());
}

int PackageFileModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags PackageFileModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (nodeAt(index)->children.empty() && !nodeAt(index)->folder)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant PackageFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case CreatedColumn:
        return tr("Created");
    case Sha256Column:
        return tr("SHA-256");
    case PipelineColumn:
        return tr("Pipeline");
    default:
        return {};
    }
}

QVariant PackageFileModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeAt(index);
    const PackageFile *file = node.file >= 0 ? &m_files.at(node.file) : nullptr;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return node.name;
        case SizeColumn:
            return QLocale().formattedDataSize(node.size);
        case CreatedColumn:
            return node.created.isValid()
                       ? QLocale().toString(node.created.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        case Sha256Column: // enough to compare by eye; the tooltip and Copy give it whole
            return file ? file->sha256.left(kShortSha256) : QString();
        case PipelineColumn:
            return file && file->pipeline ? tr("#%1").arg(file->pipeline->id) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == Sha256Column)
            return file ? file->sha256 : QString();
        if (column != NameColumn)
            return {};
        if (node.folder)
            return tr("%1: %n file(s)", nullptr, node.copies).arg(node.path);
        if (!node.newest)
            return tr("An older upload of %1. Downloads return the newest one.").arg(node.path);
        if (node.copies > 1)
            return tr("%1 was uploaded %n times; this is the newest upload, the one downloads "
                      "return.",
                      nullptr, node.copies)
                .arg(node.path);
        return node.path;
    case Qt::TextAlignmentRole:
        if (column == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (column) {
        case NameColumn:
            return node.name;
        case SizeColumn:
            return node.size;
        case CreatedColumn:
            return node.created;
        case Sha256Column:
            return file ? file->sha256 : QString();
        case PipelineColumn:
            return file && file->pipeline ? file->pipeline->id : qint64(0);
        default:
            return {};
        }
    case FileIdRole:
        return file ? file->id : qint64(0);
    case StoredNameRole:
        return file ? file->storedName : QString();
    case DisplayNameRole:
        return node.path;
    case SizeRole:
        return node.size;
    case Sha256Role:
        return file ? file->sha256 : QString();
    case IsFolderRole:
        return node.folder;
    case IsNewestRole:
        return !node.folder && node.newest;
    case PipelineUrlRole:
        return file && file->pipeline ? file->pipeline->webUrl : QUrl();
    case CreatedRole:
        return node.created;
    case PackageIdRole:
        return file ? file->packageId : m_packageId;
    case CopyCountRole:
        return node.copies;
    default:
        return {};
    }
}

QHash<int, QByteArray> PackageFileModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(FileIdRole, "fileId");
    names.insert(StoredNameRole, "storedName");
    names.insert(DisplayNameRole, "displayName");
    names.insert(SizeRole, "size");
    names.insert(Sha256Role, "sha256");
    names.insert(IsFolderRole, "isFolder");
    names.insert(IsNewestRole, "isNewest");
    names.insert(PipelineUrlRole, "pipelineUrl");
    names.insert(CreatedRole, "created");
    names.insert(PackageIdRole, "packageId");
    names.insert(CopyCountRole, "copyCount");
    names.insert(SortRole, "sortValue");
    return names;
}

} // namespace Stevedore
