#pragma once

#include "core/IdentityProvider.h"

#include <map>

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace trellis::ui {

/// Creates or changes an organisation's upstream identity provider (federated sign-in). The client secret is typed
/// into a password field and never shown again; when changing, an empty field keeps the stored one. Problems the
/// server reports appear next to the field they concern, and the dialog stays open.
class IdentityProviderDialog : public QDialog
{
    Q_OBJECT

public:
    /// `existing` null: a new provider.
    explicit IdentityProviderDialog(const core::IdentityProvider* existing, QWidget* parent = nullptr);

    core::IdentityProviderDraft draft() const;
    /// Shows `message` next to `field` (an API field name: "issuer", "domains"...), else above the buttons.
    void showError(const QString& field, const QString& message);
    void clearErrors();
    void setBusy(bool busy);

    QLineEdit* displayNameEdit() const { return m_displayName; }
    QLineEdit* issuerEdit() const { return m_issuer; }
    QLineEdit* clientIdEdit() const { return m_clientId; }
    QLineEdit* clientSecretEdit() const { return m_clientSecret; }
    QLineEdit* scopesEdit() const { return m_scopes; }
    QLineEdit* domainsEdit() const { return m_domains; }
    QCheckBox* jitCheck() const { return m_jit; }
    QCheckBox* enabledCheck() const { return m_enabled; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    /// The error label of an API field ("general" for the one above the buttons).
    QLabel* errorLabel(const QString& field) const;

Q_SIGNALS:
    /// OK was pressed with the required fields filled in: the owner sends draft() and answers with accept() or
    /// showError().
    void submitted();

private:
    void addRow(const QString& label, QWidget* editor, const QString& field);
    void submit();

    bool m_editing = false;
    QLineEdit* m_displayName = nullptr;
    QLineEdit* m_issuer = nullptr;
    QLineEdit* m_clientId = nullptr;
    QLineEdit* m_clientSecret = nullptr;
    QLineEdit* m_scopes = nullptr;
    QLineEdit* m_domains = nullptr;
    QCheckBox* m_jit = nullptr;
    QCheckBox* m_enabled = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    std::map<QString, QLabel*> m_errors;
    QFormLayout* m_form = nullptr;
};

} // namespace trellis::ui
