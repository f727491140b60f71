#include "ui/FlowText.h"

#include <QCoreApplication>

namespace trellis::ui {

namespace {

// The built-in catalog's words, listed so that lupdate collects them (the catalog itself is plain C++ in core).
[[maybe_unused]] const char* const kCatalogWords[] = {
    // Node types
    QT_TRANSLATE_NOOP("FlowCatalog", "Identify"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Asks for the email address. Says nothing about whether an account exists."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Password"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Asks for the password of the identified user."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Authenticator code"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Asks for a one-time code from the user's authenticator app (TOTP)."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Set up authenticator"),
    QT_TRANSLATE_NOOP(
        "FlowCatalog",
        "Shows a QR code and the secret as text, and confirms the first code from the authenticator app."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Retry limit"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Counts failed attempts: retry until the limit is reached, then reject."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Condition"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Low"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Medium"),
    QT_TRANSLATE_NOOP("FlowCatalog", "High"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Version"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Branches on a fact about the user or the sign-in."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Success"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Signs the user in."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Failure"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Ends the sign-in with a message."),
    // Outcomes
    QT_TRANSLATE_NOOP("FlowCatalog", "Next"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Correct"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Wrong"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Locked"),
    QT_TRANSLATE_NOOP("FlowCatalog", "No password set"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Enrolled"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Failed"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Retry"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Reject"),
    QT_TRANSLATE_NOOP("FlowCatalog", "True"),
    QT_TRANSLATE_NOOP("FlowCatalog", "False"),
    // Config fields
    QT_TRANSLATE_NOOP("FlowCatalog", "Issuer"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Name the authenticator app shows next to the account."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Maximum attempts"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Failed attempts allowed before rejecting."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Fact"),
    QT_TRANSLATE_NOOP("FlowCatalog", "What to test about the sign-in so far."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Message"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Shown to the user."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Sign-in failed."),
    QT_TRANSLATE_NOOP("FlowCatalog", "user.hasTotp"),
    // Node types of issue 5 slices B and C (magic link, email code, risk, subflow, account steps, passkeys).
    QT_TRANSLATE_NOOP("FlowCatalog", "Magic link by email"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Emails a single-use sign-in link and shows \"check your email\". Opening the "
                                     "link (in any tab, within the expiry) continues the sign-in: verified; too late: "
                                     "expired. Nobody with the address gets no email, but the same page."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Link opened"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Link expired"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Link lifetime (minutes)"),
    QT_TRANSLATE_NOOP("FlowCatalog", "How long the link works."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Email code"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Emails a one-time numeric code and asks for it. Each code works once; a wrong "
                                     "code counts as a failed attempt."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Code length"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Digits in the code."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Code lifetime (minutes)"),
    QT_TRANSLATE_NOOP("FlowCatalog", "How long the code works."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Risk assessment"),
    QT_TRANSLATE_NOOP("FlowCatalog",
                      "Scores the attempt from signals: unknown device, client address in the allow or deny list, "
                      "recent failed attempts, first sign-in from a new country (by the address table), time of day. "
                      "Branches on the level; the score and its reasons go into the audit trail."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Medium from score"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Scores from here on are medium."),
    QT_TRANSLATE_NOOP("FlowCatalog", "High from score"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Scores from here on are high."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Unknown device"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Points when the browser was never used by this person before."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Allowed addresses"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Address ranges (CIDR) that lower the score."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Allowed address credit"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Points taken off for an allowed address."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Denied addresses"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Address ranges (CIDR) that raise the score."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Denied address"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Points for an address in the deny list."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Per recent failure"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Points per failed attempt in the last hour."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Failures at most"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Most points recent failures can add."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Country table"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Address ranges and their country, e.g. 203.0.113.0/24=DE; first match wins."),
    QT_TRANSLATE_NOOP("FlowCatalog", "New country"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Points for the first sign-in from a country."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Off hours from (UTC)"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Hour off hours begin."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Off hours until (UTC)"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Hour off hours end (the same as the start: never)."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Off hours"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Points for an attempt during off hours."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Subflow"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Runs another flow here. Its success and failure ends become this node's outcomes "
                                     "(a success or failure node's \"outcome\" setting names them)."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Flow"),
    QT_TRANSLATE_NOOP("FlowCatalog", "The flow to run."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Choose organisation"),
    QT_TRANSLATE_NOOP(
        "FlowCatalog",
        "A person with several memberships picks the organisation they act for; with one it is chosen without asking."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Chosen"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Accept terms"),
    QT_TRANSLATE_NOOP(
        "FlowCatalog",
        "Asks to accept a version of the terms of use, once per person and version; the acceptance is recorded."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Accepted"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Declined"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Terms address"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Where the terms are published (https://...)."),
    QT_TRANSLATE_NOOP("FlowCatalog", "A new version asks everyone again."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Collect profile"),
    QT_TRANSLATE_NOOP("FlowCatalog",
                      "Asks for profile attributes the person has not given yet (skipped when all are known)."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Done"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Attributes"),
    QT_TRANSLATE_NOOP("FlowCatalog",
                      "What to ask for: given_name, family_name, phone_number, job_title, department, locale"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Required"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Attributes that must not be left empty."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Outcome name"),
    QT_TRANSLATE_NOOP(
        "FlowCatalog",
        "When this flow runs as a subflow: the outcome this end gives the subflow node (empty: \"success\")."),
    QT_TRANSLATE_NOOP(
        "FlowCatalog",
        "When this flow runs as a subflow: the outcome this end gives the subflow node (empty: \"failure\")."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Operator"),
    QT_TRANSLATE_NOOP(
        "FlowCatalog",
        "How to test it: is-true/is-false for yes-no facts; equals, in (comma-separated list), ends-with for text; "
        "greater-than, at-least, less-than, at-most for numbers; contains, is-empty for lists."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Value"),
    QT_TRANSLATE_NOOP("FlowCatalog",
                      "What to compare with (not needed for is-true, is-false, is-empty, is-not-empty)."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Branches on a fact about the user, their memberships, the organisation, the "
                                     "application, the email domain or the risk assessed so far."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Passkey sign-in"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Signs in with a passkey (WebAuthn). At the start of a flow it offers any passkey "
                                     "of this site and identifies the person by it; after identify, only their own. "
                                     "Browsers without passkey support take the \"unsupported\" outcome."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Signed in"),
    QT_TRANSLATE_NOOP("FlowCatalog", "No passkey"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Not supported"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Create a passkey"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Offers the identified person to create a passkey for this site on their device."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Skipped"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Allow skipping"),
    QT_TRANSLATE_NOOP("FlowCatalog", "The person may continue without creating a passkey."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Only without a passkey"),
    QT_TRANSLATE_NOOP("FlowCatalog", "People who already have a passkey skip this step."),
    QT_TRANSLATE_NOOP("FlowCatalog", "User verification"),
    QT_TRANSLATE_NOOP("FlowCatalog", "\"required\" accepts only authenticators that checked a PIN or biometric; "
                                     "\"preferred\" asks for it but also accepts a touch."),
    QT_TRANSLATE_NOOP("FlowCatalog", "preferred"),
    QT_TRANSLATE_NOOP("FlowCatalog", "required"),
    // Federation (core/flow/FederationNodes)
    QT_TRANSLATE_NOOP("FlowCatalog", "Home-realm discovery"),
    QT_TRANSLATE_NOOP("FlowCatalog",
                      "Looks up the identified email address's domain: \"federated\" when an organisation's identity "
                      "provider claims it, \"local\" when a person has the address, \"unknown\" otherwise. Decides at "
                      "once, without a screen; put it after identify."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Federated"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Local"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Unknown"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Federated sign-in"),
    QT_TRANSLATE_NOOP("FlowCatalog",
                      "Sends the person to their organisation's own identity provider (OpenID Connect) and signs them "
                      "in with the answer. \"no-account\" when the upstream person has no Trellis account and "
                      "just-in-time provisioning is off."),
    QT_TRANSLATE_NOOP("FlowCatalog", "No account"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Identity provider"),
    QT_TRANSLATE_NOOP("FlowCatalog", "Id of the identity provider to use; empty: the one home-realm discovery found."),
    QT_TRANSLATE_NOOP("FlowCatalog", "Just-in-time provisioning"),
    QT_TRANSLATE_NOOP("FlowCatalog",
                      "An upstream person without a Trellis account becomes one, with a membership in the provider's "
                      "organisation."),
};

} // namespace

QString FlowText::text(const std::string& english)
{
    return QCoreApplication::translate("FlowCatalog", english.c_str());
}

QString FlowText::category(const std::string& category)
{
    if (category == "identification")
        return QCoreApplication::translate("FlowCatalog", "Identification");
    if (category == "authentication")
        return QCoreApplication::translate("FlowCatalog", "Authentication");
    if (category == "logic")
        return QCoreApplication::translate("FlowCatalog", "Logic");
    if (category == "end")
        return QCoreApplication::translate("FlowCatalog", "End");
    if (category == "account")
        return QCoreApplication::translate("FlowCatalog", "Account");
    QString name = QString::fromStdString(category);
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

} // namespace trellis::ui
