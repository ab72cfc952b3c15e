#include "cli/DownloadCommand.h"

#include "core/Version.h"
#include "transfer/DownloadJob.h"
#include "transfer/LocalTarget.h"
#include "validate/NameRules.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
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

QString DownloadCommand::prepare(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    m_project = args[0];
    m_name = args[1];
    m_version = args[2];
    m_wanted = args.mid(3);
    m_directory = parser.value(QStringLiteral("output"));
    m_overwrite = parser.isSet(QStringLiteral("overwrite"));
    m_sha256 = parser.value(QStringLiteral("sha256")).toLower();
    static const QRegularExpression hex(QStringLiteral("\\A[0-9a-f]{64}\\z"));
    if (parser.isSet(QStringLiteral("sha256")) && !hex.match(m_sha256).hasMatch())
        return tr("--sha256 takes the 64 hexadecimal digits of a SHA-256 checksum.");
    if (!m_sha256.isEmpty() && m_wanted.size() != 1)
        return tr("--sha256 checks one file; name exactly one FILE with it.");
    return {};
}

void DownloadCommand::run(GitLabApi &api)
{
    m_api = &api;
    if (api.client().account().kind == CredentialKind::DeployToken) {
        // Deploy tokens may use the generic download URLs only (gitlab-api.md §12): no list.
        if (m_wanted.isEmpty())
            return fail(ApiError(ApiError::Kind::Scope,
                                 tr("A deploy token cannot list the files of a version. Name the "
                                    "files to download: %1 download %2 %3 %4 FILE...")
                                     .arg(executableName(), m_project, m_name, m_version)));
        for (const QString &wanted : std::as_const(m_wanted)) {
            PackageFile file;
            file.storedName = NameRules::splitUploadPath(wanted)->storedName;
            file.sha256 = m_sha256;
            file.size = -1;
            m_pending.append(file);
        }
        return startNext();
    }
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
            if (!m_sha256.isEmpty() && !m_pending.isEmpty()
                && m_pending.constFirst().sha256 != m_sha256)
                return fail(ApiError(
                    ApiError::Kind::Integrity,
                    tr("GitLab lists %1 with SHA-256 %2, not the %3 given with "
                       "--sha256; nothing was downloaded.")
                        .arg(m_wanted.constFirst(), m_pending.constFirst().sha256, m_sha256)));
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
    const Result<QString> target = localTargetPath(m_directory, m_current.displayName());
    if (!target.ok())
        return report(QString(), target.error());
    m_job = new DownloadJob(*m_api, {m_project, m_name, m_version, m_current.displayName()},
                            target.value(), this);
    m_job->setExpectedSha256(m_current.sha256);
    m_job->setExpectedSize(m_current.size);
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
    if (!result.ok()) {
        const RetryPolicy::Decision next = m_retry.after(m_attempts, result.error());
        if (next.retry) {
            if (!m_quiet)
                m_console.err(
                    tr("%1: %2 %3\n")
                        .arg(m_current.displayName(), result.error().message(), next.notice));
            QTimer::singleShot(next.delay, this, &DownloadCommand::attempt);
            return;
        }
        return report(target, next.error);
    }
    report(target, ApiError());
}

void DownloadCommand::report(const QString &target, const ApiError &error)
{
    QJsonObject entry{{QStringLiteral("name"), m_current.displayName()},
                      {QStringLiteral("path"), target},
                      {QStringLiteral("size"), m_current.size},
                      {QStringLiteral("sha256"), m_current.sha256},
                      {QStringLiteral("ok"), !error.isError()}};
    if (!error.isError()) {
        if (!m_quiet && !m_json)
            m_console.out(
                tr("downloaded %1  %2\n").arg(QDir::toNativeSeparators(target), m_current.sha256));
    } else {
        entry.insert(QStringLiteral("error"), error.message());
        m_console.err(executableName() + QStringLiteral(": ") + error.message()
                      + QLatin1Char('\n'));
        if (m_exitCode == 0)
            m_exitCode = error.exitCode();
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
