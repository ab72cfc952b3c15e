#include "core/VersionOrder.h"

#include <QStringList>

namespace Stevedore {

namespace {

struct Parsed
{
    QStringList release;
    QStringList preRelease;
    QString build;
};

Parsed parse(const QString &version)
{
    Parsed parsed;
    QString rest = version;
    const qsizetype plus = rest.indexOf(QLatin1Char('+'));
    if (plus >= 0) {
        parsed.build = rest.mid(plus + 1);
        rest.truncate(plus);
    }
    const qsizetype dash = rest.indexOf(QLatin1Char('-'));
    if (dash >= 0) {
        parsed.preRelease = rest.mid(dash + 1).split(QLatin1Char('.'));
        rest.truncate(dash);
    }
    parsed.release = rest.split(QLatin1Char('.'));
    return parsed;
}

int compareIdentifier(const QString &a, const QString &b)
{
    bool aNumeric = false;
    bool bNumeric = false;
    const qulonglong aValue = a.toULongLong(&aNumeric);
    const qulonglong bValue = b.toULongLong(&bNumeric);
    if (aNumeric && bNumeric)
        return aValue < bValue ? -1 : (aValue > bValue ? 1 : 0);
    if (aNumeric != bNumeric)
        return aNumeric ? -1 : 1; // numbers before words, as semver orders pre-releases
    return a.compare(b, Qt::CaseInsensitive);
}

int compareLists(const QStringList &a, const QStringList &b)
{
    for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (const int order = compareIdentifier(a.at(i), b.at(i)))
            return order;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

} // namespace

int VersionOrder::compare(const QString &a, const QString &b)
{
    const Parsed left = parse(a);
    const Parsed right = parse(b);
    if (const int order = compareLists(left.release, right.release))
        return order;
    if (left.preRelease.isEmpty() != right.preRelease.isEmpty())
        return left.preRelease.isEmpty() ? 1 : -1;
    if (const int order = compareLists(left.preRelease, right.preRelease))
        return order;
    if (const int order = left.build.compare(right.build))
        return order;
    return a.compare(b);
}

} // namespace Stevedore
