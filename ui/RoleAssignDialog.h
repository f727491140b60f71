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

/// Assigns a role to a person (or several) at one organisation — or picks the role to take away from them. It
/// offers only the roles the signed-in admin may grant there (the server said so per role; revoking needs the same);
/// an assignment needs a justification, which goes into the audit trail.
class RoleAssignDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Purpose
    {
        Assign,
        Revoke
    };

    RoleAssignDialog(const QString& personName, const QString& orgName, QWidget* parent = nullptr,
                     Purpose purpose = Purpose::Assign);
    Purpose purpose() const { return m_purpose; }

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

    Purpose m_purpose = Purpose::Assign;
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
