#pragma once

#include "api/GitLabApi.h"
#include "core/PackageTarget.h"
#include "transfer/FileComparison.h"
#include "transfer/TransferItem.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace Stevedore {

// One end of a copy: a package version (its PackageTarget without a file name) as one
// account sees it.
struct CopySide
{
    QString accountId;
    PackageTarget version;

    bool operator==(const CopySide &other) const = default;
};

// What copying one version's files into another version means, from both versions' files:
// the FileComparison of the destination (before) with the source (after), by SHA-256. Files
// only the source has are copied, files already there with the same content and files only
// the destination has are left alone, and files the destination has with other content
// conflict: the copy is refused as a whole unless they are to be replaced. `stevedore copy`
// and the window's promote dialog plan with this, so they copy the same files.
class CopyPlan final
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::CopyPlan)

public:
    CopyPlan(const VersionFiles &source, const VersionFiles &destination);

    const FileComparison &comparison() const { return m_comparison; }
    // The files the destination holds with other content than the source, in NaturalOrder.
    const QStringList &conflicts() const { return m_conflicts; }
    // Nothing may be sent: there are conflicts and they are not to be replaced.
    bool isRefused(bool replace) const { return !replace && !m_conflicts.isEmpty(); }
    // The files that would be sent (new ones, and the conflicting ones when replaced).
    int fileCount(bool replace) const;
    qint64 byteCount(bool replace) const;

    // One upload item per file to send, empty when refused: fetched from `source` into
    // `spoolFolder`/<SHA-256> (named by content, never by the server's file name, so it stays
    // inside the folder), then uploaded to `destination`; new files skip an identical upload,
    // conflicting ones replace the destination's file. The caller creates the spool folder.
    QList<TransferItem> items(const CopySide &source, const CopySide &destination, bool hidden,
                              bool replace, const QString &spoolFolder) const;
    // Creates the private spool folder; the error says what to check when it cannot.
    static ApiError makeSpoolFolder(const QString &spoolFolder);

private:
    bool isSent(const FileComparison::Entry &entry, bool replace) const;

    FileComparison m_comparison;
    QStringList m_conflicts;
};

} // namespace Stevedore
