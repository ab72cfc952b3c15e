#pragma once

#include "model/TransferQueueModel.h"
#include "transfer/FolderVerification.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace Stevedore {

class GitLabApi;

// *Verify download* in the transfer list. The finished downloads chosen are grouped by the
// version and the folder they went to (a download of several versions has a folder for each),
// and each folder is compared with its version on the server by SHA-256 (FolderVerification,
// hashed off the main thread). Every finished row of that download then shows what was found
// for its file; what has no row (an extra file in the folder, a file that was not downloaded)
// is named in the summary. Verifying a download again while it runs starts it over.
class DownloadVerifier final : public QObject
{
    Q_OBJECT

public:
    // The signed-in account's API, or null when it is not signed in.
    using ApiFor = std::function<std::shared_ptr<GitLabApi>(const QString &accountId)>;

    DownloadVerifier(TransferQueue &queue, TransferQueueModel &model, ApiFor apiFor,
                     QObject *parent = nullptr);
    ~DownloadVerifier() override;

    // A download that finished into a folder: what can be verified.
    static bool canVerify(const TransferItem &item);
    // Verifies the downloads the items belong to; items that cannot be verified are ignored.
    void verify(const QStringList &itemIds);
    bool isVerifying() const { return !m_running.isEmpty(); }

Q_SIGNALS:
    // One line per verified download: "hello-cli 1.0.0 in /tmp/x: verified, 3 files …".
    void summaryReady(const QString &summary, bool identical);

private:
    struct Download
    {
        QString accountId;
        PackageTarget version; // fileName empty
        QString folder;
        QStringList itemIds; // its finished rows
        std::shared_ptr<GitLabApi> api;
        FolderVerification *verification = nullptr;
    };

    static Download downloadOf(const TransferItem &item); // without its rows yet
    static QString keyOf(const Download &download);
    void start(Download download);
    void show(const Download &download, const FolderVerification::Outcome &outcome);
    void showFailure(const Download &download, const ApiError &error);
    QString summaryOf(const Download &download, const FileComparison &comparison) const;
    void forget(const QString &key);

    TransferQueue &m_queue;
    TransferQueueModel &m_model;
    ApiFor m_apiFor;
    QHash<QString, Download> m_running; // by keyOf()
};

} // namespace Stevedore
