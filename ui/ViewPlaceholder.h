#pragma once

#include <QLabel>

#include <functional>

class QAbstractItemModel;
class QAbstractItemView;

namespace Stevedore {

// A message over a list that has nothing to show: why it is empty ("No generic packages in
// demo/tools yet — drop files here to publish"), that it is loading, or that loading failed,
// with a Retry link. It covers the view's viewport and lets drops and clicks through.
class ViewPlaceholder final : public QLabel
{
    Q_OBJECT

public:
    explicit ViewPlaceholder(QAbstractItemView *view);

    void showMessage(const QString &text);
    // The error, and a Retry link that calls `retry`.
    void showError(const QString &text, std::function<void()> retry);
    void clearMessage();
    // Runs `update` now and whenever the model's rows change, to choose the message.
    void follow(QAbstractItemModel *model, const std::function<void()> &update);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
    std::function<void()> m_retry;
};

} // namespace Stevedore
