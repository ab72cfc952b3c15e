#pragma once

#include "core/ApiError.h"

namespace Stevedore::ExitCode {

// The command line's exit codes (README, man page).
constexpr int Success = 0;
constexpr int Failure = 1;  // a valid request that could not be done
constexpr int Usage = 2;    // a malformed command line; nothing was sent
constexpr int Auth = 3;     // authentication or permission
constexpr int NotFound = 4; // project, package, version or file
// `download … -o -` whose reader closed the pipe early (| head): what a shell reports for a
// program ended by SIGPIPE, without the signal.
constexpr int ClosedOutput = 128 + 13;

// The exit code for a command that ended with `error`.
inline int of(const ApiError &error)
{
    switch (error.kind()) {
    case ApiError::Kind::None:
        return Success;
    case ApiError::Kind::Auth:
    case ApiError::Kind::Scope:
    case ApiError::Kind::Role:
        return Auth;
    case ApiError::Kind::NotFound:
        return NotFound;
    default:
        return Failure;
    }
}

} // namespace Stevedore::ExitCode
