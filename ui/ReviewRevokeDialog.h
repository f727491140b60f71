#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace trellis::ui {

/// "Revoke…": says what will end (and that the people are signed out at once) and asks why; the comment is
/// required and goes into the decision and the audit trail.
class ReviewRevokeDialog : public QDialog
{
    Q_OBJECT

public:
    /// `summary`: what is revoked, in words ("3 items", "Anna Berg: Member at Northwind Trading").
    explicit ReviewRevokeDialog(const QString& summary, QWidget* parent = nullptr);

    QString comment() const;
    void showError(const QString& message);
    void setBusy(bool busy);

    QPlainTextEdit* commentEdit() const { return m_comment; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    QLabel* errorLabel() const { return m_error; }

Q_SIGNALS:
    /// Revoke was pressed with a comment: the owner sends the decisions and answers with accept() or showError().
    void submitted();

private:
    QPlainTextEdit* m_comment = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace trellis::ui
