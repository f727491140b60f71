#include "client/UnavailableCredentialStore.h"

#include <QPointer>
#include <QTimer>

namespace trellis::client {

UnavailableCredentialStore::UnavailableCredentialStore(const QString& reason, QObject* parent)
    : CredentialStore(parent)
    , m_reason(reason)
{
}

bool UnavailableCredentialStore::isAvailable() const
{
    return false;
}

QString UnavailableCredentialStore::unavailableReason() const
{
    return m_reason;
}

void UnavailableCredentialStore::write(const QString&, const QByteArray&, QObject* context, Callback callback)
{
    answer(context, std::move(callback));
}

void UnavailableCredentialStore::read(const QString&, QObject* context, Callback callback)
{
    answer(context, std::move(callback));
}

void UnavailableCredentialStore::remove(const QString&, QObject* context, Callback callback)
{
    answer(context, std::move(callback));
}

void UnavailableCredentialStore::answer(QObject* context, Callback callback)
{
    // Asynchronous like the real store, so callers never see a callback from inside their own call.
    QTimer::singleShot(0, context ? context : this, [callback = std::move(callback), reason = m_reason] {
        callback(Result{Status::Unavailable, {}, reason});
    });
}

} // namespace trellis::client
