#pragma once

#include <memory>

#include <QObject>
#include <QSize>
#include <QString>
#include <QTimer>

class QCoreApplication;

namespace trellis::models {
class ConsoleSession;
class ProfileStore;
} // namespace trellis::models

namespace trellis::ui {

class MainWindow;

/// Wires the console together (session, main window, screenshot mode) so main.cpp stays thin and tests
/// can drive exactly what users run.
class ConsoleApplication : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString section = QStringLiteral("orgs"); ///< which section to open
        QString screenshotPath;                   ///< non-empty: screenshot mode
        QSize screenshotSize = QSize(1280, 800);
        int screenshotTimeoutMs = 60000;
        QString workspaceDirectory; ///< empty: the user's data folder
        QString settingsFile;       ///< empty: the application's QSettings (profiles, last connection)
        /// Empty: the connection used last (the local workspace when there is none); else a profile name or id,
        /// or "local".
        QString connection;
    };

    explicit ConsoleApplication(QObject* parent = nullptr);
    ~ConsoleApplication() override;

    /// Loads the best translation for the system's UI languages (English when none fits) and Qt's own.
    /// Returns the language chosen, "en" for the untranslated English source.
    static QString installTranslations(QCoreApplication* app);
    /// Section names accepted by `--show`.
    QStringList sectionKeys() const;

    /// Shows the window and starts the local workspace. Returns false (and says why) for a bad option.
    bool start(const Options& options, QString* errorMessage = nullptr);

    models::ConsoleSession* session() const { return m_session; }
    models::ProfileStore* profiles() const { return m_profiles; }
    /// Connects to a profile (by id) or to the local workspace (ProfileStore::localWorkspaceId()) and remembers it.
    void connectTo(const QString& id);
    MainWindow* mainWindow() const { return m_window.get(); }

Q_SIGNALS:
    void screenshotSaved(const QString& path);
    void screenshotFailed(const QString& message);

private:
    void takeScreenshot();
    void failScreenshot(const QString& message);

    models::ConsoleSession* m_session = nullptr;
    models::ProfileStore* m_profiles = nullptr;
    std::unique_ptr<MainWindow> m_window;
    Options m_options;
    QTimer m_screenshotDeadline;
    bool m_screenshotDone = false;
};

} // namespace trellis::ui
