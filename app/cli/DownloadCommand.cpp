#include "cli/DownloadCommand.h"

#include "core/Version.h"
#include "transfer/DownloadJob.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace Stevedore {

DownloadCommand::DownloadCommand(Console &console, bool json, bool quiet)
    : m_console(console)
    , m_json(json)
    , m_quiet(quiet)
{
}

DownloadCommand::~DownloadCommand()
{
    delete m_job;
}

void DownloadCommand::prepare(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    m_project = args[0];
    m_name = args[1];
    m_version = args[2];
    m_wanted = args.mid(3);
    m_directory = parser.value(QStringLiteral("output"));
    m_overwrite = parser.isSet(QStringLiteral("overwrite"));
}

void DownloadCommand::run(GitLabApi &api)
{
    m_api = &api;
    api.existingVersionFiles(
        m_project, m_name, m_version, this, [this](Result<VersionFiles> version) {
            if (!version.ok())
                return fail(version.error());
            QStringList seen;
            for (const PackageFile &file : version.value().files) {
                const PackageFile *newest = version.value().newest(file.storedName);
                if (seen.contains(file.storedName) || newest->id != file.id)
                    continue;
                if (!m_wanted.isEmpty() && !m_wanted.contains(file.displayName()))
                    continue;
                seen << file.storedName;
                m_pending.append(file);
            }
            for (const QString &wanted : std::as_const(m_wanted)) {
                if (std::none_of(m_pending.begin(), m_pending.end(), [&](const PackageFile &file) {
                        return file.displayName() == wanted;
                    })) {
                    return fail(ApiError(
                        ApiError::Kind::NotFound,
                        tr("%1 %2 has no file named \"%3\".").arg(m_name, m_version, wanted)));
                }
            }
            startNext();
        });
}

void DownloadCommand::startNext()
{
    if (m_pending.isEmpty())
        return end();
    m_current = m_pending.takeFirst();
    m_attempts = 0;
    attempt();
}

void DownloadCommand::attempt()
{
    ++m_attempts;
    const QString target = QDir(m_directory).filePath(m_current.displayName());
    m_job = new DownloadJob(*m_api, {m_project, m_name, m_version, m_current.displayName()}, target,
                            this);
    m_job->setExpectedSha256(m_current.sha256);
    m_job->setOverwrite(m_overwrite);
    connect(m_job, &DownloadJob::finished, this, &DownloadCommand::onFinished);
    connect(m_job, &DownloadJob::progress, this, [this](qint64 received, qint64 total) {
        if (m_quiet || (m_progressClock.isValid() && m_progressClock.elapsed() < 200))
            return;
        m_progressClock.start();
        m_console.progress(
            tr("%1  %2%").arg(m_current.displayName()).arg(total > 0 ? received * 100 / total : 0));
    });
    m_job->start();
}

void DownloadCommand::onFinished(const Result<Success> &result)
{
    const QString target = m_job->targetPath();
    m_job->deleteLater();
    m_job = nullptr;
    m_console.endProgress();
    if (!result.ok() && result.error().isTransient() && m_attempts < kMaxAttempts) {
        const int delay = 1000 << (m_attempts - 1);
        if (!m_quiet)
            m_console.err(tr("%1: %2 Resuming in %3 s.\n")
                              .arg(m_current.displayName(), result.error().message())
                              .arg(delay / 1000));
        QTimer::singleShot(delay, this, &DownloadCommand::attempt);
        return;
    }
    QJsonObject entry{{QStringLiteral("name"), m_current.displayName()},
                      {QStringLiteral("path"), target},
                      {QStringLiteral("size"), m_current.size},
                      {QStringLiteral("sha256"), m_current.sha256},
                      {QStringLiteral("ok"), result.ok()}};
    if (result.ok()) {
        if (!m_quiet && !m_json)
            m_console.out(
                tr("downloaded %1  %2\n").arg(QDir::toNativeSeparators(target), m_current.sha256));
    } else {
        entry.insert(QStringLiteral("error"), result.error().message());
        m_console.err(executableName() + QStringLiteral(": ") + result.error().message()
                      + QLatin1Char('\n'));
        if (m_exitCode == 0)
            m_exitCode = result.error().exitCode();
    }
    m_results.append(entry);
    startNext();
}

void DownloadCommand::fail(const ApiError &error)
{
    m_console.err(executableName() + QStringLiteral(": ") + error.message() + QLatin1Char('\n'));
    m_exitCode = error.exitCode();
    end();
}

void DownloadCommand::end()
{
    if (m_json)
        m_console.out(QString::fromUtf8(QJsonDocument(m_results).toJson(QJsonDocument::Indented)));
    Q_EMIT finished(m_exitCode);
}

} // namespace Stevedore
