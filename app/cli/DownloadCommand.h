#pragma once

#include "api/GitLabApi.h"
#include "cli/Console.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QObject>
#include <QPointer>

namespace Stevedore {

class DownloadJob;

// `stevedore download PROJECT NAME VERSION [FILE...]`: fetches the newest copy of each file,
// one after another, resuming and retrying a file after a network failure, verifying each
// against the SHA-256 GitLab lists.
class DownloadCommand final : public QObject
{
    Q_OBJECT

public:
    DownloadCommand(Console &console, bool json, bool quiet);
    ~DownloadCommand() override;

    // Reads the arguments; returns a usage problem or empty.
    QString prepare(const QCommandLineParser &parser);
    void run(GitLabApi &api);
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void startNext();
    void attempt();
    void onFinished(const Result<Success> &result);
    void report(const QString &target, const ApiError &error); // then the next file
    void fail(const ApiError &error);
    void end();

    Console &m_console;
    bool m_json;
    bool m_quiet;
    GitLabApi *m_api = nullptr;
    QString m_project, m_name, m_version, m_directory;
    QStringList m_wanted;
    bool m_overwrite = false;
    QString m_sha256; // --sha256: the one named file's expected checksum
    RetryPolicy m_retry;
    QList<PackageFile> m_pending;
    PackageFile m_current;
    int m_attempts = 0;
    QPointer<DownloadJob> m_job;
    QJsonArray m_results;
    int m_exitCode = 0;
    QElapsedTimer m_progressClock;
};

} // namespace Stevedore
