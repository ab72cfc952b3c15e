#pragma once

#include "cli/ComparisonCommand.h"

#include <QStringList>

#include <optional>

namespace Stevedore {

// `stevedore diff PROJECT NAME VERSION_A [PROJECT_B NAME_B] VERSION_B`: the files added,
// removed and changed (by SHA-256) from version A to version B, which may belong to another
// package or project of the same account. Each side is what a download of it gets.
class DiffCommand final : public ComparisonCommand
{
    Q_OBJECT

public:
    using ComparisonCommand::ComparisonCommand;

    // Splits the 4 or 6 arguments into the two versions (B takes A's PROJECT and NAME when
    // they are left out); returns a usage problem for any other count.
    QString prepare(const QStringList &arguments);
    const PackageTarget &versionA() const { return m_a; }
    const PackageTarget &versionB() const { return m_b; }

    void run(GitLabApi &api) override;

private:
    void list(GitLabApi &api, const PackageTarget &version,
              std::optional<QList<FileFingerprint>> &into);
    void compareWhenBothAreKnown();

    PackageTarget m_a, m_b;
    std::optional<QList<FileFingerprint>> m_filesA, m_filesB;
};

} // namespace Stevedore
