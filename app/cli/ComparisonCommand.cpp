#include "cli/ComparisonCommand.h"

#include "cli/ExitCodes.h"

#include <QJsonDocument>

#include <utility>

namespace Stevedore {

ComparisonCommand::ComparisonCommand(Console &console, bool json, bool quiet)
    : m_console(console)
    , m_json(json)
    , m_quiet(quiet)
{
}

void ComparisonCommand::report(ComparisonReport::Subject subject, const FileComparison &comparison,
                               const QString &beforeName, const QString &afterName,
                               const QJsonObject &compared)
{
    const ComparisonReport report(subject, comparison, beforeName, afterName);
    if (m_json) {
        QJsonObject document = report.json();
        for (auto it = compared.begin(); it != compared.end(); ++it)
            document.insert(it.key(), it.value());
        m_console.out(QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)));
    } else if (!m_quiet) {
        m_console.out(report.text());
    }
    Q_EMIT finished(comparison.isIdentical() ? ExitCode::Success : ExitCode::Failure);
}

void ComparisonCommand::fail(const ApiError &error)
{
    if (std::exchange(m_failed, true))
        return;
    Q_EMIT failed(error);
}

} // namespace Stevedore
