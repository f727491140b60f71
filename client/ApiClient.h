#pragma once

#include "client/ApiResult.h"
#include "client/AuditFilter.h"
#include "client/AuditRecords.h"
#include "client/CallerInfo.h"
#include "client/FlowRecords.h"
#include "client/ImportReport.h"
#include "client/InvitationRequest.h"
#include "client/MemberQuery.h"
#include "client/OrgImpact.h"
#include "client/PasskeyInfo.h"
#include "client/PersonDetails.h"
#include "client/RoleInfo.h"
#include "core/AccessReview.h"
#include "core/IdentityProvider.h"
#include "core/Invitation.h"
#include "core/Membership.h"
#include "core/Org.h"
#include "core/Page.h"
#include "core/RoleAssignment.h"

#include <functional>

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace trellis::client {

class AuditExport;

/// Typed asynchronous client of trellisd's admin API. Base URL and bearer token live in memory only.
///
/// Every call takes a `context`: the callback runs in its thread and is dropped (and the request aborted)
/// when the context is destroyed first. Callbacks are always called asynchronously, never from inside the call.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(ApiResult<T>)>;

    explicit ApiClient(QObject* parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl& url);
    QUrl baseUrl() const;
    void setAccessToken(const QByteArray& token);
    bool hasAccessToken() const;

    /// Milliseconds before a request without an answer counts as a network failure (default 15 s).
    void setRequestTimeout(int milliseconds);
    int requestTimeout() const;

    /// Whether the last request reached the server (true until a request shows otherwise).
    bool isReachable() const;

    void me(QObject* context, Callback<CallerInfo> callback);
    void listRootOrgs(const QString& cursor, int limit, QObject* context, Callback<core::Page<core::Org>> callback);
    void listChildOrgs(const QString& orgId, const QString& cursor, int limit, QObject* context,
                       Callback<core::Page<core::Org>> callback);
    void getOrg(const QString& id, QObject* context, Callback<core::Org> callback);
    void searchOrgs(const QString& text, int limit, QObject* context, Callback<core::Page<core::Org>> callback);
    void listMembers(const QString& orgId, const QString& cursor, int limit, QObject* context,
                     Callback<core::Page<core::Membership>> callback);
    /// Members of an organisation, filtered (and with `query.subtree`, of its whole subtree).
    void listMembers(const QString& orgId, const MemberQuery& query, const QString& cursor, int limit, QObject* context,
                     Callback<core::Page<core::Membership>> callback);

    // Organisation editing. `draft` carries parentId, kind, name, slug (and attributes).
    void createOrg(const core::Org& draft, QObject* context, Callback<core::Org> callback);
    /// Renames and/or changes the kind (an empty value leaves that field alone).
    void updateOrg(const QString& id, const QString& name, const QString& kind, QObject* context,
                   Callback<core::Org> callback);
    void moveOrg(const QString& id, const QString& newParentId, QObject* context, Callback<core::Org> callback);
    /// What `change` ("suspend" or "offboard") would touch.
    void orgImpact(const QString& id, const QString& change, QObject* context, Callback<OrgImpact> callback);
    /// `change`: "suspend", "resume" or "offboard".
    void changeOrgStatus(const QString& id, const QString& change, const QString& reason, QObject* context,
                         Callback<core::Org> callback);

    /// An account-wide action on a person: "disable", "enable", "offboard", "reset-mfa", "revoke-sessions".
    void runPersonAction(const QString& userId, const QString& action, QObject* context, Callback<bool> callback);

    /// A person with the memberships the signed-in admin may see.
    void getPerson(const QString& userId, QObject* context, Callback<PersonDetails> callback);
    void updatePerson(const QString& userId, const QString& displayName, QObject* context,
                      Callback<PersonDetails> callback);
    /// Changes title and end date of a membership; an invalid `expiresAt` clears the end date.
    void updateMembership(const QString& membershipId, const QString& title, const QDateTime& expiresAt,
                          QObject* context, Callback<bool> callback);
    /// Ends one membership (and the roles held there).
    void offboardMembership(const QString& membershipId, QObject* context, Callback<bool> callback);
    /// A person's passkeys (GET /users/{id}/passkeys) and removing one, e.g. of a lost device (needs user.manage).
    void listPasskeys(const QString& userId, QObject* context, Callback<std::vector<PasskeyInfo>> callback);
    void deletePasskey(const QString& userId, const QString& credentialId, QObject* context, Callback<bool> callback);

    /// The roles usable at an organisation, each saying whether the signed-in admin may assign it there.
    void listRoles(const QString& orgId, QObject* context, Callback<std::vector<RoleInfo>> callback);
    /// Assigns a role at an organisation; an invalid `expiresAt` means open-ended.
    void assignRole(const QString& userId, const QString& roleId, const QString& orgId, const QDateTime& expiresAt,
                    const QString& justification, QObject* context, Callback<bool> callback);
    void revokeRoleAssignment(const QString& assignmentId, QObject* context, Callback<bool> callback);
    /// The live role assignments of one person at exactly `orgId` (not below it).
    void listRoleAssignments(const QString& orgId, const QString& userId, QObject* context,
                             Callback<std::vector<core::RoleAssignment>> callback);
    /// Defines a custom role at an organisation from `draft`'s key, name, description and permissions.
    void createRole(const QString& orgId, const RoleInfo& draft, QObject* context, Callback<RoleInfo> callback);
    /// Changes a custom role's name, description and permissions to `changes`' (the key cannot change).
    void updateRole(const QString& roleId, const RoleInfo& changes, QObject* context, Callback<RoleInfo> callback);
    /// Deletes a custom role; refused (409 role_in_use) while it is still assigned.
    void deleteRole(const QString& roleId, QObject* context, Callback<bool> callback);

    /// Invites someone; the value is the acceptance link, which the server shows only this once.
    void createInvitation(const InvitationRequest& invitation, QObject* context, Callback<QString> callback);
    /// Issues a new link for a pending invitation (the old one stops working); the value is the new link.
    void resendInvitation(const QString& invitationId, QObject* context, Callback<QString> callback);
    /// One page of an organisation's invitations in `status` ("pending", ...; empty: every state), newest first.
    void listInvitations(const QString& orgId, const QString& status, const QString& cursor, int limit,
                         QObject* context, Callback<core::Page<core::Invitation>> callback);
    void revokeInvitation(const QString& invitationId, QObject* context, Callback<bool> callback);
    // Federation: an organisation's upstream identity providers (the client secret is write-only).
    void listIdentityProviders(const QString& orgId, QObject* context,
                               Callback<std::vector<core::IdentityProvider>> callback);
    void createIdentityProvider(const QString& orgId, const core::IdentityProviderDraft& draft, QObject* context,
                                Callback<core::IdentityProvider> callback);
    /// An empty clientSecret in `draft` keeps the stored one.
    void updateIdentityProvider(const QString& providerId, const core::IdentityProviderDraft& draft, QObject* context,
                                Callback<core::IdentityProvider> callback);
    void deleteIdentityProvider(const QString& providerId, QObject* context, Callback<bool> callback);
    /// Sends `csv` (UTF-8, header row first) to POST /orgs/{id}/imports: a dry run, or a commit (with `skipInvalid`,
    /// of the valid rows only). A commit the server refuses because rows have errors (422) answers its report with
    /// `committed` false, not a failure; whole-request refusals (400, 403, 413...) are failures.
    void importPeople(const QString& orgId, const QByteArray& csv, bool dryRun, bool skipInvalid, QObject* context,
                      Callback<ImportReport> callback);

    // Login journeys (flows). See docs/api/openapi.yaml; documents travel as core::flow::FlowDocument.
    /// GET /flow-catalog: the node types the server knows.
    void flowCatalog(QObject* context, Callback<std::shared_ptr<core::flow::NodeCatalog>> callback);
    /// Flows usable at an organisation (owned by it or an ancestor).
    void listFlows(const QString& orgId, QObject* context, Callback<std::vector<FlowSummary>> callback);
    /// Creates a flow at an organisation from a starter `templateKey` (empty: the default document).
    void createFlow(const QString& orgId, const QString& name, const QString& description, const QString& templateKey,
                    QObject* context, Callback<FlowRecord> callback);
    void getFlow(const QString& flowId, QObject* context, Callback<FlowRecord> callback);
    void updateFlow(const QString& flowId, const QString& name, const QString& description, QObject* context,
                    Callback<bool> callback);
    /// Deletes a flow; refused with 409 flow_bound while it is bound somewhere.
    void deleteFlow(const QString& flowId, QObject* context, Callback<bool> callback);
    /// Saves the draft. 409 revision_conflict (a failure) when someone saved since `revision`; 422 answers
    /// `saved` false with the problems.
    void saveFlowDraft(const QString& flowId, const core::flow::FlowDocument& document, int revision, QObject* context,
                       Callback<DraftSaveResult> callback);
    void validateFlow(const QString& flowId, const core::flow::FlowDocument& document, QObject* context,
                      Callback<std::vector<core::flow::FlowProblem>> callback);
    void listFlowVersions(const QString& flowId, QObject* context, Callback<std::vector<FlowVersionInfo>> callback);
    void getFlowVersion(const QString& flowId, int version, QObject* context, Callback<FlowVersionInfo> callback);
    /// Publishes the draft saved at `revision`; 422 flow_invalid answers `published` false with the problems.
    void publishFlow(const QString& flowId, const QString& note, int revision, QObject* context,
                     Callback<PublishResult> callback);
    /// The draft becomes version `version`'s document.
    void restoreFlowVersion(const QString& flowId, int version, QObject* context, Callback<bool> callback);
    /// Rollback: version `version` becomes live again.
    void republishFlowVersion(const QString& flowId, int version, const QString& note, QObject* context,
                              Callback<PublishResult> callback);
    /// Runs `scenario` (contract's Scenario JSON) through the flow: `document` when given, else the saved draft.
    void simulateFlow(const QString& flowId, const std::optional<core::flow::FlowDocument>& document,
                      const nlohmann::json& scenario, QObject* context, Callback<SimulationResult> callback);
    void listFlowBindings(const QString& orgId, QObject* context, Callback<FlowBindings> callback);
    /// Binds `flowId` at an organisation for one application (`clientId`) or all (empty).
    void bindFlow(const QString& orgId, const QString& clientId, const QString& flowId, QObject* context,
                  Callback<FlowBinding> callback);
    void deleteFlowBinding(const QString& bindingId, QObject* context, Callback<bool> callback);
    /// The OIDC applications (for the bindings editor).
    void listApplications(QObject* context, Callback<std::vector<ApplicationInfo>> callback);

    // The audit trail (needs audit.read; the server shows only events inside the caller's subtrees).
    /// One page of events, newest first, with sequence below `before` (0: from the newest). `limit` 1..500.
    void auditEvents(const AuditFilter& filter, qint64 before, int limit, QObject* context,
                     Callback<AuditEventPage> callback);
    /// One page of events, oldest first, with sequence above `after` (live tail: the highest sequence seen).
    void auditEventsAfter(const AuditFilter& filter, qint64 after, int limit, QObject* context,
                          Callback<AuditEventPage> callback);
    /// Counts per time bucket and outcome; `bucket` "minute", "hour", "day" or empty (the server chooses).
    void auditHistogram(const AuditFilter& filter, const QString& bucket, QObject* context,
                        Callback<AuditHistogram> callback);
    void auditActions(QObject* context, Callback<AuditActionCatalog> callback);
    /// Checks the whole hash chain (needs audit.read at the root organisation).
    void verifyAudit(QObject* context, Callback<AuditVerifyResult> callback);
    /// Who granted the role assignment behind an event's delegationId, up to the top.
    void delegationChain(const QString& assignmentId, QObject* context, Callback<std::vector<DelegationLink>> callback);
    /// Starts streaming the filtered events into `path` ("csv" or "ndjson"); the export is owned by `parent`.
    AuditExport* exportAudit(const AuditFilter& filter, const QString& format, const QString& path, QObject* parent);
    // Access reviews (docs/api/openapi.yaml, tag reviews).
    /// The campaigns the signed-in admin may see, newest first, with progress.
    void listAccessReviews(QObject* context, Callback<std::vector<core::AccessReviewCampaign>> callback);
    /// Starts a campaign from `draft`'s name, orgId, what is reviewed, dueAt and dueRule.
    void createAccessReview(const core::AccessReviewCampaign& draft, QObject* context,
                            Callback<core::AccessReviewCampaign> callback);
    void closeAccessReview(const QString& campaignId, QObject* context, Callback<bool> callback);
    /// The signed-in admin's open items across open campaigns.
    void listMyReviewItems(QObject* context, Callback<std::vector<core::AccessReviewItem>> callback);
    /// The open items of one campaign (needs review.manage or audit.read at its organisation, or being its owner).
    void listCampaignReviewItems(const QString& campaignId, QObject* context,
                                 Callback<std::vector<core::AccessReviewItem>> callback);
    /// Keeps or revokes (`decision` "keep" or "revoke"; a revocation needs `comment`) all of `itemIds` or none.
    void decideReviewItems(const QStringList& itemIds, const QString& decision, const QString& comment,
                           QObject* context, Callback<bool> callback);
    /// Hands open items of one campaign to `reviewerId` (all or none; the campaign's owner or review.manage there).
    void reassignReviewItems(const QString& campaignId, const QStringList& itemIds, const QString& reviewerId,
                             QObject* context, Callback<bool> callback);
    /// The campaign's decisions as CSV (the file's bytes).
    void exportReviewResults(const QString& campaignId, QObject* context, Callback<QByteArray> callback);

    /// Trades the one-time secret handed to a local trellisd for an access token.
    void exchangeBootstrapSecret(const QByteArray& secret, QObject* context, Callback<QByteArray> callback);
    /// GET /healthz; the value is true when the server answered healthy. Updates reachability.
    void checkHealth(QObject* context, Callback<bool> callback);

    /// The plain words for a failure that never reached the server (for tests and the UI's banners).
    static QString networkFailureMessage();

Q_SIGNALS:
    void reachabilityChanged(bool reachable);

private:
    using JsonHandler = std::function<void(const QByteArray& body, int httpStatus, const ApiFailure& failure)>;

    QUrl urlFor(const QString& path, const QString& query = QString()) const;
    void send(const QByteArray& verb, const QUrl& url, const QByteArray& body, bool authenticated, QObject* context,
              JsonHandler handler, const QByteArray& contentType = QByteArrayLiteral("application/json"));
    /// An authenticated call whose answer body does not matter (only success or the failure).
    void sendForSuccess(const QByteArray& verb, const QString& path, const QByteArray& body, QObject* context,
                        Callback<bool> callback);
    /// An authenticated call answering one organisation (a bare Org or {"org": Org, ...}).
    void sendForOrg(const QByteArray& verb, const QString& path, const QByteArray& body, QObject* context,
                    Callback<core::Org> callback);
    void setReachable(bool reachable);
    void sendAuditEvents(const AuditFilter& filter, const QString& cursor, int limit, QObject* context,
                         Callback<AuditEventPage> callback);

    QNetworkAccessManager* m_network = nullptr;
    QUrl m_baseUrl;
    QByteArray m_accessToken;
    int m_timeoutMs = 15000;
    bool m_reachable = true;
};

} // namespace trellis::client
