#include "Validation.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <cstring>

namespace sim {

namespace {

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

QByteArray percentDecode(const QByteArray &raw, bool plusIsSpace)
{
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '%' && i + 2 < raw.size() && hexValue(raw.at(i + 1)) >= 0
            && hexValue(raw.at(i + 2)) >= 0) {
            out.append(char(hexValue(raw.at(i + 1)) * 16 + hexValue(raw.at(i + 2))));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out.append(' ');
        } else {
            out.append(c);
        }
    }
    return out;
}

bool matchesWhole(const QRegularExpression &expression, const QString &text)
{
    return expression.match(text).hasMatch();
}

} // namespace

std::optional<QString> decodeSegment(const QByteArray &raw)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(percentDecode(raw, false));
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

QString cgiUnescape(const QString &text)
{
    return QString::fromUtf8(percentDecode(text.toUtf8(), true));
}

namespace {

// Percent-encodes every byte but ASCII letters, digits and `keep`; a space becomes `+` when
// `space` is '+'.
QString percentEncode(const QString &text, const char *keep, char space)
{
    static const char hex[] = "0123456789ABCDEF";
    QString out;
    for (const char byte : text.toUtf8()) {
        const auto c = static_cast<unsigned char>(byte);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || (c != 0 && std::strchr(keep, c))) {
            out.append(QLatin1Char(char(c)));
        } else if (c == ' ' && space == '+') {
            out.append(QLatin1Char('+'));
        } else {
            out.append(QLatin1Char('%'));
            out.append(QLatin1Char(hex[c >> 4]));
            out.append(QLatin1Char(hex[c & 0xF]));
        }
    }
    return out;
}

} // namespace

QString encodeUriComponent(const QString &text)
{
    return percentEncode(text, "*-._", '%');
}

QString cgiEscape(const QString &text)
{
    return percentEncode(text, "_.-~", '+');
}

bool isValidPackageName(const QString &name)
{
    static const QRegularExpression expression(QStringLiteral("\\A[A-Za-z0-9._+-]+\\z"));
    return matchesWhole(expression, name);
}

bool isValidPackageVersion(const QString &version)
{
    static const QRegularExpression expression(
        QStringLiteral("\\A(?!.*\\.\\.)[A-Za-z0-9_+.-]+\\z"));
    return matchesWhole(expression, version);
}

bool isValidFileName(const QString &fileName)
{
    static const QRegularExpression expression(
        QStringLiteral("\\A(?![~@])[A-Za-z0-9._+~@-]+(?<![~@])\\z"));
    return matchesWhole(expression, fileName);
}

bool isValidFilePath(const QString &value)
{
    static const QRegularExpression traversal(
        QStringLiteral("\\A(\\.{1,2})\\z|\\A\\.\\.[/\\\\]|[/\\\\]\\.\\.\\z|[/\\\\]\\.\\.[/\\\\]"));
    const QString decoded = cgiUnescape(value);
    if (decoded != cgiUnescape(decoded))
        return false; // encoded more than once
    if (decoded.contains(QLatin1Char('\n')) || traversal.match(decoded).hasMatch())
        return false;
    return !value.startsWith(QLatin1Char('/')) && !decoded.startsWith(QLatin1Char('/'));
}

QString GenericParams::storedFileName() const
{
    return path.isEmpty() ? fileName : encodeUriComponent(path + QLatin1Char('/') + fileName);
}

QStringList validationErrors(const GenericParams &params)
{
    QStringList errors;
    const auto check = [&](const char *param, bool valid, const char *message) {
        if (!valid)
            errors << QLatin1String(param) + QLatin1Char(' ') + QLatin1String(message);
    };
    check("package_name", isValidPackageName(params.packageName), "is invalid");
    check("package_name", isValidFilePath(params.packageName), "should be a valid file path");
    check("package_version", isValidPackageVersion(params.packageVersion), "is invalid");
    if (!params.path.isEmpty())
        check("path", isValidFilePath(params.path), "should be a valid file path");
    check("file_name", isValidFileName(params.fileName), "is invalid");
    check("file_name", isValidFilePath(params.fileName), "should be a valid file path");
    if (params.status) {
        check("status",
              *params.status == QLatin1String("default")
                  || *params.status == QLatin1String("hidden"),
              "does not have a valid value");
    }
    if (params.select)
        check("select", *params.select == QLatin1String("package_file"),
              "does not have a valid value");
    return errors;
}

} // namespace sim
