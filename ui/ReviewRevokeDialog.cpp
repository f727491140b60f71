#include "ui/ReviewRevokeDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace trellis::ui {

ReviewRevokeDialog::ReviewRevokeDialog(const QString& summary, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("reviewRevokeDialog"));
    setWindowTitle(tr("Revoke access"));
    auto* layout = new QVBoxLayout(this);
    auto* what = new QLabel(tr("Revoke: %1").arg(summary), this);
    what->setWordWrap(true);
    layout->addWidget(what);
    auto* effect = new QLabel(tr("The access ends now and the people concerned are signed out everywhere."), this);
    effect->setWordWrap(true);
    layout->addWidget(effect);
    auto* label = new QLabel(tr("&Why (required, kept in the audit trail):"), this);
    m_comment = new QPlainTextEdit(this);
    m_comment->setObjectName(QStringLiteral("revokeComment"));
    m_comment->setAccessibleName(tr("Reason for revoking"));
    m_comment->setTabChangesFocus(true);
    label->setBuddy(m_comment);
    layout->addWidget(label);
    layout->addWidget(m_comment);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("revokeError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Revoke"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (comment().isEmpty()) {
            showError(tr("Say why the access is revoked."));
            return;
        }
        m_error->hide();
        Q_EMIT submitted();
    });
    resize(460, sizeHint().height());
}

QString ReviewRevokeDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

void ReviewRevokeDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

void ReviewRevokeDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

} // namespace trellis::ui
