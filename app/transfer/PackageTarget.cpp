#include "transfer/PackageTarget.h"

#include "validate/NameRules.h"

namespace Stevedore {

QByteArray PackageTarget::encodedPath() const
{
    QByteArray path = "projects/" + GitLabClient::projectSegment(project) + "/packages/generic/"
                      + GitLabClient::encodeSegment(packageName) + '/'
                      + GitLabClient::encodeSegment(version);
    for (const QString &segment : fileName.split(QLatin1Char('/')))
        path += '/' + GitLabClient::encodeSegment(segment);
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

} // namespace Stevedore
