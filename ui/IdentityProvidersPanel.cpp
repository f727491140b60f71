#include "ui/IdentityProvidersPanel.h"

#include "client/ApiClient.h"
#include "models/ConsoleSession.h"
#include "ui/IdentityProviderDialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

IdentityProvidersPanel::IdentityProvidersPanel(models::ConsoleSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("identityProvidersPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* heading = new QLabel(tr("<b>Identity providers</b> (federated sign-in)"), this);
    layout->addWidget(heading);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("identityProviderList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Name"), tr("Issuer"), tr("Email domains"), tr("Just-in-time"), tr("Status")});
    m_list->setAccessibleName(tr("Identity providers"));
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("identityProvidersNote"));
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add provider…"), this);
    m_edit = new QPushButton(tr("C&hange…"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, [this] { openAddDialog(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { openEditDialog(); });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] { openEditDialog(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelected(); });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &IdentityProvidersPanel::updateButtons);
    updateButtons();
}

void IdentityProvidersPanel::setOrg(const core::Org& org)
{
    m_orgId = qs(org.id);
    reload();
}

void IdentityProvidersPanel::reload()
{
    m_providers.clear();
    m_list->clear();
    m_note->clear();
    if (m_orgId.isEmpty()) {
        updateButtons();
        return;
    }
    m_loading = true;
    updateButtons();
    const QString orgId = m_orgId;
    m_session->client()->listIdentityProviders(
        orgId, this, [this, orgId](client::ApiResult<std::vector<core::IdentityProvider>> result) {
            if (orgId != m_orgId)
                return; // another organisation was selected meanwhile
            m_loading = false;
            if (result.ok()) {
                show(*result.value);
                if (result.value->empty())
                    m_note->setText(tr("None: everybody here signs in with Trellis."));
            } else if (result.failure.httpStatus == 403) {
                m_note->setText(tr("Managing identity providers needs the permission to manage this organisation."));
            } else {
                m_note->setText(result.failure.message);
            }
            updateButtons();
            Q_EMIT loaded();
        });
}

void IdentityProvidersPanel::show(const std::vector<core::IdentityProvider>& providers)
{
    m_providers = providers;
    m_list->clear();
    for (const auto& p : m_providers) {
        QStringList domains;
        for (const auto& d : p.domains)
            domains << qs(d);
        auto* item = new QTreeWidgetItem(m_list, {qs(p.displayName), qs(p.issuer), domains.join(QStringLiteral(", ")),
                                                  p.jitProvisioning ? tr("Yes") : tr("No"),
                                                  p.enabled ? tr("Enabled") : tr("Disabled")});
        item->setData(0, Qt::UserRole, qs(p.id));
    }
}

const core::IdentityProvider* IdentityProvidersPanel::selected() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    if (!item || !item->isSelected())
        return nullptr;
    const std::string id = item->data(0, Qt::UserRole).toString().toStdString();
    for (const auto& p : m_providers) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

void IdentityProvidersPanel::updateButtons()
{
    const bool ready = !m_orgId.isEmpty() && !m_loading;
    m_add->setEnabled(ready);
    m_edit->setEnabled(ready && selected());
    m_remove->setEnabled(ready && selected());
}

IdentityProviderDialog* IdentityProvidersPanel::openAddDialog()
{
    return m_add->isEnabled() ? openDialog(nullptr) : nullptr;
}

IdentityProviderDialog* IdentityProvidersPanel::openEditDialog()
{
    const core::IdentityProvider* p = selected();
    return p && m_edit->isEnabled() ? openDialog(p) : nullptr;
}

IdentityProviderDialog* IdentityProvidersPanel::openDialog(const core::IdentityProvider* existing)
{
    auto* dialog = new IdentityProviderDialog(existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString providerId = existing ? qs(existing->id) : QString();
    const QString orgId = m_orgId;
    connect(dialog, &IdentityProviderDialog::submitted, this, [this, dialog, providerId, orgId] {
        dialog->setBusy(true);
        const auto done = [this, dialog](client::ApiResult<core::IdentityProvider> result) {
            dialog->setBusy(false);
            if (!result.ok()) {
                dialog->showError(result.failure.field, result.failure.message);
                Q_EMIT saveFinished(false);
                return;
            }
            dialog->accept();
            reload();
            Q_EMIT saveFinished(true);
        };
        if (providerId.isEmpty())
            m_session->client()->createIdentityProvider(orgId, dialog->draft(), dialog, done);
        else
            m_session->client()->updateIdentityProvider(providerId, dialog->draft(), dialog, done);
    });
    dialog->open();
    return dialog;
}

void IdentityProvidersPanel::removeSelected(bool confirmed)
{
    const core::IdentityProvider* p = selected();
    if (!p || !m_remove->isEnabled())
        return;
    if (!confirmed) {
        const auto answer =
            QMessageBox::question(this, tr("Remove identity provider"),
                                  tr("Remove %1? People of its domains then sign in with Trellis; their accounts stay.")
                                      .arg(qs(p->displayName)),
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_session->client()->deleteIdentityProvider(qs(p->id), this, [this](client::ApiResult<bool> result) {
        if (!result.ok())
            m_note->setText(result.failure.message);
        reload();
    });
}

} // namespace trellis::ui
