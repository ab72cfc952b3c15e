#pragma once

#include <QDialog>
#include <QUrl>

class QTextBrowser;

namespace Stevedore {

// Help › User Guide: the README's user guide, compiled in from README.md when CMake runs
// (cmake/StevedoreUserGuide.cmake), so that it cannot drift from the README. It is rendered
// from Markdown in the palette's own colours. Web links open in the desktop's browser; the
// README's pictures are compiled in with it, shown fitted to the window, and a link to one
// opens it in the guide (Back returns).
//
// objectNames: userGuide (the window), guideBrowser, backButton.
class UserGuideWindow final : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuideWindow(QWidget *parent = nullptr);

    static QUrl guideUrl(); // qrc:/guide/user-guide.md
    QTextBrowser *browser() const { return m_browser; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void follow(const QUrl &link);

    QTextBrowser *m_browser;
};

} // namespace Stevedore
