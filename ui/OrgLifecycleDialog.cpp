#include "ui/OrgLifecycleDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace trellis::ui {

OrgLifecycleDialog::OrgLifecycleDialog(const QString& change, const core::Org& org, QWidget* parent)
    : QDialog(parent)
    , m_change(change)
    , m_org(org)
{
    setObjectName(QStringLiteral("orgLifecycleDialog"));
    const QString name = QString::fromStdString(org.name);
    const bool offboard = change == QLatin1String("offboard");
    const bool resume = change == QLatin1String("resume");
    setWindowTitle(offboard ? tr("Offboard %1").arg(name)
                   : resume ? tr("Resume %1").arg(name)
                            : tr("Suspend %1").arg(name));

    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setText(offboard ? tr("Offboarding ends every membership in %1 and the organisations below it, removes "
                                 "the roles held there and signs those people out everywhere. The records are kept "
                                 "for the audit trail. This cannot be undone.")
                                  .arg(name)
                   : resume ? tr("Resuming makes %1 and what its suspension paused active again. People sign in "
                                 "again themselves.")
                                  .arg(name)
                            : tr("Suspending pauses %1 and the organisations below it: their memberships stop "
                                 "working and those people are signed out at once. You can resume it later.")
                                  .arg(name));

    m_impact = new QLabel(resume ? QString() : tr("Working out what this touches…"), this);
    m_impact->setObjectName(QStringLiteral("impact"));
    m_impact->setWordWrap(true);
    m_impact->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_impact->setVisible(!resume);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setMaxLength(500);
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("Recorded in the audit trail"));

    m_confirmation = new QLineEdit(this);
    m_confirmation->setObjectName(QStringLiteral("confirmation"));
    m_confirmation->setAccessibleName(tr("Type the organisation's name to confirm"));

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    if (offboard)
        form->addRow(tr("Type \"%1\" to &confirm:").arg(name), m_confirmation);
    else
        m_confirmation->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(offboard ? tr("Offboard") : resume ? tr("Resume") : tr("Suspend"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_impact);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    m_impactKnown = resume;
    connect(m_confirmation, &QLineEdit::textChanged, this, &OrgLifecycleDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OrgLifecycleDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
    m_reason->setFocus();
}

QString OrgLifecycleDialog::reason() const
{
    return m_reason->text().trimmed();
}

void OrgLifecycleDialog::setImpact(const client::OrgImpact& impact)
{
    m_impactKnown = true;
    QStringList lines;
    lines << tr("%n organisation(s)", nullptr, impact.orgs) << tr("%n membership(s)", nullptr, impact.memberships)
          << tr("%n person(s), %1", nullptr, impact.people).arg(tr("%n of them admin(s)", nullptr, impact.admins))
          << tr("%n active session(s) ended", nullptr, impact.activeSessions);
    m_impact->setText(tr("This touches:") + QStringLiteral("\n• ") + lines.join(QStringLiteral("\n• ")));
    updateOk();
}

void OrgLifecycleDialog::showFailure(const client::ApiFailure& failure)
{
    setBusy(false);
    m_error->setText(failure.message);
    m_error->show();
}

void OrgLifecycleDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_reason->setEnabled(!busy);
    m_confirmation->setEnabled(!busy);
    updateOk();
}

void OrgLifecycleDialog::updateOk()
{
    const bool confirmed =
        m_change != QLatin1String("offboard") || m_confirmation->text().trimmed() == QString::fromStdString(m_org.name);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_impactKnown && confirmed && !m_busy);
}

} // namespace trellis::ui
