#pragma once

#include <QString>
#include <QStringList>

namespace trellis::client {

/// What inviting someone to an organisation needs (POST /orgs/{id}/invitations).
struct InvitationRequest
{
    QString orgId;
    QString email;
    QString displayName;
    QString title;
    QStringList roleIds;
    int expiresInDays = 7;
};

} // namespace trellis::client
