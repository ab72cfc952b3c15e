#include "transfer/UploadQueue.h"

#include "core/Sha256.h"
#include "transfer/UploadJob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QThreadPool>
#include <QUuid>

#include <array>

namespace Stevedore {

namespace {

constexpr std::array<std::pair<DuplicatePolicy, const char *>, 5> kPolicyIds{{
    {DuplicatePolicy::SkipIdentical, "skip-identical"},
    {DuplicatePolicy::KeepBoth, "keep"},
    {DuplicatePolicy::Replace, "replace"},
    {DuplicatePolicy::Fail, "fail"},
    {DuplicatePolicy::SkipIdentical, "skip"}, // the name before skip-identical; read only
}};

constexpr std::array<std::pair<QueueItem::State, const char *>, 7> kStateIds{{
    {QueueItem::State::Queued, "queued"},
    {QueueItem::State::Uploading, "uploading"},
    {QueueItem::State::Verifying, "verifying"},
    {QueueItem::State::Done, "done"},
    {QueueItem::State::Failed, "failed"},
    {QueueItem::State::Skipped, "skipped"},
    {QueueItem::State::Cancelled, "cancelled"},
}};

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime timeFromJson(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace

QString duplicatePolicyId(DuplicatePolicy policy)
{
    for (const auto &[candidate, id] : kPolicyIds) {
        if (candidate == policy)
            return QLatin1String(id);
    }
    return {};
}

std::optional<DuplicatePolicy> duplicatePolicyFromId(const QString &id)
{
    for (const auto &[policy, candidate] : kPolicyIds) {
        if (id == QLatin1String(candidate))
            return policy;
    }
    return std::nullopt;
}

QString queueStateId(QueueItem::State state)
{
    for (const auto &[candidate, id] : kStateIds) {
        if (candidate == state)
            return QLatin1String(id);
    }
    return {};
}

QJsonObject QueueItem::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("account"), accountId},
                       {QStringLiteral("project"), target.project},
                       {QStringLiteral("package"), target.packageName},
                       {QStringLiteral("version"), target.version},
                       {QStringLiteral("file_name"), target.fileName},
                       {QStringLiteral("local_path"), localPath},
                       {QStringLiteral("hidden"), hidden},
                       {QStringLiteral("on_duplicate"), duplicatePolicyId(duplicatePolicy)},
                       {QStringLiteral("state"), queueStateId(state)},
                       {QStringLiteral("attempts"), attempts},
                       {QStringLiteral("size"), size},
                       {QStringLiteral("sha256"), sha256},
                       {QStringLiteral("error"), errorMessage},
                       {QStringLiteral("error_kind"), apiErrorKindName(errorKind)},
                       {QStringLiteral("may_have_arrived"), mayHaveArrived},
                       {QStringLiteral("added_at"), timeJson(addedAt)},
                       {QStringLiteral("finished_at"), timeJson(finishedAt)}};
}

std::optional<QueueItem> QueueItem::fromJson(const QJsonObject &object)
{
    QueueItem item;
    item.id = object.value(QLatin1String("id")).toString();
    item.accountId = object.value(QLatin1String("account")).toString();
    item.target = {object.value(QLatin1String("project")).toString(),
                   object.value(QLatin1String("package")).toString(),
                   object.value(QLatin1String("version")).toString(),
                   object.value(QLatin1String("file_name")).toString()};
    item.localPath = object.value(QLatin1String("local_path")).toString();
    item.hidden = object.value(QLatin1String("hidden")).toBool();
    const auto policy =
        duplicatePolicyFromId(object.value(QLatin1String("on_duplicate")).toString());
    const QString stateId = object.value(QLatin1String("state")).toString();
    const auto state = std::find_if(kStateIds.begin(), kStateIds.end(), [&](const auto &pair) {
        return stateId == QLatin1String(pair.second);
    });
    if (item.id.isEmpty() || item.localPath.isEmpty() || !policy || state == kStateIds.end())
        return std::nullopt;
    item.duplicatePolicy = *policy;
    item.state = state->first;
    item.attempts = object.value(QLatin1String("attempts")).toInt();
    item.size = object.value(QLatin1String("size")).toInteger();
    item.sha256 = object.value(QLatin1String("sha256")).toString();
    item.errorMessage = object.value(QLatin1String("error")).toString();
    item.mayHaveArrived = object.value(QLatin1String("may_have_arrived")).toBool();
    item.addedAt = timeFromJson(object.value(QLatin1String("added_at")));
    item.finishedAt = timeFromJson(object.value(QLatin1String("finished_at")));
    return item;
}

UploadQueue::UploadQueue(ApiProvider apis, QString stateFile, QObject *parent)
    : QObject(parent)
    , m_apis(std::move(apis))
    , m_stateFile(std::move(stateFile))
{
    m_wakeUp.setSingleShot(true);
    connect(&m_wakeUp, &QTimer::timeout, this, &UploadQueue::startNext);
    load();
}

UploadQueue::~UploadQueue()
{
    if (m_job) {
        m_job->disconnect(this);
        delete m_job;
    }
}

void UploadQueue::load()
{
    if (m_stateFile.isEmpty() || !QFile::exists(m_stateFile))
        return;
    QFile file(m_stateFile);
    QJsonParseError parseError;
    const QJsonDocument document = file.open(QIODevice::ReadOnly)
                                       ? QJsonDocument::fromJson(file.readAll(), &parseError)
                                       : QJsonDocument();
    file.close();
    if (!document.isObject()) {
        const QString aside = m_stateFile + QStringLiteral(".broken");
        QFile::remove(aside);
        QFile::rename(m_stateFile, aside);
        m_loadError = tr("The saved upload queue could not be read; it was kept as %1.").arg(aside);
        return;
    }
    bool pending = false;
    for (const QJsonValue &value : document.object().value(QLatin1String("items")).toArray()) {
        auto item = QueueItem::fromJson(value.toObject());
        if (!item)
            continue;
        if (item->state == QueueItem::State::Uploading
            || item->state == QueueItem::State::Verifying) {
            // Interrupted by a crash or a kill: it may or may not have reached GitLab.
            item->state = QueueItem::State::Queued;
            item->mayHaveArrived = true;
        }
        pending = pending || item->state == QueueItem::State::Queued;
        m_items.append(*item);
    }
    // Restored work waits for the owner's resume(): accounts and tokens may not be ready yet.
    m_paused = pending;
}

void UploadQueue::save()
{
    if (m_stateFile.isEmpty())
        return;
    QJsonArray items;
    for (const QueueItem &item : std::as_const(m_items))
        items.append(item.toJson());
    QDir().mkpath(QFileInfo(m_stateFile).absolutePath());
    QSaveFile file(m_stateFile);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                             {QStringLiteral("items"), items}})
                       .toJson(QJsonDocument::Indented));
        if (file.commit())
            return;
    }
    qCWarning(lcTransfer) << "cannot save the upload queue to" << m_stateFile << file.errorString();
}

QueueItem *UploadQueue::find(const QString &id)
{
    const auto it = std::find_if(m_items.begin(), m_items.end(),
                                 [&](const QueueItem &item) { return item.id == id; });
    return it == m_items.end() ? nullptr : &*it;
}

const QueueItem *UploadQueue::item(const QString &id) const
{
    return const_cast<UploadQueue *>(this)->find(id);
}

bool UploadQueue::isIdle() const
{
    return m_currentId.isEmpty()
           && std::none_of(m_items.begin(), m_items.end(), [](const QueueItem &item) {
                  return item.state == QueueItem::State::Queued;
              });
}

void UploadQueue::changed(QueueItem &item)
{
    save();
    Q_EMIT itemChanged(item.id);
}

QString UploadQueue::add(QueueItem item)
{
    item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.state = QueueItem::State::Queued;
    item.addedAt = QDateTime::currentDateTimeUtc();
    item.size = QFileInfo(item.localPath).size();
    m_items.append(item);
    save();
    Q_EMIT itemAdded(item.id);
    schedule();
    return item.id;
}

void UploadQueue::pause()
{
    if (m_paused)
        return;
    m_paused = true;
    Q_EMIT pausedChanged(true);
}

void UploadQueue::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    Q_EMIT pausedChanged(false);
    schedule();
}

void UploadQueue::cancel(const QString &id)
{
    QueueItem *item = find(id);
    if (!item || item->isFinal())
        return;
    if (id == m_currentId) {
        if (m_job)
            m_job->cancel(); // completes through onUploaded
        return;
    }
    complete(*item, QueueItem::State::Cancelled);
}

void UploadQueue::retry(const QString &id)
{
    QueueItem *item = find(id);
    if (!item
        || (item->state != QueueItem::State::Failed && item->state != QueueItem::State::Cancelled))
        return;
    item->state = QueueItem::State::Queued;
    item->attempts = 0;
    item->notBefore = {};
    item->errorMessage.clear();
    item->errorKind = ApiError::Kind::None;
    changed(*item);
    schedule();
}

void UploadQueue::retryFailed()
{
    const QList<QueueItem> snapshot = m_items;
    for (const QueueItem &item : snapshot) {
        if (item.state == QueueItem::State::Failed)
            retry(item.id);
    }
}

void UploadQueue::remove(const QString &id)
{
    if (id == m_currentId)
        cancel(id);
    const auto count =
        m_items.removeIf([&](const QueueItem &item) { return item.id == id && id != m_currentId; });
    if (count == 0)
        return;
    save();
    Q_EMIT itemRemoved(id);
}

void UploadQueue::clearFinished()
{
    QStringList removed;
    for (const QueueItem &item : std::as_const(m_items)) {
        if (item.isFinal())
            removed << item.id;
    }
    m_items.removeIf([](const QueueItem &item) { return item.isFinal(); });
    save();
    for (const QString &id : removed)
        Q_EMIT itemRemoved(id);
}

void UploadQueue::schedule()
{
    QMetaObject::invokeMethod(this, &UploadQueue::startNext, Qt::QueuedConnection);
}

void UploadQueue::startNext()
{
    if (m_paused || !m_currentId.isEmpty())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QueueItem *next = nullptr;
    qint64 wait = -1;
    for (QueueItem &item : m_items) {
        if (item.state != QueueItem::State::Queued)
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
    GitLabApi *api = m_apis(next->accountId);
    if (!api) {
        fail(*next, ApiError(ApiError::Kind::Configuration,
                             tr("The account this upload was queued with is not available. Sign in "
                                "to it again, then "
                                "retry.")));
        return;
    }
    const ApiError local = UploadJob::checkLocally(next->target, next->localPath);
    if (local.isError()) {
        fail(*next, local);
        return;
    }
    m_currentId = next->id;
    next->state = QueueItem::State::Uploading;
    next->attempts += 1;
    next->sent = 0;
    changed(*next);
    if (next->mayHaveArrived || next->duplicatePolicy == DuplicatePolicy::SkipIdentical
        || next->duplicatePolicy == DuplicatePolicy::Fail)
        checkThenUpload(*next, *api);
    else
        upload(next->id, *api);
}

// Looks at what the version already holds: after a lost answer the upload may be there, the
// skip policy needs to know whether identical content is, and the fail policy whether the name
// is.
void UploadQueue::checkThenUpload(QueueItem &item, GitLabApi &api)
{
    const QString id = item.id;
    const QString path = item.localPath;
    QPointer<UploadQueue> self(this);
    QThreadPool::globalInstance()->start([self, id, path, &api] {
        const QString localSha = Sha256::ofFile(path);
        QMetaObject::invokeMethod(self, [self, id, localSha, &api] {
            QueueItem *current = self ? self->find(id) : nullptr;
            if (!current || current->state != QueueItem::State::Uploading)
                return;
            const PackageTarget target = current->target;
            api.versionFiles(
                target.project, target.packageName, target.version, self,
                [self, id, localSha, &api](Result<VersionFiles> version) {
                    QueueItem *checked = self->find(id);
                    if (!checked || checked->state != QueueItem::State::Uploading)
                        return;
                    if (!version.ok() && version.error().kind() != ApiError::Kind::NotFound)
                        return self->fail(*checked, version.error());
                    const PackageFile *existing =
                        version.ok() ? version.value().newest(checked->target.storedName())
                                     : nullptr;
                    const bool identical =
                        existing && !localSha.isEmpty() && existing->sha256 == localSha;
                    if (identical && checked->mayHaveArrived) {
                        if (checked->duplicatePolicy == DuplicatePolicy::Replace)
                            return self->removeOlderCopies(id, *existing, api);
                        return self->complete(*checked, QueueItem::State::Done, localSha);
                    }
                    if (identical && checked->duplicatePolicy != DuplicatePolicy::KeepBoth
                        && checked->duplicatePolicy != DuplicatePolicy::Replace)
                        return self->complete(*checked, QueueItem::State::Skipped, localSha);
                    if (existing && checked->duplicatePolicy == DuplicatePolicy::Fail) {
                        return self->fail(
                            *checked,
                            ApiError(ApiError::Kind::Duplicate,
                                     tr("%1 %2 already has a file named %3; nothing was "
                                        "uploaded (the duplicate policy is \"fail\").")
                                         .arg(checked->target.packageName, checked->target.version,
                                              checked->target.fileName)));
                    }
                    self->upload(id, api);
                });
        });
    });
}

void UploadQueue::upload(const QString &id, GitLabApi &api)
{
    QueueItem *item = find(id);
    m_job = new UploadJob(api, item->target, item->localPath, item->hidden, this);
    connect(m_job, &UploadJob::progress, this, [this, id](qint64 sent, qint64 total) {
        if (QueueItem *current = find(id)) {
            current->sent = sent;
            Q_EMIT progress(id, sent, total);
        }
    });
    connect(m_job, &UploadJob::verifying, this, [this, id] {
        if (QueueItem *current = find(id)) {
            current->state = QueueItem::State::Verifying;
            changed(*current);
        }
    });
    connect(m_job, &UploadJob::finished, this, [this, id, &api](const Result<PackageFile> &result) {
        m_job->deleteLater();
        m_job = nullptr;
        QueueItem *current = find(id);
        if (!current)
            return;
        if (!result.ok())
            return fail(*current, result.error());
        if (current->duplicatePolicy == DuplicatePolicy::Replace)
            return removeOlderCopies(id, result.value(), api);
        complete(*current, QueueItem::State::Done, result.value().sha256);
    });
    m_job->start();
}

void UploadQueue::removeOlderCopies(const QString &id, const PackageFile &uploaded, GitLabApi &api)
{
    const PackageTarget target = find(id)->target;
    api.versionFiles(
        target.project, target.packageName, target.version, this,
        [this, id, uploaded, &api](Result<VersionFiles> version) {
            QueueItem *current = find(id);
            if (!current)
                return;
            if (!version.ok())
                return fail(*current, version.error().withContext(tr("Removing the older copies")));
            QList<PackageFile> older;
            for (const PackageFile &file : version.value().files) {
                if (file.storedName == uploaded.storedName && file.id != uploaded.id)
                    older.append(file);
            }
            deleteCopies(id, uploaded.packageId, older, uploaded.sha256, api);
        });
}

void UploadQueue::deleteCopies(const QString &id, qint64 packageId, QList<PackageFile> remaining,
                               const QString &sha256, GitLabApi &api)
{
    QueueItem *item = find(id);
    if (!item)
        return;
    if (remaining.isEmpty())
        return complete(*item, QueueItem::State::Done, sha256);
    const PackageFile file = remaining.takeFirst();
    api.deletePackageFile(
        item->target.project, packageId, file.id, this,
        [this, id, packageId, remaining, sha256, &api](Result<Success> deleted) {
            QueueItem *current = find(id);
            if (!current)
                return;
            if (!deleted.ok())
                return fail(*current, deleted.error().withContext(tr("Removing an older copy")));
            deleteCopies(id, packageId, remaining, sha256, api);
        });
}

void UploadQueue::fail(QueueItem &item, const ApiError &error)
{
    if (error.kind() == ApiError::Kind::Cancelled)
        return complete(item, QueueItem::State::Cancelled);
    item.errorMessage = error.message();
    item.errorKind = error.kind();
    const RetryPolicy::Decision next = m_retry.after(item.attempts, error);
    if (item.attempts > 0 && next.retry) {
        item.errorMessage = error.message() + QLatin1Char(' ') + next.notice;
        item.state = QueueItem::State::Queued;
        item.notBefore = QDateTime::currentDateTimeUtc().addMSecs(next.delay.count());
        // Only a rate limit proves the request was not processed.
        item.mayHaveArrived = item.mayHaveArrived || error.kind() != ApiError::Kind::RateLimited;
        qCInfo(lcTransfer) << "attempt" << item.attempts << "of" << item.target.describe()
                           << "failed; retrying in" << next.delay.count() << "ms";
        if (m_currentId == item.id)
            m_currentId.clear();
        changed(item);
        schedule();
        return;
    }
    item.errorMessage = next.error.message();
    complete(item, QueueItem::State::Failed);
}

void UploadQueue::complete(QueueItem &item, QueueItem::State state, const QString &sha256)
{
    item.state = state;
    item.finishedAt = QDateTime::currentDateTimeUtc();
    if (!sha256.isEmpty())
        item.sha256 = sha256;
    if (state == QueueItem::State::Done || state == QueueItem::State::Skipped) {
        item.errorMessage.clear();
        item.errorKind = ApiError::Kind::None;
        item.sent = item.size;
    }
    const bool wasCurrent = m_currentId == item.id;
    if (wasCurrent)
        m_currentId.clear();
    changed(item);
    if (isIdle())
        Q_EMIT idle();
    else
        schedule();
}

} // namespace Stevedore
