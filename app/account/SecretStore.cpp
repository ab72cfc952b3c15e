#include "account/SecretStore.h"

namespace Stevedore {

namespace {

QString otherTemplate()
{
    return SecretStore::tr("The keychain reported an error: %1. Check that gnome-keyring or "
                           "KWallet is running and unlocked, then try again.");
}

} // namespace

ApiError SecretStore::notFoundError()
{
    return ApiError(ApiError::Kind::Local,
                    tr("No token is stored for this account. Enter the token again."));
}

ApiError SecretStore::unavailableError(const QString &detail)
{
    return ApiError(ApiError::Kind::Local,
                    tr("No keychain is available (no Secret Service is running); start "
                       "gnome-keyring or KWallet to store tokens."),
                    0, detail);
}

ApiError SecretStore::deniedError(const QString &detail)
{
    return ApiError(ApiError::Kind::Local,
                    tr("The keychain refused access: it is locked or access was denied. Unlock "
                       "it (or allow Stevedore to use it when asked), then try again."),
                    0, detail);
}

ApiError SecretStore::otherError(const QString &detail)
{
    return ApiError(ApiError::Kind::Local, otherTemplate().arg(detail), 0, detail);
}

SecretStore::Problem SecretStore::problemOf(const ApiError &error)
{
    if (!error.isError())
        return Problem::None;
    if (error.kind() != ApiError::Kind::Local)
        return Problem::Other;
    // Matched with contains(): ApiError::withContext() may have put a prefix in front.
    const QString message = error.message();
    if (message.contains(notFoundError().message()))
        return Problem::NotFound;
    if (message.contains(unavailableError().message()))
        return Problem::Unavailable;
    if (message.contains(deniedError().message()))
        return Problem::Denied;
    return Problem::Other;
}

} // namespace Stevedore
