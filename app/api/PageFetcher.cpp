#include "api/PageFetcher.h"

#include "api/GitLabApi.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace Stevedore {

void PageFetcher::start(GitLabClient &client, const QUrl &first, QObject *context, PageHandler page,
                        Finished finished)
{
    auto *fetcher = new PageFetcher(client, context, std::move(page), std::move(finished));
    fetcher->send(first, false);
}

PageFetcher::PageFetcher(GitLabClient &client, QObject *context, PageHandler page,
                         Finished finished)
    : QObject(context)
    , m_client(&client)
    , m_page(std::move(page))
    , m_finished(std::move(finished))
{
}

QUrl PageFetcher::followingPage(const QUrl &url)
{
    // Edited in the encoded query, so that every other parameter stays exactly as GitLab
    // wrote it and the guess compares equal to the Link that names the same page.
    QList<QByteArray> items = url.query(QUrl::FullyEncoded).toLatin1().split('&');
    int counted = 0;
    for (QByteArray &item : items) {
        if (!item.startsWith("page="))
            continue;
        bool isNumber = false;
        const qint64 page = item.mid(5).toLongLong(&isNumber);
        if (!isNumber || page < 1 || page >= GitLabApi::kMaxPages)
            return {};
        item = "page=" + QByteArray::number(page + 1);
        ++counted;
    }
    if (counted != 1)
        return {};
    QUrl following = url;
    following.setQuery(QString::fromLatin1(items.join('&')), QUrl::StrictMode);
    return following;
}

PageFetcher::Page *PageFetcher::find(int number)
{
    for (Page &page : m_pages) {
        if (page.number == number)
            return &page;
    }
    return nullptr;
}

void PageFetcher::send(const QUrl &url, bool guessed)
{
    if (!m_client)
        return;
    if (!guessed)
        m_visited.insert(url);
    Page &page = m_pages.emplace_back();
    page.number = ++m_requested;
    page.url = url;
    page.guessed = guessed;
    // Deleting a page's context aborts its request and retries (a dropped guess); the
    // fetcher owns them all, so deleting it aborts every request.
    page.requests = new QObject(this);
    const int number = page.number;
    GitLabApi(*m_client).request(
        ApiCall::Method::Get, url, page.requests,
        [this, number](ApiCall &call) { onFinished(number, call); },
        [this, number](const ApiCall &call) { onHeaders(number, call); });
}

void PageFetcher::sendAhead()
{
    if (m_ended)
        return;
    const bool guessing = !m_pages.empty() && m_pages.back().guessed;
    const std::size_t named = m_pages.size() - (guessing ? 1 : 0);
    if (!m_waiting.isEmpty() && named < std::size_t(kWindow))
        send(std::exchange(m_waiting, QUrl()), false);
    if (m_pages.empty())
        return;
    const Page &newest = m_pages.back();
    if (!m_waiting.isEmpty() || newest.guessed || newest.linkRead
        || m_pages.size() > std::size_t(kWindow))
        return;
    const QUrl guess = followingPage(newest.url);
    if (!guess.isEmpty() && !m_visited.contains(guess))
        send(guess, true);
}

void PageFetcher::onHeaders(int number, const ApiCall &call)
{
    Page *page = find(number);
    // The first successful answer's Link decides the next page; a retry's is not read again.
    if (m_ended || !page || page->linkRead || call.status() < 200 || call.status() >= 300)
        return;
    readLink(*page, call);
}

void PageFetcher::onFinished(int number, const ApiCall &call)
{
    Page *page = find(number);
    if (m_ended || !page)
        return;
    page->finished = true;
    page->error = call.error();
    if (!page->error.isError()) {
        page->body = call.body();
        if (!page->linkRead)
            readLink(*page, call);
    }
    deliver();
}

void PageFetcher::readLink(Page &page, const ApiCall &call)
{
    if (!m_client)
        return;
    page.linkRead = true;
    page.next = GitLabApi(*m_client).nextPageUrl(call);
    // A guess's Link counts only once the page before names the guess.
    if (!page.guessed)
        follow(page);
}

void PageFetcher::follow(Page &page)
{
    if (page.next.isEmpty()) {
        page.last = true;
    } else if (m_visited.contains(page.next)) {
        page.stop = ApiError(ApiError::Kind::Protocol,
                             ApiError::tr("GitLab's next page points back to a page already read "
                                          "(%1); the list was stopped.")
                                 .arg(page.next.path()));
    } else if (m_visited.size() >= GitLabApi::kMaxPages) {
        page.stop = ApiError(
            ApiError::Kind::Protocol,
            ApiError::tr("GitLab announced more than %1 pages; the list was stopped there.")
                .arg(GitLabApi::kMaxPages));
    } else if (Page *guess = find(page.number + 1); guess && guess->url == page.next) {
        guess->guessed = false;
        m_visited.insert(guess->url);
        if (guess->linkRead)
            return follow(*guess);
    } else {
        m_waiting = page.next;
    }
    if (page.last || page.stop.isError() || !m_waiting.isEmpty())
        dropPagesAfter(page);
    sendAhead();
}

void PageFetcher::dropPagesAfter(const Page &page)
{
    while (!m_pages.empty() && m_pages.back().number > page.number) {
        delete m_pages.back().requests;
        m_pages.pop_back();
    }
}

void PageFetcher::deliver()
{
    while (!m_pages.empty() && m_pages.front().finished && !m_pages.front().guessed) {
        const Page page = std::move(m_pages.front());
        m_pages.pop_front();
        page.requests->deleteLater(); // its request is over; it may be the one signalling now
        if (page.error.isError())
            return end(page.error);
        const QJsonDocument document = QJsonDocument::fromJson(page.body);
        if (!document.isArray())
            return end(GitLabApi::unreadableAnswer());
        // The handler may destroy the context, and with it this fetcher and m_page.
        const QPointer<PageFetcher> alive(this);
        const PageHandler handler = m_page;
        const ApiError refused = handler(document.array());
        if (!alive)
            return;
        if (refused.isError())
            return end(refused);
        if (page.stop.isError())
            return end(page.stop);
        if (page.last)
            return end(ApiError());
    }
    sendAhead();
}

void PageFetcher::end(const ApiError &error)
{
    m_ended = true;
    m_pages.clear();
    const Finished finished = std::move(m_finished);
    deleteLater(); // with the fetcher go the requests still running
    finished(error);
}

} // namespace Stevedore
