#include "ui/FlowInspector.h"

#include "models/FlowEditor.h"
#include "ui/FlowProblemText.h"
#include "ui/FlowText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace trellis::ui {

using core::flow::ConfigFieldType;

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QLabel* errorLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb7, 0x1c, 0x1c));
    label->setPalette(palette);
    label->hide();
    return label;
}

} // namespace

FlowInspector::FlowInspector(models::FlowEditor* editor, QWidget* parent)
    : QWidget(parent)
    , m_editor(editor)
{
    setObjectName(QStringLiteral("flowInspector"));
    setAccessibleName(tr("Step details"));

    m_empty = new QLabel(tr("Select a step on the canvas to see and change its settings."), this);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_body = new QWidget(this);
    m_heading = new QLabel(m_body);
    m_heading->setObjectName(QStringLiteral("flowInspectorHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);
    m_description = new QLabel(m_body);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);

    m_label = new QLineEdit(m_body);
    m_label->setObjectName(QStringLiteral("flowStepCaption"));
    m_label->setAccessibleName(tr("Caption"));
    m_label->setPlaceholderText(tr("Shown on the canvas instead of the type"));
    connect(m_label, &QLineEdit::textEdited, this,
            [this](const QString& text) { m_editor->setLabel(m_nodeId.toStdString(), text.toStdString()); });
    m_startButton = new QPushButton(tr("Start here"), m_body);
    m_startButton->setObjectName(QStringLiteral("flowStartHere"));
    m_startButton->setToolTip(tr("Make this step the first one of the journey"));
    connect(m_startButton, &QPushButton::clicked, this, [this] { m_editor->setStart(m_nodeId.toStdString()); });

    auto* general = new QFormLayout;
    general->addRow(tr("&Caption:"), m_label);
    general->addRow(QString(), m_startButton);

    m_fieldsBox = new QGroupBox(tr("Settings"), m_body);
    m_fieldsForm = new QFormLayout(m_fieldsBox);
    m_outcomesBox = new QGroupBox(tr("Exits"), m_body);
    m_outcomesForm = new QFormLayout(m_outcomesBox);
    m_problems = errorLabel(m_body);
    m_problems->setObjectName(QStringLiteral("flowInspectorProblems"));

    auto* bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_heading);
    bodyLayout->addWidget(m_description);
    bodyLayout->addLayout(general);
    bodyLayout->addWidget(m_fieldsBox);
    bodyLayout->addWidget(m_outcomesBox);
    bodyLayout->addWidget(m_problems);
    bodyLayout->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_empty);
    layout->addWidget(m_body, 1);

    connect(editor, &models::FlowEditor::documentChanged, this, [this] {
        if (!m_nodeId.isEmpty() && !m_editor->document().node(m_nodeId.toStdString()))
            setNode(QString());
        else
            refresh();
    });
    connect(editor, &models::FlowEditor::problemsChanged, this, &FlowInspector::refresh);
    setNode(QString());
}

void FlowInspector::setNode(const QString& id)
{
    m_nodeId = id;
    rebuild();
}

QString FlowInspector::fieldError(const QString& name) const
{
    const QLabel* label = m_fieldErrors.value(name);
    return label && !label->isHidden() ? label->text() : QString();
}

void FlowInspector::focusFirstField()
{
    if (!m_nodeId.isEmpty())
        m_label->setFocus(Qt::TabFocusReason);
}

void FlowInspector::rebuild()
{
    const auto* node = m_nodeId.isEmpty() ? nullptr : m_editor->document().node(m_nodeId.toStdString());
    m_empty->setVisible(!node);
    m_body->setVisible(node != nullptr);
    // Clear the per-type widgets.
    while (m_fieldsForm->rowCount() > 0)
        m_fieldsForm->removeRow(0);
    while (m_outcomesForm->rowCount() > 0)
        m_outcomesForm->removeRow(0);
    m_fields.clear();
    m_fieldErrors.clear();
    m_targets.clear();
    m_builtType.clear();
    if (!node)
        return;
    m_builtType = qs(node->type);
    const auto* type = m_editor->catalog().find(node->type);
    m_heading->setText(type ? FlowText::text(type->displayName) : qs(node->type));
    m_description->setText(type ? FlowText::text(type->description) : tr("This step type is unknown."));
    QWidget* previous = m_startButton;
    if (type) {
        for (const auto& field : type->fields) {
            const QString name = qs(field.name);
            const QString caption = FlowText::text(field.displayName);
            QWidget* editorWidget = nullptr;
            switch (field.type) {
            case ConfigFieldType::Boolean: {
                auto* box = new QCheckBox(m_fieldsBox);
                connect(box, &QCheckBox::toggled, this, [this, name] { commitField(name); });
                editorWidget = box;
                break;
            }
            case ConfigFieldType::Integer: {
                auto* spin = new QSpinBox(m_fieldsBox);
                spin->setRange(field.minimum ? int(*field.minimum) : -1000000,
                               field.maximum ? int(*field.maximum) : 1000000);
                connect(spin, &QSpinBox::valueChanged, this, [this, name] { commitField(name); });
                editorWidget = spin;
                break;
            }
            case ConfigFieldType::Number: {
                auto* spin = new QDoubleSpinBox(m_fieldsBox);
                spin->setRange(field.minimum ? *field.minimum : -1e9, field.maximum ? *field.maximum : 1e9);
                connect(spin, &QDoubleSpinBox::valueChanged, this, [this, name] { commitField(name); });
                editorWidget = spin;
                break;
            }
            case ConfigFieldType::Choice: {
                auto* combo = new QComboBox(m_fieldsBox);
                combo->addItem(tr("Choose…"), QString());
                for (const std::string& choice : field.choices)
                    combo->addItem(FlowText::text(choice), qs(choice));
                connect(combo, &QComboBox::activated, this, [this, name] { commitField(name); });
                editorWidget = combo;
                break;
            }
            case ConfigFieldType::String:
            case ConfigFieldType::StringList: {
                auto* line = new QLineEdit(m_fieldsBox);
                if (field.type == ConfigFieldType::StringList)
                    line->setPlaceholderText(tr("Values separated by commas"));
                connect(line, &QLineEdit::textEdited, this, [this, name] { commitField(name); });
                editorWidget = line;
                break;
            }
            }
            editorWidget->setObjectName(QStringLiteral("flowField_") + name);
            editorWidget->setAccessibleName(caption);
            editorWidget->setAccessibleDescription(FlowText::text(field.description));
            editorWidget->setToolTip(FlowText::text(field.description));
            auto* cell = new QWidget(m_fieldsBox);
            auto* cellLayout = new QVBoxLayout(cell);
            cellLayout->setContentsMargins(0, 0, 0, 0);
            cellLayout->setSpacing(2);
            cellLayout->addWidget(editorWidget);
            QLabel* error = errorLabel(cell);
            error->setObjectName(QStringLiteral("flowFieldError_") + name);
            cellLayout->addWidget(error);
            auto* rowLabel = new QLabel(caption + (field.required ? tr(" (required):") : QStringLiteral(":")));
            rowLabel->setBuddy(editorWidget);
            m_fieldsForm->addRow(rowLabel, cell);
            m_fields.insert(name, editorWidget);
            m_fieldErrors.insert(name, error);
            setTabOrder(previous, editorWidget);
            previous = editorWidget;
        }
        for (const auto& outcome : models::FlowEditor::outcomesOf(type, *node)) {
            const QString name = qs(outcome.name);
            auto* combo = new QComboBox(m_outcomesBox);
            combo->setObjectName(QStringLiteral("flowExit_") + name);
            combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            combo->setMinimumContentsLength(8);
            combo->setAccessibleName(tr("Exit “%1” leads to").arg(FlowText::text(outcome.displayName)));
            connect(combo, &QComboBox::activated, this, [this, name, combo] {
                const QString target = combo->currentData().toString();
                if (target.isEmpty())
                    m_editor->disconnectOutcome(m_nodeId.toStdString(), name.toStdString());
                else
                    m_editor->connectOutcome(m_nodeId.toStdString(), name.toStdString(), target.toStdString());
            });
            m_outcomesForm->addRow(FlowText::text(outcome.displayName) + QStringLiteral(" →"), combo);
            m_targets.insert(name, combo);
            setTabOrder(previous, combo);
            previous = combo;
        }
    }
    m_fieldsBox->setVisible(!m_fields.isEmpty());
    m_outcomesBox->setVisible(!m_targets.isEmpty());
    refresh();
}

void FlowInspector::refresh()
{
    const auto* node = m_nodeId.isEmpty() ? nullptr : m_editor->document().node(m_nodeId.toStdString());
    if (!node)
        return;
    if (qs(node->type) != m_builtType) {
        rebuild();
        return;
    }
    if (!m_label->hasFocus() || m_label->text() != qs(node->label)) {
        const QSignalBlocker block(m_label);
        if (m_label->text() != qs(node->label))
            m_label->setText(qs(node->label));
    }
    m_startButton->setEnabled(m_editor->document().start != node->id);
    m_startButton->setText(m_editor->document().start == node->id ? tr("The journey starts here") : tr("Start here"));
    const auto* type = m_editor->catalog().find(node->type);
    const nlohmann::json config = type ? type->effectiveConfig(node->config) : node->config;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const std::string key = it.key().toStdString();
        const nlohmann::json value = config.is_object() && config.contains(key) ? config.at(key) : nlohmann::json();
        QWidget* w = it.value();
        const QSignalBlocker block(w);
        if (auto* box = qobject_cast<QCheckBox*>(w)) {
            box->setChecked(value.is_boolean() && value.get<bool>());
        } else if (auto* spin = qobject_cast<QSpinBox*>(w)) {
            if (value.is_number())
                spin->setValue(value.get<int>());
        } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(w)) {
            if (value.is_number())
                dspin->setValue(value.get<double>());
        } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
            const int index = combo->findData(value.is_string() ? qs(value.get<std::string>()) : QString());
            combo->setCurrentIndex(std::max(index, 0));
        } else if (auto* line = qobject_cast<QLineEdit*>(w)) {
            QString text;
            if (value.is_string())
                text = qs(value.get<std::string>());
            else if (value.is_array()) {
                QStringList parts;
                for (const auto& v : value)
                    if (v.is_string())
                        parts.append(qs(v.get<std::string>()));
                text = parts.join(QStringLiteral(", "));
            }
            // Never rewrite what the user is typing (the cursor would jump).
            if (!line->hasFocus() && line->text() != text)
                line->setText(text);
        }
    }
    for (QLabel* error : std::as_const(m_fieldErrors))
        error->hide();
    QStringList others;
    for (const auto& problem : m_editor->problemsFor(node->id)) {
        const QString field = qs(problem.field);
        if (field.startsWith(QLatin1String("config.")) && m_fieldErrors.contains(field.mid(7))) {
            QLabel* error = m_fieldErrors.value(field.mid(7));
            error->setText(FlowProblemText::fieldText(problem));
            error->show();
            error->setAccessibleName(error->text());
        } else {
            others.append(FlowProblemText::text(problem));
        }
    }
    m_problems->setText(others.join(QLatin1Char('\n')));
    m_problems->setVisible(!others.isEmpty());
    // Exit targets: every other step, by caption.
    for (auto it = m_targets.cbegin(); it != m_targets.cend(); ++it) {
        QComboBox* combo = it.value();
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(tr("(leads nowhere yet)"), QString());
        for (const auto& other : m_editor->document().nodes) {
            if (other.id == node->id)
                continue;
            const auto* otherType = m_editor->catalog().find(other.type);
            const QString caption = !other.label.empty() ? qs(other.label)
                                    : otherType          ? FlowText::text(otherType->displayName)
                                                         : qs(other.type);
            combo->addItem(QStringLiteral("%1 (%2)").arg(caption, qs(other.id)), qs(other.id));
        }
        combo->setCurrentIndex(std::max(0, combo->findData(qs(node->target(it.key().toStdString())))));
    }
}

void FlowInspector::commitField(const QString& name)
{
    const auto* node = m_editor->document().node(m_nodeId.toStdString());
    if (!node)
        return;
    const auto* type = m_editor->catalog().find(node->type);
    const auto* field = type ? type->field(name.toStdString()) : nullptr;
    QWidget* w = m_fields.value(name);
    if (!field || !w)
        return;
    nlohmann::json value;
    if (auto* box = qobject_cast<QCheckBox*>(w)) {
        value = box->isChecked();
    } else if (auto* spin = qobject_cast<QSpinBox*>(w)) {
        value = spin->value();
    } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(w)) {
        value = dspin->value();
    } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
        const QString data = combo->currentData().toString();
        if (!data.isEmpty())
            value = data.toStdString();
    } else if (auto* line = qobject_cast<QLineEdit*>(w)) {
        if (field->type == ConfigFieldType::StringList) {
            value = nlohmann::json::array();
            for (const QString& part : line->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
                if (!part.trimmed().isEmpty())
                    value.push_back(part.trimmed().toStdString());
        } else {
            value = line->text().toStdString();
        }
    }
    m_editor->setConfigValue(node->id, field->name, value);
}

} // namespace trellis::ui
