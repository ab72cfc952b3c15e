#include "SyncDialog.h"

#include "ActionIcon.h"
#include "ComparisonTable.h"
#include "StatusColours.h"
#include "transfer/TransferQueue.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Stevedore {

namespace {

using Kind = FileComparison::Kind;

} // namespace

SyncDialog::SyncDialog(std::shared_ptr<GitLabApi> api, TransferQueue &queue,
                       const PackageTarget &version, const QString &folder, QWidget *parent)
    : QDialog(parent)
    , m_api(std::move(api))
    , m_queue(queue)
    , m_version{version.project, version.packageName, version.version, {}}
    , m_folder(QDir(folder).absolutePath())
    , m_sorted(ComparisonTableModel::SortRole)
    , m_status(new QLabel(this))
    , m_retry(new QPushButton(actionIcon(QStringLiteral("retry")), tr("&Retry"), this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_notes(new QLabel(this))
    , m_deleteRemoved(new QCheckBox(tr("&Delete files the folder does not have"), this))
    , m_sync(new QPushButton(actionIcon(QStringLiteral("sync")), tr("&Sync"), this))
{
    setObjectName(QStringLiteral("syncDialog"));
    setWindowTitle(tr("Sync a folder to %1 %2").arg(m_version.packageName, m_version.version));
    setAttribute(Qt::WA_DeleteOnClose);
    setModal(false);

    auto *folderName = new QLabel(QDir::toNativeSeparators(m_folder), this);
    folderName->setObjectName(QStringLiteral("syncFolder"));
    folderName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *versionName = new QLabel(m_version.versionText(), this);
    versionName->setObjectName(QStringLiteral("syncVersion"));
    versionName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *form = new QFormLayout;
    form->addRow(tr("Folder:"), folderName);
    form->addRow(tr("Version:"), versionName);

    m_status->setObjectName(QStringLiteral("syncStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("syncRetry"));
    m_retry->hide();
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_retry, 0, Qt::AlignTop);

    // Before the sync the version is the left side and the folder the right one.
    m_model.setHeader(ComparisonTableModel::LeftSizeColumn, tr("Size in the version"));
    m_model.setHeader(ComparisonTableModel::LeftSha256Column, tr("SHA-256 in the version"));
    m_model.setHeader(ComparisonTableModel::RightSizeColumn, tr("Size in the folder"));
    m_model.setHeader(ComparisonTableModel::RightSha256Column, tr("SHA-256 in the folder"));
    m_model.setHeader(ComparisonTableModel::StateColumn, tr("Sync"));
    m_model.setKindName(Kind::Added, tr("New"));
    m_model.setKindName(Kind::Changed, tr("Changed"));
    m_model.setKindName(Kind::Same, tr("Same"));
    m_model.setKindName(Kind::Unreadable, tr("Unreadable"));
    m_table->setObjectName(QStringLiteral("syncTable"));
    showComparison(m_table, m_model, m_sorted, QStringLiteral("sync"));

    m_summary->setObjectName(QStringLiteral("syncSummary"));
    m_summary->setWordWrap(true);
    m_notes->setObjectName(QStringLiteral("syncNotes"));
    m_notes->setWordWrap(true);
    m_notes->hide();
    m_deleteRemoved->setObjectName(QStringLiteral("syncDeleteRemoved"));
    m_deleteRemoved->setToolTip(
        tr("Files of the version the folder does not have are deleted once every upload of the "
           "sync succeeded. Unticked, they stay in the version."));

    m_sync->setObjectName(QStringLiteral("syncButton"));
    m_sync->setEnabled(false);
    m_sync->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_sync, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(statusRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_notes);
    layout->addWidget(m_deleteRemoved);
    layout->addWidget(buttons);
    resize(960, 560);

    connect(m_retry, &QPushButton::clicked, this, &SyncDialog::planAgain);
    connect(m_sync, &QPushButton::clicked, this, &SyncDialog::sync);
    connect(m_deleteRemoved, &QCheckBox::toggled, this, [this] {
        updateKeptRows();
        updateSyncButton();
    });
    updateKeptRows();
    planAgain();
}

bool SyncDialog::deletesRemoved() const
{
    return m_deleteRemoved->isChecked();
}

// The folder is hashed and the version's files are fetched at the same time.
void SyncDialog::planAgain()
{
    if (m_started)
        return;
    ++m_generation;
    m_pending = 2;
    m_local.reset();
    m_served.reset();
    m_plan.reset();
    m_model.clear();
    m_summary->clear();
    m_notes->hide();
    m_retry->hide();
    updateSyncButton();
    setStatus(tr("Reading the folder and the files of %1…").arg(m_version.versionText()), false);

    stopHashing();
    m_hashing = new LocalFingerprints(this);
    connect(m_hashing, &LocalFingerprints::progress, this, [this](qint64 hashed, qint64 total) {
        const QLocale locale;
        setStatus(tr("Hashing the folder: %1 of %2…")
                      .arg(locale.formattedDataSize(hashed), locale.formattedDataSize(total)),
                  false);
    });
    connect(m_hashing, &LocalFingerprints::finished, this, &SyncDialog::onHashed);
    m_hashing->start(m_folder);

    m_api->versionFiles(m_version.project, m_version.packageName, m_version.version, this,
                        [this, generation = m_generation](Result<VersionFiles> files) {
                            if (generation != m_generation || m_pending == 0)
                                return;
                            if (!files.ok())
                                return fail(files.error().message());
                            m_served = files.value();
                            --m_pending;
                            showPlanWhenBothAreKnown();
                        });
}

// An earlier hashing (or one whose plan failed) stops soon; its progress and result are dropped.
// It may be the sender of the signal being handled, so it goes later.
void SyncDialog::stopHashing()
{
    if (!m_hashing)
        return;
    m_hashing->disconnect(this);
    m_hashing->deleteLater();
    m_hashing = nullptr;
}

void SyncDialog::onHashed(const LocalFingerprints::Result &local)
{
    if (m_pending == 0)
        return;
    if (!local.problem.isEmpty())
        return fail(local.problem);
    m_local = local;
    --m_pending;
    showPlanWhenBothAreKnown();
}

void SyncDialog::showPlanWhenBothAreKnown()
{
    if (!m_local || !m_served)
        return;
    m_plan = SyncPlan(m_folder, m_version, m_local->files, *m_served);
    m_model.setComparison(m_plan->comparison());
    m_summary->setText(summary());
    m_notes->setText(tr("Left out: %1").arg(m_local->notes.join(QStringLiteral("; "))));
    m_notes->setVisible(!m_local->notes.isEmpty());
    showPlanStatus();
    updateSyncButton();
    Q_EMIT planned();
}

// What stands in the way of Sync, or what it will do.
void SyncDialog::showPlanStatus()
{
    const int unreadable = m_plan->comparison().count(Kind::Unreadable);
    if (unreadable > 0) {
        setStatus(tr("Nothing can be sent: %n file(s) in the folder cannot be read, so it is not "
                     "known whether the version has them. Make them readable or move them out "
                     "of the folder, then Retry.",
                     "", unreadable),
                  true);
    } else if (const std::optional<QString> refusal = SyncPlan::refusedName(m_local->files)) {
        setStatus(tr("Nothing can be sent: %1").arg(*refusal), true);
    } else if (!m_served->package) {
        setStatus(tr("%1 does not exist yet: Sync creates it with the folder's files.")
                      .arg(m_version.versionText()),
                  false);
    } else if (!m_plan->hasWork(deletesRemoved())) {
        setStatus(tr("Nothing to do: the version holds the folder's files."), false);
    } else {
        setStatus(tr("Nothing is sent before you press Sync."), false);
    }
    m_retry->setVisible(m_statusIsError);
}

void SyncDialog::fail(const QString &message)
{
    m_pending = 0;
    stopHashing();
    setStatus(tr("Could not make the plan: %1").arg(message), true);
    m_retry->show();
    updateSyncButton();
    Q_EMIT failed(message);
}

// A file the folder does not have says what Sync will do with it.
void SyncDialog::updateKeptRows()
{
    // A kept file is no change, so it is not coloured as one.
    m_model.setKindName(Kind::Removed, deletesRemoved() ? tr("Delete") : tr("Kept"),
                        deletesRemoved());
    if (m_plan && !m_started) {
        m_summary->setText(summary());
        showPlanStatus();
    }
}

void SyncDialog::updateSyncButton()
{
    const bool ready = m_plan && !m_started && !m_plan->isBlocked()
                       && !SyncPlan::refusedName(m_local->files)
                       && m_plan->hasWork(deletesRemoved());
    m_sync->setEnabled(ready);
    m_deleteRemoved->setEnabled(!m_started);
}

void SyncDialog::sync()
{
    if (!m_sync->isEnabled())
        return;
    m_started = true;
    m_run = new SyncRun(m_queue, m_api, *m_plan, deletesRemoved());
    connect(m_run, &SyncRun::changed, this, &SyncDialog::showRun);
    connect(m_run, &SyncRun::ended, this, [this] { Q_EMIT ended(m_run->stage()); });
    updateSyncButton();
    if (const ApiError problem = m_run->start(); problem.isError()) {
        delete m_run;
        m_started = false;
        setStatus(tr("Nothing was sent: %1").arg(problem.message()), true);
        m_retry->show();
        updateSyncButton();
        return;
    }
    Q_EMIT started();
}

void SyncDialog::showRun()
{
    if (!m_run)
        return;
    const SyncRun::Counts counts = m_run->counts();
    const int uploads =
        counts.uploaded + counts.replaced + counts.unchanged + counts.failed + counts.waiting;
    const int removals = int(m_plan->removals().size());
    switch (m_run->stage()) {
    case SyncRun::Stage::Uploading:
        setStatus(tr("Uploading: %1 of %n file(s) done; the transfer list shows them.", "", uploads)
                      .arg(uploads - counts.waiting),
                  false);
        break;
    case SyncRun::Stage::Stopped:
        setStatus((deletesRemoved() && removals > 0
                       ? tr("Sync stopped: %n upload(s) did not succeed, so nothing was deleted.",
                            "", counts.failed)
                       : tr("Sync stopped: %n upload(s) did not succeed.", "", counts.failed))
                      + QLatin1Char(' ')
                      + tr("Retry them in the transfer list and the sync goes on."),
                  true);
        break;
    case SyncRun::Stage::Deleting:
        setStatus(tr("Deleting the files the folder does not have: %1 of %n done…", "", removals)
                      .arg(m_run->deleted().size()),
                  false);
        break;
    case SyncRun::Stage::Done: {
        QStringList parts;
        const auto add = [&parts](int n, const QString &text) {
            if (n > 0)
                parts << text;
        };
        add(counts.uploaded, tr("%n uploaded", "", counts.uploaded));
        add(counts.replaced, tr("%n replaced", "", counts.replaced));
        add(counts.unchanged, tr("%n already there", "", counts.unchanged));
        add(int(m_run->deleted().size()), tr("%n deleted", "", int(m_run->deleted().size())));
        setStatus(tr("Synced: %1.").arg(parts.join(tr(", ", "between the counts of the summary"))),
                  false);
        break;
    }
    case SyncRun::Stage::Failed:
        setStatus(tr("The uploads succeeded, but a deletion failed: %1. The files after it were "
                     "not deleted.")
                      .arg(m_run->deletionError()),
                  true);
        break;
    }
}

void SyncDialog::setStatus(const QString &text, bool isError)
{
    m_statusIsError = isError;
    m_status->setText(text);
    m_status->setStyleSheet(
        isError ? StatusColours::labelStyle(StatusColours::Meaning::Error, palette()) : QString());
}

// "2 new, 1 changed, 5 the same, 1 kept"
QString SyncDialog::summary() const
{
    const FileComparison &comparison = m_plan->comparison();
    QStringList parts{tr("%n new", "", comparison.count(Kind::Added)),
                      tr("%n changed", "", comparison.count(Kind::Changed)),
                      tr("%n the same", "", comparison.count(Kind::Same))};
    const int removed = comparison.count(Kind::Removed);
    parts << (deletesRemoved() ? tr("%n to delete", "", removed)
                               : tr("%n not in the folder, kept", "", removed));
    if (const int unreadable = comparison.count(Kind::Unreadable))
        parts << tr("%n unreadable", "", unreadable);
    return parts.join(tr(", ", "between the counts of the summary"));
}

// Colours are picked for the palette: a new one (a dark theme) picks them again.
void SyncDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    m_model.setPalette(palette());
    setStatus(m_status->text(), m_statusIsError);
}

} // namespace Stevedore
