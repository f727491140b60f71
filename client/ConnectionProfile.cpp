#include "client/ConnectionProfile.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace trellis::client {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("trellis::client::ConnectionProfile", text);
}

bool isLoopbackHost(const QString& host)
{
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QUrl ConnectionProfile::parseServerUrl(const QString& text, QString* error)
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return QUrl();
    };
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("Enter the server's address, for example https://id.example.com."));
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return fail(tr("This is not a valid web address."));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return fail(tr("The address must start with https://."));
    if (url.host().isEmpty())
        return fail(tr("The address needs a server name, for example https://id.example.com."));
    if (!url.userInfo().isEmpty())
        return fail(tr("The address must not contain a user name or password."));
    if (url.hasQuery() || url.hasFragment())
        return fail(tr("The address must not contain \"?\" or \"#\"."));
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return fail(tr("Use https:// for a server on another computer; http:// is only allowed for this computer."));
    url.setScheme(scheme);
    url.setHost(url.host().toLower());
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    if (error)
        error->clear();
    return url;
}

} // namespace trellis::client
