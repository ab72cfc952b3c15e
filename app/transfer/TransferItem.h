#pragma once

#include "core/ApiError.h"
#include "core/PackageTarget.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Stevedore {

enum class TransferDirection { Upload, Download };

// The one state of a transfer, for both directions; the queue is the only place that changes
// it, and the view maps it once.
enum class TransferState {
    Queued,    // waiting its turn (or its retry time, or a paused queue)
    Running,   // uploading or downloading
    Verifying, // comparing SHA-256 (and, for a replacing upload, removing older copies)
    Done,
    Skipped, // nothing to do: identical content already there, or an existing file kept
    Failed,
    Cancelled,
};

// What an upload does when the version already has a file of the same name.
enum class DuplicatePolicy {
    SkipIdentical, // the default: skip when the copy GitLab serves has the same SHA-256, else
                   // upload another copy (so a re-run publishes only what is missing)
    KeepBoth,      // GitLab's own behaviour: always upload; the new copy becomes the newest
    Replace,       // upload, then delete the older files of that name in the version
    Fail,          // upload nothing and fail when the name is there already
};

// What a download does when its local file exists. Decided when the download starts, because
// the file may appear or go in between.
enum class ConflictPolicy {
    Overwrite, // replace the existing file once the new one is complete and verified
    KeepBoth,  // download next to it as "name (1).ext", "name (2).ext", …
    Skip,      // leave the existing file alone; the item ends as Skipped
    Refuse,    // leave it alone and fail, saying so (the command line without --overwrite)
};

QString transferStateId(TransferState state); // queued, running, verifying, done, …
std::optional<TransferState> transferStateFromId(const QString &id);
QString duplicatePolicyId(DuplicatePolicy policy); // skip-identical, keep, replace, fail
std::optional<DuplicatePolicy> duplicatePolicyFromId(const QString &id); // also "skip"
QString conflictPolicyId(ConflictPolicy policy); // overwrite, keep, skip, refuse
std::optional<ConflictPolicy> conflictPolicyFromId(const QString &id);

// One file to upload or download, with what the queue knows about it.
struct TransferItem
{
    QString id;
    TransferDirection direction = TransferDirection::Upload;
    QString accountId;
    PackageTarget target; // the file in the registry
    // Upload: the file sent. Download: where the caller wants the file (see folder).
    QString localPath;

    // Uploads
    bool hidden = false;
    DuplicatePolicy duplicatePolicy = DuplicatePolicy::SkipIdentical;
    // Copies: an upload whose file is first fetched from a version of any account (source)
    // into localPath, a private spool file that goes once the copy is done; expectedSha256 and
    // size are then the source file's.
    QString sourceAccountId; // empty: not a copy
    PackageTarget source;
    // Downloads. When folder is set, localPath is computed from it and target.fileName with
    // localTargetPath() when the download starts, so that a name from the server cannot lead
    // outside it.
    QString folder;
    QString expectedSha256; // optional; else the server's checksum (copies: the source's)
    ConflictPolicy conflictPolicy = ConflictPolicy::KeepBoth;

    TransferState state = TransferState::Queued;
    int attempts = 0;
    qint64 size = -1;  // bytes; -1 until known
    qint64 done = 0;   // bytes sent or received (a resumed download counts its .part)
    QString sha256;    // the verified SHA-256, once done
    QString finalPath; // a download's actual file: localPath, or "name (1).ext" for KeepBoth
    QString errorMessage;
    ApiError::Kind errorKind = ApiError::Kind::None;
    bool mayHaveArrived = false;  // an upload lost its answer: look before sending it again
    bool waitsForAccount = false; // failed because its account is not signed in
    QDateTime addedAt;
    QDateTime finishedAt;
    QDateTime notBefore; // backoff: not started again before this time

    bool isFinal() const
    {
        return state == TransferState::Done || state == TransferState::Skipped
               || state == TransferState::Failed || state == TransferState::Cancelled;
    }
    bool isUpload() const { return direction == TransferDirection::Upload; }
    bool isCopy() const { return isUpload() && !sourceAccountId.isEmpty(); }

    QJsonObject toJson() const;
    static std::optional<TransferItem> fromJson(const QJsonObject &object);
};

} // namespace Stevedore
