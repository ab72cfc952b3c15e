#include "transfer/DownloadQueue.h"

#include "transfer/DownloadJob.h"
#include "transfer/LocalTarget.h"
#include "transfer/UploadJob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <array>

namespace Stevedore {

namespace {

constexpr std::array<std::pair<ConflictPolicy, const char *>, 3> kPolicyIds{{
    {ConflictPolicy::Overwrite, "overwrite"},
    {ConflictPolicy::KeepBoth, "keep"},
    {ConflictPolicy::Skip, "skip"},
}};

constexpr std::array<std::pair<DownloadItem::State, const char *>, 7> kStateIds{{
    {DownloadItem::State::Queued, "queued"},
    {DownloadItem::State::Downloading, "downloading"},
    {DownloadItem::State::Verifying, "verifying"},
    {DownloadItem::State::Done, "done"},
    {DownloadItem::State::Failed, "failed"},
    {DownloadItem::State::Cancelled, "cancelled"},
    {DownloadItem::State::Skipped, "skipped"},
}};

} // namespace

QString conflictPolicyId(ConflictPolicy policy)
{
    for (const auto &[candidate, id] : kPolicyIds) {
        if (candidate == policy)
            return QLatin1String(id);
    }
    return {};
}

std::optional<ConflictPolicy> conflictPolicyFromId(const QString &id)
{
    for (const auto &[policy, candidate] : kPolicyIds) {
        if (id == QLatin1String(candidate))
            return policy;
    }
    return std::nullopt;
}

QString downloadStateId(DownloadItem::State state)
{
    for (const auto &[candidate, id] : kStateIds) {
        if (candidate == state)
            return QLatin1String(id);
    }
    return {};
}

DownloadQueue::DownloadQueue(ApiProvider apis, QObject *parent)
    : QObject(parent)
    , m_apis(std::move(apis))
{
    m_wakeUp.setSingleShot(true);
    connect(&m_wakeUp, &QTimer::timeout, this, &DownloadQueue::startNext);
}

DownloadQueue::~DownloadQueue()
{
    if (m_job) {
        m_job->disconnect(this);
        delete m_job; // aborts the request; the .part file stays for a later resume
    }
}

QString DownloadQueue::numberedPath(const QString &path, int number)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const QString directory = path.left(slash + 1);
    const QString name = path.mid(slash + 1);
    // The suffix starts at the last dot, or at ".tar." for compressed tarballs; a leading dot
    // (".env") is part of the name.
    qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    const qsizetype tar = name.lastIndexOf(QLatin1String(".tar."), -1, Qt::CaseInsensitive);
    if (tar > 0 && name.indexOf(QLatin1Char('.'), tar + 5) < 0)
        dot = tar;
    if (dot <= 0)
        dot = name.size();
    const QString numbered = name.left(dot) + QStringLiteral(" (%1)").arg(number) + name.mid(dot);
    return directory + numbered;
}

DownloadItem *DownloadQueue::find(const QString &id)
{
    const auto it = std::find_if(m_items.begin(), m_items.end(),
                                 [&](const DownloadItem &item) { return item.id == id; });
    return it == m_items.end() ? nullptr : &*it;
}

const DownloadItem *DownloadQueue::item(const QString &id) const
{
    return const_cast<DownloadQueue *>(this)->find(id);
}

bool DownloadQueue::isIdle() const
{
    return m_currentId.isEmpty()
           && std::none_of(m_items.begin(), m_items.end(), [](const DownloadItem &item) {
                  return item.state == DownloadItem::State::Queued;
              });
}

void DownloadQueue::changed(DownloadItem &item)
{
    Q_EMIT itemChanged(item.id);
}

QString DownloadQueue::add(DownloadItem item)
{
    item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.state = DownloadItem::State::Queued;
    item.attempts = 0;
    item.addedAt = QDateTime::currentDateTimeUtc();
    item.finishedAt = {};
    item.notBefore = {};
    item.expectedSha256 = item.expectedSha256.trimmed().toLower();
    item.finalPath.clear();
    item.errorMessage.clear();
    item.errorKind = ApiError::Kind::None;
    // A .part left by an earlier session is resumed: show what it already holds.
    item.received = std::max<qint64>(0, QFileInfo(partPathOf(item.localPath)).size());
    m_items.append(item);
    Q_EMIT itemAdded(item.id);
    schedule();
    return item.id;
}

void DownloadQueue::pause()
{
    if (m_paused)
        return;
    m_paused = true;
    m_wakeUp.stop();
    Q_EMIT pausedChanged(true);
    if (m_job) {
        m_interruption = Interruption::Pause;
        m_job->cancel(); // onFinished puts the item back in the queue; the .part is kept
    }
}

void DownloadQueue::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    Q_EMIT pausedChanged(false);
    schedule();
}

void DownloadQueue::cancel(const QString &id)
{
    DownloadItem *item = find(id);
    if (!item || item->isFinal())
        return;
    if (id == m_currentId && m_job) {
        m_interruption = Interruption::Cancel;
        m_job->cancel(); // completes through onFinished
        return;
    }
    if (!item->finalPath.isEmpty())
        QFile::remove(partPathOf(item->finalPath));
    complete(*item, DownloadItem::State::Cancelled);
}

void DownloadQueue::retry(const QString &id)
{
    DownloadItem *item = find(id);
    if (!item
        || (item->state != DownloadItem::State::Failed
            && item->state != DownloadItem::State::Cancelled
            && item->state != DownloadItem::State::Skipped))
        return;
    item->state = DownloadItem::State::Queued;
    item->attempts = 0;
    item->notBefore = {};
    item->finishedAt = {};
    item->errorMessage.clear();
    item->errorKind = ApiError::Kind::None;
    changed(*item);
    schedule();
}

void DownloadQueue::setConflictPolicy(const QString &id, ConflictPolicy policy)
{
    DownloadItem *item = find(id);
    if (!item || item->conflictPolicy == policy || id == m_currentId)
        return;
    item->conflictPolicy = policy;
    changed(*item);
}

void DownloadQueue::retryFailed()
{
    QStringList failed;
    for (const DownloadItem &item : std::as_const(m_items)) {
        if (item.state == DownloadItem::State::Failed)
            failed << item.id;
    }
    for (const QString &id : std::as_const(failed))
        retry(id);
}

void DownloadQueue::remove(const QString &id)
{
    if (!find(id))
        return;
    if (id == m_currentId && m_job) {
        // The item goes now; onFinished cleans up the job's .part once it has stopped.
        m_interruption = Interruption::Cancel;
        m_items.removeIf([&](const DownloadItem &item) { return item.id == id; });
        Q_EMIT itemRemoved(id);
        if (m_job)
            m_job->cancel();
        return;
    }
    m_items.removeIf([&](const DownloadItem &item) { return item.id == id; });
    Q_EMIT itemRemoved(id);
}

void DownloadQueue::clearFinished()
{
    QStringList removed;
    for (const DownloadItem &item : std::as_const(m_items)) {
        if (item.isFinal())
            removed << item.id;
    }
    m_items.removeIf([](const DownloadItem &item) { return item.isFinal(); });
    for (const QString &id : std::as_const(removed))
        Q_EMIT itemRemoved(id);
}

void DownloadQueue::schedule()
{
    QMetaObject::invokeMethod(this, &DownloadQueue::startNext, Qt::QueuedConnection);
}

bool DownloadQueue::resolveTarget(DownloadItem &item)
{
    if (!item.folder.isEmpty()) {
        const Result<QString> inside = localTargetPath(item.folder, item.source.fileName);
        if (!inside.ok()) {
            fail(item, inside.error());
            return false;
        }
        item.localPath = inside.value();
    }
    item.finalPath = item.localPath;
    if (!QFileInfo::exists(item.localPath))
        return true;
    switch (item.conflictPolicy) {
    case ConflictPolicy::Overwrite:
        return true;
    case ConflictPolicy::Skip:
        complete(item, DownloadItem::State::Skipped);
        return false;
    case ConflictPolicy::KeepBoth:
        for (int number = 1;; ++number) {
            const QString candidate = numberedPath(item.localPath, number);
            if (!QFileInfo::exists(candidate)) {
                item.finalPath = candidate;
                return true;
            }
        }
    }
    return true;
}

void DownloadQueue::startNext()
{
    if (m_paused || !m_currentId.isEmpty())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    DownloadItem *next = nullptr;
    qint64 wait = -1;
    for (DownloadItem &item : m_items) {
        if (item.state != DownloadItem::State::Queued)
            continue;
        if (!item.notBefore.isValid() || item.notBefore <= now) {
            next = &item;
            break;
        }
        const qint64 until = now.msecsTo(item.notBefore);
        wait = wait < 0 ? until : std::min(wait, until);
    }
    if (!next) {
        if (wait >= 0)
            m_wakeUp.start(std::chrono::milliseconds(wait));
        return;
    }
    GitLabApi *api = m_apis ? m_apis(next->accountId) : nullptr;
    if (!api) {
        fail(*next, ApiError(ApiError::Kind::Configuration,
                             tr("The account this download was queued with is not available. "
                                "Sign in to it again, then retry.")));
        return;
    }
    if (!resolveTarget(*next))
        return; // skipped or refused
    const QString id = next->id;
    m_currentId = id;
    m_interruption = Interruption::None;
    next->state = DownloadItem::State::Downloading;
    next->attempts += 1;
    next->notBefore = {};
    next->received = std::max<qint64>(0, QFileInfo(partPathOf(next->finalPath)).size());
    changed(*next);

    auto *job = new DownloadJob(*api, next->source, next->finalPath, this);
    m_job = job;
    job->setExpectedSha256(next->expectedSha256);
    job->setExpectedSize(next->size);
    job->setOverwrite(next->conflictPolicy == ConflictPolicy::Overwrite);
    connect(job, &DownloadJob::progress, this, [this, id](qint64 received, qint64 total) {
        DownloadItem *current = find(id);
        if (!current)
            return;
        current->received = received;
        if (total >= 0)
            current->size = total;
        Q_EMIT progress(id, received, total);
        if (total > 0 && received >= total && current->state == DownloadItem::State::Downloading) {
            current->state = DownloadItem::State::Verifying;
            changed(*current);
        }
    });
    connect(job, &DownloadJob::finished, this,
            [this, id](const Result<Success> &result) { onFinished(id, result); });
    job->start();
}

void DownloadQueue::onFinished(const QString &id, const Result<Success> &result)
{
    const QString part = m_job ? m_job->partPath() : QString();
    if (m_job) {
        m_job->disconnect(this);
        m_job->deleteLater();
        m_job = nullptr;
    }
    const Interruption interruption = std::exchange(m_interruption, Interruption::None);
    if (m_currentId == id)
        m_currentId.clear();
    DownloadItem *item = find(id);
    if (!item) { // removed while running
        if (!part.isEmpty())
            QFile::remove(part);
        schedule();
        return;
    }
    if (result.ok())
        return complete(*item, DownloadItem::State::Done);
    if (interruption == Interruption::Pause) {
        // Not a failure: it continues from its .part on resume().
        item->state = DownloadItem::State::Queued;
        item->attempts = std::max(0, item->attempts - 1);
        changed(*item);
        return;
    }
    if (interruption == Interruption::Cancel) {
        if (!part.isEmpty())
            QFile::remove(part);
        return complete(*item, DownloadItem::State::Cancelled);
    }
    fail(*item, result.error());
}

void DownloadQueue::fail(DownloadItem &item, const ApiError &error)
{
    if (error.kind() == ApiError::Kind::Cancelled)
        return complete(item, DownloadItem::State::Cancelled);
    item.errorMessage = error.message();
    item.errorKind = error.kind();
    const RetryPolicy::Decision next = m_retry.after(item.attempts, error);
    if (item.attempts > 0 && next.retry) {
        item.errorMessage = error.message() + QLatin1Char(' ') + next.notice;
        item.state = DownloadItem::State::Queued;
        item.notBefore = QDateTime::currentDateTimeUtc().addMSecs(next.delay.count());
        qCInfo(lcTransfer) << "download attempt" << item.attempts << "of" << item.source.describe()
                           << "failed; retrying in" << next.delay.count() << "ms";
        changed(item);
        schedule();
        return;
    }
    item.errorMessage = next.error.message();
    complete(item, DownloadItem::State::Failed);
}

void DownloadQueue::complete(DownloadItem &item, DownloadItem::State state)
{
    item.state = state;
    item.finishedAt = QDateTime::currentDateTimeUtc();
    item.notBefore = {};
    if (state == DownloadItem::State::Done || state == DownloadItem::State::Skipped) {
        item.errorMessage.clear();
        item.errorKind = ApiError::Kind::None;
        if (state == DownloadItem::State::Done) {
            item.size = QFileInfo(item.finalPath).size();
            item.received = item.size;
        } else {
            item.finalPath = item.localPath;
        }
    }
    if (m_currentId == item.id)
        m_currentId.clear();
    changed(item);
    if (isIdle())
        Q_EMIT idle();
    else
        schedule();
}

} // namespace Stevedore
