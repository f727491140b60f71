#pragma once

namespace trellis::server {

class Router;
struct ApiContext;

/// Every route trellisd serves, in one place: the server, the tests and the OpenAPI check all build the
/// router through install(). Handlers keep references into `context`, which must outlive the router.
class ApiRoutes
{
public:
    static void install(Router& router, const ApiContext& context);
};

} // namespace trellis::server
