#include "Faults.h"

namespace sim {

namespace {

std::optional<int> count(const QString &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value == 0 ? -1 : value;
}

std::optional<qint64> number(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok && value >= 0 ? std::optional<qint64>(value) : std::nullopt;
}

} // namespace

QString Faults::add(const QString &spec)
{
    const QString invalid = QStringLiteral("invalid --fault '%1': ").arg(spec);
    if (spec.startsWith(QLatin1String("status="))) {
        // The regex may itself contain ':', so the code is the first field and the count the last.
        const QString body = spec.mid(7);
        const qsizetype first = body.indexOf(QLatin1Char(':'));
        const qsizetype last = body.lastIndexOf(QLatin1Char(':'));
        if (first < 0 || last <= first)
            return invalid + QStringLiteral("expected status=CODE:REGEX:COUNT");
        const auto code = number(body.left(first));
        const auto times = count(body.mid(last + 1));
        QRegularExpression path(body.mid(first + 1, last - first - 1));
        if (!code || *code < 100 || *code > 599 || !times || !path.isValid())
            return invalid + QStringLiteral("expected status=CODE:REGEX:COUNT");
        m_status.push_back({int(*code), path, {*times}});
        return {};
    }
    if (spec.startsWith(QLatin1String("429:"))) {
        const QStringList parts = spec.split(QLatin1Char(':'));
        const auto times = parts.size() == 3 ? count(parts[1]) : std::nullopt;
        const auto seconds = parts.size() == 3 ? number(parts[2]) : std::nullopt;
        if (!times || !seconds)
            return invalid + QStringLiteral("expected 429:COUNT:SECONDS");
        m_rateLimits.push_back({int(*seconds), {*times}});
        return {};
    }
    if (spec.startsWith(QLatin1String("latency="))) {
        const auto ms = number(spec.mid(8));
        if (!ms)
            return invalid + QStringLiteral("expected latency=MS");
        m_latencyMs = int(*ms);
        return {};
    }
    if (spec.startsWith(QLatin1String("reset-after-bytes="))) {
        const QStringList parts = spec.mid(18).split(QLatin1Char(':'));
        const auto bytes = parts.size() >= 2 ? number(parts[0]) : std::nullopt;
        const auto times = parts.size() >= 2 ? count(parts[1]) : std::nullopt;
        const QString direction = parts.size() == 3 ? parts[2] : QString();
        if (!bytes || !times || parts.size() > 3
            || !(direction.isEmpty() || direction == QLatin1String("upload")
                 || direction == QLatin1String("download")))
            return invalid + QStringLiteral("expected reset-after-bytes=N:COUNT[:upload|download]");
        m_resets.push_back({*bytes,
                            direction != QLatin1String("download"),
                            direction != QLatin1String("upload"),
                            {*times}});
        return {};
    }
    if (spec.startsWith(QLatin1String("stall="))) {
        const QStringList parts = spec.mid(6).split(QLatin1Char(':'));
        const auto ms = parts.size() == 2 ? number(parts[0]) : std::nullopt;
        const auto times = parts.size() == 2 ? count(parts[1]) : std::nullopt;
        if (!ms || !times)
            return invalid + QStringLiteral("expected stall=MS:COUNT");
        m_stalls.push_back({int(*ms), {*times}});
        return {};
    }
    if (spec == QLatin1String("race-500") || spec.startsWith(QLatin1String("race-500:"))) {
        const auto times = spec.size() > 8 ? count(spec.mid(9)) : std::optional<int>(1);
        if (!times)
            return invalid + QStringLiteral("expected race-500[:COUNT]");
        m_race500 = {*times};
        return {};
    }
    if (spec == QLatin1String("store-then-drop")
        || spec.startsWith(QLatin1String("store-then-drop:"))) {
        const auto times = spec.size() > 15 ? count(spec.mid(16)) : std::optional<int>(1);
        if (!times)
            return invalid + QStringLiteral("expected store-then-drop[:COUNT]");
        m_storeThenDrop = {*times};
        return {};
    }
    if (spec == QLatin1String("no-race")) {
        m_raceWindow = false;
        return {};
    }
    if (spec == QLatin1String("job-token-basic-put")) {
        m_jobTokenBasicOnPut = true;
        return {};
    }
    return invalid + QStringLiteral("unknown fault");
}

RequestFault Faults::takeRequestFault(const QString &rawPath)
{
    std::lock_guard lock(m_mutex);
    for (StallFault &stall : m_stalls) {
        if (stall.count.take())
            return {RequestFault::Kind::Stall, 0, 0, stall.ms};
    }
    for (RateLimitFault &limit : m_rateLimits) {
        if (limit.count.take())
            return {RequestFault::Kind::RateLimit, 429, limit.retryAfterSeconds, 0};
    }
    for (StatusFault &status : m_status) {
        if (status.path.match(rawPath).hasMatch() && status.count.take())
            return {RequestFault::Kind::Status, status.status, 0, 0};
    }
    return {};
}

std::optional<qint64> Faults::takeReset(bool upload)
{
    std::lock_guard lock(m_mutex);
    for (ResetFault &reset : m_resets) {
        if ((upload ? reset.uploads : reset.downloads) && reset.count.take())
            return reset.afterBytes;
    }
    return std::nullopt;
}

bool Faults::takeRace500()
{
    std::lock_guard lock(m_mutex);
    return m_race500.take();
}

bool Faults::takeStoreThenDrop()
{
    std::lock_guard lock(m_mutex);
    return m_storeThenDrop.take();
}

} // namespace sim
