#pragma once

#include "core/ApiError.h"
#include "core/PackageTarget.h"
#include "transfer/FileComparison.h"

#include <QObject>
#include <QStringList>

#include <optional>

namespace Stevedore {

class GitLabApi;
class LocalFingerprints;

// A local folder (for example a download) against a version on the server, by SHA-256: the
// folder is hashed on a worker thread (LocalFingerprints) while the version is listed, and
// FileComparison compares the version (before) with the folder (after), so a file missing
// locally is Removed and an extra one in the folder is Added. What `stevedore verify` and the
// window's *Verify download* run. It ends once, with finished() or failed(); deleting it stops
// the hashing and drops the answer.
class FolderVerification final : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        FileComparison comparison;
        QStringList notes; // what the folder walk left out on purpose, with why
    };

    explicit FolderVerification(QObject *parent = nullptr);
    ~FolderVerification() override;

    // `version` names the version (its fileName is not used); `api` must outlive the listing.
    void start(GitLabApi &api, const PackageTarget &version, const QString &folder);

Q_SIGNALS:
    void progress(qint64 hashed, qint64 total);
    void finished(const Stevedore::FolderVerification::Outcome &outcome);
    void failed(const Stevedore::ApiError &error);

private:
    void fail(const ApiError &error);
    void compareWhenBothAreKnown();

    LocalFingerprints *m_hashing = nullptr;
    std::optional<QList<FileFingerprint>> m_local;
    std::optional<QList<FileFingerprint>> m_served;
    QStringList m_notes;
    bool m_ended = false;
};

} // namespace Stevedore
