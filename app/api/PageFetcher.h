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

// Reads a list that GitLab pages with `Link: rel="next"`, ahead of the pages it hands over:
// - as soon as page N's status and headers are in, page N+1 (its Link) is requested, so the
//   server prepares it while page N arrives and is parsed;
// - when page N+1's address counts pages (`page=K`), page N+2 is guessed (`page=K+1`) and
//   requested too, so the server always has the next request waiting. A guessed page is handed
//   over only once page N+1's Link names exactly that address; otherwise it is dropped and the
//   Link's page is requested. Only Link addresses ever decide what the list holds.
// Pages are handed over in order, each parsed once. The list stops at the first error in page
// order (the answer of a page, its JSON, the handler's verdict, a next page already read, more
// than GitLabApi::kMaxPages pages); requests still running are then aborted. Each request is
// retried as GitLabApi's requests are.
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

    // Pages named by a Link requested but not yet handed over: the one being received and
    // the next. A guessed page comes on top while fewer than kWindow + 1 are in flight.
    static constexpr int kWindow = 2;

    // The address of the page after `url` when `url` counts pages with `page=K`: the same
    // address with `page=K+1`; empty otherwise.
    static QUrl followingPage(const QUrl &url);

private:
    struct Page
    {
        int number = 0; // which request this is: 1 for the first page asked for
        QUrl url;
        bool guessed = false;        // asked for before the previous page's Link named it
        QObject *requests = nullptr; // the context of its request and retries
        bool linkRead = false;
        QUrl next;         // its Link rel="next", once read
        bool last = false; // no Link rel="next"
        bool finished = false;
        ApiError error; // the request's
        ApiError stop;  // why the list ends after this page (a next page refused)
        QByteArray body;
    };

    PageFetcher(GitLabClient &client, QObject *context, PageHandler page, Finished finished);

    void send(const QUrl &url, bool guessed);
    void sendAhead();
    void onHeaders(int number, const ApiCall &call);
    void onFinished(int number, const ApiCall &call);
    void readLink(Page &page, const ApiCall &call);
    void follow(Page &page);
    void dropPagesAfter(const Page &page);
    void deliver();
    void end(const ApiError &error);
    Page *find(int number);

    QPointer<GitLabClient> m_client;
    PageHandler m_page;
    Finished m_finished;
    std::deque<Page> m_pages; // requested and not yet handed over, oldest first
    QUrl m_waiting;           // the next page, known but held back by the window
    QSet<QUrl> m_visited;     // pages named by a Link (and the first)
    int m_requested = 0;
    bool m_ended = false;
};

} // namespace Stevedore
