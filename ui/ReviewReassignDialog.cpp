#include "ui/ReviewReassignDialog.h"

#include "client/ApiClient.h"
#include "client/MemberQuery.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QTimer>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

constexpr int kUserIdRole = Qt::UserRole;
constexpr int kResultLimit = 25;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

ReviewReassignDialog::ReviewReassignDialog(client::ApiClient* client, const QString& rootOrgId, const QString& summary,
                                           QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_rootOrgId(rootOrgId)
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("reviewReassignDialog"));
    setWindowTitle(tr("Reassign review items"));
    auto* layout = new QVBoxLayout(this);
    auto* what = new QLabel(tr("Hand over: %1").arg(summary), this);
    what->setWordWrap(true);
    layout->addWidget(what);
    auto* label = new QLabel(tr("&New reviewer (name or e-mail):"), this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("reviewerSearch"));
    m_search->setPlaceholderText(tr("Type at least two letters"));
    m_search->setClearButtonEnabled(true);
    label->setBuddy(m_search);
    layout->addWidget(label);
    layout->addWidget(m_search);
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("reviewerResults"));
    m_results->setAccessibleName(tr("People found"));
    layout->addWidget(m_results, 1);
    auto* rule = new QLabel(tr("The new reviewer must hold review.manage or role.assign where the items are."), this);
    rule->setWordWrap(true);
    rule->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(rule);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("reassignError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Reassign"));
    layout->addWidget(m_buttons);

    // One search per pause in typing, not one per key.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &ReviewReassignDialog::search);
    connect(m_search, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_results, &QListWidget::currentRowChanged, this, &ReviewReassignDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (reviewerId().isEmpty()) {
            showError(tr("Choose the person who reviews these items."));
            return;
        }
        m_error->hide();
        Q_EMIT submitted();
    });
    updateOk();
    resize(460, 380);
}

void ReviewReassignDialog::search()
{
    const QString text = m_search->text().trimmed();
    const quint64 generation = ++m_generation;
    if (text.size() < 2) {
        m_results->clear();
        updateOk();
        return;
    }
    client::MemberQuery query;
    query.subtree = true;
    query.status = QStringLiteral("active");
    query.text = text;
    ++m_searching;
    m_client->listMembers(m_rootOrgId, query, QString(), kResultLimit, this,
                          [this, generation](client::ApiResult<core::Page<core::Membership>> result) {
                              --m_searching;
                              if (generation != m_generation)
                                  return;
                              m_results->clear();
                              if (!result.ok()) {
                                  showError(result.failure.message);
                                  updateOk();
                                  return;
                              }
                              // One row per person, whatever the number of their memberships.
                              QSet<QString> seen;
                              for (const auto& m : result.value->items) {
                                  const QString id = qs(m.user.id);
                                  if (seen.contains(id))
                                      continue;
                                  seen.insert(id);
                                  const QString name =
                                      qs(m.user.displayName.empty() ? m.user.email : m.user.displayName);
                                  auto* row = new QListWidgetItem(
                                      tr("%1 <%2> · %3").arg(name, qs(m.user.email), qs(m.orgName)), m_results);
                                  row->setData(kUserIdRole, id);
                              }
                              if (m_results->count() == 1)
                                  m_results->setCurrentRow(0);
                              updateOk();
                          });
}

QString ReviewReassignDialog::reviewerId() const
{
    const QListWidgetItem* row = m_results->currentItem();
    return row ? row->data(kUserIdRole).toString() : QString();
}

void ReviewReassignDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

void ReviewReassignDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateOk();
}

void ReviewReassignDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_busy && !reviewerId().isEmpty());
}

} // namespace trellis::ui
