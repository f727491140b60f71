#pragma once

#include "core/AccessReview.h"
#include "core/Org.h"
#include "ui/SectionPage.h"

#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace trellis::models {
class ConsoleSession;
class OrgSearchModel;
class ReviewItemsModel;
} // namespace trellis::models

namespace trellis::ui {

class AccessReviewDialog;
class ReviewReassignDialog;
class ReviewRevokeDialog;

/// The "Reviews" section: the access review campaigns the admin may see with their progress (start one, export its
/// results as CSV, close it), and the admin's own open items across campaigns — or, for whoever runs the review, all
/// open items of the selected campaign — to keep, revoke or reassign one by one or several at once. A revocation takes
/// effect at the server at once; the item then leaves the list. A refused item is marked with the reason.
class ReviewsPage : public SectionPage
{
    Q_OBJECT
public:
    enum CampaignColumn
    {
        NameColumn,
        OrgColumn,
        DueColumn,
        RuleColumn,
        StatusColumn,
        ProgressColumn,
        CampaignColumnCount
    };

    explicit ReviewsPage(models::ConsoleSession* session, QWidget* parent = nullptr);

    QString sectionKey() const override;
    QString title() const override;
    QIcon icon() const override;
    void activate() override;
    void reload() override;
    void recover() override;
    bool isBusy() const override;
    void prepareScreenshot() override;

    QTreeWidget* campaignList() const { return m_campaigns; }
    QTableView* itemsView() const { return m_itemsView; }
    models::ReviewItemsModel* itemsModel() const { return m_items; }
    QPushButton* newCampaignButton() const { return m_newButton; }
    QPushButton* exportButton() const { return m_exportButton; }
    QPushButton* closeCampaignButton() const { return m_closeButton; }
    QPushButton* keepButton() const { return m_keepButton; }
    QPushButton* revokeButton() const { return m_revokeButton; }
    QPushButton* reassignButton() const { return m_reassignButton; }
    QLabel* statusLabel() const { return m_status; }
    /// "All open items of the selected campaign" instead of only the admin's own (for those who run the review).
    QCheckBox* campaignItemsCheck() const { return m_campaignItemsCheck; }
    const std::vector<core::AccessReviewCampaign>& campaigns() const { return m_campaignData; }
    /// The admin's own organisation once known (preset in "New campaign…").
    const core::Org& homeOrg() const { return m_homeOrg; }
    /// Both lists have arrived since the last reload.
    bool isLoaded() const { return m_campaignsLoaded && m_itemsLoaded; }

    /// Opens "New campaign…" (non-modal); the campaign is created when it is confirmed.
    AccessReviewDialog* openNewCampaignDialog();
    /// Opens "Revoke…" for the selected items; nullptr when none is selected.
    ReviewRevokeDialog* openRevokeDialog();
    /// Opens "Reassign…" for the selected items (all of one campaign); nullptr when that is not the case.
    ReviewReassignDialog* openReassignDialog();
    /// Keeps the selected items.
    void keepSelected();
    /// Saves the selected campaign's results as CSV to `path`; exported() tells how it went.
    void exportResults(const QString& path);
    /// Closes the selected campaign (after asking, unless `confirmed`).
    void closeSelectedCampaign(bool confirmed = false);
    /// Selects the campaign with this id; false when it is not listed.
    bool selectCampaign(const QString& id);

Q_SIGNALS:
    void exported(const QString& path, bool ok, const QString& message);

private:
    void loadCampaigns();
    void loadItems();
    QString emptyItemsText() const;
    void fillCampaigns();
    void updateButtons();
    void updateBusy();
    void advanceScreenshot();
    QStringList selectedItemIds() const;
    /// The campaign of every selected item when they share one; empty otherwise.
    QString selectedItemsCampaign() const;
    const core::AccessReviewCampaign* selectedCampaign() const;
    void decide(const QStringList& ids, const QString& decision, const QString& comment, ReviewRevokeDialog* dialog);

    models::ConsoleSession* m_session = nullptr;
    models::OrgSearchModel* m_orgSearch = nullptr;
    models::ReviewItemsModel* m_items = nullptr;
    QTreeWidget* m_campaigns = nullptr;
    QTableView* m_itemsView = nullptr;
    QLabel* m_campaignNote = nullptr;
    QLabel* m_itemsNote = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_itemsHeading = nullptr;
    QCheckBox* m_campaignItemsCheck = nullptr;
    QString m_itemsCampaignId; ///< the campaign whose items are listed; empty: the admin's own items
    QPushButton* m_newButton = nullptr;
    QPushButton* m_exportButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    QPushButton* m_keepButton = nullptr;
    QPushButton* m_revokeButton = nullptr;
    QPushButton* m_reassignButton = nullptr;

    std::vector<core::AccessReviewCampaign> m_campaignData;
    core::Org m_homeOrg; ///< the admin's own (first root) organisation, preset in "New campaign…"
    int m_pending = 0;   ///< requests in flight
    quint64 m_generation = 0;
    quint64 m_itemsGeneration = 0;
    bool m_campaignsLoaded = false;
    bool m_itemsLoaded = false;
    bool m_loadedOnce = false;
    bool m_busy = false;
    bool m_screenshotPending = false;
};

} // namespace trellis::ui
