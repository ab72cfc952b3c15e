#include "cli/DownloadCommand.h"

#include "cli/ExitCodes.h"
#include "core/Sha256.h"
#include "core/Version.h"
#include "validate/NameRules.h"

#include <QDir>
#include <QJsonObject>

#include <csignal>
#include <unistd.h>

namespace Stevedore {

QString DownloadCommand::prepare(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    m_project = args[0];
    m_name = args[1];
    m_version = args[2];
    m_wanted = args.mid(3);
    m_toStdout = parser.value(QStringLiteral("output")) == QLatin1String("-");
    m_directory = QDir(parser.value(QStringLiteral("output"))).absolutePath();
    m_overwrite = parser.isSet(QStringLiteral("overwrite"));
    m_sha256 = parser.value(QStringLiteral("sha256")).toLower();
    if (parser.isSet(QStringLiteral("sha256")) && !Sha256::isHexDigest(m_sha256))
        return tr("--sha256 takes the 64 hexadecimal digits of a SHA-256 checksum.");
    if (!m_sha256.isEmpty() && m_wanted.size() != 1)
        return tr("--sha256 checks one file; name exactly one FILE with it.");
    if (m_toStdout)
        return prepareStdout();
    return {};
}

QString DownloadCommand::prepareStdout()
{
    if (m_wanted.size() != 1)
        return tr("-o - writes one file to standard output; name exactly one FILE.");
    if (m_json)
        return tr("-o - writes the file to standard output, which leaves no room for --json.");
    if (::isatty(STDOUT_FILENO) == 1)
        return tr("-o - writes the file to standard output, which is a terminal here. Pipe it "
                  "(| tar x) or redirect it (> FILE).");
    return {};
}

TransferItem DownloadCommand::itemFor(const PackageFile &file) const
{
    TransferItem item;
    item.direction = TransferDirection::Download;
    item.target = {m_project, m_name, m_version, file.displayName()};
    item.folder = m_directory;
    item.localPath = QDir(m_directory).filePath(file.displayName());
    item.expectedSha256 = file.sha256;
    item.size = file.size;
    item.conflictPolicy = m_overwrite ? ConflictPolicy::Overwrite : ConflictPolicy::Refuse;
    return item;
}

void DownloadCommand::run(GitLabApi &api, const QStringList &stateKey)
{
    const QString state = statePath(QStringLiteral("download"), api.client().account(), stateKey);
    if (api.client().account().kind == CredentialKind::DeployToken) {
        // Deploy tokens may use the generic download URLs only (gitlab-api.md §12): no list.
        if (m_wanted.isEmpty())
            return fail(ApiError(ApiError::Kind::Scope,
                                 tr("A deploy token cannot list the files of a version. Name the "
                                    "files to download: %1 download %2 %3 %4 FILE...")
                                     .arg(executableName(), m_project, m_name, m_version)));
        QList<TransferItem> items;
        for (const QString &wanted : std::as_const(m_wanted)) {
            PackageFile file;
            file.storedName = NameRules::splitUploadPath(wanted)->storedName;
            file.sha256 = m_sha256;
            file.size = -1;
            items.append(itemFor(file));
        }
        return transfer(api, items, state);
    }
    api.existingVersionFiles(
        m_project, m_name, m_version, this, [this, &api, state](Result<VersionFiles> version) {
            if (!version.ok())
                return fail(version.error());
            QList<PackageFile> newest = version.value().served();
            if (!m_wanted.isEmpty())
                newest.removeIf([this](const PackageFile &file) {
                    return !m_wanted.contains(file.displayName());
                });
            for (const QString &wanted : std::as_const(m_wanted)) {
                if (std::none_of(newest.begin(), newest.end(), [&](const PackageFile &file) {
                        return file.displayName() == wanted;
                    })) {
                    return fail(ApiError(
                        ApiError::Kind::NotFound,
                        tr("%1 %2 has no file named \"%3\".").arg(m_name, m_version, wanted)));
                }
            }
            if (!m_sha256.isEmpty() && newest.constFirst().sha256 != m_sha256)
                return fail(ApiError(
                    ApiError::Kind::Integrity,
                    tr("GitLab lists %1 with SHA-256 %2, not the %3 given with "
                       "--sha256; nothing was downloaded.")
                        .arg(m_wanted.constFirst(), newest.constFirst().sha256, m_sha256)));
            QList<TransferItem> items;
            for (const PackageFile &file : std::as_const(newest))
                items.append(itemFor(file));
            transfer(api, items, state);
        });
}

void DownloadCommand::transfer(GitLabApi &api, const QList<TransferItem> &items,
                               const QString &statePath)
{
    if (!m_toStdout)
        return runQueue(api, items, statePath);
    const TransferItem &item = items.constFirst();
    // A reader that goes away (| head -c 10) must end the download, not the process.
    ::signal(SIGPIPE, SIG_IGN);
    m_stream = std::make_unique<StreamDownloadJob>(api, item.target, STDOUT_FILENO);
    m_stream->setExpectedSha256(item.expectedSha256);
    m_stream->setExpectedSize(item.size);
    connect(m_stream.get(), &StreamDownloadJob::progress, this,
            [this, name = item.target.fileName](qint64 done, qint64 total) {
                if (!m_quiet)
                    m_console.progress(
                        tr("%1  %2%").arg(name).arg(total > 0 ? done * 100 / total : 0));
            });
    connect(m_stream.get(), &StreamDownloadJob::finished, this,
            [this, name = item.target.fileName](const Result<Success> &result) {
                m_console.endProgress();
                if (m_stream->readerGone())
                    return Q_EMIT finished(ExitCode::ClosedOutput);
                if (!result.ok())
                    return fail(result.error());
                if (!m_quiet)
                    m_console.err(tr("downloaded %1 to standard output  %2\n")
                                      .arg(name, m_stream->verifiedSha256()));
                Q_EMIT finished(ExitCode::Success);
            });
    m_stream->start();
}

void DownloadCommand::fail(const ApiError &error)
{
    m_console.err(executableName() + QStringLiteral(": ") + error.message() + QLatin1Char('\n'));
    if (m_json)
        m_console.out(QStringLiteral("[]\n"));
    Q_EMIT finished(ExitCode::of(error));
}

QString DownloadCommand::doneLine(const TransferItem &item) const
{
    return tr("downloaded %1  %2\n").arg(QDir::toNativeSeparators(item.finalPath), item.sha256);
}

void DownloadCommand::conclude(int exitCode)
{
    printItemsAsJson([this](const TransferItem &item) { return jsonOf(item); });
    QueuedCommand::conclude(exitCode);
}

QJsonObject DownloadCommand::jsonOf(const TransferItem &item) const
{
    QJsonObject entry{
        {QStringLiteral("name"), item.target.fileName},
        {QStringLiteral("path"), item.finalPath},
        {QStringLiteral("size"), item.size},
        {QStringLiteral("sha256"), item.sha256.isEmpty() ? item.expectedSha256 : item.sha256},
        {QStringLiteral("ok"),
         item.state == TransferState::Done || item.state == TransferState::Skipped}};
    if (item.state == TransferState::Failed)
        entry.insert(QStringLiteral("error"), item.errorMessage);
    return entry;
}

} // namespace Stevedore
