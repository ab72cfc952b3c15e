#include "cli/QueuedCommand.h"

#include "cli/ExitCodes.h"
#include "core/Version.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>

namespace Stevedore {

namespace {

// Two items are the same transfer when they move the same file between the same places.
bool sameTransfer(const TransferItem &a, const TransferItem &b)
{
    return a.direction == b.direction && a.localPath == b.localPath && a.folder == b.folder
           && a.target == b.target && a.sourceAccountId == b.sourceAccountId
           && a.source == b.source;
}

} // namespace

QueuedCommand::QueuedCommand(Console &console, bool json, bool quiet)
    : m_console(console)
    , m_json(json)
    , m_quiet(quiet)
{
}

QueuedCommand::~QueuedCommand() = default;

QString QueuedCommand::statePath(const QString &command, const Account &account,
                                 const QStringList &arguments)
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString base = environment.value(QStringLiteral("XDG_STATE_HOME"));
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/state");
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(account.baseUrl.toEncoded());
    hash.addData(account.name.toUtf8());
    for (const QString &argument : arguments)
        hash.addData(QByteArray(argument.toUtf8() + '\0'));
    return base + QStringLiteral("/stevedore/") + command + QLatin1Char('-')
           + QString::fromLatin1(hash.result().toHex().left(16)) + QStringLiteral(".jsonl");
}

void QueuedCommand::runQueue(GitLabApi &api, QList<TransferItem> wanted, const QString &statePath)
{
    for (TransferItem &item : wanted)
        item.accountId = api.client().account().id;
    runQueue(QList<GitLabApi *>{&api}, wanted, statePath);
}

void QueuedCommand::runQueue(const QList<GitLabApi *> &apis, const QList<TransferItem> &items,
                             const QString &statePath)
{
    // The command owns the APIs for the whole run: non-owning handles.
    QHash<QString, std::shared_ptr<GitLabApi>> handles;
    for (GitLabApi *api : apis)
        handles.insert(api->client().account().id,
                       std::shared_ptr<GitLabApi>(std::shared_ptr<GitLabApi>(), api));
    m_queue = std::make_unique<TransferQueue>(
        [handles](const QString &accountId) { return handles.value(accountId); }, statePath);
    m_queue->setRetryPolicy(m_retry);
    connect(m_queue.get(), &TransferQueue::itemChanged, this, &QueuedCommand::onChanged);
    connect(m_queue.get(), &TransferQueue::idle, this, &QueuedCommand::summarize);
    connect(
        m_queue.get(), &TransferQueue::progress, this,
        [this](const QString &id, qint64 done, qint64 total) {
            if (m_quiet || (m_progressClock.isValid() && m_progressClock.elapsed() < 200))
                return;
            m_progressClock.start();
            const TransferItem *item = m_queue->item(id);
            m_console.progress(
                tr("%1  %2%").arg(item->target.fileName).arg(total > 0 ? done * 100 / total : 0));
        });
    QList<TransferItem> wanted = items;
    resumeEarlierRun(wanted);
    if (!wanted.isEmpty())
        m_queue->add(wanted);
    m_queue->resume();
    if (m_queue->isIdle())
        QMetaObject::invokeMethod(this, &QueuedCommand::summarize, Qt::QueuedConnection);
}

// Keeps what an interrupted run with the same state file did: its done items stay done, the
// others are queued again (an upload that was running is looked for before it is re-sent).
void QueuedCommand::resumeEarlierRun(QList<TransferItem> &wanted)
{
    if (!m_resume) {
        m_queue->clear();
        return;
    }
    QStringList stale;
    int alreadyDone = 0;
    for (const TransferItem &earlier : m_queue->items()) {
        const auto match =
            std::find_if(wanted.begin(), wanted.end(),
                         [&](const TransferItem &item) { return sameTransfer(item, earlier); });
        if (match == wanted.end()) {
            stale << earlier.id;
            continue;
        }
        wanted.erase(match);
        if (earlier.state == TransferState::Done || earlier.state == TransferState::Skipped)
            ++alreadyDone;
        else
            m_queue->retry(earlier.id);
    }
    for (const QString &id : std::as_const(stale))
        m_queue->remove(id);
    if (!m_queue->items().isEmpty() && !m_quiet)
        m_console.err(tr("note: resuming an interrupted run; %1 of %n file(s) were done already "
                         "(--no-resume starts afresh).\n",
                         "", int(m_queue->items().size() + wanted.size()))
                          .arg(alreadyDone));
}

void QueuedCommand::onChanged(const QString &id)
{
    const TransferItem *item = m_queue->item(id);
    if (!item || m_quiet || m_json)
        return;
    if (item->state == TransferState::Queued && !item->errorMessage.isEmpty()) {
        m_console.endProgress();
        m_console.err(tr("%1: attempt %2 failed: %3\n")
                          .arg(item->target.fileName)
                          .arg(item->attempts)
                          .arg(item->errorMessage));
    }
    if (item->state == TransferState::Done || item->state == TransferState::Skipped) {
        m_console.endProgress();
        m_console.out(doneLine(*item));
    }
}

void QueuedCommand::summarize()
{
    if (std::exchange(m_summarized, true))
        return;
    m_console.endProgress();
    int exitCode = 0;
    for (const TransferItem &item : m_queue->items()) {
        const ApiError problem = item.state == TransferState::Failed
                                     ? ApiError(item.errorKind, item.errorMessage)
                                     : checkDone(item);
        if (!problem.isError())
            continue;
        m_console.err(executableName() + QStringLiteral(": ") + problem.message()
                      + QLatin1Char('\n'));
        if (exitCode == 0)
            exitCode = ExitCode::of(problem);
    }
    if (exitCode == 0)
        m_queue->discardJournal();
    conclude(exitCode);
}

void QueuedCommand::conclude(int exitCode)
{
    Q_EMIT finished(exitCode);
}

void QueuedCommand::printItemsAsJson(
    const std::function<QJsonObject(const TransferItem &)> &entry) const
{
    if (!m_json)
        return;
    QJsonArray json;
    for (const TransferItem &item : m_queue->items())
        json.append(entry(item));
    m_console.out(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
}

const QList<TransferItem> &QueuedCommand::items() const
{
    return m_queue->items();
}

} // namespace Stevedore
