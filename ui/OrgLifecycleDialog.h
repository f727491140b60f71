#pragma once

#include "client/ApiFailure.h"
#include "client/OrgImpact.h"
#include "core/Org.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace trellis::ui {

/// Confirms suspending, resuming or offboarding an organisation after showing what it touches: how many
/// organisations, memberships, people, admins and active sessions. Offboarding cannot be undone, so it also asks
/// for the organisation's name to be typed. The page loads the impact and sends the change.
class OrgLifecycleDialog : public QDialog
{
    Q_OBJECT

public:
    /// `change`: "suspend", "resume" or "offboard".
    OrgLifecycleDialog(const QString& change, const core::Org& org, QWidget* parent = nullptr);

    QString change() const { return m_change; }
    QString reason() const;

    void setImpact(const client::OrgImpact& impact);
    void showFailure(const client::ApiFailure& failure);
    void setBusy(bool busy);

    QLabel* impactLabel() const { return m_impact; }
    QLineEdit* confirmationEdit() const { return m_confirmation; }
    QLineEdit* reasonEdit() const { return m_reason; }
    QDialogButtonBox* buttons() const { return m_buttons; }

Q_SIGNALS:
    void submitted();

private:
    void updateOk();

    QString m_change;
    core::Org m_org;
    QLabel* m_impact = nullptr;
    QLineEdit* m_reason = nullptr;
    QLineEdit* m_confirmation = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_impactKnown = false;
    bool m_busy = false;
};

} // namespace trellis::ui
