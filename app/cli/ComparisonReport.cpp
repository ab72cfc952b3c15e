#include "cli/ComparisonReport.h"

#include "cli/Console.h"
#include "validate/NameRules.h"

#include <QJsonArray>

namespace Stevedore {

namespace {

using Kind = FileComparison::Kind;

} // namespace

QJsonObject ComparisonReport::versionJson(const PackageTarget &version)
{
    return QJsonObject{{QStringLiteral("project"), version.project},
                       {QStringLiteral("name"), version.packageName},
                       {QStringLiteral("version"), version.version}};
}

QJsonValue ComparisonReport::fingerprintJson(const std::optional<FileFingerprint> &file)
{
    if (!file || !file->problem.isEmpty())
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("size"), file->size},
                       {QStringLiteral("sha256"), file->sha256}};
}

ComparisonReport::ComparisonReport(Subject subject, const FileComparison &comparison,
                                   QString beforeName, QString afterName)
    : m_subject(subject)
    , m_comparison(comparison)
    , m_beforeName(std::move(beforeName))
    , m_afterName(std::move(afterName))
{
}

QString ComparisonReport::statusId(Kind kind) const
{
    const bool verify = m_subject == Subject::FolderAgainstVersion;
    switch (kind) {
    case Kind::Same:
        return QStringLiteral("same");
    case Kind::Changed:
        return QStringLiteral("changed");
    case Kind::Added:
        return verify ? QStringLiteral("extra") : QStringLiteral("added");
    case Kind::Removed:
        return verify ? QStringLiteral("missing") : QStringLiteral("removed");
    case Kind::Unreadable:
        return QStringLiteral("unreadable");
    }
    return {};
}

QString ComparisonReport::sideKey(bool before) const
{
    if (m_subject == Subject::FolderAgainstVersion)
        return before ? QStringLiteral("version") : QStringLiteral("local");
    return before ? QStringLiteral("a") : QStringLiteral("b");
}

QString ComparisonReport::line(const FileComparison::Entry &entry) const
{
    const QString path = NameRules::printable(entry.path);
    const bool verify = m_subject == Subject::FolderAgainstVersion;
    switch (entry.kind) {
    case Kind::Same:
        return {};
    case Kind::Added:
        return verify ? tr("+ %1  not in the version (%2)\n")
                            .arg(path, Console::sizeText(entry.after->size))
                      : tr("+ %1  added (%2)\n").arg(path, Console::sizeText(entry.after->size));
    case Kind::Removed:
        return verify ? tr("- %1  missing locally (%2)\n")
                            .arg(path, Console::sizeText(entry.before->size))
                      : tr("- %1  removed (%2)\n").arg(path, Console::sizeText(entry.before->size));
    case Kind::Changed:
        return verify ? tr("~ %1  changed (%2 in the version, %3 locally)\n")
                            .arg(path, Console::sizeText(entry.before->size),
                                 Console::sizeText(entry.after->size))
                      : tr("~ %1  changed (%2 → %3)\n")
                            .arg(path, Console::sizeText(entry.before->size),
                                 Console::sizeText(entry.after->size));
    case Kind::Unreadable:
        return tr("! %1  %2\n").arg(path, entry.after->problem);
    }
    return {};
}

QString ComparisonReport::summary() const
{
    const int same = m_comparison.count(Kind::Same);
    if (m_comparison.isIdentical())
        return tr("%1 and %2 are identical: %n file(s).", "", same)
                   .arg(NameRules::printable(m_beforeName), NameRules::printable(m_afterName))
               + QLatin1Char('\n');
    QStringList parts;
    const auto add = [&](Kind kind, const QString &text) {
        if (const int n = m_comparison.count(kind))
            parts << text.arg(n);
    };
    const bool verify = m_subject == Subject::FolderAgainstVersion;
    add(Kind::Changed, tr("%1 changed"));
    add(Kind::Removed, verify ? tr("%1 missing locally") : tr("%1 removed"));
    add(Kind::Added, verify ? tr("%1 not in the version") : tr("%1 added"));
    add(Kind::Unreadable, tr("%1 unreadable"));
    if (const qsizetype twice = m_comparison.duplicates().size())
        parts << tr("%1 listed twice").arg(twice);
    parts << tr("%1 the same").arg(same);
    return tr("%1 and %2 differ: %3.")
               .arg(NameRules::printable(m_beforeName), NameRules::printable(m_afterName),
                    parts.join(QStringLiteral(", ")))
           + QLatin1Char('\n');
}

QString ComparisonReport::text() const
{
    QString text;
    for (const FileComparison::Entry &entry : m_comparison.entries())
        text += line(entry);
    for (const QString &path : m_comparison.duplicates())
        text +=
            tr("? %1  listed twice; only the first is compared\n").arg(NameRules::printable(path));
    return text + summary();
}

QJsonObject ComparisonReport::json() const
{
    QJsonArray files;
    for (const FileComparison::Entry &entry : m_comparison.entries()) {
        QJsonObject file{{QStringLiteral("path"), entry.path},
                         {QStringLiteral("status"), statusId(entry.kind)},
                         {sideKey(true), fingerprintJson(entry.before)},
                         {sideKey(false), fingerprintJson(entry.after)}};
        if (entry.kind == Kind::Unreadable)
            file.insert(QStringLiteral("error"), entry.after->problem);
        files.append(file);
    }
    QJsonObject counts;
    for (const Kind kind : {Kind::Same, Kind::Changed, Kind::Added, Kind::Removed}) {
        counts.insert(statusId(kind), m_comparison.count(kind));
    }
    if (m_subject == Subject::FolderAgainstVersion)
        counts.insert(statusId(Kind::Unreadable), m_comparison.count(Kind::Unreadable));
    return QJsonObject{
        {QStringLiteral("identical"), m_comparison.isIdentical()},
        {QStringLiteral("counts"), counts},
        {QStringLiteral("files"), files},
        {QStringLiteral("duplicates"), QJsonArray::fromStringList(m_comparison.duplicates())}};
}

} // namespace Stevedore
