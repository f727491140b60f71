// The profiles dialog (offscreen): add, edit, remove with the keyboard; a bad server address keeps what was typed
// and says why beside the field; the main window's Connect menu lists the profiles and the local workspace.
#include "ui/ProfilesDialog.h"

#include "models/ConsoleSession.h"
#include "models/ProfileStore.h"
#include "ui/ConnectionBanner.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using trellis::models::ProfileStore;
using trellis::ui::ProfilesDialog;

class ProfilesDialogTest : public QObject
{
    Q_OBJECT

    // TRELLIS_GUI_GRAB_DIR set: pictures to look at (documentation, reviews); the test does not depend on them.
    static void grab(QWidget* widget, const QString& name)
    {
        const QString dir = qEnvironmentVariable("TRELLIS_GUI_GRAB_DIR");
        if (!dir.isEmpty())
            widget->grab().save(dir + QLatin1Char('/') + name);
    }

private Q_SLOTS:
    void badAddressKeepsTextAndSaysWhy()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("t.conf")));
        ProfilesDialog dialog(&store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.urlEdit()->accessibleName().isEmpty());
        QVERIFY(!dialog.nameEdit()->accessibleName().isEmpty());

        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Acme production"));
        QTest::keyClicks(dialog.urlEdit(), QStringLiteral("http://id.acme.example"));
        QTest::keyClick(dialog.urlEdit(), Qt::Key_Return);
        QVERIFY(dialog.urlError()->isVisible());
        QVERIFY(dialog.urlError()->text().contains(QStringLiteral("https://")));
        QCOMPARE(dialog.urlEdit()->text(), QStringLiteral("http://id.acme.example"));
        QCOMPARE(dialog.urlEdit()->accessibleDescription(), dialog.urlError()->text());
        QVERIFY(store.profiles().isEmpty());

        // Correct it in place: the error goes as soon as the user types.
        dialog.urlEdit()->setFocus();
        dialog.urlEdit()->selectAll();
        QTest::keyClicks(dialog.urlEdit(), QStringLiteral("https://id.acme.example/"));
        QVERIFY(!dialog.urlError()->isVisible());
        QTest::keyClick(dialog.urlEdit(), Qt::Key_Return);
        QCOMPARE(store.profiles().size(), 1);
        QCOMPARE(store.profiles().at(0).serverUrl, QUrl(QStringLiteral("https://id.acme.example")));
        QCOMPARE(dialog.list()->count(), 1);

        // Edit: rename the selected profile.
        dialog.nameEdit()->selectAll();
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Acme (prod)"));
        QVERIFY(dialog.saveCurrent());
        QCOMPARE(store.profiles().size(), 1);
        QCOMPARE(store.profiles().at(0).name, QStringLiteral("Acme (prod)"));

        // A second one through "New".
        dialog.addButton()->click();
        QVERIFY(dialog.nameEdit()->text().isEmpty());
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Local test"));
        QTest::keyClicks(dialog.urlEdit(), QStringLiteral("http://127.0.0.1:8443"));
        QVERIFY(dialog.saveCurrent());
        QCOMPARE(store.profiles().size(), 2);
        grab(&dialog, QStringLiteral("profiles-dialog.png"));
    }

    void emptyNameIsRefused()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("t.conf")));
        ProfilesDialog dialog(&store);
        QTest::keyClicks(dialog.urlEdit(), QStringLiteral("https://id.acme.example"));
        QVERIFY(!dialog.saveCurrent());
        QVERIFY(store.profiles().isEmpty());
        QCOMPARE(dialog.urlEdit()->text(), QStringLiteral("https://id.acme.example"));
    }

    void connectMenuListsProfiles()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("t.conf")));
        trellis::client::ConnectionProfile p;
        p.name = QStringLiteral("Acme production");
        p.serverUrl = QUrl(QStringLiteral("https://id.acme.example"));
        p = store.save(p);
        trellis::models::ConsoleSession session;
        trellis::ui::MainWindow window(&session);
        window.setProfileStore(&store);
        QStringList texts;
        QAction* acme = nullptr;
        const auto actions = window.connectMenu()->actions();
        for (QAction* action : actions) {
            texts.append(action->text());
            if (action->text() == p.name)
                acme = action;
        }
        QVERIFY2(texts.contains(QStringLiteral("&Local Workspace")), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(acme);
        QSignalSpy chosen(&window, &trellis::ui::MainWindow::connectionChosen);
        acme->trigger();
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), p.id);

        // Connected to the profile with nobody signed in: the banner offers sign-in, the menu too.
        session.connectToProfile(p);
        QCOMPARE(session.state(), trellis::models::ConsoleSession::State::SignedOut);
        QVERIFY(window.banner()->isVisibleTo(&window));
        QVERIFY(window.banner()->title().contains(p.name));
        QVERIFY(window.signInAction()->isEnabled());
        QVERIFY(!window.signOutAction()->isEnabled());
        QCOMPARE(window.windowTitle(), QStringLiteral("Trellis"));
        window.resize(1000, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        grab(&window, QStringLiteral("signed-out.png"));
    }
};

QTEST_MAIN(ProfilesDialogTest)
#include "ProfilesDialogTest.moc"
