#pragma once

#include "core/flow/FlowDocument.h"
#include "core/flow/FlowProblem.h"
#include "core/flow/NodeCatalog.h"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <QObject>
#include <QPointF>
#include <QStringList>
#include <QTimer>

class QUndoStack;

namespace trellis::models {

/// The designer's document model: owns the FlowDocument being edited and its undo stack. Every edit goes through
/// a QUndoCommand that replaces the document with a new one, so undo and redo restore the identical document;
/// after each change the editor announces, node by node, what changed (the canvas mirrors that) and re-runs the
/// validator (debounced). Knows nodes and wires by id only: no graphics.
class FlowEditor : public QObject
{
    Q_OBJECT
public:
    /// MIME type of a node type dragged from the palette (payload: the type name in UTF-8).
    static QString nodeTypeMimeType();
    /// MIME type of copied nodes on the clipboard (payload: a flow JSON fragment {"nodes": [...]}).
    static QString fragmentMimeType();

    explicit FlowEditor(QObject* parent = nullptr);
    ~FlowEditor() override;

    /// The node types offered (not owned; by default the built-in catalog). The server's catalog replaces it when
    /// connected.
    void setCatalog(const core::flow::NodeCatalog* catalog);
    const core::flow::NodeCatalog& catalog() const { return *m_catalog; }

    const core::flow::FlowDocument& document() const { return m_document; }
    /// Starts editing `document` afresh: clears the undo stack and marks it clean.
    void load(const core::flow::FlowDocument& document);
    QUndoStack* undoStack() const { return m_undo; }
    bool isModified() const;
    void markSaved();

    // Edits (each one undoable command; they do nothing and push nothing when they would change nothing).
    /// Adds a node of `type` at `position` with the type's default config; returns its new id (empty if unknown type).
    std::string addNode(const std::string& type, QPointF position);
    void removeNodes(const QStringList& ids);
    /// Moves nodes to new positions. Moves with the same non-empty `mergeKey` pushed one after another merge into
    /// one command (arrow keys held down).
    void moveNodes(const std::map<std::string, QPointF>& positions, const QString& mergeKey = QString());
    /// Wires `outcome` of `from` to `to` (replacing an earlier target). False when the outcome is unknown.
    bool connectOutcome(const std::string& from, const std::string& outcome, const std::string& to);
    void disconnectOutcome(const std::string& from, const std::string& outcome);
    /// Sets one config value; a null `value` removes the key. Consecutive edits of the same field merge.
    void setConfigValue(const std::string& nodeId, const std::string& field, const nlohmann::json& value);
    void setLabel(const std::string& nodeId, const std::string& label);
    void setStart(const std::string& nodeId);
    /// Inserts copied nodes (ids renamed where taken, wires inside the fragment kept, wires leaving it dropped),
    /// shifted by `offset`; returns the new ids.
    QStringList paste(const nlohmann::json& fragment, QPointF offset);
    /// Lays the flow out left to right by outcome depth from the start.
    void autoLayout();
    enum class Alignment
    {
        Left,
        Top,
        DistributeHorizontally,
        DistributeVertically
    };
    void align(const QStringList& ids, Alignment alignment);
    /// Replaces the whole document (import, restore from recovery) as one undoable command.
    void replaceDocument(const core::flow::FlowDocument& document, const QString& text);

    /// The selected nodes as a JSON fragment for the clipboard.
    nlohmann::json copy(const QStringList& ids) const;
    /// The first outcome of `nodeId` (catalog order) that is not wired; empty when all are.
    std::string nextUnwiredOutcome(const std::string& nodeId) const;

    /// Problems the validator found in the current document (refreshed shortly after each change).
    const std::vector<core::flow::FlowProblem>& problems() const { return m_problems; }
    std::vector<core::flow::FlowProblem> problemsFor(const std::string& nodeId) const;
    /// Runs the validator now instead of waiting for the debounce.
    void validateNow();
    /// Extra problems from the server (publish refused) shown until the next edit.
    void setServerProblems(std::vector<core::flow::FlowProblem> problems);

    /// The exits a step offers, in the order its type lists them. A non-terminal type without fixed outcomes takes
    /// them from its config (a subflow: the ends of the flow it runs); until the designer can ask which, it offers
    /// "success" and "failure" and keeps whatever the document wires.
    static std::vector<core::flow::OutcomeSpec> outcomesOf(const core::flow::NodeType* type,
                                                           const core::flow::FlowNode& node);

    /// Height a node of this type takes on the canvas (used by the auto-layout; the canvas draws to match).
    static double nodeHeight(int outcomeCount);
    static constexpr double nodeWidth = 180;

    // Used by the undo commands only.
    void applyDocument(const core::flow::FlowDocument& document);

Q_SIGNALS:
    /// The document was replaced wholesale (load): rebuild everything.
    void documentReset();
    void nodeAdded(const QString& id);
    void nodeRemoved(const QString& id);
    /// Label, type, config or wiring of a node changed.
    void nodeChanged(const QString& id);
    void nodeMoved(const QString& id);
    void startChanged();
    /// Any change at all (after the specific signals).
    void documentChanged();
    void problemsChanged();

private:
    void push(const core::flow::FlowDocument& after, const QString& text, const QString& mergeKey = QString());
    std::string uniqueId(const std::string& base) const;

    const core::flow::NodeCatalog* m_catalog = nullptr;
    core::flow::FlowDocument m_document;
    QUndoStack* m_undo = nullptr;
    std::vector<core::flow::FlowProblem> m_problems;
    std::vector<core::flow::FlowProblem> m_serverProblems;
    QTimer m_validateTimer;
};

} // namespace trellis::models
