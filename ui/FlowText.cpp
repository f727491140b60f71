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
    QString name = QString::fromStdString(category);
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

} // namespace trellis::ui
