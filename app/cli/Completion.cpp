#include "cli/Completion.h"

#include "cli/CommandCatalog.h"

#include <QSet>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

using Value = CommandCatalog::Value;
using Source = Completion::Request::Source;

QList<Completion::Candidate> matching(const QList<Completion::Candidate> &candidates,
                                      const QString &prefix)
{
    QList<Completion::Candidate> found;
    for (const Completion::Candidate &candidate : candidates) {
        if (candidate.text.startsWith(prefix))
            found << candidate;
    }
    return found;
}

QList<Completion::Candidate> optionCandidates(const QList<CommandCatalog::Option> &options)
{
    QList<Completion::Candidate> candidates;
    for (const CommandCatalog::Option &option : options) {
        for (const QString &name : option.dashedNames())
            candidates.append({name, option.description});
    }
    return candidates;
}

QList<Completion::Candidate> plain(const QStringList &texts)
{
    QList<Completion::Candidate> candidates;
    for (const QString &text : texts)
        candidates.append({text, {}});
    return candidates;
}

// Sets `request` up to complete a value of `value` kind (from an option or an argument).
void offer(Completion::Request &request, Value value, const QStringList &choices,
           const QStringList &accountNames)
{
    switch (value) {
    case Value::Account:
        request.candidates = matching(plain(accountNames), request.prefix);
        return;
    case Value::Project:
        request.source = Source::Projects;
        return;
    case Value::Package:
        request.source = Source::Packages;
        return;
    case Value::Version:
        request.source = Source::Versions;
        return;
    case Value::LocalFile:
        request.source = Source::Files;
        return;
    case Value::LocalFolder:
        request.source = Source::Folders;
        return;
    case Value::None:
        request.candidates = matching(plain(choices), request.prefix);
        return;
    }
}

} // namespace

bool Completion::Request::needsServer() const
{
    return source == Source::Projects || source == Source::Packages || source == Source::Versions;
}

Completion::Request Completion::request(const QStringList &words, const QStringList &accountNames)
{
    Request request;
    request.prefix = words.value(words.size() - 1);
    const QStringList before = words.mid(0, words.size() - 1);

    std::optional<CommandCatalog::Command> command;
    QStringList positional;
    std::optional<CommandCatalog::Option> awaitingValue;
    for (qsizetype i = 0; i < before.size(); ++i) {
        const QString &word = before.at(i);
        if (word.size() > 1 && word.startsWith(u'-')) {
            const QString name = word.section(u'=', 0, 0);
            const auto option =
                command ? command->option(name) : CommandCatalog::globalOption(name);
            if (!option || option->valueName.isEmpty() || word.contains(u'='))
                continue;
            if (i + 1 == before.size()) {
                awaitingValue = option;
                break;
            }
            const QString value = before.at(++i);
            if (option->names.contains(CommandCatalog::AccountOption))
                request.accountName = value;
            else if (option->names.contains(CommandCatalog::Url))
                request.url = value;
            continue;
        }
        if (!command) {
            command = CommandCatalog::command(word);
            if (!command)
                return request; // an unknown command: nothing to offer
            continue;
        }
        positional << word;
    }

    if (awaitingValue) {
        offer(request, awaitingValue->value, awaitingValue->choices, accountNames);
        return request;
    }
    if (request.prefix.startsWith(u'-')) {
        request.candidates = matching(optionCandidates(command ? command->acceptedOptions()
                                                               : CommandCatalog::globalOptions()),
                                      request.prefix);
        return request;
    }
    if (!command) {
        QList<Candidate> commands;
        for (const CommandCatalog::Command &each : CommandCatalog::commands())
            commands.append({each.name, each.summary});
        request.candidates = matching(commands, request.prefix);
        return request;
    }

    const QList<CommandCatalog::Argument> &arguments = command->arguments;
    const qsizetype index = positional.size();
    if (arguments.isEmpty() || (index >= arguments.size() && !arguments.constLast().repeats))
        return request;
    // The PROJECT and NAME given last before this argument (verify's come after DIR; diff's
    // NAME_B belongs to PROJECT_B).
    for (qsizetype i = 0; i < std::min(index, arguments.size()); ++i) {
        if (arguments.at(i).value == CommandCatalog::Value::Project)
            request.project = positional.at(i);
        else if (arguments.at(i).value == CommandCatalog::Value::Package)
            request.package = positional.at(i);
    }
    offer(request, arguments.at(std::min(index, arguments.size() - 1)).value, {}, accountNames);
    return request;
}

QString Completion::answer(const Request &request)
{
    switch (request.source) {
    case Source::Files:
        return u"files\n"_s;
    case Source::Folders:
        return u"folders\n"_s;
    default:
        break;
    }
    QString text = u"words\n"_s;
    for (const Candidate &candidate : request.candidates) {
        // A line per candidate: a name with a line break in it cannot be offered.
        if (candidate.text.contains(u'\n') || candidate.text.contains(u'\t'))
            continue;
        text += candidate.text;
        if (!candidate.description.isEmpty())
            text += u'\t' + candidate.description;
        text += u'\n';
    }
    return text;
}

Completion::Completion(QObject *parent)
    : QObject(parent)
{
}

void Completion::lookUp(GitLabApi &api, const Request &request, std::function<void(QString)> done)
{
    auto found = std::make_shared<Request>(request);

    if (request.source == Source::Projects) {
        auto pages = std::make_shared<int>(0);
        auto onPage = std::make_shared<Callback<Page<Project>>>();
        *onPage = [this, &api, found, pages, onPage, done](Result<Page<Project>> page) {
            if (page.ok()) {
                for (const Project &project : page.value().items) {
                    if (project.pathWithNamespace.startsWith(found->prefix))
                        found->candidates.append({project.pathWithNamespace, {}});
                }
            }
            if (page.ok() && !page.value().next.isEmpty() && ++*pages < kMaxPages)
                return api.projectsPage(page.value().next, this, *onPage);
            const Callback<Page<Project>> keepAlive = std::exchange(*onPage, nullptr);
            done(answer(*found));
        };
        // The callback holds itself until the last page; a completion that ends before that
        // (its deadline) lets go of it here.
        connect(this, &QObject::destroyed, [onPage] { *onPage = nullptr; });
        // GitLab's search matches a project's own name or path, not its groups' paths, so it
        // cannot stand for a prefix such as "group/sub": the first pages are matched here.
        api.projects({}, this, *onPage);
        return;
    }

    // Packages and Versions: the names, or the versions of one name, of PROJECT's packages.
    const bool versions = request.source == Source::Versions;
    auto seen = std::make_shared<QSet<QString>>();
    auto pages = std::make_shared<int>(0);
    auto finished = std::make_shared<bool>(false);
    api.packagePages(
        request.project, {versions ? request.package : QString(), true}, this,
        [found, seen, pages, finished, versions, done](QList<Package> &&page) {
            if (*finished)
                return;
            for (const Package &package : page) {
                const QString text = versions ? package.version : package.name;
                if (text.startsWith(found->prefix) && !seen->contains(text)) {
                    seen->insert(text);
                    found->candidates.append({text, {}});
                }
            }
            if (++*pages >= kMaxPages) {
                *finished = true;
                done(answer(*found));
            }
        },
        [found, finished, done](Result<Success>) {
            if (!std::exchange(*finished, true))
                done(answer(*found));
        });
}

} // namespace Stevedore
