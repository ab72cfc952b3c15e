#include "UserGuideWindow.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QImage>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

bool isPicture(const QUrl &url)
{
    const QString path = url.path();
    return path.endsWith(u".png"_s, Qt::CaseInsensitive)
           || path.endsWith(u".svg"_s, Qt::CaseInsensitive);
}

// Fits pictures to the width of the page, and shows a linked picture as a page of its own.
class GuideBrowser final : public QTextBrowser
{
public:
    using QTextBrowser::QTextBrowser;

    QVariant loadResource(int type, const QUrl &name) override
    {
        if (type == QTextDocument::HtmlResource && isPicture(name))
            return u"<p><img src=\"%1\"></p>"_s.arg(name.toString().toHtmlEscaped());
        const QVariant loaded = QTextBrowser::loadResource(type, name);
        if (type != QTextDocument::ImageResource || loaded.typeId() != QMetaType::QByteArray)
            return loaded;
        QImage image = QImage::fromData(loaded.toByteArray());
        const int room = viewport()->width() - 2 * int(document()->documentMargin())
                         - verticalScrollBar()->sizeHint().width();
        // Shown narrower at the same resolution: no pixel is lost on a high-density screen.
        if (!image.isNull() && room > 0 && image.width() > room)
            image.setDevicePixelRatio(qreal(image.width()) / room);
        return image;
    }
};

} // namespace

UserGuideWindow::UserGuideWindow(QWidget *parent)
    : QDialog(parent)
    , m_browser(new GuideBrowser(this))
{
    setObjectName(u"userGuide"_s);
    setWindowTitle(tr("Stevedore User Guide"));
    m_browser->setObjectName(u"guideBrowser"_s);
    m_browser->setOpenLinks(false);

    auto *back = new QPushButton(tr("&Back"), this);
    back->setObjectName(u"backButton"_s);
    back->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(back);
    bottom->addWidget(buttons, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addLayout(bottom);

    connect(back, &QPushButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QWidget::setEnabled);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &UserGuideWindow::follow);

    resize(860, 720);
}

// Loaded when first shown, so that pictures are fitted to the page's real width.
void UserGuideWindow::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (m_browser->source().isEmpty())
        m_browser->setSource(guideUrl(), QTextDocument::MarkdownResource);
}

QUrl UserGuideWindow::guideUrl()
{
    return QUrl(u"qrc:/guide/user-guide.md"_s);
}

// Pages and pictures compiled in with the guide open here; web pages in the desktop's browser.
void UserGuideWindow::follow(const QUrl &link)
{
    const QUrl target = m_browser->source().resolved(link);
    if (target.scheme() == u"qrc"_s) {
        if (QFile::exists(u":"_s + target.path()))
            m_browser->setSource(target);
        return;
    }
    if (target.scheme() == u"https"_s || target.scheme() == u"http"_s
        || target.scheme() == u"mailto"_s)
        QDesktopServices::openUrl(target);
}

} // namespace Stevedore
