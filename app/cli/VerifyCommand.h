#pragma once

#include "cli/ComparisonCommand.h"

#include <QStringList>

namespace Stevedore {

// `stevedore verify DIR PROJECT NAME VERSION`: compares the folder with the version by SHA-256
// (FolderVerification): DIR/sub/b.txt stands for the package's sub/b.txt, as a download of the
// version lays it out. A file that cannot be read is a difference, never skipped.
class VerifyCommand final : public ComparisonCommand
{
    Q_OBJECT

public:
    using ComparisonCommand::ComparisonCommand;

    // DIR PROJECT NAME VERSION, whose names the runner has checked.
    void prepare(const QStringList &arguments);
    void run(GitLabApi &api) override;

private:
    QString m_folder; // absolute
    PackageTarget m_version;
};

} // namespace Stevedore
