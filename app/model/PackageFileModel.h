#pragma once

#include "api/GitLabApi.h"

#include <QAbstractItemModel>
#include <QDateTime>

#include <memory>
#include <vector>

namespace Stevedore {

// The files of one package version as a tree. Files uploaded with a path
// ("site/css/site.css", stored as site%2Fcss%2Fsite.css) appear under folder nodes
// (site › css › site.css). When the same name was uploaded more than once, the newest copy
// (the highest id: the one downloads return) is the row shown, marked IsNewestRole, and the
// older copies are its children, newest first, so a view can collapse them.
class PackageFileModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    enum Column {
        NameColumn,
        SizeColumn,
        CreatedColumn,
        Sha256Column,
        PipelineColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    static constexpr int kShortSha256 = 12; // hex digits the SHA-256 column shows

    enum Role {
        FileIdRole = Qt::UserRole + 1, // qint64; 0 for folders
        StoredNameRole,                // "site%2Fcss%2Fsite.css"; empty for folders
        DisplayNameRole,               // "site/css/site.css"; a folder's path: "site/css"
        SizeRole,                      // qint64 bytes; a folder: its newest files' total
        Sha256Role,                    // 64 lower-case hex digits; empty for folders
        IsFolderRole,                  // bool
        IsNewestRole,    // bool: the copy downloads return (false for older copies, folders)
        PipelineUrlRole, // QUrl of the pipeline that uploaded the file, if any
        CreatedRole,     // QDateTime; a folder: its newest file's
        PackageIdRole,   // qint64
        CopyCountRole,   // int: uploads of this name (1 without duplicates); folders: files
        SortRole,        // the raw value of the cell's column, for QSortFilterProxyModel
    };
    Q_ENUM(Role)

    explicit PackageFileModel(QObject *parent = nullptr);
    ~PackageFileModel() override;

    // Lists the files of one version. The API must outlive the model or the next load().
    void load(GitLabApi *api, const QString &project, qint64 packageId);
    void reload();
    void setFiles(const QList<PackageFile> &files);
    void clear();

    GitLabApi *api() const { return m_api; }
    QString project() const { return m_project; }
    qint64 packageId() const { return m_packageId; }
    bool loading() const { return m_loading; }
    ApiError lastError() const { return m_lastError; }

    // Every file as the API listed it, older copies included.
    const QList<PackageFile> &files() const { return m_files; }
    // The file of a file row (an older copy's own record for an older copy).
    std::optional<PackageFile> fileAt(const QModelIndex &index) const;
    // The newest copy of every file below `folder` (everything for an invalid index; the file
    // itself for a file row), in tree order: what "Download" of a selection fetches.
    QList<PackageFile> newestFiles(const QModelIndex &folder = {}) const;
    // The row of a file ("site/css/site.css", its newest copy) or folder ("site/css").
    QModelIndex indexForPath(const QString &displayName, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded();
    void errorOccurred(const Stevedore::ApiError &error);

private:
    struct Node
    {
        Node *parent = nullptr;
        int row = 0;
        QString name; // the last path segment
        QString path; // the whole display path
        bool folder = false;
        bool newest = true;
        int file = -1;   // index into m_files for files
        int copies = 1;  // files: uploads of this name; folders: newest files below
        qint64 size = 0; // folders: the total of the newest files below
        QDateTime created;
        std::vector<std::unique_ptr<Node>> children;
    };

    void setLoading(bool loading);
    void build(); // inside a reset
    static void finish(Node &node);
    Node *nodeAt(const QModelIndex &index) const;
    void collectNewest(const Node &node, QList<PackageFile> &into) const;

    GitLabApi *m_api = nullptr;
    QString m_project;
    qint64 m_packageId = 0;
    bool m_loading = false;
    ApiError m_lastError;
    QList<PackageFile> m_files;
    std::unique_ptr<Node> m_root;
    std::unique_ptr<QObject> m_requests;
};

} // namespace Stevedore
