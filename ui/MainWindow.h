#pragma once

#include "core/LaunchOptions.h"

#include <QMainWindow>

namespace Stevedore {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const LaunchOptions &launch, QWidget *parent = nullptr);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void restoreWindowGeometry();
    void saveWindowGeometry() const;
};

} // namespace Stevedore
