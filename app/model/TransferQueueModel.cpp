#include "model/TransferQueueModel.h"

#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace Stevedore {

TransferQueueModel::TransferQueueModel(TransferQueue *queue, QObject *parent)
    : QAbstractTableModel(parent)
    , m_queue(queue)
{
    m_clock.start();
    m_ticker.setInterval(std::chrono::milliseconds(250));
    connect(&m_ticker, &QTimer::timeout, this, &TransferQueueModel::tick);
    if (!m_queue)
        return;
    for (const TransferItem &item : m_queue->items())
        addRow(item.id);
    connect(m_queue, &TransferQueue::itemsAdded, this, &TransferQueueModel::onItemsAdded);
    connect(m_queue, &TransferQueue::itemChanged, this, &TransferQueueModel::onItemChanged);
    connect(m_queue, &TransferQueue::itemsRemoved, this, &TransferQueueModel::onItemsRemoved);
    connect(m_queue, &TransferQueue::progress, this, &TransferQueueModel::onProgress);
    connect(m_queue, &TransferQueue::pausedChanged, this, [this] {
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, StateColumn), index(int(m_rows.size()) - 1, StateColumn));
    });
    connect(m_queue, &QObject::destroyed, this, &TransferQueueModel::removeAll);
}

TransferQueueModel::~TransferQueueModel() = default;

void TransferQueueModel::setUpdateInterval(std::chrono::milliseconds interval)
{
    m_ticker.setInterval(interval);
}

void TransferQueueModel::addRow(const QString &id)
{
    Row row;
    row.id = id;
    refresh(row);
    m_rowById.insert(id, int(m_rows.size()));
    m_rows.push_back(std::move(row));
}

void TransferQueueModel::refresh(Row &row) const
{
    const TransferItem *item = m_queue ? m_queue->item(row.id) : nullptr;
    if (!item)
        return;
    const PackageTarget &target = item->target;
    row.direction = item->direction;
    row.accountId = item->accountId;
    row.state = item->state;
    row.name = target.fileName;
    row.target = (item->isUpload() ? tr("to %1 › %2 › %3") : tr("from %1 › %2 › %3"))
                     .arg(target.project, target.packageName, target.version);
    row.localPath = item->finalPath.isEmpty() ? item->localPath : item->finalPath;
    row.error = item->errorMessage;
    // "Keep both" saved it under another name: say which.
    const QString savedName = QFileInfo(item->finalPath).fileName();
    row.savedAs = !item->isUpload() && !savedName.isEmpty()
                          && savedName != QFileInfo(target.fileName).fileName()
                      ? savedName
                      : QString();
    row.attempts = item->attempts;
    row.retryAt = item->state == State::Queued && item->notBefore > QDateTime::currentDateTimeUtc()
                      ? item->notBefore
                      : QDateTime();
    row.total = item->size;
    row.done = item->done;
    if (row.state == State::Done && row.total > 0)
        row.done = row.total;
}

void TransferQueueModel::onItemsAdded(const QStringList &ids)
{
    if (ids.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + size_t(ids.size())) - 1);
    for (const QString &id : ids)
        addRow(id);
    endInsertRows();
    ensureTicking();
}

void TransferQueueModel::onItemChanged(const QString &id)
{
    const int rowNumber = m_rowById.value(id, -1);
    if (rowNumber < 0 || m_pendingRemovals.contains(id))
        return;
    Row &row = m_rows[size_t(rowNumber)];
    const State before = row.state;
    refresh(row);
    if (row.state != before)
        row.verification = Verification::None; // about a file that is being replaced
    if (row.state != before && row.state == State::Running) {
        row.speed.clear();
        row.speed.addSample(m_clock.elapsed(), row.done);
    }
    row.dirty = false;
    // Every column and role: the state moves rows between the filter tabs.
    Q_EMIT dataChanged(index(rowNumber, 0), index(rowNumber, ColumnCount - 1));
    if (isActive(row.state))
        ensureTicking();
}

void TransferQueueModel::onProgress(const QString &id, qint64 done, qint64 total)
{
    const int rowNumber = m_rowById.value(id, -1);
    if (rowNumber < 0)
        return;
    Row &row = m_rows[size_t(rowNumber)];
    if (done < row.done)
        row.speed.clear(); // started over
    row.done = done;
    if (total >= 0)
        row.total = total;
    row.dirty = true;
    ensureTicking();
}

void TransferQueueModel::onItemsRemoved(const QStringList &ids)
{
    const bool wasEmpty = m_pendingRemovals.isEmpty();
    for (const QString &id : ids) {
        if (m_rowById.contains(id))
            m_pendingRemovals.insert(id);
    }
    if (wasEmpty && !m_pendingRemovals.isEmpty())
        QMetaObject::invokeMethod(this, &TransferQueueModel::flushRemovals, Qt::QueuedConnection);
}

void TransferQueueModel::flushRemovals()
{
    if (m_pendingRemovals.isEmpty())
        return;
    // From the end, one contiguous range at a time, so earlier row numbers stay valid.
    int last = int(m_rows.size()) - 1;
    while (last >= 0) {
        if (!m_pendingRemovals.contains(m_rows[size_t(last)].id)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && m_pendingRemovals.contains(m_rows[size_t(first - 1)].id))
            --first;
        beginRemoveRows({}, first, last);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        endRemoveRows();
        last = first - 1;
    }
    m_pendingRemovals.clear();
    rebuildIndex();
}

void TransferQueueModel::removeAll()
{
    beginResetModel();
    m_rows.clear();
    m_pendingRemovals.clear();
    rebuildIndex();
    endResetModel();
}

void TransferQueueModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(qsizetype(m_rows.size()));
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows[i].id, int(i));
}

void TransferQueueModel::ensureTicking()
{
    if (!m_ticker.isActive())
        m_ticker.start();
}

void TransferQueueModel::tick()
{
    const qint64 now = m_clock.elapsed();
    int first = -1;
    int last = -1;
    bool running = false;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        const bool moving = row.state == State::Running || row.state == State::Verifying;
        if (moving) {
            row.speed.addSample(now, row.done);
            running = true;
        }
        if (moving || row.dirty) {
            row.dirty = false;
            if (first < 0)
                first = int(i);
            last = int(i);
        }
    }
    if (first >= 0) {
        Q_EMIT dataChanged(index(first, ProgressColumn), index(last, EtaColumn),
                           {Qt::DisplayRole, ProgressRole, BytesDoneRole, BytesTotalRole, SpeedRole,
                            EtaRole, SortRole});
    }
    if (!running)
        m_ticker.stop();
}

bool TransferQueueModel::isPaused() const
{
    return m_queue && m_queue->isPaused();
}

double TransferQueueModel::speedOf(const Row &row) const
{
    if (row.state != State::Running)
        return 0;
    return row.speed.bytesPerSecond(m_clock.elapsed());
}

qint64 TransferQueueModel::etaOf(const Row &row) const
{
    const double speed = speedOf(row);
    if (speed <= 0 || row.total < 0)
        return -1;
    return qint64(std::ceil(double(std::max<qint64>(0, row.total - row.done)) / speed));
}

int TransferQueueModel::rowOfItem(const QString &id) const
{
    return m_rowById.value(id, -1);
}

QString TransferQueueModel::itemId(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].id : QString();
}

TransferQueueModel::Direction TransferQueueModel::direction(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].direction
                                                   : Direction::Upload;
}

TransferQueueModel::State TransferQueueModel::state(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].state : State::Queued;
}

void TransferQueueModel::setVerification(const QString &id, Verification verification,
                                         const QString &detail, const QString &summary)
{
    const int rowNumber = m_rowById.value(id, -1);
    if (rowNumber < 0)
        return;
    Row &row = m_rows[size_t(rowNumber)];
    row.verification = verification;
    row.verificationDetail = detail;
    row.verificationSummary = summary;
    Q_EMIT dataChanged(index(rowNumber, MessageColumn), index(rowNumber, MessageColumn));
}

void TransferQueueModel::cancel(int row)
{
    if (m_queue && row >= 0 && size_t(row) < m_rows.size())
        m_queue->cancel(m_rows[size_t(row)].id);
}

void TransferQueueModel::retry(int row)
{
    if (m_queue && row >= 0 && size_t(row) < m_rows.size())
        m_queue->retry(m_rows[size_t(row)].id);
}

void TransferQueueModel::remove(int row)
{
    if (m_queue && row >= 0 && size_t(row) < m_rows.size())
        m_queue->remove(m_rows[size_t(row)].id);
}

QString TransferQueueModel::stateDisplayName(State state, Direction direction, bool paused,
                                             bool waitingToRetry)
{
    switch (state) {
    case State::Queued:
        if (paused)
            return tr("Paused");
        return waitingToRetry ? tr("Waiting to retry") : tr("Queued");
    case State::Running:
        return direction == Direction::Upload ? tr("Uploading") : tr("Downloading");
    case State::Verifying:
        return tr("Verifying");
    case State::Done:
        return tr("Done");
    case State::Failed:
        return tr("Failed");
    case State::Cancelled:
        return tr("Cancelled");
    case State::Skipped:
        return tr("Skipped");
    }
    return {};
}

QString TransferQueueModel::verificationText(Verification verification, const QString &detail)
{
    switch (verification) {
    case Verification::None:
        return {};
    case Verification::Running:
        return tr("Verifying against the server…");
    case Verification::Verified:
        return tr("Verified: identical to the server");
    case Verification::Changed:
        return tr("Differs: changed locally");
    case Verification::Missing:
        return tr("Differs: missing locally");
    case Verification::NotInVersion:
        return tr("Differs: no longer in the version");
    case Verification::Unreadable:
        return tr("Unreadable: %1").arg(detail);
    case Verification::NotVerified:
        return tr("Not verified: %1").arg(detail);
    }
    return {};
}

TransferQueueModel::Overall TransferQueueModel::overall() const
{
    Overall overall;
    overall.rows = int(m_rows.size());
    for (const Row &row : m_rows) {
        if (row.state == State::Done || row.state == State::Skipped || row.state == State::Failed
            || row.state == State::Cancelled)
            ++overall.finished;
        if (row.total > 0 && row.state != State::Failed && row.state != State::Cancelled) {
            overall.bytesTotal += row.total;
            overall.bytesDone += row.done;
        }
        overall.speed += speedOf(row);
    }
    return overall;
}

double TransferQueueModel::Overall::fraction() const
{
    if (bytesTotal > 0)
        return std::clamp(double(bytesDone) / double(bytesTotal), 0.0, 1.0);
    return rows > 0 ? double(finished) / rows : 0.0;
}

QString TransferQueueModel::formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return tr("%n s", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 100 * 3600)
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return tr("more than %n hours", nullptr, 100);
}

void TransferQueueModel::setAccountLabel(const QString &accountId, const QString &label)
{
    if (m_accountLabels.value(accountId) == label)
        return;
    m_accountLabels.insert(accountId, label);
    if (!m_rows.empty())
        emit dataChanged(index(0, AccountColumn), index(rowCount() - 1, AccountColumn));
}

bool TransferQueueModel::spansAccounts() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [this](const Row &row) {
        return row.accountId != m_rows.front().accountId;
    });
}

QString TransferQueueModel::accountLabelOf(const Row &row) const
{
    const auto label = m_accountLabels.constFind(row.accountId);
    return label != m_accountLabels.cend() ? *label : tr("(account removed)");
}

// A failure's first line, else what verifying found, else the name a kept download got.
QString TransferQueueModel::messageOf(const Row &row)
{
    if (!row.error.isEmpty())
        return row.error.section(QLatin1Char('\n'), 0, 0);
    if (row.verification != Verification::None)
        return verificationText(row.verification, row.verificationDetail);
    if (!row.savedAs.isEmpty())
        return tr("Saved as %1").arg(row.savedAs);
    return {};
}

int TransferQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TransferQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TransferQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TargetColumn:
        return tr("Target");
    case AccountColumn:
        return tr("Account");
    case ProgressColumn:
        return tr("Progress");
    case SpeedColumn:
        return tr("Speed");
    case EtaColumn:
        return tr("Remaining");
    case StateColumn:
        return tr("State");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

QVariant TransferQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const double progress =
        row.state == State::Done || row.state == State::Skipped
            ? 1.0
            : (row.total > 0 ? std::clamp(double(row.done) / double(row.total), 0.0, 1.0) : 0.0);
    const bool paused = row.state == State::Queued && isPaused();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case TargetColumn:
            return row.target;
        case AccountColumn:
            return accountLabelOf(row);
        case ProgressColumn:
            if (row.total <= 0 && row.state != State::Done)
                return QString();
            return tr("%1%").arg(QLocale().toString(progress * 100.0, 'f', 1));
        case SpeedColumn: {
            const double speed = speedOf(row);
            return speed > 0 ? tr("%1/s").arg(QLocale().formattedDataSize(qint64(speed)))
                             : QString();
        }
        case EtaColumn:
            return formatDuration(etaOf(row));
        case StateColumn:
            return stateDisplayName(row.state, row.direction, paused, row.retryAt.isValid());
        case MessageColumn:
            return messageOf(row);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if ((index.column() == StateColumn || index.column() == MessageColumn)
            && !row.error.isEmpty())
            return row.error;
        if (index.column() == MessageColumn && row.verification != Verification::None) {
            const QString text = verificationText(row.verification, row.verificationDetail);
            return row.verificationSummary.isEmpty()
                       ? text
                       : text + QStringLiteral("\n\n") + row.verificationSummary;
        }
        if (index.column() == NameColumn)
            return row.localPath;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SpeedColumn || index.column() == EtaColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case TargetColumn:
            return row.target;
        case AccountColumn:
            return accountLabelOf(row);
        case ProgressColumn:
            return progress;
        case SpeedColumn:
            return speedOf(row);
        case EtaColumn:
            return etaOf(row);
        case StateColumn:
            return int(row.state);
        case MessageColumn:
            return messageOf(row);
        default:
            return {};
        }
    case ProgressRole:
        return progress;
    case BytesDoneRole:
        return row.done;
    case BytesTotalRole:
        return row.total;
    case SpeedRole:
        return speedOf(row);
    case EtaRole:
        return etaOf(row);
    case StateRole:
        return int(row.state);
    case DirectionRole:
        return int(row.direction);
    case ItemIdRole:
        return row.id;
    case ErrorRole:
        return row.error;
    case LocalPathRole:
        return row.localPath;
    case AttemptsRole:
        return row.attempts;
    case IsPausedRole:
        return paused;
    case RetryAtRole:
        return row.retryAt;
    case VerificationRole:
        return int(row.verification);
    default:
        return {};
    }
}

QHash<int, QByteArray> TransferQueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ProgressRole, "progress");
    names.insert(BytesDoneRole, "bytesDone");
    names.insert(BytesTotalRole, "bytesTotal");
    names.insert(SpeedRole, "speed");
    names.insert(EtaRole, "eta");
    names.insert(StateRole, "state");
    names.insert(DirectionRole, "direction");
    names.insert(ItemIdRole, "itemId");
    names.insert(ErrorRole, "error");
    names.insert(LocalPathRole, "localPath");
    names.insert(AttemptsRole, "attempts");
    names.insert(IsPausedRole, "paused");
    names.insert(RetryAtRole, "retryAt");
    names.insert(SortRole, "sortValue");
    names.insert(VerificationRole, "verification");
    return names;
}

TransferFilterModel::TransferFilterModel(QObject *parent)
    : SortProxyModel(TransferQueueModel::SortRole, parent)
{
    // Progress ticks do not carry this role, so they never re-run the filter.
    setFilterRole(TransferQueueModel::StateRole);
}

bool TransferFilterModel::accepts(Filter filter, TransferQueueModel::State state)
{
    using S = TransferQueueModel::State;
    switch (filter) {
    case All:
        return true;
    case Active:
        return TransferQueueModel::isActive(state);
    case Failed:
        return state == S::Failed;
    case Done:
        return state == S::Done || state == S::Skipped;
    }
    return true;
}

void TransferFilterModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

bool TransferFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter == All)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return accepts(m_filter,
                   TransferQueueModel::State(index.data(TransferQueueModel::StateRole).toInt()));
}

} // namespace Stevedore
