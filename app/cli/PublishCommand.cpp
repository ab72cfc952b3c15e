#include "cli/PublishCommand.h"

#include "cli/ExitCodes.h"
#include "core/Version.h"
#include "transfer/PublishPlan.h"
#include "transfer/UploadJob.h"
#include "validate/NameRules.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

namespace Stevedore {

namespace {

const QString kStdin = QStringLiteral("-");

} // namespace

QString PublishCommand::prepare(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    m_version = {args[0], args[1], args[2], {}};
    if (const auto problem = NameRules::packageNameProblem(m_version.packageName)) {
        return tr("%1 Try \"%2\".")
            .arg(*problem, NameRules::suggestPackageName(m_version.packageName));
    }
    if (const auto problem = NameRules::versionProblem(m_version.version))
        return tr("%1 Try \"%2\".").arg(*problem, NameRules::suggestVersion(m_version.version));
    const QString status = parser.value(QStringLiteral("status"));
    if (!status.isEmpty() && status != QLatin1String("hidden")
        && status != QLatin1String("default"))
        return tr("--status must be default or hidden, not \"%1\".").arg(status);
    m_hidden = status == QLatin1String("hidden");
    const auto policy = duplicatePolicyFromId(parser.value(QStringLiteral("on-duplicate")));
    if (!policy)
        return tr("--on-duplicate must be skip-identical, keep, replace or fail.");
    m_policy = *policy;

    const bool fileNameGiven = parser.isSet(QStringLiteral("file-name"));
    if (args.mid(3).contains(kStdin))
        return prepareStdin(args.mid(3), fileNameGiven ? parser.value(QStringLiteral("file-name"))
                                                       : std::optional<QString>());
    if (fileNameGiven) {
        for (const QString &path : args.mid(3)) {
            if (QFileInfo(path).isDir()) {
                m_localProblem =
                    tr("%1 is a folder, not a regular file; --file-name names one file.").arg(path);
                return {}; // checkLocally() reports it
            }
        }
    }
    PublishPlan plan =
        PublishPlan::build(args.mid(3), parser.isSet(QStringLiteral("follow-symlinks")));
    for (const PublishPlan::Unpublishable &entry : plan.unpublishable()) {
        if (!entry.isNote() && m_localProblem.isEmpty())
            m_localProblem = tr("%1 %2").arg(entry.path, entry.reason);
        else if (entry.isNote())
            m_notes << tr("note: %1 %2").arg(entry.path, entry.reason);
    }
    if (!m_localProblem.isEmpty())
        return {}; // checkLocally() reports it
    if (plan.rowCount() == 0)
        return tr("There is no file to publish.");
    if (fileNameGiven) {
        if (plan.rowCount() != 1)
            return tr("--file-name names one file; %n file(s) were given.", "", plan.rowCount());
        plan.rename(0, parser.value(QStringLiteral("file-name")));
    }
    for (const PublishPlan::Row &row : plan.rows()) {
        if (!row.rule.isEmpty()) {
            return tr("\"%1\": %2 Try --file-name \"%3\".")
                .arg(row.targetName, row.rule, row.suggestion);
        }
        if (row.duplicateOf >= 0) {
            return tr("\"%1\" would name both %2 and %3 in the package; each file needs its own "
                      "name (publish them one at a time, with --file-name).")
                .arg(row.targetName,
                     QDir::toNativeSeparators(plan.rows().at(row.duplicateOf).localPath),
                     QDir::toNativeSeparators(row.localPath));
        }
    }
    for (const PublishPlan::Row &row : plan.rows())
        m_files.append({row.localPath, row.targetName});
    return {};
}

QString PublishCommand::prepareStdin(const QStringList &files,
                                     const std::optional<QString> &fileName)
{
    if (files.count(kStdin) > 1)
        return tr("\"-\" (standard input) can be given once only.");
    if (files.size() > 1)
        return tr("\"-\" publishes standard input as one file; give no other FILE with it.");
    if (!fileName)
        return tr("\"-\" reads the file from standard input, which has no name: give it one with "
                  "--file-name NAME.");
    QString rule;
    if (!NameRules::splitUploadPath(*fileName, &rule))
        return tr("\"%1\": %2 Try --file-name \"%3\".")
            .arg(*fileName, rule, PublishPlan::suggestUploadPath(*fileName));
    if (::isatty(STDIN_FILENO) == 1)
        return tr("\"-\" reads the file from standard input, which is a terminal here. Pipe the "
                  "file in, e.g. tar c DIR | %1 publish PROJECT NAME VERSION - --file-name "
                  "DIR.tar, or redirect it: < FILE.")
            .arg(executableName());
    m_stdinName = *fileName;
    return {};
}

ApiError PublishCommand::checkLocally() const
{
    if (!m_localProblem.isEmpty())
        return ApiError(ApiError::Kind::Local, m_localProblem);
    for (const Planned &file : m_files) {
        PackageTarget target = m_version;
        target.fileName = file.fileName;
        const ApiError error = UploadJob::checkLocally(target, file.localPath);
        if (error.isError())
            return error;
    }
    return {};
}

void PublishCommand::run(GitLabApi &api, const QStringList &stateKey)
{
    if (!m_stdinName.isEmpty())
        return runFromStdin(api);
    if (!m_quiet) {
        for (const QString &note : std::as_const(m_notes))
            m_console.err(note + QLatin1Char('\n'));
    }
    QList<TransferItem> items;
    for (const Planned &file : std::as_const(m_files)) {
        TransferItem item;
        item.direction = TransferDirection::Upload;
        item.target = m_version;
        item.target.fileName = file.fileName;
        item.localPath = file.localPath;
        item.hidden = m_hidden;
        item.duplicatePolicy = m_policy;
        items.append(item);
    }
    runQueue(api, items, statePath(QStringLiteral("publish"), api.client().account(), stateKey));
}

// Standard input is spooled whole before the upload starts (docs/architecture.md says why), and
// has no journal: a later run reads a new standard input, so there is nothing to resume. The
// queue still retries within this run, re-reading the spool.
void PublishCommand::runFromStdin(GitLabApi &api)
{
    m_spool = std::make_unique<StdinSpool>();
    const ApiError spooled = m_spool->fill(STDIN_FILENO, [this](qint64 bytes) {
        if (!m_quiet)
            m_console.progress(tr("reading standard input  %1").arg(Console::sizeText(bytes)));
    });
    m_console.endProgress();
    if (spooled.isError()) {
        m_console.err(executableName() + QStringLiteral(": ") + spooled.message()
                      + QLatin1Char('\n'));
        if (m_json)
            m_console.out(QStringLiteral("[]\n"));
        QMetaObject::invokeMethod(
            this, [this, spooled] { Q_EMIT finished(ExitCode::of(spooled)); },
            Qt::QueuedConnection);
        return;
    }
    TransferItem item;
    item.direction = TransferDirection::Upload;
    item.target = m_version;
    item.target.fileName = m_stdinName;
    item.localPath = m_spool->path();
    item.hidden = m_hidden;
    item.duplicatePolicy = m_policy;
    runQueue(api, {item}, {});
}

ApiError PublishCommand::checkDone(const TransferItem &item) const
{
    if (!m_spool || item.sha256.compare(m_spool->sha256(), Qt::CaseInsensitive) == 0)
        return {};
    return ApiError(ApiError::Kind::Integrity,
                    tr("Standard input had SHA-256 %1, but GitLab holds %2 with SHA-256 %3; the "
                       "temporary copy was damaged. Delete that file in GitLab and publish again.")
                        .arg(m_spool->sha256(), item.target.fileName, item.sha256));
}

QString PublishCommand::doneLine(const TransferItem &item) const
{
    if (item.state == TransferState::Skipped)
        return tr("skipped   %1  (the same content is already there)\n").arg(item.target.fileName);
    return tr("published %1  %2\n").arg(item.target.fileName, item.sha256);
}

void PublishCommand::conclude(int exitCode)
{
    printItemsAsJson([this](const TransferItem &item) { return jsonOf(item); });
    QueuedCommand::conclude(exitCode);
}

QJsonObject PublishCommand::jsonOf(const TransferItem &item) const
{
    // An item the last check failed is reported failed, as the exit code says.
    const ApiError lastCheck = item.state == TransferState::Failed ? ApiError() : checkDone(item);
    return QJsonObject{
        {QStringLiteral("file"), m_spool ? kStdin : item.localPath},
        {QStringLiteral("name"), item.target.fileName},
        {QStringLiteral("state"),
         transferStateId(lastCheck.isError() ? TransferState::Failed : item.state)},
        {QStringLiteral("sha256"), item.sha256},
        {QStringLiteral("attempts"), item.attempts},
        {QStringLiteral("error"), lastCheck.isError() ? lastCheck.message() : item.errorMessage}};
}

} // namespace Stevedore
