#pragma once

#include <QCoreApplication>
#include <QString>

namespace Stevedore {

// The manual page stevedore(1) in roff, made from CommandCatalog: every command, option,
// environment variable and exit status it lists comes from the table the parsers use. The
// build writes it with `stevedore __man` and installs that, never a hand-kept copy.
class ManPage final
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::ManPage)

public:
    ManPage() = delete;

    [[nodiscard]] static QString roff();

    // `text` with roff's special characters escaped: backslashes, a dot or quote at the start of
    // a line, and the hyphens of options (--url) as minus signs.
    [[nodiscard]] static QString escaped(const QString &text);
};

} // namespace Stevedore
