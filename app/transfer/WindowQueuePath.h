#pragma once

#include <QString>

namespace Stevedore {

// Where the window journals its transfer queue: $XDG_DATA_HOME/stevedore/transfer-queue.jsonl.
// Earlier versions kept it in the folder Qt derives from the organisation and application names
// ($XDG_DATA_HOME/Stevedore/Stevedore/); a queue found there is moved here once, so a restored
// queue is not lost. A queue already here is never replaced.
QString windowQueuePath();

// Where the window's copies keep each file on its way from one version to another: the
// folder copy-spool beside the queue's journal `queueFile` (created private when needed, by
// the caller).
QString copySpoolFolder(const QString &queueFile);

} // namespace Stevedore
