#pragma once

#include "server/http/HttpResponse.h"

namespace trellis::server {

struct ApiContext;
struct Caller;
struct HttpRequest;

/// POST /api/v1/orgs/{id}/imports?dryRun=true|false[&skipInvalid=true]: bulk CSV import of people into an
/// organisation (RFC 4180, header row: email, displayName, title, roles, expiresAt, mode). Every row is checked on
/// its own and reported; a dry run writes nothing but one "import.dry_run" event; a commit writes all valid rows in
/// one transaction, and refuses everything (422) when a row has an error unless skipInvalid=true.
class ImportApi
{
public:
    explicit ImportApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse import(const Caller& caller, HttpRequest& request) const;

    static constexpr std::size_t kMaxRows = 5000;
    static constexpr std::size_t kMaxBytes = 1024 * 1024;

private:
    const ApiContext& m_context;
};

} // namespace trellis::server
