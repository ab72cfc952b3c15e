#pragma once

#include <QByteArray>
#include <QString>

namespace Stevedore {

// Where a file lives in the registry: project, package name, version and the file's
// relative name ("dir/file.txt" for path uploads).
struct PackageTarget
{
    QString project; // id or full path
    QString packageName;
    QString version;
    QString fileName; // relative, '/'-separated

    // projects/<id>/packages/generic/<name>/<version>/<dir>/…/<file>, each segment encoded alone.
    QByteArray encodedPath() const;
    // The name the package-files API reports for this file (dir%2Ffile.txt for path uploads).
    QString storedName() const;
    QString describe() const;    // "demo/hello › hello-cli 1.2.0 › file.tar.gz"
    QString versionText() const; // "demo/hello hello-cli 1.2.0": the version, without a file

    bool operator==(const PackageTarget &other) const = default;
};

} // namespace Stevedore
