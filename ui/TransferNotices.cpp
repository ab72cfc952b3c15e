#include "TransferNotices.h"

#include "DesktopNotifications.h"
#include "transfer/TransferQueue.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace Stevedore {

namespace {

bool isFailure(const TransferItem &item)
{
    // An item waiting for its account to be signed in continues by itself: not a failure yet.
    return item.state == TransferState::Failed && !item.waitsForAccount;
}

} // namespace

TransferNotices::TransferNotices(TransferQueue &queue, DesktopNotifications &notifications,
                                 std::function<bool()> shouldNotify, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_notifications(notifications)
    , m_shouldNotify(std::move(shouldNotify))
{
    m_gathering.setSingleShot(true);
    m_gathering.setInterval(kGatherMs);
    connect(&m_gathering, &QTimer::timeout, this, &TransferNotices::sayGatheredFailures);
    connect(&m_queue, &TransferQueue::itemChanged, this, &TransferNotices::onItemChanged);
    connect(&m_queue, &TransferQueue::idle, this, &TransferNotices::onIdle);
}

TransferNotices::~TransferNotices() = default;

void TransferNotices::onItemChanged(const QString &id)
{
    const TransferItem *item = m_queue.item(id);
    if (!item)
        return;
    const auto known = std::find_if(m_run.begin(), m_run.end(),
                                    [&id](const TransferItem &done) { return done.id == id; });
    const bool wasFailure = known != m_run.end() && isFailure(*known);
    if (known != m_run.end())
        m_run.erase(known); // run again, or finished once more
    const bool counts = item->state == TransferState::Done || item->state == TransferState::Skipped
                        || isFailure(*item);
    if (!counts)
        return;
    m_run.append(*item);
    if (isFailure(*item) && !wasFailure)
        onFailed(*item);
}

void TransferNotices::onFailed(const TransferItem &item)
{
    if (!m_shouldNotify())
        return;
    if (m_gathering.isActive()) {
        m_gathered.append(item);
        return;
    }
    m_notifications.show(item.isUpload() ? tr("Upload failed: %1").arg(item.target.fileName)
                                         : tr("Download failed: %1").arg(item.target.fileName),
                         item.errorMessage, QLatin1String(DesktopNotifications::kTransferError));
    m_gathering.start();
}

void TransferNotices::sayGatheredFailures()
{
    if (m_gathered.isEmpty())
        return;
    const QList<TransferItem> failed = std::exchange(m_gathered, {});
    if (m_shouldNotify()) {
        m_notifications.show(tr("%n more transfer(s) failed", "", int(failed.size())),
                             namesOf(failed), QLatin1String(DesktopNotifications::kTransferError));
    }
    m_gathering.start(); // a steady stream of failures: one notification per interval
}

void TransferNotices::onIdle()
{
    const QList<TransferItem> run = std::exchange(m_run, {});
    m_gathered.clear(); // told below, with the rest of the run
    m_gathering.stop();
    if (run.isEmpty() || !m_shouldNotify())
        return;
    const int total = int(run.size());
    QList<TransferItem> failed;
    std::copy_if(run.begin(), run.end(), std::back_inserter(failed), isFailure);
    if (!failed.isEmpty()) {
        m_notifications.show(tr("%1 of %n transfer(s) failed", "", total).arg(failed.size()),
                             namesOf(failed), QLatin1String(DesktopNotifications::kTransferError));
        return;
    }
    const int skipped = int(std::count_if(run.begin(), run.end(), [](const TransferItem &item) {
        return item.state == TransferState::Skipped;
    }));
    const QString skippedNote =
        skipped > 0 ? tr("%n of them had the same content there already.", "", skipped) : QString();
    const TransferItem &first = run.first();
    const auto sameAsFirst = [&first](const TransferItem &item) {
        return item.direction == first.direction && item.target.project == first.target.project
               && item.target.packageName == first.target.packageName
               && item.target.version == first.target.version;
    };
    const QString category = QLatin1String(DesktopNotifications::kTransferComplete);
    if (first.isUpload() && std::all_of(run.begin(), run.end(), sameAsFirst)) {
        m_notifications.show(tr("%n file(s) published to %1 %2", "", total)
                                 .arg(first.target.packageName, first.target.version),
                             QStringList{tr("In %1.").arg(first.target.project), skippedNote}
                                 .join(QLatin1Char(' '))
                                 .trimmed(),
                             category);
        return;
    }
    const bool allDownloads = std::all_of(
        run.begin(), run.end(), [](const TransferItem &item) { return !item.isUpload(); });
    if (allDownloads) {
        const auto folderOf = [](const TransferItem &item) {
            return item.folder.isEmpty() ? QFileInfo(item.localPath).absolutePath() : item.folder;
        };
        const QString folder = folderOf(first);
        const bool oneFolder = std::all_of(run.begin(), run.end(), [&](const TransferItem &item) {
            return folderOf(item) == folder;
        });
        m_notifications.show(tr("%n file(s) downloaded", "", total),
                             QStringList{oneFolder
                                             ? tr("Into %1.").arg(QDir::toNativeSeparators(folder))
                                             : QString(),
                                         skippedNote}
                                 .join(QLatin1Char(' '))
                                 .trimmed(),
                             category);
        return;
    }
    const int uploads = int(std::count_if(
        run.begin(), run.end(), [](const TransferItem &item) { return item.isUpload(); }));
    m_notifications.show(tr("%n transfer(s) finished", "", total),
                         tr("%1 uploaded, %2 downloaded.").arg(uploads).arg(total - uploads),
                         category);
}

QString TransferNotices::namesOf(const QList<TransferItem> &items)
{
    QStringList names;
    for (const TransferItem &item : items)
        names << item.target.fileName;
    return shortList(names);
}

QString TransferNotices::shortList(const QStringList &names)
{
    QString text =
        names.first(std::min<qsizetype>(names.size(), kNamesListed)).join(QStringLiteral(", "));
    if (names.size() > kNamesListed)
        text += tr(" and %n more", "", int(names.size() - kNamesListed));
    return text;
}

} // namespace Stevedore
