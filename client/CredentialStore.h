#pragma once

#include <functional>

#include <QByteArray>
#include <QObject>
#include <QString>

namespace trellis::client {

/// Where the console keeps a refresh token between runs: the OS keychain, or nowhere.
///
/// Keys name the profile and the account. Only the refresh token is stored; access tokens stay in memory.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    enum class Status
    {
        Ok,
        NotFound,    ///< nothing stored under this key
        Unavailable, ///< no keychain on this computer (the session lasts until the console closes)
        Failed       ///< the keychain answered with an error
    };
    Q_ENUM(Status)

    struct Result
    {
        Status status = Status::Failed;
        QByteArray secret; ///< the stored token on a successful read; empty otherwise
        QString message;   ///< plain, translated words when something went wrong
        bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(Result)>;

    using QObject::QObject;

    /// "<profile id>/<account>": the entry's key (no secret in it).
    static QString keyFor(const QString& profileId, const QString& account);

    /// False once the store knows no keychain can be used; the reason is in unavailableReason().
    virtual bool isAvailable() const = 0;
    virtual QString unavailableReason() const = 0;

    /// Callbacks run asynchronously in `context`'s thread and are dropped when `context` is destroyed first.
    virtual void write(const QString& key, const QByteArray& secret, QObject* context, Callback callback) = 0;
    virtual void read(const QString& key, QObject* context, Callback callback) = 0;
    /// Deleting a missing entry counts as success.
    virtual void remove(const QString& key, QObject* context, Callback callback) = 0;
};

} // namespace trellis::client
