#pragma once

#include "client/ConnectionProfile.h"

#include <memory>

#include <QList>
#include <QObject>

class QSettings;

namespace trellis::models {

/// The connection profiles and which connection was used last, kept with QSettings. Holds no secret: names, URLs
/// and the last account's name only (the refresh token is in the keychain).
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    /// The "connection" meaning the local workspace rather than a profile.
    static QString localWorkspaceId();

    /// Uses the application's QSettings; `settingsFile` non-empty: that INI file instead (tests).
    explicit ProfileStore(const QString& settingsFile = QString(), QObject* parent = nullptr);
    ~ProfileStore() override;

    QString settingsFileName() const;

    QList<client::ConnectionProfile> profiles() const; ///< sorted by name
    std::optional<client::ConnectionProfile> profile(const QString& id) const;
    /// Adds (empty id: a new one is generated) or updates a profile; returns it as stored.
    client::ConnectionProfile save(client::ConnectionProfile profile);
    void remove(const QString& id);
    void setAccount(const QString& profileId, const QString& account);

    /// The profile id used last, or localWorkspaceId() (also when the profile has been removed since).
    QString lastUsed() const;
    void setLastUsed(const QString& id);

Q_SIGNALS:
    void profilesChanged();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace trellis::models
