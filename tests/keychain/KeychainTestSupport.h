#pragma once

// Helpers shared by the keychain tests: waiting for a SecretStore callback, and looking for a
// secret in plain text under a folder.

#include "account/SecretStore.h"

#include <QDirIterator>
#include <QFile>
#include <QStringList>
#include <QTest>

#include <optional>

namespace Stevedore::KeychainTest {

// Runs one store operation and waits for its callback. The callback must not have run by the
// time the operation returns: every SecretStore answers through the event loop. A callback
// that runs inside the call, or never, gives a Protocol or Timeout error.
template<typename T, typename Operation> Result<T> await(Operation operation, int timeoutMs = 20000)
{
    std::optional<Result<T>> result;
    QObject context;
    bool returned = false;
    bool calledInside = false;
    operation(&context, [&](Result<T> value) {
        calledInside = !returned;
        result = std::move(value);
    });
    returned = true;
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        return ApiError(ApiError::Kind::Timeout, QStringLiteral("no callback within the timeout"));
    if (calledInside)
        return ApiError(ApiError::Kind::Protocol,
                        QStringLiteral("the callback ran inside the call"));
    return *result;
}

// The files under `root` (recursively, hidden ones too; no sockets or fifos) whose bytes contain
// `secret` in UTF-8 or UTF-16, except those below the folders named in `skip`.
inline QStringList filesContaining(const QString &root, const QString &secret,
                                   const QStringList &skip = {})
{
    const QByteArray utf8 = secret.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()),
                           secret.size() * qsizetype(sizeof(char16_t)));
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        bool skipped = false;
        for (const QString &folder : skip)
            skipped = skipped || path.startsWith(folder + QLatin1Char('/'));
        if (skipped)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue; // sockets, fifos
        const QByteArray bytes = file.readAll();
        if (bytes.contains(utf8) || bytes.contains(utf16))
            found << path;
    }
    return found;
}

} // namespace Stevedore::KeychainTest
