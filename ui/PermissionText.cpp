#include "ui/PermissionText.h"

#include "core/Permission.h"

#include <QStringList>

namespace trellis::ui {

namespace {

std::string areaOf(std::string_view permission)
{
    return std::string(permission.substr(0, permission.find('.')));
}

} // namespace

std::vector<PermissionText::Group> PermissionText::groups()
{
    std::vector<Group> groups;
    for (const auto permission : core::Permission::all()) {
        const std::string area = areaOf(permission);
        if (groups.empty() || groups.back().area != area)
            groups.push_back({area, areaTitle(area), {}});
        groups.back().permissions.emplace_back(permission);
    }
    return groups;
}

QString PermissionText::areaTitle(std::string_view area)
{
    if (area == "org")
        return tr("Organisations");
    if (area == "user")
        return tr("People");
    if (area == "role")
        return tr("Roles");
    if (area == "flow")
        return tr("Login flows");
    if (area == "audit")
        return tr("Audit");
    if (area == "review")
        return tr("Reviews");
    return QString::fromUtf8(area.data(), qsizetype(area.size()));
}

QString PermissionText::explanation(std::string_view permission)
{
    using namespace core::Permission;
    if (permission == OrgRead)
        return tr("See organisations: the tree, their details and search");
    if (permission == OrgManage)
        return tr("Create, rename, move, suspend and offboard organisations");
    if (permission == UserRead)
        return tr("See people and their memberships");
    if (permission == UserManage)
        return tr("Change, disable and offboard people, reset their MFA, import them");
    if (permission == UserInvite)
        return tr("Invite people and resend or revoke invitations");
    if (permission == RoleAssign)
        return tr("Give and take away roles, and define custom roles (only with permissions you hold)");
    if (permission == FlowDesign)
        return tr("Edit login journeys");
    if (permission == FlowPublish)
        return tr("Publish login journeys and bind them to organisations");
    if (permission == AuditRead)
        return tr("Read the audit trail");
    if (permission == ReviewManage)
        return tr("Run access reviews");
    return QString::fromUtf8(permission.data(), qsizetype(permission.size()));
}

QString PermissionText::summary(const std::vector<std::string>& permissions)
{
    QStringList parts;
    for (const auto& p : permissions)
        parts << explanation(p);
    return parts.join(QStringLiteral("; "));
}

QString PermissionText::roleName(std::string_view key, bool builtIn, const std::string& name)
{
    if (builtIn) {
        if (key == "platform-owner")
            return tr("Platform owner");
        if (key == "security-auditor")
            return tr("Security auditor");
        if (key == "org-admin")
            return tr("Organisation admin");
        if (key == "user-manager")
            return tr("User manager");
        if (key == "flow-designer")
            return tr("Flow designer");
        if (key == "member")
            return tr("Member");
    }
    return QString::fromStdString(name);
}

QString PermissionText::roleDescription(std::string_view key, bool builtIn, const std::string& description)
{
    if (builtIn) {
        if (key == "platform-owner")
            return tr("Everything, everywhere below the organisation it is assigned at.");
        if (key == "security-auditor")
            return tr("Reads everything and runs access reviews; changes nothing else.");
        if (key == "org-admin")
            return tr("Manages the organisation, its people and their roles.");
        if (key == "user-manager")
            return tr("Invites and manages people.");
        if (key == "flow-designer")
            return tr("Designs and publishes login journeys.");
        if (key == "member")
            return tr("Belongs to the organisation; no administration rights.");
    }
    return QString::fromStdString(description);
}

} // namespace trellis::ui
