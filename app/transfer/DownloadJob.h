#pragma once

#include "api/CurlGet.h"
#include "api/GitLabApi.h"
#include "core/PackageTarget.h"
#include "core/Sha256.h"

#include <QFile>
#include <QObject>
#include <QPointer>

#include <memory>

namespace Stevedore {

class PartFileWriter;

// Downloads one package file into `<target>.part` as it arrives (CurlGet, writing and hashing
// on its worker thread through a PartFileWriter), resumes a previous `.part` with a Range request,
// verifies SHA-256 (the caller's expected value, else X-Checksum-SHA256, else the package-files
// API), then renames it into place. An existing target is never replaced unless `overwrite` is set.
// Never retries; callers do.
class DownloadJob final : public QObject
{
    Q_OBJECT

public:
    DownloadJob(GitLabApi &api, PackageTarget source, QString targetPath,
                QObject *parent = nullptr);
    ~DownloadJob() override;

    void setExpectedSha256(const QString &sha256) { m_expectedSha256 = sha256.toLower(); }
    // The size GitLab lists for the file; more bytes than this fail the download.
    void setExpectedSize(qint64 bytes) { m_expectedSize = bytes; }
    void setOverwrite(bool overwrite) { m_overwrite = overwrite; }

    void start();
    void cancel();

    QString targetPath() const { return m_targetPath; }
    QString partPath() const;
    QString verifiedSha256() const { return m_verifiedSha256; } // once finished well

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void verifying();
    void finished(const Stevedore::Result<Stevedore::Success> &result);

private:
    void onProgress();
    void onFinished();
    void verify(const QString &expected);
    void finish(const Result<Success> &result);
    void hashPartThenRequest();
    void request();
    ApiError claimPart(); // opens the .part, locked against a second download of the same file

    GitLabApi &m_api;
    PackageTarget m_source;
    QString m_targetPath;
    QString m_expectedSha256;
    qint64 m_expectedSize = -1;
    bool m_overwrite = false;
    QFile m_part;
    std::shared_ptr<Sha256> m_hash; // shared with the worker that hashes a resumed .part
    qint64 m_resumeFrom = 0;
    QString m_verifiedSha256;
    std::shared_ptr<PartFileWriter> m_writer; // the worker's until m_call finished
    std::unique_ptr<CurlGet> m_call;
    bool m_done = false;
};

} // namespace Stevedore
