#include "Dialogs.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

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

std::optional<qint64> Dialogs::bandwidthLimit(QWidget *parent, qint64 current)
{
    constexpr double kMiB = 1024.0 * 1024.0;
    QDialog dialog(parent);
    dialog.setWindowTitle(tr("Bandwidth limit"));
    auto *limited = new QCheckBox(tr("&Limit uploads and downloads to"), &dialog);
    auto *rate = new QDoubleSpinBox(&dialog);
    rate->setObjectName(QStringLiteral("bandwidthRate"));
    rate->setRange(0.1, 10000.0);
    rate->setDecimals(1);
    rate->setSuffix(tr(" MiB/s"));
    rate->setValue(current > 0 ? double(current) / kMiB : 10.0);
    limited->setChecked(current > 0);
    rate->setEnabled(current > 0);
    QObject::connect(limited, &QCheckBox::toggled, rate, &QWidget::setEnabled);
    auto *note = new QLabel(tr("With a limit, transfers run one at a time, held to this rate. It "
                               "applies to the transfers that start from now on and is "
                               "remembered."),
                            &dialog);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(limited);
    row->addWidget(rate);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(row);
    layout->addWidget(note);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return limited->isChecked() ? qint64(rate->value() * kMiB) : 0;
}

} // namespace Stevedore
