#include "core/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Stevedore {

bool makePrivateFolder(const QString &folder)
{
    return QDir().mkpath(folder)
           && QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

bool makePrivateFile(const QString &filePath)
{
    if (!makePrivateFolder(QFileInfo(filePath).absolutePath()))
        return false;
    QFile file(filePath);
    if (!file.exists() && !file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace Stevedore
