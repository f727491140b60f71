#include "ui/DisplayNames.h"

#include <QCoreApplication>

namespace trellis::ui {

QString DisplayNames::orgKind(core::OrgKind kind)
{
    switch (kind) {
    case core::OrgKind::Manufacturer:
        return QCoreApplication::translate("trellis::ui::DisplayNames", "Manufacturer");
    case core::OrgKind::Reseller:
        return QCoreApplication::translate("trellis::ui::DisplayNames", "Reseller");
    case core::OrgKind::Distributor:
        return QCoreApplication::translate("trellis::ui::DisplayNames", "Distributor");
    case core::OrgKind::Customer:
        return QCoreApplication::translate("trellis::ui::DisplayNames", "Customer");
    case core::OrgKind::ServicePartner:
        return QCoreApplication::translate("trellis::ui::DisplayNames", "Service partner");
    case core::OrgKind::Supplier:
        return QCoreApplication::translate("trellis::ui::DisplayNames", "Supplier");
    case core::OrgKind::LogisticsProvider:
        return QCoreApplication::translate("trellis::ui::DisplayNames", "Logistics provider");
    case core::OrgKind::ItProvider:
        return QCoreApplication::translate("trellis::ui::DisplayNames", "IT provider");
    case core::OrgKind::Subcontractor:
        return QCoreApplication::translate("trellis::ui::DisplayNames", "Subcontractor");
    }
    return {};
}

QString DisplayNames::orgStatus(core::OrgStatus status)
{
    switch (status) {
    case core::OrgStatus::Active:
        return QCoreApplication::translate("trellis::ui::DisplayNames", "Active");
    case core::OrgStatus::Suspended:
        return QCoreApplication::translate("trellis::ui::DisplayNames", "Suspended");
    case core::OrgStatus::Offboarded:
        return QCoreApplication::translate("trellis::ui::DisplayNames", "Offboarded");
    }
    return {};
}

QIcon DisplayNames::orgKindIcon(core::OrgKind kind)
{
    const std::string_view name = core::toString(kind);
    return QIcon(QStringLiteral(":/icons/org-%1.svg").arg(QString::fromUtf8(name.data(), qsizetype(name.size()))));
}

QList<std::pair<QString, QString>> DisplayNames::attributes(const core::Org& org)
{
    QList<std::pair<QString, QString>> rows;
    if (!org.attributes.is_object())
        return rows;
    for (const auto& [key, value] : org.attributes.items()) {
        QString text;
        if (value.is_string())
            text = QString::fromStdString(value.get<std::string>());
        else if (value.is_boolean())
            text = value.get<bool>() ? QCoreApplication::translate("trellis::ui::DisplayNames", "yes")
                                     : QCoreApplication::translate("trellis::ui::DisplayNames", "no");
        else if (!value.is_null())
            text = QString::fromStdString(value.dump());
        // Keys are machine names ("cost_center"); people read "Cost center".
        QString label = QString::fromStdString(key);
        label.replace(QLatin1Char('_'), QLatin1Char(' ')).replace(QLatin1Char('-'), QLatin1Char(' '));
        if (!label.isEmpty())
            label[0] = label[0].toUpper();
        rows.append({label, text});
    }
    return rows;
}

} // namespace trellis::ui
