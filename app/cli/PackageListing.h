#pragma once

#include "api/Types.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <functional>

namespace Stevedore {

// What `stevedore list` prints, gathered page by page: per package name (in QMap's order) the
// versions with only the fields the output shows, and written a package at a time.
class PackageListing
{
public:
    enum class Format { Text, Json };

    void add(QList<Package> &&page);
    bool isEmpty() const { return m_byName.isEmpty(); }

    // Sorts each package's versions newest first (VersionOrder), then calls `write` once per
    // package, in order. Json: the array of {"name", "versions": [{created_at, id, name, status,
    // version}]} byte for byte as QJsonDocument::toJson(Indented) writes it; Text: the name,
    // then a line per version (version, creation time, status unless default).
    void write(Format format, const std::function<void(const QString &)> &write);

    // created_at as QDateTime::toString(Qt::ISODateWithMs) writes it.
    static QString isoTime(const QDateTime &time);

private:
    struct Version
    {
        qint64 id = 0;
        QString version;
        QString status;
        QDateTime createdAt;
    };

    static void appendJson(QString &out, const QString &name, const QList<Version> &versions,
                           bool last);
    static void appendText(QString &out, const QString &name, const QList<Version> &versions);

    QMap<QString, QList<Version>> m_byName;
    QSet<QString> m_statuses; // one copy of each status text ("default", "hidden")
};

} // namespace Stevedore
