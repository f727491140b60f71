#include "server/login/LoginText.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <utility>
#include <vector>

namespace trellis::server {

namespace {

using Pair = std::pair<const char*, const char*>; // English, German

const std::map<std::string, Pair>& texts()
{
    static const std::map<std::string, Pair> table{
        {"title.identify", {"Sign in", "Anmelden"}},
        {"title.password", {"Enter your password", "Passwort eingeben"}},
        {"title.totp-verify", {"Enter your authentication code", "Bestätigungscode eingeben"}},
        {"title.totp-enrol", {"Set up your authenticator app", "Authenticator-App einrichten"}},
        {"title.failure", {"Sign-in failed", "Anmeldung fehlgeschlagen"}},
        {"title.error", {"Sign-in cannot continue", "Anmeldung nicht möglich"}},
        {"title.signed-out", {"You are signed out", "Sie sind abgemeldet"}},
        {"label.email", {"Email address", "E-Mail-Adresse"}},
        {"label.password", {"Password", "Passwort"}},
        {"label.code", {"Authentication code", "Bestätigungscode"}},
        {"button.continue", {"Continue", "Weiter"}},
        {"button.signin", {"Sign in", "Anmelden"}},
        {"button.verify", {"Verify", "Bestätigen"}},
        {"button.enrol", {"Verify and finish", "Bestätigen und abschließen"}},
        {"text.signing-in-as", {"Signing in as", "Anmeldung als"}},
        {"hint.code",
         {"Six digits from your authenticator app. The code changes every 30 seconds.",
          "Sechs Ziffern aus Ihrer Authenticator-App. Der Code wechselt alle 30 Sekunden."}},
        {"text.totp-verify",
         {"Open your authenticator app and enter the code it shows for this account.",
          "Öffnen Sie Ihre Authenticator-App und geben Sie den Code ein, den sie für dieses "
          "Konto anzeigt."}},
        {"text.enrol-scan",
         {"Scan this QR code with an authenticator app, then enter the code it shows.",
          "Scannen Sie diesen QR-Code mit einer Authenticator-App und geben Sie dann den "
          "angezeigten Code ein."}},
        {"text.enrol-manual",
         {"Cannot scan? Enter this key in the app instead:",
          "Scannen nicht möglich? Geben Sie stattdessen diesen Schlüssel in der App ein:"}},
        {"qr.label", {"QR code for your authenticator app", "QR-Code für Ihre Authenticator-App"}},
        {"error.required", {"Please fill in this field.", "Bitte füllen Sie dieses Feld aus."}},
        {"error.invalid_email",
         {"Enter an email address like name@example.com.", "Geben Sie eine E-Mail-Adresse wie name@example.com ein."}},
        {"error.invalid_credentials",
         {"The email address or password is not correct.", "Die E-Mail-Adresse oder das Passwort ist nicht korrekt."}},
        {"error.invalid_code",
         {"That code is not correct. Check your app and try again.",
          "Dieser Code ist nicht korrekt. Prüfen Sie Ihre App und versuchen Sie es erneut."}},
        {"error.stale_form",
         {"This page was out of date. Please try again.",
          "Diese Seite war nicht mehr aktuell. Bitte versuchen Sie es erneut."}},
        {"error.slow_down",
         {"Too many attempts. Please wait %1 seconds, then try again.",
          "Zu viele Versuche. Bitte warten Sie %1 Sekunden und versuchen Sie es dann erneut."}},
        {"error.account_locked",
         {"This account is locked after too many failed attempts.",
          "Dieses Konto ist nach zu vielen Fehlversuchen gesperrt."}},
        {"error.password_not_set",
         {"The email address or password is not correct.", "Die E-Mail-Adresse oder das Passwort ist nicht korrekt."}},
        {"failure.locked",
         {"This account is locked after too many failed attempts. Try again in 15 minutes or ask "
          "your administrator.",
          "Dieses Konto ist nach zu vielen Fehlversuchen gesperrt. Versuchen Sie es in 15 Minuten "
          "erneut oder wenden Sie sich an Ihre Administration."}},
        {"failure.too-many-attempts",
         {"Too many failed attempts. Go back to the application and start again.",
          "Zu viele Fehlversuche. Kehren Sie zur Anwendung zurück und beginnen Sie "
          "erneut."}},
        {"failure.no-password",
         {"No password has been set for this account yet. Use the link in your invitation.",
          "Für dieses Konto wurde noch kein Passwort festgelegt. Verwenden Sie den Link in "
          "Ihrer Einladung."}},
        {"failure.flow_broken",
         {"Sign-in is not available right now. Please try again later.",
          "Die Anmeldung ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut."}},
        {"failure.default",
         {"Sign-in failed. Go back to the application and start again.",
          "Die Anmeldung ist fehlgeschlagen. Kehren Sie zur Anwendung zurück und beginnen Sie "
          "erneut."}},
        {"error.client",
         {"The application that sent you here is not registered with this server.",
          "Die Anwendung, die Sie hierher geschickt hat, ist bei diesem Server nicht registriert."}},
        {"error.redirect",
         {"The application's return address is not registered, so you are not sent back to it.",
          "Die Rücksprungadresse der Anwendung ist nicht registriert, daher werden Sie nicht "
          "dorthin zurückgeleitet."}},
        {"error.session",
         {"This sign-in has expired or was finished in another window. Go back to the application "
          "and start again.",
          "Diese Anmeldung ist abgelaufen oder wurde in einem anderen Fenster abgeschlossen. Kehren "
          "Sie zur Anwendung zurück und beginnen Sie erneut."}},
        {"error.csrf",
         {"The form could not be verified. Reload the page and try again.",
          "Das Formular konnte nicht überprüft werden. Laden Sie die Seite neu und versuchen Sie es "
          "erneut."}},
        {"error.logout-redirect",
         {"The return address after sign-out is not registered for this application.",
          "Die Rücksprungadresse nach der Abmeldung ist für diese Anwendung nicht "
          "registriert."}},
        {"text.signed-out", {"You can close this window now.", "Sie können dieses Fenster jetzt schließen."}},
        // Passkey screens (passkey-signin, passkey-enrol) and their script's fallbacks.
        {"title.passkey-signin", {"Sign in with a passkey", "Mit einem Passkey anmelden"}},
        {"title.passkey-enrol", {"Create a passkey", "Passkey erstellen"}},
        {"text.passkey-signin",
         {"Use the passkey saved on this device, on your phone or on a security key. No password needed.",
          "Verwenden Sie den Passkey, der auf diesem Gerät, Ihrem Smartphone oder einem Sicherheitsschlüssel "
          "gespeichert ist. Kein Passwort nötig."}},
        {"text.passkey-enrol",
         {"Sign in faster next time: create a passkey. Your device keeps it and unlocks it with your fingerprint, "
          "face or screen lock.",
          "Melden Sie sich beim nächsten Mal schneller an: Erstellen Sie einen Passkey. Ihr Gerät speichert ihn und "
          "entsperrt ihn mit Fingerabdruck, Gesicht oder Bildschirmsperre."}},
        {"text.passkey-noscript",
         {"Passkeys need JavaScript, which is switched off in this browser.",
          "Passkeys benötigen JavaScript, das in diesem Browser ausgeschaltet ist."}},
        {"text.passkey-unsupported",
         {"This browser cannot use passkeys.", "Dieser Browser kann keine Passkeys verwenden."}},
        {"button.passkey-signin", {"Sign in with a passkey", "Mit Passkey anmelden"}},
        {"button.passkey-other", {"Sign in another way", "Auf andere Weise anmelden"}},
        {"button.passkey-create", {"Create a passkey", "Passkey erstellen"}},
        {"button.passkey-skip", {"Not now", "Jetzt nicht"}},
        {"error.passkey_cancelled",
         {"The passkey request was cancelled or timed out. Try again.",
          "Die Passkey-Anfrage wurde abgebrochen oder ist abgelaufen. Versuchen Sie es erneut."}},
        {"error.passkey_failed",
         {"That passkey could not be used. Try again or sign in another way.",
          "Dieser Passkey konnte nicht verwendet werden. Versuchen Sie es erneut oder melden Sie sich auf andere "
          "Weise an."}},
        {"error.federation_failed",
         {"Signing in with your organisation's identity provider did not work. Try again or sign in another way.",
          "Die Anmeldung über den Identitätsanbieter Ihrer Organisation hat nicht funktioniert. Versuchen Sie es "
          "erneut oder melden Sie sich auf andere Weise an."}},
        {"error.federation_no_account",
         {"Your organisation's identity provider signed you in, but there is no account for you here.",
          "Der Identitätsanbieter Ihrer Organisation hat Sie angemeldet, aber hier gibt es kein Konto für Sie."}},
        {"error.passkey_unsupported",
         {"This browser cannot create a passkey.", "Dieser Browser kann keinen Passkey erstellen."}},
        {"error.skip_not_allowed",
         {"A passkey is required to continue.", "Zum Fortfahren ist ein Passkey erforderlich."}},

        // The invitation page (/invite). %1, %2, %3 are filled in by InvitePage.
        {"title.invite", {"You are invited", "Sie wurden eingeladen"}},
        {"title.invite-accepted", {"Invitation accepted", "Einladung angenommen"}},
        {"title.invite-invalid", {"This invitation cannot be used", "Diese Einladung kann nicht verwendet werden"}},
        {"text.invite", {"%1 invites %2 to join %3.", "%1 lädt %2 ein, %3 beizutreten."}},
        {"text.invite-anonymous", {"%2 is invited to join %3.", "%2 wurde eingeladen, %3 beizutreten."}},
        {"text.invite-title", {"Your title there: %1.", "Ihre Funktion dort: %1."}},
        {"text.invite-new",
         {"Enter your name and choose a password to create your account.",
          "Geben Sie Ihren Namen ein und wählen Sie ein Passwort, um Ihr Konto anzulegen."}},
        {"text.invite-existing",
         {"You already have an account with this email address. Confirm with your current password to add %1 "
          "to it.",
          "Sie haben bereits ein Konto mit dieser E-Mail-Adresse. Bestätigen Sie mit Ihrem aktuellen Passwort, um "
          "%1 hinzuzufügen."}},
        {"text.invite-set-password",
         {"You already have an account with this email address, but no password yet. Choose one to add %1 to it.",
          "Sie haben bereits ein Konto mit dieser E-Mail-Adresse, aber noch kein Passwort. Wählen Sie eines, um %1 "
          "hinzuzufügen."}},
        {"text.invite-done", {"You are now a member of %1.", "Sie sind jetzt Mitglied von %1."}},
        {"text.invite-signin",
         {"You can now sign in with %1 and your password.",
          "Sie können sich jetzt mit %1 und Ihrem Passwort anmelden."}},
        {"label.displayName", {"Your name", "Ihr Name"}},
        {"label.newPassword", {"New password", "Neues Passwort"}},
        {"label.newPassword2", {"Repeat the new password", "Neues Passwort wiederholen"}},
        {"label.currentPassword", {"Current password", "Aktuelles Passwort"}},
        {"hint.newPassword",
         {"At least 12 characters. Avoid common passwords; a few unrelated words work well.",
          "Mindestens 12 Zeichen. Vermeiden Sie gängige Passwörter; einige zusammenhanglose Wörter eignen sich "
          "gut."}},
        {"button.accept-new", {"Create account and join", "Konto anlegen und beitreten"}},
        {"button.accept-existing", {"Join the organisation", "Der Organisation beitreten"}},
        {"error.password_too_short", {"Use at least 12 characters.", "Verwenden Sie mindestens 12 Zeichen."}},
        {"error.password_too_long", {"Use at most 256 characters.", "Verwenden Sie höchstens 256 Zeichen."}},
        {"error.password_common",
         {"This password is too common or too easy to guess. Choose another.",
          "Dieses Passwort ist zu verbreitet oder zu leicht zu erraten. Wählen Sie ein anderes."}},
        {"error.password_mismatch",
         {"The two passwords do not match.", "Die beiden Passwörter stimmen nicht überein."}},
        {"error.wrong_password", {"This password is not correct.", "Dieses Passwort ist nicht korrekt."}},
        {"error.name_too_long", {"Use at most 200 characters.", "Verwenden Sie höchstens 200 Zeichen."}},
        {"error.invite-unknown",
         {"This invitation link is not valid. Check that you copied the whole link, or ask for a new invitation.",
          "Dieser Einladungslink ist ungültig. Prüfen Sie, ob Sie den ganzen Link kopiert haben, oder bitten Sie um "
          "eine neue Einladung."}},
        {"error.invite-expired",
         {"This invitation has expired. Ask the person who invited you to send it again.",
          "Diese Einladung ist abgelaufen. Bitten Sie die Person, die Sie eingeladen hat, sie erneut zu senden."}},
        {"error.invite-revoked",
         {"This invitation was withdrawn. Ask the person who invited you whether you should still join.",
          "Diese Einladung wurde zurückgezogen. Fragen Sie die Person, die Sie eingeladen hat, ob Sie noch "
          "beitreten sollen."}},
        {"error.invite-used",
         {"This invitation has already been used. If that was you, sign in with your email address.",
          "Diese Einladung wurde bereits verwendet. Wenn Sie das waren, melden Sie sich mit Ihrer E-Mail-Adresse "
          "an."}},
        {"error.invite-no-password",
         {"You already have an account with this email address, without a password, and it belongs to other "
          "organisations too. Ask an administrator there for a link to set your password, then open this invitation "
          "again.",
          "Sie haben bereits ein Konto mit dieser E-Mail-Adresse, ohne Passwort, und es gehört auch zu anderen "
          "Organisationen. Bitten Sie eine Administratorin oder einen Administrator dort um einen Link zum Festlegen "
          "Ihres Passworts und öffnen Sie diese Einladung dann erneut."}},
        {"error.no-access",
         {"Your sign-in was correct, but you no longer have access: your memberships have ended or are suspended. "
          "Contact your administrator if this is a mistake.",
          "Ihre Anmeldedaten waren richtig, aber Sie haben keinen Zugang mehr: Ihre Mitgliedschaften sind beendet oder "
          "gesperrt. Wenden Sie sich an Ihre Administration, falls das ein Irrtum ist."}},
        {"error.invite-disabled",
         {"Your account is disabled, so this invitation cannot be accepted. Contact your administrator.",
          "Ihr Konto ist deaktiviert, daher kann diese Einladung nicht angenommen werden. Wenden Sie sich an Ihre "
          "Administration."}},
        // ---- Slice B: magic link, email code, organisation, terms, profile pages and the emails they send.
        {"title.magic-link", {"Check your email", "Prüfen Sie Ihre E-Mails"}},
        {"text.magic-link",
         {"If an account exists for this address, we have sent it a sign-in link. Open the link within %1 minutes, "
          "in this browser or any other tab. Then continue here.",
          "Falls es für diese Adresse ein Konto gibt, haben wir einen Anmeldelink dorthin geschickt. Öffnen Sie den "
          "Link "
          "innerhalb von %1 Minuten, in diesem Browser oder einem anderen Tab. Fahren Sie dann hier fort."}},
        {"button.link-opened", {"I have opened the link", "Ich habe den Link geöffnet"}},
        {"button.resend-link", {"Send a new link", "Neuen Link senden"}},
        {"error.link_not_opened",
         {"The link has not been opened yet. Check your inbox and spam folder.",
          "Der Link wurde noch nicht geöffnet. Prüfen Sie Ihren Posteingang und Spam-Ordner."}},
        {"error.link_resent", {"We have sent a new link.", "Wir haben einen neuen Link gesendet."}},
        {"error.link_expired", {"The sign-in link has expired.", "Der Anmeldelink ist abgelaufen."}},
        {"title.magic-link-opened", {"You are signed in", "Sie sind angemeldet"}},
        {"text.magic-link-opened",
         {"The link worked. Go back to the tab where you started signing in and continue there; you can close this "
          "tab.",
          "Der Link hat funktioniert. Kehren Sie zu dem Tab zurück, in dem Sie die Anmeldung begonnen haben, und "
          "fahren "
          "Sie dort fort; diesen Tab können Sie schließen."}},
        {"title.magic-link-invalid", {"This link cannot be used", "Dieser Link kann nicht verwendet werden"}},
        {"text.magic-link-invalid",
         {"The sign-in link is unknown, has expired or was already used. Start signing in again to get a new one.",
          "Der Anmeldelink ist unbekannt, abgelaufen oder wurde bereits verwendet. Beginnen Sie die Anmeldung erneut, "
          "um einen neuen zu erhalten."}},
        {"title.email-code", {"Enter the code from your email", "Code aus der E-Mail eingeben"}},
        {"text.email-code",
         {"If an account exists for this address, we have emailed it a code. Enter it here.",
          "Falls es für diese Adresse ein Konto gibt, haben wir einen Code dorthin gesendet. Geben Sie ihn hier ein."}},
        {"label.email-code", {"Code from the email", "Code aus der E-Mail"}},
        {"button.resend-code", {"Send a new code", "Neuen Code senden"}},
        {"error.code_resent", {"We have sent a new code.", "Wir haben einen neuen Code gesendet."}},
        {"title.choose-organisation", {"Choose an organisation", "Organisation wählen"}},
        {"text.choose-organisation",
         {"You belong to several organisations. Choose the one you act for in this session.",
          "Sie gehören zu mehreren Organisationen. Wählen Sie die, für die Sie in dieser Sitzung handeln."}},
        {"label.org", {"Organisation", "Organisation"}},
        {"error.invalid_choice",
         {"Choose one of the listed organisations.", "Wählen Sie eine der aufgeführten Organisationen."}},
        {"title.accept-terms", {"Terms of use", "Nutzungsbedingungen"}},
        {"text.accept-terms",
         {"Please read and accept the terms of use (version %1) to continue.",
          "Bitte lesen und akzeptieren Sie die Nutzungsbedingungen (Version %1), um fortzufahren."}},
        {"link.terms", {"Read the terms of use", "Nutzungsbedingungen lesen"}},
        {"button.accept", {"Accept", "Akzeptieren"}},
        {"button.decline", {"Decline", "Ablehnen"}},
        {"error.terms_declined", {"The terms were declined.", "Die Nutzungsbedingungen wurden abgelehnt."}},
        {"title.collect-profile", {"Complete your profile", "Profil vervollständigen"}},
        {"text.collect-profile",
         {"Please tell us a little more about yourself.", "Bitte ergänzen Sie einige Angaben zu Ihrer Person."}},
        {"label.given_name", {"First name", "Vorname"}},
        {"label.family_name", {"Last name", "Nachname"}},
        {"label.phone_number", {"Phone number", "Telefonnummer"}},
        {"label.job_title", {"Job title", "Funktion"}},
        {"label.department", {"Department", "Abteilung"}},
        {"label.locale", {"Preferred language", "Bevorzugte Sprache"}},
        {"text.optional", {"(optional)", "(optional)"}},
        {"error.too_long", {"Use at most 200 characters.", "Verwenden Sie höchstens 200 Zeichen."}},
        {"mail.magic-link.subject", {"Your sign-in link", "Ihr Anmeldelink"}},
        {"mail.magic-link.text",
         {"Hello,\n\nopen this link within %minutes minutes to sign in:\n\n%link\n\nThe link works once. If you did "
          "not try to sign in, ignore this email.\n",
          "Guten Tag,\n\nöffnen Sie diesen Link innerhalb von %minutes Minuten, um sich anzumelden:\n\n%link\n\nDer "
          "Link funktioniert einmal. Falls Sie sich nicht anmelden wollten, ignorieren Sie diese E-Mail.\n"}},
        {"mail.email-code.subject", {"Your sign-in code", "Ihr Anmeldecode"}},
        {"mail.email-code.text",
         {"Hello,\n\nyour sign-in code is %code\n\nIt works once, for %minutes minutes. If you did not try to sign "
          "in, ignore this email.\n",
          "Guten Tag,\n\nIhr Anmeldecode lautet %code\n\nEr funktioniert einmal, %minutes Minuten lang. Falls Sie "
          "sich nicht anmelden wollten, ignorieren Sie diese E-Mail.\n"}},
    };
    return table;
}

std::string trim(std::string_view text)
{
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t");
    return std::string(text.substr(begin, end - begin + 1));
}

} // namespace

LoginText::Language LoginText::fromAcceptLanguage(std::string_view header)
{
    // "de-DE,de;q=0.9,en;q=0.8": the highest q wins, ties go to the earlier entry.
    double bestQ = -1;
    Language best = Language::English;
    std::size_t start = 0;
    while (start <= header.size()) {
        const std::size_t comma = std::min(header.find(',', start), header.size());
        const std::string item = trim(header.substr(start, comma - start));
        start = comma + 1;
        const std::size_t semicolon = item.find(';');
        std::string tag = trim(std::string_view(item).substr(0, semicolon));
        std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        double q = 1.0;
        if (semicolon != std::string::npos) {
            const std::string param = trim(std::string_view(item).substr(semicolon + 1));
            if (param.rfind("q=", 0) == 0)
                q = std::atof(param.c_str() + 2);
        }
        const std::string primary = tag.substr(0, tag.find('-'));
        if ((primary == "de" || primary == "en") && q > 0 && q > bestQ) {
            bestQ = q;
            best = primary == "de" ? Language::German : Language::English;
        }
        if (comma >= header.size())
            break;
    }
    return best;
}

std::string LoginText::get(Language language, const std::string& key)
{
    const auto it = texts().find(key);
    if (it == texts().end())
        return key;
    return language == Language::German ? it->second.second : it->second.first;
}

bool LoginText::has(const std::string& key)
{
    return texts().count(key) > 0;
}

} // namespace trellis::server
