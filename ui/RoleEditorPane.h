#pragma once

#include "client/ApiFailure.h"
#include "client/RoleInfo.h"
#include "core/Org.h"

#include <functional>
#include <vector>

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace trellis::models {
class ConsoleSession;
}

namespace trellis::ui {

class PermissionChecklist;

/// Details and editor of one role, as seen from the organisation picked in the Roles section: what it allows
/// (grouped and explained), where it can be used, who may assign it; for custom roles the signed-in admin may
/// change, the form to change or delete it; and the form to define a new one. Server refusals appear next to the
/// field they concern, with the input kept.
class RoleEditorPane : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        Empty,  ///< nothing selected
        View,   ///< read-only (built-in, or not changeable by the signed-in admin)
        Edit,   ///< a custom role the signed-in admin may change
        Create, ///< a new custom role at the organisation
    };

    explicit RoleEditorPane(models::ConsoleSession* session, QWidget* parent = nullptr);

    /// The organisation the roles are looked at from, and the roles usable there (for "who may assign it").
    void setContext(const core::Org& org, const std::vector<client::RoleInfo>& roles);
    void showRole(const client::RoleInfo& role);
    /// A blank form for a new custom role at the organisation.
    void startNew();
    void clear();

    /// Whether the signed-in admin may define a role at the organisation (role.assign there).
    bool canCreate() const;
    /// Whether they may change and delete `role` (role.assign and all its permissions where it is defined).
    bool canChange(const client::RoleInfo& role) const;

    Mode mode() const { return m_mode; }
    const client::RoleInfo& role() const { return m_role; }
    bool isBusy() const { return m_busy; }

    /// Create or save, after the local checks.
    void save();
    /// Puts the stored role back into the form (Edit), or leaves the new role (Create).
    void revert();
    /// Deletes the role after a confirmation unless `confirmed`.
    void deleteRole(bool confirmed = false);

    /// Whether the form holds changes that were not saved (a changed role, or anything typed for a new one).
    bool hasUnsavedChanges() const;
    /// True when there is nothing unsaved, or the user agrees to drop it.
    bool confirmDiscard();
    /// Replaces the "discard your changes?" question (tests answer it in advance); true means discard.
    void setDiscardQuestion(std::function<bool(const QString& question)> ask);

    QLineEdit* keyEdit() const { return m_key; }
    QLineEdit* nameEdit() const { return m_name; }
    QPlainTextEdit* descriptionEdit() const { return m_description; }
    PermissionChecklist* checklist() const { return m_checklist; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* revertButton() const { return m_revert; }
    QPushButton* deleteButton() const { return m_delete; }
    QLabel* whereLabel() const { return m_where; }
    QLabel* summaryLabel() const { return m_summary; }
    QLabel* whoMayAssignLabel() const { return m_whoMayAssign; }
    /// The error label of "key", "name", "description", "permissions"; any other field: the one by the buttons.
    QLabel* errorLabel(const QString& field) const;

    /// Plain words for a refusal of a role change, translated for the codes the server documents.
    static QString failureText(const client::ApiFailure& failure);

Q_SIGNALS:
    /// A role was created or changed; the list should reload and select it.
    void roleSaved(const QString& roleId);
    void roleDeleted(const QString& roleId);
    /// The form left Create mode without saving.
    void creationCancelled();
    void busyChanged(bool busy);

private:
    void setMode(Mode mode);
    void fillForm(const client::RoleInfo& role);
    void updateExplanations();
    void updateButtons();
    void clearErrors();
    void setError(QLabel* label, const QString& text);
    void showFailure(const client::ApiFailure& failure);
    void setBusy(bool busy);
    bool isDirty() const;
    /// The organisation a role is defined at, as far as the path of the viewed org tells (for permission checks).
    core::Org definingOrg(const client::RoleInfo& role) const;
    QString orgName(const std::string& orgId) const;

    models::ConsoleSession* m_session = nullptr;
    core::Org m_org;
    std::vector<client::RoleInfo> m_roles;
    client::RoleInfo m_role;
    Mode m_mode = Mode::Empty;
    bool m_busy = false;
    std::function<bool(const QString&)> m_discardQuestion;

    QWidget* m_content = nullptr;
    QLabel* m_placeholder = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_kind = nullptr;
    QLabel* m_summary = nullptr; ///< the description, read-only (View)
    QWidget* m_form = nullptr;   ///< key, name, description fields (Edit, Create)
    QLineEdit* m_key = nullptr;
    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QLabel* m_keyError = nullptr;
    QLabel* m_nameError = nullptr;
    QLabel* m_descriptionError = nullptr;
    QLabel* m_where = nullptr;
    QLabel* m_permissionNote = nullptr;
    PermissionChecklist* m_checklist = nullptr;
    QLabel* m_permissionsError = nullptr;
    QLabel* m_whoMayAssign = nullptr;
    QLabel* m_generalError = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
    QPushButton* m_delete = nullptr;
};

} // namespace trellis::ui
