#include "Dialogs.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QPushButton>

namespace Stevedore {

Dialogs::~Dialogs() = default;

QMessageBox::StandardButton Dialogs::question(QWidget *parent, const QString &title,
                                              const QString &text,
                                              QMessageBox::StandardButtons buttons,
                                              QMessageBox::StandardButton defaultButton)
{
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void Dialogs::information(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::information(parent, title, text);
}

void Dialogs::warning(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::warning(parent, title, text);
}

QStringList Dialogs::openFiles(QWidget *parent, const QString &caption, const QString &dir,
                               const QString &filter)
{
    return QFileDialog::getOpenFileNames(parent, caption, dir, filter);
}

QString Dialogs::openFile(QWidget *parent, const QString &caption, const QString &dir,
                          const QString &filter)
{
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString Dialogs::saveFile(QWidget *parent, const QString &caption, const QString &dir,
                          const QString &filter)
{
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

QString Dialogs::existingDirectory(QWidget *parent, const QString &caption, const QString &dir)
{
    return QFileDialog::getExistingDirectory(parent, caption, dir);
}

Dialogs::ConflictAnswer Dialogs::conflict(QWidget *parent, const QString &fileName,
                                          const QString &comparison)
{
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(tr("File already exists"));
    box.setText(tr("\"%1\" already exists.").arg(fileName));
    box.setInformativeText(comparison + QStringLiteral("\n\n")
                           + tr("Overwrite it, keep both (the new one gets another name), or "
                                "skip this file?"));
    QPushButton *overwrite = box.addButton(tr("&Overwrite"), QMessageBox::DestructiveRole);
    QPushButton *keepBoth = box.addButton(tr("&Keep both"), QMessageBox::AcceptRole);
    QPushButton *skip = box.addButton(tr("&Skip"), QMessageBox::RejectRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keepBoth);
    box.setEscapeButton(cancel);
    auto *applyToAll = new QCheckBox(tr("&Apply to all"), &box);
    box.setCheckBox(applyToAll);
    box.exec();

    ConflictAnswer answer;
    const QAbstractButton *clicked = box.clickedButton();
    if (clicked == overwrite)
        answer.choice = ConflictAnswer::Choice::Overwrite;
    else if (clicked == keepBoth)
        answer.choice = ConflictAnswer::Choice::KeepBoth;
    else if (clicked == skip)
        answer.choice = ConflictAnswer::Choice::Skip;
    else
        answer.choice = ConflictAnswer::Choice::Cancel;
    answer.applyToAll = answer.choice != ConflictAnswer::Choice::Cancel && applyToAll->isChecked();
    return answer;
}

Dialogs::QuitAnswer Dialogs::quitWithTransfers(QWidget *parent)
{
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(tr("Transfers are running"));
    box.setText(tr("Transfers are still running. Quit anyway?"));
    box.setInformativeText(tr("Paused or interrupted transfers are saved and continue the next "
                              "time Stevedore starts: a download where it stopped, an upload "
                              "from the start of its file."));
    QPushButton *finish = box.addButton(tr("&Finish, then quit"), QMessageBox::AcceptRole);
    QPushButton *pause = box.addButton(tr("&Pause and quit"), QMessageBox::DestructiveRole);
    QPushButton *now = box.addButton(tr("&Quit now"), QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(finish);
    box.setEscapeButton(cancel);
    box.exec();
    const QAbstractButton *clicked = box.clickedButton();
    if (clicked == finish)
        return QuitAnswer::Finish;
    if (clicked == pause)
        return QuitAnswer::PauseAndQuit;
    if (clicked == now)
        return QuitAnswer::QuitNow;
    return QuitAnswer::Cancel;
}

} // namespace Stevedore
