#pragma once

#include <QList>
#include <QMainWindow>

class QFrame;
class QLabel;
class QListWidget;
class QStackedWidget;

class QAction;
class QMenu;

namespace trellis::models {
class ConsoleSession;
class ProfileStore;
} // namespace trellis::models

namespace trellis::ui {

class BusyIndicator;
class ConnectionBanner;
class OrgsPage;
class SectionPage;

/// The console's main window: sections on the left, the current section on the right, a banner when the
/// connection is in trouble and the connection state in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(models::ConsoleSession* session, QWidget* parent = nullptr);

    /// Enables the "Connect to" menu and the profiles dialog (not owned).
    void setProfileStore(models::ProfileStore* store);
    QMenu* connectMenu() const { return m_connectMenu; }
    QAction* signInAction() const { return m_signInAction; }
    QAction* signOutAction() const { return m_signOutAction; }
    void showProfilesDialog();

Q_SIGNALS:
    /// The user picked a connection: a profile id or ProfileStore::localWorkspaceId().
    void connectionChosen(const QString& id);

public:
    ~MainWindow() override;

    /// Command-line names of the sections, in navigation order ("orgs", later "people", "flows", ...).
    QStringList sectionKeys() const;
    SectionPage* section(const QString& key) const;
    SectionPage* currentSection() const;
    /// Switches to the section named `key`; false when there is no such section.
    bool showSection(const QString& key);

    OrgsPage* orgsPage() const { return m_orgsPage; }
    ConnectionBanner* banner() const { return m_banner; }
    QListWidget* navigation() const { return m_navigation; }
    QString statusText() const;

private:
    void addSection(SectionPage* page);
    void createActions();
    void onStateChanged();
    void updateBusy();
    void showAbout();
    void rebuildConnectMenu();
    void updateTitle();

    models::ConsoleSession* m_session = nullptr;
    int m_lastState = -1;
    QList<SectionPage*> m_sections;
    OrgsPage* m_orgsPage = nullptr;
    ConnectionBanner* m_banner = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_stack = nullptr;
    BusyIndicator* m_busy = nullptr;
    QLabel* m_stateLabel = nullptr;
    QLabel* m_serverLabel = nullptr;
    QLabel* m_userLabel = nullptr;
    QFrame* m_userSeparator = nullptr;
    models::ProfileStore* m_profiles = nullptr;
    QMenu* m_connectMenu = nullptr;
    QAction* m_signInAction = nullptr;
    QAction* m_signOutAction = nullptr;
    QAction* m_profilesAction = nullptr;
};

} // namespace trellis::ui
