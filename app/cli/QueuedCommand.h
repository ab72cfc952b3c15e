#pragma once

#include "api/GitLabApi.h"
#include "cli/Console.h"
#include "transfer/TransferQueue.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

namespace Stevedore {

// What `publish` and `download` share: their files run through a TransferQueue (the engine
// the window uses) whose journal lives in $XDG_STATE_HOME/stevedore/, named after the
// account and the command's arguments. A run that was killed half-way and is started again
// with the same arguments resumes: what was done is not done again. The journal goes once
// every file is done or skipped; --no-resume starts afresh.
class QueuedCommand : public QObject
{
    Q_OBJECT

public:
    QueuedCommand(Console &console, bool json, bool quiet);
    ~QueuedCommand() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    void setResume(bool resume) { m_resume = resume; }

    // $XDG_STATE_HOME/stevedore/<command>-<hash of the account and the arguments>.jsonl
    static QString statePath(const QString &command, const Account &account,
                             const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

protected:
    // Runs `wanted`, all of `api`'s account (journal at `statePath`, none when empty), and
    // ends with finished().
    void runQueue(GitLabApi &api, QList<TransferItem> wanted, const QString &statePath);
    // The same for items that name their accounts (a copy's source too): `apis` has them all.
    void runQueue(const QList<GitLabApi *> &apis, const QList<TransferItem> &wanted,
                  const QString &statePath);
    // The line printed when an item ends well (not with --json or --quiet).
    virtual QString doneLine(const TransferItem &item) const = 0;
    // A last check of an item that ended well; an error makes the run fail.
    virtual ApiError checkDone(const TransferItem &) const { return {}; }
    // Once every item ended (their failures printed): ends with finished(exitCode). A command
    // with more to print or do after its transfers overrides it and calls this at the end.
    virtual void conclude(int exitCode);
    // With --json: prints the items as a JSON array, one `entry` each.
    void printItemsAsJson(const std::function<QJsonObject(const TransferItem &)> &entry) const;
    // The run's items, as the queue holds them.
    const QList<TransferItem> &items() const;

    Console &m_console;
    const bool m_json;
    const bool m_quiet;

private:
    void resumeEarlierRun(QList<TransferItem> &wanted);
    void onChanged(const QString &id);
    void summarize();

    RetryPolicy m_retry;
    bool m_resume = true;
    bool m_summarized = false;
    std::unique_ptr<TransferQueue> m_queue;
    QElapsedTimer m_progressClock;
};

} // namespace Stevedore
