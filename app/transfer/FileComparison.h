#pragma once

#include "api/GitLabApi.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stevedore {

// One file of a package version or a local folder: its name in the package ('/'-separated),
// its size and SHA-256. A local file that could not be read has a problem instead of a
// checksum.
struct FileFingerprint
{
    QString path;
    qint64 size = -1;
    QString sha256;  // lower-case hex; empty when the file could not be read
    QString problem; // why it could not be read; empty when it was

    // The files a download of `version` gets (VersionFiles::served(): the newest upload of
    // each name) as GitLab lists them.
    static QList<FileFingerprint> servedBy(const VersionFiles &version);
};

// Two sets of files compared path by path and by SHA-256: what `verify` checks (a version
// against a folder), what `diff` prints (one version against another) and what a sync would
// send (a folder against a version). `before` is the reference, `after` the other side:
// a path only after is Added, only before Removed. Paths compare exactly (case matters, as it
// does for GitLab); the entries come in NaturalOrder of their paths.
class FileComparison final
{
public:
    enum class Kind {
        Same,       // the same size and SHA-256 on both sides
        Changed,    // on both sides with different content
        Added,      // only after
        Removed,    // only before
        Unreadable, // after could not be read, so it is not known whether it is the same
    };

    struct Entry
    {
        QString path;
        Kind kind = Kind::Same;
        std::optional<FileFingerprint> before;
        std::optional<FileFingerprint> after;
    };

    // A path given twice on one side keeps its first fingerprint; the later ones are listed
    // by duplicates() and make the sides count as different.
    [[nodiscard]] static FileComparison compare(const QList<FileFingerprint> &before,
                                                const QList<FileFingerprint> &after);

    const QList<Entry> &entries() const { return m_entries; }
    int count(Kind kind) const;
    // The paths listed more than once on one side, in NaturalOrder.
    const QStringList &duplicates() const { return m_duplicates; }
    // Every entry is Same and no path was listed twice.
    bool isIdentical() const;

private:
    QList<Entry> m_entries;
    QStringList m_duplicates;
};

} // namespace Stevedore
