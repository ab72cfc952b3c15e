// What a principal may do in a project (gitlab-api.md §2.5, §2.6, §3.9).
#pragma once

#include "Auth.h"

namespace sim {

class Access final
{
public:
    Access(const Principal &principal, const Project &project);

    AccessLevel level() const { return m_level; }
    // A CI job token whose project this project's job token allowlist does not admit: it may
    // only read a package registry that is open to everyone.
    bool outsideJobTokenAllowlist() const { return m_outsideAllowlist; }
    bool canSeeProject() const;
    // The project is visible for package routes: visible, or its registry is open to everyone.
    bool canSeePackagesOf() const { return canSeeProject() || canReadPackages(); }
    bool canReadPackages() const;
    bool canCreatePackages() const;
    bool canDestroyPackages() const;
    // Protection rules: may this principal push (or delete) a package with this name?
    bool passesPushProtection(const QString &packageName) const;
    bool passesDeleteProtection(const QString &packageName) const;

private:
    bool deployTokenOwnsProject() const;
    bool deployScope(const char *scope) const;
    bool passes(const QString &packageName, bool push) const;

    const Principal &m_principal;
    const Project &m_project;
    bool m_outsideAllowlist = false;
    AccessLevel m_level = AccessLevel::None;
};

} // namespace sim
