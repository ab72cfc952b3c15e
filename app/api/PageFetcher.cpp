#include "api/PageFetcher.h"

#include "api/GitLabApi.h"

#include <QJsonDocument>

namespace Stevedore {

void PageFetcher::start(GitLabClient &client, const QUrl &first, QObject *context, PageHandler page,
                        Finished finished)
{
    auto *fetcher = new PageFetcher(client, context, std::move(page), std::move(finished));
    fetcher->send(first);
}

PageFetcher::PageFetcher(GitLabClient &client, QObject *context, PageHandler page,
                         Finished finished)
    : QObject(context)
    , m_client(&client)
    , m_page(std::move(page))
    , m_finished(std::move(finished))
{
}

PageFetcher::Page *PageFetcher::find(int number)
{
    if (m_pages.empty() || number < m_pages.front().number)
        return nullptr;
    const std::size_t index = std::size_t(number - m_pages.front().number);
    return index < m_pages.size() ? &m_pages[index] : nullptr;
}

void PageFetcher::send(const QUrl &url)
{
    if (!m_client)
        return;
    m_visited.insert(url);
    const int number = ++m_requested;
    m_pages.emplace_back().number = number;
    // The fetcher is the requests' context: deleting it aborts them and their retries.
    GitLabApi(*m_client).request(
        ApiCall::Method::Get, url, this,
        [this, number](ApiCall &call) { onFinished(number, call); },
        [this, number](const ApiCall &call) { onHeaders(number, call); });
}

void PageFetcher::sendWaiting()
{
    if (!m_ended && !m_waiting.isEmpty() && m_pages.size() < std::size_t(kWindow))
        send(std::exchange(m_waiting, QUrl()));
}

void PageFetcher::onHeaders(int number, const ApiCall &call)
{
    Page *page = find(number);
    // The first successful answer's Link decides the next page; a retry's is not read again.
    if (m_ended || !page || page->linkRead || call.status() < 200 || call.status() >= 300
        || !m_client)
        return;
    page->linkRead = true;
    follow(*page, GitLabApi(*m_client).nextPageUrl(call));
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
        if (!page->linkRead && m_client) {
            page->linkRead = true;
            follow(*page, GitLabApi(*m_client).nextPageUrl(call));
        }
    }
    deliver();
}

void PageFetcher::follow(Page &page, const QUrl &next)
{
    if (next.isEmpty()) {
        page.last = true;
    } else if (m_visited.contains(next)) {
        page.stop = ApiError(ApiError::Kind::Protocol,
                             ApiError::tr("GitLab's next page points back to a page already read "
                                          "(%1); the list was stopped.")
                                 .arg(next.path()));
    } else if (m_visited.size() >= GitLabApi::kMaxPages) {
        page.stop = ApiError(
            ApiError::Kind::Protocol,
            ApiError::tr("GitLab announced more than %1 pages; the list was stopped there.")
                .arg(GitLabApi::kMaxPages));
    } else {
        m_waiting = next;
        sendWaiting();
    }
}

void PageFetcher::deliver()
{
    while (!m_pages.empty() && m_pages.front().finished) {
        const Page page = std::move(m_pages.front());
        m_pages.pop_front();
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
    sendWaiting();
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
