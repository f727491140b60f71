#pragma once

#include "client/RoleInfo.h"
#include "core/Org.h"
#include "ui/SectionPage.h"

#include <vector>

#include <QTimer>

class QAction;
class QLabel;
class QPushButton;
class QTreeView;
class QTreeWidget;

namespace trellis::models {
class ConsoleSession;
class OrgTreeModel;
} // namespace trellis::models

namespace trellis::ui {

class RoleEditorPane;

/// The "Roles" section: the roles usable at the organisation picked on the left (built-in ones and custom ones
/// defined there or above), whether the signed-in admin may assign each, and the selected role's details — what it
/// allows, where it can be used, who may assign it — with creating, changing and deleting custom roles for those
/// allowed to.
class RolesPage : public SectionPage
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        KeyColumn,
        AssignableColumn,
        KindColumn, ///< built-in, or custom and where it is defined
        ColumnCount
    };

    explicit RolesPage(models::ConsoleSession* session, QWidget* parent = nullptr);
    ~RolesPage() override;

    QString sectionKey() const override;
    QString title() const override;
    QIcon icon() const override;
    void activate() override;
    void reload() override;
    void recover() override;
    bool isBusy() const override;
    void prepareScreenshot() override;

    QTreeView* orgTree() const { return m_tree; }
    QTreeWidget* roleList() const { return m_list; }
    RoleEditorPane* editor() const { return m_editor; }
    QAction* newRoleAction() const { return m_newAction; }
    const std::vector<client::RoleInfo>& roles() const { return m_roles; }
    const core::Org& org() const { return m_org; }
    /// Whether the role list for the current organisation has arrived.
    bool isLoaded() const { return m_loaded; }

    /// Selects the role with this key (or id) in the list; false when it is not listed.
    bool selectRole(const QString& keyOrId);
    /// Starts a new custom role at the selected organisation (when allowed).
    void newRole();

private:
    void attachTree();
    void onOrgChanged(const QModelIndex& current);
    void loadRoles();
    void fillList();
    void onRoleSelected();
    void updateActions();
    void updateBusy();
    void advanceScreenshot();

    models::ConsoleSession* m_session = nullptr;
    models::OrgTreeModel* m_treeModel = nullptr;
    QTreeView* m_tree = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_note = nullptr;
    QTreeWidget* m_list = nullptr;
    RoleEditorPane* m_editor = nullptr;
    QAction* m_newAction = nullptr;
    QPushButton* m_newButton = nullptr;

    core::Org m_org;
    std::vector<client::RoleInfo> m_roles;
    QString m_selectAfterLoad;
    QString m_selectedBeforeNew; ///< shown again when a new role is cancelled
    quint64 m_generation = 0;
    QTimer m_busyRecheck;
    bool m_loading = false;
    bool m_loaded = false;
    bool m_busy = false;
    bool m_loadedOnce = false;
    bool m_screenshotPending = false;
    bool m_restoringSelection = false; ///< putting back the previous role or organisation after "keep editing"
};

} // namespace trellis::ui
