#pragma once

#include "api/GitLabApi.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace Stevedore {

// `stevedore __complete WORD...`, the data source of the shell completion scripts
// (packaging/completion): WORDs are the words after `stevedore`, the last one being typed.
// The answer is one line saying what to offer, `words`, `files` or `folders`, and for `words`
// one candidate a line, "candidate<TAB>description". Commands and options come from
// CommandCatalog; account names from the caller; projects, package names and versions from the
// server, bounded in pages and time and silent on every failure.
class Completion final : public QObject
{
    Q_OBJECT

public:
    struct Candidate
    {
        QString text;
        QString description;
    };

    // What the words ask for.
    struct Request
    {
        enum class Source { Words, Files, Folders, Projects, Packages, Versions };
        Source source = Source::Words;
        QList<Candidate> candidates; // for Words, already matched against prefix
        QString prefix;              // the word being typed
        QString project;             // Packages, Versions
        QString package;             // Versions
        QString accountName;         // --account among the words
        QString url;                 // --url among the words

        [[nodiscard]] bool needsServer() const;
    };

    [[nodiscard]] static Request request(const QStringList &words, const QStringList &accountNames);
    // The answer for a request that needs no server, or with the candidates found on it.
    [[nodiscard]] static QString answer(const Request &request);

    // Pages of projects or packages one lookup reads at most.
    static constexpr int kMaxPages = 3;

    explicit Completion(QObject *parent = nullptr);

    // Asks the server for what `request` needs and calls `done` with the answer: whatever was
    // found, or no candidates when the server fails.
    void lookUp(GitLabApi &api, const Request &request, std::function<void(QString)> done);
};

} // namespace Stevedore
