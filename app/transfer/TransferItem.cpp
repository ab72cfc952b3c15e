#include "transfer/TransferItem.h"

#include <array>

namespace Stevedore {

namespace {

template<typename Enum, std::size_t N>
QString idOf(const std::array<std::pair<Enum, const char *>, N> &ids, Enum value)
{
    for (const auto &[candidate, id] : ids) {
        if (candidate == value)
            return QLatin1String(id);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, N> &ids,
                            const QString &id)
{
    for (const auto &[value, candidate] : ids) {
        if (id == QLatin1String(candidate))
            return value;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<TransferState, const char *>, 7> kStateIds{{
    {TransferState::Queued, "queued"},
    {TransferState::Running, "running"},
    {TransferState::Verifying, "verifying"},
    {TransferState::Done, "done"},
    {TransferState::Skipped, "skipped"},
    {TransferState::Failed, "failed"},
    {TransferState::Cancelled, "cancelled"},
}};

constexpr std::array<std::pair<DuplicatePolicy, const char *>, 5> kDuplicateIds{{
    {DuplicatePolicy::SkipIdentical, "skip-identical"},
    {DuplicatePolicy::KeepBoth, "keep"},
    {DuplicatePolicy::Replace, "replace"},
    {DuplicatePolicy::Fail, "fail"},
    {DuplicatePolicy::SkipIdentical, "skip"}, // the name before skip-identical; read only
}};

constexpr std::array<std::pair<ConflictPolicy, const char *>, 4> kConflictIds{{
    {ConflictPolicy::Overwrite, "overwrite"},
    {ConflictPolicy::KeepBoth, "keep"},
    {ConflictPolicy::Skip, "skip"},
    {ConflictPolicy::Refuse, "refuse"},
}};

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime timeFromJson(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace

QString transferStateId(TransferState state)
{
    return idOf(kStateIds, state);
}

std::optional<TransferState> transferStateFromId(const QString &id)
{
    return valueOf(kStateIds, id);
}

QString duplicatePolicyId(DuplicatePolicy policy)
{
    return idOf(kDuplicateIds, policy);
}

std::optional<DuplicatePolicy> duplicatePolicyFromId(const QString &id)
{
    return valueOf(kDuplicateIds, id);
}

QString conflictPolicyId(ConflictPolicy policy)
{
    return idOf(kConflictIds, policy);
}

std::optional<ConflictPolicy> conflictPolicyFromId(const QString &id)
{
    return valueOf(kConflictIds, id);
}

QJsonObject TransferItem::toJson() const
{
    QJsonObject object{{QStringLiteral("id"), id},
                       {QStringLiteral("direction"),
                        isUpload() ? QStringLiteral("upload") : QStringLiteral("download")},
                       {QStringLiteral("account"), accountId},
                       {QStringLiteral("project"), target.project},
                       {QStringLiteral("package"), target.packageName},
                       {QStringLiteral("version"), target.version},
                       {QStringLiteral("file_name"), target.fileName},
                       {QStringLiteral("local_path"), localPath},
                       {QStringLiteral("state"), transferStateId(state)},
                       {QStringLiteral("attempts"), attempts},
                       {QStringLiteral("size"), size},
                       {QStringLiteral("sha256"), sha256},
                       {QStringLiteral("error"), errorMessage},
                       {QStringLiteral("error_kind"), apiErrorKindName(errorKind)},
                       {QStringLiteral("waits_for_account"), waitsForAccount},
                       {QStringLiteral("added_at"), timeJson(addedAt)},
                       {QStringLiteral("finished_at"), timeJson(finishedAt)}};
    if (isUpload()) {
        object.insert(QStringLiteral("hidden"), hidden);
        object.insert(QStringLiteral("on_duplicate"), duplicatePolicyId(duplicatePolicy));
        object.insert(QStringLiteral("may_have_arrived"), mayHaveArrived);
        if (isCopy()) {
            object.insert(QStringLiteral("source_account"), sourceAccountId);
            object.insert(QStringLiteral("source_project"), source.project);
            object.insert(QStringLiteral("source_package"), source.packageName);
            object.insert(QStringLiteral("source_version"), source.version);
            object.insert(QStringLiteral("source_file_name"), source.fileName);
            object.insert(QStringLiteral("expected_sha256"), expectedSha256);
        }
    } else {
        object.insert(QStringLiteral("folder"), folder);
        object.insert(QStringLiteral("expected_sha256"), expectedSha256);
        object.insert(QStringLiteral("on_conflict"), conflictPolicyId(conflictPolicy));
        object.insert(QStringLiteral("final_path"), finalPath);
    }
    return object;
}

std::optional<TransferItem> TransferItem::fromJson(const QJsonObject &object)
{
    TransferItem item;
    item.id = object.value(QLatin1String("id")).toString();
    const QString direction =
        object.value(QLatin1String("direction"))
            .toString(QStringLiteral("upload")); // the upload queue's file had no direction
    item.direction = direction == QLatin1String("download") ? TransferDirection::Download
                                                            : TransferDirection::Upload;
    item.accountId = object.value(QLatin1String("account")).toString();
    item.target = {object.value(QLatin1String("project")).toString(),
                   object.value(QLatin1String("package")).toString(),
                   object.value(QLatin1String("version")).toString(),
                   object.value(QLatin1String("file_name")).toString()};
    item.localPath = object.value(QLatin1String("local_path")).toString();
    const QString stateId = object.value(QLatin1String("state")).toString();
    // "uploading" and "downloading": the two queues' names before they became one.
    const auto state =
        stateId == QLatin1String("uploading") || stateId == QLatin1String("downloading")
            ? std::optional(TransferState::Running)
            : transferStateFromId(stateId);
    if (item.id.isEmpty() || item.localPath.isEmpty() || !state)
        return std::nullopt;
    item.state = *state;
    if (item.isUpload()) {
        const auto policy =
            duplicatePolicyFromId(object.value(QLatin1String("on_duplicate")).toString());
        if (!policy)
            return std::nullopt;
        item.duplicatePolicy = *policy;
        item.hidden = object.value(QLatin1String("hidden")).toBool();
        item.mayHaveArrived = object.value(QLatin1String("may_have_arrived")).toBool();
        item.sourceAccountId = object.value(QLatin1String("source_account")).toString();
        item.source = {object.value(QLatin1String("source_project")).toString(),
                       object.value(QLatin1String("source_package")).toString(),
                       object.value(QLatin1String("source_version")).toString(),
                       object.value(QLatin1String("source_file_name")).toString()};
        item.expectedSha256 = object.value(QLatin1String("expected_sha256")).toString();
    } else {
        const auto policy =
            conflictPolicyFromId(object.value(QLatin1String("on_conflict")).toString());
        if (!policy)
            return std::nullopt;
        item.conflictPolicy = *policy;
        item.folder = object.value(QLatin1String("folder")).toString();
        item.expectedSha256 = object.value(QLatin1String("expected_sha256")).toString();
        item.finalPath = object.value(QLatin1String("final_path")).toString();
    }
    item.attempts = object.value(QLatin1String("attempts")).toInt();
    item.size = object.value(QLatin1String("size")).toInteger(-1);
    item.sha256 = object.value(QLatin1String("sha256")).toString();
    item.errorMessage = object.value(QLatin1String("error")).toString();
    item.errorKind = apiErrorKindFromName(object.value(QLatin1String("error_kind")).toString());
    item.waitsForAccount = object.value(QLatin1String("waits_for_account")).toBool();
    item.addedAt = timeFromJson(object.value(QLatin1String("added_at")));
    item.finishedAt = timeFromJson(object.value(QLatin1String("finished_at")));
    return item;
}

} // namespace Stevedore
