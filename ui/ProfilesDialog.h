#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace trellis::models {
class ProfileStore;
}

namespace trellis::ui {

/// Adds, edits and removes connection profiles (a name and a server URL). A URL that does not pass the check keeps
/// what was typed and says why beside the field.
class ProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ProfilesDialog(models::ProfileStore* store, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* urlEdit() const { return m_url; }
    QLabel* urlError() const { return m_urlError; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* removeButton() const { return m_remove; }

    /// Saves the form into the selected profile (or a new one). False, with the reason shown, when invalid.
    bool saveCurrent();

private:
    void reload(const QString& selectId = QString());
    void showSelected();
    void startNew();
    void removeSelected();
    QString selectedId() const;

    models::ProfileStore* m_store = nullptr;
    QListWidget* m_list = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_url = nullptr;
    QLabel* m_nameError = nullptr;
    QLabel* m_urlError = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_save = nullptr;
    QString m_editingId; ///< empty: the form is a new profile
};

} // namespace trellis::ui
