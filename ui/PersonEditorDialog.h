#pragma once

#include "client/PersonDetails.h"
#include "core/Org.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace trellis::models {
class ConsoleSession;
}

namespace trellis::ui {

/// Everything about one person the signed-in admin may see and change: the profile, every visible membership with
/// its roles and end date, MFA and sessions, and the account's status. What the admin may not do is not offered;
/// when the server still refuses, its reason appears next to what caused it, and what was typed stays.
class PersonEditorDialog : public QDialog
{
    Q_OBJECT

public:
    PersonEditorDialog(models::ConsoleSession* session, const QString& userId, QWidget* parent = nullptr);

    /// Loads (again) from the server.
    void reload();
    bool isLoaded() const { return m_loaded; }
    const client::PersonDetails& person() const { return m_person; }

    QLineEdit* nameEdit() const { return m_name; }
    QTreeWidget* membershipTree() const { return m_memberships; }
    QLineEdit* titleEdit() const { return m_title; }
    QCheckBox* endsCheck() const { return m_ends; }
    QDateTimeEdit* endsEdit() const { return m_endsAt; }
    QPushButton* saveNameButton() const { return m_saveName; }
    QPushButton* saveMembershipButton() const { return m_saveMembership; }
    QPushButton* assignRoleButton() const { return m_assignRole; }
    QPushButton* revokeRoleButton() const { return m_revokeRole; }
    QPushButton* offboardMembershipButton() const { return m_offboardMembership; }
    QPushButton* resetMfaButton() const { return m_resetMfa; }
    QPushButton* signOutButton() const { return m_signOut; }
    QPushButton* statusButton() const { return m_status; }
    QTreeWidget* passkeyList() const { return m_passkeys; }
    QPushButton* removePasskeyButton() const { return m_removePasskey; }
    QLabel* errorLabel() const { return m_error; }
    QLabel* nameError() const { return m_nameError; }
    QLabel* membershipError() const { return m_membershipError; }

Q_SIGNALS:
    void loaded();
    /// The person's passkeys were (re)loaded into the list.
    void passkeysLoaded();
    /// Something about the person changed on the server (the people list reloads).
    void personChanged(const QString& userId);

private:
    void show(const client::PersonDetails& person);
    void loadOrgs();
    void updateActions();
    const client::PersonMembership* currentMembership() const;
    QString currentAssignmentId() const;
    /// Whether the signed-in admin holds `permission` at the membership's organisation.
    bool allowsAt(std::string_view permission, const std::string& orgId) const;
    void saveName();
    void saveMembership();
    void assignRole();
    void revokeRole();
    void offboardMembership();
    void runAccountAction(const QString& action, const QString& question);
    void loadPasskeys();
    void removePasskey();
    void showError(QLabel* label, const QString& text);
    void afterChange();

    models::ConsoleSession* m_session = nullptr;
    QString m_userId;
    client::PersonDetails m_person;
    QHash<QString, core::Org> m_orgs; ///< the membership organisations, for their paths
    bool m_loaded = false;

    QLabel* m_heading = nullptr;
    QLabel* m_summary = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_nameError = nullptr;
    QPushButton* m_saveName = nullptr;
    QTreeWidget* m_memberships = nullptr;
    QLineEdit* m_title = nullptr;
    QCheckBox* m_ends = nullptr;
    QDateTimeEdit* m_endsAt = nullptr;
    QLabel* m_membershipError = nullptr;
    QPushButton* m_saveMembership = nullptr;
    QPushButton* m_assignRole = nullptr;
    QPushButton* m_revokeRole = nullptr;
    QPushButton* m_offboardMembership = nullptr;
    QLabel* m_security = nullptr;
    QPushButton* m_resetMfa = nullptr;
    QPushButton* m_signOut = nullptr;
    QPushButton* m_status = nullptr;
    QTreeWidget* m_passkeys = nullptr;
    QPushButton* m_removePasskey = nullptr;
    bool m_passkeysVisible = false; ///< the server let us list them
    QLabel* m_error = nullptr;
};

} // namespace trellis::ui
