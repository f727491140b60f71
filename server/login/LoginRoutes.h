#pragma once

namespace trellis::server {

class Router;
struct ApiContext;

/// Registers the hosted login's routes (see LoginApi).
class LoginRoutes
{
public:
    static void install(Router& router, const ApiContext& context);
};

} // namespace trellis::server
