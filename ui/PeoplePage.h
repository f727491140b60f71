#pragma once

#include "core/Org.h"
#include "models/BulkActionModel.h"
#include "ui/SectionPage.h"

#include <QDateTime>
#include <QTimer>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTabWidget;
class QToolButton;
class QTableView;
class QTreeView;

namespace trellis::models {
class ConsoleSession;
class MemberListModel;
class OrgTreeModel;
} // namespace trellis::models

namespace trellis::ui {

class BulkActionPanel;
class InvitationsPanel;

/// The "People" section: the members of the organisation picked on the left (optionally with everyone below it),
/// filtered by status, membership source, inactivity and text, sorted by the server, and acted on in bulk — disable,
/// enable, offboard, sign out everywhere, assign or revoke a role — with a progress bar and a result for every
/// person; its invitations on a second tab; invite and CSV import for the organisation.
class PeoplePage : public SectionPage
{
    Q_OBJECT
public:
    explicit PeoplePage(models::ConsoleSession* session, QWidget* parent = nullptr);
    ~PeoplePage() override;

    QString sectionKey() const override;
    QString title() const override;
    QIcon icon() const override;
    void activate() override;
    void reload() override;
    void recover() override;
    void focusSearch() override;
    bool isBusy() const override;
    void prepareScreenshot() override;

    QTreeView* orgTree() const { return m_tree; }
    QTableView* table() const { return m_table; }
    models::MemberListModel* memberModel() const { return m_members; }
    models::BulkActionModel* bulkModel() const { return m_bulk; }
    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* statusFilter() const { return m_status; }
    QComboBox* sourceFilter() const { return m_source; }
    QCheckBox* inactiveFilter() const { return m_inactive; }
    QSpinBox* inactiveDays() const { return m_inactiveDays; }
    QCheckBox* subtreeFilter() const { return m_subtree; }
    QAction* disableAction() const { return m_disableAction; }
    QAction* enableAction() const { return m_enableAction; }
    QAction* offboardAction() const { return m_offboardAction; }
    QAction* revokeSessionsAction() const { return m_revokeAction; }
    QAction* inviteAction() const { return m_inviteAction; }
    QAction* importAction() const { return m_importAction; }
    QAction* openPersonAction() const { return m_openAction; }
    QAction* assignRoleAction() const { return m_assignRoleAction; }
    QAction* revokeRoleAction() const { return m_revokeRoleAction; }
    QProgressBar* progressBar() const;
    QTableView* resultsView() const;
    QTabWidget* tabs() const { return m_tabs; }
    InvitationsPanel* invitationsPanel() const { return m_invitations; }

    /// Runs an account-wide action ("disable", "enable", "offboard", "revoke-sessions") on the selected people,
    /// after a confirmation unless `confirmed`.
    void runBulkAction(const QString& action, bool confirmed = false);
    /// Asks which role to assign to (or revoke from) the selected people at the selected organisation, then does it
    /// for each of them with a result per person.
    void chooseRoleForSelected(bool assign);
    /// Opens the invite dialog for the selected organisation.
    void invite();
    /// Opens the CSV import wizard for the selected organisation.
    void importPeople();
    /// Opens the person editor for the current row.
    void openPerson();

private:
    void attachTree();
    void onOrgChanged(const QModelIndex& current);
    void applyFilters();
    void onSortRequested(int column, Qt::SortOrder order);
    void loadRoleNames();
    void updateActions();
    void updateBusy();
    void onBulkFinished();
    void runRoleAssignment(const std::vector<models::BulkActionModel::Item>& items, const QString& orgId,
                           const QString& roleId, const QString& roleName, const QString& justification,
                           const QDateTime& expiresAt);
    void runRoleRevocation(const std::vector<models::BulkActionModel::Item>& items, const QString& orgId,
                           const QString& roleId, const QString& roleName);
    std::vector<models::BulkActionModel::Item> selectedPeople() const;
    void advanceScreenshot();

    models::ConsoleSession* m_session = nullptr;
    models::OrgTreeModel* m_treeModel = nullptr;
    models::MemberListModel* m_members = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    models::BulkActionModel* m_bulk = nullptr;

    QTreeView* m_tree = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_note = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_source = nullptr;
    QCheckBox* m_inactive = nullptr;
    QSpinBox* m_inactiveDays = nullptr;
    QCheckBox* m_subtree = nullptr;
    QTableView* m_table = nullptr;
    QWidget* m_actionBar = nullptr;
    BulkActionPanel* m_bulkPanel = nullptr;
    InvitationsPanel* m_invitations = nullptr;
    QTabWidget* m_tabs = nullptr;
    QAction* m_assignRoleAction = nullptr;
    QAction* m_revokeRoleAction = nullptr;
    QToolButton* m_rolesButton = nullptr;
    QAction* m_disableAction = nullptr;
    QAction* m_enableAction = nullptr;
    QAction* m_offboardAction = nullptr;
    QAction* m_revokeAction = nullptr;
    QAction* m_inviteAction = nullptr;
    QAction* m_openAction = nullptr;
    QPushButton* m_inviteButton = nullptr;
    QAction* m_importAction = nullptr;
    QPushButton* m_importButton = nullptr;

    core::Org m_org;
    QString m_sort = QStringLiteral("name"); ///< the server-side order of the member list
    QTimer m_searchDelay;
    QTimer m_busyRecheck;
    bool m_busy = false;
    bool m_loadedOnce = false;
    bool m_screenshotPending = false;
};

} // namespace trellis::ui
