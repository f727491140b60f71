#pragma once

#include "core/IdentityProvider.h"
#include "core/Org.h"

#include <vector>

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace trellis::models {
class ConsoleSession;
}

namespace trellis::ui {

class IdentityProviderDialog;

/// The selected organisation's upstream identity providers (federated sign-in) in the Organisations section: name,
/// issuer, email domains, just-in-time provisioning, with add, change and remove for people with org.manage there
/// (the server decides; a refusal is shown, never hidden).
class IdentityProvidersPanel : public QWidget
{
    Q_OBJECT

public:
    explicit IdentityProvidersPanel(models::ConsoleSession* session, QWidget* parent = nullptr);

    /// Shows `org`'s providers (reloading them); an org without id clears the list.
    void setOrg(const core::Org& org);
    void reload();
    bool isLoading() const { return m_loading; }

    QTreeWidget* list() const { return m_list; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* editButton() const { return m_edit; }
    QPushButton* removeButton() const { return m_remove; }
    QLabel* note() const { return m_note; }
    const std::vector<core::IdentityProvider>& providers() const { return m_providers; }

    /// Opens the dialog for a new provider (or the selected one); returns it so tests can fill it in.
    IdentityProviderDialog* openAddDialog();
    IdentityProviderDialog* openEditDialog();
    /// Removes the selected provider after confirmation unless `confirmed`.
    void removeSelected(bool confirmed = false);

Q_SIGNALS:
    void loaded();
    /// A change was saved (or refused with a message in the dialog).
    void saveFinished(bool ok);

private:
    void show(const std::vector<core::IdentityProvider>& providers);
    void updateButtons();
    IdentityProviderDialog* openDialog(const core::IdentityProvider* existing);
    const core::IdentityProvider* selected() const;

    models::ConsoleSession* m_session = nullptr;
    QString m_orgId;
    bool m_loading = false;
    std::vector<core::IdentityProvider> m_providers;
    QTreeWidget* m_list = nullptr;
    QLabel* m_note = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
};

} // namespace trellis::ui
