#include "FilePane.h"

#include "HeaderSorting.h"
#include "NameColumnFit.h"
#include "PackagePane.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace Stevedore {

FilePane::FilePane(QWidget *parent)
    : QWidget(parent)
    , m_sorted(PackageFileModel::SortRole)
    , m_heading(new QLabel(this))
    , m_view(new QTreeView(this))
{
    m_heading->setObjectName(QStringLiteral("fileHeading"));
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setObjectName(QStringLiteral("fileTree"));
    m_sorted.setSourceModel(&m_model);
    m_sorted.setFirstRole(PackageFileModel::IsFolderRole);
    m_view->setModel(&m_sorted);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setTextElideMode(Qt::ElideMiddle); // long names keep their start and their end
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setResizeContentsPrecision(PackagePane::kRowsMeasured);
    enableHeaderSorting(m_view, QStringLiteral("files"));
    new NameColumnFit(m_view, 0);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_view, 1);
    // Column modes apply to sections that exist, so they are set again once columns appear.
    connect(&m_sorted, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        QHeaderView *header = m_view->header();
        for (int column = 1; column < header->count(); ++column)
            header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    });
    setHeading(tr("Select a version to see its files."));
}

void FilePane::setHeading(const QString &text)
{
    m_heading->setText(text);
}

QList<PackageFile> FilePane::selectedFiles() const
{
    QList<PackageFile> files;
    QList<qint64> seen;
    const std::function<void(const QModelIndex &)> collect = [&](const QModelIndex &index) {
        if (index.data(PackageFileModel::IsFolderRole).toBool()) {
            for (int row = 0; row < m_sorted.rowCount(index); ++row)
                collect(m_sorted.index(row, 0, index));
            return;
        }
        const qint64 id = index.data(PackageFileModel::FileIdRole).toLongLong();
        if (id == 0 || seen.contains(id))
            return;
        seen << id;
        PackageFile file;
        file.id = id;
        file.packageId = index.data(PackageFileModel::PackageIdRole).toLongLong();
        file.storedName = index.data(PackageFileModel::StoredNameRole).toString();
        file.size = index.data(PackageFileModel::SizeRole).toLongLong();
        file.sha256 = index.data(PackageFileModel::Sha256Role).toString();
        files << file;
    };
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        collect(index);
    return files;
}

} // namespace Stevedore
