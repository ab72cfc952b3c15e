#include "cli/Console.h"

#include <QTextStream>

#include <termios.h>
#include <unistd.h>

namespace Stevedore {

void Console::out(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

void Console::err(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
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
    err(QLatin1Char('\r') + line + QStringLiteral("\033[K"));
    m_progressShown = true;
}

void Console::endProgress()
{
    if (m_progressShown)
        err(QStringLiteral("\r\033[K"));
    m_progressShown = false;
}

} // namespace Stevedore
