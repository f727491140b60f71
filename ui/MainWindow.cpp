#include "ui/MainWindow.h"

#include "models/ConsoleSession.h"
#include "models/ProfileStore.h"
#include "ui/AuditPage.h"
#include "ui/BusyIndicator.h"
#include "ui/ConnectionBanner.h"
#include "ui/FlowsPage.h"
#include "ui/OrgsPage.h"
#include "ui/PeoplePage.h"
#include "ui/ProfilesDialog.h"
#include "ui/ReviewsPage.h"
#include "ui/RolesPage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace trellis::ui {

MainWindow::MainWindow(models::ConsoleSession* session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Trellis"));
    setAccessibleName(tr("Trellis console"));

    m_banner = new ConnectionBanner(this);

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Sections"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_navigation->setBackgroundRole(QPalette::Window);
    m_navigation->viewport()->setBackgroundRole(QPalette::Window);

    m_stack = new QStackedWidget(this);

    m_orgsPage = new OrgsPage(session, this);
    addSection(m_orgsPage);
    addSection(new PeoplePage(session, this));
    addSection(new RolesPage(session, this));
    addSection(new FlowsPage(session, this));
    addSection(new AuditPage(session, this));
    addSection(new ReviewsPage(session, this));
    // Later sections (login flows, audit, reviews) are added here, in navigation order.

    int navigationWidth = 0;
    for (int row = 0; row < m_navigation->count(); ++row)
        navigationWidth = qMax(navigationWidth, m_navigation->sizeHintForColumn(0));
    m_navigation->setFixedWidth(qMax(160, navigationWidth + 24));

    auto* content = new QHBoxLayout;
    content->setContentsMargins(0, 0, 0, 0);
    content->setSpacing(12);
    content->addWidget(m_navigation);
    content->addWidget(m_stack, 1);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(8);
    layout->addWidget(m_banner);
    layout->addLayout(content, 1);
    setCentralWidget(central);

    m_busy = new BusyIndicator(this);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setAccessibleName(tr("Connection state"));
    // Long failure reasons must not widen the window; the banner and the tooltip show them in full.
    m_stateLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_serverLabel = new QLabel(this);
    m_serverLabel->setAccessibleName(tr("Server"));
    m_userLabel = new QLabel(this);
    m_userLabel->setAccessibleName(tr("Signed-in user"));
    m_userSeparator = new QFrame(this);
    m_userSeparator->setFrameShape(QFrame::VLine);
    m_userSeparator->setFrameShadow(QFrame::Sunken);
    for (QLabel* label : {m_stateLabel, m_userLabel, m_serverLabel})
        label->setContentsMargins(4, 0, 4, 0);
    statusBar()->addWidget(m_stateLabel, 1);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_userSeparator);
    statusBar()->addPermanentWidget(m_serverLabel);
    statusBar()->setSizeGripEnabled(true);

    createActions();

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_sections.size())
            return;
        m_stack->setCurrentWidget(m_sections.at(row));
        m_sections.at(row)->activate();
        updateBusy();
    });
    connect(m_banner, &ConnectionBanner::retryRequested, m_session, &models::ConsoleSession::retry);
    connect(m_banner, &ConnectionBanner::restartRequested, m_session, &models::ConsoleSession::restartServer);
    connect(m_banner, &ConnectionBanner::signInRequested, m_session, &models::ConsoleSession::signIn);
    connect(m_banner, &ConnectionBanner::cancelSignInRequested, m_session, &models::ConsoleSession::cancelSignIn);
    connect(m_session, &models::ConsoleSession::rememberProblemChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &models::ConsoleSession::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &models::ConsoleSession::connected, this, [this] {
        // A new connection (first start or a restarted server) means fresh data for every section.
        for (SectionPage* page : std::as_const(m_sections))
            page->reload();
        onStateChanged();
    });

    setTabOrder(m_navigation, m_orgsPage);
    m_navigation->setCurrentRow(0);
    onStateChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::addSection(SectionPage* page)
{
    m_sections.append(page);
    m_stack->addWidget(page);
    auto* item = new QListWidgetItem(page->icon(), page->title(), m_navigation);
    const int number = int(m_sections.size());
    if (number <= 9)
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(page->title()).arg(number));
    item->setSizeHint(QSize(0, fontMetrics().height() + 16));
    connect(page, &SectionPage::busyChanged, this, &MainWindow::updateBusy);
}

void MainWindow::createActions()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    m_connectMenu = menuBar()->addMenu(tr("&Connect"));
    m_connectMenu->setObjectName(QStringLiteral("connectMenu"));
    m_signInAction = new QAction(tr("Sign &In…"), this);
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    m_signInAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(m_signInAction, &QAction::triggered, m_session, &models::ConsoleSession::signIn);
    m_signOutAction = new QAction(tr("Sign &Out"), this);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    connect(m_signOutAction, &QAction::triggered, m_session, &models::ConsoleSession::signOut);
    m_profilesAction = new QAction(tr("&Manage Profiles…"), this);
    m_profilesAction->setObjectName(QStringLiteral("profilesAction"));
    connect(m_profilesAction, &QAction::triggered, this, &MainWindow::showProfilesDialog);
    rebuildConnectMenu();

    QMenu* goMenu = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_sections.size() && i < 9; ++i) {
        SectionPage* page = m_sections.at(i);
        QAction* action = goMenu->addAction(page->icon(), page->title());
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { m_navigation->setCurrentRow(i); });
    }
    goMenu->addSeparator();
    QAction* find = goMenu->addAction(tr("&Find…"), QKeySequence::Find, this, [this] {
        if (SectionPage* page = currentSection())
            page->focusSearch();
    });
    find->setObjectName(QStringLiteral("findAction"));
    QAction* reload = goMenu->addAction(tr("&Reload"), QKeySequence::Refresh, this, [this] {
        if (SectionPage* page = currentSection())
            page->reload();
    });
    reload->setObjectName(QStringLiteral("reloadAction"));

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About Trellis"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::setProfileStore(models::ProfileStore* store)
{
    m_profiles = store;
    connect(store, &models::ProfileStore::profilesChanged, this, &MainWindow::rebuildConnectMenu);
    rebuildConnectMenu();
}

void MainWindow::rebuildConnectMenu()
{
    m_connectMenu->clear();
    const auto profile = m_session->profile();
    auto* group = new QActionGroup(m_connectMenu);
    QAction* local = m_connectMenu->addAction(tr("&Local Workspace"));
    local->setObjectName(QStringLiteral("connectLocal"));
    local->setCheckable(true);
    local->setChecked(!profile);
    group->addAction(local);
    connect(local, &QAction::triggered, this,
            [this] { Q_EMIT connectionChosen(models::ProfileStore::localWorkspaceId()); });
    if (m_profiles) {
        const auto profiles = m_profiles->profiles();
        for (const auto& p : profiles) {
            QAction* action = m_connectMenu->addAction(p.name);
            action->setToolTip(p.serverUrl.toDisplayString());
            action->setCheckable(true);
            action->setChecked(profile && profile->id == p.id);
            group->addAction(action);
            connect(action, &QAction::triggered, this, [this, id = p.id] { Q_EMIT connectionChosen(id); });
        }
    }
    m_connectMenu->addSeparator();
    m_connectMenu->addAction(m_signInAction);
    m_connectMenu->addAction(m_signOutAction);
    m_connectMenu->addSeparator();
    m_connectMenu->addAction(m_profilesAction);
    m_profilesAction->setEnabled(m_profiles != nullptr);
}

void MainWindow::showProfilesDialog()
{
    if (!m_profiles)
        return;
    ProfilesDialog dialog(m_profiles, this);
    dialog.exec();
}

void MainWindow::updateTitle()
{
    const QString summary = m_session->signedInSummary();
    setWindowTitle(summary.isEmpty() ? tr("Trellis") : tr("Trellis — %1").arg(summary));
}

QStringList MainWindow::sectionKeys() const
{
    QStringList keys;
    for (const SectionPage* page : m_sections)
        keys.append(page->sectionKey());
    return keys;
}

SectionPage* MainWindow::section(const QString& key) const
{
    for (SectionPage* page : m_sections) {
        if (page->sectionKey() == key)
            return page;
    }
    return nullptr;
}

SectionPage* MainWindow::currentSection() const
{
    return qobject_cast<SectionPage*>(m_stack->currentWidget());
}

bool MainWindow::showSection(const QString& key)
{
    SectionPage* page = section(key);
    if (!page)
        return false;
    m_navigation->setCurrentRow(int(m_sections.indexOf(page)));
    return true;
}

QString MainWindow::statusText() const
{
    return m_stateLabel->text();
}

void MainWindow::onStateChanged()
{
    using State = models::ConsoleSession::State;
    const State state = m_session->state();
    // Back from "unreachable" on the same server (the session does not announce a new connection then).
    if (state == State::Connected && m_lastState == int(State::Unreachable)) {
        for (SectionPage* page : std::as_const(m_sections))
            page->recover();
    }
    m_lastState = int(state);
    m_stateLabel->setText(m_session->stateText());
    m_stateLabel->setToolTip(m_session->stateText());
    m_serverLabel->setText(m_session->serverDescription());
    const QString user = m_session->userDisplayName();
    m_userLabel->setText(user.isEmpty() ? QString() : tr("Signed in as %1").arg(user));
    m_userLabel->setVisible(!user.isEmpty());
    m_userSeparator->setVisible(!user.isEmpty());

    const bool local = m_session->localWorkspace() != nullptr;
    const bool hasProfile = m_session->profile().has_value();
    const bool signedIn = hasProfile && !user.isEmpty();
    m_signInAction->setEnabled(hasProfile && state == State::SignedOut);
    m_signOutAction->setEnabled(signedIn || (hasProfile && state == State::SigningIn));
    updateTitle();
    rebuildConnectMenu();
    using Action = ConnectionBanner::Action;
    switch (state) {
    case State::Starting:
    case State::Connected:
        if (signedIn && !m_session->rememberProblem().isEmpty()) {
            m_banner->showMessage(
                tr("Trellis cannot remember your sign-in on this computer: %1").arg(m_session->rememberProblem()),
                tr("You stay signed in until you close the console."), ConnectionBanner::Actions(Action::None));
        } else {
            m_banner->hide();
        }
        break;
    case State::SignedOut:
        m_banner->showMessage(tr("You are not signed in to %1.").arg(m_session->profile()->name),
                              m_session->lastError().isEmpty()
                                  ? tr("Sign in with your web browser to work with this server.")
                                  : m_session->lastError(),
                              ConnectionBanner::Actions(Action::SignIn));
        break;
    case State::SigningIn:
        m_banner->showMessage(tr("Finish signing in in your web browser."),
                              tr("A page of %1 has opened in your browser. Come back here when it says you can "
                                 "close the tab.")
                                  .arg(m_session->profile()->name),
                              ConnectionBanner::Actions(Action::CancelSignIn));
        break;
    case State::Unreachable:
        m_banner->showMessage(tr("The server cannot be reached."),
                              tr("What you see may be out of date. Check the network connection, then choose "
                                 "Retry. Nothing is lost."),
                              local ? ConnectionBanner::Actions(Action::Retry) | Action::RestartServer
                                    : ConnectionBanner::Actions(Action::Retry));
        break;
    case State::ServerStopped:
        m_banner->showMessage(tr("The local server has stopped."),
                              tr("Your workspace data is safe on this computer. Restart the server to continue."),
                              ConnectionBanner::Actions(Action::RestartServer));
        break;
    case State::Failed:
        m_banner->showMessage(
            local ? tr("The local server could not be started.") : tr("Trellis could not connect to the server."),
            m_session->lastError(),
            local ? ConnectionBanner::Actions(Action::RestartServer) : ConnectionBanner::Actions(Action::Retry));
        break;
    }
    updateBusy();
}

void MainWindow::updateBusy()
{
    const SectionPage* page = currentSection();
    const bool busy =
        m_session->state() == models::ConsoleSession::State::Starting || (page != nullptr && page->isBusy());
    m_busy->setBusy(busy);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Trellis"),
                       tr("<h3>Trellis %1</h3><p>Organisation-aware identity and access management for B2B2X.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace trellis::ui
