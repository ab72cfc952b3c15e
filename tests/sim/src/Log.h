// The --log file: one line per request and one per credential leak. Never headers or bodies.
#pragma once

#include <QFile>
#include <QString>

#include <httplib.h>
#include <mutex>

namespace sim {

class Log final
{
public:
    bool open(const QString &path); // empty path: logging off
    void request(const httplib::Request &request, const httplib::Response &response);
    void credentialLeak(const httplib::Request &request, const QStringList &headers);
    void note(const QString &text);

private:
    void write(const QString &line);

    std::mutex m_mutex;
    QFile m_file;
};

} // namespace sim
