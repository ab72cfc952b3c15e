#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <functional>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

bool install(const std::function<bool(QTranslator &)> &load)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (load(*translator) && QCoreApplication::installTranslator(translator))
        return true;
    delete translator;
    return false;
}

} // namespace

QString installTranslations(const QLocale &locale)
{
    QString language;
    const bool installed = install([&](QTranslator &translator) {
        if (!translator.load(locale, u"stevedore"_s, u"_"_s, u":/i18n"_s)
            && !translator.load(u":/i18n/stevedore_en.qm"_s))
            return false;
        language = translator.language();
        return true;
    });
    if (!installed)
        return {};
    if (language != "en"_L1) {
        install([&](QTranslator &translator) {
            return translator.load(u"qtbase_"_s + language,
                                   QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        });
    }
    return language;
}

} // namespace Stevedore
