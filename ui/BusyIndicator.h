#pragma once

#include <QTimer>
#include <QWidget>

namespace trellis::ui {

/// A small spinning arc that says "loading" without blocking anything.
class BusyIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit BusyIndicator(QWidget* parent = nullptr);

    bool isBusy() const { return m_busy; }
    void setBusy(bool busy);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QTimer m_timer;
    int m_angle = 0;
    bool m_busy = false;
};

} // namespace trellis::ui
