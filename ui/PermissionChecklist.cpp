#include "ui/PermissionChecklist.h"

#include "ui/PermissionText.h"

#include <algorithm>

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>

namespace trellis::ui {

PermissionChecklist::PermissionChecklist(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("permissionChecklist"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(1, 1);
    int row = 0;
    QWidget* previous = nullptr;
    for (const auto& group : PermissionText::groups()) {
        auto* title = new QLabel(group.title, this);
        QFont font = title->font();
        font.setBold(true);
        title->setFont(font);
        title->setContentsMargins(0, row == 0 ? 0 : 6, 0, 0);
        grid->addWidget(title, row++, 0, 1, 2);
        for (const auto& permission : group.permissions) {
            const QString key = QString::fromStdString(permission);
            auto* box = new QCheckBox(key, this);
            box->setObjectName(QStringLiteral("permission:") + key);
            // Screen readers hear what it allows, then its catalog name.
            box->setAccessibleName(PermissionText::explanation(permission));
            auto* explanation = new QLabel(PermissionText::explanation(permission), this);
            explanation->setWordWrap(true);
            explanation->setBuddy(box);
            grid->addWidget(box, row, 0, Qt::AlignTop);
            grid->addWidget(explanation, row, 1, Qt::AlignTop);
            ++row;
            m_boxes.emplace(permission, box);
            m_explanations.emplace(permission, explanation);
            m_order.push_back(permission);
            box->installEventFilter(this);
            connect(box, &QCheckBox::toggled, this, &PermissionChecklist::changed);
            if (previous)
                setTabOrder(previous, box);
            previous = box;
        }
    }
    applyState();
}

void PermissionChecklist::setChecked(const std::vector<std::string>& permissions)
{
    const QSignalBlocker blocker(this);
    for (const auto& [permission, box] : m_boxes)
        box->setChecked(std::find(permissions.begin(), permissions.end(), permission) != permissions.end());
}

std::vector<std::string> PermissionChecklist::checked() const
{
    std::vector<std::string> permissions;
    for (const auto& permission : m_order) {
        if (m_boxes.at(permission)->isChecked())
            permissions.push_back(permission);
    }
    return permissions;
}

void PermissionChecklist::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    applyState();
}

void PermissionChecklist::setOfferable(const std::function<bool(std::string_view)>& offerable)
{
    m_offerable = offerable;
    applyState();
}

QCheckBox* PermissionChecklist::checkBox(const std::string& permission) const
{
    const auto it = m_boxes.find(permission);
    return it == m_boxes.end() ? nullptr : it->second;
}

QWidget* PermissionChecklist::firstControl() const
{
    return m_order.empty() ? nullptr : m_boxes.at(m_order.front());
}

bool PermissionChecklist::eventFilter(QObject* watched, QEvent* event)
{
    // Read-only ticks stay legible (not greyed out) but take no clicks and no keys.
    if (m_readOnly) {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
            return true;
        case QEvent::KeyPress:
        case QEvent::KeyRelease: {
            // Space toggles a checkbox; Tab and the arrows must still move on.
            const int key = static_cast<QKeyEvent*>(event)->key();
            if (key == Qt::Key_Space || key == Qt::Key_Select)
                return true;
            break;
        }
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PermissionChecklist::applyState()
{
    for (const auto& [permission, box] : m_boxes) {
        const bool offered = !m_readOnly && (!m_offerable || m_offerable(permission));
        // Read-only ticks stay readable with the keyboard (focus, screen readers) but cannot change (eventFilter).
        box->setAccessibleDescription(m_readOnly ? tr("%1, read-only").arg(box->text()) : box->text());
        box->setEnabled(m_readOnly || offered);
        m_explanations.at(permission)->setEnabled(m_readOnly || offered);
        box->setToolTip(m_readOnly || offered
                            ? QString()
                            : tr("You do not hold this permission here yourself, so you cannot give it to a role."));
    }
}

} // namespace trellis::ui
