#pragma once

#include "core/ApiError.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace Stevedore {

// `publish … -`: standard input copied, 1 MiB at a time, into a file that has no name, so that
// it can be uploaded like any file (with a length, re-read by a retry) while memory stays flat.
// The file is created 0600 in the temporary folder ($TMPDIR, else /tmp) with O_TMPFILE (or
// created and unlinked at once where the file system lacks it): it is gone whenever the
// process ends, also when it is killed. path() names it through /proc/self/fd for as long as
// the spool lives.
class StdinSpool final
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::StdinSpool)

public:
    StdinSpool() = default;
    ~StdinSpool();
    StdinSpool(const StdinSpool &) = delete;
    StdinSpool &operator=(const StdinSpool &) = delete;

    // Reads `input` to its end into the spool; `progress` hears the bytes read so far, now and
    // then. An error says what failed (reading, or a full temporary folder).
    ApiError fill(int input, const std::function<void(qint64)> &progress = {});

    QString path() const;
    qint64 size() const { return m_size; }
    QString sha256() const { return m_sha256; } // of what was read, once fill() succeeded

private:
    ApiError create();

    int m_fd = -1;
    qint64 m_size = 0;
    QString m_sha256;
};

} // namespace Stevedore
