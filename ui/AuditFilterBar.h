#pragma once

#include "client/AuditFilter.h"
#include "client/AuditRecords.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QToolButton;

namespace trellis::models {
class OrgSearchModel;
}

namespace trellis::ui {

class OrgSearchField;

/// The audit browser's filter bar: time range (presets or custom), actor, organisation (search), action groups,
/// outcome and free text. Every change emits filterEdited() (typing only after a short pause); the server's complaint
/// about a parameter shows right below the control that sets it.
class AuditFilterBar : public QWidget
{
    Q_OBJECT
public:
    AuditFilterBar(models::OrgSearchModel* orgSearch, QWidget* parent = nullptr);

    client::AuditFilter filter() const;
    /// Shows `filter` in the controls without emitting filterEdited(). `orgName` labels the organisation.
    void setFilter(const client::AuditFilter& filter, const QString& orgName = QString());
    void setGroups(const std::vector<client::AuditGroupInfo>& groups);
    /// Names the organisation of the filter once its name is known.
    void setOrgName(const QString& orgId, const QString& name);

    /// Shows `message` below the control for the API parameter `field` (or below the bar for an unknown one).
    void showFieldError(const QString& field, const QString& message);
    void clearErrors();
    /// The text of the error shown for `field` (tests); empty when none.
    QString fieldError(const QString& field) const;

    QLineEdit* textField() const { return m_text; }
    QLineEdit* actorField() const { return m_actor; }
    QComboBox* rangeBox() const { return m_range; }
    QDateTimeEdit* fromEdit() const { return m_from; }
    QDateTimeEdit* toEdit() const { return m_to; }
    OrgSearchField* orgField() const { return m_org; }
    QToolButton* groupsButton() const { return m_groupsButton; }
    QCheckBox* outcomeBox(const QString& outcome) const;
    /// Checks exactly `groups` (tests and "show related").
    void checkGroups(const QStringList& groups);

Q_SIGNALS:
    void filterEdited();

private:
    QWidget* withError(QWidget* control, const QString& field);
    void onRangeChanged();
    void updateGroupsButton();
    void emitEdited();

    models::OrgSearchModel* m_orgSearch;
    QComboBox* m_range = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QLineEdit* m_actor = nullptr;
    OrgSearchField* m_org = nullptr;
    QToolButton* m_orgClear = nullptr;
    QToolButton* m_groupsButton = nullptr;
    QMenu* m_groupsMenu = nullptr;
    QHash<QString, QCheckBox*> m_outcomes;
    QLineEdit* m_text = nullptr;
    QLabel* m_otherError = nullptr;
    QHash<QString, QLabel*> m_errors; ///< API parameter name → its error label
    QString m_orgId;
    QString m_orgName;
    QTimer m_typing;
    bool m_updating = false;
};

} // namespace trellis::ui
