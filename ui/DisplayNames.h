#pragma once

#include "core/Org.h"
#include "core/OrgKind.h"

#include <utility>

#include <QIcon>
#include <QList>
#include <QString>

namespace trellis::ui {

/// Translated words people see for the domain's enumerations, and the icon of each org kind.
class DisplayNames
{
public:
    static QString orgKind(core::OrgKind kind);
    static QString orgStatus(core::OrgStatus status);
    static QIcon orgKindIcon(core::OrgKind kind);
    /// An org's free-form attributes as (label, text) pairs in key order, nested values shown compactly.
    /// The one place the console's widgets look into the attribute document the domain type carries.
    static QList<std::pair<QString, QString>> attributes(const core::Org& org);
};

} // namespace trellis::ui
