#include "PublishDialog.h"

#include "ActionIcon.h"
#include "Dialogs.h"
#include "DroppedFiles.h"
#include "StatusColours.h"
#include "validate/NameRules.h"

#include <QAction>
#include <QBrush>
#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QDropEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPromise>
#include <QPushButton>
#include <QStringListModel>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace Stevedore {

namespace {

QTableWidgetItem *readOnlyItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

} // namespace

PublishDialog::PublishDialog(Dialogs &dialogs, const QStringList &localPaths, QWidget *parent)
    : QDialog(parent)
    , m_dialogs(dialogs)
{
    setWindowTitle(tr("Publish files"));
    setAcceptDrops(true);

    m_destination = new QLabel(this);
    m_destination->setObjectName(QStringLiteral("destinationLabel"));
    m_destination->setTextFormat(Qt::PlainText);
    m_destination->hide();

    m_packageName = new QLineEdit(this);
    m_packageName->setObjectName(QStringLiteral("packageNameEdit"));
    m_packageName->setPlaceholderText(tr("e.g. my-tool"));
    m_completer = new QCompleter(this);
    m_completer->setModel(new QStringListModel(m_completer));
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_packageName->setCompleter(m_completer);
    m_packageNameFix = new QPushButton(tr("Fi&x name"), this);
    m_packageNameFix->setObjectName(QStringLiteral("packageNameFixButton"));
    m_packageNameFix->setAutoDefault(false);
    m_packageNameProblem = new QLabel(this);
    m_packageNameProblem->setObjectName(QStringLiteral("packageNameProblem"));
    m_packageNameProblem->setWordWrap(true);
    m_packageNameProblem->setTextFormat(Qt::PlainText);
    m_packageNameProblem->setStyleSheet(
        StatusColours::labelStyle(StatusColours::Meaning::Error, palette()));

    m_version = new QLineEdit(this);
    m_version->setObjectName(QStringLiteral("versionEdit"));
    m_version->setPlaceholderText(tr("e.g. 1.0.0"));
    m_versionFix = new QPushButton(tr("Fix versio&n"), this);
    m_versionFix->setObjectName(QStringLiteral("versionFixButton"));
    m_versionFix->setAutoDefault(false);
    m_versionProblem = new QLabel(this);
    m_versionProblem->setObjectName(QStringLiteral("versionProblem"));
    m_versionProblem->setWordWrap(true);
    m_versionProblem->setTextFormat(Qt::PlainText);
    m_versionProblem->setStyleSheet(
        StatusColours::labelStyle(StatusColours::Meaning::Error, palette()));
    m_existingVersion = new QLabel(this);
    m_existingVersion->setObjectName(QStringLiteral("existingVersionNote"));
    m_existingVersion->setWordWrap(true);
    m_existingVersion->setTextFormat(Qt::PlainText);
    m_existingVersion->hide();

    m_hidden = new QCheckBox(tr("&Hidden: leave the package out of GitLab's package lists"), this);
    m_hidden->setObjectName(QStringLiteral("hiddenCheck"));
    m_hidden->setToolTip(tr("Hidden packages can still be downloaded by name."));

    m_policy = new QComboBox(this);
    m_policy->setObjectName(QStringLiteral("duplicatePolicyCombo"));
    m_policy->addItem(tr("Skip files already there with the same content, else keep both"),
                      duplicatePolicyId(DuplicatePolicy::SkipIdentical));
    m_policy->addItem(tr("Keep both (GitLab's own behaviour; downloads get the newest)"),
                      duplicatePolicyId(DuplicatePolicy::KeepBoth));
    m_policy->addItem(tr("Replace older copies"), duplicatePolicyId(DuplicatePolicy::Replace));
    m_policy->addItem(tr("Fail when the name is already there"),
                      duplicatePolicyId(DuplicatePolicy::Fail));

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_packageName, 1);
    nameRow->addWidget(m_packageNameFix);
    auto *versionRow = new QHBoxLayout;
    versionRow->addWidget(m_version, 1);
    versionRow->addWidget(m_versionFix);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *nameLabel = new QLabel(tr("Pac&kage:"), this);
    nameLabel->setBuddy(m_packageName);
    form->addRow(nameLabel, nameRow);
    form->addRow(QString(), m_packageNameProblem);
    auto *versionLabel = new QLabel(tr("&Version:"), this);
    versionLabel->setBuddy(m_version);
    form->addRow(versionLabel, versionRow);
    form->addRow(QString(), m_versionProblem);
    form->addRow(QString(), m_existingVersion);
    form->addRow(QString(), m_hidden);
    form->addRow(tr("If a file of that name &exists:"), m_policy);

    m_unpublishableLabel = new QLabel(tr("These cannot be published and are left out:"), this);
    m_unpublishableLabel->setObjectName(QStringLiteral("unpublishableLabel"));
    m_unpublishableList = new QListWidget(this);
    m_unpublishableList->setObjectName(QStringLiteral("unpublishableList"));
    m_unpublishableList->setMaximumHeight(110);

    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("fileTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Local file"), tr("Name in the package"), tr("Size"), tr("Check"), QString()});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, as in the rest of the dialog
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(LocalPathColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(TargetNameColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CheckColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FixColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(LocalPathColumn, 260);
    m_table->setColumnWidth(TargetNameColumn, 220);

    auto *removeAction = new QAction(tr("Remove from the list"), m_table);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(removeAction);

    m_add = new QPushButton(actionIcon(QStringLiteral("publish")), tr("&Add…"), this);
    m_add->setObjectName(QStringLiteral("addButton"));
    m_add->setAutoDefault(false);
    m_add->setToolTip(tr("Add files or a folder; you can also drop them on this dialog."));
    auto *addMenu = new QMenu(m_add);
    QAction *addFilesAction = addMenu->addAction(actionIcon(QStringLiteral("publish")),
                                                 tr("Files…"), this, &PublishDialog::addFiles);
    addFilesAction->setObjectName(QStringLiteral("addFilesAction"));
    QAction *addFolderAction = addMenu->addAction(actionIcon(QStringLiteral("publish-folder")),
                                                  tr("A folder…"), this, &PublishDialog::addFolder);
    addFolderAction->setObjectName(QStringLiteral("addFolderAction"));
    m_add->setMenu(addMenu);

    m_fixAll = new QPushButton(tr("&Fix all"), this);
    m_fixAll->setObjectName(QStringLiteral("fixAllButton"));
    m_fixAll->setAutoDefault(false);
    m_remove = new QPushButton(tr("&Remove from the list"), this);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_remove->setAutoDefault(false);
    m_remove->setEnabled(false);
    auto *tableButtons = new QHBoxLayout;
    tableButtons->addWidget(m_add);
    tableButtons->addWidget(m_fixAll);
    tableButtons->addWidget(m_remove);
    tableButtons->addStretch(1);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_publish = m_buttons->addButton(tr("&Publish"), QDialogButtonBox::AcceptRole);
    m_publish->setObjectName(QStringLiteral("publishButton"));
    m_publish->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));

    auto *filesLabel = new QLabel(tr("F&iles:"), this);
    filesLabel->setBuddy(m_table);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_destination);
    layout->addLayout(form);
    layout->addWidget(m_unpublishableLabel);
    layout->addWidget(m_unpublishableList);
    layout->addWidget(filesLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(tableButtons);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);

    const QList<QWidget *> tabOrder{
        m_packageName,       m_packageNameFix, m_version, m_versionFix, m_hidden, m_policy,
        m_unpublishableList, m_table,          m_add,     m_fixAll,     m_remove};
    for (qsizetype i = 0; i + 1 < tabOrder.size(); ++i)
        setTabOrder(tabOrder.at(i), tabOrder.at(i + 1));

    connect(m_buttons, &QDialogButtonBox::accepted, this, &PublishDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PublishDialog::reject);
    connect(m_packageNameFix, &QPushButton::clicked, this, &PublishDialog::fixPackageName);
    connect(m_versionFix, &QPushButton::clicked, this, &PublishDialog::fixVersion);
    connect(m_fixAll, &QPushButton::clicked, this, &PublishDialog::fixAll);
    connect(m_remove, &QPushButton::clicked, this, &PublishDialog::removeSelectedFiles);
    connect(removeAction, &QAction::triggered, this, &PublishDialog::removeSelectedFiles);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_table->selectedItems().isEmpty()); });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_updating && item->column() == TargetNameColumn) {
            m_plan.rename(item->row(), item->text());
            showChecks();
        }
    });
    connect(m_packageName, &QLineEdit::textChanged, this, [this] {
        if (!m_versionTyped && m_suggestVersion) {
            const QString suggested = m_suggestVersion(m_packageName->text().trimmed());
            if (!suggested.isEmpty())
                m_version->setText(suggested);
        }
        updatePackageName();
        updateExistingVersionNote();
    });
    connect(m_version, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_versionTyped = !text.isEmpty(); });
    connect(m_version, &QLineEdit::textChanged, this, &PublishDialog::updateVersion);

    connect(this, &QDialog::finished, this, &PublishDialog::stopReading);

    addPaths(localPaths);
    updatePackageName();
    updateVersion();

    resize(880, 580);
}

PublishDialog::~PublishDialog()
{
    // QDialog's destructor hides the dialog, which may commit an open cell editor: its
    // itemChanged must not reach this half-destroyed object.
    disconnect(m_table, nullptr, this, nullptr);
    stopReading();
}

void PublishDialog::startReading(const QStringList &localPaths)
{
    // The worker holds the promise and the stop flag; the watcher (a child) hears the end on
    // this thread, and never after the dialog is gone.
    m_stopReading = std::make_shared<std::atomic_bool>(false);
    auto promise = std::make_shared<QPromise<PublishPlan>>();
    m_reader = new QFutureWatcher<PublishPlan>(this);
    connect(m_reader, &QFutureWatcherBase::finished, this, [this] {
        QFutureWatcher<PublishPlan> *reader = std::exchange(m_reader, nullptr);
        reader->deleteLater();
        if (m_stopReading->load() || reader->future().resultCount() == 0)
            return; // the dialog was closed meanwhile: the plan is incomplete
        addPlan(reader->result());
        Q_EMIT planReady();
        if (!m_waiting.isEmpty())
            addPaths(std::exchange(m_waiting, {}));
    });
    m_reader->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, localPaths, stop = m_stopReading] {
        promise->start();
        promise->addResult(PublishPlan::build(localPaths, false, stop.get()));
        promise->finish();
    });
    updateSummary();
}

void PublishDialog::stopReading()
{
    if (m_stopReading)
        m_stopReading->store(true);
}

bool PublishDialog::isReadingFolders() const
{
    return m_reader != nullptr;
}

void PublishDialog::addPaths(const QStringList &localPaths)
{
    if (localPaths.isEmpty())
        return;
    if (isReadingFolders()) {
        m_waiting << localPaths;
        return;
    }
    if (PublishPlan::needsWalk(localPaths))
        startReading(localPaths);
    else
        addPlan(PublishPlan::build(localPaths));
}

// Where Add… starts: the folder of the last file in the list, else the home folder.
QString PublishDialog::addStartFolder() const
{
    return fileCount() > 0 ? QFileInfo(m_plan.rows().constLast().localPath).absolutePath()
                           : QDir::homePath();
}

void PublishDialog::addFiles()
{
    addPaths(m_dialogs.openFiles(this, tr("Add files"), addStartFolder()));
}

void PublishDialog::addFolder()
{
    const QString folder = m_dialogs.existingDirectory(this, tr("Add a folder"), addStartFolder());
    if (!folder.isEmpty())
        addPaths({folder});
}

void PublishDialog::addPlan(const PublishPlan &more)
{
    m_alreadyListed = more.rowCount() - m_plan.append(more);
    showPlan();
}

void PublishDialog::showPlan()
{
    m_unpublishable.clear();
    m_unpublishableList->clear();
    for (const PublishPlan::Unpublishable &entry : m_plan.unpublishable()) {
        m_unpublishable.append({entry.path, entry.reason});
        auto *item =
            new QListWidgetItem(tr("%1: %2").arg(entry.path, entry.reason), m_unpublishableList);
        item->setToolTip(entry.reason);
    }
    m_unpublishableLabel->setVisible(!m_unpublishable.isEmpty());
    m_unpublishableList->setVisible(!m_unpublishable.isEmpty());

    m_updating = true;
    m_table->setUpdatesEnabled(false);
    m_table->setRowCount(0);
    m_table->setRowCount(m_plan.rowCount());
    for (int row = 0; row < m_plan.rowCount(); ++row) {
        const PublishPlan::Row &file = m_plan.rows().at(row);
        const QString shown = QDir::toNativeSeparators(file.localPath);
        QTableWidgetItem *local = readOnlyItem(shown);
        local->setToolTip(shown);
        m_table->setItem(row, LocalPathColumn, local);
        auto *target = new QTableWidgetItem(file.targetName);
        target->setToolTip(tr("The name in the package; edit it to rename the file."));
        m_table->setItem(row, TargetNameColumn, target);
        QTableWidgetItem *size = readOnlyItem(QLocale().formattedDataSize(file.size));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, SizeColumn, size);
        m_table->setItem(row, CheckColumn, readOnlyItem(QString()));
        m_table->setItem(row, FixColumn, readOnlyItem(QString()));
    }
    m_table->setUpdatesEnabled(true);
    m_updating = false;
    showChecks();
}

void PublishDialog::showTargetName(int row)
{
    m_updating = true;
    m_table->item(row, TargetNameColumn)->setText(m_plan.rows().at(row).targetName);
    m_updating = false;
}

void PublishDialog::setDestination(const QString &description)
{
    m_destination->setText(tr("Publish to %1").arg(description));
    m_destination->setVisible(!description.isEmpty());
}

void PublishDialog::setKnownPackageNames(const QStringList &names)
{
    static_cast<QStringListModel *>(m_completer->model())->setStringList(names);
}

void PublishDialog::setVersionSuggester(VersionSuggester suggest)
{
    m_suggestVersion = std::move(suggest);
}

void PublishDialog::setPackageName(const QString &name)
{
    m_packageName->setText(name);
}

void PublishDialog::setVersion(const QString &version)
{
    m_version->setText(version);
}

void PublishDialog::setHidden(bool hidden)
{
    m_hidden->setChecked(hidden);
}

void PublishDialog::setDuplicatePolicy(DuplicatePolicy policy)
{
    m_policy->setCurrentIndex(qMax(0, m_policy->findData(duplicatePolicyId(policy))));
}

QString PublishDialog::packageName() const
{
    return m_packageName->text();
}

QString PublishDialog::version() const
{
    return m_version->text();
}

bool PublishDialog::isHidden() const
{
    return m_hidden->isChecked();
}

DuplicatePolicy PublishDialog::duplicatePolicy() const
{
    return duplicatePolicyFromId(m_policy->currentData().toString())
        .value_or(DuplicatePolicy::SkipIdentical);
}

int PublishDialog::fileCount() const
{
    return m_plan.rowCount();
}

QString PublishDialog::localPath(int row) const
{
    return row >= 0 && row < m_plan.rowCount() ? m_plan.rows().at(row).localPath : QString();
}

QString PublishDialog::targetName(int row) const
{
    return row >= 0 && row < m_plan.rowCount() ? m_plan.rows().at(row).targetName : QString();
}

void PublishDialog::setTargetName(int row, const QString &name)
{
    if (QTableWidgetItem *item = m_table->item(row, TargetNameColumn))
        item->setText(name); // itemChanged renames the row in the plan
}

QString PublishDialog::problem(int row) const
{
    return row >= 0 && row < m_plan.rowCount() ? m_plan.rows().at(row).problem() : QString();
}

bool PublishDialog::isReady() const
{
    return !isReadingFolders() && m_plan.isReady() && !NameRules::packageNameProblem(packageName())
           && !NameRules::versionProblem(version());
}

QList<TransferItem> PublishDialog::items(const QString &accountId, const QString &project) const
{
    QList<TransferItem> result;
    result.reserve(fileCount());
    for (int row = 0; row < fileCount(); ++row) {
        TransferItem item;
        item.direction = TransferDirection::Upload;
        item.accountId = accountId;
        item.target.project = project;
        item.target.packageName = packageName();
        item.target.version = version();
        item.target.fileName = targetName(row);
        item.localPath = m_plan.rows().at(row).localPath;
        item.size = m_plan.rows().at(row).size;
        item.hidden = isHidden();
        item.duplicatePolicy = duplicatePolicy();
        result.append(item);
    }
    return result;
}

void PublishDialog::showChecks()
{
    const QColor problemColour =
        StatusColours::text(StatusColours::Meaning::Error, palette(), QPalette::Base);
    m_updating = true;
    for (int row = 0; row < fileCount(); ++row) {
        const PublishPlan::Row &file = m_plan.rows().at(row);
        const QString problem = file.problem();

        QTableWidgetItem *check = m_table->item(row, CheckColumn);
        if (problem.isEmpty()) {
            check->setText(tr("✓"));
            check->setToolTip(tr("Valid"));
            check->setForeground(
                StatusColours::text(StatusColours::Meaning::Success, palette(), QPalette::Base));
        } else {
            check->setText(tr("✗ %1").arg(problem));
            check->setToolTip(problem);
            check->setForeground(problemColour);
        }
        m_table->item(row, TargetNameColumn)
            ->setForeground(problem.isEmpty() ? QBrush() : QBrush(problemColour));

        QWidget *fix = m_table->cellWidget(row, FixColumn);
        if (problem.isEmpty() && fix) {
            m_table->removeCellWidget(row, FixColumn);
        } else if (!problem.isEmpty() && !fix) {
            auto *button = new QPushButton(tr("Fix"));
            button->setObjectName(QStringLiteral("fixButton"));
            button->setAutoDefault(false);
            button->setFocusPolicy(Qt::ClickFocus);
            connect(button, &QPushButton::clicked, this, &PublishDialog::onFixClicked);
            m_table->setCellWidget(row, FixColumn, button);
        }
        if (QWidget *button = m_table->cellWidget(row, FixColumn))
            button->setToolTip(tr("Rename to \"%1\"").arg(file.suggestion));
    }
    m_updating = false;
    updateSummary();
}

void PublishDialog::onFixClicked()
{
    const QObject *button = sender();
    for (int row = 0; row < fileCount(); ++row) {
        if (m_table->cellWidget(row, FixColumn) == button) {
            fixRow(row);
            return;
        }
    }
}

void PublishDialog::fixRow(int row)
{
    if (!m_plan.fix(row))
        return;
    showTargetName(row);
    showChecks();
}

void PublishDialog::fixAll()
{
    if (!m_packageName->text().isEmpty())
        fixPackageName();
    if (!m_version->text().isEmpty())
        fixVersion();

    // One pass and one validation, however many rows need fixing.
    if (m_plan.fixAll() > 0) {
        for (int row = 0; row < fileCount(); ++row) {
            if (m_table->item(row, TargetNameColumn)->text() != m_plan.rows().at(row).targetName)
                showTargetName(row);
        }
    }
    showChecks();
}

void PublishDialog::fixPackageName()
{
    m_packageName->setText(NameRules::suggestPackageName(m_packageName->text()));
}

void PublishDialog::fixVersion()
{
    m_version->setText(NameRules::suggestVersion(m_version->text()));
}

void PublishDialog::removeSelectedFiles()
{
    QList<int> rows;
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    for (const QTableWidgetSelectionRange &range : ranges) {
        for (int row = range.topRow(); row <= range.bottomRow(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    m_plan.remove(rows);
    m_updating = true;
    for (const int row : std::as_const(rows))
        m_table->removeRow(row);
    m_updating = false;
    showChecks();
}

void PublishDialog::updatePackageName()
{
    const QString name = m_packageName->text();
    const auto problem = NameRules::packageNameProblem(name);
    m_packageNameProblem->setText(problem.value_or(QString()));
    m_packageNameProblem->setVisible(problem.has_value());
    m_packageNameFix->setVisible(problem.has_value() && !name.isEmpty());
    if (problem && !name.isEmpty())
        m_packageNameFix->setToolTip(
            tr("Rename to \"%1\"").arg(NameRules::suggestPackageName(name)));
    updateSummary();
}

void PublishDialog::updateVersion()
{
    const QString version = m_version->text();
    const auto problem = NameRules::versionProblem(version);
    m_versionProblem->setText(problem.value_or(QString()));
    m_versionProblem->setVisible(problem.has_value());
    m_versionFix->setVisible(problem.has_value() && !version.isEmpty());
    if (problem && !version.isEmpty())
        m_versionFix->setToolTip(tr("Change to \"%1\"").arg(NameRules::suggestVersion(version)));
    updateExistingVersionNote();
    updateSummary();
}

void PublishDialog::setExistingVersionLookup(ExistingVersion lookup)
{
    m_existingVersionLookup = std::move(lookup);
    updateExistingVersionNote();
}

// Adding to a version that exists is said plainly, so that nobody adds to a shipped release
// by accident.
void PublishDialog::updateExistingVersionNote()
{
    const QString name = m_packageName->text().trimmed();
    const QString version = m_version->text().trimmed();
    const std::optional<int> files =
        m_existingVersionLookup && !name.isEmpty() && !version.isEmpty()
            ? m_existingVersionLookup(name, version)
            : std::nullopt;
    if (!files) {
        m_existingVersion->hide();
        return;
    }
    m_existingVersion->setText(
        *files < 0
            ? tr("Version %1 of %2 exists already: the files are added to it.").arg(version, name)
            : tr("Version %1 of %2 exists already with %n file(s): the files are added "
                 "to it.",
                 "", *files)
                  .arg(version, name));
    m_existingVersion->show();
}

void PublishDialog::updateSummary()
{
    if (!m_summary)
        return;
    const int files = fileCount();
    const int invalidRows = m_plan.problemCount();
    const qint64 bytes = m_plan.totalSize();

    const bool ready = isReady();
    m_publish->setEnabled(ready);
    m_fixAll->setEnabled(invalidRows > 0 || m_packageNameFix->isVisibleTo(this)
                         || m_versionFix->isVisibleTo(this));
    m_publish->setText(files > 0 ? tr("&Publish %n file(s)", "", files) : tr("&Publish"));

    QString text;
    if (isReadingFolders()) {
        text = tr("Reading folders…");
    } else if (files == 0) {
        text = tr("There is nothing to publish.");
    } else if (ready) {
        text = tr("%n file(s), %1 in all, ready to publish.", "", files)
                   .arg(QLocale().formattedDataSize(bytes));
    } else {
        QStringList missing;
        if (NameRules::packageNameProblem(packageName()))
            missing << tr("the package name");
        if (NameRules::versionProblem(version()))
            missing << tr("the version");
        if (invalidRows > 0)
            missing << tr("%n file name(s)", "", invalidRows);
        text =
            tr("Check %1. Nothing is sent until everything is valid.").arg(missing.join(tr(", ")));
    }
    if (m_alreadyListed > 0)
        text += QLatin1Char(' ')
                + tr("%n of the files added had a row already and were not added again.", "",
                     m_alreadyListed);
    m_summary->setText(text);
}

void PublishDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedLocalPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void PublishDialog::dragMoveEvent(QDragMoveEvent *event)
{
    if (!droppedLocalPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void PublishDialog::dropEvent(QDropEvent *event)
{
    const QStringList paths = droppedLocalPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    addPaths(paths);
}

void PublishDialog::keyPressEvent(QKeyEvent *event)
{
    // Enter in a cell editor finishes the edit; it must not also press Publish.
    const QWidget *focus = focusWidget();
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && focus
        && focus != m_table && m_table->isAncestorOf(focus)) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void PublishDialog::accept()
{
    if (isReady())
        QDialog::accept();
}

} // namespace Stevedore
