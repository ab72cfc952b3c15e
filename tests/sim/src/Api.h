// The GitLab REST API v4 routes the simulator serves, with GitLab's check order.
#pragma once

#include "Auth.h"
#include "Faults.h"
#include "Log.h"
#include "ObjectStorage.h"
#include "Serialize.h"
#include "Store.h"
#include "Validation.h"

#include <atomic>
#include <condition_variable>
#include <httplib.h>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <thread>

namespace sim {

struct ApiConfig
{
    QString externalUrl;
    qint64 maxFileSize = 5368709120LL; // 0 = unlimited
    int raceWindowMs = 50;
};

class Api final
{
public:
    Api(Store &store, Faults &faults, Log &log, ApiConfig config);
    ~Api();

    void setObjectStorage(ObjectStorage *objectStorage) { m_objectStorage = objectStorage; }
    void install(httplib::Server &server);
    // Stops the background saving and writes the state now (at exit).
    void saveState();
    std::optional<PackageFile> downloadableFile(qint64 fileId);

private:
    struct Route;
    struct UploadPlan;
    struct Received;

    Route parseRoute(const httplib::Request &request) const;
    static void offerGzipOnly(httplib::Request &request);
    bool applyRequestFault(const httplib::Request &request, httplib::Response &response);
    void handle(const httplib::Request &request, httplib::Response &response,
                const httplib::ContentReader *reader);

    const Project *findProject(const QString &rawId) const;
    std::optional<Principal> authenticateFor(const httplib::Request &request,
                                             httplib::Response &response, const RoutePolicy &policy,
                                             bool generic, const QStringList &readScopes) const;
    const Project *findReadableProject(const Route &route, const Principal &principal,
                                       httplib::Response &response) const;

    // Generic packages
    std::optional<GenericParams> genericParams(const Route &route, const httplib::Request &request,
                                               bool upload, httplib::Response &response) const;
    std::optional<UploadPlan> planUpload(const Route &route, const httplib::Request &request,
                                         httplib::Response &response);
    void upload(const Route &route, const httplib::Request &request, httplib::Response &response,
                const httplib::ContentReader &reader);
    std::optional<Received> receiveBody(const httplib::Request &request,
                                        httplib::Response &response,
                                        const httplib::ContentReader &reader);
    // True when the file was stored (the answer is 201, or 200 with select=package_file).
    bool storeUpload(const UploadPlan &plan, Received &received, httplib::Response &response);
    bool duplicateAllowed(const Project &project, const Package &package) const;
    void download(const Route &route, const httplib::Request &request, httplib::Response &response);

    // Packages and package files
    void listPackages(const Route &route, const httplib::Request &request,
                      httplib::Response &response);
    void getPackage(const Route &route, const httplib::Request &request,
                    httplib::Response &response);
    void deletePackage(const Route &route, const httplib::Request &request,
                       httplib::Response &response);
    void listPackageFiles(const Route &route, const httplib::Request &request,
                          httplib::Response &response);
    void deletePackageFile(const Route &route, const httplib::Request &request,
                           httplib::Response &response);
    struct ProjectScope
    {
        Principal principal;
        const Project *project = nullptr;
    };
    // Authenticates for the project APIs and finds a project the caller may read packages of.
    std::optional<ProjectScope> openProject(const Route &route, const httplib::Request &request,
                                            httplib::Response &response) const;
    static std::optional<qint64> packageIdOf(const Route &route, httplib::Response &response);
    // A package the packages API can show, or a 404 answered.
    const Package *displayablePackage(const Project &project, qint64 packageId,
                                      httplib::Response &response) const;

    // Projects and identity
    void listProjects(const httplib::Request &request, httplib::Response &response);
    void getProject(const Route &route, const httplib::Request &request,
                    httplib::Response &response);
    void currentUser(const httplib::Request &request, httplib::Response &response);
    void tokenSelf(const httplib::Request &request, httplib::Response &response);

    void removeBlob(const PackageFile &file);

    Store &m_store;
    Faults &m_faults;
    Log &m_log;
    ApiConfig m_config;
    Serializer m_serializer;
    ObjectStorage *m_objectStorage = nullptr;

    // Guards m_store and m_creating. Requests that only read share it (through const access to
    // the store only), as GitLab answers requests in parallel; a simulator that answered one at
    // a time measured its own queue instead of a client that keeps several requests in flight.
    std::shared_mutex m_mutex;
    // The state is written by a thread of its own, at most every kSaveIntervalMs and at exit,
    // not after every change: with thousands of files a save per upload made the simulator,
    // not the client, what the tests and benchmarks measured.
    void stateChanged() { m_dirty = true; }
    void saveInBackground();
    static constexpr int kSaveIntervalMs = 50;
    std::atomic_bool m_dirty{false};
    std::mutex m_saverMutex;
    std::condition_variable m_saverWake;
    bool m_saverStopping = false;
    std::thread m_saver;
    std::condition_variable_any m_creationDone;
    std::set<QString> m_creating; // project/name/version keys being created right now
};

} // namespace sim
