#include "TransferDock.h"

#include "ActionIcon.h"
#include "DownloadVerifier.h"
#include "HeaderSorting.h"
#include "StatusColours.h"

#include <QAction>
#include <QButtonGroup>
#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Stevedore {

namespace {

// Paints ProgressRole (0…1, or -1 when unknown) as the platform's progress bar.
class ProgressDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const double progress = index.data(TransferQueueModel::ProgressRole).toDouble();
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 3, -2, -3);
        bar.minimum = 0;
        bar.maximum = progress < 0 ? 0 : 1000; // 0…0 shows a busy bar
        bar.progress = progress < 0 ? 0 : int(progress * 1000);
        bar.text = index.data(Qt::DisplayRole).toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        bar.palette = option.palette;
        QStyle *style = option.widget ? option.widget->style() : nullptr;
        if (style)
            style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
    }
};

// Colours the message of a verified download from StatusColours: success when it is identical
// to the server, error when it differs, warning when it could not be verified.
class VerificationDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        using Verification = TransferQueueModel::Verification;
        using StatusColours::Meaning;
        const auto verification =
            Verification(index.data(TransferQueueModel::VerificationRole).toInt());
        if (verification == Verification::None || verification == Verification::Running
            || !index.data(TransferQueueModel::ErrorRole).toString().isEmpty())
            return;
        const Meaning meaning = verification == Verification::Verified      ? Meaning::Success
                                : verification == Verification::NotVerified ? Meaning::Warning
                                                                            : Meaning::Error;
        option->palette.setColor(QPalette::Text,
                                 StatusColours::text(meaning, option->palette, QPalette::Base));
    }
};

// A button for an action that the list's context menu offers too.
QToolButton *button(QWidget *parent, const QString &objectName, const QString &text,
                    const QString &icon = {})
{
    auto *action = new QAction(icon.isEmpty() ? QIcon() : actionIcon(icon), text, parent);
    action->setObjectName(objectName + QStringLiteral("Action"));
    auto *result = new QToolButton(parent);
    result->setObjectName(objectName);
    result->setDefaultAction(action);
    result->setAutoRaise(true);
    // Icons alone keep the dock narrow enough for a 1024-pixel screen; the text is the tooltip.
    result->setToolButtonStyle(icon.isEmpty() ? Qt::ToolButtonTextOnly : Qt::ToolButtonIconOnly);
    return result;
}

} // namespace

TransferDock::TransferDock(TransferQueue &queue, QWidget *parent)
    : QDockWidget(tr("Transfers"), parent)
    , m_queue(queue)
    , m_model(&queue)
    , m_view(new QTableView(this))
    , m_verify(new QAction(actionIcon(QStringLiteral("verify")), tr("Verify download"), this))
{
    setObjectName(QStringLiteral("transferDock"));
    m_filter.setSourceModel(&m_model);
    m_titleDelay.setSingleShot(true);
    m_titleDelay.setInterval(250);
    connect(&m_titleDelay, &QTimer::timeout, this, &TransferDock::updateTitle);
    const auto later = [this] {
        if (!m_titleDelay.isActive())
            m_titleDelay.start();
    };
    connect(&m_model, &QAbstractItemModel::dataChanged, this, later);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, later);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, later);
    connect(&m_model, &QAbstractItemModel::modelReset, this, later);
    m_view->setObjectName(QStringLiteral("transferView"));
    m_view->setModel(&m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setItemDelegateForColumn(TransferQueueModel::ProgressColumn,
                                     new ProgressDelegate(m_view));
    m_view->setItemDelegateForColumn(TransferQueueModel::MessageColumn,
                                     new VerificationDelegate(m_view));
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->horizontalHeader()->setSectionResizeMode(TransferQueueModel::NameColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(TransferQueueModel::TargetColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(TransferQueueModel::MessageColumn,
                                                     QHeaderView::Stretch);
    m_view->setShowGrid(false);
    // The account column appears once the list holds transfers of more than one account.
    const auto showAccounts = [this] {
        m_view->setColumnHidden(TransferQueueModel::AccountColumn, !m_model.spansAccounts());
    };
    showAccounts();
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, showAccounts);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, showAccounts);
    connect(&m_model, &QAbstractItemModel::modelReset, this, showAccounts);
    enableHeaderSorting(m_view, QStringLiteral("transfers"));

    auto *content = new QWidget(this);
    auto *bar = new QHBoxLayout;
    auto *filters = new QButtonGroup(this);
    const std::pair<TransferFilterModel::Filter, QString> filterButtons[] = {
        {TransferFilterModel::All, tr("All")},
        {TransferFilterModel::Active, tr("Active")},
        {TransferFilterModel::Failed, tr("Failed")},
        {TransferFilterModel::Done, tr("Done")},
    };
    for (const auto &[filter, text] : filterButtons) {
        QToolButton *filterButton = button(content, QStringLiteral("filter") + text, text);
        filterButton->setCheckable(true);
        filterButton->setChecked(filter == TransferFilterModel::All);
        filters->addButton(filterButton, filter);
        bar->addWidget(filterButton);
    }
    connect(filters, &QButtonGroup::idClicked, this,
            [this](int id) { m_filter.setFilter(TransferFilterModel::Filter(id)); });
    bar->addStretch(1);

    QToolButton *pause =
        button(content, QStringLiteral("pauseQueue"), tr("Pause queue"), QStringLiteral("pause"));
    pause->defaultAction()->setToolTip(
        tr("Stops the running transfers now and starts nothing new. On Resume a "
           "download continues where it stopped; an interrupted upload sends its "
           "file again."));
    QToolButton *resume =
        button(content, QStringLiteral("resumeQueue"), tr("Resume"), QStringLiteral("resume"));
    QToolButton *retry =
        button(content, QStringLiteral("retryFailed"), tr("Retry failed"), QStringLiteral("retry"));
    QToolButton *cancel =
        button(content, QStringLiteral("cancelTransfer"), tr("Cancel"), QStringLiteral("cancel"));
    QToolButton *remove =
        button(content, QStringLiteral("removeTransfer"), tr("Remove"), QStringLiteral("remove"));
    QToolButton *clear = button(content, QStringLiteral("clearDone"), tr("Clear done"),
                                QStringLiteral("clear-done"));
    QToolButton *folder = button(content, QStringLiteral("openFolder"), tr("Open folder"),
                                 QStringLiteral("open-folder"));
    for (QToolButton *action : {pause, resume, retry, cancel, remove, clear, folder})
        bar->addWidget(action);
    connect(pause->defaultAction(), &QAction::triggered, &m_queue, &TransferQueue::pause);
    connect(resume->defaultAction(), &QAction::triggered, &m_queue, &TransferQueue::resume);
    connect(retry->defaultAction(), &QAction::triggered, &m_queue, &TransferQueue::retryFailed);
    connect(cancel->defaultAction(), &QAction::triggered, this, [this] {
        for (int row : selectedSourceRows())
            m_model.cancel(row);
    });
    connect(remove->defaultAction(), &QAction::triggered, this, &TransferDock::removeSelected);
    connect(clear->defaultAction(), &QAction::triggered, &m_queue, &TransferQueue::clearFinished);
    connect(folder->defaultAction(), &QAction::triggered, this, &TransferDock::openFolder);
    // The same actions on a right-click in the list (which selects the row under the pointer),
    // and one more: run the selected rows again, cancelled or skipped ones too.
    auto *again = new QAction(actionIcon(QStringLiteral("run-again")), tr("Run again"), this);
    again->setObjectName(QStringLiteral("retryTransferAction"));
    connect(again, &QAction::triggered, this, [this] {
        for (int row : selectedSourceRows())
            m_model.retry(row);
    });
    // The folder a finished download went to against its version on the server.
    m_verify->setObjectName(QStringLiteral("verifyDownloadAction"));
    m_verify->setToolTip(tr("Compares the downloaded files with the version on the server by "
                            "SHA-256: changed, missing and extra files are shown."));
    m_verify->setEnabled(false);
    connect(m_verify, &QAction::triggered, this,
            [this] { Q_EMIT verifyRequested(selectedVerifiableIds()); });
    const auto updateVerify = [this] { m_verify->setEnabled(!selectedVerifiableIds().isEmpty()); };
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, updateVerify);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, updateVerify);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(again);
    m_view->addAction(m_verify);
    for (QToolButton *action : {cancel, remove, folder, pause, resume, retry, clear})
        m_view->addAction(action->defaultAction());
    const auto updatePaused = [pause, resume, this] {
        pause->defaultAction()->setEnabled(!m_queue.isPaused());
        resume->defaultAction()->setEnabled(m_queue.isPaused());
    };
    connect(&m_queue, &TransferQueue::pausedChanged, this, updatePaused);
    updatePaused();

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 0, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setWidget(content);
}

void TransferDock::removeSelected()
{
    QStringList ids;
    for (int row : selectedSourceRows())
        ids << m_model.itemId(row);
    for (const QString &id : std::as_const(ids)) {
        const int row = m_model.rowOfItem(id);
        if (row >= 0)
            m_model.remove(row);
    }
}

void TransferDock::setBandwidthLimit(qint64 bytesPerSecond)
{
    m_bandwidthLimit = bytesPerSecond;
    updateTitle();
}

void TransferDock::updateTitle()
{
    const TransferQueueModel::Overall overall = m_model.overall();
    Q_EMIT overallChanged(overall);
    const QLocale locale;
    const QString limit =
        m_bandwidthLimit > 0
            ? tr(" (limited to %1/s)").arg(locale.formattedDataSize(m_bandwidthLimit))
            : QString();
    if (overall.rows == 0)
        return setWindowTitle(tr("Transfers") + limit);
    QString title = tr("Transfers — %1 of %2 done").arg(overall.finished).arg(overall.rows);
    if (overall.bytesTotal > 0)
        title += tr(", %1 of %2")
                     .arg(locale.formattedDataSize(overall.bytesDone),
                          locale.formattedDataSize(overall.bytesTotal));
    if (overall.speed > 0 && overall.bytesDone < overall.bytesTotal)
        title += tr(", %1 left")
                     .arg(TransferQueueModel::formatDuration(
                         qint64((overall.bytesTotal - overall.bytesDone) / overall.speed)));
    setWindowTitle(title + limit);
}

QList<int> TransferDock::selectedSourceRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows << m_filter.mapToSource(index).row();
    return rows;
}

QStringList TransferDock::selectedVerifiableIds() const
{
    QStringList ids;
    for (int row : selectedSourceRows()) {
        const TransferItem *item = m_queue.item(m_model.itemId(row));
        if (item && DownloadVerifier::canVerify(*item))
            ids << item->id;
    }
    return ids;
}

void TransferDock::openFolder()
{
    for (int row : selectedSourceRows()) {
        const QString path =
            m_model.index(row, 0).data(TransferQueueModel::LocalPathRole).toString();
        if (!path.isEmpty() && m_model.direction(row) == TransferQueueModel::Direction::Download) {
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
            return;
        }
    }
}

} // namespace Stevedore
