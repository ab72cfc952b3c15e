#pragma once

#include "transfer/TransferItem.h"

#include <QFile>
#include <QList>
#include <QString>

#include <algorithm>

namespace Stevedore {

// Where a transfer queue keeps its items between runs: an append-only file of JSON lines, one
// per change ({"put": item} or {"remove": id}), so that a change costs one line however long
// the queue is. It is compacted (rewritten atomically with the live items only) when it is
// opened and whenever it holds several times more lines than items. A line cut short by a
// crash is ignored.
class TransferJournal final
{
public:
    explicit TransferJournal(QString path);

    // Replays the file and compacts it; empty when there is none. A file that cannot be read
    // at all is moved aside as "<path>.broken" and `problem` says so.
    QList<TransferItem> open(QString *problem);

    void put(const TransferItem &item);
    void put(const QList<const TransferItem *> &items); // one write for many
    void remove(const QString &id);
    // Rewrites the file with `live` only.
    void compact(const QList<TransferItem> &live);
    // Whether the file has grown to several lines per live item.
    bool wantsCompaction(qsizetype liveItems) const
    {
        return m_lines > 4 * std::max<qsizetype>(liveItems, 256);
    }
    // Removes the file (a finished one-shot queue leaves nothing behind).
    void discard();

    qint64 bytesWritten() const { return m_bytesWritten; } // since this object was made

private:
    void append(const QByteArray &lines, int count);

    QString m_path;
    QFile m_file;
    qint64 m_bytesWritten = 0;
    qsizetype m_lines = 0; // lines in the file
};

} // namespace Stevedore
