#pragma once

#include "client/ApiFailure.h"
#include "client/RoleInfo.h"

#include <vector>

#include <QDateTime>
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace trellis::ui {

/// Assigns a role to a person at one organisation. It offers only the roles the signed-in admin may grant there
/// (the server said so per role); a justification is required and goes into the audit trail.
class RoleAssignDialog : public QDialog
{
    Q_OBJECT

public:
    RoleAssignDialog(const QString& personName, const QString& orgName, QWidget* parent = nullptr);

    /// Fills the role list with the assignable ones; says so when there are none.
    void setRoles(const std::vector<client::RoleInfo>& roles);
    QString roleId() const;
    QString justification() const;
    QDateTime expiresAt() const; ///< invalid: open-ended

    void showFailure(const client::ApiFailure& failure);
    void setBusy(bool busy);

    QComboBox* roleBox() const { return m_role; }
    QLineEdit* justificationEdit() const { return m_justification; }
    QDialogButtonBox* buttons() const { return m_buttons; }

Q_SIGNALS:
    void submitted();

private:
    void updateDescription();
    void onAccept();

    std::vector<client::RoleInfo> m_roles;
    QComboBox* m_role = nullptr;
    QLabel* m_description = nullptr;
    QCheckBox* m_expires = nullptr;
    QDateTimeEdit* m_expiresAt = nullptr;
    QLineEdit* m_justification = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace trellis::ui
