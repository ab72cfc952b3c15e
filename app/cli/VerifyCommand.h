#pragma once

#include "cli/ComparisonCommand.h"
#include "transfer/LocalFingerprints.h"

#include <QStringList>

#include <optional>

namespace Stevedore {

// `stevedore verify DIR PROJECT NAME VERSION`: hashes the folder's files (on a worker thread)
// while it lists the version, then compares them by SHA-256: DIR/sub/b.txt stands for the
// package's sub/b.txt, as a download of the version lays it out. A file that cannot be read is
// a difference, never skipped.
class VerifyCommand final : public ComparisonCommand
{
    Q_OBJECT

public:
    using ComparisonCommand::ComparisonCommand;

    // DIR PROJECT NAME VERSION, whose names the runner has checked.
    void prepare(const QStringList &arguments);
    void run(GitLabApi &api) override;

private:
    void compareWhenBothAreKnown();

    QString m_folder; // absolute
    PackageTarget m_version;
    LocalFingerprints *m_hashing = nullptr;
    std::optional<LocalFingerprints::Result> m_local;
    std::optional<QList<FileFingerprint>> m_served;
};

} // namespace Stevedore
