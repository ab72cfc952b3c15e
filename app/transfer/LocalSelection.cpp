#include "transfer/LocalSelection.h"

#include "transfer/LocalTarget.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace Stevedore {

namespace {

using Why = LocalSelection::Unpublishable::Why;

bool stopped(const std::atomic_bool *stop)
{
    return stop && stop->load(std::memory_order_relaxed);
}

} // namespace

LocalSelection LocalSelection::expand(const QStringList &paths, bool followSymlinks,
                                      const std::atomic_bool *stop)
{
    LocalSelection selection;
    QSet<QString> seen;
    for (const QString &given : paths) {
        if (stopped(stop))
            break;
        const QFileInfo info(QDir::cleanPath(given));
        const QString absolute = info.absoluteFilePath();
        if (seen.contains(absolute))
            continue;
        seen.insert(absolute);
        const QString shown = QDir::toNativeSeparators(absolute);
        if (!info.exists()) {
            selection.unpublishable.append({shown,
                                            info.isSymLink()
                                                ? tr("is a link to something that does not exist.")
                                                : tr("does not exist."),
                                            Why::Missing});
        } else if (info.isDir()) {
            selection.addFolder(absolute, followSymlinks, stop);
        } else if (!info.isFile()) {
            selection.unpublishable.append(
                {shown, tr("is not a regular file (a device, pipe or socket)."), Why::NotRegular});
        } else if (!info.isReadable()) {
            selection.unpublishable.append(
                {shown, tr("cannot be read (permission denied)."), Why::Unreadable});
        } else {
            selection.files.append({absolute, info.fileName(), info.size()});
        }
    }
    return selection;
}

void LocalSelection::addFolder(const QString &folder, bool followSymlinks,
                               const std::atomic_bool *stop)
{
    const QFileInfo folderInfo(folder);
    const QString shownFolder = QDir::toNativeSeparators(folder);
    if (!folderInfo.isReadable() || !folderInfo.isExecutable()) {
        unpublishable.append(
            {shownFolder, tr("is a folder that cannot be read."), Why::Unreadable});
        return;
    }
    const QString canonicalFolder = folderInfo.canonicalFilePath();
    const QDir base = folderInfo.absoluteDir();
    QList<File> found; // fileName set below, once sorted
    QList<Unpublishable> problems;
    int emptyFolders = 0;
    QDirIterator it(folder, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (stopped(stop))
            return;
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        const QString shown = QDir::toNativeSeparators(path);
        if (info.isSymLink() && info.isDir()) {
            problems.append({shown, tr("is a link to a folder; links to folders are not followed."),
                             Why::LinkToFolder});
        } else if (info.isDir()) {
            if (!info.isReadable() || !info.isExecutable()) {
                problems.append({shown, tr("is a folder that cannot be read."), Why::Unreadable});
            } else if (QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden
                                          | QDir::System)) {
                problems.append({shown, tr("is an empty folder; GitLab stores files, not folders."),
                                 Why::EmptyFolder});
                ++emptyFolders;
            }
        } else if (!info.exists()) {
            problems.append(
                {shown, tr("is a link to something that does not exist."), Why::Missing});
        } else if (info.isSymLink() && !followSymlinks
                   && !isInsideFolder(info.canonicalFilePath(), canonicalFolder)) {
            problems.append({shown,
                             tr("is a link to %1, outside the folder; it is skipped "
                                "(--follow-symlinks publishes such links).")
                                 .arg(QDir::toNativeSeparators(info.canonicalFilePath())),
                             Why::LinkOutside});
        } else if (!info.isFile()) {
            problems.append(
                {shown, tr("is not a regular file (a device, pipe or socket)."), Why::NotRegular});
        } else if (!info.isReadable()) {
            problems.append({shown, tr("cannot be read (permission denied)."), Why::Unreadable});
        } else {
            found.append({path, QString(), info.size()});
        }
    }

    if (found.isEmpty() && emptyFolders == problems.size()) {
        // Nothing but (empty) folders: say it once, about the folder that was given.
        unpublishable.append({shownFolder,
                              tr("is an empty folder: there are no files in it to publish."),
                              Why::EmptyFolder});
        return;
    }
    std::sort(problems.begin(), problems.end(),
              [](const Unpublishable &a, const Unpublishable &b) { return a.path < b.path; });
    unpublishable.append(problems);
    if (found.isEmpty()) {
        unpublishable.append(
            {shownFolder, tr("holds no file that can be published."), Why::EmptyFolder});
        return;
    }
    std::sort(found.begin(), found.end(),
              [](const File &a, const File &b) { return a.localPath < b.localPath; });
    for (File &file : found) {
        file.fileName = base.relativeFilePath(file.localPath);
        files.append(std::move(file));
    }
}

} // namespace Stevedore
