#pragma once

#include "api/GitLabClient.h"
#include "api/Types.h"
#include "core/Account.h"
#include "core/ApiError.h"

#include <QDate>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace Stevedore {

// What checking an account against its GitLab found out.
struct ValidationReport
{
    std::optional<CurrentUser> user; // personal access, OAuth and Basic tokens
    std::optional<TokenInfo> token;  // personal access and Basic tokens
    QStringList warnings;            // translated, actionable; the account still works
    ApiError error;                  // None when the account works

    bool ok() const { return !error.isError(); }
};

// Checks that an account's secret works, before it is saved or used:
//
// - personal access tokens and Basic: GET /user (the identity), then
//   GET /personal_access_tokens/self (scopes and expiry: a read_api-only token or one that
//   expires within kExpiryWarningDays gives a warning, an expired one an Auth error). GitLab
//   accepts Basic only on the generic package routes, so for Basic accounts GitLabClient sends
//   these two calls the token as PRIVATE-TOKEN, which is what the Basic password is.
// - OAuth tokens: GET /user only (the self endpoint answers 400 for them).
// - deploy and job tokens cannot call either endpoint, so they are checked against a project
//   (setProject(), else the account's defaultProject; without one the check fails with an
//   error asking for a project) with a GET of a generic package file that does not exist.
//   See checkProject() in the .cpp for how the answer is read. A token that is accepted but
//   may not read packages there (403) passes with a warning. GitLab ignores an unknown deploy
//   token, so on a public project a wrong one cannot be told from a right one: that passes
//   with a warning saying so.
//
// A failure that may be transient (network, 5xx, 429) is retried once, after about a second.
//
// Usage: create, optionally setProject(), start(); finished() follows exactly once, never
// synchronously inside start(). Or use the static validate().
class AccountValidator final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kExpiryWarningDays = 7;

    AccountValidator(Account account, QString secret, QObject *parent = nullptr);
    ~AccountValidator() override;

    void setProject(const QString &idOrPath) { m_project = idOrPath; }
    void setToday(QDate today) { m_today = today; } // expiry is counted from here (tests)

    void start();
    bool isFinished() const { return m_finished; }
    const ValidationReport &report() const { return m_report; }

    // One-shot form: `done` runs on context's thread (context must not be null), and not at
    // all if context is destroyed first, which also stops the validation.
    static void validate(const Account &account, const QString &secret, const QString &project,
                         QObject *context, std::function<void(const ValidationReport &)> done);

    // The pure parts, for tests: the warnings a token's scopes and expiry deserve, and the
    // error when the token is unusable (expired, inactive, no api or read_api scope).
    static QStringList tokenWarnings(const TokenInfo &token, QDate today);
    static ApiError tokenError(const TokenInfo &token, QDate today);

Q_SIGNALS:
    void finished();

private:
    void checkIdentity();
    void checkTokenInfo();
    void checkProject(const QString &project);
    void checkPublicProject(const QString &project);
    void fail(const ApiError &error);
    void finish();

    Account m_account;
    bool m_hasSecret = false;
    GitLabClient m_client;
    QString m_project;
    QDate m_today;
    ValidationReport m_report;
    bool m_started = false;
    bool m_finishScheduled = false;
    bool m_finished = false;
};

} // namespace Stevedore
