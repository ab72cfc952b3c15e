#pragma once

#include "core/ApiError.h"

#include <chrono>

namespace Stevedore {

// How transient failures (network trouble, timeouts, 5xx and 429: ApiError::isTransient()) are
// retried: by the transfer queues, the command line's downloads and GitLabApi's read-only
// calls. Never 4xx.
struct RetryPolicy
{
    int maxAttempts = 5;
    std::chrono::milliseconds firstDelay{1000};
    std::chrono::milliseconds maxDelay{60000};
    // The longest Retry-After that is honoured; a server asking for more fails at once.
    std::chrono::seconds maxServerWait{300};

    // The wait after failed attempt number `attempts` (1 for the first): the server's
    // Retry-After when it sent one, else firstDelay · 2^(attempts − 1) capped at maxDelay,
    // with −10 %…+10 % jitter so that clients do not retry in lockstep.
    std::chrono::milliseconds delayAfter(int attempts, const ApiError &error) const;

    struct Decision
    {
        bool retry = false;
        std::chrono::milliseconds delay{0};
        ApiError error; // what to report: the failure, or why the server's wait is refused
        QString notice; // with retry: "GitLab asked to wait 3 min; retrying at 14:05."
    };
    // Whether to try again after failed attempt number `attempts`, and when.
    Decision after(int attempts, const ApiError &error) const;
};

} // namespace Stevedore
