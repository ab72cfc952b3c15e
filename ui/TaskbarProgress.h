#pragma once

#include <QObject>

namespace Stevedore {

// Overall progress on the application's taskbar or dock entry, through the Update signal of
// com.canonical.Unity.LauncherEntry on the session bus (read by KDE Plasma's task manager and by
// GNOME's docks) for application://io.stevedore.Stevedore.desktop. A signal goes out only when
// what it shows changes (to the percent); without a session bus nothing is sent.
class TaskbarProgress final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskbarProgress)

public:
    static constexpr const char *kInterface = "com.canonical.Unity.LauncherEntry";
    static constexpr const char *kPath = "/io/stevedore/Stevedore/LauncherEntry";

    explicit TaskbarProgress(QObject *parent = nullptr);
    ~TaskbarProgress() override;

    // `fraction` 0…1 of the whole queue; `remaining` transfers not finished yet (the badge).
    void show(double fraction, int remaining);
    void clear(); // nothing to show: no bar, no badge

private:
    void send(bool visible, int percent, int remaining);

    bool m_visible = false;
    int m_percent = -1;
    int m_remaining = -1;
};

} // namespace Stevedore
