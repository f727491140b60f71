#pragma once

#include "server/oidc/OidcClient.h"

namespace trellis::server {

struct ApiContext;
struct FormBody;
struct HttpRequest;

/// Who is calling the token, revocation and introspection endpoints: client_secret_basic, client_secret_post, or
/// (public clients) just client_id. Throws OAuthError invalid_client / invalid_request.
class ClientAuthenticator
{
public:
    struct Result
    {
        OidcClient client;
        bool authenticated = false; ///< proved a secret (confidential client)
    };
    static Result authenticate(const ApiContext& context, const HttpRequest& request, const FormBody& form);
};

} // namespace trellis::server
