#pragma once

#include "client/FlowRecords.h"

#include <functional>
#include <optional>
#include <vector>

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace trellis::client {
class ApiClient;
}
namespace trellis::models {
class FlowEditor;
}

namespace trellis::ui {

/// A journey's published versions (note, who, when, which is live): compare two of them (or one with the draft
/// being edited) as a list of step and wire changes, restore one as the draft, or make an older one live again.
class FlowVersionsPanel : public QWidget
{
    Q_OBJECT
public:
    FlowVersionsPanel(client::ApiClient* client, models::FlowEditor* editor, QWidget* parent = nullptr);

    /// Answers "really?" questions and asks for the rollback note (set by the Login journeys section).
    std::function<bool(const QString& title, const QString& text)> confirm;
    std::function<std::optional<QString>(const QString& title, const QString& label)> askText;

    void setFlow(const QString& flowId);
    void reload();
    QTreeWidget* versionList() const { return m_list; }
    QListWidget* changeList() const { return m_changes; }
    const std::vector<client::FlowVersionInfo>& versions() const { return m_versions; }
    /// Compares version `older` with `newer` (0: the draft in the designer) and lists the changes.
    void compare(int older, int newer);
    void restore(int version);
    void rollback(int version);

Q_SIGNALS:
    void loaded();
    void compared();
    /// The server's draft changed (restore): the section reopens the journey.
    void draftReplaced();
    void published(int version);

private:
    void showChanges(const core::flow::FlowDocument& older, const core::flow::FlowDocument& newer);
    QList<int> selectedVersions() const;
    void updateButtons();

    client::ApiClient* m_client;
    models::FlowEditor* m_editor;
    QString m_flowId;
    std::vector<client::FlowVersionInfo> m_versions;
    QTreeWidget* m_list = nullptr;
    QListWidget* m_changes = nullptr;
    QLabel* m_note = nullptr;
    QPushButton* m_compareButton = nullptr;
    QPushButton* m_restoreButton = nullptr;
    QPushButton* m_rollbackButton = nullptr;
    quint64 m_generation = 0;
};

} // namespace trellis::ui
