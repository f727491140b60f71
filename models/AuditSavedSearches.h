#pragma once

#include "client/AuditFilter.h"

#include <memory>
#include <optional>

#include <QList>
#include <QStringList>

class QSettings;

namespace trellis::models {

/// The audit browser's saved searches: named filters kept in the console's settings (as their shareable links).
class AuditSavedSearches
{
public:
    /// `settingsFile` empty: the application's settings; otherwise an INI file (tests).
    explicit AuditSavedSearches(const QString& settingsFile = QString());
    ~AuditSavedSearches();

    /// Names in alphabetical order.
    QStringList names() const;
    std::optional<client::AuditFilter> filter(const QString& name) const;
    /// Saves (or replaces) `name`.
    void save(const QString& name, const client::AuditFilter& filter);
    void remove(const QString& name);

private:
    QList<std::pair<QString, QString>> entries() const;
    void write(const QList<std::pair<QString, QString>>& entries);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace trellis::models
