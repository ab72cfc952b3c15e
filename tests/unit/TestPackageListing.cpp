// PackageListing, the output of `stevedore list`, written a package at a time: byte for byte
// what building the whole QJsonDocument (or text table) at once gave, for plain and unusual
// names, versions, statuses and times.

#include "cli/PackageListing.h"
#include "core/VersionOrder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QRandomGenerator>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

Package package(qint64 id, const QString &name, const QString &version,
                const QString &status = u"default"_s,
                const QDateTime &createdAt = QDateTime(QDate(2026, 3, 1), QTime(9, 30, 5, 17),
                                                       Qt::UTC))
{
    Package made;
    made.id = id;
    made.name = name;
    made.version = version;
    made.status = status;
    made.createdAt = createdAt;
    return made;
}

// The output as `list` built it whole: the QJsonDocument of every group, or the text table.
QString wholeOutput(const QList<Package> &packages, PackageListing::Format format)
{
    QMap<QString, QList<Package>> byName;
    for (const Package &each : packages)
        byName[each.name] << each;
    QJsonArray document;
    QString text;
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        std::sort(it->begin(), it->end(), [](const Package &a, const Package &b) {
            return VersionOrder::lessThan(b.version, a.version);
        });
        QJsonArray versions;
        text += it.key() + u'\n';
        for (const Package &each : std::as_const(*it)) {
            versions.append(
                QJsonObject{{u"id"_s, each.id},
                            {u"name"_s, each.name},
                            {u"version"_s, each.version},
                            {u"status"_s, each.status},
                            {u"created_at"_s, each.createdAt.toString(Qt::ISODateWithMs)}});
            text += u"  "_s + each.version.leftJustified(22) + u"  "_s
                    + QLocale::c().toString(each.createdAt, u"yyyy-MM-dd HH:mm"_s).leftJustified(16)
                    + u"  "_s + (each.status == u"default"_s ? QString() : each.status) + u'\n';
        }
        document.append(QJsonObject{{u"name"_s, it.key()}, {u"versions"_s, versions}});
    }
    if (format == PackageListing::Format::Text)
        return text;
    return QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented));
}

QStringList written(const QList<Package> &packages, PackageListing::Format format)
{
    PackageListing listing;
    // In pages of 7, as the pages of a list arrive.
    for (qsizetype at = 0; at < packages.size(); at += 7)
        listing.add(packages.mid(at, 7));
    QStringList pieces;
    listing.write(format, [&pieces](const QString &piece) { pieces << piece; });
    return pieces;
}

} // namespace

class TestPackageListing final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesWhatTheWholeDocumentWas_data()
    {
        QTest::addColumn<QList<Package>>("packages");
        const QDateTime utc(QDate(2026, 11, 30), QTime(23, 59, 59, 999), Qt::UTC);
        QTest::newRow("none") << QList<Package>{};
        QTest::newRow("one") << QList<Package>{package(1, u"app"_s, u"1.0.0"_s)};
        QTest::newRow("versions in people's order")
            << QList<Package>{package(1, u"app"_s, u"1.9.0"_s),
                              package(2, u"app"_s, u"1.10.0"_s),
                              package(3, u"app"_s, u"2.0.0-rc.1"_s, u"hidden"_s),
                              package(4, u"Zeta"_s, u"0.1"_s),
                              package(5, u"app"_s, u"2.0.0"_s),
                              package(6, u"beta_1.x"_s, u"7"_s)};
        QTest::newRow("characters JSON escapes")
            << QList<Package>{package(1, u"quote\"d"_s, u"back\\slash"_s),
                              package(2, u"tab\tand\nline"_s, u"ctl\u0001\u001f"_s),
                              package(3, u"del\u007f c1\u0085"_s, u"1"_s, u"we\"ird"_s),
                              package(4, u"/slash/"_s, u"<html>&amp;"_s)};
        QTest::newRow("beyond ASCII") << QList<Package>{
            package(1, u"ünïcødé"_s, u"1.0-ß"_s), package(2, u"emoji 😀"_s, u"2.0"_s, u"état"_s),
            package(3, QString(1, QChar(0xD800)) + u"lone"_s, u"1"_s),
            package(4, u"line\u2028sep"_s, u"1"_s)};
        QTest::newRow("times") << QList<Package>{
            package(1, u"t"_s, u"1"_s, u"default"_s, utc),
            package(2, u"t"_s, u"2"_s, u"default"_s, QDateTime()),
            package(3, u"t"_s, u"3"_s, u"default"_s,
                    QDateTime(QDate(999, 1, 2), QTime(3, 4), Qt::UTC)),
            package(4, u"t"_s, u"4"_s, u"default"_s,
                    QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC)),
            package(5, u"t"_s, u"5"_s, u"default"_s,
                    QDateTime::fromString(u"2026-03-01T09:30:00.000+02:00"_s, Qt::ISODateWithMs)),
            package(6, u"t"_s, u"6"_s, u"default"_s, QDateTime(QDate(2026, 1, 1), QTime(0, 0)))};
        QTest::newRow("large ids") << QList<Package>{package(9007199254740991, u"a"_s, u"1"_s),
                                                     package(4294967296, u"a"_s, u"2"_s)};
        QList<Package> many;
        for (int i = 0; i < 3000; ++i)
            many << package(i + 1, u"component-%1"_s.arg(i % 600, 4, 10, QLatin1Char('0')),
                            u"1.%1.0"_s.arg(i / 600), i % 9 ? u"default"_s : u"hidden"_s,
                            QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i * 97));
        QTest::newRow("3,000 packages") << many;
    }

    void writesWhatTheWholeDocumentWas()
    {
        QFETCH(QList<Package>, packages);
        for (const auto format : {PackageListing::Format::Json, PackageListing::Format::Text}) {
            const QStringList pieces = written(packages, format);
            QCOMPARE(pieces.join(QString()), wholeOutput(packages, format));
            // Pieces end where a package ends: a JSON element's line, or the end of a group.
            for (const QString &piece : pieces)
                QVERIFY(piece.endsWith(u'\n'));
            if (packages.size() > 1000)
                QVERIFY2(pieces.size() > 1, "the output came in one piece");
        }
        PackageListing empty;
        QCOMPARE(empty.isEmpty(), true);
    }

    void isoTimeIsQtsIsoDateWithMs()
    {
        QRandomGenerator random(7);
        const qint64 from = QDateTime(QDate(1000, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 to =
            QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
        for (int i = 0; i < 20000; ++i) {
            const QDateTime time = QDateTime::fromMSecsSinceEpoch(
                from + qint64(random.bounded(double(to - from))), Qt::UTC);
            QCOMPARE(PackageListing::isoTime(time), time.toString(Qt::ISODateWithMs));
        }
    }
};

QTEST_GUILESS_MAIN(TestPackageListing)
#include "TestPackageListing.moc"
