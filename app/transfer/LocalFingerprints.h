#pragma once

#include "transfer/FileComparison.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace Stevedore {

// The fingerprints of the files in a folder, named as the package names them: the folder's
// contents map to the names, so a download of a version into DIR gives DIR/a.txt ↔ a.txt and
// DIR/sub/b.txt ↔ sub/b.txt. The folder is walked by LocalSelection, with publish's rules
// (links to folders and links leading outside are left out, as notes); an entry that cannot
// be read is a fingerprint with a problem, never left out. Files are hashed in bounded chunks
// on a worker thread, so that a big folder neither blocks the event loop nor fills memory.
class LocalFingerprints final : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        QList<FileFingerprint> files;
        QStringList notes; // what was left out on purpose, with why
        QString problem;   // the folder itself cannot be used; files is empty then
    };

    explicit LocalFingerprints(QObject *parent = nullptr);
    ~LocalFingerprints() override; // the worker stops soon and its result is dropped

    // Walks and hashes `folder` on a worker thread; ends with finished().
    void start(const QString &folder);

    // What start() runs, on the calling thread. `progress` (may be empty) is called after each
    // file with the bytes hashed so far and in all. When *stop becomes true it returns soon with
    // an incomplete result that is meant to be dropped.
    using Progress = std::function<void(qint64 hashed, qint64 total)>;
    static Result scan(const QString &folder, const std::atomic_bool *stop = nullptr,
                       const Progress &progress = {});

Q_SIGNALS:
    void progress(qint64 hashed, qint64 total);
    void finished(const Stevedore::LocalFingerprints::Result &result);

private:
    std::shared_ptr<std::atomic_bool> m_stop = std::make_shared<std::atomic_bool>(false);
};

} // namespace Stevedore
