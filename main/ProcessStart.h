#pragma once

#include <QString>
#include <QStringList>

#include <cstdio>

namespace Stevedore {

// What both executables do before anything else: read the arguments as Qt does and name the
// application (settings, keychain entries and paths depend on it) and make its settings file
// private.
QStringList argumentsOf(int argc, char *argv[]);
void setApplicationIdentity();
void writeTo(std::FILE *stream, const QString &text);

} // namespace Stevedore
