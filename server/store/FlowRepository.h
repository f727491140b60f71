#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace trellis::server {

class Database;

/// A login journey as stored: owned by an org, with an editable draft and, once published, a live version.
struct FlowRecord
{
    std::string id;
    std::string orgId;
    std::string orgPath; ///< materialised path of orgId
    std::string name;
    std::string description;
    nlohmann::json draft = nlohmann::json::object(); ///< FlowDocument JSON
    int draftRevision = 1;
    std::optional<int> liveVersion;
    std::string createdAt;
    std::string updatedAt;
    std::string updatedById; ///< empty when the system changed it
    std::string updatedByName;
};

/// A published, immutable version of a flow.
struct FlowVersionRecord
{
    std::string flowId;
    int version = 0;
    std::string note;
    std::string publishedAt;
    std::string publishedById;
    std::string publishedByName;
    nlohmann::json document; ///< null unless asked for
};

/// Which flow runs at an org, for one application (clientId) or all of them (clientId empty).
struct FlowBindingRecord
{
    std::string id;
    std::string orgId;
    std::string orgPath;
    std::string clientId; ///< empty: every application
    std::string flowId;
    std::string flowName;
    std::optional<int> liveVersion; ///< of the bound flow
};

/// The flow a sign-in at some org for some application runs, and where its binding sits.
struct ResolvedFlow
{
    std::string flowId;
    std::string flowName;
    int version = 0;
    std::string clientId; ///< of the binding that won; empty for an all-applications binding
    std::string fromOrgId;
    std::string bindingId;
};

/// flows, flow_versions and flow_bindings. Permission checks are the API's; this only stores and looks up.
class FlowRepository
{
public:
    explicit FlowRepository(const Database& db)
        : m_db(db)
    {
    }

    // Flows

    FlowRecord create(const std::string& orgId, const std::string& name, const std::string& description,
                      const nlohmann::json& draft, const std::string& userId) const;
    std::optional<FlowRecord> find(const std::string& flowId) const;
    /// Flows owned by any of the orgs on `orgPath` (the org and its ancestors), by name.
    std::vector<FlowRecord> usableAt(const std::string& orgPath) const;
    void rename(const std::string& flowId, const std::optional<std::string>& name,
                const std::optional<std::string>& description, const std::string& userId) const;
    /// Replaces the draft when it is still at `expectedRevision`; returns the new revision, nullopt on a conflict.
    std::optional<int> saveDraft(const std::string& flowId, const nlohmann::json& draft, int expectedRevision,
                                 const std::string& userId) const;
    /// Locks the flow row until the end of the transaction (PostgreSQL; SQLite's writers are serialised).
    void lock(const std::string& flowId) const;
    /// Freezes `document` as the next version and makes it live; returns the new version's number.
    int publish(const std::string& flowId, const nlohmann::json& document, const std::string& note,
                const std::string& userId) const;
    void setLive(const std::string& flowId, int version, const std::string& userId) const;
    /// Deletes the flow and its versions (the caller makes sure nothing binds it).
    void remove(const std::string& flowId) const;

    // Versions

    std::vector<FlowVersionRecord> versions(const std::string& flowId) const;
    std::optional<FlowVersionRecord> version(const std::string& flowId, int version) const;

    // Bindings

    std::vector<FlowBindingRecord> bindingsAt(const std::string& orgId) const;
    std::optional<FlowBindingRecord> findBinding(const std::string& bindingId) const;
    int bindingCount(const std::string& flowId) const;
    /// Creates or replaces the org's binding for this client (empty: all clients); returns it and the one replaced.
    std::pair<FlowBindingRecord, std::optional<FlowBindingRecord>> bind(const std::string& orgId,
                                                                        const std::string& clientId,
                                                                        const std::string& flowId,
                                                                        const std::string& userId) const;
    void unbind(const std::string& bindingId) const;
    /// Every binding on the path from the root down to the org with this path (both all-client and per-client).
    std::vector<FlowBindingRecord> bindingsOnPath(const std::string& orgPath) const;
    /// The most specific binding for this org and client: the deepest org on the path wins; at one org a binding
    /// for the client beats one for all clients. nullopt: no binding applies (the built-in journey runs).
    std::optional<ResolvedFlow> resolve(const std::string& orgPath, const std::string& clientId) const;
    /// The materialised paths of the root orgs, oldest first.
    std::vector<std::string> rootOrgPaths() const;
    /// The org paths of the person's live memberships (active, unexpired, in an active org).
    std::vector<std::string> liveMembershipPaths(const std::string& userId) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
