#include "ui/FlowPalette.h"

#include "core/flow/NodeCatalog.h"
#include "models/FlowEditor.h"
#include "ui/FlowText.h"

#include <QDrag>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

constexpr int kTypeRole = Qt::UserRole;
constexpr int kSearchRole = Qt::UserRole + 1;

/// The list that starts real drags carrying the node type.
class PaletteTree : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;

protected:
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override
    {
        if (items.isEmpty() || items.first()->data(0, kTypeRole).toString().isEmpty())
            return nullptr;
        return FlowPalette::mimeDataFor(items.first()->data(0, kTypeRole).toString());
    }
    QStringList mimeTypes() const override { return {models::FlowEditor::nodeTypeMimeType()}; }
    // The drag's actions come from here: copy only, so a drop never takes the entry out of the palette.
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction; }
    void keyPressEvent(QKeyEvent* event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentItem() &&
            !currentItem()->data(0, kTypeRole).toString().isEmpty()) {
            Q_EMIT itemActivated(currentItem(), 0);
            return;
        }
        QTreeWidget::keyPressEvent(event);
    }
};

} // namespace

FlowPalette::FlowPalette(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("flowPalette"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("flowPaletteSearch"));
    m_search->setAccessibleName(tr("Search steps"));
    m_search->setPlaceholderText(tr("Search steps…"));
    m_search->setClearButtonEnabled(true);

    m_list = new PaletteTree(this);
    m_list->setObjectName(QStringLiteral("flowPaletteList"));
    m_list->setAccessibleName(tr("Steps you can add"));
    m_list->setAccessibleDescription(
        tr("Drag a step onto the canvas, or press Enter to add it in the middle of the canvas."));
    m_list->setHeaderHidden(true);
    m_list->setDragEnabled(true);
    m_list->setDragDropMode(QAbstractItemView::DragOnly);
    m_list->setDefaultDropAction(Qt::CopyAction);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setRootIsDecorated(false);
    m_list->setIndentation(8);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    // Narrow is fine (captions elide, the tooltip has the description): the canvas needs the room.
    setMinimumWidth(90);
    m_list->setMinimumWidth(90);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);

    connect(m_search, &QLineEdit::textChanged, this, &FlowPalette::filter);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString type = item->data(0, kTypeRole).toString();
        if (!type.isEmpty())
            Q_EMIT addRequested(type);
    });
    setTabOrder(m_search, m_list);
}

QMimeData* FlowPalette::mimeDataFor(const QString& type)
{
    auto* data = new QMimeData;
    data->setData(models::FlowEditor::nodeTypeMimeType(), type.toUtf8());
    data->setText(type);
    return data;
}

void FlowPalette::setCatalog(const core::flow::NodeCatalog& catalog)
{
    m_list->clear();
    for (const std::string& category : catalog.categories()) {
        auto* group = new QTreeWidgetItem(m_list, {FlowText::category(category)});
        group->setFlags(Qt::ItemIsEnabled);
        QFont font = group->font(0);
        font.setBold(true);
        group->setFont(0, font);
        for (const auto& type : catalog.types()) {
            if (type.category != category)
                continue;
            const QString caption = FlowText::text(type.displayName);
            const QString description = FlowText::text(type.description);
            auto* item = new QTreeWidgetItem(group, {caption});
            item->setData(0, kTypeRole, QString::fromStdString(type.name));
            item->setData(0, kSearchRole,
                          (caption + QLatin1Char(' ') + description + QLatin1Char(' ') +
                           QString::fromStdString(type.name) + QLatin1Char(' ') +
                           QString::fromStdString(type.displayName))
                              .toLower());
            item->setToolTip(0, description);
            item->setData(0, Qt::AccessibleDescriptionRole, description);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    m_list->expandAll();
    filter(m_search->text());
}

void FlowPalette::filter(const QString& text)
{
    const QString needle = text.trimmed().toLower();
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_list->topLevelItem(g);
        bool any = false;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const bool match = needle.isEmpty() || item->data(0, kSearchRole).toString().contains(needle);
            item->setHidden(!match);
            any = any || match;
        }
        group->setHidden(!any);
    }
}

QStringList FlowPalette::visibleTypes() const
{
    QStringList out;
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_list->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            if (!group->isHidden() && !group->child(i)->isHidden())
                out.append(group->child(i)->data(0, kTypeRole).toString());
    }
    return out;
}

} // namespace trellis::ui
