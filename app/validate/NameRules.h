#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stevedore {

// One file of an upload, split the way GitLab's generic PUT route splits it
// (`…/:package_version/<dir>/<sub>/:file_name`) and named the way GitLab stores it.
struct UploadName
{
    QStringList directories; // {"dir", "sub"}; empty for a plain upload
    QString fileName;        // "file.txt"
    QString storedName; // "dir%2Fsub%2Ffile.txt"; equal to fileName when there are no directories

    bool operator==(const UploadName &other) const = default;
};

// The client-side twin of GitLab's rules for generic packages (gitlab-api.md §3.2 and §3.3),
// checked before anything is sent, and sanitised suggestions for names that break them.
//
// All values are the names people mean, before any percent-encoding for the URL: GitLab decodes
// each URL segment once and then applies exactly these rules.
class NameRules final
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::NameRules)

public:
    NameRules() = delete;

    // Each returns std::nullopt for a valid value, otherwise a translated sentence stating the
    // rule that is broken, e.g. "A package name may contain only …".

    // `\A[A-Za-z0-9\.\_\-\+]+\z` plus the file_path validator (so not "." or "..").
    [[nodiscard]] static std::optional<QString> packageNameProblem(const QString &name);
    // `\A(?!.*\.\.)[\w+.-]+\z` (ASCII \w). Also refuses ".", which URL path normalisation would
    // remove before GitLab could see it.
    [[nodiscard]] static std::optional<QString> versionProblem(const QString &version);
    // One segment: `\A(?![~@])[A-Za-z0-9._+~@-]+(?<![~@])\z` plus the file_path validator.
    [[nodiscard]] static std::optional<QString> fileNameProblem(const QString &fileName);
    // One directory segment of a path upload (the file_path validator only): not empty, no '/',
    // not "." or "..", no ".." between backslashes, no newline or other control character, no
    // '%' followed by two hex digits (GitLab would decode it, and refuses double encoding).
    [[nodiscard]] static std::optional<QString> directoryProblem(const QString &directory);

    // GitLab keeps names, versions and each file-name segment to kMaxNameLength characters.
    static constexpr qsizetype kMaxNameLength = 255;

    // A project as the user names it: a positive numeric id, or a full path of at least two
    // segments ("group/project", "group/sub/project") made of letters, digits, '_', '-' and
    // '.', without empty, '.' or '..' segments and without a leading or trailing '/'.
    [[nodiscard]] static std::optional<QString> projectProblem(const QString &idOrPath);

    // A file name that came from the server, as it would be written below a download folder
    // ("dir/sub/file.txt"): it must be a name GitLab itself accepts for an upload
    // (splitUploadPath), with no backslash and no drive letter, so that it can only name a
    // path inside that folder.
    [[nodiscard]] static std::optional<QString> localNameProblem(const QString &relativeName);

    // Text from outside made safe for a terminal or a log line: control characters (ESC, BEL,
    // CR, LF, NUL, …) become visible escapes such as "\x1b".
    [[nodiscard]] static QString printable(const QString &text);
    // The characters printable() escapes: C0 and C1 control characters and DEL.
    [[nodiscard]] static bool isControlCharacter(QChar ch)
    {
        const char16_t c = ch.unicode();
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0);
    }

    // A valid name close to the input: accents removed where that leaves ASCII ("é" → "e"),
    // every other invalid character replaced by '_' (dropped at either end), runs of '_' that
    // contain a replacement collapsed to one; for versions ".." → "."; for file names '~' and
    // '@' removed from either end. A valid input comes back unchanged, and an input with nothing
    // usable gives "package", "0.0.0" or "file".
    [[nodiscard]] static QString suggestPackageName(const QString &name);
    [[nodiscard]] static QString suggestVersion(const QString &version);
    [[nodiscard]] static QString suggestFileName(const QString &fileName);

    // "dir/sub/file.txt" → {{"dir", "sub"}, "file.txt", "dir%2Fsub%2Ffile.txt"}. '/' is the only
    // separator. On failure returns std::nullopt and, when problem is not null, sets *problem to
    // the sentence of the first broken rule (empty segments, a bad directory or file name); on
    // success clears it.
    [[nodiscard]] static std::optional<UploadName> splitUploadPath(const QString &relativePath,
                                                                   QString *problem = nullptr);

    // The stored name shown to people: "dir%2Fsub%2Ffile.txt" → "dir/sub/file.txt". A name
    // without an encoded '/' (a plain upload) is returned unchanged.
    [[nodiscard]] static QString displayNameFromStored(const QString &storedName);

    // Ruby's URI.encode_uri_component: keeps A-Z a-z 0-9 * - . _ and writes every other UTF-8
    // byte as upper-case %XX ("dir/my+file~1.tgz" → "dir%2Fmy%2Bfile%7E1.tgz"). Not for building
    // URLs (those keep '~'); this is how GitLab names files uploaded with a path.
    [[nodiscard]] static QString encodeUriComponent(const QString &text);
};

} // namespace Stevedore
