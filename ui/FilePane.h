#pragma once

#include "model/PackageFileModel.h"
#include "model/SortProxyModel.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace Stevedore {

// The right side: the files of the selected version, folders as folders, older duplicate
// uploads under the copy GitLab serves. A header click sorts the view; folders stay first.
class FilePane final : public QWidget
{
    Q_OBJECT

public:
    explicit FilePane(QWidget *parent = nullptr);

    PackageFileModel *model() { return &m_model; }
    QTreeView *view() const { return m_view; } // its model is the sorted one, not model()
    void setHeading(const QString &text);
    // The selected files (folders expand to the files below them), newest copies only unless
    // an older copy itself is selected.
    QList<PackageFile> selectedFiles() const;

private:
    PackageFileModel m_model;
    SortProxyModel m_sorted;
    QLabel *m_heading;
    QTreeView *m_view;
};

} // namespace Stevedore
