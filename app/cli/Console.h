#pragma once

#include <QString>

#include <cstdio>

namespace Stevedore {

// Where the command line writes and reads. Tests use the process itself; this class keeps
// the terminal questions (is stderr a terminal? read a secret without echo) in one place.
class Console
{
public:
    virtual ~Console() = default;

    virtual void out(const QString &text);
    virtual void err(const QString &text);
    virtual bool errIsTerminal() const;
    // A secret from standard input: prompted without echo on a terminal, else the first line.
    virtual QString readSecret(const QString &prompt);

    // A progress line that overwrites itself on a terminal; nothing elsewhere.
    void progress(const QString &line);
    void endProgress();

    // "1.5 MB": sizes as the command line prints them, the same in every locale.
    static QString sizeText(qint64 bytes);

private:
    bool m_progressShown = false;
};

} // namespace Stevedore
