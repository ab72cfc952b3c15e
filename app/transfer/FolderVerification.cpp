#include "transfer/FolderVerification.h"

#include "api/GitLabApi.h"
#include "transfer/LocalFingerprints.h"

#include <utility>

namespace Stevedore {

FolderVerification::FolderVerification(QObject *parent)
    : QObject(parent)
{
}

FolderVerification::~FolderVerification() = default;

void FolderVerification::start(GitLabApi &api, const PackageTarget &version, const QString &folder)
{
    m_hashing = new LocalFingerprints(this);
    connect(m_hashing, &LocalFingerprints::progress, this, &FolderVerification::progress);
    connect(m_hashing, &LocalFingerprints::finished, this,
            [this](const LocalFingerprints::Result &local) {
                if (!local.problem.isEmpty())
                    return fail(ApiError(ApiError::Kind::Local, local.problem));
                m_local = local.files;
                m_notes = local.notes;
                compareWhenBothAreKnown();
            });
    m_hashing->start(folder);

    api.existingVersionFiles(version.project, version.packageName, version.version, this,
                             [this](Result<VersionFiles> listed) {
                                 if (!listed.ok())
                                     return fail(listed.error());
                                 m_served = FileFingerprint::servedBy(listed.value());
                                 compareWhenBothAreKnown();
                             });
}

// The first failure of the two look-ups is the one reported; it stops the hashing.
void FolderVerification::fail(const ApiError &error)
{
    if (std::exchange(m_ended, true))
        return;
    delete std::exchange(m_hashing, nullptr);
    Q_EMIT failed(error);
}

void FolderVerification::compareWhenBothAreKnown()
{
    if (!m_local || !m_served || std::exchange(m_ended, true))
        return;
    Q_EMIT finished({FileComparison::compare(*m_served, *m_local), m_notes});
}

} // namespace Stevedore
