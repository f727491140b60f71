#include "models/ProfileStore.h"

#include <algorithm>

#include <QSettings>
#include <QUuid>

namespace trellis::models {

namespace {
const QString group = QStringLiteral("profiles");
const QString lastUsedKey = QStringLiteral("connection/lastUsed");
} // namespace

QString ProfileStore::localWorkspaceId()
{
    return QStringLiteral("local");
}

ProfileStore::ProfileStore(const QString& settingsFile, QObject* parent)
    : QObject(parent)
    , m_settings(settingsFile.isEmpty() ? std::make_unique<QSettings>()
                                        : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::settingsFileName() const
{
    return m_settings->fileName();
}

QList<client::ConnectionProfile> ProfileStore::profiles() const
{
    QList<client::ConnectionProfile> result;
    m_settings->beginGroup(group);
    const QStringList ids = m_settings->childGroups();
    for (const QString& id : ids) {
        client::ConnectionProfile p;
        p.id = id;
        p.name = m_settings->value(id + QStringLiteral("/name")).toString();
        p.serverUrl = QUrl(m_settings->value(id + QStringLiteral("/serverUrl")).toString());
        p.account = m_settings->value(id + QStringLiteral("/account")).toString();
        if (p.isValid())
            result.append(p);
    }
    m_settings->endGroup();
    std::sort(result.begin(), result.end(),
              [](const auto& a, const auto& b) { return QString::localeAwareCompare(a.name, b.name) < 0; });
    return result;
}

std::optional<client::ConnectionProfile> ProfileStore::profile(const QString& id) const
{
    const auto all = profiles();
    for (const auto& p : all) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

client::ConnectionProfile ProfileStore::save(client::ConnectionProfile profile)
{
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_settings->beginGroup(group);
    m_settings->beginGroup(profile.id);
    m_settings->setValue(QStringLiteral("name"), profile.name);
    m_settings->setValue(QStringLiteral("serverUrl"), profile.serverUrl.toString());
    m_settings->setValue(QStringLiteral("account"), profile.account);
    m_settings->endGroup();
    m_settings->endGroup();
    m_settings->sync();
    Q_EMIT profilesChanged();
    return profile;
}

void ProfileStore::remove(const QString& id)
{
    if (id.isEmpty())
        return;
    m_settings->remove(group + QLatin1Char('/') + id);
    if (m_settings->value(lastUsedKey).toString() == id)
        m_settings->remove(lastUsedKey);
    m_settings->sync();
    Q_EMIT profilesChanged();
}

void ProfileStore::setAccount(const QString& profileId, const QString& account)
{
    if (!profile(profileId))
        return;
    m_settings->setValue(group + QLatin1Char('/') + profileId + QStringLiteral("/account"), account);
    m_settings->sync();
}

QString ProfileStore::lastUsed() const
{
    const QString id = m_settings->value(lastUsedKey).toString();
    return profile(id) ? id : localWorkspaceId();
}

void ProfileStore::setLastUsed(const QString& id)
{
    m_settings->setValue(lastUsedKey, id);
    m_settings->sync();
}

} // namespace trellis::models
