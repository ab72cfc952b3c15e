#include "PluralForms.h"

#include <QCoreApplication>
#include <QTranslator>

namespace Stevedore {

bool installEnglishPluralForms()
{
    auto *forms = new QTranslator(QCoreApplication::instance());
    if (!forms->load(QStringLiteral(":/i18n/stevedore_en.qm"))) {
        delete forms;
        return false;
    }
    return QCoreApplication::installTranslator(forms);
}

} // namespace Stevedore
