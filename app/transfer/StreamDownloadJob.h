#pragma once

#include "api/CurlGet.h"
#include "api/GitLabApi.h"
#include "core/PackageTarget.h"

#include <QObject>

#include <memory>

namespace Stevedore {

class StreamWriter;

// Downloads one package file into a descriptor that cannot seek or be taken back, such as
// standard output (`download … -o -`): the body goes from CurlGet's worker straight into the
// descriptor and into SHA-256, and is verified once it is complete against the expected
// checksum (else X-Checksum-SHA256). Every byte is written as it arrives, so a file that turns
// out damaged fails after its bytes went out. One attempt, no resume: what was written is the
// reader's already. When the reader goes away (EPIPE; SIGPIPE must be ignored), it ends with
// readerGone() true.
class StreamDownloadJob final : public QObject
{
    Q_OBJECT

public:
    StreamDownloadJob(GitLabApi &api, PackageTarget source, int output, QObject *parent = nullptr);
    ~StreamDownloadJob() override;

    void setExpectedSha256(const QString &sha256) { m_expectedSha256 = sha256.toLower(); }
    // The size GitLab lists for the file (-1: unknown); more bytes than this fail the download.
    void setExpectedSize(qint64 bytes) { m_expectedSize = bytes; }

    void start();

    bool readerGone() const;
    qint64 written() const;
    QString verifiedSha256() const { return m_verifiedSha256; } // once finished well

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished(const Stevedore::Result<Stevedore::Success> &result);

private:
    void onFinished();

    GitLabApi &m_api;
    PackageTarget m_source;
    int m_output;
    QString m_expectedSha256;
    qint64 m_expectedSize = -1;
    QString m_verifiedSha256;
    std::shared_ptr<StreamWriter> m_writer; // the worker's until m_call finished
    std::unique_ptr<CurlGet> m_call;
};

} // namespace Stevedore
