#pragma once

#include <QtGlobal>

#include <algorithm>
#include <deque>

namespace Stevedore {

// Transfer speed over a sliding window of (time, bytes done) samples, so that the speed a
// person sees is steady rather than the last chunk's, and falls to zero when a transfer
// stalls. Times are milliseconds on any monotonic clock.
class SpeedMeter final
{
public:
    explicit SpeedMeter(qint64 windowMsecs = 5000)
        : m_window(windowMsecs)
    {
    }

    void clear() { m_samples.clear(); }

    // Bytes done at `nowMsecs`. Going backwards (a transfer started over) starts over.
    void addSample(qint64 nowMsecs, qint64 bytes)
    {
        if (!m_samples.empty() && bytes < m_samples.back().bytes)
            m_samples.clear();
        m_samples.push_back({nowMsecs, bytes});
        // Keep one sample at or before the window's start, so the window stays full.
        while (m_samples.size() > 2 && m_samples[1].msecs <= nowMsecs - m_window)
            m_samples.pop_front();
    }

    // Bytes per second between the oldest sample in the window and the newest one, measured
    // up to `nowMsecs`; 0 until two samples span at least 200 ms.
    double bytesPerSecond(qint64 nowMsecs) const
    {
        if (m_samples.size() < 2)
            return 0;
        const Sample &first = m_samples.front();
        const qint64 elapsed = std::max(nowMsecs, m_samples.back().msecs) - first.msecs;
        if (elapsed < 200)
            return 0;
        return double(m_samples.back().bytes - first.bytes) * 1000.0 / double(elapsed);
    }

private:
    struct Sample
    {
        qint64 msecs;
        qint64 bytes;
    };
    qint64 m_window;
    std::deque<Sample> m_samples;
};

} // namespace Stevedore
