#pragma once

#include "cli/FileOutcomes.h"
#include "cli/QueuedCommand.h"
#include "transfer/FileComparison.h"
#include "transfer/LocalFingerprints.h"
#include "transfer/SyncPlan.h"

#include <QStringList>

#include <optional>

namespace Stevedore {

// `stevedore sync DIR PROJECT NAME VERSION [--delete] [--dry-run]`: makes the version hold the
// folder's files, as a SyncPlan says (DIR/sub/b.txt is sub/b.txt, as verify and download see
// it): new files are published, changed ones replaced, the same ones left alone, and the ones the
// folder lacks deleted with --delete only, after every upload succeeded. The uploads run through
// the transfer queue, as publish's do. Nothing is requested before the
// folder is hashed and every name in it is one GitLab accepts, and nothing is sent before the
// plan is printed. There is no journal: every run plans afresh from what GitLab holds, so a run
// started again after an interruption sends only what is still missing.
class SyncCommand final : public QueuedCommand
{
    Q_OBJECT

public:
    using QueuedCommand::QueuedCommand;

    // DIR PROJECT NAME VERSION, whose registry names the runner has checked.
    void prepare(const QStringList &arguments, bool deleteRemoved, bool dryRun);
    void run(GitLabApi &api);

Q_SIGNALS:
    // The sync ended before it sent anything: the folder cannot be used or the version not read.
    void failed(const Stevedore::ApiError &error);
    // A file in the folder has a name GitLab refuses; nothing was requested.
    void refused(const QString &usageProblem);

private:
    using Outcome = FileOutcomes::Outcome;

    void onHashed(const LocalFingerprints::Result &local);
    void onListed(const VersionFiles &version);
    void send();
    void conclude(int exitCode) override;
    void finish(int exitCode);

    QString planLine(const FileComparison::Entry &entry) const;
    QString summary(int exitCode) const;
    static QString outcomeId(Outcome outcome);
    static QString planId(FileComparison::Kind kind);
    QString doneLine(const TransferItem &item) const override;

    QString m_folder; // absolute
    PackageTarget m_version;
    bool m_delete = false;
    bool m_dryRun = false;
    GitLabApi *m_api = nullptr;
    LocalFingerprints *m_hashing = nullptr;
    QList<FileFingerprint> m_local;
    QStringList m_notes;
    std::optional<SyncPlan> m_plan;
    FileOutcomes m_outcomes;
};

} // namespace Stevedore
