#pragma once

#include "tests/common/TestHttpClient.h"

#include <QString>
#include <QUrl>

namespace trellis::test {

/// A real refresh token for tests that check revocation: signs `email` in with `password` through the hosted login
/// as the console client (authorization code with PKCE, loopback redirect) and redeems the code. Empty (with a
/// warning) when any step fails.
QString consoleRefreshToken(const QUrl& server, const QString& email, const QString& password);
/// POST /oauth2/token with grant_type=refresh_token as the console client.
HttpResult refreshConsoleToken(const QUrl& server, const QString& refreshToken);

} // namespace trellis::test
