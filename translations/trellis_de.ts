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
</TS>
