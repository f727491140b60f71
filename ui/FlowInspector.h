#pragma once

#include <QHash>
#include <QString>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace trellis::models {
class FlowEditor;
}

namespace trellis::ui {

/// Edits the selected step: its caption, its settings (one field per config field of its type, with the problem
/// of each field shown beside it), where each of its exits leads, and whether the journey starts here. Every
/// change goes to the FlowEditor as an undoable command.
class FlowInspector : public QWidget
{
    Q_OBJECT
public:
    explicit FlowInspector(models::FlowEditor* editor, QWidget* parent = nullptr);

    /// Shows the step `id` (empty: nothing selected).
    void setNode(const QString& id);
    QString nodeId() const { return m_nodeId; }
    QLineEdit* labelField() const { return m_label; }
    /// The editing widget of a config field (by its name), or nullptr.
    QWidget* fieldWidget(const QString& name) const { return m_fields.value(name); }
    /// The problem text shown beside a config field (empty when none).
    QString fieldError(const QString& name) const;
    QComboBox* outcomeTarget(const QString& outcome) const { return m_targets.value(outcome); }
    QPushButton* startButton() const { return m_startButton; }
    /// Puts the keyboard focus on the first field (Enter on the canvas).
    void focusFirstField();

private:
    void rebuild();
    void refresh();
    void commitField(const QString& name);

    models::FlowEditor* m_editor;
    QString m_nodeId;
    QString m_builtType;
    QLabel* m_heading = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_empty = nullptr;
    QWidget* m_body = nullptr;
    QLineEdit* m_label = nullptr;
    QPushButton* m_startButton = nullptr;
    QWidget* m_fieldsBox = nullptr;
    QFormLayout* m_fieldsForm = nullptr;
    QWidget* m_outcomesBox = nullptr;
    QFormLayout* m_outcomesForm = nullptr;
    QLabel* m_problems = nullptr;
    QHash<QString, QWidget*> m_fields;
    QHash<QString, QLabel*> m_fieldErrors;
    QHash<QString, QComboBox*> m_targets;
};

} // namespace trellis::ui
