#pragma once

#include "ComparisonTableModel.h"
#include "core/PackageTarget.h"
#include "model/SortProxyModel.h"

#include <QDialog>

#include <memory>
#include <optional>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Stevedore {

class GitLabApi;
struct FileFingerprint;

// "Compare with…" on a version: the version (left) against another one (right) chosen here,
// by default another version of the same package, or any version of another project or
// package the account can see. Compare fetches both versions' files and shows the
// FileComparison of them, file by file, with a summary; a version that does not exist or a
// network error is said in the dialog, and what was typed stays. Non-modal: the window stays
// usable while it is open.
class CompareDialog final : public QDialog
{
    Q_OBJECT

public:
    // `versions`: the package's versions, newest first; `left`'s own is left out of the choice.
    // With another project or package named, its versions are offered instead.
    CompareDialog(std::shared_ptr<GitLabApi> api, const PackageTarget &left,
                  const QStringList &versions, QWidget *parent = nullptr);

    PackageTarget left() const { return m_left; }
    // The version the fields name; its problem, if any, is the first rule a field breaks.
    PackageTarget right() const;
    std::optional<QString> rightProblem() const;
    bool isComparing() const { return m_pending > 0; }

    void compare();

Q_SIGNALS:
    void compared(); // the table shows the comparison of left() and right()
    void failed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fetch(const PackageTarget &version, std::optional<QList<FileFingerprint>> *into);
    void showResultWhenBothAreKnown();
    void fail(const QString &message);
    void showInputProblem();
    // The choice of right versions: the left package's, or those of the package the fields
    // name once they are valid (fetched; the text typed so far stays).
    void offerVersions();
    void setVersionChoice(const QStringList &newestFirst);
    void setStatus(const QString &text, bool isError);
    // "3 changed, 1 added, 0 removed, 12 the same"
    static QString summary(const FileComparison &comparison);

    std::shared_ptr<GitLabApi> m_api;
    const PackageTarget m_left;
    const QStringList m_leftVersions;
    int m_versionsAsked = 0; // answers to an earlier question about the versions are dropped
    ComparisonTableModel m_model;
    SortProxyModel m_sorted;
    QComboBox *m_version;
    QGroupBox *m_otherPackage;
    QLineEdit *m_project;
    QLineEdit *m_packageName;
    QPushButton *m_compare;
    QLabel *m_problem;
    QLabel *m_status;
    QLabel *m_rightName;
    QTableView *m_table;
    bool m_statusIsError = false;
    int m_pending = 0;    // look-ups of the running comparison still to answer
    int m_generation = 0; // answers to an earlier Compare are ignored
    std::optional<QList<FileFingerprint>> m_leftFiles;
    std::optional<QList<FileFingerprint>> m_rightFiles;
};

} // namespace Stevedore
