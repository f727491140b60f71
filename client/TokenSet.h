#pragma once

#include <QByteArray>
#include <QString>

namespace trellis::client {

/// What the token endpoint handed out. Lives in memory only; the refresh token goes to the keychain, nowhere else.
struct TokenSet
{
    QByteArray accessToken;
    QByteArray refreshToken; ///< the new one after every refresh (rotation)
    QByteArray idToken;
    qint64 expiresIn = 0; ///< seconds, as sent by the server
    QString subject;      ///< from the access token's claims (display and keychain key only, not trusted)
    QString email;
    QString name;

    /// The account name used for the keychain key and the title bar: the email, else the subject.
    QString account() const { return email.isEmpty() ? subject : email; }
};

} // namespace trellis::client
