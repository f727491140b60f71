#pragma once

#include "client/CredentialStore.h"

namespace QKeychain {
class Job;
}

namespace trellis::client {

/// CredentialStore over QtKeychain (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows).
///
/// The insecure fallback (a plain file) is always off. When no keychain answers, one retry follows after a short
/// delay (a Secret Service may still be starting at login); after that the store reports itself unavailable and
/// stops asking for the rest of the run.
class KeychainCredentialStore : public CredentialStore
{
    Q_OBJECT

public:
    /// `service` is the keychain's application name ("Trellis"); tests pass their own to stay apart.
    explicit KeychainCredentialStore(const QString& service = QStringLiteral("Trellis"), QObject* parent = nullptr);

    QString service() const;
    /// Delay before the one retry when no keychain answered (default 500 ms).
    void setRetryDelay(int milliseconds);

    bool isAvailable() const override;
    QString unavailableReason() const override;
    void write(const QString& key, const QByteArray& secret, QObject* context, Callback callback) override;
    void read(const QString& key, QObject* context, Callback callback) override;
    void remove(const QString& key, QObject* context, Callback callback) override;

    /// Plain words for a QtKeychain error code (QKeychain::Error as int; never includes the secret).
    static QString messageFor(int keychainError, const QString& detail);

private:
    enum class Operation
    {
        Write,
        Read,
        Remove
    };
    void run(Operation operation, const QString& key, const QByteArray& secret, QObject* context, Callback callback,
             bool retried);
    QKeychain::Job* makeJob(Operation operation, const QString& key, const QByteArray& secret);

    QString m_service;
    QString m_unavailableReason;
    int m_retryDelayMs = 500;
    bool m_unavailable = false;
};

} // namespace trellis::client
