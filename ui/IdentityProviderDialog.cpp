#include "ui/IdentityProviderDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

QLabel* makeErrorLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

QString joined(const std::vector<std::string>& domains)
{
    QStringList out;
    for (const auto& d : domains)
        out << QString::fromStdString(d);
    return out.join(QStringLiteral(", "));
}

} // namespace

IdentityProviderDialog::IdentityProviderDialog(const core::IdentityProvider* existing, QWidget* parent)
    : QDialog(parent)
    , m_editing(existing != nullptr)
{
    setObjectName(QStringLiteral("identityProviderDialog"));
    setWindowTitle(m_editing ? tr("Change identity provider") : tr("Add identity provider"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("People whose email address is in one of the domains sign in with this OpenID Connect "
                                "provider when their login journey uses home-realm discovery."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_form = new QFormLayout;
    layout->addLayout(m_form);

    m_displayName = new QLineEdit(this);
    m_displayName->setObjectName(QStringLiteral("displayName"));
    m_issuer = new QLineEdit(this);
    m_issuer->setObjectName(QStringLiteral("issuer"));
    m_issuer->setPlaceholderText(QStringLiteral("https://login.example.com/tenant"));
    m_clientId = new QLineEdit(this);
    m_clientId->setObjectName(QStringLiteral("clientId"));
    m_clientSecret = new QLineEdit(this);
    m_clientSecret->setObjectName(QStringLiteral("clientSecret"));
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_clientSecret->setPlaceholderText(m_editing ? tr("Leave empty to keep the stored secret") : QString());
    m_scopes = new QLineEdit(this);
    m_scopes->setObjectName(QStringLiteral("scopes"));
    m_scopes->setText(QStringLiteral("openid email profile"));
    m_domains = new QLineEdit(this);
    m_domains->setObjectName(QStringLiteral("domains"));
    m_domains->setPlaceholderText(tr("example.com, example.org"));
    m_jit = new QCheckBox(tr("Create accounts for new people (just-in-time, with a membership here)"), this);
    m_jit->setObjectName(QStringLiteral("jitProvisioning"));
    m_enabled = new QCheckBox(tr("Enabled"), this);
    m_enabled->setObjectName(QStringLiteral("enabled"));
    m_enabled->setChecked(true);

    addRow(tr("&Name:"), m_displayName, QStringLiteral("displayName"));
    addRow(tr("&Issuer URL:"), m_issuer, QStringLiteral("issuer"));
    addRow(tr("Client &ID:"), m_clientId, QStringLiteral("clientId"));
    addRow(tr("Client &secret:"), m_clientSecret, QStringLiteral("clientSecret"));
    addRow(tr("S&copes:"), m_scopes, QStringLiteral("scopes"));
    addRow(tr("Email &domains:"), m_domains, QStringLiteral("domains"));
    addRow(QString(), m_jit, QStringLiteral("jitProvisioning"));
    addRow(QString(), m_enabled, QStringLiteral("enabled"));
    if (existing && !existing->redirectUri.empty()) {
        auto* redirect = new QLabel(QString::fromStdString(existing->redirectUri), this);
        redirect->setObjectName(QStringLiteral("redirectUri"));
        redirect->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_form->addRow(tr("Redirect URI to register:"), redirect);
    }

    auto* general = makeErrorLabel(this);
    general->setObjectName(QStringLiteral("generalError"));
    m_errors[QStringLiteral("general")] = general;
    layout->addWidget(general);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &IdentityProviderDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (existing) {
        m_displayName->setText(QString::fromStdString(existing->displayName));
        m_issuer->setText(QString::fromStdString(existing->issuer));
        m_clientId->setText(QString::fromStdString(existing->clientId));
        m_scopes->setText(QString::fromStdString(existing->scopes));
        m_domains->setText(joined(existing->domains));
        m_jit->setChecked(existing->jitProvisioning);
        m_enabled->setChecked(existing->enabled);
    }
}

void IdentityProviderDialog::addRow(const QString& label, QWidget* editor, const QString& field)
{
    auto* box = new QWidget(this);
    auto* column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(editor);
    auto* error = makeErrorLabel(box);
    error->setObjectName(field + QStringLiteral("Error"));
    column->addWidget(error);
    m_errors[field] = error;
    if (label.isEmpty())
        m_form->addRow(box);
    else
        m_form->addRow(label, box);
}

core::IdentityProviderDraft IdentityProviderDialog::draft() const
{
    core::IdentityProviderDraft d;
    d.displayName = m_displayName->text().trimmed().toStdString();
    d.issuer = m_issuer->text().trimmed().toStdString();
    d.clientId = m_clientId->text().trimmed().toStdString();
    d.clientSecret = m_clientSecret->text().toStdString();
    d.scopes = m_scopes->text().simplified().toStdString();
    for (const QString& domain :
         m_domains->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
        d.domains.push_back(domain.toStdString());
    d.jitProvisioning = m_jit->isChecked();
    d.enabled = m_enabled->isChecked();
    return d;
}

QLabel* IdentityProviderDialog::errorLabel(const QString& field) const
{
    const auto it = m_errors.find(field);
    return it == m_errors.end() ? nullptr : it->second;
}

void IdentityProviderDialog::showError(const QString& field, const QString& message)
{
    QLabel* label = errorLabel(field);
    if (!label)
        label = errorLabel(QStringLiteral("general"));
    label->setText(message);
    label->show();
    if (QWidget* editor = findChild<QLineEdit*>(field))
        editor->setFocus();
}

void IdentityProviderDialog::clearErrors()
{
    for (auto& [field, label] : m_errors) {
        label->clear();
        label->hide();
    }
}

void IdentityProviderDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void IdentityProviderDialog::submit()
{
    clearErrors();
    // What the console can tell without the server; everything else comes back from it, next to the field.
    bool complete = true;
    const auto require = [&](QLineEdit* edit, const QString& field) {
        if (edit->text().trimmed().isEmpty()) {
            showError(field, tr("Required."));
            complete = false;
        }
    };
    require(m_displayName, QStringLiteral("displayName"));
    require(m_issuer, QStringLiteral("issuer"));
    require(m_clientId, QStringLiteral("clientId"));
    if (!m_editing)
        require(m_clientSecret, QStringLiteral("clientSecret"));
    if (complete)
        Q_EMIT submitted();
}

} // namespace trellis::ui
