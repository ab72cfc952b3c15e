#pragma once

#include <QCoreApplication>
#include <QMessageBox>
#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace Stevedore {

// The one seam for modal message boxes and file dialogs. Windows and dialogs receive a
// `Dialogs &` and never call QMessageBox or QFileDialog themselves, so that GUI tests can pass
// a subclass that answers at once (tests/gui/ScriptedDialogs.h) and never block on a modal.
//
// Every method is modal in this implementation: it returns when the person has answered.
class Dialogs
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::Dialogs)
    Q_DISABLE_COPY_MOVE(Dialogs)

public:
    // What to do with a file that already exists where a download or a publish would put it.
    struct ConflictAnswer
    {
        enum class Choice { Overwrite, KeepBoth, Skip, Cancel };

        Choice choice = Choice::Cancel;
        bool applyToAll = false; // use the same choice for the remaining conflicts of the batch

        bool operator==(const ConflictAnswer &other) const = default;
    };

    // Quitting while transfers run.
    enum class QuitAnswer { Finish, PauseAndQuit, QuitNow, Cancel };

    Dialogs() = default;
    virtual ~Dialogs();

    virtual QMessageBox::StandardButton
    question(QWidget *parent, const QString &title, const QString &text,
             QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
             QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
    virtual void information(QWidget *parent, const QString &title, const QString &text);
    virtual void warning(QWidget *parent, const QString &title, const QString &text);

    // `filter` is QFileDialog's name filter ("PEM certificates (*.pem *.crt);;All files (*)").
    // An empty result means the person cancelled.
    virtual QStringList openFiles(QWidget *parent, const QString &caption, const QString &dir,
                                  const QString &filter = {});
    virtual QString openFile(QWidget *parent, const QString &caption, const QString &dir,
                             const QString &filter = {});
    virtual QString saveFile(QWidget *parent, const QString &caption, const QString &dir,
                             const QString &filter = {});
    virtual QString existingDirectory(QWidget *parent, const QString &caption, const QString &dir);

    // "fileName already exists": Overwrite, Keep both, Skip or Cancel, with an "Apply to all"
    // check box.
    // `comparison` tells the two files apart (sizes and dates), shown above the question.
    virtual ConflictAnswer conflict(QWidget *parent, const QString &fileName,
                                    const QString &comparison);
    // "Transfers are running": finish them, then quit; pause them (they continue at the next
    // start) and quit; quit now (they continue at the next start too); or cancel.
    virtual QuitAnswer quitWithTransfers(QWidget *parent);
    // The transfers' bandwidth limit in bytes per second, 0 for none; `current` fills it in.
    // Empty when the person cancelled.
    virtual std::optional<qint64> bandwidthLimit(QWidget *parent, qint64 current);
};

} // namespace Stevedore
