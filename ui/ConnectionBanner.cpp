#include "ui/ConnectionBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace trellis::ui {

ConnectionBanner::ConnectionBanner(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_restart(new QPushButton(tr("Re&start server"), this))
    , m_signIn(new QPushButton(tr("Sign &In…"), this))
    , m_cancelSignIn(new QPushButton(tr("Cancel Sign-&In"), this))
{
    setObjectName(QStringLiteral("connectionBanner"));
    setAccessibleName(tr("Connection problem"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // A warm background that reads as "attention" in light and dark palettes alike.
    setStyleSheet(
        QStringLiteral("#connectionBanner { background: #fff4d6; border: 1px solid #e0b84d; border-radius: 4px; }"
                       "#connectionBanner QLabel { color: #3d2e00; background: transparent; }"));

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize) * 2;
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    m_icon->setAlignment(Qt::AlignTop);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_retry->setAccessibleName(tr("Retry the connection"));
    m_restart->setAccessibleName(tr("Restart the local server"));
    connect(m_retry, &QPushButton::clicked, this, &ConnectionBanner::retryRequested);
    connect(m_restart, &QPushButton::clicked, this, &ConnectionBanner::restartRequested);
    m_signIn->setAccessibleName(tr("Sign in in the web browser"));
    m_cancelSignIn->setAccessibleName(tr("Stop waiting for the web browser"));
    connect(m_signIn, &QPushButton::clicked, this, &ConnectionBanner::signInRequested);
    connect(m_cancelSignIn, &QPushButton::clicked, this, &ConnectionBanner::cancelSignInRequested);

    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_details);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon);
    layout->addLayout(text, 1);
    layout->addWidget(m_retry, 0, Qt::AlignVCenter);
    layout->addWidget(m_restart, 0, Qt::AlignVCenter);
    layout->addWidget(m_signIn, 0, Qt::AlignVCenter);
    layout->addWidget(m_cancelSignIn, 0, Qt::AlignVCenter);
    setTabOrder(m_retry, m_restart);
    setTabOrder(m_restart, m_signIn);
    setTabOrder(m_signIn, m_cancelSignIn);
    hide();
}

void ConnectionBanner::showMessage(const QString& title, const QString& details, Actions actions)
{
    m_title->setText(title);
    m_details->setText(details);
    m_details->setVisible(!details.isEmpty());
    m_retry->setVisible(actions.testFlag(Action::Retry));
    m_restart->setVisible(actions.testFlag(Action::RestartServer));
    m_signIn->setVisible(actions.testFlag(Action::SignIn));
    m_cancelSignIn->setVisible(actions.testFlag(Action::CancelSignIn));
    setAccessibleDescription(details.isEmpty() ? title : title + QLatin1Char(' ') + details);
    show();
}

QString ConnectionBanner::title() const
{
    return m_title->text();
}

QString ConnectionBanner::details() const
{
    return m_details->text();
}

} // namespace trellis::ui
