#include "ui/RoleEditorPane.h"

#include "client/ApiClient.h"
#include "core/Permission.h"
#include "models/ConsoleSession.h"
#include "ui/PermissionChecklist.h"
#include "ui/PermissionText.h"

#include <algorithm>

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QLabel* makeErrorLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

QLabel* makeHeading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 0);
    return label;
}

QLabel* makeText(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

bool contains(const std::vector<std::string>& list, std::string_view item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

} // namespace

RoleEditorPane::RoleEditorPane(models::ConsoleSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("roleEditor"));
    setAccessibleName(tr("Role details"));

    m_placeholder =
        new QLabel(tr("Pick a role to see what it allows, where it can be used and who may assign it."), this);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    m_content = new QWidget(this);
    m_title = new QLabel(m_content);
    m_title->setObjectName(QStringLiteral("roleTitle"));
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_kind = new QLabel(m_content);
    m_kind->setObjectName(QStringLiteral("roleKind"));
    m_kind->setForegroundRole(QPalette::PlaceholderText);
    m_kind->setWordWrap(true);
    m_summary = makeText(m_content);
    m_summary->setObjectName(QStringLiteral("roleSummary"));
    m_form = new QWidget(m_content);

    m_key = new QLineEdit(m_form);
    m_key->setObjectName(QStringLiteral("roleKey"));
    m_key->setAccessibleName(tr("Key"));
    m_key->setMaxLength(63);
    m_key->setToolTip(tr("A short, stable name for the API and imports: 2 to 63 characters a-z, 0-9 and '-'. It "
                         "cannot be changed later."));
    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("roleName"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setMaxLength(200);
    m_description = new QPlainTextEdit(m_form);
    m_description->setObjectName(QStringLiteral("roleDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);
    m_keyError = makeErrorLabel(m_form);
    m_keyError->setObjectName(QStringLiteral("keyError"));
    m_nameError = makeErrorLabel(m_form);
    m_nameError->setObjectName(QStringLiteral("nameError"));
    m_descriptionError = makeErrorLabel(m_form);
    m_descriptionError->setObjectName(QStringLiteral("descriptionError"));

    auto* form = new QFormLayout(m_form);
    form->setContentsMargins(0, 4, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Key:"), m_key);
    form->addRow(QString(), m_keyError);
    form->addRow(tr("Na&me:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(QString(), m_descriptionError);

    m_where = makeText(m_content);
    m_where->setObjectName(QStringLiteral("roleWhere"));
    m_permissionNote = makeText(m_content);
    m_permissionNote->setForegroundRole(QPalette::PlaceholderText);
    m_checklist = new PermissionChecklist(m_content);
    m_permissionsError = makeErrorLabel(m_content);
    m_permissionsError->setObjectName(QStringLiteral("permissionsError"));
    m_whoMayAssign = makeText(m_content);
    m_whoMayAssign->setObjectName(QStringLiteral("roleWhoMayAssign"));
    m_generalError = makeErrorLabel(m_content);
    m_generalError->setObjectName(QStringLiteral("roleError"));

    m_save = new QPushButton(tr("&Save"), m_content);
    m_save->setObjectName(QStringLiteral("saveRole"));
    m_save->setDefault(true);
    m_revert = new QPushButton(tr("Re&vert"), m_content);
    m_revert->setObjectName(QStringLiteral("revertRole"));
    m_delete = new QPushButton(tr("De&lete…"), m_content);
    m_delete->setObjectName(QStringLiteral("deleteRole"));
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 8, 0, 0);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    auto* content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->setSpacing(4);
    content->addWidget(m_title);
    content->addWidget(m_kind);
    content->addWidget(m_summary);
    content->addWidget(m_form);
    content->addWidget(makeHeading(tr("Where it can be used"), m_content));
    content->addWidget(m_where);
    content->addWidget(makeHeading(tr("Who may assign it"), m_content));
    content->addWidget(m_whoMayAssign);
    content->addWidget(makeHeading(tr("What it allows"), m_content));
    content->addWidget(m_permissionNote);
    content->addWidget(m_checklist);
    content->addWidget(m_permissionsError);
    content->addWidget(m_generalError);
    content->addLayout(buttons);
    content->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_content);

    setTabOrder(m_key, m_name);
    setTabOrder(m_name, m_description);
    if (QWidget* first = m_checklist->firstControl())
        setTabOrder(m_description, first);

    connect(m_name, &QLineEdit::textChanged, this, &RoleEditorPane::updateButtons);
    connect(m_key, &QLineEdit::textChanged, this, &RoleEditorPane::updateButtons);
    connect(m_description, &QPlainTextEdit::textChanged, this, &RoleEditorPane::updateButtons);
    connect(m_checklist, &PermissionChecklist::changed, this, [this] {
        updateExplanations();
        updateButtons();
    });
    connect(m_save, &QPushButton::clicked, this, &RoleEditorPane::save);
    connect(m_revert, &QPushButton::clicked, this, &RoleEditorPane::revert);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteRole(); });
    clear();
}

void RoleEditorPane::setContext(const core::Org& org, const std::vector<client::RoleInfo>& roles)
{
    m_org = org;
    m_roles = roles;
    if (m_mode != Mode::Empty)
        updateExplanations();
}

bool RoleEditorPane::canCreate() const
{
    const auto caller = m_session->caller();
    return caller && !m_org.id.empty() && caller->allows(core::Permission::RoleAssign, m_org);
}

bool RoleEditorPane::canChange(const client::RoleInfo& role) const
{
    if (role.builtIn)
        return false;
    const auto caller = m_session->caller();
    const core::Org defining = definingOrg(role);
    // The server's rule for PATCH and DELETE: role.assign where the role is defined, and every permission it has.
    return caller && caller->allows(core::Permission::RoleAssign, defining) &&
           caller->allowsAll(role.permissions, defining);
}

core::Org RoleEditorPane::definingOrg(const client::RoleInfo& role) const
{
    if (role.builtIn)
        return m_org;
    core::Org org;
    org.id = role.definedAt;
    const auto it = std::find(m_org.path.begin(), m_org.path.end(), role.definedAt);
    if (it == m_org.path.end())
        return org; // not on the viewed org's path: no permission check can succeed
    const auto length = std::size_t(it - m_org.path.begin()) + 1;
    org.path.assign(m_org.path.begin(), m_org.path.begin() + std::ptrdiff_t(length));
    if (m_org.pathNames.size() >= length) {
        org.pathNames.assign(m_org.pathNames.begin(), m_org.pathNames.begin() + std::ptrdiff_t(length));
        org.name = org.pathNames.back();
    }
    return org;
}

QString RoleEditorPane::orgName(const std::string& orgId) const
{
    if (orgId == m_org.id)
        return qs(m_org.name);
    const auto it = std::find(m_org.path.begin(), m_org.path.end(), orgId);
    const auto index = std::size_t(it - m_org.path.begin());
    if (it != m_org.path.end() && index < m_org.pathNames.size())
        return qs(m_org.pathNames[index]);
    return tr("an organisation above it");
}

void RoleEditorPane::clear()
{
    m_role = {};
    setMode(Mode::Empty);
}

void RoleEditorPane::showRole(const client::RoleInfo& role)
{
    m_role = role;
    setMode(canChange(role) ? Mode::Edit : Mode::View);
}

void RoleEditorPane::startNew()
{
    if (!canCreate())
        return;
    m_role = {};
    m_role.builtIn = false;
    m_role.definedAt = m_org.id;
    setMode(Mode::Create);
    m_key->setFocus(Qt::OtherFocusReason);
}

void RoleEditorPane::setMode(Mode mode)
{
    m_mode = mode;
    clearErrors();
    m_placeholder->setVisible(mode == Mode::Empty);
    m_content->setVisible(mode != Mode::Empty);
    if (mode == Mode::Empty)
        return;
    fillForm(m_role);
    const bool editable = mode == Mode::Edit || mode == Mode::Create;
    // Reading a role needs no form: its name is the title, its key and kind the line below, its description a text.
    m_form->setVisible(editable);
    m_summary->setVisible(!editable && !m_summary->text().isEmpty());
    m_key->setReadOnly(mode != Mode::Create);
    m_name->setReadOnly(!editable);
    m_description->setReadOnly(!editable);
    m_checklist->setReadOnly(!editable);
    if (editable) {
        const auto caller = m_session->caller();
        const core::Org where = mode == Mode::Create ? m_org : definingOrg(m_role);
        // Nobody puts into a role what they do not hold there themselves; the server would refuse it.
        m_checklist->setOfferable(
            [caller, where](std::string_view permission) { return caller && caller->allows(permission, where); });
    }
    m_save->setText(mode == Mode::Create ? tr("Create &role") : tr("&Save"));
    m_revert->setText(mode == Mode::Create ? tr("Cancel") : tr("Re&vert"));
    m_save->setVisible(editable);
    m_revert->setVisible(editable);
    m_delete->setVisible(mode == Mode::Edit);
    updateExplanations();
    updateButtons();
}

void RoleEditorPane::fillForm(const client::RoleInfo& role)
{
    const QSignalBlocker keyBlocker(m_key);
    const QSignalBlocker nameBlocker(m_name);
    const QSignalBlocker descriptionBlocker(m_description);
    m_key->setText(qs(role.key));
    m_name->setText(PermissionText::roleName(role.key, role.builtIn, role.name));
    m_description->setPlainText(PermissionText::roleDescription(role.key, role.builtIn, role.description));
    m_checklist->setChecked(role.permissions);
    if (m_mode == Mode::Create) {
        m_title->setText(tr("New role at %1").arg(qs(m_org.name)));
        m_kind->setText(tr("Custom role"));
        m_summary->clear();
    } else {
        m_title->setText(PermissionText::roleName(role.key, role.builtIn, role.name));
        m_summary->setText(PermissionText::roleDescription(role.key, role.builtIn, role.description));
        m_kind->setText(role.builtIn
                            ? tr("Built-in role · key %1").arg(qs(role.key))
                            : tr("Custom role defined at %1 · key %2").arg(orgName(role.definedAt), qs(role.key)));
    }
}

void RoleEditorPane::updateExplanations()
{
    const QString here = qs(m_org.name);
    // Where it can be used.
    if (m_mode == Mode::Create)
        m_where->setText(tr("It will be defined at %1 and can be assigned there and at every organisation below it, "
                            "nowhere else.")
                             .arg(here));
    else if (m_role.builtIn)
        m_where->setText(tr("Everywhere: built-in roles can be assigned at every organisation. A role assigned at an "
                            "organisation applies to everything below it too."));
    else
        m_where->setText(tr("At %1 and every organisation below it, nowhere else. A role assigned at an organisation "
                            "applies to everything below it too.")
                             .arg(orgName(m_role.definedAt)));

    // What it allows: why the ticks can or cannot change.
    QString note;
    if (m_mode == Mode::View && m_role.builtIn) {
        note = tr("Built-in roles cannot be changed; define a custom role for a different set.");
    } else if (m_mode == Mode::View) {
        note = tr("You cannot change this role: that needs role.assign at %1 and every permission the role allows.")
                   .arg(orgName(m_role.definedAt));
    } else {
        const auto caller = m_session->caller();
        const core::Org where = m_mode == Mode::Create ? m_org : definingOrg(m_role);
        const auto& all = core::Permission::all();
        const bool allHeld =
            caller && std::all_of(all.begin(), all.end(), [&](std::string_view p) { return caller->allows(p, where); });
        if (!allHeld)
            note = tr("You can only give permissions you hold at %1 yourself; the others cannot be ticked.")
                       .arg(qs(where.name));
        if (m_mode == Mode::Edit)
            note += (note.isEmpty() ? QString() : QStringLiteral(" ")) +
                    tr("Changes apply at once to everyone who holds this role.");
    }
    const std::vector<std::string> permissions = m_mode == Mode::View ? m_role.permissions : m_checklist->checked();
    if (permissions.empty())
        note += (note.isEmpty() ? QString() : QStringLiteral(" ")) +
                tr("Without any permission, the role only says that someone belongs to the organisation.");
    m_permissionNote->setText(note);
    m_permissionNote->setVisible(!note.isEmpty());

    // Who may assign it: role.assign and every permission of the role, at the organisation where it is assigned.
    QStringList sufficient;
    for (const auto& other : m_roles) {
        if (!contains(other.permissions, core::Permission::RoleAssign))
            continue;
        if (std::all_of(permissions.begin(), permissions.end(),
                        [&](const std::string& p) { return contains(other.permissions, p); }))
            sufficient << PermissionText::roleName(other.key, other.builtIn, other.name);
    }
    QString text = tr("Someone holding role.assign where the role is assigned, who also holds every permission of the "
                      "role there (from roles assigned there or above). Nobody can assign a role to themselves.");
    text += QLatin1Char('\n');
    text += sufficient.isEmpty()
                ? tr("No role usable at %1 is enough on its own; it takes several roles together.").arg(here)
                : tr("Roles usable at %1 that are enough on their own: %2.")
                      .arg(here, sufficient.join(QStringLiteral(", ")));
    if (m_mode != Mode::Create) {
        text += QLatin1Char('\n');
        text +=
            m_role.assignable ? tr("You may assign it at %1.").arg(here) : tr("You may not assign it at %1.").arg(here);
    }
    m_whoMayAssign->setText(text);
}

bool RoleEditorPane::isDirty() const
{
    return m_name->text().trimmed() != qs(m_role.name) ||
           m_description->toPlainText().trimmed() != qs(m_role.description).trimmed() ||
           m_checklist->checked() != m_role.permissions;
}

bool RoleEditorPane::hasUnsavedChanges() const
{
    if (m_mode == Mode::Edit)
        return isDirty();
    if (m_mode == Mode::Create)
        return !m_key->text().trimmed().isEmpty() || !m_name->text().trimmed().isEmpty() ||
               !m_description->toPlainText().trimmed().isEmpty() || !m_checklist->checked().empty();
    return false;
}

bool RoleEditorPane::confirmDiscard()
{
    if (!hasUnsavedChanges())
        return true;
    const QString question = m_mode == Mode::Create
                                 ? tr("Discard the new role you started?")
                                 : tr("Discard your changes to “%1”?")
                                       .arg(PermissionText::roleName(m_role.key, m_role.builtIn, m_role.name));
    if (m_discardQuestion)
        return m_discardQuestion(question);
    return QMessageBox::question(this, tr("Unsaved changes"), question, QMessageBox::Discard | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Discard;
}

void RoleEditorPane::setDiscardQuestion(std::function<bool(const QString&)> ask)
{
    m_discardQuestion = std::move(ask);
}

void RoleEditorPane::updateButtons()
{
    if (m_mode == Mode::Edit) {
        const bool dirty = isDirty();
        m_save->setEnabled(!m_busy && dirty);
        m_revert->setEnabled(!m_busy && dirty);
        m_delete->setEnabled(!m_busy);
    } else if (m_mode == Mode::Create) {
        m_save->setEnabled(!m_busy);
        m_revert->setEnabled(!m_busy);
    }
}

QLabel* RoleEditorPane::errorLabel(const QString& field) const
{
    if (field == QLatin1String("key"))
        return m_keyError;
    if (field == QLatin1String("name"))
        return m_nameError;
    if (field == QLatin1String("description"))
        return m_descriptionError;
    if (field == QLatin1String("permissions"))
        return m_permissionsError;
    return m_generalError;
}

void RoleEditorPane::clearErrors()
{
    for (QLabel* label : {m_keyError, m_nameError, m_descriptionError, m_permissionsError, m_generalError})
        setError(label, QString());
}

void RoleEditorPane::setError(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QString RoleEditorPane::failureText(const client::ApiFailure& failure)
{
    const QString& code = failure.code;
    if (code == QLatin1String("conflict") && failure.field == QLatin1String("key"))
        return tr("This key is already taken, by another role of this organisation or by a built-in role. Choose "
                  "another key.");
    if (code == QLatin1String("invalid_field") && failure.field == QLatin1String("key"))
        return tr("Use 2 to 63 characters a-z, 0-9 and '-', not starting or ending with '-'.");
    if (code == QLatin1String("permission_not_held"))
        return tr("You can only give a role permissions you hold here yourself, and only change roles whose every "
                  "permission you hold.");
    if (code == QLatin1String("role_in_use"))
        return tr("This role is still assigned to people. Revoke those assignments first (in the person editor), "
                  "then delete the role.");
    if (code == QLatin1String("last_admin"))
        return tr("This change would leave an organisation without an admin (nobody holding role.assign there). "
                  "Only an admin from an organisation above it may do that.");
    if (code == QLatin1String("builtin_role"))
        return tr("Built-in roles cannot be changed or deleted.");
    if (code == QLatin1String("forbidden"))
        return tr("You may not change roles here: that needs role.assign at the organisation that defines the role.");
    if (code == QLatin1String("not_found"))
        return tr("This role or organisation no longer exists, or you can no longer see it.");
    return failure.message;
}

void RoleEditorPane::showFailure(const client::ApiFailure& failure)
{
    setBusy(false);
    clearErrors();
    QLabel* label = errorLabel(failure.field);
    setError(label, failureText(failure));
    if (label == m_keyError)
        m_key->setFocus();
    else if (label == m_nameError)
        m_name->setFocus();
    else if (label == m_descriptionError)
        m_description->setFocus();
}

void RoleEditorPane::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    updateButtons();
    Q_EMIT busyChanged(busy);
}

void RoleEditorPane::save()
{
    if (m_busy || (m_mode != Mode::Edit && m_mode != Mode::Create))
        return;
    clearErrors();
    client::RoleInfo draft = m_role;
    draft.key = m_key->text().trimmed().toStdString();
    draft.name = m_name->text().trimmed().toStdString();
    draft.description = m_description->toPlainText().trimmed().toStdString();
    draft.permissions = m_checklist->checked();
    if (m_mode == Mode::Create && !core::isValidSlug(draft.key)) {
        setError(m_keyError, tr("Use 2 to 63 characters a-z, 0-9 and '-', not starting or ending with '-'."));
        m_key->setFocus();
        return;
    }
    if (draft.name.empty()) {
        setError(m_nameError, tr("Enter a name."));
        m_name->setFocus();
        return;
    }
    setBusy(true);
    auto done = [this](client::ApiResult<client::RoleInfo> result) {
        if (!result.ok()) {
            showFailure(result.failure);
            return;
        }
        setBusy(false);
        // Saved: the form now shows the stored role (no longer a new one, nothing unsaved).
        showRole(*result.value);
        Q_EMIT roleSaved(qs(m_role.id));
    };
    client::ApiClient* client = m_session->client();
    if (m_mode == Mode::Create)
        client->createRole(qs(m_org.id), draft, this, std::move(done));
    else
        client->updateRole(qs(m_role.id), draft, this, std::move(done));
}

void RoleEditorPane::revert()
{
    if (m_busy)
        return;
    if (m_mode == Mode::Create) {
        clear();
        Q_EMIT creationCancelled();
        return;
    }
    setMode(m_mode);
}

void RoleEditorPane::deleteRole(bool confirmed)
{
    if (m_busy || m_mode != Mode::Edit)
        return;
    if (!confirmed) {
        const auto answer = QMessageBox::question(
            this, tr("Delete role"),
            tr("Delete the role “%1”? It disappears from every list; the audit trail keeps its history.")
                .arg(PermissionText::roleName(m_role.key, m_role.builtIn, m_role.name)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    clearErrors();
    setBusy(true);
    const QString id = qs(m_role.id);
    m_session->client()->deleteRole(id, this, [this, id](client::ApiResult<bool> result) {
        if (!result.ok()) {
            showFailure(result.failure);
            return;
        }
        setBusy(false);
        clear();
        Q_EMIT roleDeleted(id);
    });
}

} // namespace trellis::ui
