#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <QCoreApplication>
#include <QString>

namespace trellis::ui {

/// Translated words for the permission catalog (core/Permission.h) — the area each permission belongs to and a
/// one-line plain explanation; areas come from the catalog itself ("org.read" belongs to "org") — and for the
/// built-in roles, whose names and descriptions the server sends in English.
class PermissionText
{
    Q_DECLARE_TR_FUNCTIONS(trellis::ui::PermissionText)

public:
    /// One area of the catalog and its permissions, in catalog order.
    struct Group
    {
        std::string area; ///< "org", "user", "role", "flow", "audit", "review"
        QString title;    ///< "Organisations", ...
        std::vector<std::string> permissions;
    };

    /// The catalog grouped by area, areas in the order they first appear in the catalog.
    static std::vector<Group> groups();
    static QString areaTitle(std::string_view area);
    /// What the permission allows, in one short sentence.
    static QString explanation(std::string_view permission);
    /// Explanations of `permissions`, comma-separated (for lists and tooltips).
    static QString summary(const std::vector<std::string>& permissions);
    /// The translated name of a built-in role (by key); `name` itself for any other role.
    static QString roleName(std::string_view key, bool builtIn, const std::string& name);
    /// The translated description of a built-in role (by key); `description` itself for any other role.
    static QString roleDescription(std::string_view key, bool builtIn, const std::string& description);
};

} // namespace trellis::ui
