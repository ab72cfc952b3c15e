#include "ApplicationIcon.h"

#include "core/Version.h"

using namespace Qt::StringLiterals;

namespace Stevedore {

QIcon applicationIcon()
{
    return QIcon(u":/icons/"_s + applicationId() + u".svg"_s);
}

} // namespace Stevedore
