#include "cli/PackageListing.h"

#include "core/VersionOrder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

// Output is handed over in pieces of about this many characters, at the end of a package.
constexpr qsizetype kPieceSize = 32 * 1024;

// A JSON string as Qt's writer has it: printable ASCII as is, anything else (escapes, other
// characters) through Qt's writer itself, so the two cannot differ.
void appendJsonString(QString &out, const QString &value)
{
    const bool plain = std::all_of(value.cbegin(), value.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x80 && c != u'"' && c != u'\\';
    });
    if (plain) {
        out += QLatin1Char('"');
        out += value;
        out += QLatin1Char('"');
        return;
    }
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    out += QString::fromUtf8(QByteArrayView(array).sliced(1, array.size() - 2)); // without [ ]
}

// QLocale::c().toString(time, "yyyy-MM-dd HH:mm").
QString textTime(const QDateTime &time)
{
    const QString iso = PackageListing::isoTime(time);
    if (iso.size() == 24 && iso.endsWith(QLatin1Char('Z')))
        return iso.first(10) + QLatin1Char(' ') + iso.sliced(11, 5);
    return QLocale::c().toString(time, QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

QString PackageListing::isoTime(const QDateTime &time)
{
    // Package::fromJson makes UTC times; written by hand, they cost a fraction of toString().
    int year = 0;
    int month = 0;
    int day = 0;
    if (time.isValid() && time.timeSpec() == Qt::UTC)
        time.date().getDate(&year, &month, &day);
    if (year < 1000 || year > 9999)
        return time.toString(Qt::ISODateWithMs);
    const int ms = time.time().msecsSinceStartOfDay();
    QString text(24, Qt::Uninitialized);
    QChar *at = text.data();
    const auto digits = [&at](int value, int count, char16_t after) {
        for (int i = count - 1; i >= 0; --i, value /= 10)
            at[i] = QChar(u'0' + value % 10);
        at[count] = QChar(after);
        at += count + 1;
    };
    digits(year, 4, u'-');
    digits(month, 2, u'-');
    digits(day, 2, u'T');
    digits(ms / 3'600'000, 2, u':');
    digits(ms / 60'000 % 60, 2, u':');
    digits(ms / 1000 % 60, 2, u'.');
    digits(ms % 1000, 3, u'Z');
    return text;
}

void PackageListing::add(QList<Package> &&page)
{
    for (Package &package : page) {
        const QString status = *m_statuses.insert(package.status);
        m_byName[package.name].append(
            {package.id, std::move(package.version), status, package.createdAt});
    }
}

void PackageListing::write(Format format, const std::function<void(const QString &)> &write)
{
    QString piece;
    if (format == Format::Json)
        piece += QStringLiteral("[\n");
    for (auto it = m_byName.begin(); it != m_byName.end(); ++it) {
        QList<Version> &versions = it.value();
        std::sort(versions.begin(), versions.end(), [](const Version &a, const Version &b) {
            return VersionOrder::lessThan(b.version, a.version);
        });
        if (format == Format::Json)
            appendJson(piece, it.key(), versions, std::next(it) == m_byName.end());
        else
            appendText(piece, it.key(), versions);
        if (piece.size() >= kPieceSize) {
            write(piece);
            piece.resize(0);
        }
    }
    if (format == Format::Json)
        piece += QStringLiteral("]\n");
    if (!piece.isEmpty())
        write(piece);
}

void PackageListing::appendJson(QString &out, const QString &name, const QList<Version> &versions,
                                bool last)
{
    // An element of the top-level array, indented as toJson(Indented) does: four spaces a
    // level, ": " after a key, an object's keys in sorted order.
    QString quotedName;
    appendJsonString(quotedName, name);
    out += u"    {\n        \"name\": "_s + quotedName + u",\n        \"versions\": [\n"_s;
    for (qsizetype i = 0; i < versions.size(); ++i) {
        const Version &version = versions.at(i);
        out += u"            {\n                \"created_at\": "_s;
        appendJsonString(out, isoTime(version.createdAt));
        out += u",\n                \"id\": "_s + QString::number(version.id)
               + u",\n                \"name\": "_s + quotedName
               + u",\n                \"status\": "_s;
        appendJsonString(out, version.status);
        out += u",\n                \"version\": "_s;
        appendJsonString(out, version.version);
        out += i + 1 < versions.size() ? u"\n            },\n"_s : u"\n            }\n"_s;
    }
    out += last ? u"        ]\n    }\n"_s : u"        ]\n    },\n"_s;
}

void PackageListing::appendText(QString &out, const QString &name, const QList<Version> &versions)
{
    out += name + QLatin1Char('\n');
    for (const Version &version : versions) {
        out += u"  "_s + version.version.leftJustified(22) + u"  "_s
               + textTime(version.createdAt).leftJustified(16) + u"  "_s
               + (version.status == QLatin1String("default") ? QString() : version.status)
               + QLatin1Char('\n');
    }
}

} // namespace Stevedore
