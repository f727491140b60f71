#include "ui/RoleAssignDialog.h"

#include "ui/PermissionText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace trellis::ui {

RoleAssignDialog::RoleAssignDialog(const QString& personName, const QString& orgName, QWidget* parent, Purpose purpose)
    : QDialog(parent)
    , m_purpose(purpose)
{
    const bool assign = purpose == Purpose::Assign;
    setObjectName(assign ? QStringLiteral("roleAssignDialog") : QStringLiteral("roleRevokeDialog"));
    setWindowTitle(assign ? tr("Assign a role to %1 at %2").arg(personName, orgName)
                          : tr("Revoke a role from %1 at %2").arg(personName, orgName));

    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("role"));
    m_role->setAccessibleName(tr("Role"));
    m_role->addItem(tr("Loading the roles you may assign…"));
    m_role->setEnabled(false);
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);

    m_expires = new QCheckBox(tr("&Ends on"), this);
    m_expiresAt = new QDateTimeEdit(QDateTime::currentDateTime().addDays(90), this);
    m_expiresAt->setObjectName(QStringLiteral("expiresAt"));
    m_expiresAt->setAccessibleName(tr("End date"));
    m_expiresAt->setCalendarPopup(true);
    m_expiresAt->setMinimumDateTime(QDateTime::currentDateTime());
    m_expiresAt->setEnabled(false);
    auto* expiry = new QHBoxLayout;
    expiry->addWidget(m_expires);
    expiry->addWidget(m_expiresAt, 1);

    m_justification = new QLineEdit(this);
    m_justification->setObjectName(QStringLiteral("justification"));
    m_justification->setAccessibleName(tr("Justification"));
    m_justification->setMaxLength(500);
    m_justification->setPlaceholderText(tr("Why this person needs it (kept in the audit trail)"));

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Role:"), m_role);
    form->addRow(QString(), m_description);
    form->addRow(tr("Expiry:"), expiry);
    form->addRow(tr("&Justification:"), m_justification);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(assign ? tr("Assign") : tr("Revoke"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    // Taking a role away needs no end date and no justification (the audit trail names who did it).
    form->setRowVisible(expiry, assign);
    form->setRowVisible(m_justification, assign);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_expires, &QCheckBox::toggled, m_expiresAt, &QWidget::setEnabled);
    connect(m_role, &QComboBox::currentIndexChanged, this, &RoleAssignDialog::updateDescription);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RoleAssignDialog::onAccept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void RoleAssignDialog::setRoles(const std::vector<client::RoleInfo>& roles)
{
    m_roles.clear();
    for (const auto& role : roles) {
        if (role.assignable)
            m_roles.push_back(role);
    }
    m_role->clear();
    for (const auto& role : m_roles)
        m_role->addItem(PermissionText::roleName(role.key, role.builtIn, role.name), QString::fromStdString(role.id));
    const bool any = !m_roles.empty();
    if (!any)
        m_role->addItem(tr("There is no role you may assign here."));
    m_role->setEnabled(any);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(any);
    updateDescription();
}

void RoleAssignDialog::updateDescription()
{
    const int index = m_role->currentIndex();
    if (index < 0 || index >= int(m_roles.size())) {
        m_description->clear();
        return;
    }
    const auto& role = m_roles[std::size_t(index)];
    // In words, not permission keys: the people choosing here are not expected to know the catalog.
    m_description->setText(
        PermissionText::roleDescription(role.key, role.builtIn, role.description) + QLatin1Char('\n') +
        (role.permissions.empty() ? tr("No administration rights.")
                                  : tr("Allows: %1").arg(PermissionText::summary(role.permissions))));
}

QString RoleAssignDialog::roleId() const
{
    return m_role->currentData().toString();
}

QString RoleAssignDialog::justification() const
{
    return m_justification->text().trimmed();
}

QDateTime RoleAssignDialog::expiresAt() const
{
    return m_expires->isChecked() ? m_expiresAt->dateTime() : QDateTime();
}

void RoleAssignDialog::onAccept()
{
    m_error->hide();
    if (m_purpose == Purpose::Assign && justification().isEmpty()) {
        m_error->setText(tr("Say why this person needs the role."));
        m_error->show();
        m_justification->setFocus();
        return;
    }
    Q_EMIT submitted();
}

void RoleAssignDialog::showFailure(const client::ApiFailure& failure)
{
    setBusy(false);
    m_error->setText(failure.message);
    m_error->show();
}

void RoleAssignDialog::setBusy(bool busy)
{
    m_role->setEnabled(!busy && !m_roles.empty());
    m_justification->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy && !m_roles.empty());
}

} // namespace trellis::ui
