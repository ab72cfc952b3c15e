#pragma once

#include "cli/QueuedCommand.h"
#include "transfer/StdinSpool.h"

#include <QCommandLineParser>

#include <memory>
#include <optional>

namespace Stevedore {

// `stevedore publish PROJECT NAME VERSION FILE...`: expands folders into path uploads,
// validates every name before the network is touched, then sends the files through the
// transfer queue (serial, with retries, resumable) and reports each result. FILE "-" with
// --file-name publishes standard input (spooled by StdinSpool first).
class PublishCommand final : public QueuedCommand
{
    Q_OBJECT

public:
    using QueuedCommand::QueuedCommand;

    // Reads the arguments; returns a usage problem (with a suggested valid name) or empty.
    QString prepare(const QCommandLineParser &parser);
    // The local files: each exists, is a file and can be read.
    ApiError checkLocally() const;
    // `stateKey`: what identifies this run for resuming it (the arguments and the folder).
    void run(GitLabApi &api, const QStringList &stateKey);

private:
    struct Planned
    {
        QString localPath;
        QString fileName; // in the package, '/'-separated
    };

    QString prepareStdin(const QStringList &files, const std::optional<QString> &fileName);
    void runFromStdin(GitLabApi &api);
    ApiError checkDone(const TransferItem &item) const override;
    QString doneLine(const TransferItem &item) const override;
    void conclude(int exitCode) override;
    QJsonObject jsonOf(const TransferItem &item) const;

    PackageTarget m_version; // fileName unused
    bool m_hidden = false;
    DuplicatePolicy m_policy = DuplicatePolicy::SkipIdentical;
    QList<Planned> m_files;
    QStringList m_notes;    // what a folder held that is left out on purpose
    QString m_localProblem; // a given path that cannot be published
    QString m_stdinName;    // "-": the name standard input gets in the package
    std::unique_ptr<StdinSpool> m_spool;
};

} // namespace Stevedore
