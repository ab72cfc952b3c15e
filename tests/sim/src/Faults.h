// Fault injection, parsed from --fault SPEC (grammar in tests/sim/README.md).
#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <mutex>
#include <optional>
#include <vector>

namespace sim {

struct RequestFault
{
    enum class Kind { None, Status, RateLimit, Stall };
    Kind kind = Kind::None;
    int status = 0;
    int retryAfterSeconds = 0;
    int stallMs = 0;
};

class Faults final
{
public:
    // Returns an error message for a malformed spec, else empty.
    QString add(const QString &spec);

    int latencyMs() const { return m_latencyMs; }
    bool raceWindowEnabled() const { return m_raceWindow; }
    bool jobTokenBasicOnPut() const { return m_jobTokenBasicOnPut; }

    // Each call consumes one use of the first matching fault.
    RequestFault takeRequestFault(const QString &rawPath);
    std::optional<qint64> takeReset(bool upload);
    bool takeRace500();
    // Whether an upload that was just stored must lose its answer (store-then-drop).
    bool takeStoreThenDrop();

private:
    struct Counted
    {
        int remaining = 0; // -1: unlimited
        bool take()
        {
            if (remaining == 0)
                return false;
            if (remaining > 0)
                --remaining;
            return true;
        }
    };
    struct StatusFault
    {
        int status;
        QRegularExpression path;
        Counted count;
    };
    struct RateLimitFault
    {
        int retryAfterSeconds;
        Counted count;
    };
    struct StallFault
    {
        int ms;
        Counted count;
    };
    struct ResetFault
    {
        qint64 afterBytes;
        bool uploads;
        bool downloads;
        Counted count;
    };

    std::mutex m_mutex;
    std::vector<StatusFault> m_status;
    std::vector<RateLimitFault> m_rateLimits;
    std::vector<StallFault> m_stalls;
    std::vector<ResetFault> m_resets;
    Counted m_race500;
    Counted m_storeThenDrop;
    int m_latencyMs = 0;
    bool m_raceWindow = true;
    bool m_jobTokenBasicOnPut = false;
};

} // namespace sim
