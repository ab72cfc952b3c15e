#include "cli/VerifyCommand.h"

#include "transfer/FolderVerification.h"

#include <QDir>
#include <QJsonArray>
#include <QLocale>

namespace Stevedore {

void VerifyCommand::prepare(const QStringList &arguments)
{
    m_folder = QDir(arguments.at(0)).absolutePath();
    m_version = {arguments.at(1), arguments.at(2), arguments.at(3), {}};
}

void VerifyCommand::run(GitLabApi &api)
{
    auto *verification = new FolderVerification(this);
    connect(verification, &FolderVerification::progress, this, [this](qint64 hashed, qint64 total) {
        if (!m_quiet && !m_json)
            m_console.progress(tr("hashing %1 of %2")
                                   .arg(QLocale::c().formattedDataSize(hashed),
                                        QLocale::c().formattedDataSize(total)));
    });
    connect(verification, &FolderVerification::failed, this, [this](const ApiError &error) {
        m_console.endProgress();
        fail(error);
    });
    connect(verification, &FolderVerification::finished, this,
            [this](const FolderVerification::Outcome &outcome) {
                m_console.endProgress();
                if (!m_quiet && !m_json) {
                    for (const QString &note : outcome.notes)
                        m_console.err(tr("note: %1\n").arg(note));
                }
                report(ComparisonReport::Subject::FolderAgainstVersion, outcome.comparison,
                       m_version.versionText(), QDir::toNativeSeparators(m_folder),
                       QJsonObject{
                           {QStringLiteral("folder"), m_folder},
                           {QStringLiteral("version"), ComparisonReport::versionJson(m_version)},
                           {QStringLiteral("notes"), QJsonArray::fromStringList(outcome.notes)}});
            });
    verification->start(api, m_version, m_folder);
}

} // namespace Stevedore
