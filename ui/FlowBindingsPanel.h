#pragma once

#include "client/FlowRecords.h"

#include <functional>
#include <vector>

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace trellis::client {
class ApiClient;
}

namespace trellis::ui {

/// Which journey sign-ins at an organisation use: its own bindings (per application or for all), what applies
/// there including inherited ones, binding the open journey, and removing a binding.
class FlowBindingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FlowBindingsPanel(client::ApiClient* client, QWidget* parent = nullptr);

    std::function<bool(const QString& title, const QString& text)> confirm;

    /// The organisation shown and the journey the "Bind" button binds.
    void setContext(const QString& orgId, const QString& orgName, const QString& flowId, const QString& flowName);
    void reload();
    QTreeWidget* bindingList() const { return m_list; }
    QTreeWidget* effectiveList() const { return m_effective; }
    QComboBox* applicationChoice() const { return m_application; }
    QPushButton* bindButton() const { return m_bind; }
    const client::FlowBindings& bindings() const { return m_bindings; }
    /// Binds the open journey for `clientId` (empty: every application).
    void bind(const QString& clientId);
    void removeBinding(const QString& bindingId);

Q_SIGNALS:
    void loaded();
    void failed(const QString& message);

private:
    QString applicationName(const QString& clientId) const;
    void fill();

    client::ApiClient* m_client;
    QString m_orgId;
    QString m_orgName;
    QString m_flowId;
    QString m_flowName;
    client::FlowBindings m_bindings;
    std::vector<client::ApplicationInfo> m_applications;
    QLabel* m_heading = nullptr;
    QLabel* m_note = nullptr;
    QTreeWidget* m_list = nullptr;
    QTreeWidget* m_effective = nullptr;
    QComboBox* m_application = nullptr;
    QPushButton* m_bind = nullptr;
    QPushButton* m_remove = nullptr;
    quint64 m_generation = 0;
};

} // namespace trellis::ui
