#pragma once

#include <QString>

/// The names and credentials of `gitlab-sim --demo`, for tests that run against it.
///
/// They mirror the demo table of tests/sim/README.md ("The demo data set"), which
/// tests/sim/demo.json implements: change the three together. A test that deliberately sends
/// a wrong token or names a missing project spells that one out instead.
///
/// ```
/// using namespace stevedore::test::demo;
/// Session session(sim->baseUrl(), CredentialKind::PersonalAccessToken, kPat);
/// packages(*session.api, kProject, kHelloCli);
/// ```
namespace stevedore::test::demo {

// Credentials.

/// PAT, scope `api`, expires in 300 days; user `demo`, Maintainer of every demo project.
inline const QString kPat = QStringLiteral("glpat-demo-api");
/// PAT, scope `read_api`; user `demo`. Uploads get `403 insufficient_scope`.
inline const QString kReadApiPat = QStringLiteral("glpat-demo-read");
/// PAT, scope `api`, expires in 5 days (the expiry warning); user `demo`.
inline const QString kExpiringPat = QStringLiteral("glpat-demo-expiring");
/// PAT that expired yesterday: `401 invalid_token`.
inline const QString kExpiredPat = QStringLiteral("glpat-demo-expired");
/// OAuth token (Bearer), scope `api`; user `demo`. No `/personal_access_tokens/self`.
inline const QString kOAuth = QStringLiteral("oauth-demo");
/// PAT, scope `api`; user `guest`, Guest of `demo/hello` only: downloads, no uploads.
inline const QString kGuestPat = QStringLiteral("glpat-guest");
/// Deploy token of `demo/hello`, `read_package_registry`.
inline const QString kDeployRo = QStringLiteral("gldt-demo-ro");
/// Deploy token of `demo/hello`, `read_package_registry` + `write_package_registry`.
inline const QString kDeployRw = QStringLiteral("gldt-demo-rw");
/// CI job token of a running job (pipeline 1204); user `demo` in `demo/hello`.
inline const QString kJobToken = QStringLiteral("glcbt-demo-job");

/// The user of every demo credential but the guest PAT.
inline const QString kUser = QStringLiteral("demo");
/// The user of kGuestPat.
inline const QString kGuestUser = QStringLiteral("guest");

// Projects.

/// Id 1, private: the demo packages, and the project of the deploy and job tokens.
inline const QString kProject = QStringLiteral("demo/hello");
inline const QString kProjectId = QStringLiteral("1");
/// Id 2, public: `toolbox`.
inline const QString kToolsProject = QStringLiteral("demo/tools");
/// Id 3, private, in the subgroup `demo/platform`: `agent`.
inline const QString kAgentProject = QStringLiteral("demo/platform/agent");

// Packages in demo/hello.

/// Versions 1.0.0, 1.2.0, 1.9.0 (two uploads of hello-1.9.0-linux-amd64.tar.gz), 1.10.0,
/// 2.0.0-beta.2 and 2.0.0-rc.1.
inline const QString kHelloCli = QStringLiteral("hello-cli");
/// Date-style versions 2026.11.20, 2026.11.21 and 20261122.1.
inline const QString kNightly = QStringLiteral("nightly");
/// `installer` 3.1.0 holds one 12 MiB file, big enough to be cut off mid-way.
inline const QString kInstallerPackage = QStringLiteral("installer");
inline const QString kInstallerVersion = QStringLiteral("3.1.0");
inline const QString kInstallerFile = QStringLiteral("hello-setup-3.1.0.exe");

} // namespace stevedore::test::demo
