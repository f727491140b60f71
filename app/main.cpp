// The Trellis console: parse options, build the application object, run. Everything else is in trellis_ui.
#include "ui/ConsoleApplication.h"

#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLoggingCategory>

namespace {

void printError(const QString& message)
{
    std::fprintf(stderr, "trellis: %s\n", qPrintable(message));
}

} // namespace

int main(int argc, char* argv[])
{
    // Per-request debug lines are for developers (QT_LOGGING_RULES, which overrides this, turns them back on).
    QLoggingCategory::setFilterRules(QStringLiteral("trellis.*.debug=false"));
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Trellis"));
    QApplication::setApplicationName(QStringLiteral("trellis"));
    QApplication::setApplicationDisplayName(QStringLiteral("Trellis"));
    QApplication::setApplicationVersion(QStringLiteral(TRELLIS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("trellis"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/trellis.svg")));
    trellis::ui::ConsoleApplication::installTranslations(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Trellis administration console. With no server configured it starts "
                                            "a local workspace with demo data."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Open the section, wait until its data has loaded, save a picture of the "
                                            "main window to <file> (PNG) and exit."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption showOption(
        QStringLiteral("show"),
        QCoreApplication::translate("main", "Open <section> at start: orgs (the default), people, roles, flows or audit."),
        QCoreApplication::translate("main", "section"), QStringLiteral("orgs"));
    const QCommandLineOption connectOption(
        QStringLiteral("connect"),
        QCoreApplication::translate("main", "Connect to the profile <name> (or \"local\" for the local workspace) "
                                            "instead of the connection used last."),
        QCoreApplication::translate("main", "name"));
    parser.addOption(screenshotOption);
    parser.addOption(showOption);
    parser.addOption(connectOption);
    parser.process(app);

    trellis::ui::ConsoleApplication console;
    trellis::ui::ConsoleApplication::Options options;
    options.section = parser.value(showOption);
    options.screenshotPath = parser.value(screenshotOption);
    options.connection = parser.value(connectOption);
    if (parser.isSet(screenshotOption) && options.screenshotPath.isEmpty()) {
        printError(QCoreApplication::translate("main", "--screenshot needs a file name."));
        return 2;
    }

    // Queued: a failure can be reported from inside start(), before the event loop runs.
    QObject::connect(
        &console, &trellis::ui::ConsoleApplication::screenshotSaved, &app,
        [](const QString& path) {
            std::printf("%s\n", qPrintable(path));
            QCoreApplication::exit(0);
        },
        Qt::QueuedConnection);
    QObject::connect(
        &console, &trellis::ui::ConsoleApplication::screenshotFailed, &app,
        [](const QString& message) {
            printError(message);
            QCoreApplication::exit(1);
        },
        Qt::QueuedConnection);

    QString error;
    if (!console.start(options, &error)) {
        printError(error);
        return 2;
    }
    return app.exec();
}
