#include "transfer/SyncRun.h"

#include "validate/NameRules.h"

namespace Stevedore {

SyncRun::SyncRun(TransferQueue &queue, std::shared_ptr<GitLabApi> api, SyncPlan plan,
                 bool deleteRemoved)
    : QObject(&queue)
    , m_queue(queue)
    , m_api(std::move(api))
    , m_plan(std::move(plan))
    , m_delete(deleteRemoved)
{
}

ApiError SyncRun::start()
{
    const Result<QList<TransferItem>> uploads = m_plan.uploads(m_api->client().account().id);
    if (!uploads.ok())
        return uploads.error();
    connect(&m_queue, &TransferQueue::itemChanged, this, &SyncRun::onItemChanged);
    connect(&m_queue, &TransferQueue::itemsRemoved, this, [this](const QStringList &ids) {
        for (const QString &id : ids)
            m_lost = m_lost || m_ids.contains(id);
        evaluate();
    });
    if (!uploads.value().isEmpty())
        m_ids = m_queue.add(uploads.value());
    evaluate();
    return {};
}

SyncRun::Counts SyncRun::counts() const
{
    Counts counts;
    for (const QString &id : m_ids) {
        const TransferItem *item = m_queue.item(id);
        if (!item)
            ++counts.failed;
        else if (item->state == TransferState::Done)
            ++(item->duplicatePolicy == DuplicatePolicy::Replace ? counts.replaced
                                                                 : counts.uploaded);
        else if (item->state == TransferState::Skipped)
            ++counts.unchanged;
        else if (item->isFinal())
            ++counts.failed;
        else
            ++counts.waiting;
    }
    return counts;
}

void SyncRun::onItemChanged(const QString &id)
{
    if (m_ids.contains(id))
        evaluate();
}

void SyncRun::evaluate()
{
    if (m_stage == Stage::Deleting || m_stage == Stage::Done || m_stage == Stage::Failed)
        return;
    QList<TransferItem> uploads;
    for (const QString &id : std::as_const(m_ids)) {
        if (const TransferItem *item = m_queue.item(id))
            uploads.append(*item);
    }
    const bool waiting = std::any_of(uploads.begin(), uploads.end(),
                                     [](const TransferItem &item) { return !item.isFinal(); });
    if (waiting) {
        m_stage = Stage::Uploading;
    } else if (m_lost || !SyncPlan::uploadsSucceeded(uploads)) {
        m_stage = Stage::Stopped;
    } else if (!m_delete || m_plan.removals().isEmpty()) {
        return end(Stage::Done);
    } else {
        m_stage = Stage::Deleting;
        m_plan.deleteRemovals(
            *m_api, this,
            [this](const QString &path, const ApiError &error) {
                if (error.isError())
                    m_deletionError = tr("%1: %2").arg(NameRules::printable(path), error.message());
                else
                    m_deleted.append(path);
                Q_EMIT changed();
            },
            [this](bool allDeleted) { end(allDeleted ? Stage::Done : Stage::Failed); });
    }
    Q_EMIT changed();
}

void SyncRun::end(Stage stage)
{
    m_stage = stage;
    disconnect(&m_queue, nullptr, this, nullptr);
    Q_EMIT changed();
    Q_EMIT ended();
    deleteLater();
}

} // namespace Stevedore
