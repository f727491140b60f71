<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Trellis administration console. With no server configured it starts a local workspace with demo data.</source>
        <translation>Trellis-Verwaltungskonsole. Ist kein Server eingerichtet, startet sie einen lokalen Arbeitsbereich mit Beispieldaten.</translation>
    </message>
    <message>
        <source>Open the section, wait until its data has loaded, save a picture of the main window to &lt;file&gt; (PNG) and exit.</source>
        <translation>Den Bereich öffnen, warten, bis seine Daten geladen sind, ein Bild des Hauptfensters in &lt;datei&gt; (PNG) speichern und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>datei</translation>
    </message>
    <message>
        <source>Open &lt;section&gt; at start: orgs (the default).</source>
        <translation>&lt;bereich&gt; beim Start öffnen: orgs (Standard).</translation>
    </message>
    <message>
        <source>section</source>
        <translation>bereich</translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation>--screenshot braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>Connect to the profile &lt;name&gt; (or &quot;local&quot; for the local workspace) instead of the connection used last.</source>
        <translation>Mit dem Profil &lt;name&gt; verbinden (oder &quot;local&quot; für den lokalen Arbeitsbereich) statt mit der zuletzt verwendeten Verbindung.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
</context>
<context>
    <name>trellis::client</name>
    <message>
        <source>The server sent an answer the console does not understand.</source>
        <translation>Der Server hat eine Antwort geschickt, die die Konsole nicht versteht.</translation>
    </message>
    <message>
        <source>The server did not accept the request.</source>
        <translation>Der Server hat die Anfrage nicht angenommen.</translation>
    </message>
    <message>
        <source>You are not signed in, or your session has expired.</source>
        <translation>Sie sind nicht angemeldet, oder Ihre Sitzung ist abgelaufen.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Dazu sind Sie nicht berechtigt.</translation>
    </message>
    <message>
        <source>It does not exist, or you cannot see it.</source>
        <translation>Das gibt es nicht, oder Sie dürfen es nicht sehen.</translation>
    </message>
    <message>
        <source>It was changed by someone else in the meantime.</source>
        <translation>Jemand anderes hat es inzwischen geändert.</translation>
    </message>
    <message>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The server ran into a problem. Please try again later.</source>
        <translation>Beim Server ist ein Problem aufgetreten. Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server answered with an unexpected status (%1).</source>
        <translation>Der Server hat mit einem unerwarteten Status geantwortet (%1).</translation>
    </message>
</context>
<context>
    <name>trellis::client::ApiClient</name>
    <message>
        <source>The server could not be reached.</source>
        <translation>Der Server war nicht erreichbar.</translation>
    </message>
</context>
<context>
    <name>trellis::client::ConnectionProfile</name>
    <message>
        <source>Enter the server&apos;s address, for example https://id.example.com.</source>
        <translation>Geben Sie die Adresse des Servers ein, zum Beispiel https://id.example.com.</translation>
    </message>
    <message>
        <source>This is not a valid web address.</source>
        <translation>Das ist keine gültige Webadresse.</translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation>Die Adresse muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>The address needs a server name, for example https://id.example.com.</source>
        <translation>Die Adresse braucht einen Servernamen, zum Beispiel https://id.example.com.</translation>
    </message>
    <message>
        <source>The address must not contain a user name or password.</source>
        <translation>Die Adresse darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>The address must not contain &quot;?&quot; or &quot;#&quot;.</source>
        <translation>Die Adresse darf kein &quot;?&quot; und kein &quot;#&quot; enthalten.</translation>
    </message>
    <message>
        <source>Use https:// for a server on another computer; http:// is only allowed for this computer.</source>
        <translation>Verwenden Sie https:// für einen Server auf einem anderen Computer; http:// ist nur für diesen Computer erlaubt.</translation>
    </message>
</context>
<context>
    <name>trellis::client::KeychainCredentialStore</name>
    <message>
        <source>No saved sign-in was found.</source>
        <translation>Es wurde keine gespeicherte Anmeldung gefunden.</translation>
    </message>
    <message>
        <source>The saved sign-in could not be deleted from the keychain.</source>
        <translation>Die gespeicherte Anmeldung konnte nicht aus dem Schlüsselbund gelöscht werden.</translation>
    </message>
    <message>
        <source>Access to the keychain was refused.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert.</translation>
    </message>
    <message>
        <source>Trellis is not allowed to use the keychain.</source>
        <translation>Trellis darf den Schlüsselbund nicht verwenden.</translation>
    </message>
    <message>
        <source>no keychain (Secret Service) is available</source>
        <translation>es ist kein Schlüsselbund (Secret Service) verfügbar</translation>
    </message>
    <message>
        <source>the keychain did not answer</source>
        <translation>der Schlüsselbund hat nicht geantwortet</translation>
    </message>
    <message>
        <source>the keychain reported: %1</source>
        <translation>der Schlüsselbund meldete: %1</translation>
    </message>
</context>
<context>
    <name>trellis::client::LocalWorkspace</name>
    <message>
        <source>The local server did not start within %1 seconds.</source>
        <translation>Der lokale Server ist nicht innerhalb von %1 Sekunden gestartet.</translation>
    </message>
    <message>
        <source>The Trellis server program (trellisd) was not found. Reinstall Trellis, or set TRELLIS_TRELLISD to its location.</source>
        <translation>Das Trellis-Serverprogramm (trellisd) wurde nicht gefunden. Installieren Sie Trellis neu, oder setzen Sie TRELLIS_TRELLISD auf seinen Pfad.</translation>
    </message>
    <message>
        <source>The workspace folder %1 could not be created.</source>
        <translation>Der Ordner des Arbeitsbereichs %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The local server reported an address the console cannot use.</source>
        <translation>Der lokale Server hat eine Adresse gemeldet, die die Konsole nicht verwenden kann.</translation>
    </message>
    <message>
        <source>The local server did not accept the console&apos;s sign-in: %1</source>
        <translation>Der lokale Server hat die Anmeldung der Konsole nicht angenommen: %1</translation>
    </message>
    <message>
        <source>Last messages from the server:</source>
        <translation>Letzte Meldungen des Servers:</translation>
    </message>
    <message>
        <source>it was terminated abruptly</source>
        <translation>er wurde abrupt beendet</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>The local server stopped unexpectedly (%1).</source>
        <translation>Der lokale Server wurde unerwartet beendet (%1).</translation>
    </message>
    <message>
        <source>The local server could not start (%1).</source>
        <translation>Der lokale Server konnte nicht starten (%1).</translation>
    </message>
    <message>
        <source>The local server could not be started: %1</source>
        <translation>Der lokale Server konnte nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>trellis::client::SignInClient</name>
    <message>
        <source>The sign-in was cancelled in the browser.</source>
        <translation>Die Anmeldung wurde im Browser abgebrochen.</translation>
    </message>
    <message>
        <source>Your sign-in has expired or was ended elsewhere. Please sign in again.</source>
        <translation>Ihre Anmeldung ist abgelaufen oder wurde an anderer Stelle beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>This server does not accept sign-ins from the Trellis console.</source>
        <translation>Dieser Server nimmt keine Anmeldungen der Trellis-Konsole an.</translation>
    </message>
    <message>
        <source>The server could not complete the sign-in. Please try again later.</source>
        <translation>Der Server konnte die Anmeldung nicht abschließen. Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server refused the sign-in (%1).</source>
        <translation>Der Server hat die Anmeldung abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The sign-in in the browser was not completed in time. Please try again.</source>
        <translation>Die Anmeldung im Browser wurde nicht rechtzeitig abgeschlossen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server does not offer sign-in (no OpenID Connect configuration, status %1).</source>
        <translation>Der Server bietet keine Anmeldung an (keine OpenID-Connect-Konfiguration, Status %1).</translation>
    </message>
    <message>
        <source>The server&apos;s sign-in configuration is incomplete.</source>
        <translation>Die Anmeldekonfiguration des Servers ist unvollständig.</translation>
    </message>
    <message>
        <source>The console could not receive the browser&apos;s answer: %1</source>
        <translation>Die Konsole konnte die Antwort des Browsers nicht empfangen: %1</translation>
    </message>
    <message>
        <source>The browser&apos;s answer came from a different server. Please try again.</source>
        <translation>Die Antwort des Browsers kam von einem anderen Server. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The server cannot end sessions remotely.</source>
        <translation>Der Server kann Sitzungen nicht aus der Ferne beenden.</translation>
    </message>
    <message>
        <source>The server&apos;s sign-in configuration is missing.</source>
        <translation>Die Anmeldekonfiguration des Servers fehlt.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the sign-in was incomplete.</source>
        <translation>Die Antwort des Servers auf die Anmeldung war unvollständig.</translation>
    </message>
    <message>
        <source>The server answered the sign-in with status %1.</source>
        <translation>Der Server hat die Anmeldung mit Status %1 beantwortet.</translation>
    </message>
</context>
<context>
    <name>trellis::models::ConsoleSession</name>
    <message>
        <source>Starting the local workspace…</source>
        <translation>Lokaler Arbeitsbereich wird gestartet …</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The local server has stopped.</source>
        <translation>Der lokale Server wurde beendet.</translation>
    </message>
    <message>
        <source>The local server has stopped: %1</source>
        <translation>Der lokale Server wurde beendet: %1</translation>
    </message>
    <message>
        <source>Could not connect.</source>
        <translation>Keine Verbindung möglich.</translation>
    </message>
    <message>
        <source>Local workspace</source>
        <translation>Lokaler Arbeitsbereich</translation>
    </message>
    <message>
        <source>Local workspace · %1</source>
        <translation>Lokaler Arbeitsbereich · %1</translation>
    </message>
    <message>
        <source>No server</source>
        <translation>Kein Server</translation>
    </message>
    <message>
        <source>Server · %1</source>
        <translation>Server · %1</translation>
    </message>
    <message>
        <source>%1 @ %2</source>
        <translation>%1 @ %2</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
    <message>
        <source>Finish signing in in your web browser…</source>
        <translation>Schließen Sie die Anmeldung im Webbrowser ab …</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>trellis::models::MemberListModel</name>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
</context>
<context>
    <name>trellis::models::OrgTreeModel</name>
    <message>
        <source>This organisation is not in your part of the tree.</source>
        <translation>Diese Organisation liegt nicht in Ihrem Teil des Baums.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
</context>
<context>
    <name>trellis::ui::BusyIndicator</name>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
</context>
<context>
    <name>trellis::ui::ConnectionBanner</name>
    <message>
        <source>&amp;Retry</source>
        <translation>E&amp;rneut versuchen</translation>
    </message>
    <message>
        <source>Re&amp;start server</source>
        <translation>Server neu &amp;starten</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Verbindungsproblem</translation>
    </message>
    <message>
        <source>Retry the connection</source>
        <translation>Verbindung erneut versuchen</translation>
    </message>
    <message>
        <source>Restart the local server</source>
        <translation>Lokalen Server neu starten</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Cancel Sign-&amp;In</source>
        <translation>Anmeldung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Sign in in the web browser</source>
        <translation>Im Webbrowser anmelden</translation>
    </message>
    <message>
        <source>Stop waiting for the web browser</source>
        <translation>Nicht länger auf den Webbrowser warten</translation>
    </message>
</context>
<context>
    <name>trellis::ui::ConsoleApplication</name>
    <message numerus="yes">
        <source>The data for the screenshot did not load within %n second(s). Connection state: %1</source>
        <translation>
            <numerusform>Die Daten für das Bildschirmfoto wurden nicht innerhalb von %n Sekunde geladen. Verbindungsstatus: %1</numerusform>
            <numerusform>Die Daten für das Bildschirmfoto wurden nicht innerhalb von %n Sekunden geladen. Verbindungsstatus: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no section called &quot;%1&quot;. Sections: %2.</source>
        <translation>Es gibt keinen Bereich „%1“. Bereiche: %2.</translation>
    </message>
    <message>
        <source>The screenshot could not be written to %1.</source>
        <translation>Das Bildschirmfoto konnte nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>There is no connection profile called &quot;%1&quot;.</source>
        <translation>Es gibt kein Verbindungsprofil namens &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::DisplayNames</name>
    <message>
        <source>Manufacturer</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation>Wiederverkäufer</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distributor</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Service partner</source>
        <translation>Servicepartner</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <source>Logistics provider</source>
        <translation>Logistikdienstleister</translation>
    </message>
    <message>
        <source>IT provider</source>
        <translation>IT-Dienstleister</translation>
    </message>
    <message>
        <source>Subcontractor</source>
        <translation>Subunternehmer</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Offboarded</source>
        <translation>Ausgegliedert</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>trellis::ui::MainWindow</name>
    <message>
        <source>Trellis</source>
        <translation>Trellis</translation>
    </message>
    <message>
        <source>Trellis console</source>
        <translation>Trellis-Konsole</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>Angemeldete Person</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Trellis</source>
        <translation>Ü&amp;ber Trellis</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>What you see may be out of date. Check the network connection, then choose Retry. Nothing is lost.</source>
        <translation>Was Sie sehen, ist vielleicht nicht mehr aktuell. Prüfen Sie die Netzwerkverbindung und wählen Sie dann „Erneut versuchen“. Es geht nichts verloren.</translation>
    </message>
    <message>
        <source>The local server has stopped.</source>
        <translation>Der lokale Server wurde beendet.</translation>
    </message>
    <message>
        <source>Your workspace data is safe on this computer. Restart the server to continue.</source>
        <translation>Die Daten Ihres Arbeitsbereichs sind auf diesem Computer sicher. Starten Sie den Server neu, um weiterzuarbeiten.</translation>
    </message>
    <message>
        <source>The local server could not be started.</source>
        <translation>Der lokale Server konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Trellis could not connect to the server.</source>
        <translation>Trellis konnte keine Verbindung zum Server herstellen.</translation>
    </message>
    <message>
        <source>About Trellis</source>
        <translation>Über Trellis</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Trellis %1&lt;/h3&gt;&lt;p&gt;Organisation-aware identity and access management for B2B2X.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Trellis %1&lt;/h3&gt;&lt;p&gt;Identitäts- und Zugriffsverwaltung für B2B2X, die Organisationen versteht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Manage Profiles…</source>
        <translation>&amp;Profile verwalten …</translation>
    </message>
    <message>
        <source>&amp;Local Workspace</source>
        <translation>&amp;Lokaler Arbeitsbereich</translation>
    </message>
    <message>
        <source>Trellis — %1</source>
        <translation>Trellis — %1</translation>
    </message>
    <message>
        <source>Trellis cannot remember your sign-in on this computer: %1</source>
        <translation>Trellis kann sich Ihre Anmeldung auf diesem Computer nicht merken: %1</translation>
    </message>
    <message>
        <source>You stay signed in until you close the console.</source>
        <translation>Sie bleiben angemeldet, bis Sie die Konsole schließen.</translation>
    </message>
    <message>
        <source>You are not signed in to %1.</source>
        <translation>Sie sind bei %1 nicht angemeldet.</translation>
    </message>
    <message>
        <source>Sign in with your web browser to work with this server.</source>
        <translation>Melden Sie sich mit Ihrem Webbrowser an, um mit diesem Server zu arbeiten.</translation>
    </message>
    <message>
        <source>Finish signing in in your web browser.</source>
        <translation>Schließen Sie die Anmeldung im Webbrowser ab.</translation>
    </message>
    <message>
        <source>A page of %1 has opened in your browser. Come back here when it says you can close the tab.</source>
        <translation>In Ihrem Browser hat sich eine Seite von %1 geöffnet. Kehren Sie hierher zurück, wenn dort steht, dass Sie den Tab schließen können.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::OrgDetailsPane</name>
    <message>
        <source>Organisation details</source>
        <translation>Details der Organisation</translation>
    </message>
    <message>
        <source>Select an organisation to see its details and members.</source>
        <translation>Wählen Sie eine Organisation aus, um ihre Details und Mitglieder zu sehen.</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Name der Organisation</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Slug:</source>
        <translation>Kurzname:</translation>
    </message>
    <message>
        <source>Sub-organisations:</source>
        <translation>Unterorganisationen:</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>Mitglieder:</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Members of the selected organisation</source>
        <translation>Mitglieder der ausgewählten Organisation</translation>
    </message>
    <message>
        <source>Top-level organisation</source>
        <translation>Organisation der obersten Ebene</translation>
    </message>
    <message>
        <source>The members could not be loaded: %1</source>
        <translation>Die Mitglieder konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Nobody belongs to this organisation directly.</source>
        <translation>Dieser Organisation gehört niemand direkt an.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::OrgSearchField</name>
    <message>
        <source>Find an organisation (Ctrl+F)</source>
        <translation>Organisation suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search organisations</source>
        <translation>Organisationen durchsuchen</translation>
    </message>
    <message>
        <source>Type part of a name or slug, then choose a result to show it in the tree.</source>
        <translation>Geben Sie einen Teil eines Namens oder Kurznamens ein und wählen Sie dann ein Ergebnis, um es im Baum zu zeigen.</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
</context>
<context>
    <name>trellis::ui::OrgsPage</name>
    <message>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>Organisation tree</source>
        <translation>Organisationsbaum</translation>
    </message>
    <message>
        <source>Organisations you administer; expand one to see the organisations under it.</source>
        <translation>Organisationen, die Sie verwalten; klappen Sie eine auf, um die Organisationen darunter zu sehen.</translation>
    </message>
    <message>
        <source>You do not administer any organisation yet.</source>
        <translation>Sie verwalten noch keine Organisation.</translation>
    </message>
    <message>
        <source>Some organisations could not be loaded: %1</source>
        <translation>Einige Organisationen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The organisations could not be loaded: %1</source>
        <translation>Die Organisationen konnten nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>trellis::ui::ProfilesDialog</name>
    <message>
        <source>Connection Profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>&amp;Profiles:</source>
        <translation>&amp;Profile:</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected profile</source>
        <translation>Das ausgewählte Profil entfernen</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>e.g. Acme production</source>
        <translation>z. B. Acme Produktion</translation>
    </message>
    <message>
        <source>Profile name problem</source>
        <translation>Problem mit dem Profilnamen</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Server address problem</source>
        <translation>Problem mit der Serveradresse</translation>
    </message>
    <message>
        <source>&amp;Save Profile</source>
        <translation>Profil &amp;speichern</translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation>Das Profil speichern</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <source>Profiles hold no passwords. When you sign in, Trellis keeps your sign-in in the system keychain.</source>
        <translation>Profile enthalten keine Passwörter. Wenn Sie sich anmelden, bewahrt Trellis Ihre Anmeldung im Schlüsselbund des Systems auf.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the profile &quot;%1&quot;? Sign out first if you want its remembered sign-in deleted from the keychain.</source>
        <translation>Das Profil &quot;%1&quot; entfernen? Melden Sie sich vorher ab, wenn die gespeicherte Anmeldung auch aus dem Schlüsselbund gelöscht werden soll.</translation>
    </message>
</context>
</TS>
