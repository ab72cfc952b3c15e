#pragma once

#include "api/GitLabApi.h"
#include "core/PackageTarget.h"
#include "core/Result.h"
#include "transfer/FileComparison.h"
#include "transfer/TransferItem.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Stevedore {

// What making a version hold exactly a folder's files takes, worked out before anything is
// sent; `stevedore sync` and the window's Sync folder to version… both plan with it and follow
// its rules. The plan is the FileComparison of the version (before) with the folder (after):
// new files are uploaded with publish's default policy (skipped should identical content have
// arrived since), changed ones with Replace (GitLab serves the new copy, the old ones go), the
// same ones left alone. A file the folder lacks is a removal, deleted only when the person asked
// for deletions and only after every upload of the sync succeeded; it deletes exactly the
// uploads of that name the listing showed when the plan was made, by their ids.
class SyncPlan final
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::SyncPlan)

public:
    // A file of the version the folder does not have: every upload of that name.
    struct Removal
    {
        QString path;
        QList<qint64> fileIds;
    };

    SyncPlan() = default;
    // `local`: the folder's files as LocalFingerprints names them; `served`: the version as
    // GitLabApi::versionFiles() lists it (without a package when it does not exist yet, so that
    // every file is new and the first upload creates it).
    SyncPlan(const QString &folder, const PackageTarget &version,
             const QList<FileFingerprint> &local, const VersionFiles &served);

    // The first file whose name GitLab refuses, as a sentence that says how to fix it.
    static std::optional<QString> refusedName(const QList<FileFingerprint> &local);

    const QString &folder() const { return m_folder; } // absolute
    const PackageTarget &version() const { return m_version; }
    const FileComparison &comparison() const { return m_comparison; }
    const QList<Removal> &removals() const { return m_removals; }
    // Unreadable files: it is not known whether the version has them, so nothing may be sent.
    bool isBlocked() const;
    // Sync would change something: a file to upload, or (deleting) one to delete.
    bool hasWork(bool deleteRemoved) const;

    // The uploads for the transfer queue, in the plan's order; the first file that cannot be
    // sent as it is (UploadJob::checkLocally) is the error instead.
    Result<QList<TransferItem>> uploads(const QString &accountId) const;
    // The removals may be deleted once every upload of the sync has ended like this.
    static bool uploadsSucceeded(const QList<TransferItem> &uploads);

    // Deletes the removals one path after the other. `each` hears of every path (with the error
    // when it failed); the first failure stops it, and `done` says whether all were deleted.
    using EachDeleted = std::function<void(const QString &path, const ApiError &error)>;
    void deleteRemovals(GitLabApi &api, QObject *context, EachDeleted each,
                        std::function<void(bool allDeleted)> done) const;

private:
    QString m_folder;
    PackageTarget m_version;
    FileComparison m_comparison;
    QList<Removal> m_removals;
    qint64 m_packageId = 0;
};

} // namespace Stevedore
