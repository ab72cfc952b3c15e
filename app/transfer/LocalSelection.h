#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace Stevedore {

// What the user gave to publish (files and folders, dropped or named on the command line),
// expanded into the files to upload and the entries that cannot be published. A folder keeps
// its own name and relative paths: `site` gives `site/index.html`. Links to folders are never
// followed; a link to a file outside the folder it was found in is skipped unless
// followSymlinks is set, so that publishing a folder cannot send what lies elsewhere.
class LocalSelection final
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::LocalSelection)

public:
    struct File
    {
        QString localPath; // absolute
        QString fileName;  // in the package, '/'-separated
        qint64 size = 0;   // in bytes, when it was found
    };

    struct Unpublishable
    {
        enum class Why { Missing, NotRegular, Unreadable, EmptyFolder, LinkToFolder, LinkOutside };
        QString path; // as shown to people (native separators)
        QString reason;
        Why why = Why::Missing;
        // Left out of a folder on purpose (an empty folder, a link): a note, not a failure.
        bool isNote() const
        {
            return why == Why::EmptyFolder || why == Why::LinkToFolder || why == Why::LinkOutside;
        }
    };

    // Touches only the file system, so it may run on any thread. When *stop becomes true (from
    // another thread), it returns soon with an incomplete selection that is meant to be dropped.
    static LocalSelection expand(const QStringList &paths, bool followSymlinks = false,
                                 const std::atomic_bool *stop = nullptr);

    QList<File> files;
    QList<Unpublishable> unpublishable;

private:
    void addFolder(const QString &folder, bool followSymlinks, const std::atomic_bool *stop);
};

} // namespace Stevedore
