#include "ui/ImportPageParts.h"

#include "models/ImportRowsModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimer>

namespace trellis::ui::importparts {

QLabel* makeErrorLabel(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->hide();
    return label;
}

void showText(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QTableView* makeRowsTable(QWidget* parent, const QString& name, const QString& accessibleName)
{
    auto* table = new QTableView(parent);
    table->setObjectName(name);
    table->setAccessibleName(accessibleName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    // Long reasons wrap inside their cell instead of being cut off.
    table->setWordWrap(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    return table;
}

void sizeColumns(QTableView* table)
{
    table->resizeColumnsToContents();
    // The e-mail and name columns get what they need up to a limit; the details wrap within theirs.
    for (int column : {models::ImportRowsModel::EmailColumn, models::ImportRowsModel::NameColumn,
                       models::ImportRowsModel::RolesColumn})
        table->setColumnWidth(column, qMin(table->columnWidth(column), 240));
    // Once the page has its final size: the details (the last column) get the width that is left, and row heights
    // follow their wrapped text (not for thousands of rows, where measuring costs more than it helps; the whole
    // text is also the tooltip).
    QTimer::singleShot(0, table, [table] {
        int others = 0;
        for (int column = 0; column < models::ImportRowsModel::DetailsColumn; ++column)
            others += table->isColumnHidden(column) ? 0 : table->columnWidth(column);
        table->setColumnWidth(models::ImportRowsModel::DetailsColumn, qMax(160, table->viewport()->width() - others));
        if (table->model() && table->model()->rowCount() <= 1000)
            table->resizeRowsToContents();
    });
}

} // namespace trellis::ui::importparts
