#pragma once

#include "client/ApiFailure.h"
#include "client/AuditFilter.h"
#include "client/AuditRecords.h"
#include "ui/AuditDetailsPane.h"
#include "ui/SectionPage.h"

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressDialog;
class QPushButton;
class QTableView;

namespace trellis::client {
class AuditExport;
}

namespace trellis::models {
class AuditEventModel;
class AuditSavedSearches;
class ConsoleSession;
class OrgSearchModel;
} // namespace trellis::models

namespace trellis::ui {

class AuditFilterBar;
class AuditTimelineChart;

/// The "Audit" section: the audit trail filtered (time, actor, organisation, action groups, outcome, text), as a
/// timeline by outcome and a table that pages on demand through a local cache, the details of the picked event,
/// saved searches and shareable filter links, export to CSV/NDJSON, integrity verification and live tail.
class AuditPage : public SectionPage
{
    Q_OBJECT
public:
    /// Questions the page asks the user; tests answer them in advance.
    struct Prompts
    {
        std::function<QString(const QString& title, const QString& suggested, const QString& filter)> saveFile;
        std::function<std::optional<QString>(const QString& title, const QString& label)> askText;
    };

    explicit AuditPage(models::ConsoleSession* session, QWidget* parent = nullptr);
    ~AuditPage() override;

    QString sectionKey() const override;
    QString title() const override;
    QIcon icon() const override;
    void activate() override;
    void reload() override;
    void recover() override;
    void focusSearch() override;
    bool isBusy() const override;
    void prepareScreenshot() override;

    Prompts& prompts() { return m_prompts; }

    /// Applies `filter` to the table and the timeline and shows it in the filter bar.
    void applyFilter(const client::AuditFilter& filter);
    client::AuditFilter currentFilter() const;
    /// Streams the current filter's events into `path` ("csv" or "ndjson") with a progress dialog.
    client::AuditExport* startExport(const QString& path, const QString& format);
    void verifyIntegrity();
    /// Puts the current filter's link on the clipboard / applies the link on the clipboard.
    void copyLink();
    bool pasteLink();
    void saveSearch(const QString& name);
    void loadSavedSearch(const QString& name);
    /// Uses this settings file for saved searches (tests).
    void setSavedSearchesFile(const QString& path);

    models::AuditEventModel* model() const { return m_model; }
    AuditFilterBar* filterBar() const { return m_filterBar; }
    AuditTimelineChart* timeline() const { return m_timeline; }
    QTableView* table() const { return m_table; }
    AuditDetailsPane* details() const { return m_details; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* verifyLabel() const { return m_verifyResult; }
    QCheckBox* liveTailBox() const { return m_liveTail; }
    QComboBox* savedSearchBox() const { return m_saved; }
    QProgressDialog* progressDialog() const { return m_progress; }
    bool histogramLoaded() const { return m_histogramLoaded; }
    bool verifying() const { return m_verifying; }
    const std::vector<client::AuditActionInfo>& actions() const { return m_catalog.actions; }
    const std::vector<client::AuditGroupInfo>& groups() const { return m_catalog.groups; }

Q_SIGNALS:
    void histogramChanged();
    void verified(bool ok);
    void exportFinished(bool ok);

private:
    void onFilterEdited();
    void onFailure(const client::ApiFailure& failure);
    void loadHistogram();
    void loadCatalog();
    void onCurrentRowChanged();
    void showRelated(AuditDetailsPane::Related kind, const client::AuditEvent& event);
    void exportInteractively();
    void updateStatus();
    void updateBusy();
    void refreshSavedSearches();
    void advanceScreenshot();
    QString cacheScope() const;
    QString orgNameFor(const QString& orgId);

    models::ConsoleSession* m_session;
    models::OrgSearchModel* m_orgSearch;
    models::AuditEventModel* m_model;
    std::unique_ptr<models::AuditSavedSearches> m_savedSearches;
    Prompts m_prompts;
    AuditFilterBar* m_filterBar = nullptr;
    AuditTimelineChart* m_timeline = nullptr;
    QTableView* m_table = nullptr;
    AuditDetailsPane* m_details = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_verifyResult = nullptr;
    QComboBox* m_saved = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_deleteSaved = nullptr;
    QPushButton* m_copyLink = nullptr;
    QPushButton* m_pasteLink = nullptr;
    QPushButton* m_exportButton = nullptr;
    QPushButton* m_verifyButton = nullptr;
    QCheckBox* m_liveTail = nullptr;
    QProgressDialog* m_progress = nullptr;
    client::AuditExport* m_export = nullptr;
    client::AuditActionCatalog m_catalog;
    qint64 m_histogramTotal = -1;
    bool m_histogramLoaded = false;
    bool m_loadedOnce = false;
    bool m_verifying = false;
    bool m_busyFlag = false;
    bool m_screenshotPending = false;
    int m_screenshotStep = 0;
    quint64 m_histogramGeneration = 0;
    QString m_message; ///< the last problem in plain words, shown in the status line
};

} // namespace trellis::ui
