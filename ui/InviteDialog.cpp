#include "ui/InviteDialog.h"

#include "ui/PermissionText.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
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

} // namespace

InviteDialog::InviteDialog(const QString& orgId, const QString& orgName, QWidget* parent)
    : QDialog(parent)
    , m_orgId(orgId)
{
    setObjectName(QStringLiteral("inviteDialog"));
    setWindowTitle(tr("Invite someone to %1").arg(orgName));
    resize(520, 460);

    auto* form = new QWidget(this);
    m_email = new QLineEdit(form);
    m_email->setObjectName(QStringLiteral("email"));
    m_email->setAccessibleName(tr("E-mail"));
    m_email->setMaxLength(320);
    m_emailError = makeErrorLabel(form);
    m_name = new QLineEdit(form);
    m_name->setObjectName(QStringLiteral("displayName"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setMaxLength(200);
    m_title = new QLineEdit(form);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setAccessibleName(tr("Title"));
    m_title->setMaxLength(200);
    m_roles = new QListWidget(form);
    m_roles->setObjectName(QStringLiteral("roles"));
    m_roles->setAccessibleName(tr("Roles on accepting"));
    // A placeholder, not a role: list items are checkable by default, so it is made inert.
    auto* loading = new QListWidgetItem(tr("Loading the roles you may give…"), m_roles);
    loading->setFlags(Qt::NoItemFlags);
    m_days = new QSpinBox(form);
    m_days->setObjectName(QStringLiteral("expiresInDays"));
    m_days->setAccessibleName(tr("Link valid for"));
    m_days->setRange(1, 30);
    m_days->setValue(7);
    m_days->setSuffix(tr(" days"));
    m_error = makeErrorLabel(form);

    auto* fields = new QFormLayout(form);
    fields->addRow(tr("&E-mail:"), m_email);
    fields->addRow(QString(), m_emailError);
    fields->addRow(tr("&Name:"), m_name);
    fields->addRow(tr("&Title:"), m_title);
    fields->addRow(tr("&Roles:"), m_roles);
    fields->addRow(tr("Link &valid for:"), m_days);
    fields->addRow(m_error);

    auto* done = new QWidget(this);
    auto* doneText = new QLabel(tr("The invitation is ready. Trellis does not send e-mail yet: copy this link and "
                                   "send it to the person yourself. It is shown only now, and it works once."),
                                done);
    doneText->setWordWrap(true);
    m_link = new QLineEdit(done);
    m_link->setObjectName(QStringLiteral("acceptLink"));
    m_link->setAccessibleName(tr("Invitation link"));
    m_link->setReadOnly(true);
    auto* copy = new QPushButton(tr("&Copy link"), done);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_link->text()); });
    auto* doneLayout = new QVBoxLayout(done);
    doneLayout->addWidget(doneText);
    doneLayout->addWidget(m_link);
    doneLayout->addWidget(copy, 0, Qt::AlignLeft);
    doneLayout->addStretch(1);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(form);
    m_pages->addWidget(done);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Invite"));
    m_doneButtons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_doneButtons->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_buttons);
    layout->addWidget(m_doneButtons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &InviteDialog::onAccept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_doneButtons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    m_email->setFocus();
}

QPushButton* InviteDialog::submitButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void InviteDialog::setRoles(const std::vector<client::RoleInfo>& roles)
{
    m_roles->clear();
    for (const auto& role : roles) {
        if (!role.assignable)
            continue;
        auto* item = new QListWidgetItem(PermissionText::roleName(role.key, role.builtIn, role.name), m_roles);
        item->setData(Qt::UserRole, QString::fromStdString(role.id));
        item->setToolTip(PermissionText::roleDescription(role.key, role.builtIn, role.description));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    if (m_roles->count() == 0) {
        auto* none = new QListWidgetItem(tr("You may not give roles here; the person becomes a member."), m_roles);
        none->setFlags(Qt::NoItemFlags);
    }
}

client::InvitationRequest InviteDialog::request() const
{
    client::InvitationRequest request;
    request.orgId = m_orgId;
    request.email = m_email->text().trimmed();
    request.displayName = m_name->text().trimmed();
    request.title = m_title->text().trimmed();
    request.expiresInDays = m_days->value();
    for (int row = 0; row < m_roles->count(); ++row) {
        const QListWidgetItem* item = m_roles->item(row);
        if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState() == Qt::Checked)
            request.roleIds << item->data(Qt::UserRole).toString();
    }
    return request;
}

void InviteDialog::onAccept()
{
    m_emailError->hide();
    m_error->hide();
    const QString email = m_email->text().trimmed();
    if (!email.contains(QLatin1Char('@')) || email.startsWith(QLatin1Char('@')) || email.endsWith(QLatin1Char('@'))) {
        m_emailError->setText(tr("Enter the person's e-mail address."));
        m_emailError->show();
        m_email->setFocus();
        return;
    }
    Q_EMIT submitted();
}

void InviteDialog::showFailure(const client::ApiFailure& failure)
{
    setBusy(false);
    QLabel* label = failure.field == QLatin1String("email") ? m_emailError : m_error;
    label->setText(failure.message);
    label->show();
}

void InviteDialog::setBusy(bool busy)
{
    m_pages->setEnabled(!busy);
    submitButton()->setEnabled(!busy);
}

void InviteDialog::showLink(const QString& acceptUrl)
{
    m_link->setText(acceptUrl);
    m_pages->setCurrentIndex(1);
    m_buttons->hide();
    m_doneButtons->show();
    m_link->setFocus();
    m_link->selectAll();
}

} // namespace trellis::ui
