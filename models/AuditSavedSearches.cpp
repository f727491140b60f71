#include "models/AuditSavedSearches.h"

#include <QSettings>

namespace trellis::models {

namespace {

const QString kGroup = QStringLiteral("auditSavedSearches");

} // namespace

AuditSavedSearches::AuditSavedSearches(const QString& settingsFile)
    : m_settings(settingsFile.isEmpty() ? std::make_unique<QSettings>()
                                        : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{
}

AuditSavedSearches::~AuditSavedSearches() = default;

QList<std::pair<QString, QString>> AuditSavedSearches::entries() const
{
    // Names are stored as values (keys would mangle slashes and spaces): a list of {name, link}.
    QList<std::pair<QString, QString>> out;
    const int n = m_settings->beginReadArray(kGroup);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        out.append({m_settings->value(QStringLiteral("name")).toString(),
                    m_settings->value(QStringLiteral("link")).toString()});
    }
    m_settings->endArray();
    return out;
}

void AuditSavedSearches::write(const QList<std::pair<QString, QString>>& entries)
{
    m_settings->remove(kGroup);
    m_settings->beginWriteArray(kGroup, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), entries[i].first);
        m_settings->setValue(QStringLiteral("link"), entries[i].second);
    }
    m_settings->endArray();
    m_settings->sync();
}

QStringList AuditSavedSearches::names() const
{
    QStringList out;
    for (const auto& [name, link] : entries())
        out << name;
    out.sort(Qt::CaseInsensitive);
    return out;
}

std::optional<client::AuditFilter> AuditSavedSearches::filter(const QString& name) const
{
    for (const auto& [entryName, link] : entries())
        if (entryName == name)
            return client::AuditFilter::fromLink(link);
    return std::nullopt;
}

void AuditSavedSearches::save(const QString& name, const client::AuditFilter& filter)
{
    auto all = entries();
    all.removeIf([&name](const auto& e) { return e.first == name; });
    all.append({name, filter.toLink()});
    write(all);
}

void AuditSavedSearches::remove(const QString& name)
{
    auto all = entries();
    all.removeIf([&name](const auto& e) { return e.first == name; });
    write(all);
}

} // namespace trellis::models
