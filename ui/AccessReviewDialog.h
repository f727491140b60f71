#pragma once

#include "core/AccessReview.h"
#include "core/Org.h"

#include <map>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace trellis::models {
class OrgSearchModel;
}

namespace trellis::ui {

class OrgSearchField;

/// "New campaign…": the name, the organisation whose subtree is reviewed (search field, preset to the admin's own),
/// what is reviewed (role assignments, memberships, admin rights), the due date and what happens to undecided items
/// then. Problems the server reports appear next to the field they concern, and the dialog stays open.
class AccessReviewDialog : public QDialog
{
    Q_OBJECT

public:
    AccessReviewDialog(models::OrgSearchModel* orgSearch, const core::Org& org, QWidget* parent = nullptr);

    /// The campaign to create (name, orgId, what is reviewed, dueAt, dueRule).
    core::AccessReviewCampaign draft() const;
    void setOrg(const core::Org& org);
    const core::Org& org() const { return m_org; }
    /// Shows `message` next to `field` (an API field name: "name", "orgId", "reviewed", "dueAt"), else above the
    /// buttons.
    void showError(const QString& field, const QString& message);
    void clearErrors();
    void setBusy(bool busy);

    QLineEdit* nameEdit() const { return m_name; }
    OrgSearchField* orgField() const { return m_orgField; }
    QCheckBox* rolesCheck() const { return m_roles; }
    QCheckBox* membershipsCheck() const { return m_memberships; }
    QCheckBox* adminRightsCheck() const { return m_adminRights; }
    QDateTimeEdit* dueEdit() const { return m_due; }
    QComboBox* ruleCombo() const { return m_rule; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    QLabel* errorLabel(const QString& field) const;

Q_SIGNALS:
    /// OK was pressed with the fields filled in: the owner sends draft() and answers with accept() or showError().
    void submitted();

private:
    void submit();

    core::Org m_org;
    QLineEdit* m_name = nullptr;
    OrgSearchField* m_orgField = nullptr;
    QLabel* m_orgPath = nullptr;
    QCheckBox* m_roles = nullptr;
    QCheckBox* m_memberships = nullptr;
    QCheckBox* m_adminRights = nullptr;
    QDateTimeEdit* m_due = nullptr;
    QComboBox* m_rule = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    std::map<QString, QLabel*> m_errors;
};

} // namespace trellis::ui
