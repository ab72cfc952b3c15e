// Small helpers for writing GitLab-shaped responses with cpp-httplib.
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <httplib.h>

namespace sim {

void sendJson(httplib::Response &response, int status, const QJsonValue &body);
// {"message": text}
void sendMessage(httplib::Response &response, int status, const QString &message);
// {"error": text}
void sendError(httplib::Response &response, int status, const QString &error);
// GitLab's helper message for a status, e.g. "404 Not Found".
QString statusLine(int status);

QByteArray header(const httplib::Request &request, const char *name);
QString rawPathOf(const httplib::Request &request);  // the target as sent, without the query
QString rawQueryOf(const httplib::Request &request); // the query as sent, without '?'
std::optional<QString> param(const httplib::Request &request, const char *name);

// Aborts the request's TCP connection with a reset: the peer sees a network error, no answer.
void resetConnection(const httplib::Request &request);
// Whether the request announces a body (Content-Length above 0, or Transfer-Encoding).
bool declaresBody(const httplib::Request &request);
// After an answer to a request whose body was not read: closes the connection gracefully,
// so the rest of the body is never taken for the next request.
void closeAfterAnswer(const httplib::Request &request);

QString httpDate(const QDateTime &time);
std::optional<QDateTime> parseHttpDate(const QByteArray &text);

} // namespace sim
