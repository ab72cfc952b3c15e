#include "transfer/TransferQueue.h"

#include "transfer/LocalTarget.h"
#include "transfer/UploadJob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace Stevedore {

TransferQueue::TransferQueue(ApiProvider apis, QString journalPath, QObject *parent)
    : QObject(parent)
    , m_apis(std::move(apis))
{
    qRegisterMetaType<TransferTask::Outcome>();
    m_wakeUp.setSingleShot(true);
    connect(&m_wakeUp, &QTimer::timeout, this, &TransferQueue::startNext);
    if (journalPath.isEmpty())
        return;
    m_journal.emplace(std::move(journalPath));
    m_items = m_journal->open(&m_loadError);
    bool pending = false;
    for (TransferItem &item : m_items) {
        if (item.state == TransferState::Running || item.state == TransferState::Verifying) {
            // Interrupted by a quit, a crash or a kill: no attempt of its own, and an upload
            // may or may not have reached GitLab.
            item.state = TransferState::Queued;
            item.attempts = std::max(0, item.attempts - 1);
            item.mayHaveArrived = item.isUpload();
        }
        if (item.state == TransferState::Done || item.state == TransferState::Skipped)
            item.done = item.size;
        else
            item.done = alreadyDone(item);
        pending = pending || item.state == TransferState::Queued;
    }
    rebuildIndex();
    m_paused = pending;
}

TransferQueue::~TransferQueue()
{
    for (const Running &running : std::as_const(m_running)) {
        if (running.task) {
            running.task->disconnect(this);
            delete running.task; // a download's .part stays for a later resume
        }
    }
}

TransferItem *TransferQueue::find(const QString &id)
{
    const qsizetype at = m_index.value(id, -1);
    return at < 0 ? nullptr : &m_items[at];
}

const TransferItem *TransferQueue::item(const QString &id) const
{
    return const_cast<TransferQueue *>(this)->find(id);
}

void TransferQueue::rebuildIndex()
{
    m_index.clear();
    m_index.reserve(m_items.size());
    for (qsizetype i = 0; i < m_items.size(); ++i)
        m_index.insert(m_items.at(i).id, i);
}

bool TransferQueue::isIdle() const
{
    return m_running.isEmpty()
           && std::none_of(m_items.begin(), m_items.end(), [](const TransferItem &item) {
                  return item.state == TransferState::Queued;
              });
}

void TransferQueue::setState(TransferItem &item, TransferState state)
{
    item.state = state;
    if (item.isFinal())
        item.finishedAt = QDateTime::currentDateTimeUtc();
    else
        item.finishedAt = {};
    if (state == TransferState::Done || state == TransferState::Skipped) {
        item.errorMessage.clear();
        item.errorKind = ApiError::Kind::None;
        item.waitsForAccount = false;
        if (item.size >= 0)
            item.done = item.size;
    }
    record(item);
}

void TransferQueue::record(TransferItem &item)
{
    if (m_journal) {
        m_journal->put(item);
        compactIfWorthIt();
    }
    Q_EMIT itemChanged(item.id);
}

void TransferQueue::compactIfWorthIt()
{
    if (m_journal && m_journal->wantsCompaction(m_items.size()))
        m_journal->compact(m_items);
}

QStringList TransferQueue::add(QList<TransferItem> items)
{
    QStringList ids;
    QList<const TransferItem *> added;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (TransferItem &item : items) {
        item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        item.state = TransferState::Queued;
        item.attempts = 0;
        item.addedAt = now;
        item.finishedAt = {};
        item.notBefore = {};
        item.errorMessage.clear();
        item.errorKind = ApiError::Kind::None;
        item.waitsForAccount = false;
        item.expectedSha256 = item.expectedSha256.trimmed().toLower();
        if (item.isUpload() && !item.isCopy()) // a copy's size is its source's
            item.size = QFileInfo(item.localPath).size();
        item.done = alreadyDone(item);
        ids << item.id;
        m_index.insert(item.id, m_items.size());
        m_items.append(std::move(item));
    }
    for (const QString &id : std::as_const(ids))
        added << &m_items[m_index.value(id)];
    if (m_journal)
        m_journal->put(added);
    Q_EMIT itemsAdded(ids);
    schedule();
    return ids;
}

void TransferQueue::pause()
{
    if (m_paused)
        return;
    m_paused = true;
    m_wakeUp.stop();
    Q_EMIT pausedChanged(true);
    for (const QString &id : m_running.keys())
        stopRunning(id, true); // onOutcome puts the item back in the queue
}

void TransferQueue::stopRunning(const QString &id, bool pausing)
{
    const auto running = m_running.find(id);
    if (running == m_running.end() || !running->task)
        return;
    running->interruption = pausing ? Interruption::Pause : Interruption::Cancel;
    QPointer<TransferTask> task = running->task;
    task->stop(); // may finish at once, through onOutcome
}

void TransferQueue::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    Q_EMIT pausedChanged(false);
    schedule();
}

void TransferQueue::setParallelDownloads(int count)
{
    m_parallelDownloads = std::max(1, count);
    schedule();
}

void TransferQueue::cancel(const QString &id)
{
    TransferItem *item = find(id);
    if (!item || item->isFinal())
        return;
    if (isRunning(id))
        return stopRunning(id, false); // completes through onOutcome
    removePart(*item);
    complete(*item, TransferState::Cancelled);
}

void TransferQueue::retry(const QString &id)
{
    TransferItem *item = find(id);
    if (!item
        || (item->state != TransferState::Failed && item->state != TransferState::Cancelled
            && item->state != TransferState::Skipped))
        return;
    // A skipped download chose no file of its own: its conflict policy decides again.
    if (item->state == TransferState::Skipped && !item->isUpload())
        item->finalPath.clear();
    item->attempts = 0;
    item->notBefore = {};
    item->errorMessage.clear();
    item->errorKind = ApiError::Kind::None;
    item->waitsForAccount = false;
    setState(*item, TransferState::Queued);
    schedule();
}

void TransferQueue::retryFailed()
{
    QStringList failed;
    for (const TransferItem &item : std::as_const(m_items)) {
        if (item.state == TransferState::Failed)
            failed << item.id;
    }
    for (const QString &id : std::as_const(failed))
        retry(id);
}

void TransferQueue::accountAvailable(const QString &accountId)
{
    QStringList waiting;
    for (const TransferItem &item : std::as_const(m_items)) {
        const bool needsIt = item.accountId == accountId || item.sourceAccountId == accountId;
        if (needsIt && item.state == TransferState::Failed && item.waitsForAccount)
            waiting << item.id;
    }
    for (const QString &id : std::as_const(waiting))
        retry(id);
}

void TransferQueue::setConflictPolicy(const QString &id, ConflictPolicy policy)
{
    TransferItem *item = find(id);
    if (!item || item->isUpload() || item->conflictPolicy == policy || isRunning(id))
        return;
    item->conflictPolicy = policy;
    record(*item);
}

void TransferQueue::remove(const QString &id)
{
    TransferItem *item = find(id);
    if (!item)
        return;
    // The item goes now; onOutcome cleans up a running task's .part once it has stopped.
    if (!isRunning(id) && item->isCopy())
        removePart(*item);
    stopRunning(id, false);
    m_items.removeAt(m_index.value(id));
    rebuildIndex();
    if (m_journal) {
        m_journal->remove(id);
        compactIfWorthIt();
    }
    Q_EMIT itemsRemoved({id});
}

void TransferQueue::clearFinished()
{
    QStringList removed;
    for (const TransferItem &item : std::as_const(m_items)) {
        if (!item.isFinal())
            continue;
        removed << item.id;
        if (item.isCopy())
            removePart(item); // a failed copy's spool
    }
    if (removed.isEmpty())
        return;
    m_items.removeIf([](const TransferItem &item) { return item.isFinal(); });
    rebuildIndex();
    if (m_journal)
        m_journal->compact(m_items);
    Q_EMIT itemsRemoved(removed);
}

void TransferQueue::clear()
{
    QStringList removed;
    for (const TransferItem &item : std::as_const(m_items)) {
        removed << item.id;
        if (!isRunning(item.id))
            removePart(item);
    }
    m_items.clear();
    m_index.clear();
    if (m_journal)
        m_journal->compact(m_items);
    if (!removed.isEmpty())
        Q_EMIT itemsRemoved(removed);
    // Their items are gone: onOutcome removes each .part once its task has stopped.
    for (const QString &id : m_running.keys())
        stopRunning(id, false);
}

void TransferQueue::discardJournal()
{
    if (m_journal)
        m_journal->discard();
}

void TransferQueue::schedule()
{
    QMetaObject::invokeMethod(this, &TransferQueue::startNext, Qt::QueuedConnection);
}

// An upload starts only when nothing runs, and nothing starts beside it; downloads start
// while fewer than m_parallelDownloads run. Items start in queue order: a download queued
// behind an upload waits for it.
bool TransferQueue::mayStart(const TransferItem &item) const
{
    if (m_running.isEmpty())
        return true;
    if (item.isUpload() || m_running.size() >= m_parallelDownloads)
        return false;
    // Two downloads of one name into one folder run one after the other, so that the second
    // sees the first's file (and keeps both, skips or overwrites as asked).
    const QString path = wantedPath(item);
    return std::none_of(m_running.begin(), m_running.end(), [&path](const Running &running) {
        return running.upload || running.wantedPath == path;
    });
}

QString TransferQueue::wantedPath(const TransferItem &item)
{
    if (item.isUpload() || item.folder.isEmpty())
        return item.localPath;
    return QDir::cleanPath(item.folder + QLatin1Char('/') + item.target.fileName);
}

void TransferQueue::startNext()
{
    if (m_paused)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 wait = -1;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        TransferItem &item = m_items[i];
        if (item.state != TransferState::Queued)
            continue;
        if (item.notBefore.isValid() && item.notBefore > now) {
            const qint64 until = now.msecsTo(item.notBefore);
            wait = wait < 0 ? until : std::min(wait, until);
            continue;
        }
        if (!mayStart(item))
            break;
        std::shared_ptr<GitLabApi> api = m_apis ? m_apis(item.accountId) : nullptr;
        if (!api) {
            item.errorMessage = tr("The account this transfer was queued with is not signed in. "
                                   "It continues when you sign in to that account again.");
            item.errorKind = ApiError::Kind::Configuration;
            item.waitsForAccount = true;
            return complete(item, TransferState::Failed); // which schedules the next
        }
        std::shared_ptr<GitLabApi> sourceApi;
        if (item.isCopy()) {
            sourceApi = m_apis(item.sourceAccountId);
            if (!sourceApi) {
                item.errorMessage = tr("The account this copy comes from is not signed in. It "
                                       "continues when you sign in to that account again.");
                item.errorKind = ApiError::Kind::Configuration;
                item.waitsForAccount = true;
                return complete(item, TransferState::Failed);
            }
        }
        if (item.isUpload()) {
            // A name or file that cannot be sent is no attempt: nothing goes out for it. A
            // copy's file is fetched when it starts.
            if (const ApiError local = item.isCopy()
                                           ? UploadJob::checkNames(item.target)
                                           : UploadJob::checkLocally(item.target, item.localPath);
                local.isError()) {
                item.errorMessage = local.message();
                item.errorKind = local.kind();
                return complete(item, TransferState::Failed);
            }
        }
        start(item, std::move(api), std::move(sourceApi));
        if (m_paused)
            return;
    }
    if (wait >= 0 && !m_wakeUp.isActive())
        m_wakeUp.start(std::chrono::milliseconds(wait));
}

void TransferQueue::start(TransferItem &item, std::shared_ptr<GitLabApi> api,
                          std::shared_ptr<GitLabApi> sourceApi)
{
    const QString id = item.id;
    item.attempts += 1;
    item.notBefore = {};
    if (item.isUpload())
        item.done = 0;
    TransferTask *task = item.isUpload() ? static_cast<TransferTask *>(
                             new UploadTask(api, item, m_versions, std::move(sourceApi), this))
                                         : new DownloadTask(api, item, this);
    m_running.insert(id, {task, item.isUpload(), wantedPath(item),
                          item.isCopy() ? item.localPath : QString(), Interruption::None});
    connect(task, &TransferTask::progress, this, [this, id](qint64 done, qint64 total) {
        TransferItem *current = find(id);
        if (!current)
            return;
        current->done = done;
        if (total >= 0)
            current->size = total;
        Q_EMIT progress(id, done, total);
    });
    connect(task, &TransferTask::verifying, this, [this, id] {
        if (TransferItem *current = find(id); current && current->state == TransferState::Running)
            setState(*current, TransferState::Verifying);
    });
    connect(task, &TransferTask::finished, this,
            [this, id](const TransferTask::Outcome &outcome) { onOutcome(id, outcome); });
    setState(item, TransferState::Running); // listeners may pause, cancel or remove it
    const auto running = m_running.constFind(id);
    if (running != m_running.constEnd() && running->interruption == Interruption::None)
        task->start();
}

void TransferQueue::onOutcome(const QString &id, const TransferTask::Outcome &outcome)
{
    const Running running = m_running.take(id);
    if (running.task) {
        running.task->disconnect(this);
        running.task->deleteLater();
    }
    const Interruption interruption = running.interruption;
    TransferItem *item = find(id);
    if (!item) { // removed while it ran
        if (!outcome.finalPath.isEmpty())
            QFile::remove(partPathOf(outcome.finalPath));
        if (!running.spoolPath.isEmpty()) {
            QFile::remove(running.spoolPath);
            QFile::remove(partPathOf(running.spoolPath));
        }
        return schedule();
    }
    if (!outcome.finalPath.isEmpty())
        item->finalPath = outcome.finalPath;
    if (!outcome.sha256.isEmpty())
        item->sha256 = outcome.sha256;
    if (outcome.state != TransferState::Failed)
        return complete(*item, outcome.state);
    if (interruption == Interruption::Pause) {
        // Not a failure: it continues on resume() (an upload sends its file again).
        item->attempts = std::max(0, item->attempts - 1);
        item->mayHaveArrived = item->mayHaveArrived || item->isUpload();
        setState(*item, TransferState::Queued);
        return;
    }
    if (interruption == Interruption::Cancel || outcome.error.kind() == ApiError::Kind::Cancelled) {
        // A cut-off upload may still be stored if its whole body had gone out.
        item->mayHaveArrived = item->mayHaveArrived || item->isUpload();
        removePart(*item);
        return complete(*item, TransferState::Cancelled);
    }
    retryOrFail(*item, outcome);
}

void TransferQueue::retryOrFail(TransferItem &item, const TransferTask::Outcome &outcome)
{
    item.mayHaveArrived = item.mayHaveArrived || outcome.mayHaveArrived;
    item.errorKind = outcome.error.kind();
    const RetryPolicy::Decision next = m_retry.after(item.attempts, outcome.error);
    if (item.attempts > 0 && next.retry) {
        item.errorMessage = outcome.error.message() + QLatin1Char(' ') + next.notice;
        item.notBefore = QDateTime::currentDateTimeUtc().addMSecs(next.delay.count());
        qCInfo(lcTransfer) << "attempt" << item.attempts << "of" << item.target.describe()
                           << "failed; retrying in" << next.delay.count() << "ms";
        setState(item, TransferState::Queued);
        schedule();
        return;
    }
    item.errorMessage = next.error.message();
    complete(item, TransferState::Failed);
}

void TransferQueue::complete(TransferItem &item, TransferState state)
{
    item.notBefore = {};
    if (item.isCopy() && (state == TransferState::Done || state == TransferState::Skipped))
        removePart(item);
    if (state == TransferState::Done && !item.isUpload() && !item.finalPath.isEmpty())
        item.size = QFileInfo(item.finalPath).size();
    setState(item, state);
    if (isIdle())
        Q_EMIT idle();
    else
        schedule();
}

qint64 TransferQueue::alreadyDone(const TransferItem &item)
{
    if (item.isUpload())
        return 0; // an upload starts its file again
    // A download resumes what its .part holds (from an earlier attempt or session).
    const QString target = item.finalPath.isEmpty() ? item.localPath : item.finalPath;
    return std::max<qint64>(0, QFileInfo(partPathOf(target)).size());
}

void TransferQueue::removePart(const TransferItem &item) const
{
    if (item.isCopy()) {
        QFile::remove(item.localPath);
        QFile::remove(partPathOf(item.localPath));
    } else if (!item.isUpload() && !item.finalPath.isEmpty()) {
        QFile::remove(partPathOf(item.finalPath));
    }
}

} // namespace Stevedore
