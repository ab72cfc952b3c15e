#include "CompareDialog.h"

#include "ActionIcon.h"
#include "ComparisonTable.h"
#include "StatusColours.h"
#include "api/GitLabApi.h"
#include "core/VersionOrder.h"
#include "validate/NameRules.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace Stevedore {

CompareDialog::CompareDialog(std::shared_ptr<GitLabApi> api, const PackageTarget &left,
                             const QStringList &versions, QWidget *parent)
    : QDialog(parent)
    , m_api(std::move(api))
    , m_left(left)
    , m_leftVersions(versions)
    , m_sorted(ComparisonTableModel::SortRole)
    , m_version(new QComboBox(this))
    , m_otherPackage(new QGroupBox(tr("&Another project or package"), this))
    , m_project(new QLineEdit(left.project, this))
    , m_packageName(new QLineEdit(left.packageName, this))
    , m_compare(new QPushButton(tr("&Compare"), this))
    , m_problem(new QLabel(this))
    , m_status(new QLabel(this))
    , m_rightName(new QLabel(this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare %1 %2").arg(left.packageName, left.version));
    setAttribute(Qt::WA_DeleteOnClose);
    setModal(false);

    auto *leftName = new QLabel(left.versionText(), this);
    leftName->setObjectName(QStringLiteral("compareLeft"));
    leftName->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_version->setObjectName(QStringLiteral("compareVersion"));
    m_version->setEditable(true);
    m_version->setInsertPolicy(QComboBox::NoInsert);
    setVersionChoice(m_leftVersions);
    m_version->setToolTip(tr("A version of the package, newest first; you can also type one."));

    m_otherPackage->setObjectName(QStringLiteral("compareOtherPackage"));
    m_otherPackage->setCheckable(true);
    m_otherPackage->setChecked(false);
    m_project->setObjectName(QStringLiteral("compareProject"));
    m_project->setPlaceholderText(tr("group/project or its numeric id"));
    m_packageName->setObjectName(QStringLiteral("comparePackage"));
    auto *otherForm = new QFormLayout(m_otherPackage);
    otherForm->addRow(tr("&Project:"), m_project);
    otherForm->addRow(tr("Package &name:"), m_packageName);

    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_compare->setIcon(actionIcon(QStringLiteral("compare")));
    m_compare->setDefault(true);
    auto *versionRow = new QHBoxLayout;
    versionRow->addWidget(m_version, 1);
    versionRow->addWidget(m_compare);

    m_rightName->setObjectName(QStringLiteral("compareRight"));
    m_rightName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *form = new QFormLayout;
    form->addRow(tr("Left:"), leftName);
    auto *versionLabel = new QLabel(tr("Right &version:"), this);
    versionLabel->setBuddy(m_version);
    form->addRow(versionLabel, versionRow);
    form->addRow(m_otherPackage);
    form->addRow(tr("Right:"), m_rightName);

    m_problem->setObjectName(QStringLiteral("compareProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(StatusColours::labelStyle(StatusColours::Meaning::Error, palette()));
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table->setObjectName(QStringLiteral("compareTable"));
    showComparison(m_table, m_model, m_sorted, QStringLiteral("comparison"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 540);

    connect(m_compare, &QPushButton::clicked, this, &CompareDialog::compare);
    connect(m_version, &QComboBox::currentTextChanged, this, &CompareDialog::showInputProblem);
    connect(m_otherPackage, &QGroupBox::toggled, this, &CompareDialog::showInputProblem);
    connect(m_project, &QLineEdit::textChanged, this, &CompareDialog::showInputProblem);
    connect(m_packageName, &QLineEdit::textChanged, this, &CompareDialog::showInputProblem);
    connect(m_otherPackage, &QGroupBox::toggled, this, &CompareDialog::offerVersions);
    connect(m_project, &QLineEdit::editingFinished, this, &CompareDialog::offerVersions);
    connect(m_packageName, &QLineEdit::editingFinished, this, &CompareDialog::offerVersions);
    setStatus(tr("Choose the version to compare with, then Compare."), false);
    showInputProblem();
}

void CompareDialog::offerVersions()
{
    const int asked = ++m_versionsAsked;
    const PackageTarget named = right();
    if (named.project == m_left.project && named.packageName == m_left.packageName)
        return setVersionChoice(m_leftVersions);
    if (!m_api || NameRules::projectProblem(named.project)
        || NameRules::packageNameProblem(named.packageName))
        return setVersionChoice({});
    m_api->packages(named.project, {named.packageName, true}, this,
                    [this, asked](Result<QList<Package>> found) {
                        if (asked != m_versionsAsked)
                            return;
                        QStringList versions;
                        if (found.ok()) {
                            for (const Package &package : found.value())
                                versions << package.version;
                        }
                        std::sort(versions.begin(), versions.end(),
                                  [](const QString &a, const QString &b) {
                                      return VersionOrder::lessThan(b, a);
                                  });
                        setVersionChoice(versions);
                    });
}

void CompareDialog::setVersionChoice(const QStringList &newestFirst)
{
    const QString typed = m_version->currentText();
    const bool samePackage =
        right().project == m_left.project && right().packageName == m_left.packageName;
    const QSignalBlocker quiet(m_version);
    m_version->clear();
    for (const QString &version : newestFirst) {
        if (!samePackage || version != m_left.version)
            m_version->addItem(version);
    }
    m_version->setCurrentText(typed.isEmpty() && m_version->count() > 0 ? m_version->itemText(0)
                                                                        : typed);
    showInputProblem();
}

PackageTarget CompareDialog::right() const
{
    const bool other = m_otherPackage->isChecked();
    return {other ? m_project->text().trimmed() : m_left.project,
            other ? m_packageName->text().trimmed() : m_left.packageName,
            m_version->currentText().trimmed(),
            {}};
}

std::optional<QString> CompareDialog::rightProblem() const
{
    const PackageTarget version = right();
    if (auto problem = NameRules::projectProblem(version.project))
        return problem;
    if (auto problem = NameRules::packageNameProblem(version.packageName))
        return problem;
    return NameRules::versionProblem(version.version);
}

void CompareDialog::showInputProblem()
{
    const std::optional<QString> problem = rightProblem();
    m_problem->setText(problem.value_or(QString()));
    m_problem->setVisible(problem.has_value());
    m_compare->setEnabled(!problem);
    m_rightName->setText(problem ? QString() : right().versionText());
}

void CompareDialog::compare()
{
    if (rightProblem() || !m_api)
        return;
    ++m_generation;
    m_pending = 2;
    m_leftFiles.reset();
    m_rightFiles.reset();
    m_model.clear();
    setStatus(tr("Comparing %1 with %2…").arg(m_left.versionText(), right().versionText()), false);
    fetch(m_left, &m_leftFiles);
    fetch(right(), &m_rightFiles);
}

void CompareDialog::fetch(const PackageTarget &version, std::optional<QList<FileFingerprint>> *into)
{
    m_api->existingVersionFiles(
        version.project, version.packageName, version.version, this,
        [this, into, generation = m_generation](Result<VersionFiles> files) {
            if (generation != m_generation || m_pending == 0)
                return;
            if (!files.ok())
                return fail(files.error().message());
            *into = FileFingerprint::servedBy(files.value());
            --m_pending;
            showResultWhenBothAreKnown();
        });
}

void CompareDialog::showResultWhenBothAreKnown()
{
    if (!m_leftFiles || !m_rightFiles)
        return;
    const FileComparison comparison = FileComparison::compare(*m_leftFiles, *m_rightFiles);
    m_model.setComparison(comparison);
    setStatus(summary(comparison), false);
    Q_EMIT compared();
}

// The first failure of the two look-ups is the one shown; the other's answer is ignored.
void CompareDialog::fail(const QString &message)
{
    m_pending = 0;
    setStatus(tr("Could not compare: %1").arg(message), true);
    Q_EMIT failed(message);
}

void CompareDialog::setStatus(const QString &text, bool isError)
{
    m_statusIsError = isError;
    m_status->setText(text);
    m_status->setStyleSheet(
        isError ? StatusColours::labelStyle(StatusColours::Meaning::Error, palette()) : QString());
}

QString CompareDialog::summary(const FileComparison &comparison)
{
    using Kind = FileComparison::Kind;
    return QStringList{tr("%n changed", "", comparison.count(Kind::Changed)),
                       tr("%n added", "", comparison.count(Kind::Added)),
                       tr("%n removed", "", comparison.count(Kind::Removed)),
                       tr("%n the same", "", comparison.count(Kind::Same))}
        .join(tr(", ", "between the counts of the summary"));
}

// Colours are picked for the palette: a new one (a dark theme) picks them again.
void CompareDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    m_model.setPalette(palette());
    m_problem->setStyleSheet(StatusColours::labelStyle(StatusColours::Meaning::Error, palette()));
    setStatus(m_status->text(), m_statusIsError);
}

} // namespace Stevedore
