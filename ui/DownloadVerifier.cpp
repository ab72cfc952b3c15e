#include "DownloadVerifier.h"

#include "TransferNotices.h"

#include <QDir>
#include <QMap>

#include <utility>

namespace Stevedore {

namespace {

using Kind = FileComparison::Kind;
using Verification = TransferQueueModel::Verification;

Verification verificationOf(Kind kind)
{
    switch (kind) {
    case Kind::Same:
        return Verification::Verified;
    case Kind::Changed:
        return Verification::Changed;
    case Kind::Removed:
        return Verification::Missing;
    case Kind::Added:
        return Verification::NotInVersion;
    case Kind::Unreadable:
        return Verification::Unreadable;
    }
    return Verification::NotVerified;
}

} // namespace

DownloadVerifier::DownloadVerifier(TransferQueue &queue, TransferQueueModel &model, ApiFor apiFor,
                                   QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_model(model)
    , m_apiFor(std::move(apiFor))
{
}

DownloadVerifier::~DownloadVerifier() = default;

bool DownloadVerifier::canVerify(const TransferItem &item)
{
    return !item.isUpload() && !item.folder.isEmpty()
           && (item.state == TransferState::Done || item.state == TransferState::Skipped);
}

DownloadVerifier::Download DownloadVerifier::downloadOf(const TransferItem &item)
{
    Download download;
    download.accountId = item.accountId;
    download.version = {item.target.project, item.target.packageName, item.target.version, {}};
    download.folder = QDir::cleanPath(item.folder);
    return download;
}

QString DownloadVerifier::keyOf(const Download &download)
{
    return QStringList{download.accountId, download.version.project, download.version.packageName,
                       download.version.version, download.folder}
        .join(QChar(0));
}

void DownloadVerifier::verify(const QStringList &itemIds)
{
    QHash<QString, Download> chosen;
    for (const QString &id : itemIds) {
        const TransferItem *item = m_queue.item(id);
        if (item && canVerify(*item)) {
            const Download download = downloadOf(*item);
            chosen.insert(keyOf(download), download);
        }
    }
    // Every finished row of each download shows its file's result, chosen or not.
    for (const TransferItem &item : m_queue.items()) {
        if (!canVerify(item))
            continue;
        const auto download = chosen.find(keyOf(downloadOf(item)));
        if (download != chosen.end())
            download->itemIds << item.id;
    }
    for (Download &download : chosen)
        start(std::move(download));
}

void DownloadVerifier::start(Download download)
{
    const QString key = keyOf(download);
    forget(key); // verifying again starts over
    download.api = m_apiFor(download.accountId);
    if (!download.api) {
        return showFailure(download,
                           ApiError(ApiError::Kind::Auth, tr("The account is not signed in.")));
    }
    for (const QString &id : std::as_const(download.itemIds))
        m_model.setVerification(id, Verification::Running);
    download.verification = new FolderVerification(this);
    connect(download.verification, &FolderVerification::finished, this,
            [this, key](const FolderVerification::Outcome &outcome) {
                const Download done = m_running.value(key);
                forget(key);
                show(done, outcome);
            });
    connect(download.verification, &FolderVerification::failed, this,
            [this, key](const ApiError &error) {
                const Download failed = m_running.value(key);
                forget(key);
                showFailure(failed, error);
            });
    FolderVerification *verification = download.verification;
    GitLabApi &api = *download.api;
    const PackageTarget version = download.version;
    const QString folder = download.folder;
    m_running.insert(key, std::move(download));
    verification->start(api, version, folder);
}

void DownloadVerifier::forget(const QString &key)
{
    const Download download = m_running.take(key);
    if (!download.verification)
        return;
    // An answer it has on its way must not be taken for the next run's.
    disconnect(download.verification, nullptr, this, nullptr);
    download.verification->deleteLater(); // it may be the one emitting now
}

void DownloadVerifier::show(const Download &download, const FolderVerification::Outcome &outcome)
{
    QHash<QString, Kind> kinds;
    for (const FileComparison::Entry &entry : outcome.comparison.entries())
        kinds.insert(entry.path, entry.kind);
    QHash<QString, QString> problems;
    for (const FileComparison::Entry &entry : outcome.comparison.entries()) {
        if (entry.kind == Kind::Unreadable && entry.after)
            problems.insert(entry.path, entry.after->problem);
    }
    const QString summary = summaryOf(download, outcome.comparison);
    for (const QString &id : download.itemIds) {
        const TransferItem *item = m_queue.item(id);
        if (!item || !canVerify(*item))
            continue; // gone, or running again: the result is about the file it replaces
        const QString &name = item->target.fileName;
        // A name on neither side: the version no longer has it, and neither has the folder.
        const Kind kind = kinds.value(name, Kind::Removed);
        m_model.setVerification(id, verificationOf(kind), problems.value(name), summary);
    }
    Q_EMIT summaryReady(summary, outcome.comparison.isIdentical());
}

void DownloadVerifier::showFailure(const Download &download, const ApiError &error)
{
    const QString summary = tr("%1 %2 in %3 could not be verified: %4")
                                .arg(download.version.packageName, download.version.version,
                                     QDir::toNativeSeparators(download.folder), error.message());
    for (const QString &id : download.itemIds) {
        const TransferItem *item = m_queue.item(id);
        if (item && canVerify(*item))
            m_model.setVerification(id, Verification::NotVerified, error.message(), summary);
    }
    Q_EMIT summaryReady(summary, false);
}

QString DownloadVerifier::summaryOf(const Download &download,
                                    const FileComparison &comparison) const
{
    const QString what = tr("%1 %2 in %3")
                             .arg(download.version.packageName, download.version.version,
                                  QDir::toNativeSeparators(download.folder));
    if (comparison.isIdentical()) {
        return tr("%1: verified, %n file(s) identical to the server.", "",
                  int(comparison.entries().size()))
            .arg(what);
    }
    QMap<Kind, QStringList> names;
    for (const FileComparison::Entry &entry : comparison.entries())
        names[entry.kind] << entry.path;
    QStringList parts;
    const auto add = [&](Kind kind, const QString &text) {
        const QStringList &these = names.value(kind);
        if (!these.isEmpty())
            parts << text.arg(TransferNotices::shortList(these));
    };
    add(Kind::Changed, tr("%n changed locally (%1)", "", int(names.value(Kind::Changed).size())));
    add(Kind::Removed, tr("%n missing locally (%1)", "", int(names.value(Kind::Removed).size())));
    add(Kind::Added, tr("%n extra in the folder, not in the version (%1)", "",
                        int(names.value(Kind::Added).size())));
    add(Kind::Unreadable, tr("%n unreadable (%1)", "", int(names.value(Kind::Unreadable).size())));
    if (!comparison.duplicates().isEmpty()) {
        parts << tr("%n listed twice (%1)", "", int(comparison.duplicates().size()))
                     .arg(TransferNotices::shortList(comparison.duplicates()));
    }
    return tr("%1 differs from the server: %2.").arg(what, parts.join(QStringLiteral("; ")));
}

} // namespace Stevedore
