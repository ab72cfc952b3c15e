#include "cli/VerifyCommand.h"

#include "api/GitLabApi.h"

#include <QDir>
#include <QJsonArray>
#include <QLocale>

#include <utility>

namespace Stevedore {

void VerifyCommand::prepare(const QStringList &arguments)
{
    m_folder = QDir(arguments.at(0)).absolutePath();
    m_version = {arguments.at(1), arguments.at(2), arguments.at(3), {}};
}

void VerifyCommand::run(GitLabApi &api)
{
    m_hashing = new LocalFingerprints(this);
    connect(m_hashing, &LocalFingerprints::progress, this, [this](qint64 hashed, qint64 total) {
        if (!m_quiet && !m_json)
            m_console.progress(tr("hashing %1 of %2")
                                   .arg(QLocale::c().formattedDataSize(hashed),
                                        QLocale::c().formattedDataSize(total)));
    });
    connect(m_hashing, &LocalFingerprints::finished, this,
            [this](const LocalFingerprints::Result &local) {
                m_console.endProgress();
                if (!local.problem.isEmpty())
                    return fail(ApiError(ApiError::Kind::Local, local.problem));
                m_local = local;
                compareWhenBothAreKnown();
            });
    m_hashing->start(m_folder);

    api.existingVersionFiles(m_version.project, m_version.packageName, m_version.version, this,
                             [this](Result<VersionFiles> version) {
                                 if (!version.ok()) {
                                     delete std::exchange(m_hashing, nullptr); // stops hashing
                                     m_console.endProgress();
                                     return fail(version.error());
                                 }
                                 m_served = FileFingerprint::servedBy(version.value());
                                 compareWhenBothAreKnown();
                             });
}

void VerifyCommand::compareWhenBothAreKnown()
{
    if (!m_local || !m_served || hasFailed())
        return;
    if (!m_quiet && !m_json) {
        for (const QString &note : std::as_const(m_local->notes))
            m_console.err(tr("note: %1\n").arg(note));
    }
    QJsonArray notes = QJsonArray::fromStringList(m_local->notes);
    report(ComparisonReport::Subject::FolderAgainstVersion,
           FileComparison::compare(*m_served, m_local->files), versionName(m_version),
           QDir::toNativeSeparators(m_folder),
           QJsonObject{{QStringLiteral("folder"), m_folder},
                       {QStringLiteral("version"), versionJson(m_version)},
                       {QStringLiteral("notes"), notes}});
}

} // namespace Stevedore
