#include "PromoteDialog.h"

#include "ActionIcon.h"
#include "ComparisonTable.h"
#include "ProjectPane.h"
#include "StatusColours.h"
#include "account/AccountSession.h"
#include "validate/NameRules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Stevedore {

namespace {
using Kind = FileComparison::Kind;
} // namespace

PromoteDialog::PromoteDialog(AccountSession &session, const CopySide &source,
                             const QString &destinationProject, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_source(source)
    , m_sorted(ComparisonTableModel::SortRole)
    , m_account(new QComboBox(this))
    , m_project(new QLineEdit(destinationProject, this))
    , m_packageName(new QLineEdit(source.version.packageName, this))
    , m_version(new QLineEdit(source.version.version, this))
    , m_hidden(new QCheckBox(tr("&Hidden (staged)"), this))
    , m_replace(new QCheckBox(tr("&Replace files with other content"), this))
    , m_problem(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_copy(new QPushButton(actionIcon(QStringLiteral("copy-to")), tr("&Copy"), this))
{
    setObjectName(QStringLiteral("promoteDialog"));
    setWindowTitle(tr("Copy %1 %2").arg(source.version.packageName, source.version.version));

    auto *from = new QLabel(sideText(source), this);
    from->setObjectName(QStringLiteral("promoteSource"));
    from->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_account->setObjectName(QStringLiteral("promoteAccount"));
    m_account->setToolTip(tr("Any account signed in during this session"));
    const QString active = session.active() ? session.active()->id : QString();
    for (const Account &account : session.accounts()) {
        if (!session.apiFor(account.id))
            continue;
        m_account->addItem(ProjectPane::accountLabel(account, {}), account.id);
        if (account.id == active)
            m_account->setCurrentIndex(m_account->count() - 1);
    }
    m_project->setObjectName(QStringLiteral("promoteProject"));
    m_project->setPlaceholderText(tr("group/project or its numeric id"));
    m_packageName->setObjectName(QStringLiteral("promotePackage"));
    m_version->setObjectName(QStringLiteral("promoteVersion"));
    m_hidden->setObjectName(QStringLiteral("promoteHidden"));
    m_hidden->setToolTip(tr("The version is created hidden: GitLab leaves it out of package "
                            "lists until its status changes, and still serves its files by "
                            "name."));
    m_replace->setObjectName(QStringLiteral("promoteReplace"));
    m_replace->setToolTip(tr("Files the destination already has with other content are "
                             "replaced by the source's; without this the copy is refused."));

    auto *to = new QGroupBox(tr("To"), this);
    auto *toForm = new QFormLayout(to);
    toForm->addRow(tr("&Account:"), m_account);
    toForm->addRow(tr("&Project:"), m_project);
    toForm->addRow(tr("Package &name:"), m_packageName);
    toForm->addRow(tr("&Version:"), m_version);
    toForm->addRow(m_hidden);
    toForm->addRow(m_replace);

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), from);

    m_problem->setObjectName(QStringLiteral("promoteProblem"));
    m_problem->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("promoteSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    wordPlan();
    m_table->setObjectName(QStringLiteral("promotePlan"));
    showComparison(m_table, m_model, m_sorted, QStringLiteral("promotion"));

    m_copy->setObjectName(QStringLiteral("promoteCopy"));
    m_copy->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_copy, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(to);
    layout->addWidget(m_problem);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 600);

    m_planDelay.setSingleShot(true);
    m_planDelay.setInterval(400);
    connect(&m_planDelay, &QTimer::timeout, this, &PromoteDialog::startPlanning);
    connect(m_account, &QComboBox::currentIndexChanged, this, &PromoteDialog::onDestinationEdited);
    for (QLineEdit *field : {m_project, m_packageName, m_version})
        connect(field, &QLineEdit::textChanged, this, &PromoteDialog::onDestinationEdited);
    connect(m_replace, &QCheckBox::toggled, this, [this] {
        wordPlan();
        showState();
    });
    setProblem({});
    onDestinationEdited();
    startPlanning(); // the prefilled destination at once
}

CopySide PromoteDialog::destination() const
{
    return {m_account->currentData().toString(),
            {m_project->text().trimmed(),
             m_packageName->text().trimmed(),
             m_version->text().trimmed(),
             {}}};
}

std::optional<QString> PromoteDialog::destinationProblem() const
{
    const CopySide to = destination();
    if (!m_session.apiFor(m_source.accountId))
        return tr("The account of the source is not signed in in this window: sign in to it "
                  "first (choose it in the account switcher).");
    if (to.accountId.isEmpty())
        return tr("No account is signed in to copy to.");
    if (auto problem = NameRules::projectProblem(to.version.project))
        return problem;
    if (auto problem = NameRules::packageNameProblem(to.version.packageName))
        return problem;
    return NameRules::versionProblem(to.version.version);
}

bool PromoteDialog::hidden() const
{
    return m_hidden->isChecked();
}

bool PromoteDialog::replace() const
{
    return m_replace->isChecked();
}

QList<TransferItem> PromoteDialog::items(const QString &spoolFolder) const
{
    if (!m_plan)
        return {};
    return m_plan->items(m_source, destination(), hidden(), replace(), spoolFolder);
}

// What was planned belongs to the old destination: nothing may be copied until the new one is
// planned.
void PromoteDialog::onDestinationEdited()
{
    ++m_generation;
    m_pending = 0;
    m_plan.reset();
    m_failure.clear();
    m_model.clear();
    if (!destinationProblem())
        m_planDelay.start();
    showState();
}

void PromoteDialog::startPlanning()
{
    m_planDelay.stop();
    if (destinationProblem() || m_pending > 0 || m_plan)
        return;
    const CopySide to = destination();
    m_sourceFiles.reset();
    m_destinationFiles.reset();
    m_sourceApi = m_session.apiFor(m_source.accountId);
    m_destinationApi = m_session.apiFor(to.accountId);
    if (!m_sourceApi || !m_destinationApi) { // an account removed since the dialog opened
        m_failure = tr("The account is no longer signed in; choose another one.");
        return showState();
    }
    m_pending = 2;
    fetch(*m_sourceApi, m_source.version, true, &m_sourceFiles);
    fetch(*m_destinationApi, to.version, false, &m_destinationFiles);
    showState();
}

// The source must exist; a destination version that does not is created by the copy.
void PromoteDialog::fetch(GitLabApi &api, const PackageTarget &version, bool mustExist,
                          std::optional<VersionFiles> *into)
{
    const auto done = [this, into, version, generation = m_generation](Result<VersionFiles> files) {
        if (generation != m_generation || m_pending == 0)
            return;
        if (!files.ok()) {
            m_pending = 0;
            m_failure = tr("Could not read %1 %2 of %3: %4")
                            .arg(version.packageName, version.version, version.project,
                                 files.error().message());
            showState();
            return Q_EMIT planFailed(m_failure);
        }
        *into = files.value();
        --m_pending;
        showPlanWhenBothAreKnown();
    };
    if (mustExist)
        api.existingVersionFiles(version.project, version.packageName, version.version, this, done);
    else
        api.versionFiles(version.project, version.packageName, version.version, this, done);
}

void PromoteDialog::showPlanWhenBothAreKnown()
{
    if (!m_sourceFiles || !m_destinationFiles)
        return;
    m_plan.emplace(*m_sourceFiles, *m_destinationFiles);
    m_model.setComparison(m_plan->comparison());
    showState();
    Q_EMIT planned();
}

void PromoteDialog::showState()
{
    bool canCopy = false;
    if (const auto problem = destinationProblem()) {
        setProblem(*problem);
    } else if (!m_failure.isEmpty()) {
        setProblem(m_failure);
    } else if (m_plan && m_plan->isRefused(replace())) {
        QStringList names;
        for (const QString &path : m_plan->conflicts())
            names << NameRules::printable(path);
        setProblem(tr("The destination already has %n file(s) with other content: %1. Copy to "
                      "another version, or check \"Replace files with other content\".",
                      "", int(names.size()))
                       .arg(names.join(tr(", ", "between file names"))));
    } else if (m_plan && m_plan->fileCount(replace()) == 0) {
        setProblem(tr("The destination already holds every file of the source: there is "
                      "nothing to copy."));
    } else {
        setProblem({});
        canCopy = m_plan.has_value();
    }
    m_copy->setEnabled(canCopy);
    m_summary->setText(summary());
}

void PromoteDialog::setProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_problem->setStyleSheet(StatusColours::labelStyle(StatusColours::Meaning::Error, palette()));
}

// "To sideText: 2 files to copy (3.1 MB); 1 already there; …"
QString PromoteDialog::summary() const
{
    if (m_pending > 0)
        return tr("Reading both versions…");
    if (!m_plan)
        return {};
    const QLocale locale;
    const auto bytes = [&](Kind kind) {
        qint64 total = 0;
        for (const FileComparison::Entry &entry : m_plan->comparison().entries()) {
            if (entry.kind == kind)
                total += (kind == Kind::Removed ? entry.before : entry.after)->size;
        }
        return locale.formattedDataSize(total);
    };
    const FileComparison &comparison = m_plan->comparison();
    QStringList parts{
        tr("%n file(s) to copy (%1)", "", comparison.count(Kind::Added)).arg(bytes(Kind::Added))};
    const int conflicts = comparison.count(Kind::Changed);
    if (conflicts > 0)
        parts << (replace() ? tr("%n file(s) to replace (%1)", "", conflicts)
                            : tr("%n file(s) with other content (%1)", "", conflicts))
                     .arg(bytes(Kind::Changed));
    if (const int same = comparison.count(Kind::Same))
        parts << tr("%n file(s) already there (%1)", "", same).arg(bytes(Kind::Same));
    if (const int extra = comparison.count(Kind::Removed))
        parts << tr("%n file(s) only in the destination, left alone (%1)", "", extra)
                     .arg(bytes(Kind::Removed));
    return tr("To %1: %2.")
        .arg(sideText(destination()), parts.join(tr("; ", "between the counts of the plan")));
}

QString PromoteDialog::sideText(const CopySide &side) const
{
    const auto account = m_session.account(side.accountId);
    return NameRules::printable(
        tr("%1: %2 › %3 %4")
            .arg(account ? ProjectPane::accountLabel(*account, {}) : side.accountId,
                 side.version.project, side.version.packageName, side.version.version));
}

// The table speaks of a copy: the destination (left) and the source (right), and what
// becomes of each file.
void PromoteDialog::wordPlan()
{
    m_model.setHeader(ComparisonTableModel::LeftSizeColumn, tr("Destination size"));
    m_model.setHeader(ComparisonTableModel::LeftSha256Column, tr("Destination SHA-256"));
    m_model.setHeader(ComparisonTableModel::RightSizeColumn, tr("Source size"));
    m_model.setHeader(ComparisonTableModel::RightSha256Column, tr("Source SHA-256"));
    m_model.setKindName(Kind::Added, tr("To copy"));
    m_model.setKindName(Kind::Changed, replace() ? tr("To replace") : tr("Other content"));
    m_model.setKindName(Kind::Same, tr("Already there"));
    m_model.setKindName(Kind::Removed, tr("Only in the destination"), false);
}

// Colours are picked for the palette: a new one (a dark theme) picks them again.
void PromoteDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    m_model.setPalette(palette());
    setProblem(m_problem->text());
}

} // namespace Stevedore
