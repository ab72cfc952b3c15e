#include "transfer/SyncPlan.h"

#include "transfer/PublishPlan.h"
#include "transfer/UploadJob.h"
#include "validate/NameRules.h"

#include <QDir>

#include <memory>

namespace Stevedore {

namespace {

using Kind = FileComparison::Kind;

// Deletes removals[next…] one after the other.
void deleteFrom(GitLabApi &api, const QString &project, qint64 packageId,
                const QList<SyncPlan::Removal> &removals, qsizetype next, QObject *context,
                const SyncPlan::EachDeleted &each, const std::function<void(bool)> &done)
{
    if (next == removals.size())
        return done(true);
    const SyncPlan::Removal &removal = removals.at(next);
    api.deletePackageFiles(
        project, packageId, removal.fileIds, context,
        [&api, project, packageId, removals, next, context, each, done](Result<Success> deleted) {
            each(removals.at(next).path, deleted.ok() ? ApiError() : deleted.error());
            if (!deleted.ok())
                return done(false);
            deleteFrom(api, project, packageId, removals, next + 1, context, each, done);
        });
}

} // namespace

SyncPlan::SyncPlan(const QString &folder, const PackageTarget &version,
                   const QList<FileFingerprint> &local, const VersionFiles &served)
    : m_folder(QDir(folder).absolutePath())
    , m_version(version)
    , m_comparison(FileComparison::compare(FileFingerprint::servedBy(served), local))
    , m_packageId(served.package ? served.package->id : 0)
{
    m_version.fileName.clear();
    for (const FileComparison::Entry &entry : m_comparison.entries()) {
        if (entry.kind != Kind::Removed)
            continue;
        Removal removal{entry.path, {}};
        for (const PackageFile &file : served.files) {
            if (file.displayName() == entry.path)
                removal.fileIds.append(file.id);
        }
        m_removals.append(removal);
    }
}

std::optional<QString> SyncPlan::refusedName(const QList<FileFingerprint> &local)
{
    for (const FileFingerprint &file : local) {
        QString rule;
        if (file.problem.isEmpty() && !NameRules::splitUploadPath(file.path, &rule)) {
            return tr("\"%1\": %2 Rename it (for example to \"%3\") or move it out of the folder.")
                .arg(NameRules::printable(file.path), rule,
                     PublishPlan::suggestUploadPath(file.path));
        }
    }
    return std::nullopt;
}

bool SyncPlan::isBlocked() const
{
    return m_comparison.count(Kind::Unreadable) > 0;
}

bool SyncPlan::hasWork(bool deleteRemoved) const
{
    return m_comparison.count(Kind::Added) > 0 || m_comparison.count(Kind::Changed) > 0
           || (deleteRemoved && !m_removals.isEmpty());
}

Result<QList<TransferItem>> SyncPlan::uploads(const QString &accountId) const
{
    QList<TransferItem> items;
    for (const FileComparison::Entry &entry : m_comparison.entries()) {
        if (entry.kind != Kind::Added && entry.kind != Kind::Changed)
            continue;
        TransferItem item;
        item.direction = TransferDirection::Upload;
        item.accountId = accountId;
        item.target = m_version;
        item.target.fileName = entry.path;
        item.localPath = QDir(m_folder).filePath(entry.path);
        item.duplicatePolicy =
            entry.kind == Kind::Changed ? DuplicatePolicy::Replace : DuplicatePolicy::SkipIdentical;
        const ApiError local = UploadJob::checkLocally(item.target, item.localPath);
        if (local.isError())
            return local;
        items.append(item);
    }
    return items;
}

bool SyncPlan::uploadsSucceeded(const QList<TransferItem> &uploads)
{
    return std::all_of(uploads.begin(), uploads.end(), [](const TransferItem &item) {
        return item.state == TransferState::Done || item.state == TransferState::Skipped;
    });
}

void SyncPlan::deleteRemovals(GitLabApi &api, QObject *context, EachDeleted each,
                              std::function<void(bool allDeleted)> done) const
{
    deleteFrom(api, m_version.project, m_packageId, m_removals, 0, context, each, done);
}

} // namespace Stevedore
