#pragma once

#include "client/ApiFailure.h"
#include "client/InvitationRequest.h"
#include "client/RoleInfo.h"

#include <vector>

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace trellis::ui {

/// Invites a person to an organisation: e-mail, name and title, the roles they get on accepting (only those the
/// signed-in admin may grant there) and how long the link stays valid. Trellis has no mail server of its own yet,
/// so the dialog ends by showing the acceptance link to copy and pass on; it is shown only once.
class InviteDialog : public QDialog
{
    Q_OBJECT

public:
    InviteDialog(const QString& orgId, const QString& orgName, QWidget* parent = nullptr);

    void setRoles(const std::vector<client::RoleInfo>& roles);
    client::InvitationRequest request() const;

    void showFailure(const client::ApiFailure& failure);
    void setBusy(bool busy);
    /// The invitation exists: switch to the page with the link.
    void showLink(const QString& acceptUrl);

    QLineEdit* emailEdit() const { return m_email; }
    QLineEdit* nameEdit() const { return m_name; }
    QListWidget* roleList() const { return m_roles; }
    QPushButton* submitButton() const;
    QLineEdit* linkEdit() const { return m_link; }
    QLabel* emailError() const { return m_emailError; }
    QLabel* errorLabel() const { return m_error; }

Q_SIGNALS:
    void submitted();

private:
    void onAccept();

    QString m_orgId;
    QStackedWidget* m_pages = nullptr;
    QLineEdit* m_email = nullptr;
    QLabel* m_emailError = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_title = nullptr;
    QListWidget* m_roles = nullptr;
    QSpinBox* m_days = nullptr;
    QLabel* m_error = nullptr;
    QLineEdit* m_link = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QDialogButtonBox* m_doneButtons = nullptr;
};

} // namespace trellis::ui
