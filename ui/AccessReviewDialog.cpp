#include "ui/AccessReviewDialog.h"

#include "ui/OrgSearchField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

QLabel* makeErrorLabel(QWidget* parent, const QString& field)
{
    auto* label = new QLabel(parent);
    label->setObjectName(field + QStringLiteral("Error"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

QString pathText(const core::Org& org)
{
    QStringList names;
    for (const auto& name : org.pathNames)
        names << QString::fromStdString(name);
    return names.join(QStringLiteral(" › "));
}

} // namespace

AccessReviewDialog::AccessReviewDialog(models::OrgSearchModel* orgSearch, const core::Org& org, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("accessReviewDialog"));
    setWindowTitle(tr("New access review"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The campaign lists who holds what in the organisation and everything below it, as it "
                                "is now. The admins of each organisation review their people; nobody reviews "
                                "their own access."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("campaignName"));
    m_name->setAccessibleName(tr("Campaign name"));
    m_name->setPlaceholderText(tr("e.g. Partner admins, Q1"));
    m_orgField = new OrgSearchField(orgSearch, this);
    m_orgField->setObjectName(QStringLiteral("campaignOrg"));
    m_orgField->setAccessibleName(tr("Organisation to review"));
    m_orgField->setPlaceholderText(tr("Type to find an organisation"));
    m_orgPath = new QLabel(this);
    m_orgPath->setObjectName(QStringLiteral("campaignOrgPath"));
    m_orgPath->setForegroundRole(QPalette::PlaceholderText);
    m_orgPath->setWordWrap(true);

    m_roles = new QCheckBox(tr("&Role assignments"), this);
    m_roles->setObjectName(QStringLiteral("reviewRoles"));
    m_roles->setChecked(true);
    m_memberships = new QCheckBox(tr("&Memberships"), this);
    m_memberships->setObjectName(QStringLiteral("reviewMemberships"));
    m_adminRights = new QCheckBox(tr("&Admin rights only (roles that allow something)"), this);
    m_adminRights->setObjectName(QStringLiteral("reviewAdminRights"));
    auto* what = new QWidget(this);
    auto* whatLayout = new QVBoxLayout(what);
    whatLayout->setContentsMargins(0, 0, 0, 0);
    whatLayout->addWidget(m_roles);
    whatLayout->addWidget(m_memberships);
    whatLayout->addWidget(m_adminRights);

    m_due = new QDateTimeEdit(QDateTime::currentDateTime().addDays(14), this);
    m_due->setObjectName(QStringLiteral("campaignDue"));
    m_due->setAccessibleName(tr("Due date"));
    m_due->setCalendarPopup(true);
    m_due->setMinimumDateTime(QDateTime::currentDateTime().addSecs(3600));
    m_rule = new QComboBox(this);
    m_rule->setObjectName(QStringLiteral("campaignRule"));
    m_rule->setAccessibleName(tr("Undecided items at the due date"));
    m_rule->addItem(tr("Escalate to the next admin up"), QStringLiteral("escalate"));
    m_rule->addItem(tr("Revoke the access"), QStringLiteral("revoke"));

    const auto addRow = [&](const QString& label, QWidget* editor, const QString& field) {
        auto* labelWidget = new QLabel(label, this);
        labelWidget->setBuddy(editor);
        form->addRow(labelWidget, editor);
        QLabel* error = makeErrorLabel(this, field);
        form->addRow(QString(), error);
        m_errors[field] = error;
    };
    addRow(tr("&Name:"), m_name, QStringLiteral("name"));
    addRow(tr("&Organisation:"), m_orgField, QStringLiteral("orgId"));
    form->insertRow(form->rowCount() - 1, QString(), m_orgPath);
    addRow(tr("Review:"), what, QStringLiteral("reviewed"));
    addRow(tr("&Due:"), m_due, QStringLiteral("dueAt"));
    addRow(tr("At the due &date:"), m_rule, QStringLiteral("dueRule"));

    QLabel* general = makeErrorLabel(this, QStringLiteral("general"));
    m_errors[QStringLiteral("general")] = general;
    layout->addWidget(general);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start campaign"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AccessReviewDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_orgField, &OrgSearchField::orgChosen, this, &AccessReviewDialog::setOrg);

    setTabOrder(m_name, m_orgField);
    setTabOrder(m_orgField, m_roles);
    setTabOrder(m_roles, m_memberships);
    setTabOrder(m_memberships, m_adminRights);
    setTabOrder(m_adminRights, m_due);
    setTabOrder(m_due, m_rule);
    setTabOrder(m_rule, m_buttons);
    setOrg(org);
    resize(520, sizeHint().height());
}

void AccessReviewDialog::setOrg(const core::Org& org)
{
    m_org = org;
    m_orgField->setText(QString::fromStdString(org.name));
    m_orgPath->setText(pathText(org));
}

core::AccessReviewCampaign AccessReviewDialog::draft() const
{
    core::AccessReviewCampaign c;
    c.name = m_name->text().trimmed().toStdString();
    c.orgId = m_org.id;
    c.orgName = m_org.name;
    c.reviewRoles = m_roles->isChecked();
    c.reviewMemberships = m_memberships->isChecked();
    c.reviewAdminRights = m_adminRights->isChecked();
    c.dueAt = m_due->dateTime().toUTC().toString(Qt::ISODate).toStdString();
    c.dueRule = m_rule->currentData().toString().toStdString();
    return c;
}

QLabel* AccessReviewDialog::errorLabel(const QString& field) const
{
    const auto it = m_errors.find(field);
    return it == m_errors.end() ? m_errors.at(QStringLiteral("general")) : it->second;
}

void AccessReviewDialog::showError(const QString& field, const QString& message)
{
    QLabel* label = errorLabel(field);
    label->setText(message);
    label->show();
}

void AccessReviewDialog::clearErrors()
{
    for (auto& [field, label] : m_errors) {
        label->clear();
        label->hide();
    }
}

void AccessReviewDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void AccessReviewDialog::submit()
{
    clearErrors();
    bool ok = true;
    if (m_name->text().trimmed().isEmpty()) {
        showError(QStringLiteral("name"), tr("Give the campaign a name."));
        ok = false;
    }
    if (m_org.id.empty()) {
        showError(QStringLiteral("orgId"), tr("Choose the organisation to review."));
        ok = false;
    }
    if (!m_roles->isChecked() && !m_memberships->isChecked() && !m_adminRights->isChecked()) {
        showError(QStringLiteral("reviewed"), tr("Choose at least one kind of access to review."));
        ok = false;
    }
    if (ok)
        Q_EMIT submitted();
}

} // namespace trellis::ui
