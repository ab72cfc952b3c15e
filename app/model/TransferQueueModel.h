#pragma once

#include "model/SortProxyModel.h"
#include "model/SpeedMeter.h"
#include "transfer/TransferQueue.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <vector>

namespace Stevedore {

// One table over the transfer queue: a row per item, uploads and downloads, in the order they
// were added. Rows cache what they show, so painting never searches the queue. Items added in
// one batch (a publish of 1,000 files) become rows in one insertion.
//
// Progress arrives per network chunk; the model only records it and emits dataChanged for the
// progress, speed and ETA cells of the rows that moved from a timer (4 Hz by default, as
// qBittorrent's transfer list does), never per chunk. State changes are shown at once.
// Removals are applied in one batch on the next event-loop turn (clearFinished() on a long
// queue stays linear).
class TransferQueueModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        TargetColumn,
        AccountColumn, // who it transfers as: the account switcher's label
        ProgressColumn,
        SpeedColumn,
        EtaColumn,
        StateColumn,
        MessageColumn, // why it failed, or what it waits for
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        ProgressRole = Qt::UserRole + 1, // double 0…1 (0 while the size is unknown)
        BytesDoneRole,                   // qint64
        BytesTotalRole,                  // qint64, -1 when unknown
        SpeedRole,                       // double, bytes per second (0 unless running)
        EtaRole,                         // qint64 seconds, -1 when unknown
        StateRole,                       // int (TransferState)
        DirectionRole,                   // int (TransferDirection)
        ItemIdRole,                      // the queue's item id
        ErrorRole,                       // the last failure's message
        LocalPathRole,                   // the local file (a download's actual target)
        AttemptsRole,                    // int
        IsPausedRole,                    // bool: queued in a paused queue
        RetryAtRole,                     // QDateTime (UTC) of the next attempt, if waiting
        SortRole,         // the raw value of the cell's column, for QSortFilterProxyModel
        VerificationRole, // int (Verification)
    };
    Q_ENUM(Role)

    using Direction = TransferDirection;
    using State = TransferState;

    // What *Verify download* last found for a finished download's file, shown in the message
    // column. Kept by the model only (never in the queue's journal) and forgotten when the item
    // runs again.
    enum class Verification {
        None,
        Running,
        Verified,     // the same size and SHA-256 as the file the server serves
        Changed,      // changed locally
        Missing,      // missing locally
        NotInVersion, // the file is there, but the version no longer has it
        Unreadable,   // the detail says why
        NotVerified,  // the version could not be listed or the folder read: the detail says why
    };
    Q_ENUM(Verification)

    // The queue must outlive the model or be destroyed first (its rows then go).
    explicit TransferQueueModel(TransferQueue *queue, QObject *parent = nullptr);
    ~TransferQueueModel() override;

    TransferQueue *queue() const { return m_queue; }

    // How often progress, speed and ETA cells are refreshed (default 250 ms).
    void setUpdateInterval(std::chrono::milliseconds interval);

    // How the account column names an account ("user @ host"); an item whose account has no
    // label was transferred by an account since removed.
    void setAccountLabel(const QString &accountId, const QString &label);
    bool spansAccounts() const; // rows of more than one account

    int rowOfItem(const QString &id) const; // -1 when not shown
    QString itemId(int row) const;
    Direction direction(int row) const;
    State state(int row) const;

    // Shown until the item changes state; `detail` (a reason) for Unreadable and NotVerified;
    // `summary` (what was found for the whole download) in the message's tooltip.
    void setVerification(const QString &id, Verification verification, const QString &detail = {},
                         const QString &summary = {});

    // Forwarded to the queue.
    void cancel(int row);
    void retry(int row);
    void remove(int row);

    static bool isActive(State state)
    {
        return state == State::Queued || state == State::Running || state == State::Verifying;
    }
    static QString stateDisplayName(State state, Direction direction, bool paused,
                                    bool waitingToRetry);
    // "Verified: identical to the server", "Differs: changed locally", …; empty for None.
    static QString verificationText(Verification verification, const QString &detail);
    // "45 s", "3 min 20 s", "2 h 5 min"; empty when negative (unknown).
    static QString formatDuration(qint64 seconds);

    // The whole queue at a glance, as the transfer dock's title and the taskbar show it.
    struct Overall
    {
        int rows = 0;
        int finished = 0;     // done, skipped, failed or cancelled
        qint64 bytesDone = 0; // of the rows of known size that did not fail or get cancelled
        qint64 bytesTotal = 0;
        double speed = 0; // bytes per second, of the running rows
        // 0…1: by bytes when any size is known, else by finished rows.
        double fraction() const;
    };
    Overall overall() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        Direction direction = Direction::Upload;
        QString id;
        QString accountId;
        State state = State::Queued;
        QString name;
        QString target;
        QString localPath;
        QString error;
        QString savedAs; // a download kept beside an existing file: the name it got
        Verification verification = Verification::None;
        QString verificationDetail;
        QString verificationSummary;
        int attempts = 0;
        QDateTime retryAt;
        qint64 done = 0;
        qint64 total = -1;
        bool dirty = false;
        SpeedMeter speed;
    };

    void addRow(const QString &id);
    void refresh(Row &row) const; // copies the queue's item into the row
    void onItemsAdded(const QStringList &ids);
    void onItemChanged(const QString &id);
    void onProgress(const QString &id, qint64 done, qint64 total);
    void onItemsRemoved(const QStringList &ids);
    void flushRemovals();
    void removeAll();
    void tick();
    void ensureTicking();
    bool isPaused() const;
    double speedOf(const Row &row) const;
    QString accountLabelOf(const Row &row) const;
    static QString messageOf(const Row &row);
    qint64 etaOf(const Row &row) const;
    void rebuildIndex();

    QPointer<TransferQueue> m_queue;
    std::vector<Row> m_rows;
    QHash<QString, int> m_rowById;
    QHash<QString, QString> m_accountLabels; // by account id
    QSet<QString> m_pendingRemovals;
    QTimer m_ticker;
    QElapsedTimer m_clock;
};

// The transfer list's tabs: every item, the running and waiting ones, the failed ones, or the
// finished ones (done or skipped). Cancelled items show only under All. Sorts on the source's
// raw values (SortRole); progress, speed and time left re-sort with the model's ticks (a few
// times a second), never per network chunk.
class TransferFilterModel final : public SortProxyModel
{
    Q_OBJECT

public:
    enum Filter { All, Active, Failed, Done };
    Q_ENUM(Filter)

    explicit TransferFilterModel(QObject *parent = nullptr);

    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }

    static bool accepts(Filter filter, TransferQueueModel::State state);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Filter m_filter = All;
};

} // namespace Stevedore
