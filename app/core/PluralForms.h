#pragma once

namespace Stevedore {

// Source texts are English with "(s)" where a count decides the form ("%n file(s)");
// translations/stevedore_en.ts gives English its singular and plural forms. Call once after
// the application object exists; returns false when the compiled forms are missing.
bool installEnglishPluralForms();

} // namespace Stevedore
