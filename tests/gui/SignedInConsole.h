#pragma once

#include "models/ConsoleSession.h"
#include "ui/MainWindow.h"

#include <memory>

#include <QString>

namespace trellis::test {

class TrellisdProcess;

/// The console as the GUI tests drive it: a session and its main window (1280×800, shown), signed in to a test
/// server as one person with an admin token.
struct SignedInConsole
{
    std::unique_ptr<models::ConsoleSession> session;
    std::unique_ptr<ui::MainWindow> window;

    /// Signs in as `email` and waits until connected as that person; false, with the reason in `error`, otherwise.
    bool open(const TrellisdProcess& server, const QString& email, QString* error);
    /// Closes whatever dialog is still open, then the window, then the session (in that order: the window watches it).
    void close();
};

} // namespace trellis::test
