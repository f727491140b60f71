#include "ui/AuditFilterBar.h"

#include "models/OrgSearchModel.h"
#include "ui/OrgSearchField.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

constexpr int kTypingPauseMs = 500;
const QString kCustom = QStringLiteral("custom");

QLabel* errorLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("filterError"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c01c28;"));
    label->setVisible(false);
    return label;
}

} // namespace

AuditFilterBar::AuditFilterBar(models::OrgSearchModel* orgSearch, QWidget* parent)
    : QWidget(parent)
    , m_orgSearch(orgSearch)
{
    setObjectName(QStringLiteral("auditFilterBar"));
    setAccessibleName(tr("Audit filter"));
    m_typing.setSingleShot(true);
    m_typing.setInterval(kTypingPauseMs);
    connect(&m_typing, &QTimer::timeout, this, &AuditFilterBar::emitEdited);

    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("auditRange"));
    m_range->setAccessibleName(tr("Time range"));
    m_range->addItem(tr("Last hour"), QStringLiteral("1h"));
    m_range->addItem(tr("Last 24 hours"), QStringLiteral("24h"));
    m_range->addItem(tr("Last 7 days"), QStringLiteral("7d"));
    m_range->addItem(tr("Last 30 days"), QStringLiteral("30d"));
    m_range->addItem(tr("Any time"), QString());
    m_range->addItem(tr("Custom range"), kCustom);
    m_range->setCurrentIndex(2);

    const auto makeTimeEdit = [this](const QString& name, const QString& accessible) {
        auto* edit = new QDateTimeEdit(this);
        edit->setObjectName(name);
        edit->setAccessibleName(accessible);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setTimeSpec(Qt::LocalTime);
        edit->setVisible(false);
        connect(edit, &QDateTimeEdit::editingFinished, this, &AuditFilterBar::emitEdited);
        return edit;
    };
    m_from = makeTimeEdit(QStringLiteral("auditFrom"), tr("From (inclusive)"));
    m_to = makeTimeEdit(QStringLiteral("auditTo"), tr("To (exclusive)"));
    m_from->setDateTime(QDateTime::currentDateTime().addDays(-1));
    m_to->setDateTime(QDateTime::currentDateTime().addSecs(3600));
    connect(m_range, &QComboBox::currentIndexChanged, this, &AuditFilterBar::onRangeChanged);

    m_actor = new QLineEdit(this);
    m_actor->setObjectName(QStringLiteral("auditActor"));
    m_actor->setAccessibleName(tr("Actor"));
    m_actor->setPlaceholderText(tr("Actor e-mail or id"));
    m_actor->setClearButtonEnabled(true);
    connect(m_actor, &QLineEdit::textEdited, this, [this] { m_typing.start(); });
    connect(m_actor, &QLineEdit::returnPressed, this, &AuditFilterBar::emitEdited);

    m_org = new OrgSearchField(orgSearch, this);
    m_org->setObjectName(QStringLiteral("auditOrg"));
    m_org->setAccessibleName(tr("Organisation"));
    m_org->setPlaceholderText(tr("Any organisation"));
    connect(m_org, &OrgSearchField::orgChosen, this, [this](const core::Org& org) {
        m_orgId = QString::fromStdString(org.id);
        m_orgName = QString::fromStdString(org.name);
        m_orgClear->setEnabled(true);
        emitEdited();
    });
    connect(m_org, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (text.isEmpty() && !m_orgId.isEmpty()) {
            m_orgId.clear();
            m_orgName.clear();
            m_orgClear->setEnabled(false);
            emitEdited();
        }
    });
    m_orgClear = new QToolButton(this);
    m_orgClear->setObjectName(QStringLiteral("auditOrgClear"));
    m_orgClear->setText(tr("All"));
    m_orgClear->setAccessibleName(tr("Any organisation"));
    m_orgClear->setToolTip(tr("Show every organisation you may see"));
    m_orgClear->setEnabled(false);
    connect(m_orgClear, &QToolButton::clicked, this, [this] {
        m_orgId.clear();
        m_orgName.clear();
        m_org->clear();
        m_orgClear->setEnabled(false);
        emitEdited();
    });

    m_groupsButton = new QToolButton(this);
    m_groupsButton->setObjectName(QStringLiteral("auditGroups"));
    m_groupsButton->setAccessibleName(tr("Action groups"));
    m_groupsButton->setPopupMode(QToolButton::InstantPopup);
    m_groupsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_groupsMenu = new QMenu(m_groupsButton);
    m_groupsMenu->setObjectName(QStringLiteral("auditGroupsMenu"));
    m_groupsButton->setMenu(m_groupsMenu);
    updateGroupsButton();

    auto* outcomeRow = new QWidget(this);
    auto* outcomeLayout = new QHBoxLayout(outcomeRow);
    outcomeLayout->setContentsMargins(0, 0, 0, 0);
    const std::pair<QString, QString> outcomes[] = {{QStringLiteral("success"), tr("Success")},
                                                    {QStringLiteral("denied"), tr("Denied")},
                                                    {QStringLiteral("failure"), tr("Failure")}};
    for (const auto& [key, text] : outcomes) {
        auto* box = new QCheckBox(text, outcomeRow);
        box->setObjectName(QStringLiteral("auditOutcome_") + key);
        box->setAccessibleName(tr("Outcome %1").arg(text));
        box->setToolTip(tr("None ticked: every outcome"));
        connect(box, &QCheckBox::toggled, this, &AuditFilterBar::emitEdited);
        outcomeLayout->addWidget(box);
        m_outcomes.insert(key, box);
    }

    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("auditText"));
    m_text->setAccessibleName(tr("Search the audit trail"));
    m_text->setPlaceholderText(tr("Search actor, target, action, reason, address… (Ctrl+F)"));
    m_text->setClearButtonEnabled(true);
    connect(m_text, &QLineEdit::textEdited, this, [this] { m_typing.start(); });
    connect(m_text, &QLineEdit::returnPressed, this, &AuditFilterBar::emitEdited);

    const auto caption = [this](const QString& text, QWidget* buddy) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };

    auto* timeBox = new QWidget(this);
    auto* timeLayout = new QHBoxLayout(timeBox);
    timeLayout->setContentsMargins(0, 0, 0, 0);
    timeLayout->addWidget(m_range);
    timeLayout->addWidget(m_from);
    timeLayout->addWidget(m_to);
    m_errors.insert(QStringLiteral("to"), nullptr); // shares the time range's label (set below)

    auto* orgBox = new QWidget(this);
    auto* orgLayout = new QHBoxLayout(orgBox);
    orgLayout->setContentsMargins(0, 0, 0, 0);
    orgLayout->addWidget(m_org, 1);
    orgLayout->addWidget(m_orgClear);

    auto* first = new QHBoxLayout;
    first->addWidget(caption(tr("&Time:"), m_range));
    first->addWidget(withError(timeBox, QStringLiteral("from")));
    first->addSpacing(8);
    first->addWidget(caption(tr("A&ctor:"), m_actor));
    first->addWidget(withError(m_actor, QStringLiteral("actor")), 1);
    first->addSpacing(8);
    first->addWidget(caption(tr("&Organisation:"), m_org));
    first->addWidget(withError(orgBox, QStringLiteral("org")), 1);
    m_errors[QStringLiteral("to")] = m_errors.value(QStringLiteral("from"));

    auto* second = new QHBoxLayout;
    second->addWidget(caption(tr("Action &groups:"), m_groupsButton));
    second->addWidget(withError(m_groupsButton, QStringLiteral("group")));
    second->addSpacing(8);
    second->addWidget(caption(tr("Outcome:"), outcomeRow));
    second->addWidget(withError(outcomeRow, QStringLiteral("outcome")));
    second->addSpacing(8);
    second->addWidget(caption(tr("&Search:"), m_text));
    second->addWidget(withError(m_text, QStringLiteral("q")), 1);
    m_errors[QStringLiteral("action")] = m_errors.value(QStringLiteral("group"));

    m_otherError = errorLabel(this);
    m_otherError->setObjectName(QStringLiteral("auditFilterError"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(first);
    layout->addLayout(second);
    layout->addWidget(m_otherError);

    setTabOrder(m_range, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_actor);
    setTabOrder(m_actor, m_org);
    setTabOrder(m_org, m_orgClear);
    setTabOrder(m_orgClear, m_groupsButton);
    setTabOrder(m_groupsButton, m_outcomes.value(QStringLiteral("success")));
    setTabOrder(m_outcomes.value(QStringLiteral("success")), m_outcomes.value(QStringLiteral("denied")));
    setTabOrder(m_outcomes.value(QStringLiteral("denied")), m_outcomes.value(QStringLiteral("failure")));
    setTabOrder(m_outcomes.value(QStringLiteral("failure")), m_text);
}

QWidget* AuditFilterBar::withError(QWidget* control, const QString& field)
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    control->setParent(box);
    layout->addWidget(control);
    QLabel* error = errorLabel(box);
    error->setObjectName(QStringLiteral("auditError_") + field);
    layout->addWidget(error);
    m_errors.insert(field, error);
    return box;
}

QCheckBox* AuditFilterBar::outcomeBox(const QString& outcome) const
{
    return m_outcomes.value(outcome);
}

void AuditFilterBar::onRangeChanged()
{
    const bool custom = m_range->currentData().toString() == kCustom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    emitEdited();
}

void AuditFilterBar::emitEdited()
{
    m_typing.stop();
    if (!m_updating)
        Q_EMIT filterEdited();
}

client::AuditFilter AuditFilterBar::filter() const
{
    client::AuditFilter f;
    const QString range = m_range->currentData().toString();
    if (range == kCustom) {
        f.from = m_from->dateTime().toUTC();
        f.to = m_to->dateTime().toUTC();
    } else {
        f.range = range;
    }
    f.actor = m_actor->text().trimmed();
    f.org = m_orgId;
    for (QAction* action : m_groupsMenu->actions())
        if (action->isCheckable() && action->isChecked())
            f.groups << action->data().toString();
    for (const QString& key : {QStringLiteral("success"), QStringLiteral("denied"), QStringLiteral("failure")})
        if (m_outcomes.value(key)->isChecked())
            f.outcomes << key;
    f.text = m_text->text().trimmed();
    return f;
}

void AuditFilterBar::setFilter(const client::AuditFilter& filter, const QString& orgName)
{
    m_updating = true;
    if (!filter.range.isEmpty()) {
        m_range->setCurrentIndex(std::max(0, m_range->findData(filter.range)));
    } else if (filter.from.isValid() || filter.to.isValid()) {
        m_range->setCurrentIndex(m_range->findData(kCustom));
        if (filter.from.isValid())
            m_from->setDateTime(filter.from.toLocalTime());
        if (filter.to.isValid())
            m_to->setDateTime(filter.to.toLocalTime());
    } else {
        m_range->setCurrentIndex(m_range->findData(QString()));
    }
    const bool custom = m_range->currentData().toString() == kCustom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    m_actor->setText(filter.actor);
    m_orgId = filter.org;
    m_orgName = filter.org.isEmpty() ? QString() : (orgName.isEmpty() ? filter.org : orgName);
    m_org->setText(m_orgName);
    m_orgClear->setEnabled(!m_orgId.isEmpty());
    checkGroups(filter.groups);
    for (auto it = m_outcomes.begin(); it != m_outcomes.end(); ++it)
        it.value()->setChecked(filter.outcomes.contains(it.key()));
    m_text->setText(filter.text);
    m_updating = false;
}

void AuditFilterBar::setOrgName(const QString& orgId, const QString& name)
{
    if (orgId != m_orgId || name.isEmpty())
        return;
    m_orgName = name;
    m_org->setText(name);
}

void AuditFilterBar::setGroups(const std::vector<client::AuditGroupInfo>& groups)
{
    const QStringList checked = filter().groups;
    m_groupsMenu->clear();
    for (const auto& group : groups) {
        QAction* action = m_groupsMenu->addAction(group.description.isEmpty() ? group.name : group.description);
        action->setObjectName(QStringLiteral("auditGroup_") + group.name);
        action->setData(group.name);
        action->setCheckable(true);
        action->setChecked(checked.contains(group.name));
        action->setToolTip(group.name);
        connect(action, &QAction::toggled, this, [this] {
            updateGroupsButton();
            emitEdited();
        });
    }
    updateGroupsButton();
}

void AuditFilterBar::checkGroups(const QStringList& groups)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    for (QAction* action : m_groupsMenu->actions())
        action->setChecked(groups.contains(action->data().toString()));
    m_updating = wasUpdating;
    updateGroupsButton();
}

void AuditFilterBar::updateGroupsButton()
{
    QStringList names;
    for (QAction* action : m_groupsMenu->actions())
        if (action->isChecked())
            names << action->text();
    if (names.isEmpty())
        m_groupsButton->setText(tr("All actions"));
    else if (names.size() == 1)
        // "Organisations: created, changed, …" → "Organisations": the button stays short, the tooltip says all.
        m_groupsButton->setText(names.first().section(QLatin1Char(':'), 0, 0).trimmed());
    else
        m_groupsButton->setText(tr("%n group(s)", nullptr, int(names.size())));
    m_groupsButton->setToolTip(names.isEmpty() ? tr("Every action") : names.join(QStringLiteral(", ")));
}

void AuditFilterBar::showFieldError(const QString& field, const QString& message)
{
    QLabel* label = m_errors.value(field);
    if (!label)
        label = m_otherError;
    label->setText(message);
    label->setVisible(true);
}

void AuditFilterBar::clearErrors()
{
    for (QLabel* label : std::as_const(m_errors))
        if (label) {
            label->clear();
            label->setVisible(false);
        }
    m_otherError->clear();
    m_otherError->setVisible(false);
}

QString AuditFilterBar::fieldError(const QString& field) const
{
    const QLabel* label = m_errors.value(field);
    if (!label)
        label = m_otherError;
    return label->isHidden() ? QString() : label->text();
}

} // namespace trellis::ui
