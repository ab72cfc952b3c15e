#pragma once

#include "api/GitLabApi.h"
#include "cli/Console.h"
#include "transfer/UploadQueue.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QObject>

#include <memory>

namespace Stevedore {

// `stevedore publish PROJECT NAME VERSION FILE...`: expands folders into path uploads,
// validates every name before the network is touched, then sends the files through a
// one-shot UploadQueue (serial, with retries) and reports each result.
class PublishCommand final : public QObject
{
    Q_OBJECT

public:
    PublishCommand(Console &console, bool json, bool quiet);
    ~PublishCommand() override;

    // Reads the arguments; returns a usage problem (with a suggested valid name) or empty.
    QString prepare(const QCommandLineParser &parser);
    // The local files: each exists, is a file and can be read.
    ApiError checkLocally() const;
    void run(GitLabApi &api);

Q_SIGNALS:
    void finished(int exitCode);

private:
    struct Planned
    {
        QString localPath;
        QString fileName; // in the package, '/'-separated
    };

    void report(const QString &id);
    void summarize();

    Console &m_console;
    bool m_json;
    bool m_quiet;
    PackageTarget m_version; // fileName unused
    bool m_hidden = false;
    DuplicatePolicy m_policy = DuplicatePolicy::SkipIdentical;
    QList<Planned> m_files;
    QStringList m_notes;    // what a folder held that is left out on purpose
    QString m_localProblem; // a given path that cannot be published
    std::unique_ptr<UploadQueue> m_queue;
    QElapsedTimer m_progressClock;
};

} // namespace Stevedore
