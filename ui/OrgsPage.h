#pragma once

#include "core/Org.h"
#include "ui/SectionPage.h"

#include <QPersistentModelIndex>
#include <QTimer>

class QAction;
class QLabel;
class QSplitter;
class QTreeView;

namespace trellis::models {
class ConsoleSession;
class MemberListModel;
class OrgSearchModel;
class OrgTreeModel;
} // namespace trellis::models

namespace trellis::ui {

class IdentityProvidersPanel;
class OrgDetailsPane;
class OrgSearchField;

/// The "Organisations" section: a lazily loaded tree of the caller's organisations, a search that finds
/// an org anywhere and reveals it in the tree, and the details of the selected org.
class OrgsPage : public SectionPage
{
    Q_OBJECT
public:
    explicit OrgsPage(models::ConsoleSession* session, QWidget* parent = nullptr);
    ~OrgsPage() override;

    QString sectionKey() const override;
    QString title() const override;
    QIcon icon() const override;
    void activate() override;
    void reload() override;
    void recover() override;
    void focusSearch() override;
    bool isBusy() const override { return m_busy; }
    void prepareScreenshot() override;

    QTreeView* treeView() const { return m_tree; }
    models::OrgTreeModel* treeModel() const { return m_treeModel; }
    OrgSearchField* searchField() const { return m_search; }
    OrgDetailsPane* detailsPane() const { return m_details; }
    IdentityProvidersPanel* identityProvidersPanel() const { return m_identityProviders; }

    /// Loads the ancestors of `org` as needed, then selects it and scrolls to it.
    void revealOrg(const core::Org& org);

    // Editing, offered only where the signed-in admin may do it (the server decides again).
    QAction* newOrgAction() const { return m_newOrgAction; }
    QAction* editOrgAction() const { return m_editOrgAction; }
    QAction* suspendAction() const { return m_suspendAction; }
    QAction* resumeAction() const { return m_resumeAction; }
    QAction* offboardAction() const { return m_offboardAction; }
    void createSubOrg();
    void editOrg();
    /// `change`: "suspend", "resume" or "offboard"; asks for confirmation with the impact first.
    void changeStatus(const QString& change);
    /// Asks whether to move `orgId` under `newParentId` and does it (drag and drop ends here).
    void confirmMove(const QString& orgId, const QString& newParentId);

Q_SIGNALS:
    /// An organisation was created, renamed, moved, suspended, resumed or offboarded.
    void orgChanged(const QString& orgId);

private:
    void createActions();
    void updateActions();
    /// Whether the signed-in admin holds `permission` at the parent of `org` (false for a root).
    bool allowsAtParent(std::string_view permission, const core::Org& org) const;
    /// Reloads the tree and shows `org` again (after a change that moves things around).
    void reloadShowing(const core::Org& org);
    void attachTreeModel();
    void onCurrentChanged(const QModelIndex& current);
    void onRevealed(const QModelIndex& index);
    void fetchMoreVisible();
    void updateBusy();
    void setNote(const QString& text);
    void advanceScreenshot();
    void failScreenshot(const QString& message);

    models::ConsoleSession* m_session = nullptr;
    models::OrgTreeModel* m_treeModel = nullptr;
    models::OrgSearchModel* m_searchModel = nullptr;
    models::MemberListModel* m_memberModel = nullptr;

    QSplitter* m_splitter = nullptr;
    OrgSearchField* m_search = nullptr;
    QTreeView* m_tree = nullptr;
    QLabel* m_note = nullptr;
    OrgDetailsPane* m_details = nullptr;
    IdentityProvidersPanel* m_identityProviders = nullptr;

    QTimer m_busyRecheck;
    bool m_busy = false;
    bool m_loadedOnce = false;
    bool m_loadFailed = false;
    QString m_pendingRevealId; ///< the org the user asked to see, until the tree has revealed it
    core::Org m_selected;
    QAction* m_newOrgAction = nullptr;
    QAction* m_editOrgAction = nullptr;
    QAction* m_suspendAction = nullptr;
    QAction* m_resumeAction = nullptr;
    QAction* m_offboardAction = nullptr;
    core::Org m_restore; ///< the selection to reveal again once a reload has loaded the roots
    bool m_screenshotPending = false;
    bool m_screenshotSelected = false;
};

} // namespace trellis::ui
