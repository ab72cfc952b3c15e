#include "transfer/LocalFingerprints.h"

#include "core/Sha256.h"
#include "transfer/LocalSelection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

namespace Stevedore {

namespace {

constexpr qint64 kChunk = 1024 * 1024;

bool stopped(const std::atomic_bool *stop)
{
    return stop && stop->load(std::memory_order_relaxed);
}

// Hashes `file.path`'s bytes into `file`; a read error leaves a problem instead.
void hash(const QString &localPath, FileFingerprint &file, const std::atomic_bool *stop)
{
    QFile input(localPath);
    if (!input.open(QIODevice::ReadOnly)) {
        file.problem = LocalFingerprints::tr("cannot be read: %1").arg(input.errorString());
        return;
    }
    Sha256 sha;
    QByteArray chunk(kChunk, Qt::Uninitialized);
    qint64 size = 0;
    while (!stopped(stop)) {
        const qint64 got = input.read(chunk.data(), chunk.size());
        if (got < 0) {
            file.problem = LocalFingerprints::tr("cannot be read: %1").arg(input.errorString());
            return;
        }
        if (got == 0)
            break;
        sha.add(chunk.constData(), got);
        size += got;
    }
    file.size = size; // what was hashed, even when the file grew or shrank since it was listed
    file.sha256 = sha.hexDigest();
}

} // namespace

LocalFingerprints::LocalFingerprints(QObject *parent)
    : QObject(parent)
{
}

LocalFingerprints::~LocalFingerprints()
{
    m_stop->store(true);
}

void LocalFingerprints::start(const QString &folder)
{
    QPointer<LocalFingerprints> self(this);
    QThreadPool::globalInstance()->start([self, folder, stop = m_stop] {
        const Result result = scan(folder, stop.get(), [self, stop](qint64 hashed, qint64 total) {
            if (stopped(stop.get()))
                return;
            QMetaObject::invokeMethod(self, [self, hashed, total] {
                if (self)
                    Q_EMIT self->progress(hashed, total);
            });
        });
        if (stopped(stop.get()))
            return;
        QMetaObject::invokeMethod(self, [self, result] {
            if (self)
                Q_EMIT self->finished(result);
        });
    });
}

LocalFingerprints::Result LocalFingerprints::scan(const QString &folder,
                                                  const std::atomic_bool *stop,
                                                  const Progress &progress)
{
    Result result;
    const QFileInfo info(folder);
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
    if (!info.exists()) {
        result.problem = tr("%1 does not exist.").arg(shown);
        return result;
    }
    if (!info.isDir()) {
        result.problem = tr("%1 is not a folder.").arg(shown);
        return result;
    }
    const QDir root(info.absoluteFilePath());
    const LocalSelection selection = LocalSelection::expand({root.path()}, false, stop);
    for (const LocalSelection::Unpublishable &entry : selection.unpublishable) {
        const QString path = QDir::fromNativeSeparators(entry.path);
        if (path == root.path()) {
            if (entry.why == LocalSelection::Unpublishable::Why::Unreadable)
                result.problem = QStringLiteral("%1 %2").arg(entry.path, entry.reason);
            continue; // an empty folder holds no files, which is no problem here
        }
        if (entry.isNote())
            result.notes << QStringLiteral("%1 %2").arg(entry.path, entry.reason);
        else
            result.files.append({root.relativeFilePath(path), -1, {}, entry.reason});
    }
    if (!result.problem.isEmpty())
        return {{}, {}, result.problem};

    qint64 total = 0;
    for (const LocalSelection::File &file : selection.files)
        total += file.size;
    qint64 hashed = 0;
    for (const LocalSelection::File &file : selection.files) {
        if (stopped(stop))
            break;
        FileFingerprint fingerprint{root.relativeFilePath(file.localPath), -1, {}, {}};
        hash(file.localPath, fingerprint, stop);
        result.files.append(fingerprint);
        hashed += file.size;
        if (progress)
            progress(hashed, total);
    }
    return result;
}

} // namespace Stevedore
