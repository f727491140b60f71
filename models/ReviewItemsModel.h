#pragma once

#include "core/AccessReview.h"

#include <vector>

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

namespace trellis::models {

/// A reviewer's open access review items as a table: who, what access, where, the flags (inactive, ends soon) as
/// icon and words, who granted it and when it is due. Decided items leave with exact row removals.
class ReviewItemsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        PersonColumn,
        AccessColumn,
        OrgColumn,
        FlagsColumn,
        GrantedColumn,
        CampaignColumn,
        ColumnCount
    };
    enum Role
    {
        ItemIdRole = Qt::UserRole + 1,
        InactiveRole,
        ExpiresSoonRole,
        ProblemRole, ///< why the last decision on this item was refused; empty when none
    };

    explicit ReviewItemsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces every item (a fresh list from the server).
    void setItems(std::vector<core::AccessReviewItem> items);
    /// Removes the items with these ids (decided), one removal per run of adjacent rows.
    void removeItems(const QStringList& itemIds);
    const std::vector<core::AccessReviewItem>& items() const { return m_items; }
    const core::AccessReviewItem* itemAt(int row) const;
    /// The row of the item with this id; -1 when absent.
    int rowOf(const QString& itemId) const;

    /// Marks the item with the server's refusal until the next decision or reload: `label` in words in its Flags cell
    /// (in red), the whole `message` as its tooltip and ProblemRole. An empty `message` clears it.
    void setProblem(const QString& itemId, const QString& label, const QString& message);
    QString problemOf(const QString& itemId) const;

    /// The flags in words ("Inactive 90+ days", "Ends within 30 days"), comma-separated; empty when none.
    static QString flagsText(const core::AccessReviewItem& item);

private:
    std::vector<core::AccessReviewItem> m_items;
    struct Problem
    {
        QString label;
        QString message;
    };
    QHash<QString, Problem> m_problems; ///< item id → why a decision was refused
};

} // namespace trellis::models
