// Who is calling: credential resolution in GitLab's order (gitlab-api.md §2.2, §2.3, §2.7).
#pragma once

#include "Store.h"

#include <QJsonObject>

#include <httplib.h>

namespace sim {

struct Principal
{
    enum class Kind { Anonymous, User, Deploy, Job };
    Kind kind = Kind::Anonymous;
    const User *user = nullptr;   // User and Job
    const Token *token = nullptr; // every kind but Anonymous

    bool isAnonymous() const { return kind == Kind::Anonymous; }
    bool hasScopes() const { return kind == Kind::User; } // PATs and OAuth tokens
    bool isAdmin() const;
};

// Which credentials a route accepts.
struct RoutePolicy
{
    bool deployTokens = false;  // generic routes
    bool jobTokens = false;     // generic routes and the project/package APIs
    bool basicAuth = false;     // generic routes: the password as PAT or deploy token
    bool jobTokenBasic = false; // generic GET: Basic gitlab-ci-token:<job token>
};

struct AuthFailure
{
    int status = 401;
    QJsonObject body;
    QString wwwAuthenticate; // empty: none, or the Basic realm added by generic routes
};

struct AuthResult
{
    Principal principal;
    std::optional<AuthFailure> failure;
};

AuthResult authenticate(const Store &store, const httplib::Request &request,
                        const RoutePolicy &policy);

// PAT/OAuth scope check: nullopt when the scopes allow the request.
std::optional<AuthFailure> checkScopes(const Principal &principal, const std::string &method,
                                       const QStringList &acceptedForReads);

AuthFailure unauthorized();

} // namespace sim
