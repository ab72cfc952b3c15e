#pragma once

#include "cli/QueuedCommand.h"
#include "transfer/StreamDownloadJob.h"

#include <QCommandLineParser>

namespace Stevedore {

// `stevedore download PROJECT NAME VERSION [FILE...]`: fetches the newest copy of each file
// through the transfer queue, one after another, resuming a file after a network failure (or
// a killed run), verifying each against the SHA-256 GitLab lists. With a deploy token, which
// may not list files, it goes straight to each named file's URL. `-o -` streams one file to
// standard output instead (StreamDownloadJob: no queue, no journal, no retry).
class DownloadCommand final : public QueuedCommand
{
    Q_OBJECT

public:
    using QueuedCommand::QueuedCommand;

    // Reads the arguments; returns a usage problem or empty.
    QString prepare(const QCommandLineParser &parser);
    // `stateKey`: what identifies this run for resuming it (the arguments and the folder).
    void run(GitLabApi &api, const QStringList &stateKey);

private:
    QString prepareStdout();
    TransferItem itemFor(const PackageFile &file) const;
    void transfer(GitLabApi &api, const QList<TransferItem> &items, const QString &statePath);
    void fail(const ApiError &error);
    QString doneLine(const TransferItem &item) const override;
    void conclude(int exitCode) override;
    QJsonObject jsonOf(const TransferItem &item) const;

    QString m_project, m_name, m_version, m_directory;
    QStringList m_wanted;
    bool m_overwrite = false;
    QString m_sha256;        // --sha256: the one named file's expected checksum
    bool m_toStdout = false; // -o -
    std::unique_ptr<StreamDownloadJob> m_stream;
};

} // namespace Stevedore
