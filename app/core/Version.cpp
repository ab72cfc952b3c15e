#include "core/Version.h"

#include "core/BuildInfo.h"

using namespace Qt::StringLiterals;

namespace Stevedore {

QString applicationName()
{
    return u"Stevedore"_s;
}

QString executableName()
{
    return u"stevedore"_s;
}

QString applicationVersion()
{
    return QStringLiteral(STEVEDORE_VERSION);
}

QString applicationId()
{
    return QStringLiteral(STEVEDORE_APP_ID);
}

QString qtKeychainVersion()
{
    return QStringLiteral(STEVEDORE_QTKEYCHAIN_VERSION);
}

QString organizationName()
{
    return u"Stevedore"_s;
}

} // namespace Stevedore
