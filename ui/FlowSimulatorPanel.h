#pragma once

#include "client/FlowRecords.h"

#include <nlohmann/json.hpp>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace trellis::client {
class ApiClient;
}

namespace trellis::ui {

class FlowDesigner;

/// Tries the journey in the designer on a made-up sign-in: the scenario form (who signs in, what they know and
/// have, from where), then the path the server's simulator took lights up on the canvas step by step, with the
/// page shown and the facts known at each step. Nothing is signed in, sent or recorded.
class FlowSimulatorPanel : public QWidget
{
    Q_OBJECT
public:
    FlowSimulatorPanel(client::ApiClient* client, FlowDesigner* designer, QWidget* parent = nullptr);

    void setFlow(const QString& flowId, const QString& orgId);
    /// The scenario as the form says (contract's Scenario JSON).
    nlohmann::json scenario() const;
    void run();
    /// Shows a simulation's outcome and steps (what run() does with the server's answer) and lights the first step.
    void setResult(const client::SimulationResult& result);
    /// Shows step `index` of the last result on the canvas and in the details.
    void showStep(int index);
    const client::SimulationResult& result() const { return m_result; }
    QListWidget* stepList() const { return m_steps; }
    QTextBrowser* details() const { return m_details; }
    QLineEdit* emailField() const { return m_email; }
    QComboBox* passwordChoice() const { return m_password; }
    QLineEdit* addressField() const { return m_address; }
    QLabel* addressError() const { return m_addressError; }
    QComboBox* applicationChoice() const { return m_application; }
    QPushButton* runButton() const { return m_run; }

Q_SIGNALS:
    void finished();
    void failed(const QString& message);

private:
    client::ApiClient* m_client;
    FlowDesigner* m_designer;
    QString m_flowId;
    QString m_orgId;
    client::SimulationResult m_result;
    QLineEdit* m_email = nullptr;
    QCheckBox* m_userExists = nullptr;
    QCheckBox* m_hasPassword = nullptr;
    QComboBox* m_password = nullptr;
    QCheckBox* m_hasTotp = nullptr;
    QComboBox* m_totp = nullptr;
    QComboBox* m_passkey = nullptr;
    QComboBox* m_magicLink = nullptr;
    QComboBox* m_emailCode = nullptr;
    QComboBox* m_device = nullptr;
    QLineEdit* m_address = nullptr;
    QLabel* m_addressError = nullptr;
    QComboBox* m_application = nullptr;
    bool m_applicationsLoaded = false;
    QLineEdit* m_country = nullptr;
    QSpinBox* m_hour = nullptr;
    QComboBox* m_risk = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_outcome = nullptr;
    QListWidget* m_steps = nullptr;
    QTextBrowser* m_details = nullptr;
};

} // namespace trellis::ui
