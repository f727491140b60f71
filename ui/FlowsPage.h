#pragma once

#include "client/FlowRecords.h"
#include "core/Org.h"
#include "ui/SectionPage.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <QMessageBox>

class QAction;
class QLabel;
class QListWidget;
class QPushButton;
class QTreeView;

namespace trellis::models {
class ConsoleSession;
class FlowEditor;
class FlowRecovery;
class OrgTreeModel;
} // namespace trellis::models

namespace trellis::ui {

class FlowDesigner;
class FlowVersionsPanel;
class FlowBindingsPanel;
class FlowSimulatorPanel;

/// The "Login journeys" section: the journeys usable at the organisation picked on the left, and the visual
/// designer for the one opened — saving the draft (with revision checks), publishing, versions, bindings and the
/// simulator. Unsaved edits are kept in a recovery file until saved.
class FlowsPage : public SectionPage
{
    Q_OBJECT
public:
    /// Questions the page asks the user; tests answer them in advance.
    struct Prompts
    {
        std::function<QMessageBox::StandardButton(const QString& title, const QString& text,
                                                  QMessageBox::StandardButtons buttons,
                                                  QMessageBox::StandardButton defaultButton)>
            ask;
        /// A note for publishing; nullopt when cancelled.
        std::function<std::optional<QString>(const QString& title, const QString& label)> askText;
        /// One of `items`; its index, or nullopt when cancelled.
        std::function<std::optional<int>(const QString& title, const QString& label, const QStringList& items)>
            askChoice;
        std::function<QString(const QString& title, const QString& filter)> openFile;
        std::function<QString(const QString& title, const QString& suggested, const QString& filter)> saveFile;
    };

    explicit FlowsPage(models::ConsoleSession* session, QWidget* parent = nullptr);
    ~FlowsPage() override;

    QString sectionKey() const override;
    QString title() const override;
    QIcon icon() const override;
    void activate() override;
    void reload() override;
    void recover() override;
    bool isBusy() const override;
    void prepareScreenshot() override;

    void setPrompts(Prompts prompts);
    Prompts& prompts() { return m_prompts; }

    FlowDesigner* designer() const { return m_designer; }
    models::FlowEditor* editor() const { return m_editor; }
    models::FlowRecovery* recovery() const { return m_recovery; }
    QTreeView* orgTree() const { return m_tree; }
    QListWidget* flowList() const { return m_list; }
    QLabel* statusLabel() const { return m_status; }
    QAction* saveAction() const { return m_saveAction; }
    QAction* publishAction() const { return m_publishAction; }
    QAction* exportAction() const { return m_exportAction; }
    QAction* importAction() const { return m_importAction; }
    FlowVersionsPanel* versionsPanel() const { return m_versions; }
    FlowBindingsPanel* bindingsPanel() const { return m_bindings; }
    FlowSimulatorPanel* simulatorPanel() const { return m_simulator; }

    const core::Org& org() const { return m_org; }
    const std::vector<client::FlowSummary>& flows() const { return m_flows; }
    /// The flow open in the designer (empty id: none, or the built-in journey opened without a server).
    QString flowId() const { return m_flowId; }
    int draftRevision() const { return m_revision; }
    bool flowsLoaded() const { return m_flowsLoaded; }
    /// False when the server has no login-journey API (an older trellisd): the designer works on a local copy.
    bool serverHasFlows() const { return m_serverHasFlows; }

    /// Opens a flow (asking first when unsaved edits would be lost).
    void openFlow(const QString& flowId);
    /// Opens `document` without a server (export only); used when the server has no journeys.
    void openLocal(const core::flow::FlowDocument& document, const QString& name);
    void save();
    void publish();
    bool exportTo(const QString& path);
    bool importFrom(const QString& path);
    /// Asks to save or discard unsaved edits; false when the user cancels.
    bool confirmDiscard();

Q_SIGNALS:
    void flowOpened(const QString& flowId);
    void flowSaved(int revision);
    void flowPublished(int version);
    void saveFailed(const QString& code);

private:
    void attachTree();
    void onOrgChanged(const QModelIndex& current);
    void loadFlows();
    void loadCatalog();
    void fillList();
    void updateStatus();
    void updateBusy();
    void offerRecovery();
    void advanceScreenshot();
    QMessageBox::StandardButton ask(const QString& title, const QString& text, QMessageBox::StandardButtons buttons,
                                    QMessageBox::StandardButton defaultButton);

    models::ConsoleSession* m_session;
    models::OrgTreeModel* m_treeModel;
    models::FlowEditor* m_editor;
    models::FlowRecovery* m_recovery;
    std::shared_ptr<core::flow::NodeCatalog> m_catalog;
    Prompts m_prompts;
    QTreeView* m_tree = nullptr;
    QListWidget* m_list = nullptr;
    QPushButton* m_newButton = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_note = nullptr;
    FlowDesigner* m_designer = nullptr;
    FlowVersionsPanel* m_versions = nullptr;
    FlowBindingsPanel* m_bindings = nullptr;
    FlowSimulatorPanel* m_simulator = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_publishAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_newAction = nullptr;
    core::Org m_org;
    std::vector<client::FlowSummary> m_flows;
    QString m_flowId;
    QString m_flowName;
    int m_revision = 0;
    bool m_flowsLoaded = false;
    bool m_serverHasFlows = true;
    bool m_loadedOnce = false;
    bool m_busyFlag = false;
    bool m_restoringSelection = false;
    bool m_screenshotPending = false;
    quint64 m_generation = 0;
    quint64 m_openRequest = 0;
};

} // namespace trellis::ui
