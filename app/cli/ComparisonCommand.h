#pragma once

#include "cli/ComparisonReport.h"
#include "cli/Console.h"
#include "core/ApiError.h"
#include "core/PackageTarget.h"

#include <QJsonObject>
#include <QObject>

namespace Stevedore {

class GitLabApi;

// What `verify` and `diff` share: they compare two sides with FileComparison, print the
// ComparisonReport and end like diff(1): finished(0) when the sides are identical, finished(1)
// when they differ. A failure (a version that does not exist, a folder that cannot be read)
// ends with failed() instead, for the runner to report with its exit code.
class ComparisonCommand : public QObject
{
    Q_OBJECT

public:
    ComparisonCommand(Console &console, bool json, bool quiet);

    virtual void run(GitLabApi &api) = 0;

Q_SIGNALS:
    void finished(int exitCode);
    void failed(const Stevedore::ApiError &error);

protected:
    // Prints the report (with `compared` added to its JSON) and finishes.
    void report(ComparisonReport::Subject subject, const FileComparison &comparison,
                const QString &beforeName, const QString &afterName, const QJsonObject &compared);
    // Ends with failed(), once: the first failure of two running look-ups is the one reported.
    void fail(const ApiError &error);
    bool hasFailed() const { return m_failed; }

    Console &m_console;
    const bool m_json;
    const bool m_quiet;

private:
    bool m_failed = false;
};

} // namespace Stevedore
