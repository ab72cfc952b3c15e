#include "validate/NameRules.h"

#include <QChar>
#include <QList>
#include <QRegularExpression>
#include <QStringDecoder>

#include <utility>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

// The regexes of gitlab-api.md §3.2, verbatim in Ruby syntax. Every character they accept is
// ASCII, so callers reject non-ASCII input before matching (which also keeps lone surrogates
// away from PCRE).
const QRegularExpression &packageNameExpression()
{
    static const QRegularExpression expression(uR"(\A[A-Za-z0-9\.\_\-\+]+\z)"_s);
    return expression;
}

const QRegularExpression &versionExpression()
{
    // Ruby's \w is ASCII only: [A-Za-z0-9_].
    static const QRegularExpression expression(uR"(\A(?!.*\.\.)[A-Za-z0-9_+.-]+\z)"_s);
    return expression;
}

const QRegularExpression &fileNameExpression()
{
    static const QRegularExpression expression(uR"(\A(?![~@])[A-Za-z0-9._+~@-]+(?<![~@])\z)"_s);
    return expression;
}

bool isAscii(const QString &text)
{
    for (const QChar ch : text) {
        if (ch.unicode() > 0x7F)
            return false;
    }
    return true;
}

bool matchesWhole(const QRegularExpression &expression, const QString &text)
{
    return isAscii(text) && expression.match(text).hasMatch();
}

// The part of the file_path validator that can still fire for a value its regex accepts: the
// traversal pattern `\A(\.{1,2})\z`. (The regexes exclude '/', '\', '%' and newlines, so CGI
// decoding only turns '+' into a space, which no later rule cares about.)
bool isDotName(const QString &text)
{
    return text == u"."_s || text == u".."_s;
}

// Stands for a replaced character until runs are collapsed. NUL never survives as itself: it is
// invalid everywhere, so it becomes a marker like any other invalid character.
constexpr char32_t Marker = 0;

bool isAsciiAlphanumeric(char32_t c)
{
    return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9');
}

bool allowedInPackageName(char32_t c)
{
    return isAsciiAlphanumeric(c) || c == U'.' || c == U'_' || c == U'-' || c == U'+';
}

bool allowedInVersion(char32_t c)
{
    return isAsciiAlphanumeric(c) || c == U'_' || c == U'+' || c == U'.' || c == U'-';
}

bool allowedInFileName(char32_t c)
{
    return allowedInPackageName(c) || c == U'~' || c == U'@';
}

bool isCombiningMark(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return false;
    }
}

// Compatibility decomposition without the combining marks: "Résumé" → "Resume", "ﬁ" → "fi",
// fullwidth "Ａ" → "A". Whatever is not ASCII afterwards is left for the caller to replace.
QList<char32_t> foldAccents(const QString &text)
{
    QList<char32_t> out;
    const QList<uint> codePoints = text.normalized(QString::NormalizationForm_KD).toUcs4();
    out.reserve(codePoints.size());
    for (const uint codePoint : codePoints) {
        const auto c = static_cast<char32_t>(codePoint);
        if (!isCombiningMark(c))
            out.append(c);
    }
    return out;
}

enum class EdgeRule { Markers, MarkersTildesAndAts };

// Folds accents, replaces what `allowed` refuses, drops replacements (and, for file names, '~'
// and '@') at both ends, and collapses each run of '_' that contains a replacement into one '_'.
// Runs of '_' the input already had are kept, so valid input passes through unchanged.
QString sanitize(const QString &input, bool (*allowed)(char32_t), EdgeRule edgeRule)
{
    QList<char32_t> chars = foldAccents(input);
    for (char32_t &c : chars) {
        if (!allowed(c))
            c = Marker;
    }

    const auto trimmable = [edgeRule](char32_t c) {
        return c == Marker
               || (edgeRule == EdgeRule::MarkersTildesAndAts && (c == U'~' || c == U'@'));
    };
    qsizetype begin = 0;
    qsizetype end = chars.size();
    while (begin < end && trimmable(chars.at(begin)))
        ++begin;
    while (end > begin && trimmable(chars.at(end - 1)))
        --end;

    QString out;
    out.reserve(end - begin);
    for (qsizetype i = begin; i < end;) {
        const char32_t c = chars.at(i);
        if (c != U'_' && c != Marker) {
            // Everything left is ASCII.
            out.append(QChar(static_cast<char16_t>(c)));
            ++i;
            continue;
        }
        qsizetype runEnd = i;
        bool replaced = false;
        while (runEnd < end && (chars.at(runEnd) == U'_' || chars.at(runEnd) == Marker)) {
            replaced = replaced || chars.at(runEnd) == Marker;
            ++runEnd;
        }
        out.append(replaced ? QString(1, u'_') : QString(runEnd - i, u'_'));
        i = runEnd;
    }
    return out;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isHexDigit(QChar ch)
{
    return ch.unicode() < 0x80 && hexValue(static_cast<char>(ch.unicode())) >= 0;
}

// True when the text holds '%' followed by two hexadecimal digits: CGI.unescape would decode it.
bool containsPercentSequence(const QString &text)
{
    for (qsizetype i = 0; i + 2 < text.size(); ++i) {
        if (text.at(i) == u'%' && isHexDigit(text.at(i + 1)) && isHexDigit(text.at(i + 2)))
            return true;
    }
    return false;
}

bool containsControlCharacter(const QString &text)
{
    for (const QChar ch : text) {
        if (ch.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

// "A space is not allowed here. " for the first character outside the letters, digits and
// `punctuation`; empty when every character is one of them (the rule is broken elsewhere).
QString firstForbidden(const QString &text, QStringView punctuation)
{
    for (const QChar ch : text) {
        const bool allowed = (ch >= u'a' && ch <= u'z') || (ch >= u'A' && ch <= u'Z')
                             || (ch >= u'0' && ch <= u'9') || punctuation.contains(ch);
        if (allowed)
            continue;
        if (ch == u' ')
            return NameRules::tr("A space is not allowed here. ");
        if (ch.isSpace() || ch.category() == QChar::Other_Control || ch.isSurrogate())
            return NameRules::tr("The character U+%1 is not allowed here. ")
                .arg(QString::number(ch.unicode(), 16).toUpper().rightJustified(4, u'0'));
        return NameRules::tr("'%1' is not allowed here. ").arg(ch);
    }
    return {};
}

} // namespace

std::optional<QString> NameRules::packageNameProblem(const QString &name)
{
    if (name.isEmpty())
        return tr("A package name may not be empty.");
    if (name.size() > kMaxNameLength)
        return tr("A package name may be at most %1 characters long.").arg(kMaxNameLength);
    if (!matchesWhole(packageNameExpression(), name))
        return firstForbidden(name, u"._-+")
               + tr("A package name may contain only the letters A-Z and a-z, digits, '.', '_', "
                    "'-' and '+'.");
    if (isDotName(name))
        return tr("A package name may not be '.' or '..'.");
    return std::nullopt;
}

std::optional<QString> NameRules::versionProblem(const QString &version)
{
    if (version.isEmpty())
        return tr("A version may not be empty.");
    if (version.size() > kMaxNameLength)
        return tr("A version may be at most %1 characters long.").arg(kMaxNameLength);
    if (!matchesWhole(versionExpression(), version))
        return firstForbidden(version, u"_+.-")
               + tr("A version may contain only the letters A-Z and a-z, digits, '_', '+', '.' "
                    "and '-', and no '..'.");
    if (version == u"."_s)
        return tr("A version may not be '.'.");
    return std::nullopt;
}

std::optional<QString> NameRules::fileNameProblem(const QString &fileName)
{
    if (fileName.isEmpty())
        return tr("A file name may not be empty.");
    if (fileName.size() > kMaxNameLength)
        return tr("A file name may be at most %1 characters long.").arg(kMaxNameLength);
    if (!matchesWhole(fileNameExpression(), fileName))
        return firstForbidden(fileName, u"._-+~@")
               + tr("A file name may contain only the letters A-Z and a-z, digits, '.', '_', "
                    "'-', '+', '~' and '@', and may not start or end with '~' or '@'.");
    if (isDotName(fileName))
        return tr("A file name may not be '.' or '..'.");
    return std::nullopt;
}

std::optional<QString> NameRules::directoryProblem(const QString &directory)
{
    if (directory.isEmpty())
        return tr("A folder name may not be empty.");
    if (directory.size() > kMaxNameLength)
        return tr("A folder name may be at most %1 characters long.").arg(kMaxNameLength);
    if (directory.contains(u'/'))
        return tr("A folder name may not contain '/'.");
    if (containsControlCharacter(directory))
        return tr("A folder name may not contain a line break or another control character.");
    if (!directory.isValidUtf16())
        return tr("A folder name may contain only valid Unicode characters.");
    if (isDotName(directory))
        return tr("A folder name may not be '.' or '..'.");
    if (directory.split(u'\\').contains(u".."_s))
        return tr("A folder name may not contain '..' next to a backslash.");
    if (containsPercentSequence(directory))
        return tr("A folder name may not contain '%' followed by two hexadecimal digits, such as "
                  "'%2F'.");
    return std::nullopt;
}

std::optional<QString> NameRules::projectProblem(const QString &idOrPath)
{
    static const QRegularExpression id(uR"(\A[1-9][0-9]{0,18}\z)"_s);
    static const QRegularExpression segment(uR"(\A[A-Za-z0-9_.-]+\z)"_s);
    if (idOrPath.isEmpty())
        return tr("A project may not be empty: give its numeric id or its full path, such as "
                  "group/project.");
    if (id.match(idOrPath).hasMatch())
        return std::nullopt;
    const QStringList segments = idOrPath.split(u'/');
    if (segments.size() < 2)
        return tr("A project is a numeric id or a full path with its group, such as "
                  "group/project.");
    if (segments.contains(QString()))
        return tr("A project path may not start or end with '/' or contain '//'.");
    for (const QString &part : segments) {
        if (isDotName(part))
            return tr("A project path may not contain '.' or '..' segments.");
        if (part.size() > kMaxNameLength || !matchesWhole(segment, part))
            return tr("A project path's segments may contain only the letters A-Z and a-z, "
                      "digits, '_', '-' and '.', at most %1 characters each.")
                .arg(kMaxNameLength);
    }
    return std::nullopt;
}

std::optional<QString> NameRules::localNameProblem(const QString &relativeName)
{
    if (relativeName.contains(u'\\'))
        return tr("A file name may not contain a backslash.");
    static const QRegularExpression driveLetter(uR"(\A[A-Za-z]:)"_s);
    if (driveLetter.match(relativeName).hasMatch())
        return tr("A file name may not start with a drive letter.");
    if (relativeName.startsWith(u'/'))
        return tr("A file name may not be an absolute path.");
    QString problem;
    if (!splitUploadPath(relativeName, &problem))
        return problem;
    return std::nullopt;
}

QString NameRules::printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        if (isControlCharacter(ch))
            out += u"\\x"_s + QString::number(ch.unicode(), 16).rightJustified(2, u'0');
        else
            out += ch;
    }
    return out;
}

QString NameRules::suggestPackageName(const QString &name)
{
    if (!packageNameProblem(name))
        return name;
    const QString suggestion = sanitize(name, allowedInPackageName, EdgeRule::Markers);
    if (suggestion.isEmpty() || isDotName(suggestion))
        return u"package"_s;
    return suggestion;
}

QString NameRules::suggestVersion(const QString &version)
{
    if (!versionProblem(version))
        return version;
    QString suggestion = sanitize(version, allowedInVersion, EdgeRule::Markers);
    while (suggestion.contains(u".."_s))
        suggestion.replace(u".."_s, u"."_s);
    if (suggestion.isEmpty() || suggestion == u"."_s)
        return u"0.0.0"_s;
    return suggestion;
}

QString NameRules::suggestFileName(const QString &fileName)
{
    if (!fileNameProblem(fileName))
        return fileName;
    const QString suggestion = sanitize(fileName, allowedInFileName, EdgeRule::MarkersTildesAndAts);
    if (suggestion.isEmpty() || isDotName(suggestion))
        return u"file"_s;
    return suggestion;
}

std::optional<UploadName> NameRules::splitUploadPath(const QString &relativePath, QString *problem)
{
    const auto fail = [problem](const QString &why) -> std::optional<UploadName> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };

    if (relativePath.isEmpty())
        return fail(tr("An upload path may not be empty."));
    const QStringList segments = relativePath.split(u'/');
    if (segments.contains(QString()))
        return fail(tr("An upload path may not start or end with '/' or contain '//'."));

    UploadName result;
    result.directories = segments.first(segments.size() - 1);
    result.fileName = segments.last();
    for (const QString &directory : std::as_const(result.directories)) {
        if (const auto why = directoryProblem(directory))
            return fail(*why);
    }
    if (const auto why = fileNameProblem(result.fileName))
        return fail(*why);

    result.storedName =
        result.directories.isEmpty() ? result.fileName : encodeUriComponent(relativePath);
    if (problem)
        problem->clear();
    return result;
}

QString NameRules::displayNameFromStored(const QString &storedName)
{
    // Only a path upload's stored name holds an encoded '/'; file names cannot contain '%'.
    if (!storedName.contains(u"%2F"_s, Qt::CaseInsensitive))
        return storedName;

    const QByteArray raw = storedName.toUtf8();
    QByteArray decoded;
    decoded.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '%' && i + 2 < raw.size() && hexValue(raw.at(i + 1)) >= 0
            && hexValue(raw.at(i + 2)) >= 0) {
            decoded.append(
                static_cast<char>(hexValue(raw.at(i + 1)) * 16 + hexValue(raw.at(i + 2))));
            i += 2;
        } else {
            decoded.append(c);
        }
    }

    QStringDecoder toUtf16(QStringDecoder::Utf8);
    const QString display = toUtf16(decoded);
    if (toUtf16.hasError())
        return storedName; // not something GitLab's encoder wrote; show it as it is
    return display;
}

QString NameRules::encodeUriComponent(const QString &text)
{
    static constexpr char hexDigits[] = "0123456789ABCDEF";
    QString out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size());
    for (const char byte : utf8) {
        const auto c = static_cast<unsigned char>(byte);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*'
            || c == '-' || c == '.' || c == '_') {
            out.append(QLatin1Char(static_cast<char>(c)));
        } else {
            out.append(QLatin1Char('%'));
            out.append(QLatin1Char(hexDigits[c >> 4]));
            out.append(QLatin1Char(hexDigits[c & 0xF]));
        }
    }
    return out;
}

} // namespace Stevedore
