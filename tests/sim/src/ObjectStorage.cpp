#include "ObjectStorage.h"

#include "Faults.h"
#include "FileResponse.h"
#include "Http.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrl>

namespace sim {

namespace {

void sendS3Error(httplib::Response &response, int status, const char *code, const char *message)
{
    response.status = status;
    response.set_content(std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>")
                             + code + "</Code><Message>" + message + "</Message></Error>",
                         "application/xml");
}

QString percentEncode(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

ObjectStorage::ObjectStorage(FileLookup lookup, QString blobDir, Faults &faults, Log &log,
                             int urlLifetimeSeconds)
    : m_lookup(std::move(lookup))
    , m_blobDir(std::move(blobDir))
    , m_faults(faults)
    , m_log(log)
    , m_urlLifetimeSeconds(urlLifetimeSeconds)
{
    m_key.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_key.data()), 8);
}

QByteArray ObjectStorage::signature(qint64 fileId, qint64 expires) const
{
    return QMessageAuthenticationCode::hash(QByteArray::number(fileId) + '\n'
                                                + QByteArray::number(expires),
                                            m_key, QCryptographicHash::Sha256)
        .toHex();
}

QString ObjectStorage::presignedUrl(const PackageFile &file,
                                    const QString &contentDisposition) const
{
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + m_urlLifetimeSeconds;
    return m_baseUrl + QStringLiteral("/objects/") + QString::number(file.id) + QLatin1Char('/')
           + percentEncode(file.fileName) + QStringLiteral("?X-Amz-Expires=")
           + QString::number(expires) + QStringLiteral("&X-Amz-Signature=")
           + QString::fromLatin1(signature(file.id, expires))
           + QStringLiteral("&response-content-disposition=") + percentEncode(contentDisposition)
           + QStringLiteral("&response-content-type=")
           + percentEncode(QStringLiteral("application/octet-stream"));
}

void ObjectStorage::install(httplib::Server &server)
{
    // Ranges are answered by serveFile(); keep cpp-httplib from applying them a second time.
    server.set_pre_routing_handler([](const httplib::Request &request, httplib::Response &) {
        const_cast<httplib::Request &>(request).ranges.clear();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    const auto handler = [this](const httplib::Request &request, httplib::Response &response) {
        serve(request, response);
    };
    server.Get(".*", handler);
    server.Put(".*", handler);
    server.Post(".*", handler);
    server.Delete(".*", handler);
}

void ObjectStorage::serve(const httplib::Request &request, httplib::Response &response)
{
    QStringList leaked;
    for (const char *name :
         {"PRIVATE-TOKEN", "JOB-TOKEN", "Deploy-Token", "Authorization", "Cookie"}) {
        if (request.has_header(name))
            leaked << QLatin1String(name);
    }
    if (!leaked.isEmpty()) {
        m_log.credentialLeak(request, leaked);
        sendS3Error(
            response, 400, "InvalidArgument",
            "Only one auth mechanism allowed; only the X-Amz-Signature query parameter or the "
            "Authorization header should be specified");
        return;
    }
    if (request.method != "GET" && request.method != "HEAD") {
        sendS3Error(response, 405, "MethodNotAllowed",
                    "The specified method is not allowed against this resource.");
        return;
    }
    const QStringList parts = rawPathOf(request).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    bool idOk = false;
    const qint64 fileId =
        parts.size() == 3 && parts[0] == QLatin1String("objects") ? parts[1].toLongLong(&idOk) : 0;
    bool expiresOk = false;
    const qint64 expires =
        param(request, "X-Amz-Expires").value_or(QString()).toLongLong(&expiresOk);
    const QByteArray given = param(request, "X-Amz-Signature").value_or(QString()).toLatin1();
    if (!idOk || !expiresOk || given != signature(fileId, expires)) {
        sendS3Error(
            response, 403, "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided.");
        return;
    }
    if (expires < QDateTime::currentSecsSinceEpoch()) {
        sendS3Error(response, 403, "AccessDenied", "Request has expired");
        return;
    }
    const std::optional<PackageFile> file = m_lookup(fileId);
    if (!file) {
        sendS3Error(response, 404, "NoSuchKey", "The specified key does not exist.");
        return;
    }
    if (const auto disposition = param(request, "response-content-disposition"))
        response.set_header("Content-Disposition", disposition->toStdString());
    ServedFile served{*file, m_blobDir,
                      param(request, "response-content-type")
                          .value_or(QStringLiteral("application/octet-stream"))
                          .toStdString(),
                      m_faults.takeReset(false)};
    serveFile(request, response, served);
}

} // namespace sim
