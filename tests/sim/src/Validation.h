// GitLab's parameter rules for the generic package routes (gitlab-api.md §3.1–§3.3).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace sim {

// Percent-decodes once, as routing does ('+' stays '+'); nullopt on invalid UTF-8.
std::optional<QString> decodeSegment(const QByteArray &raw);
// Ruby's CGI.unescape: %XX and '+' → space.
QString cgiUnescape(const QString &text);
// Ruby's URI.encode_uri_component: keeps A-Z a-z 0-9 * - . _, upper-case %XX otherwise.
QString encodeUriComponent(const QString &text);
// Ruby's CGI.escape: as a form field, a space as `+`.
QString cgiEscape(const QString &text);

bool isValidPackageName(const QString &name);
bool isValidPackageVersion(const QString &version);
bool isValidFileName(const QString &fileName);
bool isValidFilePath(const QString &value); // the file_path validator

struct GenericParams
{
    QString packageName;
    QString packageVersion;
    QString path; // directories between version and file name, joined by '/'
    QString fileName;
    std::optional<QString> status; // uploads only
    std::optional<QString> select; // uploads only

    QString storedFileName() const;
};

// Grape's messages in declaration order, e.g. "file_name is invalid"; empty when valid.
QStringList validationErrors(const GenericParams &params);

} // namespace sim
