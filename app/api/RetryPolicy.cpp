#include "api/RetryPolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

namespace Stevedore {

namespace {

QString duration(qint64 seconds)
{
    if (seconds < 120)
        return ApiError::tr("%n s", nullptr, int(seconds));
    if (seconds < 2 * 3600)
        return ApiError::tr("%n min", nullptr, int((seconds + 59) / 60));
    if (seconds < 2 * 86400)
        return ApiError::tr("%n h", nullptr, int((seconds + 3599) / 3600));
    return ApiError::tr("%n days", nullptr, int((seconds + 86399) / 86400));
}

QString clockTime(const QDateTime &when)
{
    const bool sameDay = when.date() == QDate::currentDate();
    return QLocale::c().toString(when, sameDay ? QStringLiteral("HH:mm:ss")
                                               : QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

std::chrono::milliseconds RetryPolicy::delayAfter(int attempts, const ApiError &error) const
{
    if (const auto retryAfter = error.retryAfterSeconds())
        return std::chrono::seconds(*retryAfter);
    const qint64 exponential = firstDelay.count() << std::clamp(attempts - 1, 0, 16);
    const qint64 capped = std::min<qint64>(exponential, maxDelay.count());
    const qint64 jitter = QRandomGenerator::global()->bounded(qint64(capped / 5 + 1));
    return std::chrono::milliseconds(capped - capped / 10 + jitter);
}

RetryPolicy::Decision RetryPolicy::after(int attempts, const ApiError &error) const
{
    if (!error.isTransient() || attempts >= maxAttempts)
        return {false, std::chrono::milliseconds(0), error, {}};
    const auto retryAfter = error.retryAfterSeconds();
    if (retryAfter && std::chrono::seconds(*retryAfter) > maxServerWait) {
        const QDateTime until = QDateTime::currentDateTime().addSecs(*retryAfter);
        ApiError refused(
            error.kind(),
            ApiError::tr("%1 GitLab asked to wait %2 (until %3), longer than the %4 Stevedore "
                         "waits; try again after that time.")
                .arg(error.message(), duration(*retryAfter), clockTime(until),
                     duration(maxServerWait.count())),
            error.httpStatus(), error.serverMessage());
        refused.setRetryAfterSeconds(retryAfter);
        return {false, std::chrono::milliseconds(0), refused, {}};
    }
    const std::chrono::milliseconds delay = delayAfter(attempts, error);
    const QDateTime at = QDateTime::currentDateTime().addMSecs(delay.count());
    const QString notice = retryAfter
                               ? ApiError::tr("GitLab asked to wait %1; retrying at %2.")
                                     .arg(duration(*retryAfter), clockTime(at))
                               : ApiError::tr("Retrying in %1 (at %2).")
                                     .arg(duration((delay.count() + 999) / 1000), clockTime(at));
    return {true, delay, error, notice};
}

} // namespace Stevedore
