#pragma once

#include "core/Result.h"

#include <QString>

namespace Stevedore {

// Where a file that the server names ("dir/sub/file.txt") is written below the folder the user
// chose: that folder joined with the name, once the name passes NameRules::localNameProblem()
// and every part of the path that already exists stays inside the folder, also through
// symbolic links. Nothing is created. The error (ApiError::Kind::Protocol) names the file and
// the rule, with control characters made visible.
Result<QString> localTargetPath(const QString &folder, const QString &relativeName);

// Whether `canonicalPath` is `canonicalFolder` or below it (both canonical, as
// QFileInfo::canonicalFilePath() gives them).
bool isInsideFolder(const QString &canonicalPath, const QString &canonicalFolder);

// The name of the partial file a download writes before it is verified: "<target>.part".
QString partPathOf(const QString &targetPath);

} // namespace Stevedore
