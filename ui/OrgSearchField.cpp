#include "ui/OrgSearchField.h"

#include "models/OrgSearchModel.h"

#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QAction>
#include <QCompleter>
#include <QTimer>

namespace trellis::ui {

OrgSearchField::OrgSearchField(models::OrgSearchModel* model, QWidget* parent)
    : QLineEdit(parent)
    , m_model(model)
    , m_completer(new QCompleter(model, this))
{
    setObjectName(QStringLiteral("orgSearchField"));
    setPlaceholderText(tr("Find an organisation (Ctrl+F)"));
    setAccessibleName(tr("Search organisations"));
    setAccessibleDescription(tr("Type part of a name or slug, then choose a result to show it in the tree."));
    setClearButtonEnabled(true);
    addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);

    // The server already filtered the results: show them all, whatever the completer thinks of the prefix.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    m_completer->setWidget(this);
    m_completer->popup()->setAccessibleName(tr("Search results"));

    connect(this, &QLineEdit::textEdited, this, [this](const QString& text) { m_model->setQuery(text.trimmed()); });
    connect(m_model, &models::OrgSearchModel::resultsReady, this, &OrgSearchField::onResultsReady);
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this, [this](const QModelIndex& index) {
        QModelIndex source = index;
        if (auto* proxy = qobject_cast<QAbstractProxyModel*>(m_completer->completionModel()))
            source = proxy->mapToSource(index);
        if (source.isValid())
            chooseRow(source.row());
    });
    connect(this, &QLineEdit::returnPressed, this, [this] {
        if (!m_completer->popup()->isVisible() && m_model->rowCount() > 0 && !text().trimmed().isEmpty())
            chooseRow(0);
    });
}

void OrgSearchField::onResultsReady()
{
    if (!hasFocus() || text().trimmed().isEmpty())
        return;
    if (m_model->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void OrgSearchField::chooseRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const core::Org org = m_model->orgAt(row);
    m_completer->popup()->hide();
    // The completer writes its display text ("name — path") after activation; show just the name.
    const QString name = QString::fromStdString(org.name);
    QTimer::singleShot(0, this, [this, name] { setText(name); });
    Q_EMIT orgChosen(org);
}

} // namespace trellis::ui
