#include "Model.h"

#include <algorithm>
#include <array>
#include <utility>

namespace sim {

namespace {
constexpr std::array<std::pair<const char *, AccessLevel>, 7> kLevelNames{{
    {"guest", AccessLevel::Guest},
    {"planner", AccessLevel::Planner},
    {"reporter", AccessLevel::Reporter},
    {"developer", AccessLevel::Developer},
    {"maintainer", AccessLevel::Maintainer},
    {"owner", AccessLevel::Owner},
    {"admin", AccessLevel::Admin},
}};
} // namespace

std::optional<AccessLevel> accessLevelFromName(const QString &name)
{
    for (const auto &[levelName, level] : kLevelNames) {
        if (name.compare(QLatin1String(levelName), Qt::CaseInsensitive) == 0)
            return level;
    }
    return std::nullopt;
}

QString accessLevelName(AccessLevel level)
{
    for (const auto &[levelName, candidate] : kLevelNames) {
        if (candidate == level)
            return QLatin1String(levelName);
    }
    return {};
}

bool Project::admitsJobTokensOf(const QString &sourcePath) const
{
    if (sourcePath.compare(fullPath, Qt::CaseInsensitive) == 0)
        return true;
    return std::any_of(
        jobTokenAllowlist.begin(), jobTokenAllowlist.end(), [&](const QString &admitted) {
            return sourcePath.compare(admitted, Qt::CaseInsensitive) == 0
                   || sourcePath.startsWith(admitted + QLatin1Char('/'), Qt::CaseInsensitive);
        });
}

} // namespace sim
