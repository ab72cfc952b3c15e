#pragma once

#include "transfer/TransferItem.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <utility>

namespace Stevedore {

// What became of each file of a command that sends a plan's files through the upload queue
// (`sync`, `copy`): what the plan settled, then what the queue did, then the deletions.
class FileOutcomes
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::FileOutcomes)

public:
    enum class Outcome { Planned, Sent, Replaced, Unchanged, Deleted, LeftAlone, Failed, NotDone };

    void set(const QString &path, Outcome outcome) { m_outcomes.insert(path, outcome); }
    void fail(const QString &path, const QString &error);
    // How each item ended: Sent, Replaced (sent with DuplicatePolicy::Replace), Unchanged
    // (skipped: the same content was there), Failed with its error, or NotDone.
    void take(const QList<TransferItem> &items);

    Outcome of(const QString &path) const { return m_outcomes.value(path, Outcome::NotDone); }
    QString errorOf(const QString &path) const { return m_errors.value(path); }
    // "2 uploaded, 1 failed": the text of each outcome some file had (%1 its count), in the
    // order given; empty when no file had any of them.
    QString counted(const QList<std::pair<Outcome, QString>> &texts) const;

    // The line for an item the queue finished well; `sentLine` (such as "uploaded  %1  %2\n")
    // names a file that was sent and its SHA-256.
    static QString doneLine(const TransferItem &item, const QString &sentLine);

private:
    QHash<QString, Outcome> m_outcomes; // path → what became of it, once known
    QHash<QString, QString> m_errors;   // path → why it failed
};

} // namespace Stevedore
