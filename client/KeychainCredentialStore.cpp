#include "client/KeychainCredentialStore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace trellis::client {

namespace {

Q_LOGGING_CATEGORY(lcKeychain, "trellis.client.keychain")

// Errors that mean "no keychain on this computer", as opposed to a problem with one entry.
bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError;
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(const QString& service, QObject* parent)
    : CredentialStore(parent)
    , m_service(service)
{
}

QString KeychainCredentialStore::service() const
{
    return m_service;
}

void KeychainCredentialStore::setRetryDelay(int milliseconds)
{
    m_retryDelayMs = milliseconds;
}

bool KeychainCredentialStore::isAvailable() const
{
    return !m_unavailable;
}

QString KeychainCredentialStore::unavailableReason() const
{
    return m_unavailableReason;
}

QString KeychainCredentialStore::messageFor(int keychainError, const QString& detail)
{
    switch (QKeychain::Error(keychainError)) {
    case QKeychain::NoError:
        return QString();
    case QKeychain::EntryNotFound:
        return tr("No saved sign-in was found.");
    case QKeychain::CouldNotDeleteEntry:
        return tr("The saved sign-in could not be deleted from the keychain.");
    case QKeychain::AccessDeniedByUser:
        return tr("Access to the keychain was refused.");
    case QKeychain::AccessDenied:
        return tr("Trellis is not allowed to use the keychain.");
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return tr("no keychain (Secret Service) is available");
    case QKeychain::OtherError:
        break;
    }
    return detail.isEmpty() ? tr("the keychain did not answer") : tr("the keychain reported: %1").arg(detail);
}

QKeychain::Job* KeychainCredentialStore::makeJob(Operation operation, const QString& key, const QByteArray& secret)
{
    QKeychain::Job* job = nullptr;
    switch (operation) {
    case Operation::Write: {
        auto* write = new QKeychain::WritePasswordJob(m_service, this);
        write->setBinaryData(secret);
        job = write;
        break;
    }
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service, this);
        break;
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service, this);
        break;
    }
    job->setKey(key);
    // Never a plain-text file: without a keychain the session is kept in memory only.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    return job;
}

void KeychainCredentialStore::write(const QString& key, const QByteArray& secret, QObject* context, Callback callback)
{
    run(Operation::Write, key, secret, context, std::move(callback), false);
}

void KeychainCredentialStore::read(const QString& key, QObject* context, Callback callback)
{
    run(Operation::Read, key, {}, context, std::move(callback), false);
}

void KeychainCredentialStore::remove(const QString& key, QObject* context, Callback callback)
{
    run(Operation::Remove, key, {}, context, std::move(callback), false);
}

void KeychainCredentialStore::run(Operation operation, const QString& key, const QByteArray& secret, QObject* context,
                                  Callback callback, bool retried)
{
    QObject* receiver = context ? context : this;
    if (m_unavailable) {
        QTimer::singleShot(0, receiver, [callback = std::move(callback), reason = m_unavailableReason] {
            callback(Result{Status::Unavailable, {}, reason});
        });
        return;
    }
    QKeychain::Job* job = makeJob(operation, key, secret);
    const QPointer<QObject> guard(receiver);
    connect(job, &QKeychain::Job::finished, this,
            [this, guard, operation, key, secret, callback = std::move(callback), retried](QKeychain::Job* done) {
                const QKeychain::Error error = done->error();
                if (meansNoKeychain(error) && !retried) {
                    // At login the Secret Service may not be up yet: one more try after a short delay.
                    qCInfo(lcKeychain) << "no keychain answered, retrying once:" << done->errorString();
                    QTimer::singleShot(m_retryDelayMs, this, [=, this] {
                        if (guard)
                            run(operation, key, secret, guard, callback, true);
                    });
                    return;
                }
                Result result;
                if (error == QKeychain::NoError) {
                    result.status = Status::Ok;
                    if (operation == Operation::Read)
                        result.secret = static_cast<QKeychain::ReadPasswordJob*>(done)->binaryData();
                } else if (error == QKeychain::EntryNotFound) {
                    // A missing entry is what "delete" wanted anyway.
                    result.status = operation == Operation::Remove ? Status::Ok : Status::NotFound;
                } else if (meansNoKeychain(error)) {
                    m_unavailable = true;
                    m_unavailableReason = messageFor(error, done->errorString());
                    qCWarning(lcKeychain) << "keychain unavailable for this session:" << done->errorString();
                    result.status = Status::Unavailable;
                    result.message = m_unavailableReason;
                } else {
                    qCWarning(lcKeychain) << "keychain error" << int(error) << done->errorString();
                    result.status = Status::Failed;
                    result.message = messageFor(error, done->errorString());
                }
                if (guard)
                    callback(std::move(result));
            });
    job->start();
}

} // namespace trellis::client
