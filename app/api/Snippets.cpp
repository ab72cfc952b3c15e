#include "api/Snippets.h"

#include "api/GitLabClient.h"

namespace Stevedore {

namespace {

// The generic-package path after /projects/<id>/, each segment encoded on its own.
QString genericPath(const PackageTarget &target)
{
    const QByteArray full = target.encodedPath();
    return QString::fromLatin1(full.mid(full.indexOf("/packages/generic/") + 1));
}

QString shellQuoted(const QString &text)
{
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QLatin1String("\\\""))
           + QLatin1Char('"');
}

} // namespace

QString Snippets::downloadUrl(const Account &account, const PackageTarget &target)
{
    return normalizedBaseUrl(account.baseUrl).toString() + QStringLiteral("/api/v4/")
           + QString::fromLatin1(target.encodedPath());
}

QString Snippets::credentialOption(const Account &account)
{
    switch (account.kind) {
    case CredentialKind::PersonalAccessToken:
        return QStringLiteral("--header \"PRIVATE-TOKEN: <your_access_token>\"");
    case CredentialKind::DeployToken:
        return QStringLiteral("--header \"Deploy-Token: <your_deploy_token>\"");
    case CredentialKind::JobToken:
        return QStringLiteral("--header \"JOB-TOKEN: $CI_JOB_TOKEN\"");
    case CredentialKind::OAuthToken:
        return QStringLiteral("--header \"Authorization: Bearer <your_oauth_token>\"");
    case CredentialKind::BasicAuth:
        return QStringLiteral("--user ")
               + shellQuoted(account.username + QStringLiteral(":<your_access_token>"));
    }
    return {};
}

QString Snippets::localName(const PackageTarget &target)
{
    return target.fileName.section(QLatin1Char('/'), -1);
}

QString Snippets::curlDownload(const Account &account, const PackageTarget &target)
{
    return QStringLiteral("curl --fail --location ") + credentialOption(account)
           + QStringLiteral(" \\\n     --output ") + shellQuoted(localName(target))
           + QStringLiteral(" \\\n     ") + shellQuoted(downloadUrl(account, target));
}

QString Snippets::curlUpload(const Account &account, const PackageTarget &target)
{
    return QStringLiteral("curl --fail ") + credentialOption(account)
           + QStringLiteral(" \\\n     --upload-file ") + shellQuoted(localName(target))
           + QStringLiteral(" \\\n     ")
           + shellQuoted(downloadUrl(account, target) + QStringLiteral("?select=package_file"));
}

QString Snippets::ciJob(const QString &name, const QString &curlArguments,
                        const PackageTarget &target, qint64 projectId)
{
    const QString url = QStringLiteral("${CI_API_V4_URL}/projects/") + QString::number(projectId)
                        + QLatin1Char('/') + genericPath(target);
    return QStringLiteral("%1-%2:\n"
                          "  image: curlimages/curl:latest\n"
                          "  script:\n"
                          "    - 'curl --fail --header \"JOB-TOKEN: $CI_JOB_TOKEN\" %3 \"%4\"'\n")
        .arg(name, target.packageName, curlArguments, url);
}

QString Snippets::ciPublishJob(const PackageTarget &target, qint64 projectId)
{
    return ciJob(QStringLiteral("publish"),
                 QStringLiteral("--upload-file \"%1\"").arg(localName(target)), target, projectId);
}

QString Snippets::ciFetchJob(const PackageTarget &target, qint64 projectId)
{
    return ciJob(QStringLiteral("fetch"),
                 QStringLiteral("--location --output \"%1\"").arg(localName(target)), target,
                 projectId);
}

} // namespace Stevedore
