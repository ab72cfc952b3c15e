#include "cli/DiffCommand.h"

#include "api/GitLabApi.h"

namespace Stevedore {

QString DiffCommand::prepare(const QStringList &arguments)
{
    if (arguments.size() != 4 && arguments.size() != 6)
        return tr("diff takes PROJECT NAME VERSION_A VERSION_B, or PROJECT NAME VERSION_A "
                  "PROJECT_B NAME_B VERSION_B; %n argument(s) were given.",
                  "", int(arguments.size()));
    m_a = {arguments.at(0), arguments.at(1), arguments.at(2), {}};
    m_b = arguments.size() == 4
              ? PackageTarget{m_a.project, m_a.packageName, arguments.at(3), {}}
              : PackageTarget{arguments.at(3), arguments.at(4), arguments.at(5), {}};
    return {};
}

void DiffCommand::run(GitLabApi &api)
{
    list(api, m_a, m_filesA);
    list(api, m_b, m_filesB);
}

void DiffCommand::list(GitLabApi &api, const PackageTarget &version,
                       std::optional<QList<FileFingerprint>> &into)
{
    api.existingVersionFiles(version.project, version.packageName, version.version, this,
                             [this, &into](Result<VersionFiles> files) {
                                 if (hasFailed())
                                     return;
                                 if (!files.ok())
                                     return fail(files.error());
                                 into = FileFingerprint::servedBy(files.value());
                                 compareWhenBothAreKnown();
                             });
}

void DiffCommand::compareWhenBothAreKnown()
{
    if (!m_filesA || !m_filesB)
        return;
    report(ComparisonReport::Subject::TwoVersions, FileComparison::compare(*m_filesA, *m_filesB),
           m_a.versionText(), m_b.versionText(),
           QJsonObject{{QStringLiteral("a"), ComparisonReport::versionJson(m_a)},
                       {QStringLiteral("b"), ComparisonReport::versionJson(m_b)}});
}

} // namespace Stevedore
