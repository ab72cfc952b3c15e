#pragma once

#include "core/Account.h"
#include "core/PackageTarget.h"

#include <QCoreApplication>
#include <QString>

namespace Stevedore {

// Ready-to-paste text for a package file: its download URL, curl commands and GitLab CI
// jobs. Credentials always appear as placeholders or CI variables, never as the token.
class Snippets final
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::Snippets)

public:
    Snippets() = delete;

    static QString downloadUrl(const Account &account, const PackageTarget &target);
    static QString curlDownload(const Account &account, const PackageTarget &target);
    static QString curlUpload(const Account &account, const PackageTarget &target);
    // Jobs for .gitlab-ci.yml: they use CI_JOB_TOKEN, CI_API_V4_URL and the project's id.
    static QString ciPublishJob(const PackageTarget &target, qint64 projectId);
    static QString ciFetchJob(const PackageTarget &target, qint64 projectId);

private:
    static QString credentialOption(const Account &account);
    static QString localName(const PackageTarget &target);
    static QString ciJob(const QString &name, const QString &curlArguments,
                         const PackageTarget &target, qint64 projectId);
};

} // namespace Stevedore
