#include "transfer/WindowQueuePath.h"

#include "core/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

Q_DECLARE_LOGGING_CATEGORY(lcTransfer)

namespace Stevedore {

QString windowQueuePath()
{
    const QDir data(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation));
    const QString fileName = QStringLiteral("transfer-queue.jsonl");
    const QString path = data.filePath(QStringLiteral("stevedore/") + fileName);
    const QString oldFolder = QStringLiteral("Stevedore/Stevedore");
    const QString oldPath = data.filePath(oldFolder + QLatin1Char('/') + fileName);
    if (QFile::exists(path) || !QFile::exists(oldPath))
        return path;
    if (!makePrivateFolder(data.filePath(QStringLiteral("stevedore")))
        || !QFile::rename(oldPath, path)) {
        qCWarning(lcTransfer) << "cannot move the transfer queue from" << oldPath << "to" << path;
        return path;
    }
    // Only when empty: nothing else of ours lived there.
    data.rmdir(oldFolder);
    data.rmdir(QStringLiteral("Stevedore"));
    return path;
}

QString copySpoolFolder(const QString &queueFile)
{
    return QFileInfo(queueFile).absoluteDir().filePath(QStringLiteral("copy-spool"));
}

} // namespace Stevedore
