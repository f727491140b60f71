#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <QWidget>

class QCheckBox;
class QLabel;

namespace trellis::ui {

/// The permission catalog as checkboxes, grouped by area (Organisations, People, ...), each with a one-line
/// explanation. Read-only for roles nobody may change; permissions the editor does not hold are not offered.
class PermissionChecklist : public QWidget
{
    Q_OBJECT
public:
    explicit PermissionChecklist(QWidget* parent = nullptr);

    void setChecked(const std::vector<std::string>& permissions);
    /// The ticked permissions, in catalog order.
    std::vector<std::string> checked() const;

    /// Read-only: the ticks show what the role allows and cannot be changed.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    /// Which permissions may be ticked or unticked (the ones the editor holds); the others are greyed out.
    void setOfferable(const std::function<bool(std::string_view)>& offerable);

    QCheckBox* checkBox(const std::string& permission) const;
    /// The first checkbox, for the tab order.
    QWidget* firstControl() const;

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyState();

    std::map<std::string, QCheckBox*> m_boxes;
    std::map<std::string, QLabel*> m_explanations;
    std::vector<std::string> m_order;
    std::function<bool(std::string_view)> m_offerable;
    bool m_readOnly = true;
};

} // namespace trellis::ui
