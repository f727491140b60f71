#pragma once

#include <QString>

class QLabel;
class QTableView;
class QWidget;

/// Small pieces the import wizard's pages share: error labels, their text, and the rows table.
namespace trellis::ui::importparts {

/// A red, word-wrapped, selectable label, hidden until it has something to say.
QLabel* makeErrorLabel(QWidget* parent, const QString& name);
/// Sets the text and shows the label only when there is one.
void showText(QLabel* label, const QString& text);
/// A read-only table for ImportRowsModel rows.
QTableView* makeRowsTable(QWidget* parent, const QString& name, const QString& accessibleName);
/// Column widths to fit, the details wrapped in the width left.
void sizeColumns(QTableView* table);

} // namespace trellis::ui::importparts
