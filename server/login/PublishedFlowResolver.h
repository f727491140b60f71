#pragma once

#include "core/flow/FlowResolver.h"

#include <string>

namespace trellis::server {

class Database;

/// Subflows on the server: a subflow node runs the live version of the flow it names. Used by the hosted login,
/// and by the API to validate and simulate drafts. With `usableAtPath` set, only flows owned by that org or its
/// ancestors resolve, so a journey can never pull in another subtree's flow (its owner could not bind it either).
class PublishedFlowResolver : public core::flow::FlowResolver
{
public:
    explicit PublishedFlowResolver(const Database& db, std::string usableAtPath = {})
        : m_db(db)
        , m_usableAtPath(std::move(usableAtPath))
    {
    }

    std::shared_ptr<const core::flow::FlowDocument> resolve(const std::string& flowId) const override;

private:
    const Database& m_db;
    std::string m_usableAtPath;
};

} // namespace trellis::server
