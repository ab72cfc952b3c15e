#include "cli/PublishCommand.h"

#include "core/Version.h"
#include "transfer/LocalSelection.h"
#include "transfer/UploadJob.h"
#include "validate/NameRules.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Stevedore {

PublishCommand::PublishCommand(Console &console, bool json, bool quiet)
    : m_console(console)
    , m_json(json)
    , m_quiet(quiet)
{
}

PublishCommand::~PublishCommand() = default;

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

    if (parser.isSet(QStringLiteral("file-name"))) {
        for (const QString &path : args.mid(3)) {
            if (QFileInfo(path).isDir()) {
                m_localProblem =
                    tr("%1 is a folder, not a regular file; --file-name names one file.").arg(path);
                return {}; // checkLocally() reports it
            }
        }
    }
    const LocalSelection selection =
        LocalSelection::expand(args.mid(3), parser.isSet(QStringLiteral("follow-symlinks")));
    for (const LocalSelection::Unpublishable &entry : selection.unpublishable) {
        if (!entry.isNote() && m_localProblem.isEmpty())
            m_localProblem = tr("%1 %2").arg(entry.path, entry.reason);
        else if (entry.isNote())
            m_notes << tr("note: %1 %2").arg(entry.path, entry.reason);
    }
    for (const LocalSelection::File &file : selection.files)
        m_files.append({file.localPath, file.fileName});
    if (!m_localProblem.isEmpty())
        return {}; // checkLocally() reports it
    if (m_files.isEmpty())
        return tr("There is no file to publish.");
    if (parser.isSet(QStringLiteral("file-name"))) {
        if (m_files.size() != 1)
            return tr("--file-name names one file; %1 files were given.").arg(m_files.size());
        m_files.first().fileName = parser.value(QStringLiteral("file-name"));
    }
    for (const Planned &file : std::as_const(m_files)) {
        QString problem;
        if (!NameRules::splitUploadPath(file.fileName, &problem)) {
            QStringList suggested;
            for (const QString &segment : file.fileName.split(QLatin1Char('/'), Qt::SkipEmptyParts))
                suggested << NameRules::suggestFileName(segment);
            return tr("\"%1\": %2 Try --file-name \"%3\".")
                .arg(file.fileName, problem, suggested.join(QLatin1Char('/')));
        }
    }
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

void PublishCommand::run(GitLabApi &api)
{
    if (!m_quiet) {
        for (const QString &note : std::as_const(m_notes))
            m_console.err(note + QLatin1Char('\n'));
    }
    m_queue = std::make_unique<UploadQueue>([&api](const QString &) { return &api; }, QString());
    m_queue->setRetryPolicy(api.client().retryPolicy());
    connect(m_queue.get(), &UploadQueue::itemChanged, this, &PublishCommand::report);
    connect(m_queue.get(), &UploadQueue::idle, this, &PublishCommand::summarize);
    connect(
        m_queue.get(), &UploadQueue::progress, this,
        [this](const QString &id, qint64 sent, qint64 total) {
            if (m_quiet || (m_progressClock.isValid() && m_progressClock.elapsed() < 200))
                return;
            m_progressClock.start();
            const QueueItem *item = m_queue->item(id);
            m_console.progress(
                tr("%1  %2%").arg(item->target.fileName).arg(total > 0 ? sent * 100 / total : 0));
        });
    for (const Planned &file : std::as_const(m_files)) {
        QueueItem item;
        item.target = m_version;
        item.target.fileName = file.fileName;
        item.localPath = file.localPath;
        item.hidden = m_hidden;
        item.duplicatePolicy = m_policy;
        m_queue->add(item);
    }
}

void PublishCommand::report(const QString &id)
{
    const QueueItem *item = m_queue->item(id);
    if (!item || m_quiet || m_json)
        return;
    if (item->state == QueueItem::State::Queued && !item->errorMessage.isEmpty()) {
        m_console.endProgress();
        m_console.err(tr("%1: attempt %2 failed: %3\n")
                          .arg(item->target.fileName)
                          .arg(item->attempts)
                          .arg(item->errorMessage));
    }
    if (!item->isFinal())
        return;
    m_console.endProgress();
    switch (item->state) {
    case QueueItem::State::Done:
        m_console.out(tr("published %1  %2\n").arg(item->target.fileName, item->sha256));
        break;
    case QueueItem::State::Skipped:
        m_console.out(
            tr("skipped   %1  (the same content is already there)\n").arg(item->target.fileName));
        break;
    default:
        break;
    }
}

void PublishCommand::summarize()
{
    m_console.endProgress();
    int exitCode = 0;
    QJsonArray json;
    for (const QueueItem &item : m_queue->items()) {
        json.append(QJsonObject{{QStringLiteral("file"), item.localPath},
                                {QStringLiteral("name"), item.target.fileName},
                                {QStringLiteral("state"), queueStateId(item.state)},
                                {QStringLiteral("sha256"), item.sha256},
                                {QStringLiteral("attempts"), item.attempts},
                                {QStringLiteral("error"), item.errorMessage}});
        if (item.state == QueueItem::State::Failed) {
            m_console.err(executableName() + QStringLiteral(": ") + item.errorMessage
                          + QLatin1Char('\n'));
            if (exitCode == 0)
                exitCode = ApiError(item.errorKind, item.errorMessage).exitCode();
        }
    }
    if (m_json)
        m_console.out(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
    Q_EMIT finished(exitCode);
}

} // namespace Stevedore
