#pragma once

#include <QString>

namespace Stevedore {

// Settings, queues and journals name accounts, hosts and local paths: only their owner may read
// them. Files are 0600 inside folders of mode 0700, whatever the umask.

// Creates `folder` (and missing parents) and makes the folder itself 0700. False when it cannot.
bool makePrivateFolder(const QString &folder);

// Makes the file's folder private, then the file 0600, creating it empty when missing, so that
// whoever writes it next (QSettings, QSaveFile) keeps that mode. False when it cannot.
bool makePrivateFile(const QString &filePath);

} // namespace Stevedore
