#pragma once

#include "api/CurlPut.h"
#include "api/GitLabApi.h"
#include "core/PackageTarget.h"
#include "transfer/HashingFileReader.h"

#include <QLoggingCategory>
#include <QObject>
#include <QPointer>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcTransfer)

namespace Stevedore {

// Publishes one local file: validates the names, streams the file with a raw PUT sent by
// CurlPut (hashing it on the way, on CurlPut's worker thread), and checks GitLab's file_sha256
// against ours. Never retries; TransferQueue
// decides that.
class UploadJob final : public QObject
{
    Q_OBJECT

public:
    UploadJob(GitLabApi &api, PackageTarget target, QString localPath, bool hidden,
              QObject *parent = nullptr);
    ~UploadJob() override;

    // Checks names and the local file without any network access; empty when fine.
    static ApiError checkLocally(const PackageTarget &target, const QString &localPath);
    // The names alone, by GitLab's rules for an upload.
    static ApiError checkNames(const PackageTarget &target);

    void start();
    void cancel();

    const PackageTarget &target() const { return m_target; }

Q_SIGNALS:
    void progress(qint64 sent, qint64 total);
    void verifying();
    void finished(const Stevedore::Result<Stevedore::PackageFile> &result);

private:
    void onUploaded();
    void verifyAgainst(const PackageFile &record);
    void finish(const Result<PackageFile> &result);

    GitLabApi &m_api;
    PackageTarget m_target;
    QString m_localPath;
    bool m_hidden;
    std::shared_ptr<HashingFileReader> m_reader;
    std::unique_ptr<CurlPut> m_call;
    QString m_localSha256;
    bool m_done = false;
};

} // namespace Stevedore
