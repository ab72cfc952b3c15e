#include "transfer/LocalTarget.h"

#include "validate/NameRules.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Stevedore {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::LocalTarget)
};

ApiError refused(const QString &name, const QString &why)
{
    return ApiError(ApiError::Kind::Protocol,
                    Tr::tr("Refusing to write the file GitLab names \"%1\": %2")
                        .arg(NameRules::printable(name), why));
}

} // namespace

bool isInsideFolder(const QString &canonicalPath, const QString &canonicalFolder)
{
    return canonicalPath == canonicalFolder
           || canonicalPath.startsWith(canonicalFolder.endsWith(u'/')
                                           ? canonicalFolder
                                           : canonicalFolder + QLatin1Char('/'));
}

QString partPathOf(const QString &targetPath)
{
    return targetPath + QStringLiteral(".part");
}

Result<QString> localTargetPath(const QString &folder, const QString &relativeName)
{
    if (const auto problem = NameRules::localNameProblem(relativeName))
        return refused(relativeName, *problem);
    const QString target = QDir(folder).filePath(relativeName);
    const QString canonicalFolder = QFileInfo(folder).canonicalFilePath();
    if (canonicalFolder.isEmpty())
        return target; // the folder does not exist yet: nothing inside it can lead elsewhere

    QString path = QDir(folder).absolutePath();
    const QStringList segments = relativeName.split(QLatin1Char('/'));
    for (qsizetype i = 0; i < segments.size(); ++i) {
        path += QLatin1Char('/') + segments.at(i);
        const QFileInfo info(path);
        const bool last = i == segments.size() - 1;
        if (last) {
            for (const QString &written : {path, partPathOf(path)}) {
                if (QFileInfo(written).isSymLink())
                    return refused(relativeName, Tr::tr("%1 is a symbolic link; it is left alone.")
                                                     .arg(QDir::toNativeSeparators(written)));
            }
            break;
        }
        if (!info.exists() && !info.isSymLink())
            break; // created later, below a folder that was checked
        const QString canonical = info.canonicalFilePath(); // empty for a dangling link
        if (canonical.isEmpty() || !isInsideFolder(canonical, canonicalFolder))
            return refused(relativeName, Tr::tr("%1 leads outside %2 through a symbolic link.")
                                             .arg(QDir::toNativeSeparators(path),
                                                  QDir::toNativeSeparators(folder)));
        if (!info.isDir())
            return refused(
                relativeName,
                Tr::tr("%1 exists and is not a folder.").arg(QDir::toNativeSeparators(path)));
    }
    return target;
}

} // namespace Stevedore
