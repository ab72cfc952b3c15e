#include "cli/CopyCommand.h"

#include "cli/ComparisonReport.h"
#include "cli/ExitCodes.h"
#include "core/Version.h"
#include "validate/NameRules.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace Stevedore {

namespace {

using Kind = FileComparison::Kind;

} // namespace

std::optional<CopyCommand::Side> CopyCommand::parseSide(const QString &text)
{
    // Project paths, package names and versions hold no '@' or ':', so the last '@' starts
    // the version and the last ':' before it ends the account (whose name may hold a ':').
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return std::nullopt;
    const QString named = text.left(at);
    const qsizetype colon = named.lastIndexOf(QLatin1Char(':'));
    const QString path = named.mid(colon + 1);
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0 || colon == 0) // no PROJECT, or an empty ACCOUNT
        return std::nullopt;
    Side side;
    side.account = colon > 0 ? named.left(colon) : QString();
    side.version = {path.left(slash), path.mid(slash + 1), text.mid(at + 1), {}};
    return side;
}

QString CopyCommand::prepare(const QStringList &arguments, const QString &status,
                             const QString &onDuplicate)
{
    const QStringList names{tr("SRC"), tr("DST")};
    for (int i = 0; i < 2; ++i) {
        const auto side = parseSide(arguments.at(i));
        if (!side)
            return tr("%1 \"%2\" is not [ACCOUNT:]PROJECT/NAME@VERSION, such as "
                      "staging:group/app/app@2.0.0-rc.3.")
                .arg(names.at(i), arguments.at(i));
        (i == 0 ? m_source : m_destination) = *side;
    }
    if (status != QLatin1String("hidden") && status != QLatin1String("default"))
        return tr("--status must be default or hidden, not \"%1\".").arg(status);
    if (onDuplicate != QLatin1String("fail") && onDuplicate != QLatin1String("replace"))
        return tr("--on-duplicate must be fail or replace, not \"%1\" (a copy never adds a "
                  "second file of the same name).")
            .arg(onDuplicate);
    m_hidden = status == QLatin1String("hidden");
    m_replace = onDuplicate == QLatin1String("replace");
    return {};
}

void CopyCommand::run(GitLabApi &source, GitLabApi &destination, const QString &statePath)
{
    m_sourceApi = &source;
    m_destinationApi = &destination;
    m_statePath = statePath;
    const PackageTarget &version = m_source.version;
    source.versionFiles(version.project, version.packageName, version.version, this,
                        [this](Result<VersionFiles> files) {
                            if (!files.ok())
                                return Q_EMIT failed(files.error().withContext(
                                    tr("Reading %1").arg(sideText(m_source, m_sourceApi))));
                            if (!files.value().package)
                                return Q_EMIT failed(ApiError(
                                    ApiError::Kind::NotFound,
                                    tr("%1 does not exist: the project has no such package "
                                       "version ('%2 list PROJECT NAME' lists its versions).")
                                        .arg(sideText(m_source, m_sourceApi), executableName())));
                            onSourceListed(files.value());
                        });
}

void CopyCommand::onSourceListed(const VersionFiles &source)
{
    m_sourceFiles = source;
    const PackageTarget &version = m_destination.version;
    m_destinationApi->versionFiles(
        version.project, version.packageName, version.version, this,
        [this](Result<VersionFiles> files) {
            if (files.ok()) // without such a version yet: the copy creates it
                return onDestinationListed(files.value());
            Q_EMIT failed(files.error().withContext(
                tr("Reading %1").arg(sideText(m_destination, m_destinationApi))));
        });
}

void CopyCommand::onDestinationListed(const VersionFiles &destination)
{
    m_plan.emplace(m_sourceFiles, destination);
    for (const FileComparison::Entry &entry : m_plan->comparison().entries()) {
        m_outcomes.set(entry.path, entry.kind == Kind::Same      ? Outcome::Unchanged
                                   : entry.kind == Kind::Removed ? Outcome::LeftAlone
                                                                 : Outcome::NotDone);
    }
    if (m_plan->isRefused(m_replace)) {
        QStringList different;
        for (const QString &path : m_plan->conflicts())
            different << NameRules::printable(path);
        return Q_EMIT failed(ApiError(
            ApiError::Kind::Duplicate,
            tr("Nothing was copied: %1 already has %n file(s) whose content differs from %2: "
               "%3. Copy to another version, or replace them with --on-duplicate replace.",
               "", int(different.size()))
                .arg(sideText(m_destination, m_destinationApi), sideText(m_source, m_sourceApi),
                     different.join(QStringLiteral(", ")))));
    }
    if (!m_quiet && !m_json) {
        QString plan;
        for (const FileComparison::Entry &entry : m_plan->comparison().entries())
            plan += planLine(entry);
        m_console.out(plan);
    }
    send();
}

void CopyCommand::send()
{
    const QString spool = spoolFolder();
    const QList<TransferItem> copies =
        m_plan->items(copySide(m_source, m_sourceApi), copySide(m_destination, m_destinationApi),
                      m_hidden, m_replace, spool);
    if (const ApiError problem = copies.isEmpty() ? ApiError() : CopyPlan::makeSpoolFolder(spool);
        problem.isError())
        return Q_EMIT failed(problem);
    runQueue({m_sourceApi, m_destinationApi}, copies, m_statePath);
}

CopySide CopyCommand::copySide(const Side &side, const GitLabApi *api) const
{
    return {api->client().account().id, side.version};
}

void CopyCommand::conclude(int exitCode)
{
    m_outcomes.take(items());
    QDir().rmdir(spoolFolder()); // only when empty: a failed copy keeps its spool to resume
    if (m_json) {
        QJsonArray files;
        for (const FileComparison::Entry &entry : m_plan->comparison().entries()) {
            files.append(QJsonObject{
                {QStringLiteral("path"), entry.path},
                {QStringLiteral("plan"), planId(entry.kind)},
                {QStringLiteral("source"), ComparisonReport::fingerprintJson(entry.after)},
                {QStringLiteral("destination"), ComparisonReport::fingerprintJson(entry.before)},
                {QStringLiteral("outcome"), outcomeId(m_outcomes.of(entry.path))},
                {QStringLiteral("error"), m_outcomes.errorOf(entry.path)}});
        }
        QJsonObject counts;
        for (const Kind kind : {Kind::Added, Kind::Changed, Kind::Same, Kind::Removed})
            counts.insert(planId(kind), m_plan->comparison().count(kind));
        const QJsonObject document{
            {QStringLiteral("ok"), exitCode == ExitCode::Success},
            {QStringLiteral("source"), sideJson(m_source, m_sourceApi)},
            {QStringLiteral("destination"), sideJson(m_destination, m_destinationApi)},
            {QStringLiteral("status"),
             m_hidden ? QStringLiteral("hidden") : QStringLiteral("default")},
            {QStringLiteral("on_duplicate"),
             m_replace ? QStringLiteral("replace") : QStringLiteral("fail")},
            {QStringLiteral("counts"), counts},
            {QStringLiteral("files"), files}};
        m_console.out(QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)));
    } else if (!m_quiet) {
        m_console.out(summary(exitCode));
    }
    QueuedCommand::conclude(exitCode);
}

QString CopyCommand::spoolFolder() const
{
    QString folder = m_statePath;
    folder.chop(QStringLiteral(".jsonl").size());
    return folder + QStringLiteral(".spool");
}

QString CopyCommand::planLine(const FileComparison::Entry &entry) const
{
    const QString path = NameRules::printable(entry.path);
    switch (entry.kind) {
    case Kind::Added:
        return tr("+ %1  to copy (%2)\n").arg(path, Console::sizeText(entry.after->size));
    case Kind::Changed:
        return tr("~ %1  to replace (%2 → %3)\n")
            .arg(path, Console::sizeText(entry.before->size), Console::sizeText(entry.after->size));
    case Kind::Same:
        return tr("= %1  already there (%2)\n").arg(path, Console::sizeText(entry.after->size));
    case Kind::Removed:
        return tr("  %1  only in the destination, left alone (%2)\n")
            .arg(path, Console::sizeText(entry.before->size));
    case Kind::Unreadable: // servers' files always have a SHA-256
        break;
    }
    return {};
}

QString CopyCommand::summary(int exitCode) const
{
    QString done =
        m_outcomes.counted({{Outcome::Sent, tr("%1 copied")},
                            {Outcome::Replaced, tr("%1 replaced")},
                            {Outcome::Unchanged, tr("%1 already there")},
                            {Outcome::LeftAlone, tr("%1 only in the destination, left alone")},
                            {Outcome::Failed, tr("%1 failed")},
                            {Outcome::NotDone, tr("%1 not done")}});
    if (done.isEmpty())
        done = tr("the source version has no files");
    const QString from = sideText(m_source, m_sourceApi);
    const QString to = sideText(m_destination, m_destinationApi);
    return exitCode == ExitCode::Success ? tr("Copied %1 to %2: %3.\n").arg(from, to, done)
                                         : tr("Copy of %1 to %2 stopped: %3 (run the same "
                                              "command again to resume).\n")
                                               .arg(from, to, done);
}

QString CopyCommand::sideText(const Side &side, const GitLabApi *api) const
{
    const QString account = api ? api->client().account().name : side.account;
    return NameRules::printable(
        QStringLiteral("%1:%2/%3@%4")
            .arg(account, side.version.project, side.version.packageName, side.version.version));
}

QJsonObject CopyCommand::sideJson(const Side &side, const GitLabApi *api) const
{
    return {{QStringLiteral("account"), api ? api->client().account().name : side.account},
            {QStringLiteral("url"), api ? api->client().account().baseUrl.toString() : QString()},
            {QStringLiteral("project"), side.version.project},
            {QStringLiteral("name"), side.version.packageName},
            {QStringLiteral("version"), side.version.version}};
}

QString CopyCommand::planId(Kind kind)
{
    switch (kind) {
    case Kind::Added:
        return QStringLiteral("new");
    case Kind::Changed:
        return QStringLiteral("changed");
    case Kind::Same:
        return QStringLiteral("same");
    case Kind::Removed:
        return QStringLiteral("only_in_destination");
    case Kind::Unreadable:
        break;
    }
    return {};
}

QString CopyCommand::outcomeId(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Sent:
        return QStringLiteral("copied");
    case Outcome::Replaced:
        return QStringLiteral("replaced");
    case Outcome::Unchanged:
        return QStringLiteral("unchanged");
    case Outcome::LeftAlone:
        return QStringLiteral("left_alone");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::NotDone:
        return QStringLiteral("not_done");
    case Outcome::Planned: // a copy has no dry run
    case Outcome::Deleted: // nor deletes
        break;
    }
    return {};
}

QString CopyCommand::doneLine(const TransferItem &item) const
{
    return FileOutcomes::doneLine(item, tr("copied    %1  %2\n"));
}

} // namespace Stevedore
