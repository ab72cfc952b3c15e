#pragma once

#include "core/PackageTarget.h"
#include "transfer/FileComparison.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace Stevedore {

// How `verify` and `diff` print a FileComparison: text lines for the differences and a summary,
// or a JSON document of every file (README, "verify and diff"). The two commands share the
// shape and differ in their words: for verify, before is the version and after the folder.
class ComparisonReport final
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::ComparisonReport)

public:
    enum class Subject {
        FolderAgainstVersion, // verify: "missing locally", "not in the version"
        TwoVersions,          // diff: "added", "removed"
    };

    // `beforeName` and `afterName` as people see them ("demo/hello app 1.0.0", "dist/").
    ComparisonReport(Subject subject, const FileComparison &comparison, QString beforeName,
                     QString afterName);

    // One line for each difference, then a summary line.
    QString text() const;
    // {"identical", "counts", "files", "duplicates"}; the command adds what it compared.
    QJsonObject json() const;
    // {"size", "sha256"} of one side of an entry; null when the side has no readable file.
    static QJsonValue fingerprintJson(const std::optional<FileFingerprint> &file);
    // {"project", "name", "version"}
    static QJsonObject versionJson(const PackageTarget &version);

private:
    QString statusId(FileComparison::Kind kind) const;
    QString sideKey(bool before) const;
    QString line(const FileComparison::Entry &entry) const;
    QString summary() const;

    Subject m_subject;
    const FileComparison &m_comparison;
    QString m_beforeName;
    QString m_afterName;
};

} // namespace Stevedore
