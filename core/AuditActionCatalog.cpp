#include "core/AuditActionCatalog.h"

#include <algorithm>

namespace trellis::core::AuditActionCatalog {

const std::vector<AuditActionGroup>& groups()
{
    static const std::vector<AuditActionGroup> list{
        {"org", "Organisations: created, changed, moved, suspended, offboarded"},
        {"user", "People: created, changed, disabled, offboarded, MFA and sessions"},
        {"membership", "Memberships of people in organisations"},
        {"role", "Roles and role assignments (delegation)"},
        {"invitation", "Invitations and member imports"},
        {"flow", "Login journeys: designed, published, bound, rolled back"},
        {"identity_provider", "Federation: upstream identity providers"},
        {"login", "Sign-ins on the hosted login pages, step by step"},
        {"federation", "People signed in through an upstream identity provider"},
        {"session", "Single sign-on sessions"},
        {"token", "Tokens issued, refreshed, revoked, replayed"},
        {"audit", "The audit trail itself: exports, verification, retention"},
        {"review", "Access reviews: campaigns and decisions"},
        {"system", "The server itself: bootstrap, demo data, key rotation"},
    };
    return list;
}

const std::vector<AuditAction>& actions()
{
    static const std::vector<AuditAction> list{
        // Organisations
        {"org.create", "org", "An organisation was created."},
        {"org.update", "org", "An organisation's name, kind or slug was changed."},
        {"org.move", "org", "An organisation was moved under another parent."},
        {"org.suspend", "org", "An organisation (and its subtree) was suspended."},
        {"org.resume", "org", "A suspended organisation was resumed."},
        {"org.offboard", "org", "An organisation was offboarded: memberships ended, access revoked."},
        // People
        {"user.create", "user", "A person was created."},
        {"user.update", "user", "A person's profile was changed."},
        {"user.disable", "user", "A person was disabled; their sessions and tokens were revoked."},
        {"user.enable", "user", "A disabled person was enabled again."},
        {"user.offboard", "user", "A person was offboarded from every organisation."},
        {"user.mfa_reset", "user", "A person's authenticator app was removed so they can set up a new one."},
        {"user.passkey_delete", "user", "One of a person's passkeys was removed."},
        {"user.sessions_revoke", "user", "All of a person's sessions and tokens were revoked."},
        {"members.export", "user", "The member list of an organisation was exported."},
        // Memberships
        {"membership.create", "membership", "A person became a member of an organisation."},
        {"membership.update", "membership", "A membership's title, status or end date was changed."},
        {"membership.offboard", "membership", "A membership was ended."},
        // Roles
        {"role.create", "role", "A custom role was created."},
        {"role.update", "role", "A role's name, description or permissions were changed."},
        {"role.delete", "role", "A custom role was deleted."},
        {"role.assign", "role", "A role was assigned to a person at an organisation."},
        {"role.revoke", "role", "A role assignment was revoked."},
        // Invitations and imports
        {"invitation.create", "invitation", "A person was invited to an organisation."},
        {"invitation.resend", "invitation", "An invitation email was sent again."},
        {"invitation.revoke", "invitation", "An invitation was withdrawn."},
        {"invitation.accept", "invitation", "An invitation was accepted."},
        {"import.dry_run", "invitation", "A member import (CSV) was checked without changing anything."},
        {"import.commit", "invitation", "A member import (CSV) was carried out."},
        // Login journeys
        {"flow.create", "flow", "A login journey was created."},
        {"flow.update", "flow", "A login journey's name or description was changed."},
        {"flow.delete", "flow", "A login journey was deleted."},
        {"flow.draft.save", "flow", "A login journey's draft was saved."},
        {"flow.publish", "flow", "A new version of a login journey was published."},
        {"flow.restore", "flow", "An earlier version was restored as the draft."},
        {"flow.rollback", "flow", "An earlier version was made live again."},
        {"flow.bind", "flow", "A login journey was bound to an organisation or application."},
        {"flow.unbind", "flow", "A login journey binding was removed."},
        // Identity providers
        {"identity_provider.list", "identity_provider", "The identity providers of an organisation were listed."},
        {"identity_provider.read", "identity_provider", "An identity provider was read."},
        {"identity_provider.create", "identity_provider", "An upstream identity provider was added."},
        {"identity_provider.update", "identity_provider", "An upstream identity provider was changed."},
        {"identity_provider.delete", "identity_provider", "An upstream identity provider was removed."},
        // Sign-in journeys: "login." + the journey step's event
        {"login.identify", "login", "Someone entered their email address."},
        {"login.home_realm.federated", "login", "Home-realm discovery sent the person to their organisation's IdP."},
        {"login.home_realm.local", "login", "Home-realm discovery kept the person on Trellis sign-in."},
        {"login.home_realm.unknown", "login", "Home-realm discovery found no account for the address."},
        {"login.password.ok", "login", "A password was correct."},
        {"login.password.wrong", "login", "A password was wrong."},
        {"login.password.locked", "login", "A password attempt met a locked account."},
        {"login.password.not_set", "login", "The person has no password to sign in with."},
        {"login.lock", "login", "Too many failed attempts locked the account for a while."},
        {"login.passkey.ok", "login", "A passkey sign-in succeeded."},
        {"login.passkey.failed", "login", "A passkey sign-in failed."},
        {"login.passkey.unsupported", "login", "The browser cannot use passkeys."},
        {"login.passkey.counter_regression", "login", "A passkey's signature counter went backwards (cloned?)."},
        {"login.passkey.enrolled", "login", "A passkey was created."},
        {"login.passkey.enrol_failed", "login", "Creating a passkey failed."},
        {"login.passkey.enrol_skipped", "login", "The person declined to create a passkey."},
        {"login.totp.ok", "login", "An authenticator code was correct."},
        {"login.totp.failed", "login", "An authenticator code was wrong."},
        {"login.totp.enrolled", "login", "An authenticator app was set up."},
        {"login.totp.enrol_failed", "login", "Setting up an authenticator app failed."},
        {"login.email_code.sent", "login", "A sign-in code was emailed."},
        {"login.email_code.ok", "login", "An emailed code was correct."},
        {"login.email_code.wrong", "login", "An emailed code was wrong."},
        {"login.magic_link.sent", "login", "A sign-in link was emailed."},
        {"login.magic_link.opened", "login", "A sign-in link was opened."},
        {"login.magic_link.verified", "login", "A sign-in link completed the step."},
        {"login.magic_link.expired", "login", "An expired sign-in link was used."},
        {"login.federated.redirect", "login", "The person was sent to an upstream identity provider."},
        {"login.federated.ok", "login", "The upstream identity provider signed the person in."},
        {"login.federated.failed", "login", "Signing in at the upstream identity provider failed."},
        {"login.federated.no_account", "login", "The upstream identity is not linked and may not be provisioned."},
        {"login.organisation.chosen", "login", "The person chose the organisation to sign in for."},
        {"login.organisation.none", "login", "The person belongs to no organisation that may sign in here."},
        {"login.terms.accepted", "login", "Terms of use were accepted."},
        {"login.terms.declined", "login", "Terms of use were declined."},
        {"login.profile.saved", "login", "Profile details were completed during sign-in."},
        {"login.risk.assessed", "login", "The sign-in's risk was assessed."},
        {"login.retry.rejected", "login", "A step was tried too often."},
        {"login.subflow.enter", "login", "A journey entered a sub-journey."},
        {"login.subflow.return", "login", "A sub-journey returned to its caller."},
        {"login.flow_routed", "login", "A sign-in was routed to the journey bound to the organisation or app."},
        {"login.step_up", "login", "A signed-in person proved themselves again for a stronger sign-in."},
        {"login.success", "login", "A sign-in succeeded."},
        {"login.failure", "login", "A journey ended in a designed failure step."},
        {"login.broken", "login", "A journey could not go on (a broken design) and the sign-in stopped."},
        {"login.denied", "login", "A signed-in person may not use this application."},
        // Federation
        {"federation.link", "federation", "An upstream identity was linked to an existing person."},
        {"federation.provision", "federation", "A person was created from an upstream identity (just in time)."},
        // Single sign-on sessions
        {"sso.start", "session", "A single sign-on session started."},
        {"sso.end", "session", "A single sign-on session ended (sign-out)."},
        // Tokens
        {"auth.bootstrap", "token", "The local workspace's one-time bootstrap secret was used."},
        {"token.issue", "token", "An operator issued an admin API token on the command line."},
        {"oidc.code.issue", "token", "An authorization code was issued to an application."},
        {"oidc.code.replay", "token", "An authorization code was used twice; its tokens were revoked."},
        {"oidc.token.issue", "token", "Tokens were issued to an application."},
        {"oidc.token.refresh", "token", "Tokens were refreshed."},
        {"oidc.token.revoke", "token", "A token was revoked."},
        {"oidc.refresh.reuse", "token", "A used refresh token came back; its whole family was revoked."},
        // The audit trail
        {"audit.query", "audit", "The audit trail was searched."},
        {"audit.export", "audit", "Audit events were exported."},
        {"audit.verify", "audit", "The audit trail's integrity was checked."},
        {"audit.checkpoint", "audit", "A signed checkpoint of the audit chain was written."},
        {"audit.purge", "audit", "Events past the retention period were archived and removed."},
        // Access reviews
        {"review.campaign.create", "review", "An access review campaign was started."},
        {"review.campaign.close", "review", "An access review campaign was closed."},
        {"review.item.keep", "review", "A reviewer kept someone's access."},
        {"review.item.revoke", "review", "A reviewer revoked someone's access."},
        {"review.item.reassign", "review", "A review item was handed to another reviewer."},
        {"review.item.escalate", "review", "An undecided item was escalated at the due date."},
        {"review.item.expire-revoke", "review", "An undecided item was revoked at the due date."},
        {"review.results.export", "review", "The results of an access review campaign were exported as CSV."},
        // The server itself
        {"system.seed", "system", "The demo world was written into an empty database."},
        {"oidc.key.rotate", "system", "The token signing key was rotated."},
    };
    return list;
}

const AuditAction* find(std::string_view name)
{
    const auto& list = actions();
    const auto it = std::find_if(list.begin(), list.end(), [&](const AuditAction& a) { return a.name == name; });
    return it == list.end() ? nullptr : &*it;
}

bool isGroup(std::string_view group)
{
    const auto& list = groups();
    return std::any_of(list.begin(), list.end(), [&](const AuditActionGroup& g) { return g.name == group; });
}

} // namespace trellis::core::AuditActionCatalog
