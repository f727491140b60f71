#include "ui/AuditDetailsPane.h"

#include "client/ApiClient.h"
#include "models/AuditDiff.h"
#include "models/AuditEventModel.h"
#include "models/ConsoleSession.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QLabel* sectionLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

AuditDetailsPane::AuditDetailsPane(models::ConsoleSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("auditDetails"));
    setAccessibleName(tr("Event details"));

    m_heading = new QLabel(tr("Pick an event to see its details."), this);
    m_heading->setObjectName(QStringLiteral("auditDetailsHeading"));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_fieldsBox = new QWidget(this);
    m_fields = new QFormLayout(m_fieldsBox);
    m_fields->setContentsMargins(0, 0, 0, 0);
    m_fields->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_changes = new QTextBrowser(this);
    m_changes->setObjectName(QStringLiteral("auditChanges"));
    m_changes->setAccessibleName(tr("Changes (before and after)"));
    m_changes->setMinimumHeight(90);
    m_changes->setOpenLinks(false);

    m_delegation = new QLabel(this);
    m_delegation->setObjectName(QStringLiteral("auditDelegation"));
    m_delegation->setAccessibleName(tr("Delegation chain"));
    m_delegation->setWordWrap(true);
    m_delegation->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_sameRequest = new QPushButton(tr("Same &request"), this);
    m_sameRequest->setObjectName(QStringLiteral("auditSameRequest"));
    m_sameRequest->setToolTip(tr("Show every event of the same request"));
    m_sameActor = new QPushButton(tr("Same a&ctor"), this);
    m_sameActor->setObjectName(QStringLiteral("auditSameActor"));
    m_sameActor->setToolTip(tr("Show what the same actor did in this time range"));
    m_sameTarget = new QPushButton(tr("Same tar&get"), this);
    m_sameTarget->setObjectName(QStringLiteral("auditSameTarget"));
    m_sameTarget->setToolTip(tr("Show everything that happened to the same target in this time range"));
    const auto wire = [this](QPushButton* button, Related kind) {
        button->setAccessibleName(button->toolTip());
        connect(button, &QPushButton::clicked, this, [this, kind] {
            if (m_event)
                Q_EMIT relatedRequested(kind, *m_event);
        });
    };
    wire(m_sameRequest, Related::Request);
    wire(m_sameActor, Related::Actor);
    wire(m_sameTarget, Related::Target);
    auto* related = new QHBoxLayout;
    related->addWidget(new QLabel(tr("Show related:"), this));
    related->addWidget(m_sameRequest);
    related->addWidget(m_sameActor);
    related->addWidget(m_sameTarget);
    related->addStretch(1);

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_heading);
    contentLayout->addLayout(related);
    contentLayout->addWidget(m_fieldsBox);
    contentLayout->addWidget(sectionLabel(tr("Changes"), content));
    contentLayout->addWidget(m_changes, 1);
    contentLayout->addWidget(sectionLabel(tr("Allowed by"), content));
    contentLayout->addWidget(m_delegation);
    contentLayout->addStretch(0);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    clear();
}

QPushButton* AuditDetailsPane::relatedButton(Related kind) const
{
    switch (kind) {
    case Related::Request:
        return m_sameRequest;
    case Related::Actor:
        return m_sameActor;
    case Related::Target:
        return m_sameTarget;
    }
    return nullptr;
}

void AuditDetailsPane::clear()
{
    ++m_generation;
    m_event.reset();
    m_heading->setText(tr("Pick an event to see its details."));
    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    m_fieldLines.clear();
    m_changes->clear();
    m_changesPlain.clear();
    m_delegation->clear();
    m_delegationLoaded = false;
    for (QPushButton* b : {m_sameRequest, m_sameActor, m_sameTarget})
        b->setEnabled(false);
}

void AuditDetailsPane::addField(const QString& label, const QString& value)
{
    if (value.isEmpty())
        return;
    auto* text = new QLabel(value, m_fieldsBox);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    text->setAccessibleName(label);
    m_fields->addRow(label, text);
    m_fieldLines << label + QStringLiteral(" ") + value;
}

void AuditDetailsPane::setEvent(const client::AuditEvent& e)
{
    clear();
    m_event = e;
    m_heading->setText(tr("%1 — %2").arg(e.action, models::AuditEventModel::outcomeText(e.outcome)));

    const QString actor = e.actorType == QLatin1String("system")
                              ? tr("System")
                              : (e.actorDisplay.isEmpty() ? e.actorId : tr("%1 (%2)").arg(e.actorDisplay, e.actorType));
    addField(tr("Time:"), timeText(e.occurredAt) + QStringLiteral("  (") +
                              e.occurredAt.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(')'));
    addField(tr("Outcome:"), models::AuditEventModel::outcomeText(e.outcome));
    addField(tr("Reason:"), e.reason);
    addField(tr("Actor:"), actor);
    addField(tr("Actor id:"), e.actorId);
    addField(tr("Acting for organisation:"), e.actingOrgId);
    addField(tr("Action:"), e.action);
    addField(tr("Target:"), e.targetDisplay);
    addField(tr("Target type and id:"), (e.targetType + QLatin1Char(' ') + e.targetId).trimmed());
    addField(tr("Target organisation path:"), e.targetOrgPath);
    addField(tr("Client address:"), e.clientAddress);
    addField(tr("User agent:"), e.userAgent);
    addField(tr("Request id:"), e.requestId);
    addField(tr("Sequence:"), QString::number(e.sequence));
    addField(tr("Event id:"), e.id);
    addField(tr("Hash:"), e.hash);
    addField(tr("Previous hash:"), e.previousHash);

    // before/after as what changed, key by key.
    const auto changes = models::AuditDiff::compare(e.before, e.after);
    QStringList html;
    QStringList plain;
    for (const auto& c : changes) {
        const QString key = c.key.isEmpty() ? tr("(value)") : c.key;
        switch (c.kind) {
        case models::AuditChange::Kind::Added:
            plain << tr("added %1: %2").arg(key, c.after);
            html << QStringLiteral("<div style=\"color:#26734d\">+ <b>%1</b>: %2</div>")
                        .arg(key.toHtmlEscaped(), c.after.toHtmlEscaped());
            break;
        case models::AuditChange::Kind::Removed:
            plain << tr("removed %1: %2").arg(key, c.before);
            html << QStringLiteral("<div style=\"color:#a51d2d\">− <b>%1</b>: <s>%2</s></div>")
                        .arg(key.toHtmlEscaped(), c.before.toHtmlEscaped());
            break;
        case models::AuditChange::Kind::Changed:
            plain << tr("changed %1: %2 → %3").arg(key, c.before, c.after);
            html << QStringLiteral("<div>~ <b>%1</b>: <span style=\"color:#a51d2d\"><s>%2</s></span> → "
                                   "<span style=\"color:#26734d\">%3</span></div>")
                        .arg(key.toHtmlEscaped(), c.before.toHtmlEscaped(), c.after.toHtmlEscaped());
            break;
        }
    }
    if (changes.empty()) {
        const QString none = tr("No recorded changes.");
        plain << none;
        html << QStringLiteral("<i>%1</i>").arg(none.toHtmlEscaped());
    }
    m_changesPlain = plain.join(QLatin1Char('\n'));
    m_changes->setHtml(html.join(QString()));

    m_sameRequest->setEnabled(!e.requestId.isEmpty());
    m_sameActor->setEnabled(!e.actorId.isEmpty() || !e.actorDisplay.isEmpty());
    m_sameTarget->setEnabled(!e.targetId.isEmpty());

    if (e.delegationId.isEmpty()) {
        m_delegation->setText(e.actorType == QLatin1String("system")
                                  ? tr("The system itself (no role assignment).")
                                  : tr("No role assignment was needed or recorded for this event."));
        m_delegationLoaded = true;
        Q_EMIT delegationLoadedChanged();
    } else {
        loadDelegation(e.delegationId);
    }
}

void AuditDetailsPane::loadDelegation(const QString& assignmentId)
{
    m_delegation->setText(tr("Loading who granted this…"));
    const quint64 generation = ++m_generation;
    m_session->client()->delegationChain(
        assignmentId, this, [this, generation](client::ApiResult<std::vector<client::DelegationLink>> result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                m_delegation->setText(tr("The delegation chain could not be loaded: %1").arg(result.failure.message));
            } else if (result.value->empty()) {
                m_delegation->setText(tr("The role assignment no longer exists."));
            } else {
                QStringList lines;
                int depth = 0;
                for (const auto& link : *result.value) {
                    const QString role = link.roleName.isEmpty() ? link.roleKey : link.roleName;
                    const QString org = link.orgName.isEmpty() ? link.orgId : link.orgName;
                    QString line = tr("%1 held the role %2 at %3").arg(link.userDisplay, role, org);
                    if (!link.grantedByDisplay.isEmpty())
                        line += tr(", granted by %1 on %2").arg(link.grantedByDisplay, timeText(link.grantedAt));
                    else if (link.grantedAt.isValid())
                        line += tr(", since %1").arg(timeText(link.grantedAt));
                    if (link.revokedAt.isValid())
                        line += tr(" (revoked %1)").arg(timeText(link.revokedAt));
                    lines << QString(depth * 2, QLatin1Char(' ')) + (depth == 0 ? QString() : QStringLiteral("↳ ")) +
                                 line;
                    ++depth;
                }
                m_delegation->setText(lines.join(QLatin1Char('\n')));
            }
            m_delegationLoaded = true;
            Q_EMIT delegationLoadedChanged();
        });
}

QString AuditDetailsPane::changesText() const
{
    return m_changesPlain;
}

QString AuditDetailsPane::delegationText() const
{
    return m_delegation->text();
}

QString AuditDetailsPane::fieldsText() const
{
    return m_fieldLines.join(QLatin1Char('\n'));
}

} // namespace trellis::ui
