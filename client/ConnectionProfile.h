#pragma once

#include <QString>
#include <QUrl>

namespace trellis::client {

/// A server the console can connect to: a name people recognise and the server's URL. Never a secret.
struct ConnectionProfile
{
    QString id;      ///< stable, generated; names the keychain entry together with the account
    QString name;    ///< e.g. "Acme production"
    QUrl serverUrl;  ///< the trellisd base URL, also the OpenID Connect issuer
    QString account; ///< the account last signed in with this profile (an email), empty when none

    bool isValid() const { return !id.isEmpty() && serverUrl.isValid(); }

    /// Checks what a person typed as a server URL. Returns the normalised URL, or an invalid one and the reason
    /// (translated) in `error`: only http(s) with a host, no user info, query or fragment; plain http only on
    /// loopback, because the sign-in would otherwise cross the network unencrypted.
    static QUrl parseServerUrl(const QString& text, QString* error);
};

} // namespace trellis::client
