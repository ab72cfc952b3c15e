#pragma once

#include "transfer/LocalSelection.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace Stevedore {

// What a publish will send: one row per file with its name in the package, checked against
// GitLab's rules, and the entries that cannot be published. The publish dialog and the
// command line both build one from what the user gave (files and folders, expanded by
// LocalSelection) and edit it (rename, fix, remove); neither validates names on its own.
//
// A plain value without a QObject: build() touches only the file system, so it may run on a
// worker thread and the result be handed to the GUI thread. The package name and version are
// not part of the plan: they are checked with NameRules where they are typed.
class PublishPlan final
{
    Q_DECLARE_TR_FUNCTIONS(Stevedore::PublishPlan)

public:
    using Unpublishable = LocalSelection::Unpublishable;

    struct Row
    {
        QString localPath;  // absolute
        QString targetName; // in the package, '/'-separated
        qint64 size = 0;    // in bytes, when the plan was built
        // The rule of NameRules::splitUploadPath the name breaks; empty when it follows them.
        QString rule;
        // An earlier row with the same (otherwise valid) name, or -1. The first row to have a
        // name keeps it; each later one is a problem until renamed.
        int duplicateOf = -1;
        // A valid name for the row, unique within the plan (also unique among the suggestions
        // of the other rows, so fixAll() gives each row its own); the name itself when valid.
        QString suggestion;

        bool isValid() const { return rule.isEmpty() && duplicateOf < 0; }
        // The sentence to show: the broken rule, or which row has the name already. Empty when
        // the row is valid.
        QString problem() const;
    };

    PublishPlan() = default;

    // Expands the paths (folders recursively, keeping their own name: `site` gives
    // `site/index.html`) and validates every name. Callable from any thread. When *stop becomes
    // true meanwhile, it returns soon with an incomplete plan that is meant to be dropped.
    [[nodiscard]] static PublishPlan build(const QStringList &paths, bool followSymlinks = false,
                                           const std::atomic_bool *stop = nullptr);
    // True when a path is a folder, i.e. build() walks a tree of unknown size and belongs on a
    // worker thread. Files alone cost one stat each.
    [[nodiscard]] static bool needsWalk(const QStringList &paths);

    const QList<Row> &rows() const { return m_rows; }
    int rowCount() const { return int(m_rows.size()); }
    const QList<Unpublishable> &unpublishable() const { return m_unpublishable; }
    int problemCount() const; // rows that are not valid
    qint64 totalSize() const;
    // At least one row, and every row valid.
    bool isReady() const;

    // Edits; each revalidates the whole plan (duplicates and suggestions depend on every row).
    void rename(int row, const QString &targetName);
    // Renames the row to its suggestion; false when it was valid already (or out of range).
    bool fix(int row);
    // Renames every row with a problem to its suggestion; returns how many were renamed.
    int fixAll();
    void remove(int row);
    void remove(QList<int> rows); // any order, repeats ignored
    // Adds the rows of a plan built later (more files given) after these, and revalidates. A file
    // that has a row already (the same local path) is left out, as is an unpublishable entry
    // listed already. Returns how many rows were added.
    int append(const PublishPlan &more);

    // The valid path closest to `name`: empty segments dropped, every broken folder name and
    // the file name replaced by NameRules' suggestion, each kept within
    // NameRules::kMaxNameLength. Not made unique.
    [[nodiscard]] static QString suggestUploadPath(const QString &name);

private:
    void validate();

    QList<Row> m_rows;
    QList<Unpublishable> m_unpublishable;
};

} // namespace Stevedore
