// A second listener that plays an S3-style object store for direct downloads
// (gitlab-api.md §4.3): presigned, expiring URLs; any GitLab credential is refused and logged.
#pragma once

#include "Log.h"
#include "Model.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <httplib.h>
#include <optional>

namespace sim {

class Faults;

class ObjectStorage final
{
public:
    // Looks a file up by id; nullopt when it is gone.
    using FileLookup = std::function<std::optional<PackageFile>(qint64 fileId)>;

    ObjectStorage(FileLookup lookup, QString blobDir, Faults &faults, Log &log,
                  int urlLifetimeSeconds);

    void setBaseUrl(const QString &baseUrl) { m_baseUrl = baseUrl; }
    QString presignedUrl(const PackageFile &file, const QString &contentDisposition) const;
    void install(httplib::Server &server);

private:
    QByteArray signature(qint64 fileId, qint64 expires) const;
    void serve(const httplib::Request &request, httplib::Response &response);

    FileLookup m_lookup;
    QString m_blobDir;
    Faults &m_faults;
    Log &m_log;
    int m_urlLifetimeSeconds;
    QByteArray m_key;
    QString m_baseUrl;
};

} // namespace sim
