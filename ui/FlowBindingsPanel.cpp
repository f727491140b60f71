#include "ui/FlowBindingsPanel.h"

#include "client/ApiClient.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {
constexpr int kBindingIdRole = Qt::UserRole;
}

FlowBindingsPanel::FlowBindingsPanel(client::ApiClient* client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("flowBindingsPanel"));
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("flowBindingList"));
    m_list->setAccessibleName(tr("Journeys bound here"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Application"), tr("Journey")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_remove = new QPushButton(tr("&Remove binding"), this);
    m_remove->setObjectName(QStringLiteral("flowRemoveBinding"));
    m_effective = new QTreeWidget(this);
    m_effective->setObjectName(QStringLiteral("flowEffectiveBindings"));
    m_effective->setAccessibleName(tr("Journeys that apply here"));
    m_effective->setRootIsDecorated(false);
    m_effective->setHeaderLabels({tr("Application"), tr("Journey"), tr("Bound at")});
    m_effective->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_application = new QComboBox(this);
    m_application->setObjectName(QStringLiteral("flowBindApplication"));
    m_application->setAccessibleName(tr("Application to bind the journey for"));
    m_bind = new QPushButton(tr("&Bind this journey"), this);
    m_bind->setObjectName(QStringLiteral("flowBind"));
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->hide();

    auto* bindRow = new QHBoxLayout;
    auto* forLabel = new QLabel(tr("&For:"), this);
    forLabel->setBuddy(m_application);
    bindRow->addWidget(forLabel);
    bindRow->addWidget(m_application, 1);
    bindRow->addWidget(m_bind);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_remove, 0, Qt::AlignLeft);
    layout->addLayout(bindRow);
    layout->addWidget(m_note);
    auto* effectiveLabel = new QLabel(tr("What sign-ins here use (including bindings made above):"), this);
    effectiveLabel->setWordWrap(true);
    layout->addWidget(effectiveLabel);
    layout->addWidget(m_effective, 1);

    connect(m_bind, &QPushButton::clicked, this, [this] { bind(m_application->currentData().toString()); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem* item = m_list->currentItem())
            removeBinding(item->data(0, kBindingIdRole).toString());
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this] { m_remove->setEnabled(m_list->currentItem() != nullptr); });
    m_remove->setEnabled(false);
}

void FlowBindingsPanel::setContext(const QString& orgId, const QString& orgName, const QString& flowId,
                                   const QString& flowName)
{
    m_orgId = orgId;
    m_orgName = orgName;
    m_flowId = flowId;
    m_flowName = flowName;
    m_heading->setText(orgId.isEmpty() ? tr("Pick an organisation.") : tr("Journeys bound at %1:").arg(orgName));
    m_bind->setText(flowName.isEmpty() ? tr("&Bind this journey") : tr("&Bind “%1”").arg(flowName));
    m_bind->setEnabled(!flowId.isEmpty() && !orgId.isEmpty());
    reload();
}

QString FlowBindingsPanel::applicationName(const QString& clientId) const
{
    if (clientId.isEmpty())
        return tr("All applications");
    for (const auto& app : m_applications)
        if (app.id == clientId)
            return app.name.isEmpty() ? app.id : app.name;
    return clientId;
}

void FlowBindingsPanel::reload()
{
    const quint64 generation = ++m_generation;
    m_list->clear();
    m_effective->clear();
    if (m_orgId.isEmpty())
        return;
    m_client->listApplications(this, [this, generation](client::ApiResult<std::vector<client::ApplicationInfo>> r) {
        if (generation != m_generation)
            return;
        m_applications = r.ok() ? *r.value : std::vector<client::ApplicationInfo>();
        m_application->clear();
        m_application->addItem(tr("All applications"), QString());
        for (const auto& app : m_applications)
            m_application->addItem(app.name.isEmpty() ? app.id : app.name, app.id);
        m_client->listFlowBindings(m_orgId, this, [this, generation](client::ApiResult<client::FlowBindings> b) {
            if (generation != m_generation)
                return;
            if (!b.ok()) {
                m_note->setText(tr("The bindings could not be loaded: %1").arg(b.failure.message));
                m_note->show();
                Q_EMIT failed(b.failure.message);
                return;
            }
            m_bindings = *b.value;
            fill();
            Q_EMIT loaded();
        });
    });
}

void FlowBindingsPanel::fill()
{
    m_list->clear();
    m_effective->clear();
    for (const auto& binding : m_bindings.bindings) {
        auto* item = new QTreeWidgetItem(m_list, {applicationName(binding.clientId), binding.flowName});
        item->setData(0, kBindingIdRole, binding.id);
    }
    for (const auto& e : m_bindings.effective) {
        new QTreeWidgetItem(
            m_effective, {applicationName(e.clientId), e.flowName, e.fromOrgId == m_orgId ? m_orgName : e.fromOrgId});
    }
    if (m_bindings.effective.empty())
        new QTreeWidgetItem(m_effective, {tr("All applications"), tr("The built-in sign-in"), QString()});
}

void FlowBindingsPanel::bind(const QString& clientId)
{
    if (m_flowId.isEmpty() || m_orgId.isEmpty())
        return;
    m_note->hide();
    m_client->bindFlow(m_orgId, clientId, m_flowId, this, [this](client::ApiResult<client::FlowBinding> result) {
        if (!result.ok()) {
            m_note->setText(result.failure.code == QLatin1String("flow_not_published")
                                ? tr("Publish the journey first: only a published journey can be bound.")
                                : tr("The journey could not be bound: %1").arg(result.failure.message));
            m_note->show();
            Q_EMIT failed(result.failure.message);
            return;
        }
        reload();
    });
}

void FlowBindingsPanel::removeBinding(const QString& bindingId)
{
    if (bindingId.isEmpty())
        return;
    if (confirm && !confirm(tr("Remove binding"), tr("Sign-ins here will use the journey that applies above, or the "
                                                     "built-in one. Remove the binding?")))
        return;
    m_client->deleteFlowBinding(bindingId, this, [this](client::ApiResult<bool> result) {
        if (!result.ok()) {
            m_note->setText(tr("The binding could not be removed: %1").arg(result.failure.message));
            m_note->show();
            return;
        }
        reload();
    });
}

} // namespace trellis::ui
