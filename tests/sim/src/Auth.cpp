#include "Auth.h"

#include "Http.h"

namespace sim {

namespace {

struct BasicCredentials
{
    QString username;
    QString password;
};

std::optional<BasicCredentials> basicCredentials(const httplib::Request &request)
{
    const QByteArray authorization = header(request, "Authorization");
    if (!authorization.startsWith("Basic "))
        return std::nullopt;
    const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
    const qsizetype colon = decoded.indexOf(':');
    if (colon < 0)
        return std::nullopt;
    return BasicCredentials{QString::fromUtf8(decoded.left(colon)),
                            QString::fromUtf8(decoded.mid(colon + 1))};
}

std::optional<QString> bearerToken(const httplib::Request &request)
{
    const QByteArray authorization = header(request, "Authorization");
    if (!authorization.startsWith("Bearer "))
        return std::nullopt;
    return QString::fromUtf8(authorization.mid(7).trimmed());
}

std::optional<QString> headerOrParam(const httplib::Request &request, const char *headerName,
                                     const char *paramName)
{
    if (request.has_header(headerName))
        return QString::fromUtf8(header(request, headerName));
    return param(request, paramName);
}

bool isExpired(const Token &token)
{
    return token.expiresAt && *token.expiresAt <= QDate::currentDate();
}

AuthFailure invalidToken(const QString &description)
{
    return {401,
            QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_token")},
                        {QStringLiteral("error_description"), description}},
            QStringLiteral(
                "Bearer realm=\"The API\", error=\"invalid_token\", error_description=\"%1\"")
                .arg(description)};
}

AuthResult fail(AuthFailure failure)
{
    return {Principal{}, std::move(failure)};
}

// A PAT or OAuth token that was presented: it must exist and be usable.
AuthResult userTokenResult(const Store &store, const Token &token)
{
    if (token.revoked)
        return fail(invalidToken(
            QStringLiteral("Token was revoked. You have to re-authorize from the user.")));
    if (isExpired(token))
        return fail(invalidToken(QStringLiteral(
            "Token is expired. You can either do re-authorization or token refresh.")));
    const User *user = store.userByName(token.username);
    if (!user)
        return fail(unauthorized());
    if (user->state != QLatin1String("active")) {
        return fail(
            {403, QJsonObject{{QStringLiteral("message"), QStringLiteral("403 Forbidden")}}, {}});
    }
    return {Principal{Principal::Kind::User, user, &token}, std::nullopt};
}

AuthResult jobTokenResult(const Store &store, const QString &secret)
{
    const Token *token = store.tokenBySecret(secret);
    if (!token || token->kind != TokenKind::Job || !token->running)
        return fail(unauthorized());
    const User *user = store.userByName(token->username);
    if (!user)
        return fail(unauthorized());
    return {Principal{Principal::Kind::Job, user, token}, std::nullopt};
}

bool isActiveDeployToken(const Token *token)
{
    return token && token->kind == TokenKind::Deploy && !token->revoked && !isExpired(*token);
}

} // namespace

bool Principal::isAdmin() const
{
    return kind == Kind::User && user && user->admin && token && token->adminMode;
}

AuthFailure unauthorized()
{
    return {401, QJsonObject{{QStringLiteral("message"), QStringLiteral("401 Unauthorized")}}, {}};
}

AuthResult authenticate(const Store &store, const httplib::Request &request,
                        const RoutePolicy &policy)
{
    const auto basic = policy.basicAuth ? basicCredentials(request) : std::nullopt;
    const auto bearer = bearerToken(request);

    // 1. Deploy token: the Basic password, else Deploy-Token, else Bearer.
    if (policy.deployTokens) {
        std::optional<QString> candidate;
        if (basic)
            candidate = basic->password;
        else if (request.has_header("Deploy-Token"))
            candidate = QString::fromUtf8(header(request, "Deploy-Token"));
        else
            candidate = bearer;
        if (candidate) {
            const Token *token = store.tokenBySecret(*candidate);
            if (isActiveDeployToken(token))
                return {Principal{Principal::Kind::Deploy, nullptr, token}, std::nullopt};
        }
    }

    // 2. Bearer (job token where allowed, OAuth, PAT), PRIVATE-TOKEN, the Basic password as PAT.
    if (bearer) {
        const Token *token = store.tokenBySecret(*bearer);
        if (token && token->kind == TokenKind::Job && policy.jobTokens)
            return jobTokenResult(store, *bearer);
        if (token && (token->kind == TokenKind::OAuth || token->kind == TokenKind::Personal))
            return userTokenResult(store, *token);
        return fail(unauthorized());
    }
    if (const auto accessToken = param(request, "access_token")) {
        const Token *token = store.tokenBySecret(*accessToken);
        if (token && (token->kind == TokenKind::OAuth || token->kind == TokenKind::Personal))
            return userTokenResult(store, *token);
        return fail(unauthorized());
    }
    if (const auto privateToken = headerOrParam(request, "PRIVATE-TOKEN", "private_token")) {
        const Token *token = store.tokenBySecret(*privateToken);
        if (token && token->kind == TokenKind::Personal)
            return userTokenResult(store, *token);
        return fail(unauthorized());
    }
    if (basic) {
        const Token *token = store.tokenBySecret(basic->password);
        if (token && token->kind == TokenKind::Personal)
            return userTokenResult(store, *token);
        // An unmatched Basic password is ignored.
    }

    // 3. Job token: Basic gitlab-ci-token:<token> where allowed, then JOB-TOKEN / job_token.
    if (policy.jobTokens) {
        if (basic && policy.jobTokenBasic && basic->username == QLatin1String("gitlab-ci-token"))
            return jobTokenResult(store, basic->password);
        if (const auto jobToken = headerOrParam(request, "JOB-TOKEN", "job_token"))
            return jobTokenResult(store, *jobToken);
    }
    return {};
}

std::optional<AuthFailure> checkScopes(const Principal &principal, const std::string &method,
                                       const QStringList &acceptedForReads)
{
    if (!principal.hasScopes())
        return std::nullopt;
    const QStringList &scopes = principal.token->scopes;
    const bool isRead = method == "GET" || method == "HEAD";
    const bool allowed =
        scopes.contains(QLatin1String("api"))
        || (isRead
            && std::any_of(acceptedForReads.begin(), acceptedForReads.end(),
                           [&](const QString &scope) { return scopes.contains(scope); }));
    if (allowed)
        return std::nullopt;
    return AuthFailure{
        403,
        QJsonObject{
            {QStringLiteral("error"), QStringLiteral("insufficient_scope")},
            {QStringLiteral("error_description"),
             QStringLiteral(
                 "The request requires higher privileges than provided by the access token.")},
            {QStringLiteral("scope"), QStringLiteral("api read_api")}},
        QStringLiteral("Bearer realm=\"The API\", error=\"insufficient_scope\"")};
}

} // namespace sim
