#pragma once

#include <QString>

class QLocale;

namespace Stevedore {

// Source texts are English, with "(s)" where a count decides the form ("%n file(s)").
// Installs the first translation compiled into the library (translations/stevedore_<lang>.ts,
// as `:/i18n/stevedore_<lang>.qm`) that matches one of `locale`'s UI languages; with none,
// English, whose file gives the counted texts their singular and plural. With a translation
// other than English, Qt's own texts (standard buttons, network errors) follow in the same
// language when the system has them (qtbase_<lang>.qm in Qt's translations folder).
// Call once after the application object exists. Returns the language installed ("de",
// "en"), or an empty string when the compiled files are missing.
QString installTranslations(const QLocale &locale);

} // namespace Stevedore
