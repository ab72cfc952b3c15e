#pragma once

// A Dialogs that never shows anything: every call is recorded and answered at once from queues
// the test fills beforehand. A call whose queue is empty gets the "cancelled" answer (No or
// Cancel, an empty path, Cancel for a conflict) and is counted in unanswered(), so a test can
// check that nothing unexpected was asked:
//
//     ScriptedDialogs dialogs;
//     dialogs.answerFile(caPath);
//     AccountDialog dialog(dialogs);
//     … click "Trust this CA file…" …
//     QCOMPARE(dialogs.asked().size(), 1);
//     QCOMPARE(dialogs.unanswered(), 0);

#include "Dialogs.h"

#include <QList>
#include <QMessageBox>
#include <QQueue>
#include <QString>
#include <QStringList>

namespace Stevedore::GuiTest {

class ScriptedDialogs final : public Stevedore::Dialogs
{
public:
    enum class Kind {
        Question,
        Information,
        Warning,
        OpenFiles,
        OpenFile,
        SaveFile,
        ExistingDirectory,
        Conflict,
        QuitWithTransfers,
        BandwidthLimit
    };

    // One call: for message boxes the title and text, for file dialogs the caption and the
    // start folder (in `text`), for conflicts the file name (in `text`) and the comparison of
    // the two files (in `title`).
    struct Asked
    {
        Kind kind;
        QString title;
        QString text;
    };

    // Answers, consumed in order, one queue per kind of call.
    void answerQuestion(QMessageBox::StandardButton button) { m_buttons.enqueue(button); }
    void answerFiles(const QStringList &paths) { m_fileLists.enqueue(paths); }
    void answerFile(const QString &path) { m_files.enqueue(path); } // openFile, saveFile
    void answerDirectory(const QString &path) { m_directories.enqueue(path); }
    void answerConflict(ConflictAnswer::Choice choice, bool applyToAll = false)
    {
        m_conflicts.enqueue(ConflictAnswer{choice, applyToAll});
    }

    void answerQuit(QuitAnswer answer) { m_quits.enqueue(answer); }
    void answerBandwidthLimit(qint64 bytesPerSecond) { m_limits.enqueue(bytesPerSecond); }

    const QList<Asked> &asked() const { return m_asked; }
    QList<Asked> asked(Kind kind) const
    {
        QList<Asked> result;
        for (const Asked &call : m_asked) {
            if (call.kind == kind)
                result.append(call);
        }
        return result;
    }
    int unanswered() const { return m_unanswered; }
    void clear()
    {
        m_asked.clear();
        m_unanswered = 0;
        m_buttons.clear();
        m_fileLists.clear();
        m_files.clear();
        m_directories.clear();
        m_conflicts.clear();
        m_quits.clear();
    }

    QMessageBox::StandardButton question(QWidget *, const QString &title, const QString &text,
                                         QMessageBox::StandardButtons buttons,
                                         QMessageBox::StandardButton) override
    {
        m_asked.append({Kind::Question, title, text});
        if (!m_buttons.isEmpty())
            return m_buttons.dequeue();
        ++m_unanswered;
        if (buttons.testFlag(QMessageBox::Cancel))
            return QMessageBox::Cancel;
        if (buttons.testFlag(QMessageBox::No))
            return QMessageBox::No;
        return QMessageBox::NoButton;
    }

    void information(QWidget *, const QString &title, const QString &text) override
    {
        m_asked.append({Kind::Information, title, text});
    }

    void warning(QWidget *, const QString &title, const QString &text) override
    {
        m_asked.append({Kind::Warning, title, text});
    }

    QStringList openFiles(QWidget *, const QString &caption, const QString &dir,
                          const QString &) override
    {
        m_asked.append({Kind::OpenFiles, caption, dir});
        return take(m_fileLists);
    }

    QString openFile(QWidget *, const QString &caption, const QString &dir,
                     const QString &) override
    {
        m_asked.append({Kind::OpenFile, caption, dir});
        return take(m_files);
    }

    QString saveFile(QWidget *, const QString &caption, const QString &dir,
                     const QString &) override
    {
        m_asked.append({Kind::SaveFile, caption, dir});
        return take(m_files);
    }

    QString existingDirectory(QWidget *, const QString &caption, const QString &dir) override
    {
        m_asked.append({Kind::ExistingDirectory, caption, dir});
        return take(m_directories);
    }

    ConflictAnswer conflict(QWidget *, const QString &fileName, const QString &comparison) override
    {
        m_asked.append({Kind::Conflict, comparison, fileName});
        return take(m_conflicts);
    }

    QuitAnswer quitWithTransfers(QWidget *) override
    {
        m_asked.append({Kind::QuitWithTransfers, QString(), QString()});
        if (!m_quits.isEmpty())
            return m_quits.dequeue();
        ++m_unanswered;
        return QuitAnswer::Cancel;
    }

    std::optional<qint64> bandwidthLimit(QWidget *, qint64) override
    {
        m_asked.append({Kind::BandwidthLimit, QString(), QString()});
        if (!m_limits.isEmpty())
            return m_limits.dequeue();
        ++m_unanswered;
        return std::nullopt;
    }

private:
    template<typename T> T take(QQueue<T> &queue)
    {
        if (!queue.isEmpty())
            return queue.dequeue();
        ++m_unanswered;
        return T{};
    }

    QList<Asked> m_asked;
    int m_unanswered = 0;
    QQueue<QMessageBox::StandardButton> m_buttons;
    QQueue<QStringList> m_fileLists;
    QQueue<QString> m_files;
    QQueue<QString> m_directories;
    QQueue<ConflictAnswer> m_conflicts;
    QQueue<QuitAnswer> m_quits;
    QQueue<qint64> m_limits;
};

} // namespace Stevedore::GuiTest
