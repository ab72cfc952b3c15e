#pragma once

#include "api/ApiError.h"

#include <QRandomGenerator>

#include <algorithm>
#include <chrono>

namespace Stevedore {

// How the transfer queues (UploadQueue, DownloadQueue) retry transient failures: network
// trouble, timeouts, 5xx and 429 (ApiError::isTransient()); never 4xx.
struct RetryPolicy
{
    int maxAttempts = 5;
    std::chrono::milliseconds firstDelay{1000};
    std::chrono::milliseconds maxDelay{60000};

    // The wait after failed attempt number `attempts` (1 for the first): the server's
    // Retry-After when it sent one, else firstDelay · 2^(attempts − 1) capped at maxDelay,
    // with −10 %…+10 % jitter so that clients do not retry in lockstep.
    std::chrono::milliseconds delayAfter(int attempts, const ApiError &error) const
    {
        if (const auto retryAfter = error.retryAfterSeconds())
            return std::chrono::seconds(*retryAfter);
        const qint64 exponential = firstDelay.count() << std::clamp(attempts - 1, 0, 16);
        const qint64 capped = std::min<qint64>(exponential, maxDelay.count());
        const qint64 jitter = QRandomGenerator::global()->bounded(qint64(capped / 5 + 1));
        return std::chrono::milliseconds(capped - capped / 10 + jitter);
    }
};

} // namespace Stevedore
