#include "Access.h"

#include <QRegularExpression>

namespace sim {

Access::Access(const Principal &principal, const Project &project)
    : m_principal(principal)
    , m_project(project)
    , m_outsideAllowlist(principal.kind == Principal::Kind::Job
                         && !project.admitsJobTokensOf(principal.token->project))
{
    if (principal.user && !m_outsideAllowlist)
        m_level = project.members.value(principal.user->username, AccessLevel::None);
    if (principal.isAdmin())
        m_level = AccessLevel::Owner;
}

bool Access::deployTokenOwnsProject() const
{
    if (m_principal.kind != Principal::Kind::Deploy)
        return false;
    const Token &token = *m_principal.token;
    if (!token.project.isEmpty())
        return token.project.compare(m_project.fullPath, Qt::CaseInsensitive) == 0;
    return !token.group.isEmpty()
           && m_project.fullPath.startsWith(token.group + QLatin1Char('/'), Qt::CaseInsensitive);
}

bool Access::deployScope(const char *scope) const
{
    return deployTokenOwnsProject() && m_principal.token->scopes.contains(QLatin1String(scope));
}

bool Access::canSeeProject() const
{
    // app/policies/project_policy.rb: outside the allowlist a job token has not even the
    // public access.
    if (m_outsideAllowlist)
        return false;
    switch (m_project.visibility) {
    case Visibility::Public:
        return true;
    case Visibility::Internal:
        if (m_principal.user)
            return true;
        break;
    case Visibility::Private:
        break;
    }
    return m_level >= AccessLevel::Guest || deployTokenOwnsProject();
}

bool Access::canReadPackages() const
{
    if (m_project.registryAccess == RegistryAccess::Public)
        return true;
    if (m_principal.kind == Principal::Kind::Deploy)
        return deployScope("read_package_registry") || deployScope("write_package_registry");
    if (m_level >= AccessLevel::Guest)
        return true;
    return m_project.registryAccess == RegistryAccess::Enabled && canSeeProject();
}

bool Access::canCreatePackages() const
{
    if (m_principal.kind == Principal::Kind::Deploy)
        return deployScope("write_package_registry");
    return m_level >= AccessLevel::Developer;
}

bool Access::canDestroyPackages() const
{
    if (m_principal.kind == Principal::Kind::Deploy)
        return deployScope("write_package_registry");
    return m_level >= AccessLevel::Maintainer;
}

bool Access::passesPushProtection(const QString &packageName) const
{
    return passes(packageName, true);
}

bool Access::passesDeleteProtection(const QString &packageName) const
{
    return passes(packageName, false);
}

bool Access::passes(const QString &packageName, bool push) const
{
    for (const ProtectionRule &rule : m_project.protectionRules) {
        const QString pattern = QRegularExpression::escape(rule.packageNamePattern)
                                    .replace(QLatin1String("\\*"), QLatin1String(".*"));
        const QRegularExpression expression(QLatin1String("\\A") + pattern + QLatin1String("\\z"),
                                            QRegularExpression::CaseInsensitiveOption);
        if (!expression.match(packageName).hasMatch())
            continue;
        const std::optional<AccessLevel> minimum =
            push ? std::optional(rule.minimumForPush) : rule.minimumForDelete;
        if (!minimum)
            continue;
        if (m_principal.kind == Principal::Kind::Deploy)
            return false;
        const AccessLevel effective = m_principal.isAdmin() ? AccessLevel::Admin : m_level;
        if (effective < *minimum)
            return false;
    }
    return true;
}

} // namespace sim
