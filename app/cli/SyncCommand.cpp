#include "cli/SyncCommand.h"

#include "cli/ComparisonReport.h"
#include "cli/ExitCodes.h"
#include "core/Version.h"
#include "validate/NameRules.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>
#include <utility>

namespace Stevedore {

namespace {

using Kind = FileComparison::Kind;

} // namespace

void SyncCommand::prepare(const QStringList &arguments, bool deleteRemoved, bool dryRun)
{
    m_folder = QDir(arguments.at(0)).absolutePath();
    m_version = {arguments.at(1), arguments.at(2), arguments.at(3), {}};
    m_delete = deleteRemoved;
    m_dryRun = dryRun;
}

void SyncCommand::run(GitLabApi &api)
{
    m_api = &api;
    m_hashing = new LocalFingerprints(this);
    connect(m_hashing, &LocalFingerprints::progress, this, [this](qint64 hashed, qint64 total) {
        if (!m_quiet && !m_json)
            m_console.progress(
                tr("hashing %1 of %2").arg(Console::sizeText(hashed), Console::sizeText(total)));
    });
    connect(m_hashing, &LocalFingerprints::finished, this, &SyncCommand::onHashed);
    m_hashing->start(m_folder);
}

void SyncCommand::onHashed(const LocalFingerprints::Result &local)
{
    m_console.endProgress();
    if (!local.problem.isEmpty())
        return Q_EMIT failed(ApiError(ApiError::Kind::Local, local.problem));
    QStringList unreadable;
    for (const FileFingerprint &file : local.files) {
        if (!file.problem.isEmpty())
            unreadable << tr("%1: %2").arg(NameRules::printable(file.path), file.problem);
    }
    if (!unreadable.isEmpty()) {
        return Q_EMIT failed(ApiError(
            ApiError::Kind::Local,
            tr("Nothing was sent: %n file(s) in the folder cannot be read, so it is not known "
               "whether the version has them. Make them readable or move them out of %1.",
               "", int(unreadable.size()))
                    .arg(QDir::toNativeSeparators(m_folder))
                + QLatin1Char('\n') + unreadable.join(QLatin1Char('\n'))));
    }
    if (const std::optional<QString> refusal = SyncPlan::refusedName(local.files))
        return Q_EMIT refused(*refusal);
    m_local = local.files;
    m_notes = local.notes;
    m_api->versionFiles(m_version.project, m_version.packageName, m_version.version, this,
                        [this](Result<VersionFiles> version) {
                            if (!version.ok())
                                return Q_EMIT failed(version.error());
                            onListed(version.value());
                        });
}

void SyncCommand::onListed(const VersionFiles &version)
{
    m_plan = SyncPlan(m_folder, m_version, m_local, version);
    for (const FileComparison::Entry &entry : m_plan->comparison().entries()) {
        if (entry.kind == Kind::Same)
            m_outcomes.set(entry.path, Outcome::Unchanged);
        else if (entry.kind == Kind::Removed && !m_delete)
            m_outcomes.set(entry.path, Outcome::LeftAlone);
        else
            m_outcomes.set(entry.path, m_dryRun ? Outcome::Planned : Outcome::NotDone);
    }
    if (!m_quiet && !m_json) {
        for (const QString &note : std::as_const(m_notes))
            m_console.err(tr("note: %1\n").arg(note));
        QString plan;
        for (const FileComparison::Entry &entry : m_plan->comparison().entries())
            plan += planLine(entry);
        m_console.out(plan);
    }
    if (m_dryRun)
        return finish(ExitCode::Success);
    send();
}

void SyncCommand::send()
{
    const Result<QList<TransferItem>> uploads = m_plan->uploads(m_api->client().account().id);
    if (!uploads.ok())
        return Q_EMIT failed(uploads.error());
    runQueue(*m_api, uploads.value(), {});
}

// The uploads ended: their outcomes are known, and the deletions follow when all went well.
void SyncCommand::conclude(int exitCode)
{
    m_outcomes.take(items());
    if (!m_delete || exitCode != ExitCode::Success || !SyncPlan::uploadsSucceeded(items())
        || m_plan->removals().isEmpty())
        return finish(exitCode);
    auto failure = std::make_shared<int>(ExitCode::Success);
    m_plan->deleteRemovals(
        *m_api, this,
        [this, failure](const QString &path, const ApiError &error) {
            if (error.isError()) {
                m_outcomes.fail(path, error.message());
                m_console.err(executableName() + QStringLiteral(": ")
                              + tr("%1: %2").arg(NameRules::printable(path), error.message())
                              + QLatin1Char('\n'));
                *failure = ExitCode::of(error);
                return;
            }
            m_outcomes.set(path, Outcome::Deleted);
            if (!m_quiet && !m_json)
                m_console.out(tr("deleted   %1\n").arg(NameRules::printable(path)));
        },
        [this, failure](bool) { finish(*failure); });
}

void SyncCommand::finish(int exitCode)
{
    if (m_json) {
        QJsonArray files;
        for (const FileComparison::Entry &entry : m_plan->comparison().entries()) {
            files.append(QJsonObject{
                {QStringLiteral("path"), entry.path},
                {QStringLiteral("plan"), planId(entry.kind)},
                {QStringLiteral("version"), ComparisonReport::fingerprintJson(entry.before)},
                {QStringLiteral("local"), ComparisonReport::fingerprintJson(entry.after)},
                {QStringLiteral("outcome"), outcomeId(m_outcomes.of(entry.path))},
                {QStringLiteral("error"), m_outcomes.errorOf(entry.path)}});
        }
        QJsonObject counts;
        for (const Kind kind : {Kind::Added, Kind::Changed, Kind::Same, Kind::Removed})
            counts.insert(planId(kind), m_plan->comparison().count(kind));
        const QJsonObject document{
            {QStringLiteral("ok"), exitCode == ExitCode::Success},
            {QStringLiteral("dry_run"), m_dryRun},
            {QStringLiteral("delete"), m_delete},
            {QStringLiteral("folder"), m_folder},
            {QStringLiteral("version"), ComparisonReport::versionJson(m_version)},
            {QStringLiteral("counts"), counts},
            {QStringLiteral("files"), files},
            {QStringLiteral("notes"), QJsonArray::fromStringList(m_notes)}};
        m_console.out(QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)));
    } else if (!m_quiet) {
        m_console.out(summary(exitCode));
    }
    Q_EMIT finished(exitCode);
}

QString SyncCommand::planLine(const FileComparison::Entry &entry) const
{
    const QString path = NameRules::printable(entry.path);
    switch (entry.kind) {
    case Kind::Added:
        return tr("+ %1  new (%2)\n").arg(path, Console::sizeText(entry.after->size));
    case Kind::Changed:
        return tr("~ %1  changed (%2 → %3)\n")
            .arg(path, Console::sizeText(entry.before->size), Console::sizeText(entry.after->size));
    case Kind::Same:
        return tr("= %1  same (%2)\n").arg(path, Console::sizeText(entry.after->size));
    case Kind::Removed:
        return m_delete
                   ? tr("- %1  removed (%2)\n").arg(path, Console::sizeText(entry.before->size))
                   : tr("- %1  not in the folder, kept (%2)\n")
                         .arg(path, Console::sizeText(entry.before->size));
    case Kind::Unreadable: // stopped the sync before there was a plan
        break;
    }
    return {};
}

QString SyncCommand::summary(int exitCode) const
{
    const QString version = NameRules::printable(m_version.versionText());
    QStringList parts;
    if (m_dryRun) {
        const auto planned = [&](Kind kind, const QString &text) {
            if (const int n = m_plan->comparison().count(kind))
                parts << text.arg(n);
        };
        planned(Kind::Added, tr("%1 to upload"));
        planned(Kind::Changed, tr("%1 to replace"));
        planned(Kind::Removed, m_delete ? tr("%1 to delete") : tr("%1 to keep"));
        planned(Kind::Same, tr("%1 the same"));
        return tr("Dry run, nothing was sent to %1: %2.\n")
            .arg(version,
                 parts.isEmpty() ? tr("the folder is empty") : parts.join(QStringLiteral(", ")));
    }
    QString done = m_outcomes.counted(
        {{Outcome::Sent, tr("%1 uploaded")},
         {Outcome::Replaced, tr("%1 replaced")},
         {Outcome::Deleted, tr("%1 deleted")},
         {Outcome::Unchanged, tr("%1 the same")},
         {Outcome::LeftAlone, tr("%1 kept although not in the folder (--delete deletes them)")},
         {Outcome::Failed, tr("%1 failed")},
         {Outcome::NotDone, tr("%1 not done")}});
    if (done.isEmpty())
        done = tr("the folder is empty");
    const QString folder = QDir::toNativeSeparators(m_folder);
    return exitCode == ExitCode::Success
               ? tr("Synced %1 to %2: %3.\n").arg(folder, version, done)
               : tr("Sync of %1 to %2 stopped: %3.\n").arg(folder, version, done);
}

QString SyncCommand::outcomeId(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Planned:
        return QStringLiteral("planned");
    case Outcome::Sent:
        return QStringLiteral("uploaded");
    case Outcome::Replaced:
        return QStringLiteral("replaced");
    case Outcome::Unchanged:
        return QStringLiteral("unchanged");
    case Outcome::Deleted:
        return QStringLiteral("deleted");
    case Outcome::LeftAlone:
        return QStringLiteral("kept");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::NotDone:
        return QStringLiteral("not_done");
    }
    return {};
}

QString SyncCommand::planId(Kind kind)
{
    switch (kind) {
    case Kind::Added:
        return QStringLiteral("new");
    case Kind::Changed:
        return QStringLiteral("changed");
    case Kind::Same:
        return QStringLiteral("same");
    case Kind::Removed:
        return QStringLiteral("removed");
    case Kind::Unreadable:
        return QStringLiteral("unreadable");
    }
    return {};
}

QString SyncCommand::doneLine(const TransferItem &item) const
{
    return FileOutcomes::doneLine(item, tr("uploaded  %1  %2\n"));
}

} // namespace Stevedore
