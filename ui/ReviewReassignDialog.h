#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;

namespace trellis::client {
class ApiClient;
}

namespace trellis::ui {

/// "Reassign…": finds a person by name or e-mail among the members the admin can see (their own organisation and
/// everything below it) and hands the selected review items to them. The server checks that the new reviewer may
/// decide them (review.manage or role.assign there) and answers in words when not.
class ReviewReassignDialog : public QDialog
{
    Q_OBJECT

public:
    /// `rootOrgId`: where the person search starts (with its subtree); `summary`: what is handed over, in words.
    ReviewReassignDialog(client::ApiClient* client, const QString& rootOrgId, const QString& summary,
                         QWidget* parent = nullptr);

    /// The chosen person's user id; empty when none is chosen.
    QString reviewerId() const;
    void showError(const QString& message);
    void setBusy(bool busy);

    QLineEdit* searchEdit() const { return m_search; }
    QListWidget* results() const { return m_results; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    QLabel* errorLabel() const { return m_error; }
    /// True while a search is in flight.
    bool isSearching() const { return m_searching > 0; }

Q_SIGNALS:
    /// Reassign was pressed with a person chosen: the owner sends it and answers with accept() or showError().
    void submitted();

private:
    void search();
    void updateOk();

    client::ApiClient* m_client = nullptr;
    QString m_rootOrgId;
    QLineEdit* m_search = nullptr;
    QListWidget* m_results = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QLabel* m_error = nullptr;
    QTimer* m_debounce = nullptr;
    int m_searching = 0;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace trellis::ui
