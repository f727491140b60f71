#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace trellis::ui {

/// An inline, non-modal bar at the top of the window that says in plain words what is wrong with the
/// connection and offers the one or two things that can fix it.
class ConnectionBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Action
    {
        None = 0,
        Retry = 1,
        RestartServer = 2,
        SignIn = 4,
        CancelSignIn = 8
    };
    Q_DECLARE_FLAGS(Actions, Action)

    explicit ConnectionBanner(QWidget* parent = nullptr);

    void showMessage(const QString& title, const QString& details, Actions actions);
    QString title() const;
    QString details() const;
    QPushButton* retryButton() const { return m_retry; }
    QPushButton* restartButton() const { return m_restart; }
    QPushButton* signInButton() const { return m_signIn; }
    QPushButton* cancelSignInButton() const { return m_cancelSignIn; }

Q_SIGNALS:
    void retryRequested();
    void restartRequested();
    void signInRequested();
    void cancelSignInRequested();

private:
    QLabel* m_icon = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_details = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_restart = nullptr;
    QPushButton* m_signIn = nullptr;
    QPushButton* m_cancelSignIn = nullptr;
};

} // namespace trellis::ui

Q_DECLARE_OPERATORS_FOR_FLAGS(trellis::ui::ConnectionBanner::Actions)
