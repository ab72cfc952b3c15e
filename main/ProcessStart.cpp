#include "ProcessStart.h"

#include "core/PrivateFiles.h"
#include "core/Version.h"

#include <QCoreApplication>
#include <QSettings>

namespace Stevedore {

QStringList argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(organizationName());
    QCoreApplication::setApplicationName(applicationName());
    QCoreApplication::setApplicationVersion(applicationVersion());
    makePrivateFile(QSettings().fileName()); // accounts and window settings
}

void writeTo(std::FILE *stream, const QString &text)
{
    if (!text.isEmpty())
        std::fputs(text.toLocal8Bit().constData(), stream);
}

} // namespace Stevedore
