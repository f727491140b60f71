#pragma once

#include "client/AuditRecords.h"

#include <optional>

#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;

namespace trellis::models {
class ConsoleSession;
}

namespace trellis::ui {

/// The details of one audit event: every field, before/after as a readable list of added, removed and changed keys,
/// the delegation chain that allowed it (asked for from the server), and "show related" buttons.
class AuditDetailsPane : public QWidget
{
    Q_OBJECT
public:
    enum class Related
    {
        Request,
        Actor,
        Target
    };

    explicit AuditDetailsPane(models::ConsoleSession* session, QWidget* parent = nullptr);

    void setEvent(const client::AuditEvent& event);
    void clear();
    std::optional<client::AuditEvent> event() const { return m_event; }

    /// The before/after changes as plain text (one line per key), e.g. "changed name: Old → New".
    QString changesText() const;
    QString delegationText() const;
    QString fieldsText() const;
    bool delegationLoaded() const { return m_delegationLoaded; }
    QPushButton* relatedButton(Related kind) const;

Q_SIGNALS:
    void relatedRequested(trellis::ui::AuditDetailsPane::Related kind, const client::AuditEvent& event);
    void delegationLoadedChanged();

private:
    void addField(QFormLayout* form, const QString& label, const QString& value);
    void loadDelegation(const QString& assignmentId);

    models::ConsoleSession* m_session;
    std::optional<client::AuditEvent> m_event;
    QLabel* m_heading = nullptr;
    QFormLayout* m_fields = nullptr;    ///< what happened: time, outcome, actor, action, target
    QFormLayout* m_technical = nullptr; ///< ids, addresses and hashes
    QLabel* m_changes = nullptr;
    QLabel* m_delegation = nullptr;
    QList<QWidget*> m_eventOnly; ///< headings and buttons that mean something only with an event shown
    QPushButton* m_sameRequest = nullptr;
    QPushButton* m_sameActor = nullptr;
    QPushButton* m_sameTarget = nullptr;
    QStringList m_fieldLines;
    QString m_changesPlain;
    bool m_delegationLoaded = false;
    quint64 m_generation = 0;
};

} // namespace trellis::ui
