#pragma once

#include "core/ApiError.h"

#include <QByteArray>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <deque>
#include <functional>

namespace Stevedore {

class ApiCall;
class GitLabClient;

// Reads a list that GitLab pages with `Link: rel="next"`, one request ahead: as soon as page
// N's status and headers are in, page N+1 is requested, so the server prepares it while page N
// arrives and is parsed. Pages are handed over in order, each parsed once. The list stops at
// the first error in page order (the answer of a page, its JSON, the handler's verdict, a next
// page already read, more than GitLabApi::kMaxPages pages); requests still running are then
// aborted. Each request is retried as GitLabApi's requests are.
class PageFetcher final : public QObject
{
public:
    // Called with each page's entries, in order; an error it returns stops the list.
    using PageHandler = std::function<ApiError(const QJsonArray &page)>;
    // Called once at the end: no error when the last page was handed over.
    using Finished = std::function<void(const ApiError &error)>;

    // Starts reading at `first`. The fetcher belongs to `context`: destroying the context
    // stops it, and no callback runs after that.
    static void start(GitLabClient &client, const QUrl &first, QObject *context, PageHandler page,
                      Finished finished);

    // Pages requested but not yet handed over: the one being received and the next.
    static constexpr int kWindow = 2;

private:
    struct Page
    {
        int number = 0; // 1 for the first page read
        bool linkRead = false;
        bool last = false; // no Link rel="next"
        bool finished = false;
        ApiError error; // the request's
        ApiError stop;  // why the list ends after this page (a next page refused)
        QByteArray body;
    };

    PageFetcher(GitLabClient &client, QObject *context, PageHandler page, Finished finished);

    void send(const QUrl &url);
    void sendWaiting();
    void onHeaders(int number, const ApiCall &call);
    void onFinished(int number, const ApiCall &call);
    void follow(Page &page, const QUrl &next);
    void deliver();
    void end(const ApiError &error);
    Page *find(int number);

    QPointer<GitLabClient> m_client;
    PageHandler m_page;
    Finished m_finished;
    std::deque<Page> m_pages; // requested and not yet handed over, oldest first
    QUrl m_waiting;           // the next page, known but held back by the window
    QSet<QUrl> m_visited;
    int m_requested = 0;
    bool m_ended = false;
};

} // namespace Stevedore
