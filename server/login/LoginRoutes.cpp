#include "server/login/LoginRoutes.h"

#include "server/http/JsonLog.h"
#include "server/http/Router.h"
#include "server/login/InvitePage.h"
#include "server/login/LoginApi.h"
#include "server/login/LoginPageRenderer.h"
#include "server/login/StoreFlowServices.h"
#include "server/store/Database.h"

#include <memory>

namespace trellis::server {

namespace {

// Store failures become an HTML page (people see these, not programs); details go to the log only.
template <typename Page>
Router::Handler guarded(std::shared_ptr<Page> api, HttpResponse (Page::*method)(const HttpRequest&) const)
{
    return [api, method](HttpRequest& request) {
        try {
            return ((*api).*method)(request);
        } catch (const StoreError& e) {
            JsonLog::error("login store error", {{"requestId", request.requestId}, {"error", e.what()}});
            HttpResponse response;
            response.status = e.kind() == StoreError::Kind::Unavailable ? 503 : 500;
            response.setHeader("Content-Type", "text/html; charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            response.body = LoginPageRenderer(LoginText::fromAcceptLanguage(request.header("accept-language")))
                                .message("title.error", "failure.flow_broken", true);
            return response;
        }
    };
}

} // namespace

void LoginRoutes::install(Router& router, const ApiContext& context)
{
    StoreFlowServices::warmUp();
    const auto api = std::make_shared<LoginApi>(context);
    router.add("GET", "/oauth2/authorize", guarded(api, &LoginApi::authorize));
    router.add("GET", "/oauth2/logout", guarded(api, &LoginApi::logout));
    router.add("GET", "/login/flow", guarded(api, &LoginApi::showFlow));
    router.add("POST", "/login/flow", guarded(api, &LoginApi::submitFlow));
    router.add("GET", "/login/assets/login.css", guarded(api, &LoginApi::stylesheet));
    router.add("GET", "/login/magic", guarded(api, &LoginApi::openMagicLink));
    router.add("GET", "/login/assets/passkey.js", guarded(api, &LoginApi::passkeyScript));
    router.add("GET", "/login/federated/callback", guarded(api, &LoginApi::federatedCallback));
    const auto invite = std::make_shared<InvitePage>(context);
    router.add("GET", "/invite", guarded(invite, &InvitePage::show));
    router.add("POST", "/invite", guarded(invite, &InvitePage::accept));
}

} // namespace trellis::server
