#pragma once

#include "client/CredentialStore.h"

namespace trellis::client {

/// The "no keychain" store: remembers nothing and says why, so the console keeps the session in memory only.
class UnavailableCredentialStore : public CredentialStore
{
    Q_OBJECT

public:
    explicit UnavailableCredentialStore(const QString& reason, QObject* parent = nullptr);

    bool isAvailable() const override;
    QString unavailableReason() const override;
    void write(const QString& key, const QByteArray& secret, QObject* context, Callback callback) override;
    void read(const QString& key, QObject* context, Callback callback) override;
    void remove(const QString& key, QObject* context, Callback callback) override;

private:
    void answer(QObject* context, Callback callback);

    QString m_reason;
};

} // namespace trellis::client
