#include "account/AccountValidator.h"

#include "api/GitLabApi.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcValidate, "stevedore.account.validate", QtWarningMsg)

namespace Stevedore {

namespace {

bool usesTokenInfo(CredentialKind kind)
{
    return kind == CredentialKind::PersonalAccessToken || kind == CredentialKind::BasicAuth;
}

// The body of a 404 for a missing package, version or file in a project the caller can see
// (ActiveRecord::RecordNotFound); a missing or invisible project is "404 Not Found".
const QLatin1String kPackageNotFound("404 Not found");

// A generic package URL that is never published: stevedore-probe 0.0.0, probe.txt.
QByteArray probePath(const QString &project)
{
    return "projects/" + UrlSegments::project(project)
           + "/packages/generic/stevedore-probe/0.0.0/probe.txt";
}

} // namespace

AccountValidator::AccountValidator(Account account, QString secret, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_hasSecret(!secret.isEmpty())
    , m_client(m_account, std::move(secret), this)
    , m_today(QDate::currentDate())
{
    // Someone is waiting on the answer, and a mistyped address or port is far likelier than a
    // server that is briefly away: one more attempt after about a second, not the 15 s of
    // retries a command or a transfer allows.
    RetryPolicy policy = m_client.retryPolicy();
    policy.maxAttempts = 2;
    m_client.setRetryPolicy(policy);
}

AccountValidator::~AccountValidator() = default;

void AccountValidator::validate(const Account &account, const QString &secret,
                                const QString &project, QObject *context,
                                std::function<void(const ValidationReport &)> done)
{
    auto *validator = new AccountValidator(account, secret);
    validator->setProject(project);
    const QPointer<QObject> target = context;
    connect(validator, &AccountValidator::finished, validator,
            [validator, target, done = std::move(done)] {
                validator->deleteLater();
                if (target)
                    done(validator->report());
            });
    if (context)
        connect(context, &QObject::destroyed, validator, &QObject::deleteLater);
    validator->start();
}

QStringList AccountValidator::tokenWarnings(const TokenInfo &token, QDate today)
{
    QStringList warnings;
    const bool api = token.scopes.contains(QLatin1String("api"));
    const bool readApi = token.scopes.contains(QLatin1String("read_api"));
    if (!api && readApi) {
        warnings << tr("This token has read_api only: browsing and downloading work, publishing "
                       "and deleting need the api scope.");
    }
    if (token.expiresAt && today.isValid()) {
        const qint64 days = today.daysTo(*token.expiresAt);
        const QString date = token.expiresAt->toString(Qt::ISODate);
        if (days == 0)
            warnings << tr("This token expires on %1 (today).").arg(date);
        else if (days == 1)
            warnings << tr("This token expires on %1 (in 1 day).").arg(date);
        else if (days > 1 && days <= kExpiryWarningDays)
            warnings << tr("This token expires on %1 (in %2 days).").arg(date).arg(days);
    }
    return warnings;
}

ApiError AccountValidator::tokenError(const TokenInfo &token, QDate today)
{
    // GitLab's tokens work through their expiry date and stop the day after.
    if (token.expiresAt && today.isValid() && *token.expiresAt < today) {
        return ApiError(ApiError::Kind::Auth,
                        tr("The token expired on %1. Create a new token in GitLab and update the "
                           "account.")
                            .arg(token.expiresAt->toString(Qt::ISODate)));
    }
    if (!token.active) {
        return ApiError(ApiError::Kind::Auth,
                        tr("The token is no longer active (it was revoked or has expired). Create "
                           "a new token in GitLab and update the account."));
    }
    const bool api = token.scopes.contains(QLatin1String("api"));
    const bool readApi = token.scopes.contains(QLatin1String("read_api"));
    if (!token.scopes.isEmpty() && !api && !readApi) {
        return ApiError(ApiError::Kind::Scope,
                        tr("This token has neither the api nor the read_api scope (it has %1), so "
                           "it can neither browse nor publish packages. Create a token with the "
                           "api scope (or read_api to only browse and download).")
                            .arg(token.scopes.join(QStringLiteral(", "))));
    }
    return {};
}

void AccountValidator::start()
{
    if (m_started)
        return;
    m_started = true;

    if (normalizedBaseUrl(m_account.baseUrl).isEmpty()) {
        fail(ApiError(ApiError::Kind::Configuration,
                      tr("The account's address \"%1\" is not an http or https URL. Enter your "
                         "GitLab's address, for example https://gitlab.example.com.")
                          .arg(m_account.baseUrl.toString())));
        return;
    }
    if (!m_hasSecret) {
        fail(ApiError(ApiError::Kind::Auth,
                      tr("The account has no token. Enter the token (%1) and try again.")
                          .arg(credentialKindDisplayName(m_account.kind))));
        return;
    }

    switch (m_account.kind) {
    case CredentialKind::PersonalAccessToken:
    case CredentialKind::BasicAuth:
    case CredentialKind::OAuthToken:
        checkIdentity();
        return;
    case CredentialKind::DeployToken:
    case CredentialKind::JobToken: {
        const QString project =
            (m_project.isEmpty() ? m_account.defaultProject : m_project).trimmed();
        if (project.isEmpty()) {
            fail(ApiError(
                ApiError::Kind::Validation,
                m_account.kind == CredentialKind::DeployToken
                    ? tr("A deploy token can only be checked against a project: GitLab accepts "
                         "it on package URLs, not on its user API. Give the project the token "
                         "belongs to (group/project or its numeric id) and try again.")
                    : tr("A CI job token can only be checked against a project: GitLab accepts "
                         "it on package URLs, not on its user API. Give the job's project "
                         "(CI_PROJECT_ID, group/project or its numeric id) and try again.")));
            return;
        }
        checkProject(project);
        return;
    }
    }
}

void AccountValidator::checkIdentity()
{
    GitLabApi(m_client).currentUser(this, [this](Result<CurrentUser> user) {
        if (!user.ok())
            return fail(user.error());
        m_report.user = user.value();
        if (!usesTokenInfo(m_account.kind))
            return finish();
        checkTokenInfo();
    });
}

void AccountValidator::checkTokenInfo()
{
    GitLabApi(m_client).tokenInfo(this, [this](Result<TokenInfo> token) {
        if (!token.ok()) {
            if (token.error().kind() == ApiError::Kind::Auth)
                return fail(token.error());
            // The identity is known and the token works; only the details are missing.
            m_report.warnings << tr("The token's scopes and expiry date could not be checked: %1")
                                     .arg(token.error().message());
            return finish();
        }
        m_report.token = token.value();
        const ApiError error = tokenError(token.value(), m_today);
        if (error.isError())
            return fail(error);
        m_report.warnings << tokenWarnings(token.value(), m_today);
        finish();
    });
}

// Deploy and job tokens are checked with a GET of a generic package file that does not exist.
// The answer tells the cases apart (shared/gitlab-api.md §2.3, §2.6, §9):
//
// - 404 {"message":"404 Not found"} (lower-case f): the token was accepted, the project is
//   visible to it and the package is missing (RecordNotFound) → the token works;
// - 404 {"message":"404 Not Found"}: the project does not exist or the token cannot see it;
// - 401: the token was rejected. An unknown job token is always 401; an unknown deploy token
//   is ignored, so the caller is anonymous and a private project answers 401;
// - 403: the project is visible but the caller may not read its packages: a deploy token of
//   another project, a job token outside the allowlist (or, for a deploy token, an ignored one
//   on a public project whose package registry is for members only). Reported as working,
//   with a warning.
//
// A HEAD would be cheaper but its 404 has no body, so the two 404s could not be told apart.
// (Should the file exist after all, a 2xx also means the token works; its body is not read.)
void AccountValidator::checkProject(const QString &project)
{
    ApiCall::Options options;
    options.method = ApiCall::Method::Get;
    options.url = m_client.apiUrl(probePath(project));
    options.bufferBody = false; // a 2xx body is streamed (and ignored), error bodies are kept
    ApiCall *call = m_client.call(options);
    call->setParent(this); // gone with the validator if it is destroyed first
    auto succeeded = std::make_shared<bool>(false);
    connect(call, &ApiCall::responseStarted, this, [call, succeeded] {
        if (call->status() >= 200 && call->status() < 300) {
            *succeeded = true;
            // Not from inside the call's own signal: abort() finishes the call at once.
            QMetaObject::invokeMethod(call, &ApiCall::abort, Qt::QueuedConnection);
        }
    });
    connect(call, &ApiCall::finished, this, [this, call, project, succeeded] {
        call->deleteLater();
        const ApiError error = call->error();
        const bool works =
            *succeeded || !error.isError()
            || (error.httpStatus() == 404 && error.serverMessage() == kPackageNotFound);
        qCDebug(lcValidate) << "probe of" << project << "answered" << error.httpStatus()
                            << error.serverMessage();
        if (works) {
            if (m_account.kind == CredentialKind::DeployToken)
                return checkPublicProject(project);
            return finish();
        }
        const bool deploy = m_account.kind == CredentialKind::DeployToken;
        if (error.httpStatus() == 403) {
            // The project is visible and GitLab refused to let the caller read its packages. A
            // job token is never ignored, so it was accepted; a deploy token may have been
            // ignored as unknown (the caller is then anonymous), which checkPublicProject()
            // points out.
            if (deploy) {
                m_report.warnings << tr("GitLab does not let this deploy token read packages in "
                                        "%1 (HTTP 403: %2). A deploy token works only in the "
                                        "project or group it was created in.")
                                         .arg(project, error.serverMessage());
                return checkPublicProject(project);
            }
            m_report.warnings << tr("The CI job token is valid, but it may not read packages in "
                                    "%1 (HTTP 403: %2). That project's job token allowlist must "
                                    "include the job's project.")
                                     .arg(project, error.serverMessage());
            return finish();
        }
        if (error.kind() == ApiError::Kind::NotFound) {
            return fail(ApiError(
                ApiError::Kind::NotFound,
                deploy ? tr("The project %1 does not exist, or this deploy token cannot see it. A "
                            "deploy token works only in the project or group it was created in: "
                            "check the project path or id.")
                             .arg(project)
                       : tr("The project %1 does not exist, or this CI job token cannot see it. A "
                            "job token works in its job's project and in projects that allow it: "
                            "check the project path or id.")
                             .arg(project),
                error.httpStatus(), error.serverMessage()));
        }
        if (error.kind() == ApiError::Kind::Auth) {
            return fail(ApiError(
                ApiError::Kind::Auth,
                deploy ? tr("GitLab did not accept the deploy token for project %1 (HTTP 401). "
                            "Check that the token is typed correctly, has not expired or been "
                            "revoked, and belongs to this project or its group.")
                             .arg(project)
                       : tr("GitLab did not accept the CI job token (HTTP 401). A job token works "
                            "only while its job is running: use the CI_JOB_TOKEN of the current "
                            "job."),
                error.httpStatus(), error.serverMessage()));
        }
        fail(error);
    });
}

// GitLab ignores an unknown deploy token: the caller is then anonymous, which a public project
// lets read packages. So on a public project the probe cannot tell a good deploy token from a
// wrong one. The project API does not take deploy tokens either, so whoever reads the project
// there is anonymous: a 200 means the project is public.
void AccountValidator::checkPublicProject(const QString &project)
{
    GitLabApi(m_client).project(project, this, [this, project](Result<Project> result) {
        if (result.ok()) {
            m_report.warnings << tr("The project %1 is public, so this check cannot tell whether "
                                    "GitLab accepted the deploy token: GitLab ignores an unknown "
                                    "deploy token and treats the caller as anonymous. A wrong "
                                    "token will only show when publishing.")
                                     .arg(project);
        }
        finish();
    });
}

void AccountValidator::fail(const ApiError &error)
{
    m_report.error = error;
    finish();
}

void AccountValidator::finish()
{
    if (m_finishScheduled)
        return;
    m_finishScheduled = true;
    // Always through the event loop, so that finished() never fires inside start().
    QTimer::singleShot(0, this, [this] {
        m_finished = true;
        qCDebug(lcValidate) << m_account.name << "validated:"
                            << (m_report.ok() ? QStringLiteral("ok") : m_report.error.message());
        Q_EMIT finished();
    });
}

} // namespace Stevedore
