#include "ui/FlowSimulatorPanel.h"

#include "client/ApiClient.h"
#include "core/flow/AddressRange.h"
#include "models/FlowEditor.h"
#include "ui/FlowDesigner.h"
#include "ui/FlowNodeItem.h"
#include "ui/FlowScene.h"
#include "ui/FlowView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

QComboBox* choice(QWidget* parent, const QString& name, const QList<std::pair<QString, QString>>& items)
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(name);
    for (const auto& [value, caption] : items)
        combo->addItem(caption, value);
    return combo;
}

std::string value(const QComboBox* combo)
{
    return combo->currentData().toString().toStdString();
}

} // namespace

FlowSimulatorPanel::FlowSimulatorPanel(client::ApiClient* client, FlowDesigner* designer, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_designer(designer)
{
    setObjectName(QStringLiteral("flowSimulatorPanel"));
    m_email = new QLineEdit(QStringLiteral("ada@example.com"), this);
    m_email->setObjectName(QStringLiteral("simEmail"));
    m_userExists = new QCheckBox(tr("Has an account"), this);
    m_userExists->setChecked(true);
    m_hasPassword = new QCheckBox(tr("Has a password"), this);
    m_hasPassword->setChecked(true);
    m_password = choice(this, QStringLiteral("simPassword"),
                        {{QStringLiteral("ok"), tr("Types it correctly")},
                         {QStringLiteral("wrong"), tr("Types it wrong")},
                         {QStringLiteral("locked"), tr("Account locked")}});
    m_hasTotp = new QCheckBox(tr("Has an authenticator app"), this);
    m_totp = choice(this, QStringLiteral("simTotp"),
                    {{QStringLiteral("ok"), tr("Correct code")}, {QStringLiteral("wrong"), tr("Wrong code")}});
    m_passkey = choice(this, QStringLiteral("simPasskey"),
                       {{QStringLiteral("none"), tr("No passkey")},
                        {QStringLiteral("ok"), tr("Passkey works")},
                        {QStringLiteral("fail"), tr("Passkey fails")},
                        {QStringLiteral("unsupported"), tr("Browser without passkeys")}});
    m_magicLink =
        choice(this, QStringLiteral("simMagicLink"),
               {{QStringLiteral("clicked"), tr("Clicks the link")}, {QStringLiteral("expired"), tr("Link expired")}});
    m_emailCode = choice(this, QStringLiteral("simEmailCode"),
                         {{QStringLiteral("ok"), tr("Correct code")}, {QStringLiteral("wrong"), tr("Wrong code")}});
    m_device = choice(this, QStringLiteral("simDevice"),
                      {{QStringLiteral("known"), tr("Known device")}, {QStringLiteral("new"), tr("New device")}});
    m_address = new QLineEdit(QStringLiteral("203.0.113.10"), this);
    m_address->setObjectName(QStringLiteral("simAddress"));
    m_address->setToolTip(tr("The address the sign-in comes from, for the risk assessment's allow and deny lists "
                             "and country table"));
    m_addressError = new QLabel(this);
    m_addressError->setObjectName(QStringLiteral("simAddressError"));
    m_addressError->setWordWrap(true);
    m_addressError->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_addressError->hide();
    connect(m_address, &QLineEdit::textEdited, m_addressError, &QLabel::hide);
    m_application = new QComboBox(this);
    m_application->setObjectName(QStringLiteral("simApplication"));
    m_application->addItem(tr("Any application"), QString());
    m_country = new QLineEdit(QStringLiteral("DE"), this);
    m_country->setObjectName(QStringLiteral("simCountry"));
    m_country->setMaxLength(2);
    m_hour = new QSpinBox(this);
    m_hour->setRange(0, 23);
    m_hour->setValue(10);
    m_risk = choice(this, QStringLiteral("simRisk"),
                    {{QString(), tr("As computed")},
                     {QStringLiteral("low"), tr("Low")},
                     {QStringLiteral("medium"), tr("Medium")},
                     {QStringLiteral("high"), tr("High")}});
    m_run = new QPushButton(tr("&Run simulation"), this);
    m_run->setObjectName(QStringLiteral("simRun"));
    m_outcome = new QLabel(this);
    m_outcome->setWordWrap(true);
    m_steps = new QListWidget(this);
    m_steps->setObjectName(QStringLiteral("simSteps"));
    m_steps->setAccessibleName(tr("Simulated steps"));
    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("simDetails"));
    m_details->setAccessibleName(tr("Page and facts at the step"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Email:"), m_email);
    form->addRow(QString(), m_userExists);
    form->addRow(QString(), m_hasPassword);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_hasTotp);
    form->addRow(tr("&Authenticator:"), m_totp);
    form->addRow(tr("Pass&key:"), m_passkey);
    form->addRow(tr("Email &link:"), m_magicLink);
    form->addRow(tr("Email &code:"), m_emailCode);
    form->addRow(tr("&Device:"), m_device);
    form->addRow(tr("Addre&ss:"), m_address);
    form->addRow(QString(), m_addressError);
    form->addRow(tr("Appl&ication:"), m_application);
    form->addRow(tr("C&ountry:"), m_country);
    form->addRow(tr("&Hour:"), m_hour);
    form->addRow(tr("&Risk:"), m_risk);
    for (QWidget* w : std::initializer_list<QWidget*>{m_email, m_password, m_totp, m_passkey, m_magicLink, m_emailCode,
                                                      m_device, m_address, m_application, m_country, m_hour, m_risk}) {
        if (auto* label = qobject_cast<QLabel*>(form->labelForField(w)))
            w->setAccessibleName(QString(label->text()).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    }
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_run, 0, Qt::AlignLeft);
    layout->addWidget(m_outcome);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_details, 1);

    connect(m_run, &QPushButton::clicked, this, &FlowSimulatorPanel::run);
    connect(m_steps, &QListWidget::currentRowChanged, this, &FlowSimulatorPanel::showStep);
    m_run->setEnabled(false);
}

void FlowSimulatorPanel::setFlow(const QString& flowId, const QString& orgId)
{
    m_flowId = flowId;
    m_orgId = orgId;
    m_run->setEnabled(!flowId.isEmpty());
    if (!flowId.isEmpty() && !m_applicationsLoaded) {
        m_applicationsLoaded = true;
        m_client->listApplications(this, [this](client::ApiResult<std::vector<client::ApplicationInfo>> r) {
            if (!r.ok()) {
                m_applicationsLoaded = false; // try again with the next journey
                return;
            }
            for (const auto& app : *r.value)
                m_application->addItem(app.name.isEmpty() ? app.id : app.name, app.id);
        });
    }
    m_steps->clear();
    m_details->clear();
    m_outcome->clear();
    m_designer->scene()->clearSimulationPath();
}

nlohmann::json FlowSimulatorPanel::scenario() const
{
    nlohmann::json s{
        {"email", m_email->text().trimmed().toStdString()},
        {"userExists", m_userExists->isChecked()},
        {"hasPassword", m_hasPassword->isChecked()},
        {"password", value(m_password)},
        {"hasTotp", m_hasTotp->isChecked()},
        {"totp", value(m_totp)},
        {"passkey", value(m_passkey)},
        {"magicLink", value(m_magicLink)},
        {"emailCode", value(m_emailCode)},
        {"device", value(m_device)},
        {"address", m_address->text().trimmed().toStdString()},
        {"country", m_country->text().trimmed().toUpper().toStdString()},
        {"hour", m_hour->value()},
        {"orgId", m_orgId.toStdString()},
        {"clientId", m_application->currentData().toString().isEmpty()
                         ? nlohmann::json(nullptr)
                         : nlohmann::json(m_application->currentData().toString().toStdString())},
        {"memberships", m_orgId.isEmpty() ? nlohmann::json::array() : nlohmann::json::array({m_orgId.toStdString()})},
        {"answers", nlohmann::json::object()}};
    const std::string risk = value(m_risk);
    s["forcedRisk"] = risk.empty() ? nlohmann::json(nullptr) : nlohmann::json(risk);
    return s;
}

void FlowSimulatorPanel::run()
{
    if (m_flowId.isEmpty())
        return;
    // A typo in the address is pointed out next to it, before anything is asked of the server.
    if (!core::flow::AddressRange::parseAddress(m_address->text().trimmed().toStdString())) {
        m_addressError->setText(
            tr("“%1” is not an IP address, for example 203.0.113.10 or 2001:db8::1.").arg(m_address->text().trimmed()));
        m_addressError->show();
        m_address->setFocus();
        return;
    }
    m_addressError->hide();
    m_run->setEnabled(false);
    m_outcome->setText(tr("Simulating…"));
    // The journey as drawn now, saved or not.
    m_client->simulateFlow(m_flowId, m_designer->editor()->document(), scenario(), this,
                           [this](client::ApiResult<client::SimulationResult> result) {
                               m_run->setEnabled(true);
                               m_steps->clear();
                               if (!result.ok()) {
                                   m_outcome->setText(
                                       tr("The simulation could not run: %1").arg(result.failure.message));
                                   Q_EMIT failed(result.failure.message);
                                   return;
                               }
                               setResult(*result.value);
                               Q_EMIT finished();
                           });
}

void FlowSimulatorPanel::setResult(const client::SimulationResult& result)
{
    m_result = result;
    m_steps->clear();
    const QString verdict = m_result.result == QLatin1String("success")   ? tr("Signed in.")
                            : m_result.result == QLatin1String("failure") ? tr("Not signed in.")
                                                                          : tr("Stopped: waiting for an answer.");
    // A failure step's message says why; a success needs no second "Signed in.".
    const bool explains = !m_result.message.isEmpty() && m_result.result != QLatin1String("success");
    m_outcome->setText(explains ? verdict + QLatin1Char(' ') + m_result.message : verdict);
    for (std::size_t i = 0; i < m_result.steps.size(); ++i) {
        const auto& step = m_result.steps[i];
        // The steps and exits as the canvas names them (a step of a subflow keeps its id).
        QString caption = step.nodeId;
        QString outcome = step.outcome;
        if (const FlowNodeItem* item = m_designer->scene()->nodeItem(step.nodeId)) {
            caption = item->caption();
            for (const auto& o : item->outcomes())
                if (o.name == step.outcome)
                    outcome = o.caption;
        }
        m_steps->addItem(tr("%1. %2 → %3").arg(i + 1).arg(caption, outcome.isEmpty() ? tr("(end)") : outcome));
    }
    if (!m_result.steps.empty())
        m_steps->setCurrentRow(0);
}

void FlowSimulatorPanel::showStep(int index)
{
    if (index < 0 || index >= int(m_result.steps.size())) {
        m_designer->scene()->clearSimulationPath();
        return;
    }
    QStringList nodes;
    QStringList edges;
    for (int i = 0; i <= index; ++i) {
        const auto& step = m_result.steps[std::size_t(i)];
        nodes.append(step.nodeId);
        if (i < index && !step.outcome.isEmpty())
            edges.append(step.nodeId + QLatin1Char('\n') + step.outcome);
    }
    const auto& step = m_result.steps[std::size_t(index)];
    m_designer->scene()->setSimulationPath(nodes, edges, step.nodeId);
    m_designer->view()->centreOnNode(step.nodeId);
    QString html = QStringLiteral("<h3>%1</h3>").arg(tr("Step %1: %2").arg(index + 1).arg(step.nodeId.toHtmlEscaped()));
    if (!step.outcome.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(tr("Leaves by “%1”.").arg(step.outcome.toHtmlEscaped()));
    if (!step.screen.is_null())
        html += QStringLiteral("<p><b>%1</b></p><pre>%2</pre>")
                    .arg(tr("Page shown:"), QString::fromStdString(step.screen.dump(2)).toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b></p><pre>%2</pre>")
                .arg(tr("Facts known:"), QString::fromStdString(step.facts.dump(2)).toHtmlEscaped());
    if (!step.events.empty())
        html += QStringLiteral("<p><b>%1</b></p><pre>%2</pre>")
                    .arg(tr("Events:"), QString::fromStdString(step.events.dump(2)).toHtmlEscaped());
    m_details->setHtml(html);
}

} // namespace trellis::ui
