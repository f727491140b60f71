#include "ui/ConsoleApplication.h"

#include "models/ConsoleSession.h"
#include "models/ProfileStore.h"
#include "ui/MainWindow.h"
#include "ui/SectionPage.h"

#include <algorithm>

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QTranslator>

namespace trellis::ui {

ConsoleApplication::ConsoleApplication(QObject* parent)
    : QObject(parent)
    , m_session(new models::ConsoleSession(this))
    , m_window(std::make_unique<MainWindow>(m_session))
{
    m_screenshotDeadline.setSingleShot(true);
    connect(&m_screenshotDeadline, &QTimer::timeout, this, [this] {
        failScreenshot(tr("The data for the screenshot did not load within %n second(s). Connection state: %1", nullptr,
                          m_options.screenshotTimeoutMs / 1000)
                           .arg(m_session->stateText()));
    });
}

ConsoleApplication::~ConsoleApplication()
{
    // The window's models hold the session's client: they go first.
    m_window.reset();
}

QString ConsoleApplication::installTranslations(QCoreApplication* app)
{
    const QStringList languages = QLocale::system().uiLanguages();
    for (QString language : languages) {
        language.replace(QLatin1Char('-'), QLatin1Char('_'));
        // English is the source language: when it comes first, nothing needs loading.
        if (language == QLatin1String("C") || language.startsWith(QLatin1String("en")))
            break;
        auto* translator = new QTranslator(app);
        // load() also tries the shorter names ("trellis_de" for "trellis_de_AT").
        if (!translator->load(QStringLiteral("trellis_") + language, QStringLiteral(":/i18n"))) {
            delete translator;
            continue;
        }
        QCoreApplication::installTranslator(translator);
        const QString chosen = translator->language().isEmpty() ? language : translator->language();
        auto* qtTranslator = new QTranslator(app);
        if (qtTranslator->load(QStringLiteral("qtbase_") + language,
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qtTranslator);
        else
            delete qtTranslator;
        return chosen;
    }
    return QStringLiteral("en");
}

QStringList ConsoleApplication::sectionKeys() const
{
    return m_window->sectionKeys();
}

bool ConsoleApplication::start(const Options& options, QString* errorMessage)
{
    m_options = options;
    SectionPage* page = m_window->section(options.section);
    if (!page) {
        if (errorMessage) {
            *errorMessage = tr("There is no section called \"%1\". Sections: %2.")
                                .arg(options.section, sectionKeys().join(QStringLiteral(", ")));
        }
        return false;
    }
    if (!options.workspaceDirectory.isEmpty())
        m_session->setWorkspaceDataDirectory(options.workspaceDirectory);
    m_profiles = new models::ProfileStore(options.settingsFile, this);
    m_session->setProfileStore(m_profiles);
    m_window->setProfileStore(m_profiles);
    connect(m_window.get(), &MainWindow::connectionChosen, this, &ConsoleApplication::connectTo);

    QString connection = models::ProfileStore::localWorkspaceId();
    if (options.connection.isEmpty()) {
        connection = m_profiles->lastUsed();
    } else if (options.connection != connection) {
        const auto profiles = m_profiles->profiles();
        auto match = std::find_if(profiles.begin(), profiles.end(), [&options](const auto& p) {
            return p.id == options.connection || p.name.compare(options.connection, Qt::CaseInsensitive) == 0;
        });
        if (match == profiles.end()) {
            if (errorMessage)
                *errorMessage = tr("There is no connection profile called \"%1\".").arg(options.connection);
            return false;
        }
        connection = match->id;
    }

    if (!options.screenshotPath.isEmpty()) {
        m_window->resize(options.screenshotSize);
        connect(page, &SectionPage::screenshotReady, this, [this] {
            // One more turn of the event loop for layouts and icons to settle before the grab.
            QTimer::singleShot(300, this, &ConsoleApplication::takeScreenshot);
        });
        connect(page, &SectionPage::screenshotFailed, this, &ConsoleApplication::failScreenshot);
        connect(m_session, &models::ConsoleSession::stateChanged, this, [this](models::ConsoleSession::State state) {
            if (state == models::ConsoleSession::State::Failed)
                failScreenshot(m_session->lastError().isEmpty() ? m_session->stateText() : m_session->lastError());
        });
        m_screenshotDeadline.start(options.screenshotTimeoutMs);
    } else {
        m_window->resize(1280, 800);
    }

    m_window->showSection(options.section);
    m_window->show();
    if (!options.screenshotPath.isEmpty())
        page->prepareScreenshot();
    connectTo(connection);
    return true;
}

void ConsoleApplication::connectTo(const QString& id)
{
    const auto profile = m_profiles ? m_profiles->profile(id) : std::nullopt;
    if (m_profiles)
        m_profiles->setLastUsed(profile ? id : models::ProfileStore::localWorkspaceId());
    if (profile) {
        m_session->connectToProfile(*profile);
        return;
    }
    if (m_session->profile() || !m_session->localWorkspace())
        m_session->startLocalWorkspace();
}

void ConsoleApplication::takeScreenshot()
{
    if (m_screenshotDone)
        return;
    const QPixmap pixmap = m_window->grab();
    if (pixmap.isNull() || !pixmap.save(m_options.screenshotPath, "PNG")) {
        failScreenshot(tr("The screenshot could not be written to %1.").arg(m_options.screenshotPath));
        return;
    }
    m_screenshotDone = true;
    m_screenshotDeadline.stop();
    Q_EMIT screenshotSaved(m_options.screenshotPath);
}

void ConsoleApplication::failScreenshot(const QString& message)
{
    if (m_screenshotDone)
        return;
    m_screenshotDone = true;
    m_screenshotDeadline.stop();
    Q_EMIT screenshotFailed(message);
}

} // namespace trellis::ui
