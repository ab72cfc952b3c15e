#include "ViewPlaceholder.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QEvent>

namespace Stevedore {

ViewPlaceholder::ViewPlaceholder(QAbstractItemView *view)
    : QLabel(view->viewport())
    , m_view(view)
{
    setObjectName(view->objectName() + QStringLiteral("Placeholder"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setMargin(16);
    setForegroundRole(QPalette::PlaceholderText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    // Only the Retry link takes the mouse; drops and clicks reach the view below.
    setAttribute(Qt::WA_TransparentForMouseEvents);
    connect(this, &QLabel::linkActivated, this, [this] {
        if (m_retry)
            m_retry();
    });
    view->viewport()->installEventFilter(this);
    hide();
}

void ViewPlaceholder::showMessage(const QString &text)
{
    m_retry = nullptr;
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setTextFormat(Qt::PlainText);
    setText(text);
    setGeometry(m_view->viewport()->rect());
    show();
}

void ViewPlaceholder::showError(const QString &text, std::function<void()> retry)
{
    m_retry = std::move(retry);
    setAttribute(Qt::WA_TransparentForMouseEvents, false);
    setTextFormat(Qt::RichText);
    setText(text.toHtmlEscaped() + QStringLiteral("<br><br><a href=\"retry\">")
            + tr("Retry").toHtmlEscaped() + QStringLiteral("</a>"));
    setGeometry(m_view->viewport()->rect());
    show();
}

void ViewPlaceholder::clearMessage()
{
    m_retry = nullptr;
    hide();
    clear();
}

void ViewPlaceholder::follow(QAbstractItemModel *model, const std::function<void()> &update)
{
    connect(model, &QAbstractItemModel::modelReset, this, update);
    connect(model, &QAbstractItemModel::rowsInserted, this, update);
    connect(model, &QAbstractItemModel::rowsRemoved, this, update);
    connect(model, &QAbstractItemModel::layoutChanged, this, update);
    update();
}

bool ViewPlaceholder::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        setGeometry(m_view->viewport()->rect());
    return QLabel::eventFilter(watched, event);
}

} // namespace Stevedore
