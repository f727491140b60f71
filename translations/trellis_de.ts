<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>FlowCatalog</name>
    <message>
        <source>Identify</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Asks for the email address. Says nothing about whether an account exists.</source>
        <translation>Fragt nach der E-Mail-Adresse. Verrät nicht, ob es ein Konto gibt.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Asks for the password of the identified user.</source>
        <translation>Fragt nach dem Passwort der erkannten Person.</translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation>Authenticator-Code</translation>
    </message>
    <message>
        <source>Asks for a one-time code from the user&apos;s authenticator app (TOTP).</source>
        <translation>Fragt nach einem Einmalcode aus der Authenticator-App (TOTP).</translation>
    </message>
    <message>
        <source>Set up authenticator</source>
        <translation>Authenticator einrichten</translation>
    </message>
    <message>
        <source>Shows a QR code and the secret as text, and confirms the first code from the authenticator app.</source>
        <translation>Zeigt einen QR-Code und das Geheimnis als Text und bestätigt den ersten Code aus der Authenticator-App.</translation>
    </message>
    <message>
        <source>Retry limit</source>
        <translation>Versuchsgrenze</translation>
    </message>
    <message>
        <source>Counts failed attempts: retry until the limit is reached, then reject.</source>
        <translation>Zählt Fehlversuche: neuer Versuch, bis die Grenze erreicht ist, dann Ablehnung.</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Branches on a fact about the user or the sign-in.</source>
        <translation>Verzweigt nach einer Tatsache über die Person oder die Anmeldung.</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Signs the user in.</source>
        <translation>Meldet die Person an.</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Ends the sign-in with a message.</source>
        <translation>Beendet die Anmeldung mit einer Meldung.</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Richtig</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>Falsch</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>No password set</source>
        <translation>Kein Passwort gesetzt</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Eingerichtet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Name the authenticator app shows next to the account.</source>
        <translation>Name, den die Authenticator-App neben dem Konto zeigt.</translation>
    </message>
    <message>
        <source>Maximum attempts</source>
        <translation>Höchstzahl an Versuchen</translation>
    </message>
    <message>
        <source>Failed attempts allowed before rejecting.</source>
        <translation>Erlaubte Fehlversuche vor der Ablehnung.</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Tatsache</translation>
    </message>
    <message>
        <source>What to test about the sign-in so far.</source>
        <translation>Was an der bisherigen Anmeldung geprüft wird.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Shown to the user.</source>
        <translation>Wird der Person angezeigt.</translation>
    </message>
    <message>
        <source>Sign-in failed.</source>
        <translation>Die Anmeldung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>user.hasTotp</source>
        <translation>Person hat eine Authenticator-App</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Identifizierung</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Logic</source>
        <translation>Logik</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Fassung</translation>
    </message>
    <message>
        <source>Magic link by email</source>
        <translation>Anmeldelink per E-Mail</translation>
    </message>
    <message>
        <source>Emails a single-use sign-in link and shows &quot;check your email&quot;. Opening the link (in any tab, within the expiry) continues the sign-in: verified; too late: expired. Nobody with the address gets no email, but the same page.</source>
        <translation>Schickt einen Anmeldelink zur einmaligen Verwendung per E-Mail und zeigt „Sehen Sie in Ihre E-Mails“. Wer den Link rechtzeitig öffnet (in einem beliebigen Tab), meldet sich weiter an: geöffnet; zu spät: abgelaufen. Gibt es niemanden mit der Adresse, kommt keine E-Mail, aber dieselbe Seite.</translation>
    </message>
    <message>
        <source>Link opened</source>
        <translation>Link geöffnet</translation>
    </message>
    <message>
        <source>Link expired</source>
        <translation>Link abgelaufen</translation>
    </message>
    <message>
        <source>Link lifetime (minutes)</source>
        <translation>Gültigkeit des Links (Minuten)</translation>
    </message>
    <message>
        <source>How long the link works.</source>
        <translation>Wie lange der Link funktioniert.</translation>
    </message>
    <message>
        <source>Email code</source>
        <translation>Code per E-Mail</translation>
    </message>
    <message>
        <source>Emails a one-time numeric code and asks for it. Each code works once; a wrong code counts as a failed attempt.</source>
        <translation>Schickt einen Einmalcode aus Ziffern per E-Mail und fragt danach. Jeder Code funktioniert einmal; ein falscher Code zählt als Fehlversuch.</translation>
    </message>
    <message>
        <source>Code length</source>
        <translation>Codelänge</translation>
    </message>
    <message>
        <source>Digits in the code.</source>
        <translation>Ziffern im Code.</translation>
    </message>
    <message>
        <source>Code lifetime (minutes)</source>
        <translation>Gültigkeit des Codes (Minuten)</translation>
    </message>
    <message>
        <source>How long the code works.</source>
        <translation>Wie lange der Code funktioniert.</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>Risikobewertung</translation>
    </message>
    <message>
        <source>Scores the attempt from signals: unknown device, client address in the allow or deny list, recent failed attempts, first sign-in from a new country (by the address table), time of day. Branches on the level; the score and its reasons go into the audit trail.</source>
        <translation>Bewertet den Versuch nach Signalen: unbekanntes Gerät, Adresse in der Zulassungs- oder Sperrliste, kürzliche Fehlversuche, erste Anmeldung aus einem neuen Land (nach der Adresstabelle), Tageszeit. Verzweigt nach der Stufe; Punktzahl und Gründe kommen ins Audit-Protokoll.</translation>
    </message>
    <message>
        <source>Medium from score</source>
        <translation>Mittel ab Punktzahl</translation>
    </message>
    <message>
        <source>Scores from here on are medium.</source>
        <translation>Ab dieser Punktzahl gilt das Risiko als mittel.</translation>
    </message>
    <message>
        <source>High from score</source>
        <translation>Hoch ab Punktzahl</translation>
    </message>
    <message>
        <source>Scores from here on are high.</source>
        <translation>Ab dieser Punktzahl gilt das Risiko als hoch.</translation>
    </message>
    <message>
        <source>Unknown device</source>
        <translation>Unbekanntes Gerät</translation>
    </message>
    <message>
        <source>Points when the browser was never used by this person before.</source>
        <translation>Punkte, wenn die Person diesen Browser noch nie benutzt hat.</translation>
    </message>
    <message>
        <source>Allowed addresses</source>
        <translation>Zugelassene Adressen</translation>
    </message>
    <message>
        <source>Address ranges (CIDR) that lower the score.</source>
        <translation>Adressbereiche (CIDR), die die Punktzahl senken.</translation>
    </message>
    <message>
        <source>Allowed address credit</source>
        <translation>Gutschrift für zugelassene Adressen</translation>
    </message>
    <message>
        <source>Points taken off for an allowed address.</source>
        <translation>Punkte, die für eine zugelassene Adresse abgezogen werden.</translation>
    </message>
    <message>
        <source>Denied addresses</source>
        <translation>Gesperrte Adressen</translation>
    </message>
    <message>
        <source>Address ranges (CIDR) that raise the score.</source>
        <translation>Adressbereiche (CIDR), die die Punktzahl erhöhen.</translation>
    </message>
    <message>
        <source>Denied address</source>
        <translation>Gesperrte Adresse</translation>
    </message>
    <message>
        <source>Points for an address in the deny list.</source>
        <translation>Punkte für eine Adresse in der Sperrliste.</translation>
    </message>
    <message>
        <source>Per recent failure</source>
        <translation>Je kürzlichem Fehlversuch</translation>
    </message>
    <message>
        <source>Points per failed attempt in the last hour.</source>
        <translation>Punkte je Fehlversuch in der letzten Stunde.</translation>
    </message>
    <message>
        <source>Failures at most</source>
        <translation>Höchstens für Fehlversuche</translation>
    </message>
    <message>
        <source>Most points recent failures can add.</source>
        <translation>Höchstzahl an Punkten durch kürzliche Fehlversuche.</translation>
    </message>
    <message>
        <source>Country table</source>
        <translation>Ländertabelle</translation>
    </message>
    <message>
        <source>Address ranges and their country, e.g. 203.0.113.0/24=DE; first match wins.</source>
        <translation>Adressbereiche und ihr Land, z. B. 203.0.113.0/24=DE; der erste Treffer gilt.</translation>
    </message>
    <message>
        <source>New country</source>
        <translation>Neues Land</translation>
    </message>
    <message>
        <source>Points for the first sign-in from a country.</source>
        <translation>Punkte für die erste Anmeldung aus einem Land.</translation>
    </message>
    <message>
        <source>Off hours from (UTC)</source>
        <translation>Randzeit ab (UTC)</translation>
    </message>
    <message>
        <source>Hour off hours begin.</source>
        <translation>Stunde, zu der die Randzeit beginnt.</translation>
    </message>
    <message>
        <source>Off hours until (UTC)</source>
        <translation>Randzeit bis (UTC)</translation>
    </message>
    <message>
        <source>Hour off hours end (the same as the start: never).</source>
        <translation>Stunde, zu der die Randzeit endet (gleich dem Beginn: nie).</translation>
    </message>
    <message>
        <source>Off hours</source>
        <translation>Randzeit</translation>
    </message>
    <message>
        <source>Points for an attempt during off hours.</source>
        <translation>Punkte für einen Versuch in der Randzeit.</translation>
    </message>
    <message>
        <source>Subflow</source>
        <translation>Teilablauf</translation>
    </message>
    <message>
        <source>Runs another flow here. Its success and failure ends become this node&apos;s outcomes (a success or failure node&apos;s &quot;outcome&quot; setting names them).</source>
        <translation>Führt hier einen anderen Ablauf aus. Dessen Erfolgs- und Fehlschlag-Enden werden zu den Ausgängen dieses Schritts (die Einstellung „Ausgang“ eines Erfolgs- oder Fehlschlag-Schritts benennt sie).</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>The flow to run.</source>
        <translation>Der auszuführende Ablauf.</translation>
    </message>
    <message>
        <source>Choose organisation</source>
        <translation>Organisation wählen</translation>
    </message>
    <message>
        <source>A person with several memberships picks the organisation they act for; with one it is chosen without asking.</source>
        <translation>Eine Person mit mehreren Mitgliedschaften wählt die Organisation, für die sie handelt; bei nur einer wird sie ohne Nachfrage gewählt.</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Gewählt</translation>
    </message>
    <message>
        <source>Accept terms</source>
        <translation>Nutzungsbedingungen annehmen</translation>
    </message>
    <message>
        <source>Asks to accept a version of the terms of use, once per person and version; the acceptance is recorded.</source>
        <translation>Bittet, eine Fassung der Nutzungsbedingungen anzunehmen, einmal je Person und Fassung; die Annahme wird festgehalten.</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Terms address</source>
        <translation>Adresse der Bedingungen</translation>
    </message>
    <message>
        <source>Where the terms are published (https://...).</source>
        <translation>Wo die Bedingungen veröffentlicht sind (https://...).</translation>
    </message>
    <message>
        <source>A new version asks everyone again.</source>
        <translation>Eine neue Fassung fragt alle erneut.</translation>
    </message>
    <message>
        <source>Collect profile</source>
        <translation>Profil erfassen</translation>
    </message>
    <message>
        <source>Asks for profile attributes the person has not given yet (skipped when all are known).</source>
        <translation>Fragt nach Profilangaben, die die Person noch nicht gemacht hat (entfällt, wenn alle bekannt sind).</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Angaben</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Pflichtangaben</translation>
    </message>
    <message>
        <source>Attributes that must not be left empty.</source>
        <translation>Angaben, die nicht leer bleiben dürfen.</translation>
    </message>
    <message>
        <source>Outcome name</source>
        <translation>Name des Ausgangs</translation>
    </message>
    <message>
        <source>When this flow runs as a subflow: the outcome this end gives the subflow node (empty: &quot;success&quot;).</source>
        <translation>Wenn dieser Ablauf als Teilablauf läuft: der Ausgang, den dieses Ende dem Teilablauf-Schritt gibt (leer: „success“).</translation>
    </message>
    <message>
        <source>When this flow runs as a subflow: the outcome this end gives the subflow node (empty: &quot;failure&quot;).</source>
        <translation>Wenn dieser Ablauf als Teilablauf läuft: der Ausgang, den dieses Ende dem Teilablauf-Schritt gibt (leer: „failure“).</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>How to test it: is-true/is-false for yes-no facts; equals, in (comma-separated list), ends-with for text; greater-than, at-least, less-than, at-most for numbers; contains, is-empty for lists.</source>
        <translation>Wie geprüft wird: is-true/is-false für Ja-Nein-Tatsachen; equals, in (durch Kommas getrennte Liste), ends-with für Text; greater-than, at-least, less-than, at-most für Zahlen; contains, is-empty für Listen.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>What to compare with (not needed for is-true, is-false, is-empty, is-not-empty).</source>
        <translation>Womit verglichen wird (nicht nötig für is-true, is-false, is-empty, is-not-empty).</translation>
    </message>
    <message>
        <source>Branches on a fact about the user, their memberships, the organisation, the application, the email domain or the risk assessed so far.</source>
        <translation>Verzweigt nach einer Tatsache über die Person, ihre Mitgliedschaften, die Organisation, die Anwendung, die E-Mail-Domain oder das bisher bewertete Risiko.</translation>
    </message>
    <message>
        <source>Passkey sign-in</source>
        <translation>Anmeldung mit Passkey</translation>
    </message>
    <message>
        <source>Signs in with a passkey (WebAuthn). At the start of a flow it offers any passkey of this site and identifies the person by it; after identify, only their own. Browsers without passkey support take the &quot;unsupported&quot; outcome.</source>
        <translation>Meldet mit einem Passkey (WebAuthn) an. Am Anfang eines Ablaufs bietet er jeden Passkey dieser Seite an und erkennt die Person daran; nach der E-Mail-Adresse nur ihre eigenen. Browser ohne Passkeys nehmen den Ausgang „Nicht unterstützt“.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>No passkey</source>
        <translation>Kein Passkey</translation>
    </message>
    <message>
        <source>Not supported</source>
        <translation>Nicht unterstützt</translation>
    </message>
    <message>
        <source>Create a passkey</source>
        <translation>Passkey anlegen</translation>
    </message>
    <message>
        <source>Offers the identified person to create a passkey for this site on their device.</source>
        <translation>Bietet der erkannten Person an, auf ihrem Gerät einen Passkey für diese Seite anzulegen.</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Allow skipping</source>
        <translation>Überspringen erlauben</translation>
    </message>
    <message>
        <source>The person may continue without creating a passkey.</source>
        <translation>Die Person darf ohne Passkey weitermachen.</translation>
    </message>
    <message>
        <source>Only without a passkey</source>
        <translation>Nur ohne Passkey</translation>
    </message>
    <message>
        <source>People who already have a passkey skip this step.</source>
        <translation>Wer schon einen Passkey hat, überspringt diesen Schritt.</translation>
    </message>
    <message>
        <source>User verification</source>
        <translation>Nutzerprüfung</translation>
    </message>
    <message>
        <source>&quot;required&quot; accepts only authenticators that checked a PIN or biometric; &quot;preferred&quot; asks for it but also accepts a touch.</source>
        <translation>„required“ akzeptiert nur Authenticatoren, die eine PIN oder Biometrie geprüft haben; „preferred“ bittet darum, akzeptiert aber auch eine Berührung.</translation>
    </message>
    <message>
        <source>preferred</source>
        <translation>bevorzugt</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Home-realm discovery</source>
        <translation>Heimat-IdP-Erkennung</translation>
    </message>
    <message>
        <source>Looks up the identified email address&apos;s domain: &quot;federated&quot; when an organisation&apos;s identity provider claims it, &quot;local&quot; when a person has the address, &quot;unknown&quot; otherwise. Decides at once, without a screen; put it after identify.</source>
        <translation>Schlägt die Domain der erkannten E-Mail-Adresse nach: „federated“, wenn der Identitätsanbieter einer Organisation sie beansprucht, „local“, wenn eine Person die Adresse hat, sonst „unknown“. Entscheidet sofort, ohne Seite; gehört hinter „Identifizieren“.</translation>
    </message>
    <message>
        <source>Federated</source>
        <translation>Föderiert</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Federated sign-in</source>
        <translation>Föderierte Anmeldung</translation>
    </message>
    <message>
        <source>Sends the person to their organisation&apos;s own identity provider (OpenID Connect) and signs them in with the answer. &quot;no-account&quot; when the upstream person has no Trellis account and just-in-time provisioning is off.</source>
        <translation>Schickt die Person zum eigenen Identitätsanbieter ihrer Organisation (OpenID Connect) und meldet sie mit dessen Antwort an. „no-account“, wenn die Person dort kein Trellis-Konto hat und Just-in-time-Bereitstellung aus ist.</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Kein Konto</translation>
    </message>
    <message>
        <source>Identity provider</source>
        <translation>Identitätsanbieter</translation>
    </message>
    <message>
        <source>Id of the identity provider to use; empty: the one home-realm discovery found.</source>
        <translation>ID des zu nutzenden Identitätsanbieters; leer: der, den die Heimat-IdP-Erkennung gefunden hat.</translation>
    </message>
    <message>
        <source>Just-in-time provisioning</source>
        <translation>Just-in-time-Bereitstellung</translation>
    </message>
    <message>
        <source>An upstream person without a Trellis account becomes one, with a membership in the provider&apos;s organisation.</source>
        <translation>Eine Person ohne Trellis-Konto bekommt eines, mit einer Mitgliedschaft in der Organisation des Anbieters.</translation>
    </message>
    <message>
        <source>What to ask for: given_name, family_name, phone_number, job_title, department, locale</source>
        <translation>Was abgefragt wird: given_name, family_name, phone_number, job_title, department, locale</translation>
    </message>
</context>
<context>
    <name>ImportFile</name>
    <message>
        <source>Choose a CSV file.</source>
        <translation>Wählen Sie eine CSV-Datei.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Die Datei %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>The file is %1 KiB; an import may be at most %2 KiB. Split it into several files.</source>
        <translation>Die Datei ist %1 KiB groß; ein Import darf höchstens %2 KiB groß sein. Teilen Sie sie in mehrere Dateien auf.</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Die Datei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The file is saved as UTF-16 (&quot;Unicode text&quot;). Save it as &quot;CSV UTF-8&quot; and choose it again.</source>
        <translation>Die Datei ist als UTF-16 („Unicode-Text“) gespeichert. Speichern Sie sie als „CSV UTF-8“ und wählen Sie sie erneut.</translation>
    </message>
    <message>
        <source>This is not a text file. Choose a CSV file saved as &quot;CSV UTF-8&quot;.</source>
        <translation>Das ist keine Textdatei. Wählen Sie eine als „CSV UTF-8“ gespeicherte CSV-Datei.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (line %1 has a character in another encoding, often from saving as plain &quot;CSV&quot; in Excel). Save it as &quot;CSV UTF-8&quot; and choose it again.</source>
        <translation>Die Datei ist kein UTF-8-Text (Zeile %1 enthält ein Zeichen in einer anderen Kodierung, oft weil in Excel als einfaches „CSV“ gespeichert wurde). Speichern Sie sie als „CSV UTF-8“ und wählen Sie sie erneut.</translation>
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation>ein Feld in Anführungszeichen wird nicht geschlossen</translation>
    </message>
    <message>
        <source>there is text after a closing quote</source>
        <translation>nach einem schließenden Anführungszeichen folgt Text</translation>
    </message>
    <message>
        <source>a field has a quote in it but does not start with one (quote the whole field and double the quote)</source>
        <translation>ein Feld enthält ein Anführungszeichen, beginnt aber nicht mit einem (setzen Sie das ganze Feld in Anführungszeichen und verdoppeln Sie das Zeichen)</translation>
    </message>
    <message>
        <source>a line break is malformed</source>
        <translation>ein Zeilenumbruch ist fehlerhaft</translation>
    </message>
    <message>
        <source>The file is not valid CSV: on line %1, %2.</source>
        <translation>Die Datei ist kein gültiges CSV: In Zeile %1 %2.</translation>
    </message>
    <message>
        <source>The file has more than %1 rows; an import may have at most %1. Split it into several files.</source>
        <translation>Die Datei hat mehr als %1 Zeilen; ein Import darf höchstens %1 haben. Teilen Sie sie in mehrere Dateien auf.</translation>
    </message>
    <message>
        <source>The columns are separated by %1, not by commas. Save the file as &quot;CSV UTF-8 (comma delimited)&quot;, or replace the separators with commas.</source>
        <translation>Die Spalten sind durch %1 getrennt, nicht durch Kommas. Speichern Sie die Datei als „CSV UTF-8 (durch Trennzeichen getrennt)“ mit Kommas, oder ersetzen Sie die Trennzeichen durch Kommas.</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>Semikolons</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>Tabulatoren</translation>
    </message>
    <message>
        <source>The first row must name the columns; &quot;%1&quot; is not one of them. The columns are %2.</source>
        <translation>Die erste Zeile muss die Spalten benennen; „%1“ ist keine davon. Die Spalten heißen %2.</translation>
    </message>
    <message>
        <source>The column %1 appears twice in the first row.</source>
        <translation>Die Spalte %1 steht zweimal in der ersten Zeile.</translation>
    </message>
    <message>
        <source>The first row must name an email column (the columns are %1).</source>
        <translation>Die erste Zeile muss eine Spalte email nennen (die Spalten heißen %1).</translation>
    </message>
    <message>
        <source>The file has a header row but no people below it.</source>
        <translation>Die Datei hat eine Kopfzeile, aber darunter keine Personen.</translation>
    </message>
</context>
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
    <message>
        <source>Open &lt;section&gt; at start: orgs (the default), people, roles, flows or audit.</source>
        <translation>Beim Start &lt;bereich&gt; öffnen: orgs (Standard), people, roles, flows oder audit.</translation>
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
    <name>trellis::client::AuditExport</name>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Die Datei konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The server refused the export (status %1).</source>
        <translation>Der Server hat den Export abgelehnt (Status %1).</translation>
    </message>
    <message>
        <source>The export was interrupted: the server could not be reached.</source>
        <translation>Der Export wurde unterbrochen: Der Server war nicht erreichbar.</translation>
    </message>
</context>
<context>
    <name>trellis::client::AuditFilter</name>
    <message>
        <source>This is not an audit filter link (it should start with &quot;%1&quot;).</source>
        <translation>Das ist kein Audit-Filterlink (er sollte mit „%1“ beginnen).</translation>
    </message>
    <message>
        <source>The audit filter link is damaged (it was perhaps cut off when copied).</source>
        <translation>Der Audit-Filterlink ist beschädigt (vielleicht wurde er beim Kopieren abgeschnitten).</translation>
    </message>
    <message>
        <source>The link names an unknown time range &quot;%1&quot;.</source>
        <translation>Der Link nennt einen unbekannten Zeitraum „%1“.</translation>
    </message>
    <message>
        <source>The link&apos;s start time &quot;%1&quot; is not a valid time.</source>
        <translation>Die Startzeit „%1“ im Link ist keine gültige Zeitangabe.</translation>
    </message>
    <message>
        <source>The link&apos;s end time &quot;%1&quot; is not a valid time.</source>
        <translation>Die Endzeit „%1“ im Link ist keine gültige Zeitangabe.</translation>
    </message>
    <message>
        <source>The link names an unknown outcome &quot;%1&quot;.</source>
        <translation>Der Link nennt ein unbekanntes Ergebnis „%1“.</translation>
    </message>
    <message>
        <source>The link contains a filter this console does not know (&quot;%1&quot;).</source>
        <translation>Der Link enthält einen Filter, den diese Konsole nicht kennt („%1“).</translation>
    </message>
    <message>
        <source>The link&apos;s time range ends before it starts.</source>
        <translation>Der Zeitraum im Link endet, bevor er beginnt.</translation>
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
    <name>trellis::models</name>
    <message>
        <source>Name changed from “%1” to “%2”</source>
        <translation>Name von „%1“ in „%2“ geändert</translation>
    </message>
    <message>
        <source>Starts at “%1”</source>
        <translation>Beginnt bei „%1“</translation>
    </message>
    <message>
        <source>No longer starts at “%1”</source>
        <translation>Beginnt nicht mehr bei „%1“</translation>
    </message>
    <message>
        <source>Start moved from “%1” to “%2”</source>
        <translation>Start von „%1“ nach „%2“ verlegt</translation>
    </message>
    <message>
        <source>Step “%1” (%2) added</source>
        <translation>Schritt „%1“ (%2) hinzugefügt</translation>
    </message>
    <message>
        <source>Step “%1” (%2) removed</source>
        <translation>Schritt „%1“ (%2) entfernt</translation>
    </message>
    <message>
        <source>Step “%1” changed from %2 to %3</source>
        <translation>Schritt „%1“ von %2 in %3 geändert</translation>
    </message>
    <message>
        <source>Step “%1” caption changed from “%2” to “%3”</source>
        <translation>Beschriftung von Schritt „%1“ von „%2“ in „%3“ geändert</translation>
    </message>
    <message>
        <source>Step “%1”: setting %2 set to %3</source>
        <translation>Schritt „%1“: Einstellung %2 auf %3 gesetzt</translation>
    </message>
    <message>
        <source>Step “%1”: setting %2 removed (was %3)</source>
        <translation>Schritt „%1“: Einstellung %2 entfernt (war %3)</translation>
    </message>
    <message>
        <source>Step “%1”: setting %2 changed from %3 to %4</source>
        <translation>Schritt „%1“: Einstellung %2 von %3 in %4 geändert</translation>
    </message>
    <message>
        <source>Step “%1” moved on the canvas</source>
        <translation>Schritt „%1“ auf der Arbeitsfläche verschoben</translation>
    </message>
    <message>
        <source>“%1” → %2 now leads to “%3”</source>
        <translation>„%1“ → %2 führt jetzt zu „%3“</translation>
    </message>
    <message>
        <source>“%1” → %2 no longer leads to “%3”</source>
        <translation>„%1“ → %2 führt nicht mehr zu „%3“</translation>
    </message>
    <message>
        <source>“%1” → %2 now leads to “%3” instead of “%4”</source>
        <translation>„%1“ → %2 führt jetzt zu „%3“ statt zu „%4“</translation>
    </message>
</context>
<context>
    <name>trellis::models::AuditEventModel</name>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Verweigert</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>Client-Adresse</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>trellis::models::BulkActionModel</name>
    <message>
        <source>Not done: cancelled.</source>
        <translation>Nicht erledigt: abgebrochen.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit …</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
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
    <name>trellis::models::FlowEditor</name>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Delete step</source>
        <translation>Schritt löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n step(s)</source>
        <translation>
            <numerusform>%n Schritt löschen</numerusform>
            <numerusform>%n Schritte löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>%1 verbinden</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>%1 trennen</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>Rename step</source>
        <translation>Schritt umbenennen</translation>
    </message>
    <message>
        <source>Set start</source>
        <translation>Start festlegen</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Arrange automatically</source>
        <translation>Automatisch anordnen</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Ausrichten</translation>
    </message>
</context>
<context>
    <name>trellis::models::ImportRowsModel</name>
    <message>
        <source>E-mail (email)</source>
        <translation>E-Mail (email)</translation>
    </message>
    <message>
        <source>Name (displayName)</source>
        <translation>Name (displayName)</translation>
    </message>
    <message>
        <source>Title (title)</source>
        <translation>Position (title)</translation>
    </message>
    <message>
        <source>Roles (roles)</source>
        <translation>Rollen (roles)</translation>
    </message>
    <message>
        <source>End of membership (expiresAt)</source>
        <translation>Ende der Mitgliedschaft (expiresAt)</translation>
    </message>
    <message>
        <source>Mode (mode)</source>
        <translation>Modus (mode)</translation>
    </message>
    <message>
        <source>This row has %1 fields; the first row names %2 columns. Check for a missing or extra comma.</source>
        <translation>Diese Zeile hat %1 Felder; die erste Zeile nennt %2 Spalten. Prüfen Sie, ob ein Komma fehlt oder zu viel ist.</translation>
    </message>
    <message>
        <source>This row has a different number of fields than the first row.</source>
        <translation>Diese Zeile hat eine andere Anzahl Felder als die erste Zeile.</translation>
    </message>
    <message>
        <source>%1: missing.</source>
        <translation>%1: fehlt.</translation>
    </message>
    <message>
        <source>%1: needed to create a new person&apos;s account.</source>
        <translation>%1: nötig, um das Konto einer neuen Person anzulegen.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an address like name@example.com.</source>
        <translation>%1: „%2“ ist keine Adresse wie name@example.com.</translation>
    </message>
    <message>
        <source>%1: the same address is already on line %2 of the file.</source>
        <translation>%1: Dieselbe Adresse steht schon in Zeile %2 der Datei.</translation>
    </message>
    <message>
        <source>%1: the same address appears earlier in the file.</source>
        <translation>%1: Dieselbe Adresse steht weiter oben in der Datei.</translation>
    </message>
    <message>
        <source>%1: must be create or invite (or empty).</source>
        <translation>%1: muss create oder invite sein (oder leer).</translation>
    </message>
    <message>
        <source>%1: at most 200 characters.</source>
        <translation>%1: höchstens 200 Zeichen.</translation>
    </message>
    <message>
        <source>%1: may not contain line breaks or control characters.</source>
        <translation>%1: darf keine Zeilenumbrüche oder Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>%1: the date has passed; it must lie in the future.</source>
        <translation>%1: Das Datum ist vorbei; es muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a date and time like 2027-03-31T00:00:00Z.</source>
        <translation>%1: „%2“ ist kein Zeitpunkt wie 2027-03-31T00:00:00Z.</translation>
    </message>
    <message>
        <source>%1: you may not create accounts at this organisation (that needs user management); use invite.</source>
        <translation>%1: Sie dürfen in dieser Organisation keine Konten anlegen (dafür braucht es die Benutzerverwaltung); verwenden Sie invite.</translation>
    </message>
    <message>
        <source>%1: you may not invite people to this organisation.</source>
        <translation>%1: Sie dürfen in diese Organisation niemanden einladen.</translation>
    </message>
    <message>
        <source>%1: a role in this row cannot be used at this organisation.</source>
        <translation>%1: Eine Rolle in dieser Zeile kann in dieser Organisation nicht verwendet werden.</translation>
    </message>
    <message>
        <source>%1: there is no role &quot;%2&quot; that can be used at this organisation.</source>
        <translation>%1: Es gibt keine Rolle „%2“, die in dieser Organisation verwendet werden kann.</translation>
    </message>
    <message>
        <source>%1: you may not give roles at this organisation.</source>
        <translation>%1: Sie dürfen in dieser Organisation keine Rollen vergeben.</translation>
    </message>
    <message>
        <source>%1: you may not give the role &quot;%2&quot;; it carries permissions you do not hold here.</source>
        <translation>%1: Sie dürfen die Rolle „%2“ nicht vergeben; sie enthält Berechtigungen, die Sie hier nicht haben.</translation>
    </message>
    <message>
        <source>%1: you may not give one of these roles here.</source>
        <translation>%1: Eine dieser Rollen dürfen Sie hier nicht vergeben.</translation>
    </message>
    <message>
        <source>Already an active member of this organisation.</source>
        <translation>Bereits aktives Mitglied dieser Organisation.</translation>
    </message>
    <message>
        <source>An invitation for this address is already waiting to be accepted here.</source>
        <translation>Für diese Adresse wartet hier schon eine Einladung auf Annahme.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Would create</source>
        <translation>Würde angelegt</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Would invite</source>
        <translation>Würde eingeladen</translation>
    </message>
    <message>
        <source>Membership added</source>
        <translation>Mitgliedschaft hinzugefügt</translation>
    </message>
    <message>
        <source>Would add membership</source>
        <translation>Würde Mitgliedschaft erhalten</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert …</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Nicht importiert</translation>
    </message>
    <message>
        <source>Skipped (error)</source>
        <translation>Übersprungen (Fehler)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Send them the invitation link.</source>
        <translation>Schicken Sie der Person den Einladungslink.</translation>
    </message>
    <message>
        <source>Send them the link to choose a password.</source>
        <translation>Schicken Sie der Person den Link zum Festlegen eines Passworts.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Link (shown only now)</source>
        <translation>Link (nur jetzt sichtbar)</translation>
    </message>
</context>
<context>
    <name>trellis::models::ImportSession</name>
    <message>
        <source>The server counted the rows differently (%1 instead of %2); nothing was imported.</source>
        <translation>Der Server hat die Zeilen anders gezählt (%1 statt %2); nichts wurde importiert.</translation>
    </message>
    <message>
        <source>Not written: another row of the same part had an error.</source>
        <translation>Nicht geschrieben: Eine andere Zeile desselben Teils hatte einen Fehler.</translation>
    </message>
    <message>
        <source>Some rows were no longer valid when they were sent (see below), so that part was not imported and the import stopped. Check the file and import the rest again.</source>
        <translation>Einige Zeilen waren beim Senden nicht mehr gültig (siehe unten); dieser Teil wurde daher nicht importiert, und der Import wurde beendet. Prüfen Sie die Datei und importieren Sie den Rest erneut.</translation>
    </message>
    <message>
        <source>The server answered for a different number of rows.</source>
        <translation>Der Server hat für eine andere Anzahl Zeilen geantwortet.</translation>
    </message>
    <message>
        <source>No answer arrived: this row may or may not have been imported. Check the People list before importing it again.</source>
        <translation>Keine Antwort erhalten: Diese Zeile wurde vielleicht importiert, vielleicht nicht. Prüfen Sie die Personenliste, bevor Sie sie erneut importieren.</translation>
    </message>
    <message>
        <source>Not written: the server refused this part (%1).</source>
        <translation>Nicht geschrieben: Der Server hat diesen Teil abgelehnt (%1).</translation>
    </message>
    <message>
        <source>Not sent: the import stopped before this row.</source>
        <translation>Nicht gesendet: Der Import endete vor dieser Zeile.</translation>
    </message>
    <message>
        <source>With the mode filled in for every row, the file would be larger than %1 KiB. Split it into several files.</source>
        <translation>Mit dem in jeder Zeile ergänzten Modus wäre die Datei größer als %1 KiB. Teilen Sie sie in mehrere Dateien auf.</translation>
    </message>
</context>
<context>
    <name>trellis::models::InvitationListModel</name>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
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
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
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
    <message>
        <source>Ended (end date passed)</source>
        <translation>Beendet (Enddatum überschritten)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
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
    <message>
        <source>%1 (suspended)</source>
        <translation>%1 (gesperrt)</translation>
    </message>
    <message>
        <source>%1 (offboarded)</source>
        <translation>%1 (ausgegliedert)</translation>
    </message>
</context>
<context>
    <name>trellis::models::ReviewItemsModel</name>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Member (%1)</source>
        <translation>Mitglied (%1)</translation>
    </message>
    <message>
        <source>%1 (admin rights)</source>
        <translation>%1 (Administrationsrechte)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Never signed in</source>
        <translation>Nie angemeldet</translation>
    </message>
    <message>
        <source>Inactive 90+ days</source>
        <translation>Inaktiv seit 90+ Tagen</translation>
    </message>
    <message>
        <source>Ends within 30 days</source>
        <translation>Endet innerhalb von 30 Tagen</translation>
    </message>
    <message>
        <source>%1 (due %2)</source>
        <translation>%1 (fällig am %2)</translation>
    </message>
    <message>
        <source>Has never signed in.</source>
        <translation>Hat sich nie angemeldet.</translation>
    </message>
    <message>
        <source>Last signed in on %1.</source>
        <translation>Zuletzt angemeldet am %1.</translation>
    </message>
    <message>
        <source>Ends on %1.</source>
        <translation>Endet am %1.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Vergeben</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
</context>
<context>
    <name>trellis::ui::AccessReviewDialog</name>
    <message>
        <source>New access review</source>
        <translation>Neue Zugriffsprüfung</translation>
    </message>
    <message>
        <source>The campaign lists who holds what in the organisation and everything below it, as it is now. The admins of each organisation review their people; nobody reviews their own access.</source>
        <translation>Die Kampagne listet auf, wer in der Organisation und allem darunter derzeit welchen Zugriff hat. Die Admins jeder Organisation prüfen ihre Personen; niemand prüft den eigenen Zugriff.</translation>
    </message>
    <message>
        <source>Campaign name</source>
        <translation>Name der Kampagne</translation>
    </message>
    <message>
        <source>e.g. Partner admins, Q1</source>
        <translation>z. B. Partner-Admins, Q1</translation>
    </message>
    <message>
        <source>Organisation to review</source>
        <translation>Zu prüfende Organisation</translation>
    </message>
    <message>
        <source>Type to find an organisation</source>
        <translation>Tippen, um eine Organisation zu finden</translation>
    </message>
    <message>
        <source>&amp;Role assignments</source>
        <translation>&amp;Rollenzuweisungen</translation>
    </message>
    <message>
        <source>&amp;Memberships</source>
        <translation>&amp;Mitgliedschaften</translation>
    </message>
    <message>
        <source>&amp;Admin rights only (roles that allow something)</source>
        <translation>Nur &amp;Administrationsrechte (Rollen, die etwas erlauben)</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Undecided items at the due date</source>
        <translation>Unentschiedene Einträge am Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Escalate to the next admin up</source>
        <translation>An den nächsthöheren Admin eskalieren</translation>
    </message>
    <message>
        <source>Revoke the access</source>
        <translation>Zugriff entziehen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Review:</source>
        <translation>Zu prüfen:</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>&amp;Fällig am:</translation>
    </message>
    <message>
        <source>At the due &amp;date:</source>
        <translation>Am Fälligkeits&amp;datum:</translation>
    </message>
    <message>
        <source>Start campaign</source>
        <translation>Kampagne starten</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>Geben Sie der Kampagne einen Namen.</translation>
    </message>
    <message>
        <source>Choose the organisation to review.</source>
        <translation>Wählen Sie die zu prüfende Organisation.</translation>
    </message>
    <message>
        <source>Choose at least one kind of access to review.</source>
        <translation>Wählen Sie mindestens eine Zugriffsart, die geprüft werden soll.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::AuditDetailsPane</name>
    <message>
        <source>Event details</source>
        <translation>Ereignisdetails</translation>
    </message>
    <message>
        <source>Pick an event to see its details.</source>
        <translation>Wählen Sie ein Ereignis, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Changes (before and after)</source>
        <translation>Änderungen (vorher und nachher)</translation>
    </message>
    <message>
        <source>Delegation chain</source>
        <translation>Delegationskette</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>An&amp;frage</translation>
    </message>
    <message>
        <source>Show every event of the same request</source>
        <translation>Alle Ereignisse derselben Anfrage anzeigen</translation>
    </message>
    <message>
        <source>A&amp;ctor</source>
        <translation>Ak&amp;teur</translation>
    </message>
    <message>
        <source>Show what the same actor did in this time range</source>
        <translation>Anzeigen, was derselbe Akteur in diesem Zeitraum getan hat</translation>
    </message>
    <message>
        <source>Tar&amp;get</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <source>Show everything that happened to the same target in this time range</source>
        <translation>Alles anzeigen, was in diesem Zeitraum mit demselben Ziel geschehen ist</translation>
    </message>
    <message>
        <source>Show the same:</source>
        <translation>Gleiche anzeigen:</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Allowed by</source>
        <translation>Erlaubt durch</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Technische Details</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Actor:</source>
        <translation>Akteur:</translation>
    </message>
    <message>
        <source>Acting for:</source>
        <translation>Handelt für:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Target type:</source>
        <translation>Zieltyp:</translation>
    </message>
    <message>
        <source>Time (UTC):</source>
        <translation>Zeit (UTC):</translation>
    </message>
    <message>
        <source>Actor id:</source>
        <translation>Akteur-ID:</translation>
    </message>
    <message>
        <source>Acting for organisation:</source>
        <translation>Handelt für Organisation:</translation>
    </message>
    <message>
        <source>Role assignment:</source>
        <translation>Rollenzuweisung:</translation>
    </message>
    <message>
        <source>Target id:</source>
        <translation>Ziel-ID:</translation>
    </message>
    <message>
        <source>Target organisation path:</source>
        <translation>Organisationspfad des Ziels:</translation>
    </message>
    <message>
        <source>Client address:</source>
        <translation>Client-Adresse:</translation>
    </message>
    <message>
        <source>User agent:</source>
        <translation>User-Agent:</translation>
    </message>
    <message>
        <source>Request id:</source>
        <translation>Anfrage-ID:</translation>
    </message>
    <message>
        <source>Sequence:</source>
        <translation>Sequenznummer:</translation>
    </message>
    <message>
        <source>Event id:</source>
        <translation>Ereignis-ID:</translation>
    </message>
    <message>
        <source>Hash:</source>
        <translation>Hash:</translation>
    </message>
    <message>
        <source>Previous hash:</source>
        <translation>Vorheriger Hash:</translation>
    </message>
    <message>
        <source>(value)</source>
        <translation>(Wert)</translation>
    </message>
    <message>
        <source>added %1: %2</source>
        <translation>%1 hinzugefügt: %2</translation>
    </message>
    <message>
        <source>removed %1: %2</source>
        <translation>%1 entfernt: %2</translation>
    </message>
    <message>
        <source>changed %1: %2 → %3</source>
        <translation>%1 geändert: %2 → %3</translation>
    </message>
    <message>
        <source>No recorded changes.</source>
        <translation>Keine Änderungen aufgezeichnet.</translation>
    </message>
    <message>
        <source>The system itself (no role assignment).</source>
        <translation>Das System selbst (keine Rollenzuweisung).</translation>
    </message>
    <message>
        <source>No role assignment was needed or recorded for this event.</source>
        <translation>Für dieses Ereignis war keine Rollenzuweisung nötig oder aufgezeichnet.</translation>
    </message>
    <message>
        <source>Loading who granted this…</source>
        <translation>Wird geladen, wer dies vergeben hat …</translation>
    </message>
    <message>
        <source>The delegation chain could not be loaded: %1</source>
        <translation>Die Delegationskette konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The role assignment no longer exists.</source>
        <translation>Die Rollenzuweisung gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>%1 held the role %2 at %3</source>
        <translation>%1 hatte die Rolle %2 bei %3</translation>
    </message>
    <message>
        <source>, granted by %1 on %2</source>
        <translation>, vergeben von %1 am %2</translation>
    </message>
    <message>
        <source>, since %1</source>
        <translation>, seit %1</translation>
    </message>
    <message>
        <source> (revoked %1)</source>
        <translation> (entzogen am %1)</translation>
    </message>
</context>
<context>
    <name>trellis::ui::AuditFilterBar</name>
    <message>
        <source>Audit filter</source>
        <translation>Audit-Filter</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>From (inclusive)</source>
        <translation>Von (einschließlich)</translation>
    </message>
    <message>
        <source>To (exclusive)</source>
        <translation>Bis (ausschließlich)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Actor e-mail or id</source>
        <translation>E-Mail oder ID des Akteurs</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Any organisation</source>
        <translation>Alle Organisationen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Show every organisation you may see</source>
        <translation>Alle Organisationen anzeigen, die Sie sehen dürfen</translation>
    </message>
    <message>
        <source>Action groups</source>
        <translation>Aktionsgruppen</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Verweigert</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Outcome %1</source>
        <translation>Ergebnis %1</translation>
    </message>
    <message>
        <source>None ticked: every outcome</source>
        <translation>Keines angehakt: alle Ergebnisse</translation>
    </message>
    <message>
        <source>Search the audit trail</source>
        <translation>Audit-Protokoll durchsuchen</translation>
    </message>
    <message>
        <source>Search actor, target, action, reason, address… (Ctrl+F)</source>
        <translation>Akteur, Ziel, Aktion, Grund, Adresse … suchen (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>Zeit&amp;raum:</translation>
    </message>
    <message>
        <source>A&amp;ctor:</source>
        <translation>&amp;Akteur:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Action &amp;groups:</source>
        <translation>Aktions&amp;gruppen:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n Gruppe</numerusform>
            <numerusform>%n Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>Jede Aktion</translation>
    </message>
</context>
<context>
    <name>trellis::ui::AuditPage</name>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Gespeicherte Suchen</translation>
    </message>
    <message>
        <source>Sa&amp;ve search…</source>
        <translation>Suche speic&amp;hern …</translation>
    </message>
    <message>
        <source>Save this search</source>
        <translation>Diese Suche speichern</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Suche speichern</translation>
    </message>
    <message>
        <source>Name of this search:</source>
        <translation>Name dieser Suche:</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Forget the chosen saved search</source>
        <translation>Die gewählte gespeicherte Suche entfernen</translation>
    </message>
    <message>
        <source>Forget the saved search chosen on the left</source>
        <translation>Die links gewählte gespeicherte Suche entfernen</translation>
    </message>
    <message>
        <source>Cop&amp;y link</source>
        <translation>Link &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy a link to this filter</source>
        <translation>Einen Link zu diesem Filter kopieren</translation>
    </message>
    <message>
        <source>Copy this filter as text to share it with a colleague</source>
        <translation>Diesen Filter als Text kopieren, um ihn mit Kollegen zu teilen</translation>
    </message>
    <message>
        <source>&amp;Paste link</source>
        <translation>Link e&amp;infügen</translation>
    </message>
    <message>
        <source>Apply a filter link from the clipboard</source>
        <translation>Einen Filterlink aus der Zwischenablage anwenden</translation>
    </message>
    <message>
        <source>Apply a filter someone shared with you (copy their link first)</source>
        <translation>Einen Filter anwenden, den jemand mit Ihnen geteilt hat (kopieren Sie zuerst den Link)</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <source>Live tail</source>
        <translation>Live-Ansicht</translation>
    </message>
    <message>
        <source>Show new events at the top as they happen (checks every 2 seconds)</source>
        <translation>Neue Ereignisse sofort oben anzeigen (prüft alle 2 Sekunden)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Export the filtered events</source>
        <translation>Die gefilterten Ereignisse exportieren</translation>
    </message>
    <message>
        <source>Save the filtered events as CSV or NDJSON (%1)</source>
        <translation>Die gefilterten Ereignisse als CSV oder NDJSON speichern (%1)</translation>
    </message>
    <message>
        <source>Ve&amp;rify integrity</source>
        <translation>Integrität &amp;prüfen</translation>
    </message>
    <message>
        <source>Verify the integrity of the audit log</source>
        <translation>Die Integrität des Audit-Protokolls prüfen</translation>
    </message>
    <message>
        <source>Check that no event was changed, removed or reordered after it was written</source>
        <translation>Prüfen, dass kein Ereignis nach dem Schreiben geändert, entfernt oder umsortiert wurde</translation>
    </message>
    <message>
        <source>Sa&amp;ved:</source>
        <translation>Gespei&amp;chert:</translation>
    </message>
    <message>
        <source>Integrity check result</source>
        <translation>Ergebnis der Integritätsprüfung</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Audit-Ereignisse</translation>
    </message>
    <message>
        <source>Audit status</source>
        <translation>Audit-Status</translation>
    </message>
    <message>
        <source>Connect to a server to see its audit trail.</source>
        <translation>Verbinden Sie sich mit einem Server, um sein Audit-Protokoll zu sehen.</translation>
    </message>
    <message>
        <source>No events match this filter.</source>
        <translation>Keine Ereignisse passen zu diesem Filter.</translation>
    </message>
    <message>
        <source>Events: %L1.</source>
        <translation>Ereignisse: %L1.</translation>
    </message>
    <message>
        <source>Events loaded: %L1 of %L2; scroll down for more.</source>
        <translation>Geladene Ereignisse: %L1 von %L2; für weitere nach unten scrollen.</translation>
    </message>
    <message>
        <source>Events loaded: %L1; scroll down for more.</source>
        <translation>Geladene Ereignisse: %L1; für weitere nach unten scrollen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>The link to this filter is on the clipboard. Whoever pastes it sees only the events they may see.</source>
        <translation>Der Link zu diesem Filter ist in der Zwischenablage. Wer ihn einfügt, sieht nur die Ereignisse, die er sehen darf.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (*.csv)</source>
        <translation>CSV für Tabellenkalkulationen (*.csv)</translation>
    </message>
    <message>
        <source>NDJSON, verifiable with trellisd audit verify (*.ndjson)</source>
        <translation>NDJSON, prüfbar mit trellisd audit verify (*.ndjson)</translation>
    </message>
    <message>
        <source>Export audit events</source>
        <translation>Audit-Ereignisse exportieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Wird nach %1 exportiert …</translation>
    </message>
    <message>
        <source>%L1 events written (%2)…</source>
        <translation>%L1 Ereignisse geschrieben (%2) …</translation>
    </message>
    <message>
        <source>Exported to %1 (events: %L2).</source>
        <translation>Nach %1 exportiert (Ereignisse: %L2).</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Checking every event of the audit log…</source>
        <translation>Jedes Ereignis des Audit-Protokolls wird geprüft …</translation>
    </message>
    <message>
        <source>The integrity check could not run: %1</source>
        <translation>Die Integritätsprüfung konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>All %L1 events are intact (events %2 to %3): none was changed, removed or reordered after it was written.</source>
        <translation>Alle %L1 Ereignisse sind intakt (Ereignisse %2 bis %3): Keines wurde nach dem Schreiben geändert, entfernt oder umsortiert.</translation>
    </message>
    <message>
        <source>Event %1 was changed, removed or reordered after it was written. The audit log from there on cannot be trusted.</source>
        <translation>Ereignis %1 wurde nach dem Schreiben geändert, entfernt oder umsortiert. Dem Audit-Protokoll kann ab dieser Stelle nicht vertraut werden.</translation>
    </message>
    <message>
        <source>The audit log is not intact.</source>
        <translation>Das Audit-Protokoll ist nicht intakt.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>Older events were removed under the retention policy; the check starts from the signed anchor at event %1.</source>
        <translation>Ältere Ereignisse wurden gemäß der Aufbewahrungsrichtlinie entfernt; die Prüfung beginnt beim signierten Anker bei Ereignis %1.</translation>
    </message>
    <message>
        <source>The last signed checkpoint (event %1, signed %2) is genuine.</source>
        <translation>Der letzte signierte Prüfpunkt (Ereignis %1, signiert am %2) ist echt.</translation>
    </message>
    <message>
        <source>The last checkpoint (event %1) does NOT carry a valid signature.</source>
        <translation>Der letzte Prüfpunkt (Ereignis %1) trägt KEINE gültige Signatur.</translation>
    </message>
    <message>
        <source>No signed checkpoint yet.</source>
        <translation>Noch kein signierter Prüfpunkt.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::AuditTimelineChart</name>
    <message>
        <source>Timeline of events by outcome</source>
        <translation>Zeitverlauf der Ereignisse nach Ergebnis</translation>
    </message>
    <message>
        <source>Timeline chart; click a bar to show only that time</source>
        <translation>Zeitverlaufsdiagramm; klicken Sie auf einen Balken, um nur diesen Zeitabschnitt anzuzeigen</translation>
    </message>
    <message>
        <source>Click a bar, or pick one with the arrow keys and press Enter, to show only that time</source>
        <translation>Klicken Sie auf einen Balken oder wählen Sie einen mit den Pfeiltasten und drücken Sie die Eingabetaste, um nur diesen Zeitabschnitt anzuzeigen</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Verweigert</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>No events in this range.</source>
        <translation>Keine Ereignisse in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>%1: %2 success, %3 denied, %4 failure</source>
        <translation>%1: %2 erfolgreich, %3 verweigert, %4 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>trellis::ui::BulkActionPanel</name>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>&amp;Copy result</source>
        <translation>Ergebnis &amp;kopieren</translation>
    </message>
    <message>
        <source>%1: %2 of %3 done…</source>
        <translation>%1: %2 von %3 erledigt …</translation>
    </message>
    <message>
        <source>%1: %2 of %3 done.</source>
        <translation>%1: %2 von %3 erledigt.</translation>
    </message>
    <message>
        <source>%1: done for %2, not done for %3 (see why below).</source>
        <translation>%1: für %2 erledigt, für %3 nicht erledigt (Gründe siehe unten).</translation>
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
    <name>trellis::ui::FlowBindingsPanel</name>
    <message>
        <source>Journeys bound here</source>
        <translation>Hier zugewiesene Abläufe</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>&amp;Remove binding</source>
        <translation>Zuweisung &amp;entfernen</translation>
    </message>
    <message>
        <source>Journeys that apply here</source>
        <translation>Hier geltende Abläufe</translation>
    </message>
    <message>
        <source>Bound at</source>
        <translation>Zugewiesen bei</translation>
    </message>
    <message>
        <source>Application to bind the journey for</source>
        <translation>Anwendung, für die der Ablauf gilt</translation>
    </message>
    <message>
        <source>&amp;Bind this journey</source>
        <translation>Diesen Ablauf &amp;zuweisen</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Für:</translation>
    </message>
    <message>
        <source>What sign-ins here use (including bindings made above):</source>
        <translation>Was Anmeldungen hier verwenden (einschließlich Zuweisungen weiter oben):</translation>
    </message>
    <message>
        <source>Pick an organisation.</source>
        <translation>Wählen Sie eine Organisation.</translation>
    </message>
    <message>
        <source>Journeys bound at %1:</source>
        <translation>Bei %1 zugewiesene Abläufe:</translation>
    </message>
    <message>
        <source>&amp;Bind “%1”</source>
        <translation>„%1“ &amp;zuweisen</translation>
    </message>
    <message>
        <source>All applications</source>
        <translation>Alle Anwendungen</translation>
    </message>
    <message>
        <source>The bindings could not be loaded: %1</source>
        <translation>Die Zuweisungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The built-in sign-in</source>
        <translation>Die eingebaute Anmeldung</translation>
    </message>
    <message>
        <source>Publish the journey first: only a published journey can be bound.</source>
        <translation>Veröffentlichen Sie den Ablauf zuerst: Nur veröffentlichte Abläufe können zugewiesen werden.</translation>
    </message>
    <message>
        <source>The journey could not be bound: %1</source>
        <translation>Der Ablauf konnte nicht zugewiesen werden: %1</translation>
    </message>
    <message>
        <source>Remove binding</source>
        <translation>Zuweisung entfernen</translation>
    </message>
    <message>
        <source>Sign-ins here will use the journey that applies above, or the built-in one. Remove the binding?</source>
        <translation>Anmeldungen hier verwenden dann den Ablauf, der weiter oben gilt, oder den eingebauten. Zuweisung entfernen?</translation>
    </message>
    <message>
        <source>The binding could not be removed: %1</source>
        <translation>Die Zuweisung konnte nicht entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>trellis::ui::FlowDesigner</name>
    <message>
        <source>Problems in this journey</source>
        <translation>Probleme in diesem Ablauf</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Journey editing</source>
        <translation>Ablauf bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Co&amp;nnect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Wire the selected step&apos;s next open exit to another step (%1)</source>
        <translation>Den nächsten offenen Ausgang des gewählten Schritts mit einem anderen Schritt verbinden (%1)</translation>
    </message>
    <message>
        <source>Align &amp;left</source>
        <translation>&amp;Links ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;top</source>
        <translation>&amp;Oben ausrichten</translation>
    </message>
    <message>
        <source>Distribute &amp;horizontally</source>
        <translation>&amp;Waagerecht verteilen</translation>
    </message>
    <message>
        <source>Distribute &amp;vertically</source>
        <translation>&amp;Senkrecht verteilen</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>&amp;Anordnen</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Ausrichten</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>No problems: the journey can be published.</source>
        <translation>Keine Probleme: Der Ablauf kann veröffentlicht werden.</translation>
    </message>
    <message>
        <source>Exit “%1” leads to</source>
        <translation>Ausgang „%1“ führt zu</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
</context>
<context>
    <name>trellis::ui::FlowInspector</name>
    <message>
        <source>Step details</source>
        <translation>Schritt-Details</translation>
    </message>
    <message>
        <source>Select a step on the canvas to see and change its settings.</source>
        <translation>Wählen Sie einen Schritt auf der Arbeitsfläche, um seine Einstellungen zu sehen und zu ändern.</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>Shown on the canvas instead of the type</source>
        <translation>Wird auf der Arbeitsfläche statt des Typs angezeigt</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>Hier beginnen</translation>
    </message>
    <message>
        <source>Make this step the first one of the journey</source>
        <translation>Diesen Schritt zum ersten des Ablaufs machen</translation>
    </message>
    <message>
        <source>&amp;Caption:</source>
        <translation>&amp;Beschriftung:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>Ausgänge</translation>
    </message>
    <message>
        <source>This step type is unknown.</source>
        <translation>Dieser Schritttyp ist unbekannt.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Values separated by commas</source>
        <translation>Werte durch Kommas getrennt</translation>
    </message>
    <message>
        <source> (required):</source>
        <translation> (Pflicht):</translation>
    </message>
    <message>
        <source>Exit “%1” leads to</source>
        <translation>Ausgang „%1“ führt zu</translation>
    </message>
    <message>
        <source>The journey starts here</source>
        <translation>Der Ablauf beginnt hier</translation>
    </message>
    <message>
        <source>(leads nowhere yet)</source>
        <translation>(führt noch nirgendwohin)</translation>
    </message>
</context>
<context>
    <name>trellis::ui::FlowNodeItem</name>
    <message>
        <source>Signs in</source>
        <translation>Meldet an</translation>
    </message>
    <message>
        <source>Ends the sign-in</source>
        <translation>Beendet die Anmeldung</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>trellis::ui::FlowPalette</name>
    <message>
        <source>Search steps</source>
        <translation>Schritte suchen</translation>
    </message>
    <message>
        <source>Search steps…</source>
        <translation>Schritte suchen…</translation>
    </message>
    <message>
        <source>Steps you can add</source>
        <translation>Schritte, die Sie hinzufügen können</translation>
    </message>
    <message>
        <source>Drag a step onto the canvas, or press Enter to add it in the middle of the canvas.</source>
        <translation>Ziehen Sie einen Schritt auf die Arbeitsfläche oder drücken Sie die Eingabetaste, um ihn in der Mitte einzufügen.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::FlowProblemText</name>
    <message>
        <source>Required: choose a value.</source>
        <translation>Pflichtfeld: Wählen Sie einen Wert.</translation>
    </message>
    <message>
        <source>This value has the wrong kind.</source>
        <translation>Dieser Wert hat die falsche Art.</translation>
    </message>
    <message>
        <source>This value is not one of the choices.</source>
        <translation>Dieser Wert gehört nicht zur Auswahl.</translation>
    </message>
    <message>
        <source>This value is out of range: %1</source>
        <translation>Dieser Wert liegt außerhalb des erlaubten Bereichs: %1</translation>
    </message>
    <message>
        <source>This setting is unknown to the step type.</source>
        <translation>Diese Einstellung kennt der Schritttyp nicht.</translation>
    </message>
    <message>
        <source>The journey has no start step. Select a step and choose “Start here”.</source>
        <translation>Der Ablauf hat keinen ersten Schritt. Wählen Sie einen Schritt und dann „Hier beginnen“.</translation>
    </message>
    <message>
        <source>The start step does not exist any more.</source>
        <translation>Den ersten Schritt gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Step “%1” has a type this server does not know.</source>
        <translation>Schritt „%1“ hat einen Typ, den dieser Server nicht kennt.</translation>
    </message>
    <message>
        <source>Step “%1”: the setting “%2” needs a value.</source>
        <translation>Schritt „%1“: Die Einstellung „%2“ braucht einen Wert.</translation>
    </message>
    <message>
        <source>Step “%1”: the setting “%2” is unknown.</source>
        <translation>Schritt „%1“: Die Einstellung „%2“ ist unbekannt.</translation>
    </message>
    <message>
        <source>Step “%1”: the setting “%2” is not valid.</source>
        <translation>Schritt „%1“: Die Einstellung „%2“ ist ungültig.</translation>
    </message>
    <message>
        <source>Step “%1” has an exit “%2” its type does not have.</source>
        <translation>Schritt „%1“ hat einen Ausgang „%2“, den sein Typ nicht hat.</translation>
    </message>
    <message>
        <source>Step “%1”: the exit “%2” leads nowhere yet.</source>
        <translation>Schritt „%1“: Der Ausgang „%2“ führt noch nirgendwohin.</translation>
    </message>
    <message>
        <source>Step “%1”: the exit “%2” leads to a step that does not exist.</source>
        <translation>Schritt „%1“: Der Ausgang „%2“ führt zu einem Schritt, den es nicht gibt.</translation>
    </message>
    <message>
        <source>Step “%1” can never be reached from the start.</source>
        <translation>Schritt „%1“ ist vom Start aus nie erreichbar.</translation>
    </message>
    <message>
        <source>No way through the journey ends in success.</source>
        <translation>Kein Weg durch den Ablauf endet mit Erfolg.</translation>
    </message>
    <message>
        <source>Step “%1” is part of a loop that never shows a page: sign-ins would go round forever.</source>
        <translation>Schritt „%1“ liegt in einer Schleife ohne Seite: Anmeldungen würden endlos kreisen.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::FlowSimulatorPanel</name>
    <message>
        <source>Has an account</source>
        <translation>Hat ein Konto</translation>
    </message>
    <message>
        <source>Has a password</source>
        <translation>Hat ein Passwort</translation>
    </message>
    <message>
        <source>Types it correctly</source>
        <translation>Gibt es richtig ein</translation>
    </message>
    <message>
        <source>Types it wrong</source>
        <translation>Gibt es falsch ein</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>Konto gesperrt</translation>
    </message>
    <message>
        <source>Has an authenticator app</source>
        <translation>Hat eine Authenticator-App</translation>
    </message>
    <message>
        <source>Correct code</source>
        <translation>Richtiger Code</translation>
    </message>
    <message>
        <source>Wrong code</source>
        <translation>Falscher Code</translation>
    </message>
    <message>
        <source>No passkey</source>
        <translation>Kein Passkey</translation>
    </message>
    <message>
        <source>Passkey works</source>
        <translation>Passkey funktioniert</translation>
    </message>
    <message>
        <source>Passkey fails</source>
        <translation>Passkey schlägt fehl</translation>
    </message>
    <message>
        <source>Browser without passkeys</source>
        <translation>Browser ohne Passkeys</translation>
    </message>
    <message>
        <source>Clicks the link</source>
        <translation>Klickt auf den Link</translation>
    </message>
    <message>
        <source>Link expired</source>
        <translation>Link abgelaufen</translation>
    </message>
    <message>
        <source>Known device</source>
        <translation>Bekanntes Gerät</translation>
    </message>
    <message>
        <source>New device</source>
        <translation>Neues Gerät</translation>
    </message>
    <message>
        <source>As computed</source>
        <translation>Wie berechnet</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>&amp;Run simulation</source>
        <translation>Simulation &amp;starten</translation>
    </message>
    <message>
        <source>Simulated steps</source>
        <translation>Simulierte Schritte</translation>
    </message>
    <message>
        <source>Page and facts at the step</source>
        <translation>Seite und Tatsachen beim Schritt</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Authenticator:</source>
        <translation>&amp;Authenticator:</translation>
    </message>
    <message>
        <source>Pass&amp;key:</source>
        <translation>Pass&amp;key:</translation>
    </message>
    <message>
        <source>Email &amp;link:</source>
        <translation>E-Mail-&amp;Link:</translation>
    </message>
    <message>
        <source>Email &amp;code:</source>
        <translation>E-Mail-&amp;Code:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>La&amp;nd:</translation>
    </message>
    <message>
        <source>&amp;Hour:</source>
        <translation>&amp;Uhrzeit (Stunde):</translation>
    </message>
    <message>
        <source>&amp;Risk:</source>
        <translation>&amp;Risiko:</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>Wird simuliert…</translation>
    </message>
    <message>
        <source>The simulation could not run: %1</source>
        <translation>Die Simulation konnte nicht laufen: %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Stopped: waiting for an answer.</source>
        <translation>Angehalten: wartet auf eine Antwort.</translation>
    </message>
    <message>
        <source>%1. %2 → %3</source>
        <translation>%1. %2 → %3</translation>
    </message>
    <message>
        <source>(end)</source>
        <translation>(Ende)</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
    <message>
        <source>Leaves by “%1”.</source>
        <translation>Verlässt den Schritt über „%1“.</translation>
    </message>
    <message>
        <source>Page shown:</source>
        <translation>Angezeigte Seite:</translation>
    </message>
    <message>
        <source>Facts known:</source>
        <translation>Bekannte Tatsachen:</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Ereignisse:</translation>
    </message>
    <message>
        <source>The address the sign-in comes from, for the risk assessment&apos;s allow and deny lists and country table</source>
        <translation>Die Adresse, von der die Anmeldung kommt – für die Erlaubt- und Sperrlisten und die Ländertabelle der Risikobewertung</translation>
    </message>
    <message>
        <source>Any application</source>
        <translation>Beliebige Anwendung</translation>
    </message>
    <message>
        <source>Addre&amp;ss:</source>
        <translation>A&amp;dresse:</translation>
    </message>
    <message>
        <source>Appl&amp;ication:</source>
        <translation>An&amp;wendung:</translation>
    </message>
    <message>
        <source>“%1” is not an IP address, for example 203.0.113.10 or 2001:db8::1.</source>
        <translation>„%1“ ist keine IP-Adresse, zum Beispiel 203.0.113.10 oder 2001:db8::1.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::FlowVersionsPanel</name>
    <message>
        <source>Published versions</source>
        <translation>Veröffentlichte Versionen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Published by</source>
        <translation>Veröffentlicht von</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Select one version to compare it with the draft, or two to compare them.</source>
        <translation>Wählen Sie eine Version, um sie mit dem Entwurf zu vergleichen, oder zwei, um diese zu vergleichen.</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Restore as &amp;draft</source>
        <translation>Als &amp;Entwurf wiederherstellen</translation>
    </message>
    <message>
        <source>Replace the draft with this version&apos;s journey</source>
        <translation>Den Entwurf durch den Ablauf dieser Version ersetzen</translation>
    </message>
    <message>
        <source>Make &amp;live again…</source>
        <translation>Wieder &amp;live schalten…</translation>
    </message>
    <message>
        <source>Roll back: sign-ins use this version again</source>
        <translation>Zurückrollen: Anmeldungen verwenden wieder diese Version</translation>
    </message>
    <message>
        <source>Changes between the versions</source>
        <translation>Änderungen zwischen den Versionen</translation>
    </message>
    <message>
        <source>The versions could not be loaded: %1</source>
        <translation>Die Versionen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 (live)</source>
        <translation>%1 (live)</translation>
    </message>
    <message>
        <source>This journey has not been published yet.</source>
        <translation>Dieser Ablauf wurde noch nicht veröffentlicht.</translation>
    </message>
    <message>
        <source>&amp;Compare the two</source>
        <translation>Die beiden &amp;vergleichen</translation>
    </message>
    <message>
        <source>&amp;Compare with draft</source>
        <translation>Mit Entwurf &amp;vergleichen</translation>
    </message>
    <message>
        <source>The version could not be loaded: %1</source>
        <translation>Die Version konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No differences (apart from where steps sit on the canvas).</source>
        <translation>Keine Unterschiede (abgesehen von der Lage der Schritte auf der Arbeitsfläche).</translation>
    </message>
    <message>
        <source>Restore version %1</source>
        <translation>Version %1 wiederherstellen</translation>
    </message>
    <message>
        <source>The draft is replaced by version %1&apos;s journey. Unsaved changes are lost.</source>
        <translation>Der Entwurf wird durch den Ablauf von Version %1 ersetzt. Nicht gespeicherte Änderungen gehen verloren.</translation>
    </message>
    <message>
        <source>The version could not be restored: %1</source>
        <translation>Die Version konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Make version %1 live again</source>
        <translation>Version %1 wieder live schalten</translation>
    </message>
    <message>
        <source>Sign-ins use version %1 again wherever this journey is bound. Why (kept in the history)?</source>
        <translation>Anmeldungen verwenden überall, wo dieser Ablauf zugewiesen ist, wieder Version %1. Warum (wird im Verlauf festgehalten)?</translation>
    </message>
    <message>
        <source>The version could not be made live: %1</source>
        <translation>Die Version konnte nicht live geschaltet werden: %1</translation>
    </message>
</context>
<context>
    <name>trellis::ui::FlowView</name>
    <message>
        <source>Journey canvas</source>
        <translation>Arbeitsfläche des Ablaufs</translation>
    </message>
    <message>
        <source>The steps of the login journey and how they are wired. Tab moves between steps, arrow keys move the selected steps, Enter edits the selected step.</source>
        <translation>Die Schritte des Anmeldeablaufs und ihre Verbindungen. Tab wechselt zwischen Schritten, die Pfeiltasten verschieben die gewählten Schritte, die Eingabetaste bearbeitet den gewählten Schritt.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::FlowsPage</name>
    <message>
        <source>Login journeys</source>
        <translation>Anmeldeabläufe</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Pick the organisation whose login journeys you want to see.</source>
        <translation>Wählen Sie die Organisation, deren Anmeldeabläufe Sie sehen möchten.</translation>
    </message>
    <message>
        <source>&amp;New journey…</source>
        <translation>&amp;Neuer Ablauf…</translation>
    </message>
    <message>
        <source>New login journey</source>
        <translation>Neuer Anmeldeablauf</translation>
    </message>
    <message>
        <source>Name of the journey:</source>
        <translation>Name des Ablaufs:</translation>
    </message>
    <message>
        <source>The journey could not be created: %1</source>
        <translation>Der Ablauf konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Journeys usable here:</source>
        <translation>Hier verwendbare Abläufe:</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Bindings</source>
        <translation>Zuweisungen</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>Simulieren</translation>
    </message>
    <message>
        <source>Pick an organisation.</source>
        <translation>Wählen Sie eine Organisation.</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>Entwurf &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>&amp;Veröffentlichen…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export login journey</source>
        <translation>Anmeldeablauf exportieren</translation>
    </message>
    <message>
        <source>Journey files (*.json)</source>
        <translation>Ablaufdateien (*.json)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import login journey</source>
        <translation>Anmeldeablauf importieren</translation>
    </message>
    <message>
        <source>This server does not offer login journeys yet. You can design here and export the journey to a file.</source>
        <translation>Dieser Server bietet noch keine Anmeldeabläufe an. Sie können hier entwerfen und den Ablauf in eine Datei exportieren.</translation>
    </message>
    <message>
        <source>Built-in sign-in</source>
        <translation>Eingebaute Anmeldung</translation>
    </message>
    <message>
        <source>The login journeys could not be loaded: %1</source>
        <translation>Die Anmeldeabläufe konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Live: version %1</source>
        <translation>Live: Version %1</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Nicht veröffentlicht</translation>
    </message>
    <message>
        <source>%1 (inherited)</source>
        <translation>%1 (geerbt)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The journey “%1” has changes that are not saved. Save them first?</source>
        <translation>Der Ablauf „%1“ hat nicht gespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
        <source>The journey could not be opened: %1</source>
        <translation>Der Ablauf konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Changes to “%1” from %2 were not saved (the console closed or lost the connection). Restore them?</source>
        <translation>Änderungen an „%1“ vom %2 wurden nicht gespeichert (die Konsole wurde geschlossen oder hat die Verbindung verloren). Wiederherstellen?</translation>
    </message>
    <message>
        <source>Someone has saved the journey since then; restoring replaces their version when you save.</source>
        <translation>Seitdem hat jemand den Ablauf gespeichert; wenn Sie nach dem Wiederherstellen speichern, ersetzen Sie dessen Fassung.</translation>
    </message>
    <message>
        <source>Restore unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Someone else saved this journey</source>
        <translation>Jemand anderes hat diesen Ablauf gespeichert</translation>
    </message>
    <message>
        <source>“%1” was saved by someone else after you opened it, so your changes were not saved. Reload their version (your changes are lost), or keep editing yours (export it to keep a copy)?</source>
        <translation>„%1“ wurde von jemand anderem gespeichert, nachdem Sie ihn geöffnet hatten; Ihre Änderungen wurden daher nicht gespeichert. Die andere Fassung neu laden (Ihre Änderungen gehen verloren) oder an Ihrer weiterarbeiten (exportieren Sie sie, um eine Kopie zu behalten)?</translation>
    </message>
    <message>
        <source>The journey could not be saved because the server cannot be reached. Your changes are kept on this computer and offered again when you open it.</source>
        <translation>Der Ablauf konnte nicht gespeichert werden, weil der Server nicht erreichbar ist. Ihre Änderungen bleiben auf diesem Computer und werden beim nächsten Öffnen wieder angeboten.</translation>
    </message>
    <message>
        <source>The journey could not be saved: %1</source>
        <translation>Der Ablauf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>The server refused the journey&apos;s shape: %n problem(s), shown on the steps.</source>
        <translation>
            <numerusform>Der Server hat den Aufbau des Ablaufs abgelehnt: %n Problem, an den Schritten markiert.</numerusform>
            <numerusform>Der Server hat den Aufbau des Ablaufs abgelehnt: %n Probleme, an den Schritten markiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Save your changes and publish them?</source>
        <translation>Ihre Änderungen speichern und veröffentlichen?</translation>
    </message>
    <message>
        <source>Publish “%1”</source>
        <translation>„%1“ veröffentlichen</translation>
    </message>
    <message>
        <source>Publishing makes this draft the live sign-in journey wherever it is bound. What changed (kept in the version history)?</source>
        <translation>Durch das Veröffentlichen wird dieser Entwurf überall, wo er zugewiesen ist, zum aktiven Anmeldeablauf. Was hat sich geändert (wird im Versionsverlauf festgehalten)?</translation>
    </message>
    <message numerus="yes">
        <source>The journey cannot be published yet: %n problem(s), marked on the steps.</source>
        <translation>
            <numerusform>Der Ablauf kann noch nicht veröffentlicht werden: %n Problem, an den Schritten markiert.</numerusform>
            <numerusform>Der Ablauf kann noch nicht veröffentlicht werden: %n Probleme, an den Schritten markiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The journey could not be published: %1</source>
        <translation>Der Ablauf konnte nicht veröffentlicht werden: %1</translation>
    </message>
    <message>
        <source>Version %1 is live.</source>
        <translation>Version %1 ist live.</translation>
    </message>
    <message>
        <source>The journey could not be written to %1.</source>
        <translation>Der Ablauf konnte nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is not a login journey: %2</source>
        <translation>%1 ist kein Anmeldeablauf: %2</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>No journey open.</source>
        <translation>Kein Ablauf geöffnet.</translation>
    </message>
    <message>
        <source>A local copy: not saved on the server.</source>
        <translation>Eine lokale Kopie: nicht auf dem Server gespeichert.</translation>
    </message>
    <message>
        <source>Not published yet</source>
        <translation>Noch nicht veröffentlicht</translation>
    </message>
    <message>
        <source>Draft saved by %1 on %2</source>
        <translation>Entwurf gespeichert von %1 am %2</translation>
    </message>
    <message>
        <source>Draft revision %1</source>
        <translation>Entwurfsstand %1</translation>
    </message>
    <message>
        <source>Unsaved changes (kept on this computer until saved)</source>
        <translation>Nicht gespeicherte Änderungen (bis zum Speichern auf diesem Computer gesichert)</translation>
    </message>
    <message>
        <source>Email and password (the built-in sign-in)</source>
        <translation>E-Mail und Passwort (die eingebaute Anmeldung)</translation>
    </message>
    <message>
        <source>Passwordless first (passkey, else a link by email)</source>
        <translation>Zuerst ohne Passwort (Passkey, sonst Link per E-Mail)</translation>
    </message>
    <message>
        <source>Partner sign-in (code by email, choose organisation, terms)</source>
        <translation>Partner-Anmeldung (Code per E-Mail, Organisation wählen, Bedingungen)</translation>
    </message>
    <message>
        <source>Password with risk-based step-up</source>
        <translation>Passwort mit risikoabhängigem zweitem Schritt</translation>
    </message>
    <message>
        <source>Invitation acceptance (link by email, terms, profile, authenticator)</source>
        <translation>Einladung annehmen (Link per E-Mail, Bedingungen, Profil, Authenticator)</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>Beginnen mit:</translation>
    </message>
    <message>
        <source>No login journey is usable here yet, so sign-ins run the built-in journey. Start one with &quot;New journey…&quot;.</source>
        <translation>Hier ist noch kein Anmeldeablauf nutzbar, Anmeldungen laufen daher über den eingebauten Ablauf. Legen Sie einen mit „Neuer Ablauf…“ an.</translation>
    </message>
    <message>
        <source>Passkey first, password as fallback (then the offer of a passkey)</source>
        <translation>Zuerst Passkey, sonst Passwort (danach das Angebot eines Passkeys)</translation>
    </message>
</context>
<context>
    <name>trellis::ui::IdentityProviderDialog</name>
    <message>
        <source>Change identity provider</source>
        <translation>Identitätsanbieter ändern</translation>
    </message>
    <message>
        <source>Add identity provider</source>
        <translation>Identitätsanbieter hinzufügen</translation>
    </message>
    <message>
        <source>People whose email address is in one of the domains sign in with this OpenID Connect provider when their login journey uses home-realm discovery.</source>
        <translation>Personen, deren E-Mail-Adresse in einer der Domains liegt, melden sich bei diesem OpenID-Connect-Anbieter an, wenn ihr Anmeldeablauf die Heimat-IdP-Erkennung nutzt.</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored secret</source>
        <translation>Leer lassen, um das gespeicherte Geheimnis zu behalten</translation>
    </message>
    <message>
        <source>example.com, example.org</source>
        <translation>example.com, example.org</translation>
    </message>
    <message>
        <source>Create accounts for new people (just-in-time, with a membership here)</source>
        <translation>Konten für neue Personen anlegen (just in time, mit einer Mitgliedschaft hier)</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Issuer URL:</source>
        <translation>&amp;Aussteller-URL:</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>S&amp;copes:</source>
        <translation>S&amp;copes:</translation>
    </message>
    <message>
        <source>Email &amp;domains:</source>
        <translation>E-Mail-&amp;Domains:</translation>
    </message>
    <message>
        <source>Redirect URI to register:</source>
        <translation>Beim Anbieter einzutragende Weiterleitungs-URI:</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Pflichtfeld.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::IdentityProvidersPanel</name>
    <message>
        <source>&lt;b&gt;Identity providers&lt;/b&gt; (federated sign-in)</source>
        <translation>&lt;b&gt;Identitätsanbieter&lt;/b&gt; (föderierte Anmeldung)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Email domains</source>
        <translation>E-Mail-Domains</translation>
    </message>
    <message>
        <source>Just-in-time</source>
        <translation>Just in time</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Identity providers</source>
        <translation>Identitätsanbieter</translation>
    </message>
    <message>
        <source>&amp;Add provider…</source>
        <translation>Anbieter &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>Ä&amp;ndern…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>None: everybody here signs in with Trellis.</source>
        <translation>Keiner: Alle hier melden sich bei Trellis an.</translation>
    </message>
    <message>
        <source>Managing identity providers needs the permission to manage this organisation.</source>
        <translation>Identitätsanbieter zu verwalten erfordert das Recht, diese Organisation zu verwalten.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Remove identity provider</source>
        <translation>Identitätsanbieter entfernen</translation>
    </message>
    <message>
        <source>Remove %1? People of its domains then sign in with Trellis; their accounts stay.</source>
        <translation>%1 entfernen? Personen seiner Domains melden sich dann bei Trellis an; ihre Konten bleiben.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::ImportWizard</name>
    <message>
        <source>Choose the file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <source>A CSV file with one person per row. Nothing is written before the preview on the next page.</source>
        <translation>Eine CSV-Datei mit einer Person pro Zeile. Vor der Vorschau auf der nächsten Seite wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The first row names the columns, in any order:&lt;/p&gt;&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;email&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;required: the person&apos;s e-mail address&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;displayName&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;their name (needed to create an account)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;title&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;their title in this organisation&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;roles&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;role keys separated by &lt;tt&gt;;&lt;/tt&gt;, e.g. &lt;tt&gt;member;user-manager&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;expiresAt&lt;/tt&gt;&amp;nbsp;&amp;nbsp;&lt;/td&gt;&lt;td&gt;optional end of the membership, e.g. &lt;tt&gt;2027-03-31T00:00:00Z&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;mode&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;&lt;tt&gt;invite&lt;/tt&gt; or &lt;tt&gt;create&lt;/tt&gt;; empty: the choice below&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Save it from a spreadsheet as &quot;CSV UTF-8&quot;: at most %1 rows and %2 KiB.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die erste Zeile nennt die Spalten, in beliebiger Reihenfolge:&lt;/p&gt;&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;email&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;Pflicht: die E-Mail-Adresse der Person&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;displayName&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;ihr Name (nötig, um ein Konto anzulegen)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;title&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;ihre Position in dieser Organisation&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;roles&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;Rollenschlüssel, getrennt durch &lt;tt&gt;;&lt;/tt&gt;, z.&amp;nbsp;B. &lt;tt&gt;member;user-manager&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;expiresAt&lt;/tt&gt;&amp;nbsp;&amp;nbsp;&lt;/td&gt;&lt;td&gt;optionales Ende der Mitgliedschaft, z.&amp;nbsp;B. &lt;tt&gt;2027-03-31T00:00:00Z&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;mode&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;&lt;tt&gt;invite&lt;/tt&gt; oder &lt;tt&gt;create&lt;/tt&gt;; leer: die Auswahl unten&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Speichern Sie sie aus der Tabellenkalkulation als „CSV UTF-8“: höchstens %1 Zeilen und %2 KiB.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV-Datei</translation>
    </message>
    <message>
        <source>Path of the .csv file, or drop the file here</source>
        <translation>Pfad der .csv-Datei, oder ziehen Sie die Datei hierher</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>D&amp;urchsuchen …</translation>
    </message>
    <message>
        <source>Organisation to import into</source>
        <translation>Organisation, in die importiert wird</translation>
    </message>
    <message>
        <source>Type to find another organisation</source>
        <translation>Tippen, um eine andere Organisation zu finden</translation>
    </message>
    <message>
        <source>&amp;Invite them: each gets a link to accept and choose a password</source>
        <translation>&amp;Einladen: Jede Person erhält einen Link zum Annehmen und Festlegen eines Passworts</translation>
    </message>
    <message>
        <source>C&amp;reate their accounts now: each gets a link to choose a password</source>
        <translation>Konten jetzt &amp;anlegen: Jede Person erhält einen Link zum Festlegen eines Passworts</translation>
    </message>
    <message>
        <source>Checking every row with the server…</source>
        <translation>Jede Zeile wird mit dem Server geprüft …</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Rows without a mode:</source>
        <translation>Zeilen ohne Modus:</translation>
    </message>
    <message>
        <source>Choose the CSV file</source>
        <translation>CSV-Datei wählen</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a CSV file.</source>
        <translation>Wählen Sie eine CSV-Datei.</translation>
    </message>
    <message>
        <source>Importing into %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <source>Choose the organisation to import into.</source>
        <translation>Wählen Sie die Organisation, in die importiert werden soll.</translation>
    </message>
    <message>
        <source>You may not invite or add people at %1. Choose another organisation.</source>
        <translation>Sie dürfen in %1 niemanden einladen oder hinzufügen. Wählen Sie eine andere Organisation.</translation>
    </message>
    <message>
        <source>The server refused the file as too large. Split it into several files.</source>
        <translation>Der Server hat die Datei als zu groß abgelehnt. Teilen Sie sie in mehrere Dateien auf.</translation>
    </message>
    <message>
        <source>You may not import people into %1: %2</source>
        <translation>Sie dürfen keine Personen nach %1 importieren: %2</translation>
    </message>
    <message>
        <source>The organisation %1 no longer exists, or you can no longer see it.</source>
        <translation>Die Organisation %1 gibt es nicht mehr, oder Sie können sie nicht mehr sehen.</translation>
    </message>
    <message>
        <source>The file could not be checked: %1</source>
        <translation>Die Datei konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>What the import would do with each row. Nothing has been written yet.</source>
        <translation>Was der Import mit jeder Zeile tun würde. Noch ist nichts geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Show only rows with &amp;errors</source>
        <translation>Nur Zeilen mit &amp;Fehlern zeigen</translation>
    </message>
    <message>
        <source>Rows of the file</source>
        <translation>Zeilen der Datei</translation>
    </message>
    <message>
        <source>No row can be imported. Fix the file, then go Back and choose it again.</source>
        <translation>Keine Zeile kann importiert werden. Korrigieren Sie die Datei, gehen Sie zurück und wählen Sie sie erneut.</translation>
    </message>
    <message>
        <source>Fix these rows in the file and go Back to choose it again, or skip them.</source>
        <translation>Korrigieren Sie diese Zeilen in der Datei und gehen Sie zurück, um sie erneut zu wählen – oder überspringen Sie sie.</translation>
    </message>
    <message>
        <source>Every row can be imported. Click Import to write them.</source>
        <translation>Jede Zeile kann importiert werden. Klicken Sie auf Importieren, um sie zu schreiben.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>%v of %m rows</source>
        <translation>%v von %m Zeilen</translation>
    </message>
    <message>
        <source>S&amp;top after this part</source>
        <translation>Nach diesem Teil an&amp;halten</translation>
    </message>
    <message>
        <source>Result of every row</source>
        <translation>Ergebnis jeder Zeile</translation>
    </message>
    <message>
        <source>The links are shown only now: copy them or save the results, and send each person their own link. Anyone who has a link can use it.</source>
        <translation>Die Links werden nur jetzt angezeigt: Kopieren Sie sie oder speichern Sie die Ergebnisse, und schicken Sie jeder Person ihren eigenen Link. Wer einen Link hat, kann ihn verwenden.</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>Link &amp;kopieren</translation>
    </message>
    <message>
        <source>Copies the link of the selected row</source>
        <translation>Kopiert den Link der gewählten Zeile</translation>
    </message>
    <message>
        <source>Copy &amp;all links</source>
        <translation>&amp;Alle Links kopieren</translation>
    </message>
    <message>
        <source>Copies one line per person: e-mail, a tab, the link</source>
        <translation>Kopiert eine Zeile pro Person: E-Mail, Tabulator, Link</translation>
    </message>
    <message>
        <source>&amp;Save results as CSV…</source>
        <translation>Ergebnisse als CSV &amp;speichern …</translation>
    </message>
    <message>
        <source>Save results as CSV</source>
        <translation>Ergebnisse als CSV speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert …</translation>
    </message>
    <message>
        <source>Stopping after the part being written…</source>
        <translation>Wird nach dem laufenden Teil angehalten …</translation>
    </message>
    <message>
        <source>You stopped the import; the rows not yet sent were not imported.</source>
        <translation>Sie haben den Import angehalten; die noch nicht gesendeten Zeilen wurden nicht importiert.</translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation>Der Import wurde beendet: %1</translation>
    </message>
    <message>
        <source>Import people from CSV</source>
        <translation>Personen aus CSV importieren</translation>
    </message>
    <message>
        <source>The results could not be saved to %1: %2</source>
        <translation>Die Ergebnisse konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Rows: %1 · size: %2 KiB (the name does not end in .csv; it is read as CSV anyway)</source>
        <translation>Zeilen: %1 · Größe: %2 KiB (der Name endet nicht auf .csv; sie wird trotzdem als CSV gelesen)</translation>
    </message>
    <message>
        <source>Rows: %1 · size: %2 KiB</source>
        <translation>Zeilen: %1 · Größe: %2 KiB</translation>
    </message>
    <message>
        <source>Rows: %1</source>
        <translation>Zeilen: %1</translation>
    </message>
    <message>
        <source>would create: %1</source>
        <translation>würden angelegt: %1</translation>
    </message>
    <message>
        <source>would invite: %1</source>
        <translation>würden eingeladen: %1</translation>
    </message>
    <message>
        <source>would add to an existing account: %1</source>
        <translation>zu bestehendem Konto hinzugefügt: %1</translation>
    </message>
    <message>
        <source>with errors: %1</source>
        <translation>mit Fehlern: %1</translation>
    </message>
    <message>
        <source>&amp;Skip the rows with errors and import only the valid ones (%1)</source>
        <translation>Zeilen mit Fehlern ü&amp;berspringen und nur die gültigen importieren (%1)</translation>
    </message>
    <message>
        <source>The rows with errors are left out (%1).</source>
        <translation>Die Zeilen mit Fehlern werden ausgelassen (%1).</translation>
    </message>
    <message>
        <source>The valid rows are written part by part; each part is written completely or not at all.</source>
        <translation>Die gültigen Zeilen werden in Teilen geschrieben; jeder Teil wird ganz oder gar nicht geschrieben.</translation>
    </message>
    <message>
        <source>Importing… rows written: %1 of %2.</source>
        <translation>Wird importiert … geschriebene Zeilen: %1 von %2.</translation>
    </message>
    <message>
        <source>Imported: %1 · not imported: %2 (see Details).</source>
        <translation>Importiert: %1 · nicht importiert: %2 (siehe Details).</translation>
    </message>
    <message>
        <source>Imported: %1 (every row).</source>
        <translation>Importiert: %1 (alle Zeilen).</translation>
    </message>
    <message>
        <source>Link of the selected row</source>
        <translation>Link der gewählten Zeile</translation>
    </message>
    <message>
        <source>Select a row with a link</source>
        <translation>Wählen Sie eine Zeile mit Link</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Link:</translation>
    </message>
</context>
<context>
    <name>trellis::ui::InvitationsPanel</name>
    <message>
        <source>Invitation status</source>
        <translation>Status der Einladung</translation>
    </message>
    <message>
        <source>Waiting for an answer</source>
        <translation>Warten auf Antwort</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>All invitations</source>
        <translation>Alle Einladungen</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Einladungen</translation>
    </message>
    <message>
        <source>Send a &amp;new link…</source>
        <translation>&amp;Neuen Link senden …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen …</translation>
    </message>
    <message>
        <source>With the selected invitations:</source>
        <translation>Mit den ausgewählten Einladungen:</translation>
    </message>
    <message>
        <source>No invitations here in this state.</source>
        <translation>Hier gibt es keine Einladungen in diesem Zustand.</translation>
    </message>
    <message>
        <source>The invitations could not be loaded: %1</source>
        <translation>Die Einladungen konnten nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Send a new link for %n invitation(s)? Each old link stops working; the new links are shown once below, for you to pass on.</source>
        <translation>
            <numerusform>Einen neuen Link für %n Einladung senden? Der alte Link funktioniert dann nicht mehr; der neue wird unten einmal angezeigt, damit Sie ihn weitergeben können.</numerusform>
            <numerusform>Neue Links für %n Einladungen senden? Die alten Links funktionieren dann nicht mehr; die neuen werden unten einmal angezeigt, damit Sie sie weitergeben können.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n invitation(s)? Their links stop working at once.</source>
        <translation>
            <numerusform>%n Einladung widerrufen? Ihr Link funktioniert sofort nicht mehr.</numerusform>
            <numerusform>%n Einladungen widerrufen? Ihre Links funktionieren sofort nicht mehr.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send new links</source>
        <translation>Neue Links senden</translation>
    </message>
    <message>
        <source>Revoke invitations</source>
        <translation>Einladungen widerrufen</translation>
    </message>
    <message>
        <source>New links</source>
        <translation>Neue Links</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
</context>
<context>
    <name>trellis::ui::InviteDialog</name>
    <message>
        <source>Invite someone to %1</source>
        <translation>Jemanden zu %1 einladen</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Roles on accepting</source>
        <translation>Rollen bei Annahme</translation>
    </message>
    <message>
        <source>Loading the roles you may give…</source>
        <translation>Rollen, die Sie vergeben dürfen, werden geladen …</translation>
    </message>
    <message>
        <source>Link valid for</source>
        <translation>Link gültig für</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>&amp;Roles:</source>
        <translation>&amp;Rollen:</translation>
    </message>
    <message>
        <source>Link &amp;valid for:</source>
        <translation>&amp;Link gültig für:</translation>
    </message>
    <message>
        <source>The invitation is ready. Trellis does not send e-mail yet: copy this link and send it to the person yourself. It is shown only now, and it works once.</source>
        <translation>Die Einladung ist fertig. Trellis verschickt noch keine E-Mails: Kopieren Sie diesen Link und schicken Sie ihn der Person selbst. Er wird nur jetzt angezeigt und funktioniert nur einmal.</translation>
    </message>
    <message>
        <source>Invitation link</source>
        <translation>Einladungslink</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>Link &amp;kopieren</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Einladen</translation>
    </message>
    <message>
        <source>You may not give roles here; the person becomes a member.</source>
        <translation>Sie dürfen hier keine Rollen vergeben; die Person wird Mitglied.</translation>
    </message>
    <message>
        <source>Enter the person&apos;s e-mail address.</source>
        <translation>Geben Sie die E-Mail-Adresse der Person ein.</translation>
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
    <name>trellis::ui::OrgEditDialog</name>
    <message>
        <source>New organisation under %1</source>
        <translation>Neue Organisation unter %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Kurzname</translation>
    </message>
    <message>
        <source>A short, unique name for links and imports: a-z, 0-9 and &apos;-&apos;. It cannot be changed later.</source>
        <translation>Ein kurzer, eindeutiger Name für Links und Importe: a-z, 0-9 und &apos;-&apos;. Er kann später nicht geändert werden.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Slug:</source>
        <translation>&amp;Kurzname:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>Use 2 to 63 characters a-z, 0-9 and &apos;-&apos;, not starting or ending with &apos;-&apos;.</source>
        <translation>Verwenden Sie 2 bis 63 Zeichen a-z, 0-9 und &apos;-&apos;, nicht mit &apos;-&apos; am Anfang oder Ende.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::OrgLifecycleDialog</name>
    <message>
        <source>Offboard %1</source>
        <translation>%1 ausgliedern</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>%1 entsperren</translation>
    </message>
    <message>
        <source>Suspend %1</source>
        <translation>%1 sperren</translation>
    </message>
    <message>
        <source>Offboarding ends every membership in %1 and the organisations below it, removes the roles held there and signs those people out everywhere. The records are kept for the audit trail. This cannot be undone.</source>
        <translation>Das Ausgliedern beendet jede Mitgliedschaft in %1 und den Organisationen darunter, entfernt die dort gehaltenen Rollen und meldet diese Personen überall ab. Die Datensätze bleiben für das Audit-Protokoll erhalten. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Resuming makes %1 and what its suspension paused active again. People sign in again themselves.</source>
        <translation>Das Entsperren macht %1 und alles, was durch die Sperre pausiert wurde, wieder aktiv. Die Personen melden sich selbst wieder an.</translation>
    </message>
    <message>
        <source>Suspending pauses %1 and the organisations below it: their memberships stop working and those people are signed out at once. You can resume it later.</source>
        <translation>Das Sperren pausiert %1 und die Organisationen darunter: Deren Mitgliedschaften gelten nicht mehr, und die betroffenen Personen werden sofort abgemeldet. Sie können die Sperre später wieder aufheben.</translation>
    </message>
    <message>
        <source>Working out what this touches…</source>
        <translation>Auswirkungen werden ermittelt …</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Recorded in the audit trail</source>
        <translation>Wird im Audit-Protokoll festgehalten</translation>
    </message>
    <message>
        <source>Type the organisation&apos;s name to confirm</source>
        <translation>Geben Sie zur Bestätigung den Namen der Organisation ein</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Type &quot;%1&quot; to &amp;confirm:</source>
        <translation>Zum &amp;Bestätigen &quot;%1&quot; eingeben:</translation>
    </message>
    <message>
        <source>Offboard</source>
        <translation>Ausgliedern</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Sperren</translation>
    </message>
    <message numerus="yes">
        <source>%n organisation(s)</source>
        <translation>
            <numerusform>%n Organisation</numerusform>
            <numerusform>%n Organisationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n membership(s)</source>
        <translation>
            <numerusform>%n Mitgliedschaft</numerusform>
            <numerusform>%n Mitgliedschaften</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s), %1</source>
        <translation>
            <numerusform>%n Person, %1</numerusform>
            <numerusform>%n Personen, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them admin(s)</source>
        <translation>
            <numerusform>davon %n Admin</numerusform>
            <numerusform>davon %n Admins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active session(s) ended</source>
        <translation>
            <numerusform>%n aktive Sitzung beendet</numerusform>
            <numerusform>%n aktive Sitzungen beendet</numerusform>
        </translation>
    </message>
    <message>
        <source>This touches:</source>
        <translation>Das betrifft:</translation>
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
    <message>
        <source>&amp;New sub-organisation…</source>
        <translation>&amp;Neue Unterorganisation …</translation>
    </message>
    <message>
        <source>&amp;Rename or change kind…</source>
        <translation>&amp;Umbenennen oder Art ändern …</translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation>&amp;Sperren …</translation>
    </message>
    <message>
        <source>Res&amp;ume…</source>
        <translation>&amp;Entsperren …</translation>
    </message>
    <message>
        <source>&amp;Offboard…</source>
        <translation>&amp;Ausgliedern …</translation>
    </message>
    <message>
        <source>You may not change this organisation</source>
        <translation>Sie dürfen diese Organisation nicht ändern</translation>
    </message>
    <message>
        <source>Move organisation</source>
        <translation>Organisation verschieben</translation>
    </message>
    <message>
        <source>Move %1 and everything below it under %2?</source>
        <translation>%1 mit allem, was darunter liegt, unter %2 verschieben?</translation>
    </message>
    <message>
        <source>Its admins keep their roles; what they may reach follows the organisation to its new place.</source>
        <translation>Die Admins der Organisation behalten ihre Rollen; worauf sie zugreifen dürfen, wandert mit der Organisation an ihren neuen Platz.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>The organisation was not moved: %1</source>
        <translation>Die Organisation wurde nicht verschoben: %1</translation>
    </message>
</context>
<context>
    <name>trellis::ui::PeoplePage</name>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Offboard</source>
        <translation>Ausgliedern</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Überall abmelden</translation>
    </message>
    <message numerus="yes">
        <source>Disable %n person(s)? They are signed out at once and cannot sign in until enabled again.</source>
        <translation>
            <numerusform>%n Person deaktivieren? Die Person wird sofort abgemeldet und kann sich erst wieder anmelden, wenn sie erneut aktiviert wird.</numerusform>
            <numerusform>%n Personen deaktivieren? Die Personen werden sofort abgemeldet und können sich erst wieder anmelden, wenn sie erneut aktiviert werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n person(s) again?</source>
        <translation>
            <numerusform>%n Person wieder aktivieren?</numerusform>
            <numerusform>%n Personen wieder aktivieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offboard %n person(s) everywhere? Every membership and role ends and they are signed out. The records stay in the audit trail.</source>
        <translation>
            <numerusform>%n Person überall ausgliedern? Alle Mitgliedschaften und Rollen enden, und die Person wird abgemeldet. Die Datensätze bleiben im Audit-Protokoll erhalten.</numerusform>
            <numerusform>%n Personen überall ausgliedern? Alle Mitgliedschaften und Rollen enden, und die Personen werden abgemeldet. Die Datensätze bleiben im Audit-Protokoll erhalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sign %n person(s) out everywhere? They can sign in again.</source>
        <translation>
            <numerusform>%n Person überall abmelden? Die Person kann sich wieder anmelden.</numerusform>
            <numerusform>%n Personen überall abmelden? Die Personen können sich wieder anmelden.</numerusform>
        </translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Pick the organisation whose people you want to see.</source>
        <translation>Wählen Sie die Organisation aus, deren Personen Sie sehen möchten.</translation>
    </message>
    <message>
        <source>Pick an organisation.</source>
        <translation>Wählen Sie eine Organisation aus.</translation>
    </message>
    <message>
        <source>Search name or e-mail (Ctrl+F)</source>
        <translation>Name oder E-Mail suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Personen durchsuchen</translation>
    </message>
    <message>
        <source>Membership status</source>
        <translation>Status der Mitgliedschaft</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Beliebiger Status</translation>
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
        <source>Membership source</source>
        <translation>Herkunft der Mitgliedschaft</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Beliebige Herkunft</translation>
    </message>
    <message>
        <source>Added by hand</source>
        <translation>Manuell hinzugefügt</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Einladung</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>SCIM</source>
        <translation>SCIM</translation>
    </message>
    <message>
        <source>Inactive for at &amp;least</source>
        <translation>&amp;Inaktiv seit mindestens</translation>
    </message>
    <message>
        <source>Days without sign-in</source>
        <translation>Tage ohne Anmeldung</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message>
        <source>Include &amp;sub-organisations</source>
        <translation>&amp;Unterorganisationen einbeziehen</translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation>&amp;Einladen …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Invite someone to this organisation (%1)</source>
        <translation>Jemanden zu dieser Organisation einladen (%1)</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>&amp;Deaktivieren …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Enable…</source>
        <translation>&amp;Aktivieren …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Offboard everywhere…</source>
        <translation>Überall aus&amp;gliedern …</translation>
    </message>
    <message>
        <source>Sign out e&amp;verywhere…</source>
        <translation>Überall ab&amp;melden …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>With the selected people:</source>
        <translation>Mit den ausgewählten Personen:</translation>
    </message>
    <message>
        <source>&amp;Open person…</source>
        <translation>Person ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>You do not see the people of any organisation.</source>
        <translation>Sie können bei keiner Organisation die Personen sehen.</translation>
    </message>
    <message>
        <source>Nobody matches these filters.</source>
        <translation>Keine Person passt zu diesen Filtern.</translation>
    </message>
    <message>
        <source>The people could not be loaded: %1</source>
        <translation>Die Personen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>People in %1</source>
        <translation>Personen in %1</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>&amp;Assign role…</source>
        <translation>&amp;Rolle zuweisen …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Revo&amp;ke role…</source>
        <translation>Rolle ent&amp;ziehen …</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>Mi&amp;tglieder</translation>
    </message>
    <message>
        <source>Invi&amp;tations</source>
        <translation>Ein&amp;ladungen</translation>
    </message>
    <message numerus="yes">
        <source>%n selected people</source>
        <translation>
            <numerusform>%n ausgewählte Person</numerusform>
            <numerusform>%n ausgewählte Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Assign %1</source>
        <translation>%1 zuweisen</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>%1 entziehen</translation>
    </message>
    <message>
        <source>Does not hold this role here.</source>
        <translation>Hat diese Rolle hier nicht.</translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation>&amp;Rollen</translation>
    </message>
    <message>
        <source>Roles of the selected people</source>
        <translation>Rollen der ausgewählten Personen</translation>
    </message>
    <message>
        <source>Import people from &amp;CSV…</source>
        <translation>Personen aus &amp;CSV importieren …</translation>
    </message>
    <message>
        <source>Invite or add many people from a CSV file (%1)</source>
        <translation>Viele Personen aus einer CSV-Datei einladen oder hinzufügen (%1)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>Federated sign-in</source>
        <translation>Föderierte Anmeldung</translation>
    </message>
</context>
<context>
    <name>trellis::ui::PermissionChecklist</name>
    <message>
        <source>%1, read-only</source>
        <translation>%1, schreibgeschützt</translation>
    </message>
    <message>
        <source>You do not hold this permission here yourself, so you cannot give it to a role.</source>
        <translation>Sie haben diese Berechtigung hier nicht selbst und können sie daher keiner Rolle geben.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::PermissionText</name>
    <message>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Login flows</source>
        <translation>Anmeldeabläufe</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Zugriffsprüfungen</translation>
    </message>
    <message>
        <source>See organisations: the tree, their details and search</source>
        <translation>Organisationen sehen: den Baum, ihre Details und die Suche</translation>
    </message>
    <message>
        <source>Create, rename, move, suspend and offboard organisations</source>
        <translation>Organisationen anlegen, umbenennen, verschieben, sperren und ausgliedern</translation>
    </message>
    <message>
        <source>See people and their memberships</source>
        <translation>Personen und ihre Mitgliedschaften sehen</translation>
    </message>
    <message>
        <source>Change, disable and offboard people, reset their MFA, import them</source>
        <translation>Personen ändern, deaktivieren und ausgliedern, ihre MFA zurücksetzen, sie importieren</translation>
    </message>
    <message>
        <source>Invite people and resend or revoke invitations</source>
        <translation>Personen einladen, Einladungen erneut senden oder zurückziehen</translation>
    </message>
    <message>
        <source>Give and take away roles, and define custom roles (only with permissions you hold)</source>
        <translation>Rollen zuweisen und entziehen, eigene Rollen festlegen (nur mit Berechtigungen, die man selbst hat)</translation>
    </message>
    <message>
        <source>Edit login journeys</source>
        <translation>Anmeldeabläufe bearbeiten</translation>
    </message>
    <message>
        <source>Publish login journeys and bind them to organisations</source>
        <translation>Anmeldeabläufe veröffentlichen und Organisationen zuordnen</translation>
    </message>
    <message>
        <source>Read the audit trail</source>
        <translation>Das Audit-Protokoll lesen</translation>
    </message>
    <message>
        <source>Run access reviews</source>
        <translation>Zugriffsprüfungen durchführen</translation>
    </message>
    <message>
        <source>Platform owner</source>
        <translation>Plattformbetreiber</translation>
    </message>
    <message>
        <source>Security auditor</source>
        <translation>Sicherheitsprüfer</translation>
    </message>
    <message>
        <source>Organisation admin</source>
        <translation>Organisationsadmin</translation>
    </message>
    <message>
        <source>User manager</source>
        <translation>Personenverwaltung</translation>
    </message>
    <message>
        <source>Flow designer</source>
        <translation>Ablaufgestalter</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Everything, everywhere below the organisation it is assigned at.</source>
        <translation>Alles, überall unterhalb der Organisation, bei der die Rolle zugewiesen ist.</translation>
    </message>
    <message>
        <source>Manages the organisation, its people and their roles.</source>
        <translation>Verwaltet die Organisation, ihre Personen und deren Rollen.</translation>
    </message>
    <message>
        <source>Invites and manages people.</source>
        <translation>Lädt Personen ein und verwaltet sie.</translation>
    </message>
    <message>
        <source>Designs and publishes login journeys.</source>
        <translation>Gestaltet und veröffentlicht Anmeldeabläufe.</translation>
    </message>
    <message>
        <source>Belongs to the organisation; no administration rights.</source>
        <translation>Gehört zur Organisation; keine Verwaltungsrechte.</translation>
    </message>
    <message>
        <source>Reads everything and runs access reviews; changes nothing else.</source>
        <translation>Liest alles und führt Zugriffsprüfungen durch; ändert sonst nichts.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::PersonEditorDialog</name>
    <message>
        <source>Ended (end date passed)</source>
        <translation>Beendet (Enddatum überschritten)</translation>
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
        <source>Added by hand</source>
        <translation>Manuell hinzugefügt</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Einladung</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>SCIM</source>
        <translation>SCIM</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Save &amp;name</source>
        <translation>&amp;Namen speichern</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>Memberships and roles</source>
        <translation>Mitgliedschaften und Rollen</translation>
    </message>
    <message>
        <source>Organisation / role</source>
        <translation>Organisation / Rolle</translation>
    </message>
    <message>
        <source>Title / granted by</source>
        <translation>Position / vergeben von</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Access &amp;ends on</source>
        <translation>Zugriff &amp;endet am</translation>
    </message>
    <message>
        <source>End of access</source>
        <translation>Ende des Zugriffs</translation>
    </message>
    <message>
        <source>Save &amp;membership</source>
        <translation>&amp;Mitgliedschaft speichern</translation>
    </message>
    <message>
        <source>&amp;Assign role…</source>
        <translation>&amp;Rolle zuweisen …</translation>
    </message>
    <message>
        <source>Re&amp;voke role…</source>
        <translation>Rolle ent&amp;ziehen …</translation>
    </message>
    <message>
        <source>O&amp;ffboard from this organisation…</source>
        <translation>Aus dieser Organisation aus&amp;gliedern …</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>Sign-in and account</source>
        <translation>Anmeldung und Konto</translation>
    </message>
    <message>
        <source>Reset &amp;MFA…</source>
        <translation>M&amp;FA zurücksetzen …</translation>
    </message>
    <message>
        <source>Sign &amp;out everywhere…</source>
        <translation>Überall a&amp;bmelden …</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Deaktivieren …</translation>
    </message>
    <message>
        <source>Remove %1&apos;s second factors? They set up a new one at their next sign-in.</source>
        <translation>Die zweiten Faktoren von %1 entfernen? Bei der nächsten Anmeldung richtet die Person einen neuen ein.</translation>
    </message>
    <message>
        <source>Sign %1 out of every application and device?</source>
        <translation>%1 von allen Anwendungen und Geräten abmelden?</translation>
    </message>
    <message>
        <source>Disable %1? They are signed out at once and cannot sign in until enabled again.</source>
        <translation>%1 deaktivieren? Die Person wird sofort abgemeldet und kann sich erst wieder anmelden, wenn sie erneut aktiviert wird.</translation>
    </message>
    <message>
        <source>Enable %1 again?</source>
        <translation>%1 wieder aktivieren?</translation>
    </message>
    <message>
        <source>The person could not be loaded: %1</source>
        <translation>Die Person konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Person: %1</source>
        <translation>Person: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 · %2 · last sign-in %3</source>
        <translation>%1 · %2 · letzte Anmeldung: %3</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>granted by the system</source>
        <translation>vom System vergeben</translation>
    </message>
    <message>
        <source>Second factor (TOTP) set up.</source>
        <translation>Zweiter Faktor (TOTP) eingerichtet.</translation>
    </message>
    <message>
        <source>No second factor set up.</source>
        <translation>Kein zweiter Faktor eingerichtet.</translation>
    </message>
    <message>
        <source>MFA was reset: a new factor is set up at the next sign-in.</source>
        <translation>MFA wurde zurückgesetzt: Bei der nächsten Anmeldung wird ein neuer Faktor eingerichtet.</translation>
    </message>
    <message numerus="yes">
        <source>%n active session(s).</source>
        <translation>
            <numerusform>%n aktive Sitzung.</numerusform>
            <numerusform>%n aktive Sitzungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>&amp;Deaktivieren …</translation>
    </message>
    <message>
        <source>&amp;Enable…</source>
        <translation>Akt&amp;ivieren …</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>The end of access must lie in the future.</source>
        <translation>Das Ende des Zugriffs muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>Revoke role</source>
        <translation>Rolle entziehen</translation>
    </message>
    <message>
        <source>Revoke %1 from %2 at %3? It stops working at once.</source>
        <translation>%2 die Rolle %1 bei %3 entziehen? Sie wirkt ab sofort nicht mehr.</translation>
    </message>
    <message>
        <source>Offboard</source>
        <translation>Ausgliedern</translation>
    </message>
    <message>
        <source>End %1&apos;s membership in %2? The roles held there end too; if no other access remains, they are signed out.</source>
        <translation>Die Mitgliedschaft von %1 in %2 beenden? Die dort gehaltenen Rollen enden ebenfalls; bleibt kein anderer Zugang, wird die Person abgemeldet.</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Passkeys</source>
        <translation>Passkeys</translation>
    </message>
    <message>
        <source>Passkey</source>
        <translation>Passkey</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>Remove pass&amp;key…</source>
        <translation>Pass&amp;key entfernen…</translation>
    </message>
    <message>
        <source>Passkey (%1)</source>
        <translation>Passkey (%1)</translation>
    </message>
    <message>
        <source>%1, synced</source>
        <translation>%1, synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>%n passkey(s).</source>
        <translation>
            <numerusform>%n Passkey.</numerusform>
            <numerusform>%n Passkeys.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the passkey “%1” of %2? It no longer signs in; their other passkeys keep working.</source>
        <translation>Den Passkey „%1“ von %2 entfernen? Mit ihm ist keine Anmeldung mehr möglich; andere Passkeys funktionieren weiter.</translation>
    </message>
    <message>
        <source>The passkey could not be removed: %1</source>
        <translation>Der Passkey konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Federated sign-in</source>
        <translation>Föderierte Anmeldung</translation>
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
<context>
    <name>trellis::ui::ReviewReassignDialog</name>
    <message>
        <source>Reassign review items</source>
        <translation>Prüfeinträge neu zuweisen</translation>
    </message>
    <message>
        <source>Hand over: %1</source>
        <translation>Übergeben: %1</translation>
    </message>
    <message>
        <source>&amp;New reviewer (name or e-mail):</source>
        <translation>&amp;Neue prüfende Person (Name oder E-Mail):</translation>
    </message>
    <message>
        <source>Type at least two letters</source>
        <translation>Mindestens zwei Buchstaben eingeben</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Gefundene Personen</translation>
    </message>
    <message>
        <source>The new reviewer must hold review.manage or role.assign where the items are.</source>
        <translation>Die neue prüfende Person braucht review.manage oder role.assign dort, wo die Einträge liegen.</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Neu zuweisen</translation>
    </message>
    <message>
        <source>Choose the person who reviews these items.</source>
        <translation>Wählen Sie die Person, die diese Einträge prüft.</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt; · %3</source>
        <translation>%1 &lt;%2&gt; · %3</translation>
    </message>
</context>
<context>
    <name>trellis::ui::ReviewRevokeDialog</name>
    <message>
        <source>Revoke access</source>
        <translation>Zugriff entziehen</translation>
    </message>
    <message>
        <source>Revoke: %1</source>
        <translation>Entziehen: %1</translation>
    </message>
    <message>
        <source>The access ends now and the people concerned are signed out everywhere.</source>
        <translation>Der Zugriff endet sofort, und die betroffenen Personen werden überall abgemeldet.</translation>
    </message>
    <message>
        <source>&amp;Why (required, kept in the audit trail):</source>
        <translation>&amp;Warum (Pflichtangabe, wird im Audit-Protokoll festgehalten):</translation>
    </message>
    <message>
        <source>Reason for revoking</source>
        <translation>Grund für den Entzug</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Entziehen</translation>
    </message>
    <message>
        <source>Say why the access is revoked.</source>
        <translation>Geben Sie an, warum der Zugriff entzogen wird.</translation>
    </message>
</context>
<context>
    <name>trellis::ui::ReviewsPage</name>
    <message>
        <source>Access reviews</source>
        <translation>Zugriffsprüfungen</translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation>&amp;Neue Kampagne …</translation>
    </message>
    <message>
        <source>Start an access review of an organisation and everything below it</source>
        <translation>Eine Zugriffsprüfung für eine Organisation und alles darunter starten</translation>
    </message>
    <message>
        <source>&amp;Export results…</source>
        <translation>Ergebnisse e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Save the selected campaign&apos;s items and decisions as a CSV file</source>
        <translation>Einträge und Entscheidungen der gewählten Kampagne als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>C&amp;lose campaign</source>
        <translation>Kampagne &amp;abschließen</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>At the due date</source>
        <translation>Am Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <source>The selected people keep this access</source>
        <translation>Die gewählten Personen behalten diesen Zugriff</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Entziehen …</translation>
    </message>
    <message>
        <source>End the selected access now, with a reason</source>
        <translation>Den gewählten Zugriff sofort beenden, mit Begründung</translation>
    </message>
    <message>
        <source>My open items</source>
        <translation>Meine offenen Einträge</translation>
    </message>
    <message>
        <source>Select one or several rows (Ctrl or Shift), then keep or revoke. Flags mark people who have not signed in for 90 days and access that ends within 30 days.</source>
        <translation>Wählen Sie eine oder mehrere Zeilen (Strg oder Umschalt), dann „Behalten“ oder „Entziehen“. Hinweise markieren Personen, die sich seit 90 Tagen nicht angemeldet haben, und Zugriffe, die innerhalb von 30 Tagen enden.</translation>
    </message>
    <message>
        <source>My open review items</source>
        <translation>Meine offenen Prüfeinträge</translation>
    </message>
    <message>
        <source>Save review results as CSV</source>
        <translation>Prüfergebnisse als CSV speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Zugriffsprüfungen</translation>
    </message>
    <message>
        <source>No campaigns you can see yet. Start one with “New campaign…”.</source>
        <translation>Noch keine für Sie sichtbaren Kampagnen. Starten Sie eine mit „Neue Kampagne …“.</translation>
    </message>
    <message>
        <source>Nothing waits for your decision.</source>
        <translation>Nichts wartet auf Ihre Entscheidung.</translation>
    </message>
    <message>
        <source>Revoke undecided</source>
        <translation>Unentschiedene entziehen</translation>
    </message>
    <message>
        <source>Escalate undecided</source>
        <translation>Unentschiedene eskalieren</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>%1 of %2 decided</source>
        <translation>%1 von %2 entschieden</translation>
    </message>
    <message>
        <source> · %1 kept · %2 revoked</source>
        <translation> · %1 behalten · %2 entzogen</translation>
    </message>
    <message>
        <source> · %1 escalated</source>
        <translation> · %1 eskaliert</translation>
    </message>
    <message numerus="yes">
        <source>Campaign “%1” started with %n item(s).</source>
        <translation>
            <numerusform>Kampagne „%1“ mit %n Eintrag gestartet.</numerusform>
            <numerusform>Kampagne „%1“ mit %n Einträgen gestartet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 at %3</source>
        <translation>%1: %2 bei %3</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept %n item(s).</source>
        <translation>
            <numerusform>%n Eintrag behalten.</numerusform>
            <numerusform>%n Einträge behalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n item(s); the access ended and the people were signed out.</source>
        <translation>
            <numerusform>%n Eintrag entzogen; der Zugriff wurde beendet und die Person abgemeldet.</numerusform>
            <numerusform>%n Einträge entzogen; die Zugriffe wurden beendet und die Personen abgemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved the results to %1.</source>
        <translation>Die Ergebnisse wurden in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Close campaign</source>
        <translation>Kampagne abschließen</translation>
    </message>
    <message>
        <source>Close “%1”? Undecided items stay undecided and leave the reviewers&apos; lists.</source>
        <translation>„%1“ abschließen? Unentschiedene Einträge bleiben unentschieden und verschwinden aus den Listen der Prüfenden.</translation>
    </message>
    <message>
        <source>Re&amp;assign…</source>
        <translation>Neu &amp;zuweisen…</translation>
    </message>
    <message>
        <source>Hand the selected items (of one campaign) to another reviewer</source>
        <translation>Die ausgewählten Einträge (einer Kampagne) einer anderen prüfenden Person übergeben</translation>
    </message>
    <message>
        <source>&amp;All open items of the selected campaign</source>
        <translation>&amp;Alle offenen Einträge der ausgewählten Kampagne</translation>
    </message>
    <message>
        <source>For those who run the review (review.manage): decide any open item of the campaign, not only the ones waiting for you</source>
        <translation>Für alle, die die Prüfung leiten (review.manage): jeden offenen Eintrag der Kampagne entscheiden, nicht nur die, die auf Sie warten</translation>
    </message>
    <message>
        <source>Open items of “%1”</source>
        <translation>Offene Einträge von „%1“</translation>
    </message>
    <message>
        <source>Open review items of the campaign</source>
        <translation>Offene Prüfeinträge der Kampagne</translation>
    </message>
    <message>
        <source>No open items left in this campaign.</source>
        <translation>In dieser Kampagne sind keine offenen Einträge mehr.</translation>
    </message>
    <message numerus="yes">
        <source>Handed %n item(s) to another reviewer.</source>
        <translation>
            <numerusform>%n Eintrag an eine andere prüfende Person übergeben.</numerusform>
            <numerusform>%n Einträge an eine andere prüfende Person übergeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: last admin</source>
        <translation>Abgelehnt: letzter Admin</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
</context>
<context>
    <name>trellis::ui::RoleAssignDialog</name>
    <message>
        <source>Assign a role to %1 at %2</source>
        <translation>%1 eine Rolle bei %2 zuweisen</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Loading the roles you may assign…</source>
        <translation>Rollen, die Sie zuweisen dürfen, werden geladen …</translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation>&amp;Endet am</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Enddatum</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Why this person needs it (kept in the audit trail)</source>
        <translation>Warum diese Person sie braucht (wird im Audit-Protokoll festgehalten)</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>Ablauf:</translation>
    </message>
    <message>
        <source>&amp;Justification:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>There is no role you may assign here.</source>
        <translation>Hier gibt es keine Rolle, die Sie zuweisen dürfen.</translation>
    </message>
    <message>
        <source>No administration rights.</source>
        <translation>Keine Verwaltungsrechte.</translation>
    </message>
    <message>
        <source>Allows: %1</source>
        <translation>Erlaubt: %1</translation>
    </message>
    <message>
        <source>Say why this person needs the role.</source>
        <translation>Geben Sie an, warum diese Person die Rolle braucht.</translation>
    </message>
    <message>
        <source>Revoke a role from %1 at %2</source>
        <translation>%1 eine Rolle bei %2 entziehen</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Entziehen</translation>
    </message>
</context>
<context>
    <name>trellis::ui::RoleEditorPane</name>
    <message>
        <source>Role details</source>
        <translation>Rollendetails</translation>
    </message>
    <message>
        <source>Pick a role to see what it allows, where it can be used and who may assign it.</source>
        <translation>Wählen Sie eine Rolle, um zu sehen, was sie erlaubt, wo sie verwendet werden kann und wer sie zuweisen darf.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>A short, stable name for the API and imports: 2 to 63 characters a-z, 0-9 and &apos;-&apos;. It cannot be changed later.</source>
        <translation>Ein kurzer, fester Name für die API und Importe: 2 bis 63 Zeichen a-z, 0-9 und &apos;-&apos;. Er lässt sich später nicht ändern.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Kennung:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Ver&amp;werfen</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Where it can be used</source>
        <translation>Wo sie verwendet werden kann</translation>
    </message>
    <message>
        <source>Who may assign it</source>
        <translation>Wer sie zuweisen darf</translation>
    </message>
    <message>
        <source>What it allows</source>
        <translation>Was sie erlaubt</translation>
    </message>
    <message>
        <source>an organisation above it</source>
        <translation>einer Organisation darüber</translation>
    </message>
    <message>
        <source>Create &amp;role</source>
        <translation>&amp;Rolle anlegen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>New role at %1</source>
        <translation>Neue Rolle bei %1</translation>
    </message>
    <message>
        <source>Custom role</source>
        <translation>Eigene Rolle</translation>
    </message>
    <message>
        <source>Built-in role · key %1</source>
        <translation>Vordefinierte Rolle · Kennung %1</translation>
    </message>
    <message>
        <source>Custom role defined at %1 · key %2</source>
        <translation>Eigene Rolle, festgelegt bei %1 · Kennung %2</translation>
    </message>
    <message>
        <source>It will be defined at %1 and can be assigned there and at every organisation below it, nowhere else.</source>
        <translation>Sie wird bei %1 festgelegt und kann dort und bei jeder Organisation darunter zugewiesen werden, sonst nirgends.</translation>
    </message>
    <message>
        <source>Everywhere: built-in roles can be assigned at every organisation. A role assigned at an organisation applies to everything below it too.</source>
        <translation>Überall: Vordefinierte Rollen können bei jeder Organisation zugewiesen werden. Eine bei einer Organisation zugewiesene Rolle gilt auch für alles darunter.</translation>
    </message>
    <message>
        <source>At %1 and every organisation below it, nowhere else. A role assigned at an organisation applies to everything below it too.</source>
        <translation>Bei %1 und jeder Organisation darunter, sonst nirgends. Eine bei einer Organisation zugewiesene Rolle gilt auch für alles darunter.</translation>
    </message>
    <message>
        <source>Built-in roles cannot be changed; define a custom role for a different set.</source>
        <translation>Vordefinierte Rollen lassen sich nicht ändern; legen Sie für eine andere Zusammenstellung eine eigene Rolle fest.</translation>
    </message>
    <message>
        <source>You cannot change this role: that needs role.assign at %1 and every permission the role allows.</source>
        <translation>Sie können diese Rolle nicht ändern: Dazu braucht es role.assign bei %1 und jede Berechtigung, die die Rolle erlaubt.</translation>
    </message>
    <message>
        <source>You can only give permissions you hold at %1 yourself; the others cannot be ticked.</source>
        <translation>Sie können nur Berechtigungen vergeben, die Sie bei %1 selbst haben; die anderen lassen sich nicht ankreuzen.</translation>
    </message>
    <message>
        <source>Changes apply at once to everyone who holds this role.</source>
        <translation>Änderungen gelten sofort für alle, die diese Rolle haben.</translation>
    </message>
    <message>
        <source>Without any permission, the role only says that someone belongs to the organisation.</source>
        <translation>Ohne Berechtigung sagt die Rolle nur, dass jemand zur Organisation gehört.</translation>
    </message>
    <message>
        <source>Someone holding role.assign where the role is assigned, who also holds every permission of the role there (from roles assigned there or above). Nobody can assign a role to themselves.</source>
        <translation>Wer dort, wo die Rolle zugewiesen wird, role.assign und auch jede Berechtigung der Rolle hat (aus Rollen, die dort oder darüber zugewiesen sind). Niemand kann sich selbst eine Rolle zuweisen.</translation>
    </message>
    <message>
        <source>No role usable at %1 is enough on its own; it takes several roles together.</source>
        <translation>Keine bei %1 verwendbare Rolle genügt allein; es braucht mehrere Rollen zusammen.</translation>
    </message>
    <message>
        <source>Roles usable at %1 that are enough on their own: %2.</source>
        <translation>Bei %1 verwendbare Rollen, die allein genügen: %2.</translation>
    </message>
    <message>
        <source>You may assign it at %1.</source>
        <translation>Sie dürfen sie bei %1 zuweisen.</translation>
    </message>
    <message>
        <source>You may not assign it at %1.</source>
        <translation>Sie dürfen sie bei %1 nicht zuweisen.</translation>
    </message>
    <message>
        <source>This key is already taken, by another role of this organisation or by a built-in role. Choose another key.</source>
        <translation>Diese Kennung ist schon vergeben, an eine andere Rolle dieser Organisation oder an eine vordefinierte Rolle. Wählen Sie eine andere Kennung.</translation>
    </message>
    <message>
        <source>Use 2 to 63 characters a-z, 0-9 and &apos;-&apos;, not starting or ending with &apos;-&apos;.</source>
        <translation>Verwenden Sie 2 bis 63 Zeichen a-z, 0-9 und &apos;-&apos;, nicht mit &apos;-&apos; am Anfang oder Ende.</translation>
    </message>
    <message>
        <source>You can only give a role permissions you hold here yourself, and only change roles whose every permission you hold.</source>
        <translation>Sie können einer Rolle nur Berechtigungen geben, die Sie hier selbst haben, und nur Rollen ändern, deren Berechtigungen Sie alle haben.</translation>
    </message>
    <message>
        <source>This role is still assigned to people. Revoke those assignments first (in the person editor), then delete the role.</source>
        <translation>Diese Rolle ist noch Personen zugewiesen. Entziehen Sie sie zuerst (im Personen-Editor) und löschen Sie die Rolle dann.</translation>
    </message>
    <message>
        <source>This change would leave an organisation without an admin (nobody holding role.assign there). Only an admin from an organisation above it may do that.</source>
        <translation>Diese Änderung ließe eine Organisation ohne Admin zurück (niemand hätte dort role.assign). Das darf nur ein Admin einer Organisation darüber.</translation>
    </message>
    <message>
        <source>Built-in roles cannot be changed or deleted.</source>
        <translation>Vordefinierte Rollen lassen sich weder ändern noch löschen.</translation>
    </message>
    <message>
        <source>You may not change roles here: that needs role.assign at the organisation that defines the role.</source>
        <translation>Sie dürfen hier keine Rollen ändern: Dazu braucht es role.assign bei der Organisation, die die Rolle festlegt.</translation>
    </message>
    <message>
        <source>This role or organisation no longer exists, or you can no longer see it.</source>
        <translation>Diese Rolle oder Organisation gibt es nicht mehr, oder Sie können sie nicht mehr sehen.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>Rolle löschen</translation>
    </message>
    <message>
        <source>Delete the role “%1”? It disappears from every list; the audit trail keeps its history.</source>
        <translation>Die Rolle „%1“ löschen? Sie verschwindet aus allen Listen; das Audit-Protokoll behält ihre Geschichte.</translation>
    </message>
    <message>
        <source>Discard the new role you started?</source>
        <translation>Die angefangene neue Rolle verwerfen?</translation>
    </message>
    <message>
        <source>Discard your changes to “%1”?</source>
        <translation>Ihre Änderungen an „%1“ verwerfen?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
</context>
<context>
    <name>trellis::ui::RolesPage</name>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Pick the organisation whose roles you want to see.</source>
        <translation>Wählen Sie die Organisation, deren Rollen Sie sehen möchten.</translation>
    </message>
    <message>
        <source>Pick an organisation.</source>
        <translation>Wählen Sie eine Organisation.</translation>
    </message>
    <message>
        <source>&amp;New role…</source>
        <translation>&amp;Neue Rolle …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Define a custom role at this organisation (%1)</source>
        <translation>Eine eigene Rolle bei dieser Organisation festlegen (%1)</translation>
    </message>
    <message>
        <source>The roles that can be assigned here: the built-in ones and the custom roles defined at this organisation or above it.</source>
        <translation>Die Rollen, die hier zugewiesen werden können: die vordefinierten und die eigenen Rollen, die bei dieser Organisation oder darüber festgelegt sind.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>You may assign</source>
        <translation>Zuweisbar</translation>
    </message>
    <message>
        <source>You do not see any organisation, so there are no roles to show.</source>
        <translation>Sie sehen keine Organisation, daher gibt es keine Rollen anzuzeigen.</translation>
    </message>
    <message>
        <source>Roles at %1</source>
        <translation>Rollen bei %1</translation>
    </message>
    <message>
        <source>The roles could not be loaded: %1</source>
        <translation>Die Rollen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Vordefiniert</translation>
    </message>
    <message>
        <source>Custom, at %1</source>
        <translation>Eigene, bei %1</translation>
    </message>
    <message>
        <source>Custom, above</source>
        <translation>Eigene, darüber</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>You may assign this role here.</source>
        <translation>Sie dürfen diese Rolle hier zuweisen.</translation>
    </message>
    <message>
        <source>You may not assign this role here: it needs role.assign and every permission of the role.</source>
        <translation>Sie dürfen diese Rolle hier nicht zuweisen: Dazu braucht es role.assign und jede Berechtigung der Rolle.</translation>
    </message>
    <message>
        <source>No roles are usable here.</source>
        <translation>Hier sind keine Rollen verwendbar.</translation>
    </message>
</context>
</TS>
