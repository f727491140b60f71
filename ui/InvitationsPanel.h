#pragma once

#include "core/Org.h"

#include <map>

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace trellis::models {
class BulkActionModel;
class ConsoleSession;
class InvitationListModel;
} // namespace trellis::models

namespace trellis::ui {

class BulkActionPanel;

/// The invitations of the organisation the People section shows: who was invited, with which roles, whether they
/// accepted, and — for the selected ones — a new link (the old one dies) or revocation, with a result per invitation.
class InvitationsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit InvitationsPanel(models::ConsoleSession* session, QWidget* parent = nullptr);
    ~InvitationsPanel() override;

    /// Shows `org`'s invitations (reloading them); an org without id clears the list.
    void setOrg(const core::Org& org);
    void reload();
    bool isBusy() const;
    /// Role names (by role id) to show instead of ids; the People page loads them once for both of its lists.
    void setRoleNames(std::map<QString, QString> namesById);

    models::InvitationListModel* invitationModel() const { return m_invitations; }
    models::BulkActionModel* bulkModel() const { return m_bulk; }
    BulkActionPanel* bulkPanel() const { return m_bulkPanel; }
    QTableView* table() const { return m_table; }
    QComboBox* statusFilter() const { return m_status; }
    QAction* resendAction() const { return m_resendAction; }
    QAction* revokeAction() const { return m_revokeAction; }

    /// Sends new links for the selected invitations (the results list shows each link once), after confirmation
    /// unless `confirmed`.
    void resendSelected(bool confirmed = false);
    /// Revokes the selected invitations after confirmation unless `confirmed`.
    void revokeSelected(bool confirmed = false);

Q_SIGNALS:
    void busyChanged();

private:
    void updateActions();
    void runBulk(const QString& action, bool confirmed);

    models::ConsoleSession* m_session = nullptr;
    models::InvitationListModel* m_invitations = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    models::BulkActionModel* m_bulk = nullptr;
    core::Org m_org;
    QComboBox* m_status = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_note = nullptr;
    QWidget* m_actionBar = nullptr;
    BulkActionPanel* m_bulkPanel = nullptr;
    QAction* m_resendAction = nullptr;
    QAction* m_revokeAction = nullptr;
};

} // namespace trellis::ui
