#include "ui/PersonEditorDialog.h"

#include "client/ApiClient.h"
#include "core/Permission.h"
#include "models/ConsoleSession.h"
#include "ui/RoleAssignDialog.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

constexpr int kMembershipIdRole = Qt::UserRole + 1;
constexpr int kAssignmentIdRole = Qt::UserRole + 2;

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString shortDate(const std::string& rfc3339)
{
    if (rfc3339.empty())
        return QString();
    const QDateTime t = QDateTime::fromString(qs(rfc3339), Qt::ISODate);
    return t.isValid() ? QLocale().toString(t.toLocalTime().date(), QLocale::ShortFormat) : qs(rfc3339);
}

QString membershipStatusText(const core::Membership& m)
{
    if (m.expired)
        return PersonEditorDialog::tr("Ended (end date passed)");
    switch (m.status) {
    case core::MembershipStatus::Active:
        return PersonEditorDialog::tr("Active");
    case core::MembershipStatus::Suspended:
        return PersonEditorDialog::tr("Suspended");
    case core::MembershipStatus::Ended:
        return PersonEditorDialog::tr("Ended");
    }
    return QString();
}

QString sourceText(core::MembershipSource source)
{
    switch (source) {
    case core::MembershipSource::Manual:
        return PersonEditorDialog::tr("Added by hand");
    case core::MembershipSource::Invitation:
        return PersonEditorDialog::tr("Invitation");
    case core::MembershipSource::Import:
        return PersonEditorDialog::tr("Import");
    case core::MembershipSource::Scim:
        return PersonEditorDialog::tr("SCIM");
    case core::MembershipSource::Federation:
        return PersonEditorDialog::tr("Federated sign-in");
    }
    return QString();
}

QLabel* makeErrorLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

} // namespace

PersonEditorDialog::PersonEditorDialog(models::ConsoleSession* session, const QString& userId, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_userId(userId)
{
    setObjectName(QStringLiteral("personEditor"));
    setWindowTitle(tr("Person"));
    resize(820, 620);

    m_heading = new QLabel(tr("Loading…"), this);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_summary = new QLabel(this);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    // Profile
    auto* profile = new QGroupBox(tr("Profile"), this);
    m_name = new QLineEdit(profile);
    m_name->setObjectName(QStringLiteral("displayName"));
    m_name->setAccessibleName(tr("Display name"));
    m_name->setMaxLength(200);
    m_saveName = new QPushButton(tr("Save &name"), profile);
    m_nameError = makeErrorLabel(profile);
    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_saveName);
    auto* profileForm = new QFormLayout(profile);
    // A row with a layout gets no buddy by itself; without one the mnemonic would show as a literal '&'.
    auto* nameLabel = new QLabel(tr("&Display name:"), profile);
    nameLabel->setBuddy(m_name);
    profileForm->addRow(nameLabel, nameRow);
    profileForm->addRow(QString(), m_nameError);

    // Memberships and the roles held in each
    auto* memberships = new QGroupBox(tr("Memberships and roles"), this);
    m_memberships = new QTreeWidget(memberships);
    m_memberships->setObjectName(QStringLiteral("memberships"));
    m_memberships->setAccessibleName(tr("Memberships and roles"));
    m_memberships->setHeaderLabels(
        {tr("Organisation / role"), tr("Title / granted by"), tr("Status"), tr("Source"), tr("Ends")});
    m_memberships->setRootIsDecorated(true);
    m_memberships->setUniformRowHeights(true);
    m_memberships->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_memberships->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_title = new QLineEdit(memberships);
    m_title->setObjectName(QStringLiteral("membershipTitle"));
    m_title->setAccessibleName(tr("Title"));
    m_title->setMaxLength(200);
    m_ends = new QCheckBox(tr("Access &ends on"), memberships);
    m_endsAt = new QDateTimeEdit(QDateTime::currentDateTime().addDays(30), memberships);
    m_endsAt->setObjectName(QStringLiteral("membershipEnds"));
    m_endsAt->setAccessibleName(tr("End of access"));
    m_endsAt->setCalendarPopup(true);
    m_endsAt->setEnabled(false);
    m_saveMembership = new QPushButton(tr("Save &membership"), memberships);
    m_assignRole = new QPushButton(tr("&Assign role…"), memberships);
    m_revokeRole = new QPushButton(tr("Re&voke role…"), memberships);
    m_offboardMembership = new QPushButton(tr("O&ffboard from this organisation…"), memberships);
    m_membershipError = makeErrorLabel(memberships);
    auto* editRow = new QHBoxLayout;
    editRow->addWidget(new QLabel(tr("&Title:"), memberships));
    editRow->addWidget(m_title, 1);
    editRow->addWidget(m_ends);
    editRow->addWidget(m_endsAt);
    editRow->addWidget(m_saveMembership);
    static_cast<QLabel*>(editRow->itemAt(0)->widget())->setBuddy(m_title);
    auto* roleRow = new QHBoxLayout;
    roleRow->addWidget(m_assignRole);
    roleRow->addWidget(m_revokeRole);
    roleRow->addStretch(1);
    roleRow->addWidget(m_offboardMembership);
    auto* membershipLayout = new QVBoxLayout(memberships);
    membershipLayout->addWidget(m_memberships, 1);
    membershipLayout->addLayout(editRow);
    membershipLayout->addWidget(m_membershipError);
    membershipLayout->addLayout(roleRow);

    // Security and the account as a whole
    auto* security = new QGroupBox(tr("Sign-in and account"), this);
    m_security = new QLabel(security);
    m_security->setWordWrap(true);
    m_resetMfa = new QPushButton(tr("Reset &MFA…"), security);
    m_signOut = new QPushButton(tr("Sign &out everywhere…"), security);
    m_status = new QPushButton(tr("Disable…"), security);
    m_status->setObjectName(QStringLiteral("accountStatus"));
    // Passkeys one by one: a lost phone's passkey goes, the laptop's stays.
    m_passkeys = new QTreeWidget(security);
    m_passkeys->setObjectName(QStringLiteral("personPasskeys"));
    m_passkeys->setAccessibleName(tr("Passkeys"));
    m_passkeys->setRootIsDecorated(false);
    m_passkeys->setHeaderLabels({tr("Passkey"), tr("Created"), tr("Last used")});
    m_passkeys->setMaximumHeight(110);
    m_passkeys->hide();
    m_removePasskey = new QPushButton(tr("Remove pass&key…"), security);
    m_removePasskey->setObjectName(QStringLiteral("removePasskey"));
    m_removePasskey->hide();
    auto* accountRow = new QHBoxLayout;
    accountRow->addWidget(m_security, 1);
    accountRow->addWidget(m_resetMfa);
    accountRow->addWidget(m_signOut);
    accountRow->addWidget(m_status);
    auto* passkeyRow = new QHBoxLayout;
    passkeyRow->addWidget(m_passkeys, 1);
    passkeyRow->addWidget(m_removePasskey, 0, Qt::AlignTop);
    auto* securityLayout = new QVBoxLayout(security);
    securityLayout->addLayout(accountRow);
    securityLayout->addLayout(passkeyRow);

    m_error = makeErrorLabel(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_summary);
    layout->addWidget(profile);
    layout->addWidget(memberships, 1);
    layout->addWidget(security);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &PersonEditorDialog::updateActions);
    connect(m_saveName, &QPushButton::clicked, this, &PersonEditorDialog::saveName);
    connect(m_ends, &QCheckBox::toggled, m_endsAt, &QWidget::setEnabled);
    connect(m_memberships, &QTreeWidget::currentItemChanged, this, [this] {
        const client::PersonMembership* m = currentMembership();
        m_membershipError->hide();
        m_title->setText(m ? qs(m->membership.title) : QString());
        const bool ends = m && !m->membership.expiresAt.empty();
        m_ends->setChecked(ends);
        if (ends)
            m_endsAt->setDateTime(QDateTime::fromString(qs(m->membership.expiresAt), Qt::ISODate).toLocalTime());
        updateActions();
    });
    connect(m_saveMembership, &QPushButton::clicked, this, &PersonEditorDialog::saveMembership);
    connect(m_assignRole, &QPushButton::clicked, this, &PersonEditorDialog::assignRole);
    connect(m_revokeRole, &QPushButton::clicked, this, &PersonEditorDialog::revokeRole);
    connect(m_offboardMembership, &QPushButton::clicked, this, &PersonEditorDialog::offboardMembership);
    connect(m_passkeys, &QTreeWidget::currentItemChanged, this, &PersonEditorDialog::updateActions);
    connect(m_removePasskey, &QPushButton::clicked, this, &PersonEditorDialog::removePasskey);
    connect(m_resetMfa, &QPushButton::clicked, this, [this] {
        runAccountAction(QStringLiteral("reset-mfa"),
                         tr("Remove %1's second factors? They set up a new one at their next sign-in."));
    });
    connect(m_signOut, &QPushButton::clicked, this, [this] {
        runAccountAction(QStringLiteral("revoke-sessions"), tr("Sign %1 out of every application and device?"));
    });
    connect(m_status, &QPushButton::clicked, this, [this] {
        if (m_person.user.status == core::UserStatus::Active)
            runAccountAction(QStringLiteral("disable"), tr("Disable %1? They are signed out at once and cannot sign "
                                                           "in until enabled again."));
        else
            runAccountAction(QStringLiteral("enable"), tr("Enable %1 again?"));
    });
    updateActions();
    reload();
}

void PersonEditorDialog::reload()
{
    m_session->client()->getPerson(m_userId, this, [this](client::ApiResult<client::PersonDetails> result) {
        if (!result.ok()) {
            showError(m_error, tr("The person could not be loaded: %1").arg(result.failure.message));
            return;
        }
        show(*result.value);
    });
}

void PersonEditorDialog::show(const client::PersonDetails& person)
{
    const QString previousMembership = currentMembership() ? qs(currentMembership()->membership.id) : QString();
    m_person = person;
    m_loaded = true;
    const QString name = qs(person.user.displayName);
    setWindowTitle(tr("Person: %1").arg(name));
    m_heading->setText(name);
    const QString lastSignIn = person.user.lastSignInAt.empty() ? tr("never") : shortDate(person.user.lastSignInAt);
    m_summary->setText(tr("%1 · %2 · last sign-in %3")
                           .arg(qs(person.user.email),
                                person.user.status == core::UserStatus::Active ? tr("active") : tr("disabled"),
                                lastSignIn));
    if (!m_name->isModified())
        m_name->setText(name);

    m_memberships->clear();
    QTreeWidgetItem* restore = nullptr;
    for (const auto& entry : person.memberships) {
        const core::Membership& m = entry.membership;
        auto* item = new QTreeWidgetItem(m_memberships, {qs(m.orgName), qs(m.title), membershipStatusText(m),
                                                         sourceText(m.source), shortDate(m.expiresAt)});
        item->setData(0, kMembershipIdRole, qs(m.id));
        for (const auto& role : entry.heldRoles) {
            auto* child = new QTreeWidgetItem(
                item, {qs(role.roleName.empty() ? role.roleKey : role.roleName),
                       role.grantedByEmail.empty() ? tr("granted by the system") : qs(role.grantedByEmail), QString(),
                       QString(), shortDate(role.expiresAt)});
            // Why it was granted belongs to the role, not to a column of the membership: shown on hover.
            for (int column = 0; column < m_memberships->columnCount(); ++column)
                child->setToolTip(column, tr("Justification") + QStringLiteral(": ") + qs(role.justification));
            child->setData(0, kMembershipIdRole, qs(m.id));
            child->setData(0, kAssignmentIdRole, qs(role.assignmentId));
        }
        item->setExpanded(true);
        if (qs(m.id) == previousMembership)
            restore = item;
    }
    if (!restore && m_memberships->topLevelItemCount() > 0)
        restore = m_memberships->topLevelItem(0);
    m_memberships->setCurrentItem(restore);

    QStringList security;
    security << (person.totpEnrolled ? tr("Second factor (TOTP) set up.") : tr("No second factor set up."));
    if (person.mfaResetPending)
        security << tr("MFA was reset: a new factor is set up at the next sign-in.");
    security << tr("%n active session(s).", nullptr, person.activeSessions);
    m_security->setText(security.join(QLatin1Char(' ')));
    m_status->setText(person.user.status == core::UserStatus::Active ? tr("&Disable…") : tr("&Enable…"));
    loadOrgs();
    loadPasskeys();
    updateActions();
    Q_EMIT loaded();
}

void PersonEditorDialog::loadPasskeys()
{
    m_session->client()->listPasskeys(
        m_userId, this, [this](client::ApiResult<std::vector<client::PasskeyInfo>> result) {
            // Without the right to see them (or from an older server) the list stays hidden.
            m_passkeysVisible = result.ok();
            m_passkeys->clear();
            if (result.ok()) {
                for (const auto& passkey : *result.value) {
                    const QString name =
                        passkey.name.empty() ? tr("Passkey (%1)").arg(qs(passkey.algorithm)) : qs(passkey.name);
                    auto* item = new QTreeWidgetItem(
                        m_passkeys, {passkey.backedUp ? tr("%1, synced").arg(name) : name, shortDate(passkey.createdAt),
                                     passkey.lastUsedAt.empty() ? tr("never") : shortDate(passkey.lastUsedAt)});
                    item->setData(0, Qt::UserRole, qs(passkey.credentialId));
                }
                if (m_passkeys->topLevelItemCount() > 0) {
                    m_passkeys->setCurrentItem(m_passkeys->topLevelItem(0));
                    m_passkeys->resizeColumnToContents(0);
                    m_security->setText(m_security->text() + QLatin1Char(' ') +
                                        tr("%n passkey(s).", nullptr, m_passkeys->topLevelItemCount()));
                }
            }
            m_passkeys->setVisible(m_passkeysVisible && m_passkeys->topLevelItemCount() > 0);
            updateActions();
            Q_EMIT passkeysLoaded();
        });
}

void PersonEditorDialog::removePasskey()
{
    QTreeWidgetItem* item = m_passkeys->currentItem();
    if (!item)
        return;
    const auto answer = QMessageBox::question(
        this, windowTitle(),
        tr("Remove the passkey “%1” of %2? It no longer signs in; their other passkeys keep working.")
            .arg(item->text(0), qs(m_person.user.displayName)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    showError(m_error, QString());
    m_session->client()->deletePasskey(
        m_userId, item->data(0, Qt::UserRole).toString(), this, [this](client::ApiResult<bool> result) {
            if (!result.ok()) {
                showError(m_error, tr("The passkey could not be removed: %1").arg(result.failure.message));
                return;
            }
            afterChange();
        });
}

void PersonEditorDialog::loadOrgs()
{
    // The grants speak in organisation paths; the memberships only name their organisation.
    for (const auto& entry : m_person.memberships) {
        const QString orgId = qs(entry.membership.orgId);
        if (m_orgs.contains(orgId))
            continue;
        m_session->client()->getOrg(orgId, this, [this, orgId](client::ApiResult<core::Org> result) {
            if (result.ok()) {
                m_orgs.insert(orgId, *result.value);
                updateActions();
            }
        });
    }
}

bool PersonEditorDialog::allowsAt(std::string_view permission, const std::string& orgId) const
{
    const auto caller = m_session->caller();
    const auto it = m_orgs.constFind(qs(orgId));
    return caller && it != m_orgs.constEnd() && caller->allows(permission, *it);
}

const client::PersonMembership* PersonEditorDialog::currentMembership() const
{
    const QTreeWidgetItem* item = m_memberships->currentItem();
    if (!item)
        return nullptr;
    const QString id = item->data(0, kMembershipIdRole).toString();
    for (const auto& entry : m_person.memberships) {
        if (qs(entry.membership.id) == id)
            return &entry;
    }
    return nullptr;
}

QString PersonEditorDialog::currentAssignmentId() const
{
    const QTreeWidgetItem* item = m_memberships->currentItem();
    return item ? item->data(0, kAssignmentIdRole).toString() : QString();
}

void PersonEditorDialog::updateActions()
{
    const auto caller = m_session->caller();
    const bool self = caller && caller->user.id == m_person.user.id;
    const client::PersonMembership* m = currentMembership();
    const std::string orgId = m ? m->membership.orgId : std::string();
    const bool manageHere = m && allowsAt(core::Permission::UserManage, orgId);
    const bool open = m && m->membership.status != core::MembershipStatus::Ended && !m->membership.expired;
    m_title->setEnabled(manageHere && open);
    m_ends->setEnabled(manageHere && open);
    m_endsAt->setEnabled(manageHere && open && m_ends->isChecked());
    m_saveMembership->setVisible(manageHere);
    m_saveMembership->setEnabled(manageHere && open);
    m_offboardMembership->setVisible(manageHere);
    m_offboardMembership->setEnabled(manageHere && open && !self);
    const bool assign = m && allowsAt(core::Permission::RoleAssign, orgId);
    m_assignRole->setVisible(assign);
    m_assignRole->setEnabled(assign && open && !self);
    m_revokeRole->setVisible(assign);
    m_revokeRole->setEnabled(assign && !currentAssignmentId().isEmpty());

    // Account-wide changes need user.manage wherever the person belongs (the server checks the ones hidden here).
    bool manageEverywhere = m_loaded && !m_person.memberships.empty();
    for (const auto& entry : m_person.memberships) {
        if (entry.membership.status != core::MembershipStatus::Ended && !entry.membership.expired)
            manageEverywhere = manageEverywhere && allowsAt(core::Permission::UserManage, entry.membership.orgId);
    }
    m_name->setReadOnly(!manageEverywhere);
    m_saveName->setVisible(manageEverywhere);
    m_saveName->setEnabled(manageEverywhere && m_name->text().trimmed() != qs(m_person.user.displayName));
    for (QPushButton* button : {m_resetMfa, m_signOut, m_status}) {
        button->setVisible(manageEverywhere);
        button->setEnabled(manageEverywhere && !self);
    }
    const bool passkeys = m_passkeysVisible && m_passkeys->topLevelItemCount() > 0;
    m_removePasskey->setVisible(passkeys && manageEverywhere);
    m_removePasskey->setEnabled(passkeys && manageEverywhere && !self && m_passkeys->currentItem());
}

void PersonEditorDialog::showError(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void PersonEditorDialog::afterChange()
{
    Q_EMIT personChanged(m_userId);
    reload();
}

void PersonEditorDialog::saveName()
{
    showError(m_nameError, QString());
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        showError(m_nameError, tr("Enter a name."));
        return;
    }
    m_saveName->setEnabled(false);
    m_session->client()->updatePerson(m_userId, name, this, [this](client::ApiResult<client::PersonDetails> result) {
        if (!result.ok()) {
            showError(result.failure.field == QLatin1String("displayName") || result.failure.field.isEmpty()
                          ? m_nameError
                          : m_error,
                      result.failure.message);
            updateActions();
            return;
        }
        m_name->setModified(false);
        m_name->setText(qs(result.value->user.displayName));
        Q_EMIT personChanged(m_userId);
        show(*result.value);
    });
}

void PersonEditorDialog::saveMembership()
{
    const client::PersonMembership* m = currentMembership();
    if (!m)
        return;
    showError(m_membershipError, QString());
    const QDateTime ends = m_ends->isChecked() ? m_endsAt->dateTime() : QDateTime();
    if (ends.isValid() && ends <= QDateTime::currentDateTime()) {
        showError(m_membershipError, tr("The end of access must lie in the future."));
        return;
    }
    m_saveMembership->setEnabled(false);
    m_session->client()->updateMembership(qs(m->membership.id), m_title->text().trimmed(), ends, this,
                                          [this](client::ApiResult<bool> result) {
                                              if (!result.ok()) {
                                                  showError(m_membershipError, result.failure.message);
                                                  updateActions();
                                                  return;
                                              }
                                              afterChange();
                                          });
}

void PersonEditorDialog::assignRole()
{
    const client::PersonMembership* m = currentMembership();
    if (!m)
        return;
    const QString orgId = qs(m->membership.orgId);
    auto* dialog = new RoleAssignDialog(qs(m_person.user.displayName), qs(m->membership.orgName), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_session->client()->listRoles(orgId, dialog, [dialog](client::ApiResult<std::vector<client::RoleInfo>> result) {
        if (result.ok())
            dialog->setRoles(*result.value);
        else
            dialog->showFailure(result.failure);
    });
    connect(dialog, &RoleAssignDialog::submitted, this, [this, dialog, orgId] {
        dialog->setBusy(true);
        m_session->client()->assignRole(m_userId, dialog->roleId(), orgId, dialog->expiresAt(), dialog->justification(),
                                        dialog, [this, dialog](client::ApiResult<bool> result) {
                                            if (!result.ok()) {
                                                dialog->showFailure(result.failure);
                                                return;
                                            }
                                            dialog->accept();
                                            afterChange();
                                        });
    });
    dialog->open();
}

void PersonEditorDialog::revokeRole()
{
    const QString assignmentId = currentAssignmentId();
    const QTreeWidgetItem* item = m_memberships->currentItem();
    if (assignmentId.isEmpty() || !item)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Revoke role"),
        tr("Revoke %1 from %2 at %3? It stops working at once.")
            .arg(item->text(0), qs(m_person.user.displayName), item->parent() ? item->parent()->text(0) : QString()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_session->client()->revokeRoleAssignment(assignmentId, this, [this](client::ApiResult<bool> result) {
        if (!result.ok()) {
            showError(m_membershipError, result.failure.message);
            return;
        }
        afterChange();
    });
}

void PersonEditorDialog::offboardMembership()
{
    const client::PersonMembership* m = currentMembership();
    if (!m)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Offboard"),
        tr("End %1's membership in %2? The roles held there end too; if no other access remains, they are signed "
           "out.")
            .arg(qs(m_person.user.displayName), qs(m->membership.orgName)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_session->client()->offboardMembership(qs(m->membership.id), this, [this](client::ApiResult<bool> result) {
        if (!result.ok()) {
            showError(m_membershipError, result.failure.message);
            return;
        }
        afterChange();
    });
}

void PersonEditorDialog::runAccountAction(const QString& action, const QString& question)
{
    const auto answer = QMessageBox::question(this, windowTitle(), question.arg(qs(m_person.user.displayName)),
                                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    showError(m_error, QString());
    m_session->client()->runPersonAction(m_userId, action, this, [this](client::ApiResult<bool> result) {
        if (!result.ok()) {
            showError(m_error, result.failure.message);
            return;
        }
        afterChange();
    });
}

} // namespace trellis::ui
