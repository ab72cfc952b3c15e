// The window's figures for tests/bench/bench.py: the real MainWindow, built as main/WindowMain.cpp
// builds it, on a real display (bench.py runs it under Xvfb) and a real gitlab-sim. It opens
// the project given on its stevedore-style command line, waits until the package tree shows
// the expected number of versions, then uploads one file through the window's transfer queue,
// and prints one JSON line:
//
//   first_window_ms, packages_shown_ms  from the process start to the first frame of the
//                                       window, and to the first frame of the package tree
//                                       holding every package
//   stall_loading_ms, stall_upload_ms   the event loop's longest stall while the packages
//                                       load (from the request to the frame showing them) and
//                                       during the upload (from queuing to its end), with
//                                       the main thread's time on a CPU (_cpu_ms) and
//                                       waiting for one (_queued_ms) in that stall
//   rss_loaded_mib, rss_peak_mib        the process's peak resident memory once the packages
//                                       are shown (and a second has passed), and at the end
//   milestones, rss_mib                 ms since the process start and the resident memory
//                                       at each step, to see where time and memory go
//
// The stall is measured by a timer firing every few milliseconds: how much later than its
// interval each timeout comes is how long the event loop was busy with something else.
#include "ApplicationIcon.h"
#include "Dialogs.h"
#include "MainWindow.h"
#include "PackagePane.h"
#include "account/AccountStore.h"
#include "account/KeychainSecretStore.h"
#include "cli/CommandLine.h"
#include "core/Version.h"
#include "model/PackageTreeModel.h"
#include "transfer/TransferItem.h"
#include "transfer/WindowQueuePath.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QTreeView>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace Stevedore;

namespace {

qint64 clockNs(clockid_t clock)
{
    timespec now{};
    clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

qint64 monotonicNs()
{
    return clockNs(CLOCK_MONOTONIC);
}

// When the kernel started this process, on the monotonic clock: /proc/self/stat's starttime
// counts clock ticks since boot (CLOCK_BOOTTIME), so it is only as fine as a tick (10 ms).
qint64 processStartFromProc()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces) start at the state, field 3;
    // starttime is field 22.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const qint64 ticks = fields.at(19).toLongLong();
    const qint64 startBootNs = ticks * (1000000000 / sysconf(_SC_CLK_TCK));
    return monotonicNs() - (clockNs(CLOCK_BOOTTIME) - startBootNs);
}

// A "VmHWM:" (peak) or "VmRSS:" (now) line of /proc/self/status, in MiB.
double memoryMib(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').first().toDouble()
                   / 1024.0;
    }
    return -1;
}

double peakRssMib()
{
    return memoryMib("VmHWM:");
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The event loop's lateness: a precise timer every kIntervalMs; a timeout that comes later
// than that was held up. Each phase keeps the longest hold-up of the gaps that overlap it, and
// what the main thread did meanwhile, from its /proc schedstat: ran on a CPU (the loop was
// busy), waited for one (the scheduler gave the CPU to others), or neither (it was blocked in
// a system call, or idle).
class StallMeter final : public QObject
{
public:
    static constexpr int kIntervalMs = 4;

    struct Phase
    {
        qint64 start = 0;
        qint64 end = -1; // -1 while it lasts
        qint64 longest = 0;
        qint64 longestEnd = 0;    // when the longest stall ended
        qint64 longestCpu = 0;    // the main thread's time on a CPU in that gap
        qint64 longestQueued = 0; // its time waiting for a CPU in that gap
    };

    // Made on the main thread, which is the one /proc/thread-self names here.
    StallMeter()
        : m_schedstat(open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC))
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kIntervalMs);
        connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
        m_timer.start();
    }

    int begin()
    {
        m_phases.push_back({monotonicNs()});
        return int(m_phases.size()) - 1;
    }
    void end(int phase) { m_phases[size_t(phase)].end = monotonicNs(); }
    const Phase &phase(int phase) const { return m_phases[size_t(phase)]; }

    ~StallMeter() override
    {
        if (m_schedstat >= 0)
            close(m_schedstat);
    }

private:
    // Nanoseconds on a CPU and waiting for one, so far (zeros when schedstat cannot be read).
    std::pair<qint64, qint64> schedstat() const
    {
        char text[128];
        const ssize_t size =
            m_schedstat >= 0 ? pread(m_schedstat, text, sizeof text - 1, 0) : ssize_t(-1);
        if (size <= 0)
            return {0, 0};
        text[size] = '\0';
        long long running = 0;
        long long waiting = 0;
        if (std::sscanf(text, "%lld %lld", &running, &waiting) != 2)
            return {0, 0};
        return {running, waiting};
    }

    void tick()
    {
        const qint64 now = monotonicNs();
        const auto [cpu, queued] = schedstat();
        if (m_last > 0) {
            const qint64 late = std::max<qint64>(0, now - m_last - kIntervalMs * 1000000LL);
            for (Phase &phase : m_phases) {
                const bool overlaps =
                    m_last < (phase.end < 0 ? now : phase.end) && now > phase.start;
                if (overlaps && late > phase.longest) {
                    phase.longest = late;
                    phase.longestEnd = now;
                    phase.longestCpu = cpu - m_lastCpu;
                    phase.longestQueued = queued - m_lastQueued;
                }
            }
        }
        m_last = now;
        m_lastCpu = cpu;
        m_lastQueued = queued;
    }

    int m_schedstat;
    QTimer m_timer;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    qint64 m_lastQueued = 0;
    std::vector<Phase> m_phases;
};

struct Options
{
    qint64 startNs = -1;
    int expectedVersions = 0;
    QString uploadFile;
    PackageTarget uploadTarget;
    int timeoutSeconds = 600;
    QStringList stevedoreArguments; // program name first
};

std::optional<Options> parseOptions(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("start-ns"), QStringLiteral("process start, CLOCK_MONOTONIC ns"),
         QStringLiteral("ns")},
        {QStringLiteral("packages"), QStringLiteral("versions the tree must show"),
         QStringLiteral("count")},
        {QStringLiteral("upload"), QStringLiteral("file to upload once they are shown"),
         QStringLiteral("file")},
        {QStringLiteral("upload-to"), QStringLiteral("where: PROJECT PACKAGE VERSION"),
         QStringLiteral("project/package/version")},
        {QStringLiteral("timeout"), QStringLiteral("give up after this many seconds"),
         QStringLiteral("s")},
    });
    parser.addPositionalArgument(QStringLiteral("stevedore-arguments"),
                                 QStringLiteral("after --: stevedore's own, e.g. --url --project"));
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    Options options;
    if (parser.isSet(QStringLiteral("start-ns")))
        options.startNs = parser.value(QStringLiteral("start-ns")).toLongLong();
    options.expectedVersions = parser.value(QStringLiteral("packages")).toInt();
    options.uploadFile = parser.value(QStringLiteral("upload"));
    if (parser.isSet(QStringLiteral("timeout")))
        options.timeoutSeconds = parser.value(QStringLiteral("timeout")).toInt();
    if (!options.uploadFile.isEmpty()) {
        // The project path has slashes of its own: the last two parts are package and version.
        const QString to = parser.value(QStringLiteral("upload-to"));
        const qsizetype versionAt = to.lastIndexOf(QLatin1Char('/'));
        const qsizetype packageAt = to.lastIndexOf(QLatin1Char('/'), versionAt - 1);
        if (versionAt <= 0 || packageAt <= 0) {
            *error = QStringLiteral("--upload needs --upload-to PROJECT/PACKAGE/VERSION");
            return std::nullopt;
        }
        options.uploadTarget.project = to.left(packageAt);
        options.uploadTarget.packageName = to.mid(packageAt + 1, versionAt - packageAt - 1);
        options.uploadTarget.version = to.mid(versionAt + 1);
        options.uploadTarget.fileName = QFileInfo(options.uploadFile).fileName();
    }
    options.stevedoreArguments = QStringList{arguments.first()} + parser.positionalArguments();
    return options;
}

// Watches the window and drives the run: load, settle, upload, report.
class Probe final : public QObject
{
public:
    Probe(MainWindow &window, const Options &options, qint64 startNs)
        : m_window(window)
        , m_options(options)
        , m_startNs(startNs)
        , m_tree(*window.packagePane()->model())
    {
        connect(&m_tree, &PackageTreeModel::loadingChanged, this, [this](bool loading) {
            if (loading && m_loading < 0) {
                mark(QStringLiteral("load_started"));
                m_loading = m_stalls.begin();
            } else if (!loading && m_loading >= 0) {
                mark(QStringLiteral("pages_received"));
            }
        });
        connect(&m_tree, &PackageTreeModel::loaded, this, [this] {
            mark(QStringLiteral("model_built"));
            if (m_tree.versionCount() != m_options.expectedVersions)
                return fail(QStringLiteral("the tree holds %1 versions, not %2")
                                .arg(m_tree.versionCount())
                                .arg(m_options.expectedVersions));
            m_waitingForPackages = true; // the model's reset has asked the view to repaint
        });
        connect(&m_tree, &PackageTreeModel::errorOccurred, this,
                [this](const ApiError &error) { fail(error.message()); });
        connect(&window.session(), &AccountSession::activated, this,
                [this] { mark(QStringLiteral("account_activated")); });
        connect(&window.session(), &AccountSession::activationFailed, this,
                [this](const ApiError &error) { fail(error.message()); });
        window.packagePane()->view()->viewport()->installEventFilter(this);
        m_timeout.setSingleShot(true);
        m_timeout.callOnTimeout(this, [this] { fail(QStringLiteral("timed out")); });
        m_timeout.start(options.timeoutSeconds * 1000);
    }

    // After window.show(): the native window exists now.
    void watchExpose() { m_window.windowHandle()->installEventFilter(this); }
    void markAt(const QString &name, qint64 ns, double rssMib)
    {
        m_milestones.insert(name, msSinceStart(ns));
        m_rss.insert(name, rssMib);
    }
    void mark(const QString &name) { markAt(name, monotonicNs(), memoryMib("VmRSS:")); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // The expose handler paints and flushes the window before it returns; what is posted
        // from here runs once the frame is out.
        if (event->type() == QEvent::Expose && watched == m_window.windowHandle()
            && m_window.windowHandle()->isExposed() && !m_exposed) {
            m_exposed = true;
            QMetaObject::invokeMethod(
                this, [this] { mark(QStringLiteral("first_window")); }, Qt::QueuedConnection);
        } else if (event->type() == QEvent::Paint && m_waitingForPackages
                   && watched == m_window.packagePane()->view()->viewport()) {
            m_waitingForPackages = false;
            QMetaObject::invokeMethod(this, &Probe::packagesShown, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    double msSinceStart(qint64 ns) const { return double(ns - m_startNs) / 1e6; }

    void packagesShown()
    {
        mark(QStringLiteral("packages_shown"));
        m_stalls.end(m_loading);
        // Let whatever the shown rows start settle, then read the memory.
        QTimer::singleShot(1000, this, [this] {
            m_rssLoaded = peakRssMib();
            // What the resident memory is made of: the heap and other private pages, mapped
            // files (the libraries' code and data, fonts) and shared memory (the X backing
            // store).
            m_rssParts = QJsonObject{{QStringLiteral("anonymous"), memoryMib("RssAnon:")},
                                     {QStringLiteral("file"), memoryMib("RssFile:")},
                                     {QStringLiteral("shmem"), memoryMib("RssShmem:")}};
            if (m_options.uploadFile.isEmpty())
                return finish();
            startUpload();
        });
    }

    void startUpload()
    {
        const Account *account = m_window.session().active();
        if (!account)
            return fail(QStringLiteral("no active account"));
        TransferItem item;
        item.direction = TransferDirection::Upload;
        item.accountId = account->id;
        item.target = m_options.uploadTarget;
        item.localPath = QFileInfo(m_options.uploadFile).absoluteFilePath();
        item.size = QFileInfo(m_options.uploadFile).size();
        item.duplicatePolicy = DuplicatePolicy::KeepBoth;
        TransferQueue &queue = m_window.transfers();
        mark(QStringLiteral("upload_queued"));
        m_upload = m_stalls.begin();
        m_uploadStart = monotonicNs();
        const QString id = queue.add(item);
        connect(
            &queue, &TransferQueue::itemChanged, this, [this, &queue, id](const QString &changed) {
                const TransferItem *current = queue.item(changed);
                if (changed != id || !current || !current->isFinal() || m_uploadEnd > 0)
                    return;
                m_uploadEnd = monotonicNs();
                m_stalls.end(m_upload);
                mark(QStringLiteral("upload_finished"));
                if (current->state != TransferState::Done)
                    return fail(QStringLiteral("upload ended %1: %2")
                                    .arg(transferStateId(current->state), current->errorMessage));
                m_uploadSha256 = current->sha256;
                finish();
            });
    }

    void finish()
    {
        QJsonObject result{
            {QStringLiteral("first_window_ms"), m_milestones.value(QStringLiteral("first_window"))},
            {QStringLiteral("packages_shown_ms"),
             m_milestones.value(QStringLiteral("packages_shown"))},
            {QStringLiteral("versions"), m_tree.versionCount()},
            {QStringLiteral("packages"), m_tree.packageCount()},
            {QStringLiteral("stall_loading_ms"), double(m_stalls.phase(m_loading).longest) / 1e6},
            {QStringLiteral("stall_loading_at_ms"),
             msSinceStart(m_stalls.phase(m_loading).longestEnd)},
            {QStringLiteral("stall_loading_cpu_ms"),
             double(m_stalls.phase(m_loading).longestCpu) / 1e6},
            {QStringLiteral("stall_loading_queued_ms"),
             double(m_stalls.phase(m_loading).longestQueued) / 1e6},
            {QStringLiteral("rss_loaded_mib"), m_rssLoaded},
            {QStringLiteral("rss_peak_mib"), peakRssMib()},
            {QStringLiteral("cpu_s"), cpuSeconds()},
            {QStringLiteral("milestones"), m_milestones},
            {QStringLiteral("rss_mib"), m_rss},
            {QStringLiteral("rss_loaded_parts_mib"), m_rssParts},
        };
        if (m_upload >= 0) {
            result.insert(QStringLiteral("stall_upload_ms"),
                          double(m_stalls.phase(m_upload).longest) / 1e6);
            result.insert(QStringLiteral("stall_upload_at_ms"),
                          msSinceStart(m_stalls.phase(m_upload).longestEnd));
            result.insert(QStringLiteral("stall_upload_cpu_ms"),
                          double(m_stalls.phase(m_upload).longestCpu) / 1e6);
            result.insert(QStringLiteral("stall_upload_queued_ms"),
                          double(m_stalls.phase(m_upload).longestQueued) / 1e6);
            result.insert(QStringLiteral("upload_s"), double(m_uploadEnd - m_uploadStart) / 1e9);
            result.insert(QStringLiteral("upload_sha256"), m_uploadSha256);
        }
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
        QCoreApplication::exit(0);
    }

    void fail(const QString &why)
    {
        std::fprintf(stderr, "window probe: %s\n", qPrintable(why));
        QCoreApplication::exit(1);
    }

    MainWindow &m_window;
    const Options &m_options;
    const qint64 m_startNs;
    PackageTreeModel &m_tree;
    StallMeter m_stalls;
    QTimer m_timeout;
    QJsonObject m_milestones;
    QJsonObject m_rss; // VmRSS at each milestone
    QJsonObject m_rssParts;
    int m_loading = -1;
    int m_upload = -1;
    bool m_exposed = false;
    bool m_waitingForPackages = false;
    double m_rssLoaded = -1;
    qint64 m_uploadStart = 0;
    qint64 m_uploadEnd = 0;
    QString m_uploadSha256;
};

QStringList argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

} // namespace

int main(int argc, char *argv[])
{
    const qint64 mainNs = monotonicNs();
    const double mainRss = memoryMib("VmRSS:");
    QString error;
    const std::optional<Options> options = parseOptions(argumentsOf(argc, argv), &error);
    if (!options) {
        std::fprintf(stderr, "window probe: %s\n", qPrintable(error));
        return 2;
    }
    const qint64 startNs = options->startNs > 0 ? options->startNs : processStartFromProc();
    // As main/WindowMain.cpp: the command line decides what the window opens.
    const CommandLine::Result commandLine = CommandLine::parse(options->stevedoreArguments);
    if (commandLine.action != CommandLine::Action::StartGui) {
        std::fprintf(stderr, "window probe: the arguments after -- must open the window\n");
        return 2;
    }

    QApplication app(argc, argv);
    const qint64 appNs = monotonicNs();
    const double appRss = memoryMib("VmRSS:");
    QCoreApplication::setOrganizationName(organizationName());
    QCoreApplication::setApplicationName(applicationName());
    QCoreApplication::setApplicationVersion(applicationVersion());
    QGuiApplication::setDesktopFileName(applicationId());
    QApplication::setWindowIcon(applicationIcon());

    AccountStore accounts;
    KeychainSecretStore secrets;
    Dialogs dialogs;
    MainWindow window(commandLine.launch, {&accounts, &secrets, &dialogs, windowQueuePath()});
    Probe probe(window, *options, startNs);
    probe.markAt(QStringLiteral("main"), mainNs, mainRss);
    probe.markAt(QStringLiteral("application"), appNs, appRss);
    probe.mark(QStringLiteral("window_built"));
    window.show();
    probe.watchExpose();
    return QApplication::exec();
}
