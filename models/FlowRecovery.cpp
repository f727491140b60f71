#include "models/FlowRecovery.h"

#include "models/FlowEditor.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUndoStack>

namespace trellis::models {

namespace {

Q_LOGGING_CATEGORY(lcRecovery, "trellis.models.flowrecovery")

QString safeName(const QString& flowId)
{
    QString name;
    for (const QChar c : flowId)
        name += (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')) ? c : QLatin1Char('_');
    return name.isEmpty() ? QStringLiteral("unsaved") : name;
}

} // namespace

FlowRecovery::FlowRecovery(FlowEditor* editor, QObject* parent)
    : QObject(parent)
    , m_editor(editor)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &FlowRecovery::write);
    // Only edits count (the undo stack moves; loading a flow afresh does not). Checked after the stack has moved:
    // while a command runs the stack does not know yet whether it leaves the clean state.
    connect(editor->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (!m_flowId.isEmpty() && m_editor->isModified())
            m_timer.start();
    });
}

QString FlowRecovery::directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/flow-recovery");
}

QString FlowRecovery::fileFor(const QString& flowId)
{
    return directory() + QLatin1Char('/') + safeName(flowId) + QStringLiteral(".json");
}

std::optional<FlowRecovery::Entry> FlowRecovery::find(const QString& flowId)
{
    QFile file(fileFor(flowId));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray data = file.readAll();
    const auto json = nlohmann::json::parse(data.constData(), data.constData() + data.size(), nullptr, false);
    if (!json.is_object() || !json.contains("document") || json.value("flowId", std::string()) != flowId.toStdString())
        return std::nullopt;
    std::vector<core::flow::FlowProblem> problems;
    auto document = core::flow::FlowDocument::fromJson(json.at("document"), problems);
    if (!document)
        return std::nullopt;
    Entry entry;
    entry.flowId = flowId;
    entry.revision = json.value("revision", 0);
    entry.savedAt = QDateTime::fromString(QString::fromStdString(json.value("savedAt", std::string())), Qt::ISODate);
    entry.document = std::move(*document);
    return entry;
}

void FlowRecovery::remove(const QString& flowId)
{
    QFile::remove(fileFor(flowId));
}

void FlowRecovery::setFlow(const QString& flowId, int revision)
{
    m_timer.stop();
    m_flowId = flowId;
    m_revision = revision;
}

void FlowRecovery::flush()
{
    if (m_timer.isActive())
        write();
}

void FlowRecovery::discard()
{
    m_timer.stop();
    if (!m_flowId.isEmpty())
        remove(m_flowId);
}

void FlowRecovery::write()
{
    m_timer.stop();
    if (m_flowId.isEmpty())
        return;
    if (!QDir().mkpath(directory())) {
        qCWarning(lcRecovery) << "cannot create" << directory();
        return;
    }
    const nlohmann::json json{{"flowId", m_flowId.toStdString()},
                              {"revision", m_revision},
                              {"savedAt", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()},
                              {"document", m_editor->document().toJson()}};
    QSaveFile file(fileFor(m_flowId));
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::fromStdString(json.dump(2))) < 0 || !file.commit()) {
        qCWarning(lcRecovery) << "cannot write" << file.fileName();
        return;
    }
    Q_EMIT written(file.fileName());
}

} // namespace trellis::models
