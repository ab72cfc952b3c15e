#include "Api.h"

#include "Access.h"
#include "FileResponse.h"
#include "Http.h"
#include "Pagination.h"
#include "Sha256.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QThread>

#include <algorithm>
#include <map>
#include <utility>

namespace sim {

struct Api::Route
{
    enum class Kind {
        NotFound,
        User,
        TokenSelf,
        Projects,
        Project,
        Packages,
        Package,
        PackageFiles,
        PackageFile,
        Generic
    };
    Kind kind = Kind::NotFound;
    QString projectId; // as sent: digits or a %2F-encoded path
    QByteArray packageId;
    QByteArray fileId;
    QList<QByteArray> genericSegments; // name, version, directories…, file name
};

struct Api::UploadPlan
{
    Principal principal;
    qint64 projectId = 0;
    GenericParams params;
};

struct Api::Received
{
    std::unique_ptr<QTemporaryFile> file;
    QString sha256;
    qint64 size = 0;
};

namespace {

const QStringList kReadScopes{QStringLiteral("api"), QStringLiteral("read_api")};

const RoutePolicy kGenericUploadPolicy{true, true, true, false};
const RoutePolicy kGenericDownloadPolicy{true, true, true, true};
const RoutePolicy kProjectApiPolicy{false, true, false, false};
const RoutePolicy kUserApiPolicy{false, false, false, false};

bool isDisplayable(const Package &package)
{
    return package.status == QLatin1String("default") || package.status == QLatin1String("error")
           || package.status == QLatin1String("deprecated");
}

bool isInstallable(const Package &package)
{
    return package.status == QLatin1String("default") || package.status == QLatin1String("hidden")
           || package.status == QLatin1String("deprecated");
}

QString dispositionPart(const QString &name, const char *keep)
{
    static const char hex[] = "0123456789ABCDEF";
    QString out;
    for (const char byte : name.toUtf8()) {
        const auto c = static_cast<unsigned char>(byte);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || std::strchr(keep, c))
            out.append(QLatin1Char(char(c)));
        else
            out.append(QLatin1Char('%'))
                .append(QLatin1Char(hex[c >> 4]))
                .append(QLatin1Char(hex[c & 0xF]));
    }
    return out;
}

// Rails' ActionDispatch::Http::ContentDisposition for an attachment.
QString contentDisposition(const QString &storedName)
{
    return QStringLiteral("attachment; filename=\"%1\"; filename*=UTF-8''%2")
        .arg(dispositionPart(storedName, " !#$+.^_`|~-"),
             dispositionPart(storedName, "!#$&+.^_`|~-"));
}

std::optional<qint64> integerId(const QByteArray &raw)
{
    bool ok = false;
    const qint64 id = raw.toLongLong(&ok);
    return ok ? std::optional(id) : std::nullopt;
}

void sendFailure(httplib::Response &response, const AuthFailure &failure, bool generic)
{
    sendJson(response, failure.status, failure.body);
    if (!failure.wwwAuthenticate.isEmpty())
        response.set_header("WWW-Authenticate", failure.wwwAuthenticate.toStdString());
    else if (failure.status == 401 && generic)
        response.set_header("WWW-Authenticate", "Basic realm=\"GitLab Packages Registry\"");
}

void sendGenericUnauthorized(httplib::Response &response)
{
    sendFailure(response, unauthorized(), true);
}

// Whether the body of the request being answered was read. cpp-httplib serves the requests of
// a connection one after another on one thread, and logs each answer on that thread once it
// is sent, where the flag is read and reset.
thread_local bool t_bodyRead = false;

bool readBody(const httplib::ContentReader &reader, httplib::ContentReceiver receiver)
{
    t_bodyRead = reader(std::move(receiver));
    return t_bodyRead;
}

void drain(const httplib::ContentReader &reader)
{
    readBody(reader, [](const char *, size_t) { return true; });
}

// Every route, whatever the path holds: std::regex's "." does not match a newline (%0A).
constexpr char kAnyPath[] = "[\\s\\S]*";

// Sorts by a key and then by id, ascending or descending.
template<typename T, typename Key> void sortBy(std::vector<T *> &items, bool descending, Key key)
{
    std::stable_sort(items.begin(), items.end(), [&](const T *a, const T *b) {
        const auto ka = key(*a);
        const auto kb = key(*b);
        if (ka == kb)
            return descending ? a->id > b->id : a->id < b->id;
        return descending ? kb < ka : ka < kb;
    });
}

std::optional<QString> enumParam(const httplib::Request &request, const char *name,
                                 const QStringList &allowed, httplib::Response &response,
                                 bool *failed)
{
    const auto value = param(request, name);
    if (value && !allowed.contains(*value)) {
        sendError(response, 400,
                  QLatin1String(name) + QStringLiteral(" does not have a valid value"));
        *failed = true;
    }
    return value;
}

// A Grape Boolean parameter (dry-types' Params::Bool spellings); nullopt when absent, and a
// 400 "<name> is invalid" when it is something else.
std::optional<bool> booleanParam(const httplib::Request &request, const char *name,
                                 httplib::Response &response, bool *failed)
{
    static const QStringList truths = QStringLiteral("1 on t true y yes").split(QLatin1Char(' '));
    static const QStringList falsehoods =
        QStringLiteral("0 off f false n no").split(QLatin1Char(' '));
    const auto value = param(request, name);
    if (!value || *failed)
        return std::nullopt;
    if (truths.contains(*value, Qt::CaseInsensitive))
        return true;
    if (falsehoods.contains(*value, Qt::CaseInsensitive))
        return false;
    sendError(response, 400, QLatin1String(name) + QStringLiteral(" is invalid"));
    *failed = true;
    return std::nullopt;
}

QString projectIdParam(const QString &rawId)
{
    return decodeSegment(rawId.toLatin1()).value_or(rawId);
}

} // namespace

Api::Api(Store &store, Faults &faults, Log &log, ApiConfig config)
    : m_store(store)
    , m_faults(faults)
    , m_log(log)
    , m_config(std::move(config))
    , m_serializer(store, m_config.externalUrl)
    , m_saver([this] { saveInBackground(); })
{
}

Api::~Api()
{
    {
        std::lock_guard lock(m_saverMutex);
        m_saverStopping = true;
    }
    m_saverWake.notify_all();
    if (m_saver.joinable())
        m_saver.join();
}

void Api::saveInBackground()
{
    std::unique_lock wait(m_saverMutex);
    while (!m_saverStopping) {
        m_saverWake.wait_for(wait, std::chrono::milliseconds(kSaveIntervalMs));
        if (!m_dirty.exchange(false))
            continue;
        QByteArray snapshot;
        {
            std::shared_lock lock(m_mutex);
            snapshot = m_store.snapshot();
        }
        m_store.write(snapshot);
    }
}

void Api::offerGzipOnly(httplib::Request &request)
{
    const auto found = request.headers.find("Accept-Encoding");
    if (found == request.headers.end())
        return;
    const bool gzip = found->second.find("gzip") != std::string::npos;
    request.headers.erase(found);
    if (gzip)
        request.headers.emplace("Accept-Encoding", "gzip");
}

void Api::install(httplib::Server &server)
{
    server.set_pre_routing_handler(
        [this](const httplib::Request &request, httplib::Response &response) {
            // Ranges are answered by serveFile(); keep cpp-httplib from applying them a second
            // time.
            auto &writable = const_cast<httplib::Request &>(request);
            writable.ranges.clear();
            t_bodyRead = false;
            // Bodies are stored as sent, whatever their type (Workhorse's generic upload route
            // takes the raw body); cpp-httplib would parse a multipart one, and fails on it.
            if (writable.get_header_value("Content-Type").rfind("multipart/form-data", 0) == 0)
                writable.headers.erase("Content-Type");
            // GitLab (behind its nginx) compresses JSON with gzip; cpp-httplib would choose
            // Brotli, which costs about 100 ms a page of packages and made every list slow.
            offerGzipOnly(writable);
            if (!applyRequestFault(request, response))
                return httplib::Server::HandlerResponse::Unhandled;
            // A fault answers before the body was read: the connection is closed once the
            // answer is out (see the logger), so the unread body is not taken for a request.
            if (declaresBody(request))
                response.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        });
    const auto plain = [this](const httplib::Request &request, httplib::Response &response) {
        handle(request, response, nullptr);
    };
    const auto withBody = [this](const httplib::Request &request, httplib::Response &response,
                                 const httplib::ContentReader &reader) {
        handle(request, response, &reader);
    };
    server.Get(kAnyPath, plain);
    server.Options(kAnyPath, plain);
    server.Delete(kAnyPath, withBody);
    server.Put(kAnyPath, withBody);
    server.Post(kAnyPath, withBody);
    server.Patch(kAnyPath, withBody);
    server.set_exception_handler(
        [](const httplib::Request &, httplib::Response &response, std::exception_ptr) {
            response.headers.clear();
            sendMessage(response, 500, statusLine(500));
        });
    server.set_post_routing_handler(
        [this](const httplib::Request &request, httplib::Response &response) {
            response.set_header("X-Frame-Options", "SAMEORIGIN");
            response.set_header("X-Content-Type-Options", "nosniff");
            // Logged here, just before the answer is written (cpp-httplib calls the logger after
            // it), so that a client that has its answer finds the request in the log.
            m_log.request(request, response);
        });
    server.set_logger([](const httplib::Request &request, const httplib::Response &) {
        // Any answer to a request whose body was not read (a fault, cpp-httplib's own 400 or
        // 416, a GET with a body) ends the connection.
        if (!std::exchange(t_bodyRead, false) && declaresBody(request))
            closeAfterAnswer(request);
    });
}

bool Api::applyRequestFault(const httplib::Request &request, httplib::Response &response)
{
    if (m_faults.latencyMs() > 0)
        QThread::msleep(ulong(m_faults.latencyMs()));
    const RequestFault fault = m_faults.takeRequestFault(rawPathOf(request));
    switch (fault.kind) {
    case RequestFault::Kind::None:
        return false;
    case RequestFault::Kind::Stall:
        QThread::msleep(ulong(fault.stallMs));
        resetConnection(request);
        return true;
    case RequestFault::Kind::RateLimit: {
        const QDateTime reset = QDateTime::currentDateTimeUtc().addSecs(fault.retryAfterSeconds);
        response.status = 429;
        response.set_header("Retry-After", std::to_string(fault.retryAfterSeconds));
        response.set_header("RateLimit-Name", "throttle_authenticated_packages_api");
        response.set_header("RateLimit-Limit", "1000");
        response.set_header("RateLimit-Observed", "1001");
        response.set_header("RateLimit-Remaining", "0");
        response.set_header("RateLimit-Reset", std::to_string(reset.toSecsSinceEpoch()));
        response.set_header("RateLimit-ResetTime", httpDate(reset).toStdString());
        response.set_content("Retry later\n", "text/plain");
        return true;
    }
    case RequestFault::Kind::Status:
        sendMessage(response, fault.status, statusLine(fault.status));
        return true;
    }
    return false;
}

Api::Route Api::parseRoute(const httplib::Request &request) const
{
    Route route;
    const QString path = rawPathOf(request);
    if (!path.startsWith(QLatin1String("/api/v4/")))
        return route;
    const QList<QByteArray> parts = path.mid(8).toLatin1().split('/');
    const qsizetype n = parts.size();
    const auto is = [&](qsizetype index, const char *text) {
        return index < n && parts[index] == text;
    };
    if (n == 1 && is(0, "user")) {
        route.kind = Route::Kind::User;
    } else if (n == 2 && is(0, "personal_access_tokens") && is(1, "self")) {
        route.kind = Route::Kind::TokenSelf;
    } else if (is(0, "projects")) {
        if (n == 1) {
            route.kind = Route::Kind::Projects;
            return route;
        }
        route.projectId = QString::fromLatin1(parts[1]);
        if (route.projectId.isEmpty())
            return route;
        if (n == 2)
            route.kind = Route::Kind::Project;
        else if (n == 3 && is(2, "packages"))
            route.kind = Route::Kind::Packages;
        else if (n >= 7 && is(2, "packages") && is(3, "generic")) {
            route.kind = Route::Kind::Generic;
            route.genericSegments = parts.mid(4);
            if (std::any_of(route.genericSegments.begin(), route.genericSegments.end(),
                            [](const QByteArray &segment) { return segment.isEmpty(); }))
                route.kind = Route::Kind::NotFound;
        } else if (n >= 4 && is(2, "packages") && !parts[3].isEmpty()) {
            route.packageId = parts[3];
            if (n == 4)
                route.kind = Route::Kind::Package;
            else if (n == 5 && is(4, "package_files"))
                route.kind = Route::Kind::PackageFiles;
            else if (n == 6 && is(4, "package_files") && !parts[5].isEmpty()) {
                route.kind = Route::Kind::PackageFile;
                route.fileId = parts[5];
            }
        }
    }
    return route;
}

void Api::handle(const httplib::Request &request, httplib::Response &response,
                 const httplib::ContentReader *reader)
{
    const Route route = parseRoute(request);
    const std::string &method = request.method;
    const bool read = method == "GET" || method == "HEAD";
    if (route.kind == Route::Kind::Generic && method == "PUT") {
        upload(route, request, response, *reader);
        return;
    }
    if (reader)
        drain(*reader);

    using Kind = Route::Kind;
    const auto allowed = [&](bool ok) {
        if (!ok)
            sendError(response, 405, QStringLiteral("405 Not Allowed"));
        return ok;
    };
    switch (route.kind) {
    case Kind::NotFound:
        sendError(response, 404, QStringLiteral("404 Not Found"));
        return;
    case Kind::User:
        if (allowed(read))
            currentUser(request, response);
        return;
    case Kind::TokenSelf:
        if (allowed(read))
            tokenSelf(request, response);
        return;
    case Kind::Projects:
        if (allowed(read))
            listProjects(request, response);
        return;
    case Kind::Project:
        if (allowed(read))
            getProject(route, request, response);
        return;
    case Kind::Packages:
        if (allowed(read))
            listPackages(route, request, response);
        return;
    case Kind::Package:
        if (read)
            getPackage(route, request, response);
        else if (allowed(method == "DELETE"))
            deletePackage(route, request, response);
        return;
    case Kind::PackageFiles:
        if (allowed(read))
            listPackageFiles(route, request, response);
        return;
    case Kind::PackageFile:
        if (allowed(method == "DELETE"))
            deletePackageFile(route, request, response);
        return;
    case Kind::Generic:
        if (allowed(read))
            download(route, request, response);
        return;
    }
}

const Project *Api::findProject(const QString &rawId) const
{
    const auto decoded = decodeSegment(rawId.toLatin1());
    if (!decoded)
        return nullptr;
    static const QRegularExpression numeric(QStringLiteral("\\A-?\\d+\\z"));
    if (numeric.match(*decoded).hasMatch())
        return m_store.projectById(decoded->toLongLong());
    if (decoded->contains(QLatin1Char('/')))
        return m_store.projectByPath(*decoded);
    return nullptr;
}

std::optional<Principal> Api::authenticateFor(const httplib::Request &request,
                                              httplib::Response &response,
                                              const RoutePolicy &policy, bool generic,
                                              const QStringList &readScopes) const
{
    const AuthResult result = authenticate(m_store, request, policy);
    if (result.failure) {
        sendFailure(response, *result.failure, generic);
        return std::nullopt;
    }
    if (const auto failure = checkScopes(result.principal, request.method, readScopes)) {
        sendFailure(response, *failure, generic);
        return std::nullopt;
    }
    return result.principal;
}

// find_project! semantics: a missing or invisible project is "404 Project Not Found" for everyone.
const Project *Api::findReadableProject(const Route &route, const Principal &principal,
                                        httplib::Response &response) const
{
    const Project *project = findProject(route.projectId);
    if (project && principal.kind == Principal::Kind::Job
        && !Access(principal, *project).canSeePackagesOf()) {
        // lib/api/helpers.rb (handle_job_token_failure!) names the projects' own paths.
        const QString source = principal.token->project.section(QLatin1Char('/'), -1);
        sendMessage(response, 403,
                    QStringLiteral("403 Forbidden - Authentication by CI/CD job token not "
                                   "allowed from %1 to %2.")
                        .arg(source, project->path()));
        return nullptr;
    }
    if (!project || !Access(principal, *project).canSeePackagesOf()) {
        sendMessage(response, 404, QStringLiteral("404 Project Not Found"));
        return nullptr;
    }
    if (!Access(principal, *project).canReadPackages()) {
        sendMessage(response, 403, QStringLiteral("403 Forbidden"));
        return nullptr;
    }
    return project;
}

// ---------------------------------------------------------------------------------------------
// Generic packages

std::optional<GenericParams> Api::genericParams(const Route &route, const httplib::Request &request,
                                                bool upload, httplib::Response &response) const
{
    const QList<QByteArray> &segments = route.genericSegments;
    QStringList decoded;
    for (const QByteArray &segment : segments) {
        const auto text = decodeSegment(segment);
        if (!text) {
            sendError(response, 400, QStringLiteral("file_name is invalid"));
            return std::nullopt;
        }
        decoded << *text;
    }
    GenericParams params;
    params.packageName = decoded.first();
    params.packageVersion = decoded.at(1);
    params.fileName = decoded.last();
    params.path = decoded.mid(2, decoded.size() - 3).join(QLatin1Char('/'));
    if (params.path.isEmpty())
        params.path = param(request, "path").value_or(QString());
    if (upload) {
        params.status = param(request, "status");
        params.select = param(request, "select");
    }
    const QStringList errors = validationErrors(params);
    if (!errors.isEmpty()) {
        sendError(response, 400, errors.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return params;
}

// Everything GitLab decides before the body arrives (§3.4 steps 2–5).
std::optional<Api::UploadPlan> Api::planUpload(const Route &route, const httplib::Request &request,
                                               httplib::Response &response)
{
    std::shared_lock lock(m_mutex);
    RoutePolicy policy = kGenericUploadPolicy;
    policy.jobTokenBasic = m_faults.jobTokenBasicOnPut();
    const auto principal = authenticateFor(request, response, policy, true, {});
    if (!principal)
        return std::nullopt;
    if (principal->isAnonymous()) {
        sendGenericUnauthorized(response);
        return std::nullopt;
    }
    const auto params = genericParams(route, request, true, response);
    if (!params)
        return std::nullopt;
    const Project *project = findProject(route.projectId);
    if (!project || !Access(*principal, *project).canSeeProject()) {
        sendMessage(response, 404, QStringLiteral("404 Not Found"));
        return std::nullopt;
    }
    if (!Access(*principal, *project).canCreatePackages()) {
        sendMessage(response, 403, QStringLiteral("403 Forbidden"));
        return std::nullopt;
    }
    return UploadPlan{*principal, project->id, *params};
}

void Api::upload(const Route &route, const httplib::Request &request, httplib::Response &response,
                 const httplib::ContentReader &reader)
{
    const auto plan = planUpload(route, request, response);
    if (!plan) {
        drain(reader);
        return;
    }
    auto received = receiveBody(request, response, reader);
    if (received && storeUpload(*plan, *received, response) && m_faults.takeStoreThenDrop()) {
        // Stored and saved like any successful upload; the answer is lost with the connection.
        resetConnection(request);
    }
}

std::optional<Api::Received> Api::receiveBody(const httplib::Request &request,
                                              httplib::Response &response,
                                              const httplib::ContentReader &reader)
{
    Received received;
    received.file = std::make_unique<QTemporaryFile>(
        QDir(m_store.tempDir()).filePath(QStringLiteral("upload-XXXXXX")));
    if (!received.file->open()) {
        drain(reader);
        sendMessage(response, 500, statusLine(500));
        return std::nullopt;
    }
    Sha256 hash;
    const std::optional<qint64> resetAfter = m_faults.takeReset(true);
    const qint64 limit = m_config.maxFileSize;
    bool tooLarge = false;
    bool writeFailed = false;
    bool reset = false;
    const bool complete = readBody(reader, [&](const char *data, size_t length) {
        if (resetAfter && received.size + qint64(length) > *resetAfter) {
            resetConnection(request);
            reset = true;
            return false;
        }
        received.size += qint64(length);
        tooLarge = tooLarge || (limit > 0 && received.size >= limit);
        if (!tooLarge && !writeFailed) {
            hash.add(data, length);
            writeFailed = received.file->write(data, qint64(length)) != qint64(length);
        }
        return true;
    });
    if (reset || !complete)
        return std::nullopt; // the connection is gone; nothing to answer
    if (tooLarge) {
        sendMessage(response, 400, QStringLiteral("400 Bad request - File is too large"));
        return std::nullopt;
    }
    if (writeFailed || !received.file->flush()) {
        sendMessage(response, 500, statusLine(500));
        return std::nullopt;
    }
    received.sha256 = hash.hexDigest();
    return received;
}

bool Api::duplicateAllowed(const Project &project, const Package &package) const
{
    const Namespace *ns = m_store.namespaceByPath(project.namespacePath());
    const bool allowed = ns ? ns->genericDuplicatesAllowed : true;
    const QString regex = ns ? ns->genericDuplicateExceptionRegex : QString();
    bool match = false;
    if (!regex.isEmpty()) {
        const QRegularExpression expression(QLatin1String("\\A") + regex + QLatin1String("\\z"));
        match = expression.isValid()
                && (expression.match(package.name).hasMatch()
                    || expression.match(package.version).hasMatch());
    }
    return allowed ? !match : match;
}

bool Api::storeUpload(const UploadPlan &plan, Received &received, httplib::Response &response)
{
    std::unique_lock lock(m_mutex);
    const GenericParams &params = plan.params;
    const Project &project = *m_store.projectById(plan.projectId);
    const Access access(plan.principal, project);
    if (!access.passesPushProtection(params.packageName)) {
        sendMessage(response, 403, QStringLiteral("403 Forbidden - Package protected."));
        return false;
    }
    const QString storedName = params.storedFileName();
    Package *package = m_store.livePackage(project.id, params.packageName, params.packageVersion);
    if (package) {
        const bool duplicate =
            std::any_of(package->files.begin(), package->files.end(), [&](const PackageFile &file) {
                return file.fileName == storedName && file.status == QLatin1String("default");
            });
        if (duplicate && !duplicateAllowed(project, *package)) {
            sendMessage(response, 400,
                        QStringLiteral("400 Bad request - Duplicate package is not allowed"));
            return false;
        }
    }
    std::optional<Pipeline> pipeline;
    if (plan.principal.kind == Principal::Kind::Job) {
        pipeline = Pipeline{plan.principal.token->pipelineId, plan.principal.token->jobId,
                            plan.principal.token->username};
    }
    const auto createPackage = [&] {
        Package &created =
            m_store.createPackage(project.id, params.packageName, params.packageVersion);
        created.status = params.status.value_or(QStringLiteral("default"));
        created.creator = plan.principal.user ? plan.principal.user->username : QString();
        created.pipeline = pipeline;
        return &created;
    };
    if (!package) {
        // §3.10: find-then-create is not atomic; a second creator loses with a 500.
        const QString key = QStringLiteral("%1/%2/%3")
                                .arg(project.id)
                                .arg(params.packageName, params.packageVersion);
        if (m_faults.takeRace500()) {
            createPackage();
            stateChanged();
            sendMessage(response, 500, statusLine(500));
            return false;
        }
        if (m_faults.raceWindowEnabled() && m_config.raceWindowMs > 0) {
            if (m_creating.count(key)) {
                m_creationDone.wait(lock, [&] { return !m_creating.count(key); });
                sendMessage(response, 500, statusLine(500));
                return false;
            }
            m_creating.insert(key);
            lock.unlock();
            QThread::msleep(ulong(m_config.raceWindowMs));
            lock.lock();
            m_creating.erase(key);
            m_creationDone.notify_all();
        }
        package = createPackage();
    } else if (params.status && *params.status != package->status) {
        package->status = *params.status;
    }

    PackageFile file;
    file.id = m_store.nextFileId();
    file.fileName = storedName;
    file.size = received.size;
    file.sha256 = received.sha256;
    file.blob = QString::number(file.id);
    file.pipeline = pipeline;
    file.createdAt = QDateTime::currentDateTimeUtc();
    received.file->close();
    if (!received.file->rename(QDir(m_store.blobDir()).filePath(file.blob))) {
        sendMessage(response, 500, statusLine(500));
        return false;
    }
    received.file->setAutoRemove(false);
    const PackageFile &stored = m_store.addFile(*package, file);
    stateChanged();
    if (params.select)
        sendJson(response, 200, m_serializer.packageFileRecord(stored, project));
    else
        sendMessage(response, 201, QStringLiteral("201 Created"));
    return true;
}

void Api::download(const Route &route, const httplib::Request &request, httplib::Response &response)
{
    const auto params = genericParams(route, request, false, response);
    if (!params)
        return;
    std::unique_lock lock(m_mutex);
    const auto principal =
        authenticateFor(request, response, kGenericDownloadPolicy, true, kReadScopes);
    if (!principal)
        return;
    const Project *project = findProject(route.projectId);
    if (!project || !Access(*principal, *project).canSeePackagesOf()) {
        if (principal->isAnonymous())
            sendGenericUnauthorized(response);
        else
            sendMessage(response, 404, QStringLiteral("404 Not Found"));
        return;
    }
    if (!Access(*principal, *project).canReadPackages()) {
        sendMessage(response, 403, QStringLiteral("403 Forbidden"));
        return;
    }
    Package *package =
        m_store.livePackage(project->id, params->packageName, params->packageVersion);
    const QString storedName = params->storedFileName();
    const PackageFile *newest = nullptr;
    if (package && isInstallable(*package)) {
        for (const PackageFile &file : package->files) {
            if (file.fileName == storedName && file.status == QLatin1String("default")
                && (!newest || file.id > newest->id))
                newest = &file;
        }
    }
    if (!newest) {
        sendMessage(response, 404, QStringLiteral("404 Not found"));
        return;
    }
    package->lastDownloadedAt = QDateTime::currentDateTimeUtc();
    const PackageFile file = *newest;
    lock.unlock();

    const QString disposition = contentDisposition(file.fileName);
    if (m_objectStorage) {
        const QString location = m_objectStorage->presignedUrl(file, disposition);
        response.set_header("Location", location.toStdString());
        sendJson(response, 302,
                 QStringLiteral("This resource has been moved temporarily to %1.").arg(location));
        return;
    }
    response.set_header("Content-Disposition", disposition.toStdString());
    response.set_header("Content-Transfer-Encoding", "binary");
    if (!file.sha256.isEmpty())
        response.set_header("X-Checksum-SHA256", file.sha256.toStdString());
    serveFile(
        request, response,
        ServedFile{file, m_store.blobDir(), "application/octet-stream", m_faults.takeReset(false)});
}

std::optional<PackageFile> Api::downloadableFile(qint64 fileId)
{
    std::shared_lock lock(m_mutex);
    for (const auto &[id, package] : m_store.packages()) {
        if (!isInstallable(package))
            continue;
        for (const PackageFile &file : package.files) {
            if (file.id == fileId && file.status == QLatin1String("default"))
                return file;
        }
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Packages API (§5) and package files API (§6)

const Package *Api::displayablePackage(const Project &project, qint64 packageId,
                                       httplib::Response &response) const
{
    const Package *package = std::as_const(m_store).packageById(packageId);
    if (!package || package->projectId != project.id || !isDisplayable(*package)) {
        sendMessage(response, 404, QStringLiteral("404 Not found"));
        return nullptr;
    }
    return package;
}

std::optional<Api::ProjectScope> Api::openProject(const Route &route,
                                                  const httplib::Request &request,
                                                  httplib::Response &response) const
{
    const auto principal =
        authenticateFor(request, response, kProjectApiPolicy, false, kReadScopes);
    if (!principal)
        return std::nullopt;
    const Project *project = findReadableProject(route, *principal, response);
    if (!project)
        return std::nullopt;
    return ProjectScope{*principal, project};
}

std::optional<qint64> Api::packageIdOf(const Route &route, httplib::Response &response)
{
    const auto packageId = integerId(route.packageId);
    if (!packageId)
        sendError(response, 400, QStringLiteral("package_id is invalid"));
    return packageId;
}

void Api::listPackages(const Route &route, const httplib::Request &request,
                       httplib::Response &response)
{
    std::shared_lock lock(m_mutex);
    const auto scope = openProject(route, request, response);
    if (!scope)
        return;
    const Principal *principal = &scope->principal;
    const Project *project = scope->project;
    bool failed = false;
    const auto orderBy = enumParam(request, "order_by",
                                   {QStringLiteral("created_at"), QStringLiteral("name"),
                                    QStringLiteral("version"), QStringLiteral("type")},
                                   response, &failed);
    const auto sort =
        failed ? std::nullopt
               : enumParam(request, "sort", {QStringLiteral("asc"), QStringLiteral("desc")},
                           response, &failed);
    const QStringList types =
        QStringLiteral("maven npm conan nuget pypi composer generic golang debian rubygems helm "
                       "terraform_module rpm ml_model")
            .split(QLatin1Char(' '));
    const auto type =
        failed ? std::nullopt : enumParam(request, "package_type", types, response, &failed);
    const QStringList statuses =
        QStringLiteral("default hidden processing error pending_destruction deprecated")
            .split(QLatin1Char(' '));
    const auto status =
        failed ? std::nullopt : enumParam(request, "status", statuses, response, &failed);
    booleanParam(request, "include_versionless", response, &failed); // every generic package
                                                                     // has a version
    if (failed)
        return;
    QString pageError;
    const auto page = pageRequest(request, &pageError);
    if (!page) {
        sendError(response, 400, pageError);
        return;
    }
    const QString nameFilter = param(request, "package_name").value_or(QString());
    const auto versionFilter = param(request, "package_version");

    std::vector<const Package *> selected;
    if (!type || *type == QLatin1String("generic")) {
        for (const auto &[id, package] : m_store.packages()) {
            if (package.projectId != project->id)
                continue;
            if (status ? package.status != *status : !isDisplayable(package))
                continue;
            if (!nameFilter.isEmpty() && !package.name.contains(nameFilter, Qt::CaseInsensitive))
                continue;
            if (versionFilter && package.version != *versionFilter)
                continue;
            selected.push_back(&package);
        }
    }
    const bool descending = sort == QLatin1String("desc");
    const QString order = orderBy.value_or(QStringLiteral("created_at"));
    if (order == QLatin1String("name"))
        sortBy(selected, descending, [](const Package &p) { return p.name; });
    else if (order == QLatin1String("version"))
        sortBy(selected, descending, [](const Package &p) { return p.version; });
    else if (order == QLatin1String("type"))
        sortBy(selected, descending, [](const Package &p) { return p.id; });
    else
        sortBy(selected, descending, [](const Package &p) { return p.createdAt; });

    const PageWindow window =
        paginate(request, response, *page, qsizetype(selected.size()), m_config.externalUrl,
                 {{QStringLiteral("id"), projectIdParam(route.projectId)},
                  {QStringLiteral("order_by"), QStringLiteral("created_at")},
                  {QStringLiteral("sort"), QStringLiteral("asc")}});
    const bool canDelete = Access(*principal, *project).canDestroyPackages();
    QJsonArray array;
    for (qsizetype i = window.begin; i < window.end; ++i)
        array.append(m_serializer.package(*selected[size_t(i)], *project, canDelete));
    sendJson(response, 200, array);
}

void Api::getPackage(const Route &route, const httplib::Request &request,
                     httplib::Response &response)
{
    std::shared_lock lock(m_mutex);
    const auto scope = openProject(route, request, response);
    if (!scope)
        return;
    const Principal *principal = &scope->principal;
    const Project *project = scope->project;
    const auto packageId = packageIdOf(route, response);
    if (!packageId)
        return;
    const Package *package = displayablePackage(*project, *packageId, response);
    if (!package)
        return;
    if (package->status == QLatin1String("error")) {
        sendMessage(response, 404, QStringLiteral("Package not found"));
        return;
    }
    std::vector<const Package *> others;
    for (const auto &[id, candidate] : m_store.packages()) {
        if (candidate.projectId == project->id && candidate.name == package->name
            && candidate.id != package->id && isDisplayable(candidate))
            others.push_back(&candidate);
    }
    sortBy(others, false, [](const Package &p) { return p.version; });
    QJsonArray versions;
    for (const Package *other : others)
        versions.append(m_serializer.packageVersion(*other, *project));
    QJsonObject object =
        m_serializer.package(*package, *project, Access(*principal, *project).canDestroyPackages());
    object.insert(QStringLiteral("versions"), versions);
    sendJson(response, 200, object);
}

void Api::deletePackage(const Route &route, const httplib::Request &request,
                        httplib::Response &response)
{
    std::lock_guard lock(m_mutex);
    const auto scope = openProject(route, request, response);
    if (!scope)
        return;
    const Principal *principal = &scope->principal;
    const Project *project = scope->project;
    const auto packageId = packageIdOf(route, response);
    if (!packageId)
        return;
    const Access access(*principal, *project);
    if (!access.canDestroyPackages()) {
        sendMessage(response, 403, QStringLiteral("403 Forbidden"));
        return;
    }
    const Package *shown = displayablePackage(*project, *packageId, response);
    if (!shown)
        return;
    Package *package = m_store.packageById(shown->id);
    if (!access.passesDeleteProtection(package->name)) {
        sendMessage(response, 403,
                    QStringLiteral("403 Forbidden - Package is deletion protected."));
        return;
    }
    if (const auto since = parseHttpDate(header(request, "If-Unmodified-Since"));
        since && package->updatedAt.toSecsSinceEpoch() > since->toSecsSinceEpoch()) {
        sendMessage(response, 412, QStringLiteral("412 Precondition Failed"));
        return;
    }
    package->status = QStringLiteral("pending_destruction");
    for (PackageFile &file : package->files) {
        file.status = QStringLiteral("pending_destruction");
        removeBlob(file);
    }
    stateChanged();
    response.status = 204;
}

void Api::listPackageFiles(const Route &route, const httplib::Request &request,
                           httplib::Response &response)
{
    std::shared_lock lock(m_mutex);
    const auto scope = openProject(route, request, response);
    if (!scope)
        return;
    const Project *project = scope->project;
    const auto packageId = packageIdOf(route, response);
    if (!packageId)
        return;
    bool failed = false;
    const auto orderBy =
        enumParam(request, "order_by",
                  {QStringLiteral("id"), QStringLiteral("created_at"), QStringLiteral("file_name")},
                  response, &failed);
    const auto sort =
        failed ? std::nullopt
               : enumParam(request, "sort", {QStringLiteral("asc"), QStringLiteral("desc")},
                           response, &failed);
    if (failed)
        return;
    QString pageError;
    const auto page = pageRequest(request, &pageError);
    if (!page) {
        sendError(response, 400, pageError);
        return;
    }
    const Package *package = displayablePackage(*project, *packageId, response);
    if (!package)
        return;
    std::vector<const PackageFile *> files;
    for (const PackageFile &file : package->files) {
        if (file.status == QLatin1String("default"))
            files.push_back(&file);
    }
    const bool descending = sort == QLatin1String("desc");
    const QString order = orderBy.value_or(QStringLiteral("id"));
    if (order == QLatin1String("file_name"))
        sortBy(files, descending, [](const PackageFile &f) { return f.fileName; });
    else if (order == QLatin1String("created_at"))
        sortBy(files, descending, [](const PackageFile &f) { return f.createdAt; });
    else
        sortBy(files, descending, [](const PackageFile &f) { return f.id; });
    const PageWindow window =
        paginate(request, response, *page, qsizetype(files.size()), m_config.externalUrl,
                 {{QStringLiteral("id"), projectIdParam(route.projectId)},
                  {QStringLiteral("package_id"), QString::number(*packageId)},
                  {QStringLiteral("order_by"), QStringLiteral("id")},
                  {QStringLiteral("sort"), QStringLiteral("asc")}});
    QJsonArray array;
    for (qsizetype i = window.begin; i < window.end; ++i)
        array.append(m_serializer.packageFile(*files[size_t(i)], *project));
    sendJson(response, 200, array);
}

void Api::deletePackageFile(const Route &route, const httplib::Request &request,
                            httplib::Response &response)
{
    std::lock_guard lock(m_mutex);
    const auto scope = openProject(route, request, response);
    if (!scope)
        return;
    const Principal *principal = &scope->principal;
    const Project *project = scope->project;
    const auto packageId = integerId(route.packageId);
    const auto fileId = integerId(route.fileId);
    if (!packageId || !fileId) {
        sendError(response, 400,
                  QLatin1String(packageId ? "package_file_id" : "package_id")
                      + QStringLiteral(" is invalid"));
        return;
    }
    const Access access(*principal, *project);
    if (!access.canDestroyPackages()) {
        sendMessage(response, 403, QStringLiteral("403 Forbidden"));
        return;
    }
    const Package *shown = displayablePackage(*project, *packageId, response);
    if (!shown)
        return;
    Package *package = m_store.packageById(shown->id);
    const auto file = std::find_if(
        package->files.begin(), package->files.end(), [&](const PackageFile &candidate) {
            return candidate.id == *fileId && candidate.status == QLatin1String("default");
        });
    if (file == package->files.end()) {
        sendMessage(response, 404, QStringLiteral("404 Not Found"));
        return;
    }
    if (!access.passesDeleteProtection(package->name)) {
        sendMessage(response, 403,
                    QStringLiteral("403 Forbidden - Package is deletion protected."));
        return;
    }
    file->status = QStringLiteral("pending_destruction");
    removeBlob(*file);
    stateChanged();
    response.status = 204;
}

void Api::removeBlob(const PackageFile &file)
{
    if (!file.blob.isEmpty())
        QFile::remove(QDir(m_store.blobDir()).filePath(file.blob));
}

// ---------------------------------------------------------------------------------------------
// Projects and identity (§8)

void Api::listProjects(const httplib::Request &request, httplib::Response &response)
{
    std::shared_lock lock(m_mutex);
    const auto principal = authenticateFor(request, response, kUserApiPolicy, false, kReadScopes);
    if (!principal)
        return;
    bool failed = false;
    const auto orderBy =
        enumParam(request, "order_by",
                  QStringLiteral("id name path created_at updated_at last_activity_at similarity "
                                 "star_count")
                      .split(QLatin1Char(' ')),
                  response, &failed);
    const auto sort =
        failed ? std::nullopt
               : enumParam(request, "sort", {QStringLiteral("asc"), QStringLiteral("desc")},
                           response, &failed);
    const auto minLevel =
        failed ? std::nullopt
               : enumParam(request, "min_access_level",
                           QStringLiteral("10 15 20 30 40 50").split(QLatin1Char(' ')), response,
                           &failed);
    const auto visibility = failed
                                ? std::nullopt
                                : enumParam(request, "visibility",
                                            {QStringLiteral("private"), QStringLiteral("internal"),
                                             QStringLiteral("public")},
                                            response, &failed);
    std::map<QByteArray, bool> flags;
    for (const char *name : {"membership", "owned", "starred", "archived", "simple",
                             "search_namespaces", "statistics", "imported", "with_issues_enabled",
                             "with_merge_requests_enabled", "with_custom_attributes"}) {
        if (const auto value = booleanParam(request, name, response, &failed))
            flags[name] = *value;
    }
    if (failed)
        return;
    QString pageError;
    const auto page = pageRequest(request, &pageError);
    if (!page) {
        sendError(response, 400, pageError);
        return;
    }
    const auto flag = [&](const char *name) {
        const auto found = flags.find(name);
        return found != flags.end() && found->second;
    };
    const bool membership = flag("membership") || minLevel.has_value();
    const QString search = param(request, "search").value_or(QString());
    static const char *const visibilityNames[] = {"private", "internal", "public"};

    std::vector<const Project *> selected;
    for (const Project &project : m_store.projects()) {
        const Access access(*principal, project);
        if (!access.canSeeProject())
            continue;
        if (membership
            && access.level() < (minLevel ? AccessLevel(minLevel->toInt()) : AccessLevel::Guest))
            continue;
        if (flag("owned") && access.level() < AccessLevel::Owner)
            continue;
        if (flag("starred") || flag("archived"))
            continue;
        if (visibility && *visibility != QLatin1String(visibilityNames[int(project.visibility)]))
            continue;
        if (!search.isEmpty() && !project.name.contains(search, Qt::CaseInsensitive)
            && !project.path().contains(search, Qt::CaseInsensitive)
            && !(flag("search_namespaces")
                 && project.fullPath.contains(search, Qt::CaseInsensitive)))
            continue;
        selected.push_back(&project);
    }
    const bool descending = sort ? *sort == QLatin1String("desc") : true;
    const QString order = orderBy.value_or(QStringLiteral("created_at"));
    if (order == QLatin1String("name"))
        sortBy(selected, descending, [](const Project &p) { return p.name.toLower(); });
    else if (order == QLatin1String("path"))
        sortBy(selected, descending, [](const Project &p) { return p.path().toLower(); });
    else if (order == QLatin1String("created_at"))
        sortBy(selected, descending, [](const Project &p) { return p.createdAt; });
    else if (order == QLatin1String("updated_at") || order == QLatin1String("last_activity_at"))
        sortBy(selected, descending, [](const Project &p) { return p.lastActivityAt; });
    else
        sortBy(selected, descending, [](const Project &p) { return p.id; });

    // The defaults lib/api/projects.rb declares (GitLab CE), which Grape adds to the params.
    RouteParams defaults{{QStringLiteral("order_by"), QStringLiteral("created_at")},
                         {QStringLiteral("sort"), QStringLiteral("desc")}};
    for (const char *name :
         {"imported", "membership", "owned", "simple", "starred", "statistics",
          "with_custom_attributes", "with_issues_enabled", "with_merge_requests_enabled"})
        defaults.append({QLatin1String(name), QStringLiteral("false")});
    const PageWindow window = paginate(request, response, *page, qsizetype(selected.size()),
                                       m_config.externalUrl, defaults);
    const bool simple = flag("simple") || principal->isAnonymous();
    QJsonArray array;
    for (qsizetype i = window.begin; i < window.end; ++i) {
        const Project &project = *selected[size_t(i)];
        array.append(m_serializer.project(project, Access(*principal, project), simple));
    }
    sendJson(response, 200, array);
}

void Api::getProject(const Route &route, const httplib::Request &request,
                     httplib::Response &response)
{
    std::shared_lock lock(m_mutex);
    // lib/api/projects.rb: GET /projects/:id does not take job tokens (nor deploy tokens);
    // they are ignored, and the caller is anonymous there.
    const auto principal = authenticateFor(request, response, kUserApiPolicy, false, kReadScopes);
    if (!principal)
        return;
    const Project *project = findProject(route.projectId);
    if (!project || !Access(*principal, *project).canSeeProject()) {
        sendMessage(response, 404, QStringLiteral("404 Project Not Found"));
        return;
    }
    QJsonObject object = m_serializer.project(*project, Access(*principal, *project), false);
    if (principal->isAnonymous()) // Entities::ProjectDetails: no permissions
        object.remove(QStringLiteral("permissions"));
    sendJson(response, 200, object);
}

void Api::currentUser(const httplib::Request &request, httplib::Response &response)
{
    std::shared_lock lock(m_mutex);
    const auto principal =
        authenticateFor(request, response, kUserApiPolicy, false,
                        {QStringLiteral("read_api"), QStringLiteral("read_user")});
    if (!principal)
        return;
    if (principal->isAnonymous()) {
        sendFailure(response, unauthorized(), false);
        return;
    }
    sendJson(response, 200, m_serializer.user(*principal->user));
}

void Api::tokenSelf(const httplib::Request &request, httplib::Response &response)
{
    std::shared_lock lock(m_mutex);
    const AuthResult result = authenticate(m_store, request, kUserApiPolicy);
    if (result.failure) {
        sendFailure(response, *result.failure, false);
        return;
    }
    if (result.principal.isAnonymous()) {
        sendFailure(response, unauthorized(), false);
        return;
    }
    if (result.principal.token->kind != TokenKind::Personal) {
        sendMessage(response, 400,
                    QStringLiteral("400 Bad request - This endpoint requires token type to be a "
                                   "personal access token"));
        return;
    }
    sendJson(response, 200, m_serializer.personalAccessToken(*result.principal.token));
}

void Api::saveState()
{
    {
        std::lock_guard lock(m_saverMutex);
        m_saverStopping = true;
    }
    m_saverWake.notify_all();
    if (m_saver.joinable())
        m_saver.join();
    std::lock_guard lock(m_mutex);
    m_store.save();
}

} // namespace sim
