// gitlab-sim: a GitLab REST API v4 simulator for the generic packages registry.
#include "Api.h"
#include "Faults.h"
#include "Log.h"
#include "ObjectStorage.h"
#include "Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <httplib.h>
#include <memory>
#include <thread>
#include <vector>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "gitlab-sim: %s\n", qPrintable(message));
    return 2;
}

std::unique_ptr<httplib::Server> makeServer(const QString &cert, const QString &key)
{
    if (cert.isEmpty())
        return std::make_unique<httplib::Server>();
    return std::make_unique<httplib::SSLServer>(QFile::encodeName(cert).constData(),
                                                QFile::encodeName(key).constData());
}

void configure(httplib::Server &server)
{
    // Large transfers from slow clients must not time out between two packets.
    server.set_read_timeout(300);
    server.set_write_timeout(300);
    server.set_keep_alive_timeout(5); // also bounds how long a stop waits for idle clients
    server.set_tcp_nodelay(true);     // small JSON answers must not wait for delayed ACKs
    server.set_keep_alive_max_count(1000);
    server.new_task_queue = [] { return new httplib::ThreadPool(32); };
}

} // namespace

int main(int argc, char *argv[])
{
    // SIGTERM/SIGINT are taken by a waiting thread; every other thread, including any that Qt
    // starts, has them blocked.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gitlab-sim"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("GitLab REST API v4 simulator (generic packages registry)."));
    parser.addHelpOption();
    const QCommandLineOption bind(QStringLiteral("bind"), QStringLiteral("Address to listen on."),
                                  QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port, 0 for any free one."),
                                  QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Folder for blobs and state."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption fixture(
        QStringLiteral("fixture"), QStringLiteral("JSON fixture to load."), QStringLiteral("FILE"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Load the built-in demo data."));
    const QCommandLineOption maxFileSize(
        QStringLiteral("max-file-size"),
        QStringLiteral("generic_packages_max_file_size, 0 = unlimited."), QStringLiteral("BYTES"),
        QStringLiteral("5368709120"));
    const QCommandLineOption objectStorage(
        QStringLiteral("object-storage"),
        QStringLiteral("Redirect downloads to a presigned URL on a second port."));
    const QCommandLineOption urlLifetime(QStringLiteral("object-url-lifetime"),
                                         QStringLiteral("Seconds a presigned URL stays valid."),
                                         QStringLiteral("SECONDS"), QStringLiteral("600"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("PEM certificate."),
                                     QStringLiteral("F"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM private key."),
                                    QStringLiteral("F"));
    const QCommandLineOption fault(QStringLiteral("fault"),
                                   QStringLiteral("Inject a fault (repeatable)."),
                                   QStringLiteral("SPEC"));
    const QCommandLineOption logFile(QStringLiteral("log"), QStringLiteral("Request log file."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption externalUrl(QStringLiteral("external-url"),
                                         QStringLiteral("URL used in Link headers and _links."),
                                         QStringLiteral("URL"));
    parser.addOptions({bind, port, dataDir, fixture, demo, maxFileSize, objectStorage, urlLifetime,
                       tlsCert, tlsKey, fault, logFile, externalUrl});
    parser.process(app);

    if (parser.isSet(fixture) && parser.isSet(demo))
        return fail(QStringLiteral("--fixture and --demo exclude each other"));
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return fail(QStringLiteral("--tls-cert and --tls-key go together"));
    bool ok = false;
    const qint64 limit = parser.value(maxFileSize).toLongLong(&ok);
    if (!ok || limit < 0)
        return fail(QStringLiteral("--max-file-size takes a number of bytes"));
    const int portNumber = parser.value(port).toInt(&ok);
    if (!ok || portNumber < 0 || portNumber > 65535)
        return fail(QStringLiteral("--port takes a number from 0 to 65535"));
    const int lifetime = parser.value(urlLifetime).toInt(&ok);
    if (!ok || lifetime <= 0)
        return fail(QStringLiteral("--object-url-lifetime takes a positive number of seconds"));

    sim::Faults faults;
    for (const QString &spec : parser.values(fault)) {
        if (const QString error = faults.add(spec); !error.isEmpty())
            return fail(error);
    }
    sim::Log log;
    if (!log.open(parser.value(logFile)))
        return fail(QStringLiteral("cannot open the log file %1").arg(parser.value(logFile)));

    std::unique_ptr<QTemporaryDir> temporaryData;
    QString dataPath = parser.value(dataDir);
    if (dataPath.isEmpty()) {
        temporaryData = std::make_unique<QTemporaryDir>();
        if (!temporaryData->isValid())
            return fail(QStringLiteral("cannot create a temporary data folder"));
        dataPath = temporaryData->path();
    }
    sim::Store store(dataPath);
    QString source;
    if (QFile::exists(store.stateFilePath()))
        source = store.stateFilePath();
    else if (parser.isSet(demo))
        source = QStringLiteral(":/gitlab-sim/demo.json");
    else if (parser.isSet(fixture))
        source = parser.value(fixture);
    if (!source.isEmpty()) {
        QFile file(source);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1: %2").arg(source, file.errorString()));
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!document.isObject())
            return fail(QStringLiteral("%1 is not a JSON object: %2")
                            .arg(source, parseError.errorString()));
        if (const QString error = store.load(document.object()); !error.isEmpty())
            return fail(QStringLiteral("%1: %2").arg(source, error));
    }
    if (!store.save())
        return fail(QStringLiteral("cannot write %1").arg(store.stateFilePath()));

    const QString scheme = parser.isSet(tlsCert) ? QStringLiteral("https") : QStringLiteral("http");
    auto server = makeServer(parser.value(tlsCert), parser.value(tlsKey));
    if (!server->is_valid())
        return fail(QStringLiteral("cannot load the TLS certificate or key"));
    configure(*server);
    const std::string host = parser.value(bind).toStdString();
    const int boundPort = portNumber == 0
                              ? server->bind_to_any_port(host)
                              : (server->bind_to_port(host, portNumber) ? portNumber : -1);
    if (boundPort <= 0)
        return fail(
            QStringLiteral("cannot listen on %1:%2").arg(parser.value(bind)).arg(portNumber));
    const QString hostForUrl = parser.value(bind).contains(QLatin1Char(':'))
                                   ? QLatin1Char('[') + parser.value(bind) + QLatin1Char(']')
                                   : parser.value(bind);
    const QString baseUrl = QStringLiteral("%1://%2:%3").arg(scheme, hostForUrl).arg(boundPort);

    sim::Api api(store, faults, log,
                 {parser.isSet(externalUrl) ? parser.value(externalUrl) : baseUrl, limit, 50});
    std::unique_ptr<httplib::Server> objectServer;
    std::unique_ptr<sim::ObjectStorage> objects;
    if (parser.isSet(objectStorage)) {
        objectServer = makeServer(parser.value(tlsCert), parser.value(tlsKey));
        configure(*objectServer);
        const int objectPort = objectServer->bind_to_any_port(host);
        if (objectPort <= 0)
            return fail(QStringLiteral("cannot open the object storage listener"));
        objects = std::make_unique<sim::ObjectStorage>(
            [&api](qint64 fileId) { return api.downloadableFile(fileId); }, store.blobDir(), faults,
            log, lifetime);
        objects->setBaseUrl(QStringLiteral("%1://%2:%3").arg(scheme, hostForUrl).arg(objectPort));
        objects->install(*objectServer);
        api.setObjectStorage(objects.get());
    }
    api.install(*server);

    // Both listeners serve from their own threads; this one waits for SIGTERM or SIGINT. The
    // line is printed only once both accept, so a signal that follows it always stops them.
    std::atomic<bool> failed = false;
    const auto serve = [&failed](httplib::Server &listener) {
        return std::thread([&failed, &listener] {
            if (!listener.listen_after_bind())
                failed = true;
        });
    };
    std::vector<std::thread> threads;
    threads.push_back(serve(*server));
    if (objectServer)
        threads.push_back(serve(*objectServer));
    const auto running = [&] {
        return server->is_running() && (!objectServer || objectServer->is_running());
    };
    for (int waited = 0; !running() && !failed && waited < 5000; waited += 5)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const bool served = running() && !failed;
    if (served) {
        std::printf("listening on %s\n", qPrintable(baseUrl));
        std::fflush(stdout);
        log.note(QStringLiteral("listening on %1").arg(baseUrl));
        int signalNumber = 0;
        sigwait(&stopSignals, &signalNumber);
    } else {
        std::fprintf(stderr, "gitlab-sim: the listeners did not start\n");
    }
    server->stop();
    if (objectServer)
        objectServer->stop();
    for (std::thread &thread : threads)
        thread.join();
    api.saveState();
    return served ? 0 : 1;
}
