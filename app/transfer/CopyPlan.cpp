#include "transfer/CopyPlan.h"

#include "core/PrivateFiles.h"

#include <QDir>

namespace Stevedore {

namespace {
using Kind = FileComparison::Kind;
} // namespace

CopyPlan::CopyPlan(const VersionFiles &source, const VersionFiles &destination)
    : m_comparison(FileComparison::compare(FileFingerprint::servedBy(destination),
                                           FileFingerprint::servedBy(source)))
{
    for (const FileComparison::Entry &entry : m_comparison.entries()) {
        if (entry.kind == Kind::Changed)
            m_conflicts << entry.path;
    }
}

bool CopyPlan::isSent(const FileComparison::Entry &entry, bool replace) const
{
    return entry.kind == Kind::Added || (replace && entry.kind == Kind::Changed);
}

int CopyPlan::fileCount(bool replace) const
{
    int count = 0;
    for (const FileComparison::Entry &entry : m_comparison.entries())
        count += isSent(entry, replace) ? 1 : 0;
    return count;
}

qint64 CopyPlan::byteCount(bool replace) const
{
    qint64 bytes = 0;
    for (const FileComparison::Entry &entry : m_comparison.entries()) {
        if (isSent(entry, replace))
            bytes += entry.after->size;
    }
    return bytes;
}

QList<TransferItem> CopyPlan::items(const CopySide &source, const CopySide &destination,
                                    bool hidden, bool replace, const QString &spoolFolder) const
{
    QList<TransferItem> copies;
    if (isRefused(replace))
        return copies;
    for (const FileComparison::Entry &entry : m_comparison.entries()) {
        if (!isSent(entry, replace))
            continue;
        TransferItem item;
        item.direction = TransferDirection::Upload;
        item.accountId = destination.accountId;
        item.target = destination.version;
        item.target.fileName = entry.path;
        item.sourceAccountId = source.accountId;
        item.source = source.version;
        item.source.fileName = entry.path;
        item.expectedSha256 = entry.after->sha256;
        item.size = entry.after->size;
        item.localPath = spoolFolder + QLatin1Char('/') + item.expectedSha256;
        item.hidden = hidden;
        item.duplicatePolicy =
            entry.kind == Kind::Changed ? DuplicatePolicy::Replace : DuplicatePolicy::SkipIdentical;
        copies.append(item);
    }
    return copies;
}

ApiError CopyPlan::makeSpoolFolder(const QString &spoolFolder)
{
    if (makePrivateFolder(spoolFolder))
        return {};
    return ApiError(ApiError::Kind::Local,
                    tr("Cannot create the folder %1 for the files on their way; check its "
                       "parent's permissions and free space.")
                        .arg(QDir::toNativeSeparators(spoolFolder)));
}

} // namespace Stevedore
