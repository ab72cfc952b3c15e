#pragma once

#include "cli/FileOutcomes.h"
#include "cli/QueuedCommand.h"
#include "transfer/CopyPlan.h"

#include <QStringList>

#include <optional>

namespace Stevedore {

// `stevedore copy SRC DST`, each side `[ACCOUNT:]PROJECT/NAME@VERSION`: makes DST hold SRC's
// files, across projects, accounts and GitLab instances. The plan is a CopyPlan: new files are
// copied, the same ones left alone, files only DST has left alone too, and files DST has with
// other content refuse the whole copy before anything is sent unless --on-duplicate replace
// (they are then replaced, as publish's replace policy does). Each file is a copy item of the
// transfer queue: fetched from SRC into a private spool file of its own (verified by SRC's
// SHA-256), uploaded to DST (verified by the SHA-256 DST stores), then its spool goes; so at most
// one file is kept locally at a time, and a run killed half-way and started again with the same
// arguments resumes from its journal.
class CopyCommand final : public QueuedCommand
{
    Q_OBJECT

public:
    using QueuedCommand::QueuedCommand;

    struct Side
    {
        QString account; // empty: the account the options and environment select
        PackageTarget version;
    };
    // "[ACCOUNT:]PROJECT/NAME@VERSION"; std::nullopt when it does not have that shape (the
    // names themselves are checked by the caller).
    static std::optional<Side> parseSide(const QString &text);

    // SRC DST, with --status and --on-duplicate; returns a usage problem, or empty.
    QString prepare(const QStringList &arguments, const QString &status,
                    const QString &onDuplicate);
    const Side &source() const { return m_source; }
    const Side &destination() const { return m_destination; }

    // `statePath`: the run's journal; the spool files go in a private folder beside it.
    void run(GitLabApi &source, GitLabApi &destination, const QString &statePath);

Q_SIGNALS:
    // The copy ended before it sent anything: a version could not be read, or DST has other
    // content under SRC's names.
    void failed(const Stevedore::ApiError &error);

private:
    using Outcome = FileOutcomes::Outcome;

    void onSourceListed(const VersionFiles &source);
    void onDestinationListed(const VersionFiles &destination);
    void send();
    CopySide copySide(const Side &side, const GitLabApi *api) const;
    void conclude(int exitCode) override;

    QString spoolFolder() const; // beside the journal: <state>/stevedore/copy-<hash>.spool
    QString planLine(const FileComparison::Entry &entry) const;
    QString summary(int exitCode) const;
    QString sideText(const Side &side, const GitLabApi *api) const;
    QJsonObject sideJson(const Side &side, const GitLabApi *api) const;
    static QString planId(FileComparison::Kind kind);
    static QString outcomeId(Outcome outcome);
    QString doneLine(const TransferItem &item) const override;

    Side m_source;
    Side m_destination;
    bool m_hidden = false;
    bool m_replace = false;
    GitLabApi *m_sourceApi = nullptr;
    GitLabApi *m_destinationApi = nullptr;
    QString m_statePath;
    VersionFiles m_sourceFiles;
    std::optional<CopyPlan> m_plan;
    FileOutcomes m_outcomes;
};

} // namespace Stevedore
