#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace Stevedore::UrlSegments {

// Percent-encodes one URL path segment, keeping RFC 3986's unreserved characters.
inline QByteArray encode(const QString &segment)
{
    return QUrl::toPercentEncoding(segment);
}

// A project id stays as it is; a full path becomes group%2Fsub%2Fproject.
inline QByteArray project(const QString &idOrPath)
{
    return encode(idOrPath);
}

} // namespace Stevedore::UrlSegments
