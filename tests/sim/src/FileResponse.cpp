#include "FileResponse.h"

#include "Content.h"
#include "Http.h"

#include <QRegularExpression>

#include <memory>

namespace sim {

namespace {

struct ByteRange
{
    qint64 first = 0;
    qint64 last = 0;
};

enum class RangeResult { Whole, Partial, Unsatisfiable };

RangeResult parseRange(const QByteArray &header, qint64 size, ByteRange *range)
{
    static const QRegularExpression single(QStringLiteral("\\Abytes=(\\d*)-(\\d*)\\z"));
    const auto match = single.match(QString::fromLatin1(header).trimmed());
    if (!match.hasMatch() || (match.capturedView(1).isEmpty() && match.capturedView(2).isEmpty()))
        return RangeResult::Whole; // several ranges or malformed: serve everything
    if (match.capturedView(1).isEmpty()) {
        const qint64 suffix = match.capturedView(2).toLongLong();
        if (suffix == 0 || size == 0)
            return RangeResult::Unsatisfiable;
        *range = {std::max<qint64>(0, size - suffix), size - 1};
        return RangeResult::Partial;
    }
    const qint64 first = match.capturedView(1).toLongLong();
    const qint64 last =
        match.capturedView(2).isEmpty() ? size - 1 : match.capturedView(2).toLongLong();
    if (first >= size || last < first)
        return RangeResult::Unsatisfiable;
    *range = {first, std::min(last, size - 1)};
    return RangeResult::Partial;
}

} // namespace

void serveFile(const httplib::Request &request, httplib::Response &response,
               const ServedFile &served)
{
    const qint64 size = served.file.size;
    const QDateTime modified = served.file.createdAt.toUTC();
    const QDateTime modifiedSeconds =
        QDateTime::fromSecsSinceEpoch(modified.toSecsSinceEpoch(), Qt::UTC);
    const QString lastModified = httpDate(modified);
    response.set_header("Accept-Ranges", "bytes");
    response.set_header("Last-Modified", lastModified.toStdString());

    // Go's http.ServeContent (Workhorse) without an ETag: `If-Match: *` and `If-None-Match: *`
    // match, any other entity tag does not; an If-(None-)Match replaces the date condition.
    const auto matchesAny = [](const QByteArray &tags) { return tags.trimmed() == "*"; };
    if (request.has_header("If-Match")) {
        if (!matchesAny(header(request, "If-Match"))) {
            response.status = 412;
            return;
        }
    } else if (const auto since = parseHttpDate(header(request, "If-Unmodified-Since"));
               since && modifiedSeconds > *since) {
        response.status = 412;
        return;
    }
    if (request.has_header("If-None-Match")) {
        if (matchesAny(header(request, "If-None-Match"))) {
            response.status = 304;
            return;
        }
    } else if (const auto since = parseHttpDate(header(request, "If-Modified-Since"));
               since && modifiedSeconds <= *since) {
        response.status = 304;
        return;
    }

    ByteRange range{0, size - 1};
    RangeResult kind = RangeResult::Whole;
    const QByteArray ifRange = header(request, "If-Range");
    if (request.has_header("Range")
        && (ifRange.isEmpty() || QString::fromLatin1(ifRange) == lastModified))
        kind = parseRange(header(request, "Range"), size, &range);
    if (kind == RangeResult::Unsatisfiable) {
        response.status = 416;
        response.set_header("Content-Range", "bytes */" + std::to_string(size));
        response.set_content("", "text/plain; charset=utf-8");
        return;
    }
    response.status = kind == RangeResult::Partial ? 206 : 200;
    if (kind == RangeResult::Partial) {
        response.set_header("Content-Range", "bytes " + std::to_string(range.first) + '-'
                                                 + std::to_string(range.last) + '/'
                                                 + std::to_string(size));
    }
    const qint64 length = size == 0 ? 0 : range.last - range.first + 1;
    if (length == 0) {
        response.set_content("", served.contentType);
        return;
    }

    auto content = std::make_shared<FileContent>(served.file, served.blobDir);
    const qint64 start = range.first;
    const std::optional<qint64> resetAfter = served.resetAfterBytes;
    const httplib::Request *requestPointer = &request;
    response.set_content_provider(
        size_t(length), served.contentType,
        [content, start, resetAfter, requestPointer](size_t offset, size_t available,
                                                     httplib::DataSink &sink) {
            char buffer[64 * 1024];
            qint64 want = std::min<qint64>(qint64(sizeof buffer), qint64(available));
            if (resetAfter) {
                if (qint64(offset) >= *resetAfter) {
                    resetConnection(*requestPointer);
                    return false;
                }
                want = std::min(want, *resetAfter - qint64(offset));
            }
            const qint64 got = content->read(start + qint64(offset), buffer, want);
            if (got <= 0)
                return false;
            return sink.write(buffer, size_t(got));
        });
}

} // namespace sim
