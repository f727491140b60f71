#include "ui/AuditDetailsPane.h"

#include "client/ApiClient.h"
#include "models/AuditDiff.h"
#include "models/AuditEventModel.h"
#include "models/ConsoleSession.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

// Long JSON values (arrays of ids) may break after commas and slashes instead of widening the pane.
QString breakable(const QString& text)
{
    QString out = text.toHtmlEscaped();
    out.replace(QLatin1Char(','), QStringLiteral(",&#8203;"));
    out.replace(QLatin1Char('/'), QStringLiteral("/&#8203;"));
    return out;
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

    const auto makeForm = [](QWidget* parent) {
        auto* form = new QFormLayout;
        form->setContentsMargins(0, 0, 0, 0);
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        Q_UNUSED(parent);
        return form;
    };
    m_fields = makeForm(this);
    m_technical = makeForm(this);

    // A label, not a text browser: inside the scroll area it grows with its content instead of scrolling twice.
    m_changes = new QLabel(this);
    m_changes->setObjectName(QStringLiteral("auditChanges"));
    m_changes->setAccessibleName(tr("Changes (before and after)"));
    m_changes->setTextFormat(Qt::RichText);
    m_changes->setWordWrap(true);
    m_changes->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_delegation = new QLabel(this);
    m_delegation->setObjectName(QStringLiteral("auditDelegation"));
    m_delegation->setAccessibleName(tr("Delegation chain"));
    m_delegation->setWordWrap(true);
    m_delegation->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_sameRequest = new QPushButton(tr("&Request"), this);
    m_sameRequest->setObjectName(QStringLiteral("auditSameRequest"));
    m_sameRequest->setToolTip(tr("Show every event of the same request"));
    m_sameActor = new QPushButton(tr("A&ctor"), this);
    m_sameActor->setObjectName(QStringLiteral("auditSameActor"));
    m_sameActor->setToolTip(tr("Show what the same actor did in this time range"));
    m_sameTarget = new QPushButton(tr("Tar&get"), this);
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
    auto* relatedLabel = new QLabel(tr("Show the same:"), this);
    related->addWidget(relatedLabel);
    related->addWidget(m_sameRequest);
    related->addWidget(m_sameActor);
    related->addWidget(m_sameTarget);
    related->addStretch(1);

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    // What a reviewer reads first: what happened, what changed, who allowed it; the technical fields last.
    contentLayout->addWidget(m_heading);
    contentLayout->addLayout(related);
    contentLayout->addLayout(m_fields);
    QLabel* changesHeading = sectionLabel(tr("Changes"), content);
    QLabel* allowedHeading = sectionLabel(tr("Allowed by"), content);
    QLabel* technicalHeading = sectionLabel(tr("Technical details"), content);
    m_eventOnly = {relatedLabel,   m_sameRequest,  m_sameActor,     m_sameTarget,
                   changesHeading, allowedHeading, technicalHeading};
    contentLayout->addWidget(changesHeading);
    contentLayout->addWidget(m_changes);
    contentLayout->addWidget(allowedHeading);
    contentLayout->addWidget(m_delegation);
    contentLayout->addWidget(technicalHeading);
    contentLayout->addLayout(m_technical);
    contentLayout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setAccessibleName(tr("Event details"));
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
    for (QFormLayout* form : {m_fields, m_technical})
        while (form->rowCount() > 0)
            form->removeRow(0);
    m_fieldLines.clear();
    m_changes->clear();
    m_changesPlain.clear();
    m_delegation->clear();
    m_delegationLoaded = false;
    for (QWidget* w : std::as_const(m_eventOnly))
        w->setVisible(false);
}

void AuditDetailsPane::addField(QFormLayout* form, const QString& label, const QString& value)
{
    if (value.isEmpty())
        return;
    if (form == m_technical) {
        // Ids and hashes have no spaces to wrap at: a read-only line scrolls within itself and copies exactly.
        auto* line = new QLineEdit(value, this);
        line->setReadOnly(true);
        line->setFrame(false);
        line->setCursorPosition(0);
        line->setAccessibleName(label);
        line->setStyleSheet(QStringLiteral("QLineEdit { background: transparent; }"));
        form->addRow(label, line);
    } else {
        auto* text = new QLabel(value, this);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        text->setAccessibleName(label);
        form->addRow(label, text);
    }
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
    addField(m_fields, tr("Time:"), timeText(e.occurredAt));
    addField(m_fields, tr("Outcome:"), models::AuditEventModel::outcomeText(e.outcome));
    addField(m_fields, tr("Reason:"), e.reason);
    addField(m_fields, tr("Actor:"), actor);
    addField(m_fields, tr("Action:"), e.action);
    addField(m_fields, tr("Target:"), e.targetDisplay);
    addField(m_fields, tr("Target type:"), e.targetType);
    addField(m_technical, tr("Time (UTC):"), e.occurredAt.toUTC().toString(Qt::ISODateWithMs));
    addField(m_technical, tr("Actor id:"), e.actorId);
    addField(m_technical, tr("Acting for organisation:"), e.actingOrgId);
    addField(m_technical, tr("Role assignment:"), e.delegationId);
    addField(m_technical, tr("Target id:"), e.targetId);
    addField(m_technical, tr("Target organisation path:"), e.targetOrgPath);
    addField(m_technical, tr("Client address:"), e.clientAddress);
    addField(m_technical, tr("User agent:"), e.userAgent);
    addField(m_technical, tr("Request id:"), e.requestId);
    addField(m_technical, tr("Sequence:"), QString::number(e.sequence));
    addField(m_technical, tr("Event id:"), e.id);
    addField(m_technical, tr("Hash:"), e.hash);
    addField(m_technical, tr("Previous hash:"), e.previousHash);

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
                        .arg(key.toHtmlEscaped(), breakable(c.after));
            break;
        case models::AuditChange::Kind::Removed:
            plain << tr("removed %1: %2").arg(key, c.before);
            html << QStringLiteral("<div style=\"color:#a51d2d\">− <b>%1</b>: <s>%2</s></div>")
                        .arg(key.toHtmlEscaped(), breakable(c.before));
            break;
        case models::AuditChange::Kind::Changed:
            plain << tr("changed %1: %2 → %3").arg(key, c.before, c.after);
            html << QStringLiteral("<div>~ <b>%1</b>: <span style=\"color:#a51d2d\"><s>%2</s></span> → "
                                   "<span style=\"color:#26734d\">%3</span></div>")
                        .arg(key.toHtmlEscaped(), breakable(c.before), breakable(c.after));
            break;
        }
    }
    if (changes.empty()) {
        const QString none = tr("No recorded changes.");
        plain << none;
        html << QStringLiteral("<i>%1</i>").arg(none.toHtmlEscaped());
    }
    m_changesPlain = plain.join(QLatin1Char('\n'));
    m_changes->setText(html.join(QString()));

    for (QWidget* w : std::as_const(m_eventOnly))
        w->setVisible(true);
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
