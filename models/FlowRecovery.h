#pragma once

#include "core/flow/FlowDocument.h"

#include <optional>

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

namespace trellis::models {

class FlowEditor;

/// Keeps a recovery copy of the flow being edited: every change is written (debounced) to a file under
/// QStandardPaths::AppDataLocation/flow-recovery, so unsaved work survives a crash or a lost connection. The file
/// is removed after a successful save or when the user discards it. Flows hold no secrets, so the copy is plain JSON.
class FlowRecovery : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QString flowId;
        int revision = 0; ///< the draft revision the unsaved edits started from
        QDateTime savedAt;
        core::flow::FlowDocument document;
    };

    explicit FlowRecovery(FlowEditor* editor, QObject* parent = nullptr);

    /// Folder of the recovery files (created on first write).
    static QString directory();
    static QString fileFor(const QString& flowId);
    /// The recovery copy of a flow, if one was left behind.
    static std::optional<Entry> find(const QString& flowId);
    static void remove(const QString& flowId);

    /// Which flow the editor holds now (empty: none; nothing is written then).
    void setFlow(const QString& flowId, int revision);
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    /// Writes now if a write is pending.
    void flush();
    /// Called after a successful save: the copy is no longer needed.
    void discard();

Q_SIGNALS:
    void written(const QString& path);

private:
    void write();

    FlowEditor* m_editor;
    QString m_flowId;
    int m_revision = 0;
    QTimer m_timer;
};

} // namespace trellis::models
