#include "cli/Console.h"

#include "validate/NameRules.h"

#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <termios.h>
#include <unistd.h>

namespace Stevedore {

namespace {

// Names and messages come from the server: a terminal must never receive their control
// characters (an ESC sequence could rewrite the screen). Line breaks and tabs are ours.
QString forTerminal(const QString &text)
{
    const auto shownAsIs = [](QChar ch) {
        return ch == u'\n' || ch == u'\t' || !NameRules::isControlCharacter(ch);
    };
    if (std::all_of(text.cbegin(), text.cend(), shownAsIs))
        return text; // the common case, without a copy per line
    QString out;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text.at(i) != u'\n' && text.at(i) != u'\t')
            continue;
        out += NameRules::printable(text.mid(start, i - start));
        if (i < text.size())
            out += text.at(i);
        start = i + 1;
    }
    return out;
}

void write(std::FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

} // namespace

void Console::out(const QString &text)
{
    write(stdout, forTerminal(text));
}

void Console::err(const QString &text)
{
    write(stderr, forTerminal(text));
}

bool Console::errIsTerminal() const
{
    return isatty(STDERR_FILENO) == 1;
}

QString Console::readSecret(const QString &prompt)
{
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal) {
        err(prompt);
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QTextStream input(stdin);
    const QString line = input.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err(QStringLiteral("\n"));
    }
    return line.trimmed();
}

void Console::progress(const QString &line)
{
    if (!errIsTerminal())
        return;
    write(stderr, QLatin1Char('\r') + forTerminal(line) + QStringLiteral("\033[K"));
    m_progressShown = true;
}

void Console::endProgress()
{
    if (m_progressShown)
        write(stderr, QStringLiteral("\r\033[K"));
    m_progressShown = false;
}

QString Console::sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace Stevedore
