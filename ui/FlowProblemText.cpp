#include "ui/FlowProblemText.h"

#include <QCoreApplication>

namespace trellis::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("trellis::ui::FlowProblemText", text);
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString fieldName(const core::flow::FlowProblem& p)
{
    const QString field = qs(p.field);
    return field.startsWith(QLatin1String("config.")) ? field.mid(7) : field;
}

} // namespace

QString FlowProblemText::fieldText(const core::flow::FlowProblem& p)
{
    const std::string& c = p.code;
    if (c == "missing_config_field")
        return tr("Required: choose a value.");
    if (c == "invalid_config_type")
        return tr("This value has the wrong kind.");
    if (c == "invalid_config_value")
        return tr("This value is not one of the choices.");
    if (c == "config_out_of_range")
        return tr("This value is out of range: %1").arg(qs(p.message));
    if (c == "unknown_config_field")
        return tr("This setting is unknown to the step type.");
    return qs(p.message);
}

QString FlowProblemText::text(const core::flow::FlowProblem& p)
{
    const QString node = qs(p.nodeId);
    const QString outcome = qs(p.outcome);
    const std::string& c = p.code;
    if (c == "missing_start")
        return tr("The journey has no start step. Select a step and choose “Start here”.");
    if (c == "start_not_found")
        return tr("The start step does not exist any more.");
    if (c == "unknown_node_type")
        return tr("Step “%1” has a type this server does not know.").arg(node);
    if (c == "missing_config_field")
        return tr("Step “%1”: the setting “%2” needs a value.").arg(node, fieldName(p));
    if (c == "unknown_config_field")
        return tr("Step “%1”: the setting “%2” is unknown.").arg(node, fieldName(p));
    if (c == "invalid_config_type" || c == "invalid_config_value" || c == "config_out_of_range")
        return tr("Step “%1”: the setting “%2” is not valid.").arg(node, fieldName(p));
    if (c == "unknown_outcome")
        return tr("Step “%1” has an exit “%2” its type does not have.").arg(node, outcome);
    if (c == "unwired_outcome")
        return tr("Step “%1”: the exit “%2” leads nowhere yet.").arg(node, outcome);
    if (c == "outcome_target_missing")
        return tr("Step “%1”: the exit “%2” leads to a step that does not exist.").arg(node, outcome);
    if (c == "unreachable_node")
        return tr("Step “%1” can never be reached from the start.").arg(node);
    if (c == "no_path_to_success")
        return tr("No way through the journey ends in success.");
    if (c == "screenless_cycle")
        return tr("Step “%1” is part of a loop that never shows a page: sign-ins would go round forever.").arg(node);
    // Codes added later (other node types, the server's publish checks): the server's own words.
    return qs(p.message);
}

} // namespace trellis::ui
