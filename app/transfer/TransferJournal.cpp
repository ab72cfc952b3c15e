#include "transfer/TransferJournal.h"

#include "core/PrivateFiles.h"

#include <QHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>

Q_DECLARE_LOGGING_CATEGORY(lcTransfer)

namespace Stevedore {

namespace {

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray putLine(const TransferItem &item)
{
    return line(QJsonObject{{QStringLiteral("put"), item.toJson()}});
}

} // namespace

TransferJournal::TransferJournal(QString path)
    : m_path(std::move(path))
    , m_file(m_path)
{
}

QList<TransferItem> TransferJournal::open(QString *problem)
{
    QList<TransferItem> items;
    QHash<QString, qsizetype> indexOf;
    QFile file(m_path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            const QString aside = m_path + QStringLiteral(".broken");
            QFile::remove(aside);
            QFile::rename(m_path, aside);
            if (problem)
                *problem = QObject::tr("The saved transfer queue could not be read (%1); it was "
                                       "kept as %2.")
                               .arg(file.errorString(), aside);
        }
        while (file.isOpen() && !file.atEnd()) {
            const QJsonObject entry = QJsonDocument::fromJson(file.readLine()).object();
            if (entry.contains(QLatin1String("remove"))) {
                const QString id = entry.value(QLatin1String("remove")).toString();
                if (const qsizetype at = indexOf.value(id, -1); at >= 0) {
                    items.removeAt(at);
                    indexOf.clear();
                    for (qsizetype i = 0; i < items.size(); ++i)
                        indexOf.insert(items.at(i).id, i);
                }
                continue;
            }
            const auto item = TransferItem::fromJson(entry.value(QLatin1String("put")).toObject());
            if (!item)
                continue; // a line cut short by a crash, or from a newer version
            if (const qsizetype at = indexOf.value(item->id, -1); at >= 0) {
                items[at] = *item;
            } else {
                indexOf.insert(item->id, items.size());
                items.append(*item);
            }
        }
    }
    compact(items);
    return items;
}

void TransferJournal::put(const TransferItem &item)
{
    append(putLine(item), 1);
}

void TransferJournal::put(const QList<const TransferItem *> &items)
{
    QByteArray lines;
    for (const TransferItem *item : items)
        lines += putLine(*item);
    append(lines, int(items.size()));
}

void TransferJournal::remove(const QString &id)
{
    append(line(QJsonObject{{QStringLiteral("remove"), id}}), 1);
}

void TransferJournal::append(const QByteArray &lines, int count)
{
    if (!m_file.isOpen()) {
        makePrivateFile(m_path);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
            qCWarning(lcTransfer) << "cannot write the transfer queue" << m_path
                                  << m_file.errorString();
            return;
        }
    }
    if (m_file.write(lines) != lines.size() || !m_file.flush())
        qCWarning(lcTransfer) << "cannot write the transfer queue" << m_path
                              << m_file.errorString();
    m_bytesWritten += lines.size();
    m_lines += count;
}

void TransferJournal::compact(const QList<TransferItem> &live)
{
    m_file.close();
    makePrivateFile(m_path); // QSaveFile keeps the mode of the file it replaces
    QSaveFile file(m_path);
    QByteArray lines;
    for (const TransferItem &item : live)
        lines += putLine(item);
    if (!file.open(QIODevice::WriteOnly) || file.write(lines) != lines.size() || !file.commit()) {
        qCWarning(lcTransfer) << "cannot write the transfer queue" << m_path << file.errorString();
        return;
    }
    m_bytesWritten += lines.size();
    m_lines = live.size();
}

void TransferJournal::discard()
{
    m_file.close();
    QFile::remove(m_path);
    m_lines = 0;
}

} // namespace Stevedore
