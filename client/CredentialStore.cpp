#include "client/CredentialStore.h"

namespace trellis::client {

QString CredentialStore::keyFor(const QString& profileId, const QString& account)
{
    return profileId + QLatin1Char('/') + account;
}

} // namespace trellis::client
