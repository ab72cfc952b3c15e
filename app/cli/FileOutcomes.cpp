#include "cli/FileOutcomes.h"

#include "validate/NameRules.h"

#include <QStringList>

namespace Stevedore {

void FileOutcomes::fail(const QString &path, const QString &error)
{
    m_outcomes.insert(path, Outcome::Failed);
    m_errors.insert(path, error);
}

void FileOutcomes::take(const QList<TransferItem> &items)
{
    for (const TransferItem &item : items) {
        const QString &path = item.target.fileName;
        switch (item.state) {
        case TransferState::Done:
            set(path, item.duplicatePolicy == DuplicatePolicy::Replace ? Outcome::Replaced
                                                                       : Outcome::Sent);
            break;
        case TransferState::Skipped:
            set(path, Outcome::Unchanged);
            break;
        case TransferState::Failed:
            fail(path, item.errorMessage);
            break;
        default:
            set(path, Outcome::NotDone);
            break;
        }
    }
}

QString FileOutcomes::counted(const QList<std::pair<Outcome, QString>> &texts) const
{
    QHash<Outcome, int> counts;
    for (const Outcome outcome : m_outcomes)
        ++counts[outcome];
    QStringList parts;
    for (const auto &[outcome, text] : texts) {
        if (const int n = counts.value(outcome))
            parts << text.arg(n);
    }
    return parts.join(QStringLiteral(", "));
}

QString FileOutcomes::doneLine(const TransferItem &item, const QString &sentLine)
{
    const QString path = NameRules::printable(item.target.fileName);
    if (item.state == TransferState::Skipped)
        return tr("unchanged %1  (the same content is already there)\n").arg(path);
    if (item.duplicatePolicy == DuplicatePolicy::Replace)
        return tr("replaced  %1  %2\n").arg(path, item.sha256);
    return sentLine.arg(path, item.sha256);
}

} // namespace Stevedore
