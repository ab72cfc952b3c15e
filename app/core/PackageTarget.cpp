#include "core/PackageTarget.h"

#include "core/UrlSegments.h"
#include "validate/NameRules.h"

namespace Stevedore {

QByteArray PackageTarget::encodedPath() const
{
    QByteArray path = "projects/" + UrlSegments::project(project) + "/packages/generic/"
                      + UrlSegments::encode(packageName) + '/' + UrlSegments::encode(version);
    for (const QString &segment : fileName.split(QLatin1Char('/')))
        path += '/' + UrlSegments::encode(segment);
    return path;
}

QString PackageTarget::storedName() const
{
    QString problem;
    const auto name = NameRules::splitUploadPath(fileName, &problem);
    return name ? name->storedName : fileName;
}

QString PackageTarget::describe() const
{
    return project + QStringLiteral(" › ") + packageName + QLatin1Char(' ') + version
           + QStringLiteral(" › ") + fileName;
}

QString PackageTarget::versionText() const
{
    return QStringLiteral("%1 %2 %3").arg(project, packageName, version);
}

} // namespace Stevedore
