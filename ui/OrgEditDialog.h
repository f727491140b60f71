#pragma once

#include "client/ApiFailure.h"
#include "core/Org.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace trellis::ui {

/// Asks for a new sub-organisation (name, kind, slug) or a new name and kind for an existing one. The dialog only
/// collects input and shows what the server said; the page sends the request and keeps the dialog open (with
/// everything typed) until it succeeds.
class OrgEditDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Create,
        Edit
    };
    /// Create: `org` is the parent. Edit: `org` is the organisation being changed.
    OrgEditDialog(Mode mode, const core::Org& org, QWidget* parent = nullptr);

    QString name() const;
    core::OrgKind kind() const;
    QString slug() const;
    /// The draft for ApiClient::createOrg (parentId, kind, name, slug).
    core::Org draft() const;

    /// Shows the server's answer next to the field it names (or above the buttons) and re-enables the form.
    void showFailure(const client::ApiFailure& failure);
    /// Disables the form while the request runs.
    void setBusy(bool busy);

    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* slugEdit() const { return m_slug; }
    QComboBox* kindBox() const { return m_kind; }
    QLabel* errorLabel(const QString& field) const;
    QPushButton* submitButton() const;

Q_SIGNALS:
    /// OK was pressed with input that passes the local checks.
    void submitted();

private:
    void suggestSlug();
    void clearErrors();
    void setError(QLabel* label, const QString& text);
    void onAccept();

    Mode m_mode;
    core::Org m_org;
    QLineEdit* m_name = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_slug = nullptr;
    QLabel* m_nameError = nullptr;
    QLabel* m_kindError = nullptr;
    QLabel* m_slugError = nullptr;
    QLabel* m_generalError = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_slugEdited = false;
};

} // namespace trellis::ui
