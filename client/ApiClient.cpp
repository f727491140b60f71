#include "client/ApiClient.h"

#include "client/AuditExport.h"
#include "core/OrgPath.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace trellis::client {

namespace {

/// Property set on a reply whose context died: its answer goes nowhere.
constexpr char kAbandoned[] = "trellisAbandoned";

Q_LOGGING_CATEGORY(lcApi, "trellis.client.api")

QString tr(const char* text)
{
    return QCoreApplication::translate("trellis::client::ApiClient", text);
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString encoded(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

ApiFailure invalidResponse()
{
    return ApiFailure{0 /* set by caller */, QStringLiteral("invalid_response"),
                      tr("The server sent an answer the console does not understand."), QString()};
}

// Words for an HTTP status when the server did not send its own message.
QString messageForStatus(int status)
{
    switch (status) {
    case 400:
        return tr("The server did not accept the request.");
    case 401:
        return tr("You are not signed in, or your session has expired.");
    case 403:
        return tr("You are not allowed to do this.");
    case 404:
        return tr("It does not exist, or you cannot see it.");
    case 409:
        return tr("It was changed by someone else in the meantime.");
    case 429:
        return tr("Too many requests. Please wait a moment and try again.");
    default:
        break;
    }
    if (status >= 500)
        return tr("The server ran into a problem. Please try again later.");
    return tr("The server answered with an unexpected status (%1).").arg(status);
}

bool isConnectionError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownProxyError:
        return true;
    default:
        return false;
    }
}

// Parses a JSON body and converts it with `convert`; a malformed body becomes a failure, never an exception.
template <typename T, typename Convert>
ApiResult<T> decode(const QByteArray& body, int status, const ApiFailure& failure, Convert convert)
{
    ApiResult<T> result;
    if (!failure.code.isEmpty()) {
        result.failure = failure;
        return result;
    }
    const auto json = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    try {
        if (json.is_discarded())
            throw std::runtime_error("malformed JSON");
        result.value = convert(json);
    } catch (const std::exception& e) {
        qCWarning(lcApi) << "undecodable response:" << e.what();
        result.failure = invalidResponse();
        result.failure.httpStatus = status;
    }
    return result;
}

template <typename T>
ApiResult<core::Page<T>> decodePage(const QByteArray& body, int status, const ApiFailure& failure)
{
    return decode<core::Page<T>>(body, status, failure, [](const nlohmann::json& j) { return j.get<core::Page<T>>(); });
}

// For calls whose answer body does not matter: success, or the failure.
auto successOnly(ApiClient::Callback<bool> callback)
{
    return [callback = std::move(callback)](const QByteArray&, int, const ApiFailure& failure) {
        ApiResult<bool> result;
        if (failure.code.isEmpty())
            result.value = true;
        else
            result.failure = failure;
        callback(result);
    };
}

// Invitations answer {invitation, acceptUrl}; the console needs the link, shown once.
QString acceptUrlOf(const nlohmann::json& j)
{
    return qs(j.at("acceptUrl").get<std::string>());
}

} // namespace

ApiClient::ApiClient(QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // Local and admin traffic must not be sent through a proxy configured for browsing.
    m_network->setProxy(QNetworkProxy::NoProxy);
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl& url)
{
    m_baseUrl = url;
}
QUrl ApiClient::baseUrl() const
{
    return m_baseUrl;
}
void ApiClient::setAccessToken(const QByteArray& token)
{
    m_accessToken = token;
}
bool ApiClient::hasAccessToken() const
{
    return !m_accessToken.isEmpty();
}
void ApiClient::setRequestTimeout(int milliseconds)
{
    m_timeoutMs = milliseconds;
}
int ApiClient::requestTimeout() const
{
    return m_timeoutMs;
}
bool ApiClient::isReachable() const
{
    return m_reachable;
}

QString ApiClient::networkFailureMessage()
{
    return tr("The server could not be reached.");
}

QUrl ApiClient::urlFor(const QString& path, const QString& query) const
{
    QUrl url = m_baseUrl;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path, QUrl::TolerantMode);
    url.setQuery(query.isEmpty() ? QString() : query, QUrl::TolerantMode);
    return url;
}

void ApiClient::setReachable(bool reachable)
{
    if (m_reachable == reachable)
        return;
    m_reachable = reachable;
    qCInfo(lcApi) << "server" << m_baseUrl.toDisplayString() << (reachable ? "reachable" : "unreachable");
    Q_EMIT reachabilityChanged(reachable);
}

void ApiClient::send(const QByteArray& verb, const QUrl& url, const QByteArray& body, bool authenticated,
                     QObject* context, JsonHandler handler, const QByteArray& contentType)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_timeoutMs);
    if (authenticated && !m_accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_accessToken);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);

    QNetworkReply* reply = m_network->sendCustomRequest(request, verb, body);
    // Logged without the query: it may carry search text, never a token (the token travels in a header).
    qCDebug(lcApi) << verb.constData() << url.path();

    QPointer<ApiClient> self(this);
    QObject* receiver = context ? context : this;
    // A destroyed context drops the callback and aborts the request. abort() finishes the reply synchronously
    // while the context is still inside its destructor — a QWidget announces destroyed() before its QPointers are
    // cleared — so the reply is marked abandoned first: neither the half-destroyed context's callback runs nor does
    // the cancelled request count as the server being unreachable.
    const QPointer<QObject> guard(receiver);
    if (context)
        connect(context, &QObject::destroyed, reply, [reply] {
            reply->setProperty(kAbandoned, true);
            reply->abort();
        });
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QNetworkReply::finished, receiver, [self, guard, reply, handler = std::move(handler)]() {
        if (!guard || reply->property(kAbandoned).toBool())
            return;
        const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
        const QByteArray data = reply->readAll();
        ApiFailure failure;
        if (status == 0) {
            failure.code = QStringLiteral("network_error");
            failure.message = networkFailureMessage();
            qCInfo(lcApi) << "request failed without an answer:" << reply->error();
            if (self && isConnectionError(reply->error()))
                self->setReachable(false);
        } else {
            if (self)
                self->setReachable(true);
            if (status < 200 || status >= 300) {
                failure.httpStatus = status;
                const auto json =
                    nlohmann::json::parse(data.constData(), data.constData() + data.size(), nullptr, false);
                if (json.is_object()) {
                    failure.code = qs(json.value("code", std::string()));
                    failure.message = qs(json.value("message", std::string()));
                    if (json.contains("field") && json["field"].is_string())
                        failure.field = qs(json["field"].get<std::string>());
                }
                if (failure.code.isEmpty())
                    failure.code = QStringLiteral("http_%1").arg(status);
                if (failure.message.isEmpty())
                    failure.message = messageForStatus(status);
                qCInfo(lcApi) << "request refused:" << status << failure.code;
            }
        }
        handler(data, status, failure);
    });
}

void ApiClient::me(QObject* context, Callback<CallerInfo> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/me")), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<CallerInfo>(body, status, failure, [](const nlohmann::json& j) {
                 CallerInfo info;
                 info.user = j.at("user").get<core::User>();
                 for (const auto& id : j.value("rootOrgIds", std::vector<std::string>()))
                     info.rootOrgIds.append(qs(id));
                 std::vector<core::ScopeGrant> grants;
                 for (const auto& g : j.value("grants", nlohmann::json::array())) {
                     core::ScopeGrant grant;
                     grant.assignmentId = g.value("assignmentId", std::string());
                     grant.roleKey = g.value("roleKey", std::string());
                     grant.orgId = g.value("orgId", std::string());
                     grant.orgPath = core::OrgPath::make(g.value("orgPath", std::vector<std::string>()));
                     grant.permissions = g.value("permissions", std::vector<std::string>());
                     grants.push_back(std::move(grant));
                 }
                 info.scope = core::AdminScope(std::move(grants));
                 return info;
             }));
         });
}

void ApiClient::listRootOrgs(const QString& cursor, int limit, QObject* context,
                             Callback<core::Page<core::Org>> callback)
{
    QString query = QStringLiteral("limit=%1").arg(limit);
    if (!cursor.isEmpty())
        query += QStringLiteral("&cursor=") + encoded(cursor);
    send("GET", urlFor(QStringLiteral("/api/v1/orgs"), query), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decodePage<core::Org>(body, status, failure));
         });
}

void ApiClient::listChildOrgs(const QString& orgId, const QString& cursor, int limit, QObject* context,
                              Callback<core::Page<core::Org>> callback)
{
    QString query = QStringLiteral("limit=%1").arg(limit);
    if (!cursor.isEmpty())
        query += QStringLiteral("&cursor=") + encoded(cursor);
    send("GET", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(orgId) + QStringLiteral("/children"), query), {}, true,
         context, [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decodePage<core::Org>(body, status, failure));
         });
}

void ApiClient::getOrg(const QString& id, QObject* context, Callback<core::Org> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(id)), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(
                 decode<core::Org>(body, status, failure, [](const nlohmann::json& j) { return j.get<core::Org>(); }));
         });
}

void ApiClient::searchOrgs(const QString& text, int limit, QObject* context, Callback<core::Page<core::Org>> callback)
{
    const QString query = QStringLiteral("q=%1&limit=%2").arg(encoded(text)).arg(limit);
    send("GET", urlFor(QStringLiteral("/api/v1/orgs"), query), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decodePage<core::Org>(body, status, failure));
         });
}

void ApiClient::listMembers(const QString& orgId, const QString& cursor, int limit, QObject* context,
                            Callback<core::Page<core::Membership>> callback)
{
    listMembers(orgId, MemberQuery(), cursor, limit, context, std::move(callback));
}

void ApiClient::listMembers(const QString& orgId, const MemberQuery& memberQuery, const QString& cursor, int limit,
                            QObject* context, Callback<core::Page<core::Membership>> callback)
{
    QString query = memberQuery.toQueryString();
    query += (query.isEmpty() ? QString() : QStringLiteral("&")) + QStringLiteral("limit=%1").arg(limit);
    if (!cursor.isEmpty())
        query += QStringLiteral("&cursor=") + encoded(cursor);
    send("GET", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(orgId) + QStringLiteral("/members"), query), {}, true,
         context, [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decodePage<core::Membership>(body, status, failure));
         });
}

void ApiClient::sendForOrg(const QByteArray& verb, const QString& path, const QByteArray& body, QObject* context,
                           Callback<core::Org> callback)
{
    send(verb, urlFor(path), body, true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<core::Org>(data, status, failure, [](const nlohmann::json& j) {
                 return j.contains("org") ? j.at("org").get<core::Org>() : j.get<core::Org>();
             }));
         });
}

void ApiClient::createOrg(const core::Org& draft, QObject* context, Callback<core::Org> callback)
{
    nlohmann::json body{
        {"parentId", draft.parentId}, {"kind", core::toString(draft.kind)}, {"name", draft.name}, {"slug", draft.slug}};
    if (!draft.attributes.empty())
        body["attributes"] = draft.attributes;
    sendForOrg("POST", QStringLiteral("/api/v1/orgs"), QByteArray::fromStdString(body.dump()), context,
               std::move(callback));
}

void ApiClient::updateOrg(const QString& id, const QString& name, const QString& kind, QObject* context,
                          Callback<core::Org> callback)
{
    nlohmann::json body = nlohmann::json::object();
    if (!name.isEmpty())
        body["name"] = name.toStdString();
    if (!kind.isEmpty())
        body["kind"] = kind.toStdString();
    sendForOrg("PATCH", QStringLiteral("/api/v1/orgs/") + encoded(id), QByteArray::fromStdString(body.dump()), context,
               std::move(callback));
}

void ApiClient::moveOrg(const QString& id, const QString& newParentId, QObject* context, Callback<core::Org> callback)
{
    const nlohmann::json body{{"parentId", newParentId.toStdString()}};
    sendForOrg("POST", QStringLiteral("/api/v1/orgs/") + encoded(id) + QStringLiteral("/move"),
               QByteArray::fromStdString(body.dump()), context, std::move(callback));
}

void ApiClient::orgImpact(const QString& id, const QString& change, QObject* context, Callback<OrgImpact> callback)
{
    send("GET",
         urlFor(QStringLiteral("/api/v1/orgs/") + encoded(id) + QStringLiteral("/impact"),
                QStringLiteral("change=") + encoded(change)),
         {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<OrgImpact>(body, status, failure, [](const nlohmann::json& j) {
                 OrgImpact impact;
                 impact.orgs = j.at("orgs").get<int>();
                 impact.memberships = j.at("memberships").get<int>();
                 impact.people = j.at("people").get<int>();
                 impact.admins = j.at("admins").get<int>();
                 impact.activeSessions = j.at("activeSessions").get<int>();
                 return impact;
             }));
         });
}

void ApiClient::changeOrgStatus(const QString& id, const QString& change, const QString& reason, QObject* context,
                                Callback<core::Org> callback)
{
    nlohmann::json body = nlohmann::json::object();
    if (!reason.trimmed().isEmpty())
        body["reason"] = reason.trimmed().toStdString();
    sendForOrg("POST", QStringLiteral("/api/v1/orgs/") + encoded(id) + QLatin1Char('/') + encoded(change),
               QByteArray::fromStdString(body.dump()), context, std::move(callback));
}

void ApiClient::sendForSuccess(const QByteArray& verb, const QString& path, const QByteArray& body, QObject* context,
                               Callback<bool> callback)
{
    send(verb, urlFor(path), body, true, context, successOnly(std::move(callback)));
}

void ApiClient::runPersonAction(const QString& userId, const QString& action, QObject* context, Callback<bool> callback)
{
    sendForSuccess("POST", QStringLiteral("/api/v1/users/") + encoded(userId) + QLatin1Char('/') + encoded(action),
                   QByteArrayLiteral("{}"), context, std::move(callback));
}

void ApiClient::getPerson(const QString& userId, QObject* context, Callback<PersonDetails> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/users/") + encoded(userId)), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<PersonDetails>(body, status, failure, &PersonDetails::fromJson));
         });
}

void ApiClient::updatePerson(const QString& userId, const QString& displayName, QObject* context,
                             Callback<PersonDetails> callback)
{
    const nlohmann::json body{{"displayName", displayName.toStdString()}};
    send("PATCH", urlFor(QStringLiteral("/api/v1/users/") + encoded(userId)), QByteArray::fromStdString(body.dump()),
         true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<PersonDetails>(data, status, failure, &PersonDetails::fromJson));
         });
}

void ApiClient::updateMembership(const QString& membershipId, const QString& title, const QDateTime& expiresAt,
                                 QObject* context, Callback<bool> callback)
{
    nlohmann::json body{{"title", title.toStdString()}};
    body["expiresAt"] = expiresAt.isValid() ? nlohmann::json(expiresAt.toUTC().toString(Qt::ISODate).toStdString())
                                            : nlohmann::json(nullptr);
    sendForSuccess("PATCH", QStringLiteral("/api/v1/memberships/") + encoded(membershipId),
                   QByteArray::fromStdString(body.dump()), context, std::move(callback));
}

void ApiClient::offboardMembership(const QString& membershipId, QObject* context, Callback<bool> callback)
{
    sendForSuccess("POST", QStringLiteral("/api/v1/memberships/") + encoded(membershipId) + QStringLiteral("/offboard"),
                   QByteArrayLiteral("{}"), context, std::move(callback));
}

void ApiClient::listPasskeys(const QString& userId, QObject* context, Callback<std::vector<PasskeyInfo>> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/users/") + encoded(userId) + QStringLiteral("/passkeys")), {}, true,
         context, [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<std::vector<PasskeyInfo>>(data, status, failure, &PasskeyInfo::listFromJson));
         });
}

void ApiClient::deletePasskey(const QString& userId, const QString& credentialId, QObject* context,
                              Callback<bool> callback)
{
    sendForSuccess("DELETE",
                   QStringLiteral("/api/v1/users/") + encoded(userId) + QStringLiteral("/passkeys/") +
                       encoded(credentialId),
                   {}, context, std::move(callback));
}

void ApiClient::listRoles(const QString& orgId, QObject* context, Callback<std::vector<RoleInfo>> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/roles"), QStringLiteral("orgId=") + encoded(orgId)), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<std::vector<RoleInfo>>(body, status, failure, [](const nlohmann::json& j) {
                 std::vector<RoleInfo> roles;
                 for (const auto& role : j.at("items"))
                     roles.push_back(RoleInfo::fromJson(role));
                 return roles;
             }));
         });
}

void ApiClient::assignRole(const QString& userId, const QString& roleId, const QString& orgId,
                           const QDateTime& expiresAt, const QString& justification, QObject* context,
                           Callback<bool> callback)
{
    nlohmann::json body{{"userId", userId.toStdString()},
                        {"roleId", roleId.toStdString()},
                        {"orgId", orgId.toStdString()},
                        {"justification", justification.toStdString()}};
    if (expiresAt.isValid())
        body["expiresAt"] = expiresAt.toUTC().toString(Qt::ISODate).toStdString();
    sendForSuccess("POST", QStringLiteral("/api/v1/role-assignments"), QByteArray::fromStdString(body.dump()), context,
                   std::move(callback));
}

void ApiClient::revokeRoleAssignment(const QString& assignmentId, QObject* context, Callback<bool> callback)
{
    sendForSuccess("DELETE", QStringLiteral("/api/v1/role-assignments/") + encoded(assignmentId), {}, context,
                   std::move(callback));
}

void ApiClient::listRoleAssignments(const QString& orgId, const QString& userId, QObject* context,
                                    Callback<std::vector<core::RoleAssignment>> callback)
{
    // Few assignments per person and organisation: one page of the maximum size holds them all.
    const QString query = QStringLiteral("userId=") + encoded(userId) + QStringLiteral("&limit=200");
    send("GET", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(orgId) + QStringLiteral("/role-assignments"), query),
         {}, true, context,
         [orgId, callback = std::move(callback)](const QByteArray& body, int code, const ApiFailure& failure) {
             callback(decode<std::vector<core::RoleAssignment>>(body, code, failure, [&orgId](const nlohmann::json& j) {
                 std::vector<core::RoleAssignment> assignments;
                 for (const auto& item : j.at("items")) {
                     auto assignment = item.get<core::RoleAssignment>();
                     if (QString::fromStdString(assignment.org.id) == orgId)
                         assignments.push_back(std::move(assignment));
                 }
                 return assignments;
             }));
         });
}

void ApiClient::createRole(const QString& orgId, const RoleInfo& draft, QObject* context, Callback<RoleInfo> callback)
{
    const nlohmann::json body{{"key", draft.key},
                              {"name", draft.name},
                              {"description", draft.description},
                              {"permissions", draft.permissions}};
    send("POST", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(orgId) + QStringLiteral("/roles")),
         QByteArray::fromStdString(body.dump()), true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<RoleInfo>(data, status, failure, &RoleInfo::fromJson));
         });
}

void ApiClient::updateRole(const QString& roleId, const RoleInfo& changes, QObject* context,
                           Callback<RoleInfo> callback)
{
    const nlohmann::json body{
        {"name", changes.name}, {"description", changes.description}, {"permissions", changes.permissions}};
    send("PATCH", urlFor(QStringLiteral("/api/v1/roles/") + encoded(roleId)), QByteArray::fromStdString(body.dump()),
         true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<RoleInfo>(data, status, failure, &RoleInfo::fromJson));
         });
}

void ApiClient::deleteRole(const QString& roleId, QObject* context, Callback<bool> callback)
{
    sendForSuccess("DELETE", QStringLiteral("/api/v1/roles/") + encoded(roleId), {}, context, std::move(callback));
}

void ApiClient::createInvitation(const InvitationRequest& invitation, QObject* context, Callback<QString> callback)
{
    nlohmann::json body{{"email", invitation.email.trimmed().toStdString()},
                        {"expiresInDays", invitation.expiresInDays}};
    if (!invitation.displayName.trimmed().isEmpty())
        body["displayName"] = invitation.displayName.trimmed().toStdString();
    if (!invitation.title.trimmed().isEmpty())
        body["title"] = invitation.title.trimmed().toStdString();
    body["roleIds"] = nlohmann::json::array();
    for (const QString& id : invitation.roleIds)
        body["roleIds"].push_back(id.toStdString());
    send("POST", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(invitation.orgId) + QStringLiteral("/invitations")),
         QByteArray::fromStdString(body.dump()), true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<QString>(data, status, failure, &acceptUrlOf));
         });
}

void ApiClient::resendInvitation(const QString& invitationId, QObject* context, Callback<QString> callback)
{
    send("POST", urlFor(QStringLiteral("/api/v1/invitations/") + encoded(invitationId) + QStringLiteral("/resend")),
         QByteArrayLiteral("{}"), true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<QString>(data, status, failure, &acceptUrlOf));
         });
}

void ApiClient::listInvitations(const QString& orgId, const QString& status, const QString& cursor, int limit,
                                QObject* context, Callback<core::Page<core::Invitation>> callback)
{
    QString query = QStringLiteral("limit=%1").arg(limit);
    if (!status.isEmpty())
        query += QStringLiteral("&status=") + encoded(status);
    if (!cursor.isEmpty())
        query += QStringLiteral("&cursor=") + encoded(cursor);
    send("GET", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(orgId) + QStringLiteral("/invitations"), query), {},
         true, context, [callback = std::move(callback)](const QByteArray& body, int code, const ApiFailure& failure) {
             callback(decodePage<core::Invitation>(body, code, failure));
         });
}

void ApiClient::revokeInvitation(const QString& invitationId, QObject* context, Callback<bool> callback)
{
    sendForSuccess("DELETE", QStringLiteral("/api/v1/invitations/") + encoded(invitationId), {}, context,
                   std::move(callback));
}

void ApiClient::listIdentityProviders(const QString& orgId, QObject* context,
                                      Callback<std::vector<core::IdentityProvider>> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(orgId) + QStringLiteral("/identity-providers")), {},
         true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<std::vector<core::IdentityProvider>>(body, status, failure, [](const nlohmann::json& j) {
                 return j.at("items").get<std::vector<core::IdentityProvider>>();
             }));
         });
}

void ApiClient::createIdentityProvider(const QString& orgId, const core::IdentityProviderDraft& draft, QObject* context,
                                       Callback<core::IdentityProvider> callback)
{
    send("POST", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(orgId) + QStringLiteral("/identity-providers")),
         QByteArray::fromStdString(core::toRequestJson(draft).dump()), true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<core::IdentityProvider>(
                 body, status, failure, [](const nlohmann::json& j) { return j.get<core::IdentityProvider>(); }));
         });
}

void ApiClient::updateIdentityProvider(const QString& providerId, const core::IdentityProviderDraft& draft,
                                       QObject* context, Callback<core::IdentityProvider> callback)
{
    send("PATCH", urlFor(QStringLiteral("/api/v1/identity-providers/") + encoded(providerId)),
         QByteArray::fromStdString(core::toRequestJson(draft).dump()), true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<core::IdentityProvider>(
                 body, status, failure, [](const nlohmann::json& j) { return j.get<core::IdentityProvider>(); }));
         });
}

void ApiClient::deleteIdentityProvider(const QString& providerId, QObject* context, Callback<bool> callback)
{
    sendForSuccess("DELETE", QStringLiteral("/api/v1/identity-providers/") + encoded(providerId), {}, context,
                   std::move(callback));
}

void ApiClient::listAccessReviews(QObject* context, Callback<std::vector<core::AccessReviewCampaign>> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/access-reviews")), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(
                 decode<std::vector<core::AccessReviewCampaign>>(body, status, failure, [](const nlohmann::json& j) {
                     return j.at("items").get<std::vector<core::AccessReviewCampaign>>();
                 }));
         });
}

void ApiClient::createAccessReview(const core::AccessReviewCampaign& draft, QObject* context,
                                   Callback<core::AccessReviewCampaign> callback)
{
    nlohmann::json reviewed = nlohmann::json::array();
    if (draft.reviewRoles)
        reviewed.push_back("roles");
    if (draft.reviewMemberships)
        reviewed.push_back("memberships");
    if (draft.reviewAdminRights)
        reviewed.push_back("adminRights");
    const nlohmann::json body{{"name", draft.name},
                              {"orgId", draft.orgId},
                              {"reviewed", reviewed},
                              {"dueAt", draft.dueAt},
                              {"dueRule", draft.dueRule}};
    send("POST", urlFor(QStringLiteral("/api/v1/access-reviews")), QByteArray::fromStdString(body.dump()), true,
         context, [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<core::AccessReviewCampaign>(
                 body, status, failure, [](const nlohmann::json& j) { return j.get<core::AccessReviewCampaign>(); }));
         });
}

void ApiClient::closeAccessReview(const QString& campaignId, QObject* context, Callback<bool> callback)
{
    sendForSuccess("POST", QStringLiteral("/api/v1/access-reviews/") + encoded(campaignId) + QStringLiteral("/close"),
                   QByteArrayLiteral("{}"), context, std::move(callback));
}

void ApiClient::listMyReviewItems(QObject* context, Callback<std::vector<core::AccessReviewItem>> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/access-review-items")), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<std::vector<core::AccessReviewItem>>(body, status, failure, [](const nlohmann::json& j) {
                 return j.at("items").get<std::vector<core::AccessReviewItem>>();
             }));
         });
}

void ApiClient::listCampaignReviewItems(const QString& campaignId, QObject* context,
                                        Callback<std::vector<core::AccessReviewItem>> callback)
{
    send("GET",
         urlFor(QStringLiteral("/api/v1/access-reviews/") + encoded(campaignId) + QStringLiteral("/items"),
                QStringLiteral("status=open")),
         {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<std::vector<core::AccessReviewItem>>(body, status, failure, [](const nlohmann::json& j) {
                 return j.at("items").get<std::vector<core::AccessReviewItem>>();
             }));
         });
}

void ApiClient::decideReviewItems(const QStringList& itemIds, const QString& decision, const QString& comment,
                                  QObject* context, Callback<bool> callback)
{
    nlohmann::json ids = nlohmann::json::array();
    for (const QString& id : itemIds)
        ids.push_back(id.toStdString());
    nlohmann::json body{{"itemIds", ids}, {"decision", decision.toStdString()}};
    if (!comment.isEmpty())
        body["comment"] = comment.toStdString();
    sendForSuccess("POST", QStringLiteral("/api/v1/access-review-items/decisions"),
                   QByteArray::fromStdString(body.dump()), context, std::move(callback));
}

void ApiClient::reassignReviewItems(const QString& campaignId, const QStringList& itemIds, const QString& reviewerId,
                                    QObject* context, Callback<bool> callback)
{
    nlohmann::json ids = nlohmann::json::array();
    for (const QString& id : itemIds)
        ids.push_back(id.toStdString());
    const nlohmann::json body{{"itemIds", ids}, {"reviewerId", reviewerId.toStdString()}};
    sendForSuccess("POST",
                   QStringLiteral("/api/v1/access-reviews/") + encoded(campaignId) + QStringLiteral("/reassign"),
                   QByteArray::fromStdString(body.dump()), context, std::move(callback));
}

void ApiClient::exportReviewResults(const QString& campaignId, QObject* context, Callback<QByteArray> callback)
{
    send("GET",
         urlFor(QStringLiteral("/api/v1/access-reviews/") + encoded(campaignId) + QStringLiteral("/results.csv")), {},
         true, context, [callback = std::move(callback)](const QByteArray& body, int, const ApiFailure& failure) {
             ApiResult<QByteArray> result;
             if (failure.code.isEmpty())
                 result.value = body;
             else
                 result.failure = failure;
             callback(std::move(result));
         });
}

void ApiClient::importPeople(const QString& orgId, const QByteArray& csv, bool dryRun, bool skipInvalid,
                             QObject* context, Callback<ImportReport> callback)
{
    QString query = QStringLiteral("dryRun=") + (dryRun ? QStringLiteral("true") : QStringLiteral("false"));
    if (skipInvalid)
        query += QStringLiteral("&skipInvalid=true");
    send(
        "POST", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(orgId) + QStringLiteral("/imports"), query), csv, true,
        context,
        [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
            // 422 carries the full report (rows with errors, nothing written): an answer, not a failure.
            const ApiFailure effective = status == 422 ? ApiFailure() : failure;
            auto result = decode<ImportReport>(data, status, effective, &ImportReport::fromJson);
            if (status == 422 && !result.ok())
                result.failure = failure;
            callback(result);
        },
        QByteArrayLiteral("text/csv; charset=utf-8"));
}

void ApiClient::auditEvents(const AuditFilter& filter, qint64 before, int limit, QObject* context,
                            Callback<AuditEventPage> callback)
{
    sendAuditEvents(filter, before > 0 ? QStringLiteral("before=%1").arg(before) : QString(), limit, context,
                    std::move(callback));
}

void ApiClient::auditEventsAfter(const AuditFilter& filter, qint64 after, int limit, QObject* context,
                                 Callback<AuditEventPage> callback)
{
    sendAuditEvents(filter, QStringLiteral("after=%1").arg(std::max<qint64>(0, after)), limit, context,
                    std::move(callback));
}

void ApiClient::sendAuditEvents(const AuditFilter& filter, const QString& cursor, int limit, QObject* context,
                                Callback<AuditEventPage> callback)
{
    QString query = filter.toQuery(QDateTime::currentDateTimeUtc());
    const auto add = [&query](const QString& part) {
        query += (query.isEmpty() ? QString() : QStringLiteral("&")) + part;
    };
    add(QStringLiteral("limit=%1").arg(std::clamp(limit, 1, 500)));
    if (!cursor.isEmpty())
        add(cursor);
    send("GET", urlFor(QStringLiteral("/api/v1/audit/events"), query), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<AuditEventPage>(body, status, failure, &auditEventPageFromJson));
         });
}

void ApiClient::auditHistogram(const AuditFilter& filter, const QString& bucket, QObject* context,
                               Callback<AuditHistogram> callback)
{
    QString query = filter.toQuery(QDateTime::currentDateTimeUtc());
    if (!bucket.isEmpty())
        query += (query.isEmpty() ? QString() : QStringLiteral("&")) + QStringLiteral("bucket=") + encoded(bucket);
    send("GET", urlFor(QStringLiteral("/api/v1/audit/histogram"), query), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<AuditHistogram>(body, status, failure, &auditHistogramFromJson));
         });
}

void ApiClient::auditActions(QObject* context, Callback<AuditActionCatalog> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/audit/actions")), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<AuditActionCatalog>(body, status, failure, &auditActionCatalogFromJson));
         });
}

void ApiClient::verifyAudit(QObject* context, Callback<AuditVerifyResult> callback)
{
    send("POST", urlFor(QStringLiteral("/api/v1/audit/verify")), QByteArrayLiteral("{}"), true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<AuditVerifyResult>(body, status, failure, &auditVerifyResultFromJson));
         });
}

void ApiClient::delegationChain(const QString& assignmentId, QObject* context,
                                Callback<std::vector<DelegationLink>> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/audit/delegations/") + encoded(assignmentId) + QStringLiteral("/chain")),
         {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<std::vector<DelegationLink>>(body, status, failure, &delegationChainFromJson));
         });
}

AuditExport* ApiClient::exportAudit(const AuditFilter& filter, const QString& format, const QString& path,
                                    QObject* parent)
{
    QString query = filter.toQuery(QDateTime::currentDateTimeUtc());
    query += (query.isEmpty() ? QString() : QStringLiteral("&")) + QStringLiteral("format=") + encoded(format);
    QNetworkRequest request(urlFor(QStringLiteral("/api/v1/audit/export"), query));
    request.setRawHeader("Accept", format == QLatin1String("csv") ? "text/csv" : "application/x-ndjson");
    // Between chunks, not for the whole download: a long export is fine as long as data keeps coming.
    request.setTransferTimeout(m_timeoutMs);
    if (!m_accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_accessToken);
    QNetworkReply* reply = m_network->get(request);
    qCDebug(lcApi) << "GET /api/v1/audit/export" << format;
    return new AuditExport(reply, path, format, parent);
}

void ApiClient::exchangeBootstrapSecret(const QByteArray& secret, QObject* context, Callback<QByteArray> callback)
{
    const std::string body = nlohmann::json{{"secret", secret.toStdString()}}.dump();
    send("POST", urlFor(QStringLiteral("/api/v1/auth/bootstrap")), QByteArray::fromStdString(body), false, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<QByteArray>(data, status, failure, [](const nlohmann::json& j) {
                 const auto token = j.at("accessToken").get<std::string>();
                 if (token.empty())
                     throw std::runtime_error("empty access token");
                 return QByteArray::fromStdString(token);
             }));
         });
}

void ApiClient::checkHealth(QObject* context, Callback<bool> callback)
{
    send("GET", urlFor(QStringLiteral("/healthz")), {}, false, context, successOnly(std::move(callback)));
}

// ---- Login journeys (flows) ----

namespace {

QByteArray jsonBody(const nlohmann::json& j)
{
    return QByteArray::fromStdString(j.dump());
}

QString flowPath(const QString& flowId, const QString& rest = QString())
{
    return QStringLiteral("/api/v1/flows/") + encoded(flowId) + rest;
}

// The body of a refused request, parsed (null when it is not JSON).
nlohmann::json bodyOf(const QByteArray& data)
{
    return nlohmann::json::parse(data.constData(), data.constData() + data.size(), nullptr, false);
}

} // namespace

void ApiClient::flowCatalog(QObject* context, Callback<std::shared_ptr<core::flow::NodeCatalog>> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/flow-catalog")), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<std::shared_ptr<core::flow::NodeCatalog>>(body, status, failure, &catalogFromJson));
         });
}

void ApiClient::listFlows(const QString& orgId, QObject* context, Callback<std::vector<FlowSummary>> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(orgId) + QStringLiteral("/flows")), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<std::vector<FlowSummary>>(body, status, failure, [](const nlohmann::json& j) {
                 std::vector<FlowSummary> items;
                 for (const auto& item : j.at("items"))
                     items.push_back(FlowSummary::fromJson(item));
                 return items;
             }));
         });
}

void ApiClient::createFlow(const QString& orgId, const QString& name, const QString& description,
                           const QString& templateKey, QObject* context, Callback<FlowRecord> callback)
{
    nlohmann::json body{{"name", name.toStdString()}};
    if (!description.isEmpty())
        body["description"] = description.toStdString();
    if (!templateKey.isEmpty())
        body["template"] = templateKey.toStdString();
    send("POST", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(orgId) + QStringLiteral("/flows")), jsonBody(body),
         true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<FlowRecord>(data, status, failure, &FlowRecord::fromJson));
         });
}

void ApiClient::getFlow(const QString& flowId, QObject* context, Callback<FlowRecord> callback)
{
    send("GET", urlFor(flowPath(flowId)), {}, true, context,
         [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& failure) {
             callback(decode<FlowRecord>(body, status, failure, &FlowRecord::fromJson));
         });
}

void ApiClient::updateFlow(const QString& flowId, const QString& name, const QString& description, QObject* context,
                           Callback<bool> callback)
{
    nlohmann::json body = nlohmann::json::object();
    if (!name.isNull())
        body["name"] = name.toStdString();
    if (!description.isNull())
        body["description"] = description.toStdString();
    sendForSuccess("PATCH", flowPath(flowId), jsonBody(body), context, std::move(callback));
}

void ApiClient::deleteFlow(const QString& flowId, QObject* context, Callback<bool> callback)
{
    sendForSuccess("DELETE", flowPath(flowId), {}, context, std::move(callback));
}

void ApiClient::saveFlowDraft(const QString& flowId, const core::flow::FlowDocument& document, int revision,
                              QObject* context, Callback<DraftSaveResult> callback)
{
    const nlohmann::json body{{"document", document.toJson()}, {"revision", revision}};
    send("PUT", urlFor(flowPath(flowId, QStringLiteral("/draft"))), jsonBody(body), true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             ApiResult<DraftSaveResult> result;
             const nlohmann::json j = bodyOf(data);
             // 422 invalid_document names what is broken: an answer the editor shows, not a bare failure.
             if (status == 422 && j.is_object() && j.contains("problems")) {
                 DraftSaveResult refused;
                 refused.problems = problemsFromJson(j["problems"]);
                 result.value = std::move(refused);
                 result.failure = failure;
                 callback(result);
                 return;
             }
             callback(decode<DraftSaveResult>(data, status, failure, [](const nlohmann::json& answer) {
                 DraftSaveResult saved;
                 saved.saved = true;
                 saved.draftRevision = answer.at("draftRevision").get<int>();
                 saved.updatedAt =
                     QDateTime::fromString(qs(answer.value("updatedAt", std::string())), Qt::ISODateWithMs);
                 saved.problems = problemsFromJson(answer.value("problems", nlohmann::json::array()));
                 return saved;
             }));
         });
}

void ApiClient::validateFlow(const QString& flowId, const core::flow::FlowDocument& document, QObject* context,
                             Callback<std::vector<core::flow::FlowProblem>> callback)
{
    const nlohmann::json body{{"document", document.toJson()}};
    send("POST", urlFor(flowPath(flowId, QStringLiteral("/validate"))), jsonBody(body), true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<std::vector<core::flow::FlowProblem>>(
                 data, status, failure, [](const nlohmann::json& j) { return problemsFromJson(j.at("problems")); }));
         });
}

void ApiClient::listFlowVersions(const QString& flowId, QObject* context,
                                 Callback<std::vector<FlowVersionInfo>> callback)
{
    send("GET", urlFor(flowPath(flowId, QStringLiteral("/versions"))), {}, true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<std::vector<FlowVersionInfo>>(data, status, failure, [](const nlohmann::json& j) {
                 std::vector<FlowVersionInfo> items;
                 for (const auto& item : j.at("items"))
                     items.push_back(FlowVersionInfo::fromJson(item));
                 return items;
             }));
         });
}

void ApiClient::getFlowVersion(const QString& flowId, int version, QObject* context, Callback<FlowVersionInfo> callback)
{
    send("GET", urlFor(flowPath(flowId, QStringLiteral("/versions/%1").arg(version))), {}, true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<FlowVersionInfo>(data, status, failure, &FlowVersionInfo::fromJson));
         });
}

namespace {

// Publishing answers 201 with the version, or 422 flow_invalid with the per-node problems.
auto publishHandler(ApiClient::Callback<PublishResult> callback)
{
    return [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
        const nlohmann::json j = bodyOf(data);
        if (status == 422 && j.is_object() && j.contains("problems")) {
            ApiResult<PublishResult> result;
            PublishResult refused;
            refused.problems = problemsFromJson(j["problems"]);
            result.value = std::move(refused);
            result.failure = failure;
            callback(result);
            return;
        }
        callback(decode<PublishResult>(data, status, failure, [](const nlohmann::json& answer) {
            PublishResult published;
            published.published = true;
            published.version = FlowVersionInfo::fromJson(answer);
            return published;
        }));
    };
}

} // namespace

void ApiClient::publishFlow(const QString& flowId, const QString& note, int revision, QObject* context,
                            Callback<PublishResult> callback)
{
    const nlohmann::json body{{"note", note.toStdString()}, {"revision", revision}};
    send("POST", urlFor(flowPath(flowId, QStringLiteral("/publish"))), jsonBody(body), true, context,
         publishHandler(std::move(callback)));
}

void ApiClient::restoreFlowVersion(const QString& flowId, int version, QObject* context, Callback<bool> callback)
{
    sendForSuccess("POST", flowPath(flowId, QStringLiteral("/versions/%1/restore").arg(version)),
                   QByteArrayLiteral("{}"), context, std::move(callback));
}

void ApiClient::republishFlowVersion(const QString& flowId, int version, const QString& note, QObject* context,
                                     Callback<PublishResult> callback)
{
    const nlohmann::json body{{"note", note.toStdString()}};
    send("POST", urlFor(flowPath(flowId, QStringLiteral("/versions/%1/publish").arg(version))), jsonBody(body), true,
         context, publishHandler(std::move(callback)));
}

void ApiClient::simulateFlow(const QString& flowId, const std::optional<core::flow::FlowDocument>& document,
                             const nlohmann::json& scenario, QObject* context, Callback<SimulationResult> callback)
{
    nlohmann::json body{{"scenario", scenario}};
    if (document)
        body["document"] = document->toJson();
    send("POST", urlFor(flowPath(flowId, QStringLiteral("/simulate"))), jsonBody(body), true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<SimulationResult>(data, status, failure, &SimulationResult::fromJson));
         });
}

void ApiClient::listFlowBindings(const QString& orgId, QObject* context, Callback<FlowBindings> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(orgId) + QStringLiteral("/flow-bindings")), {}, true,
         context, [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<FlowBindings>(data, status, failure, &FlowBindings::fromJson));
         });
}

void ApiClient::bindFlow(const QString& orgId, const QString& clientId, const QString& flowId, QObject* context,
                         Callback<FlowBinding> callback)
{
    nlohmann::json body{{"flowId", flowId.toStdString()}};
    body["clientId"] = clientId.isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(clientId.toStdString());
    send("PUT", urlFor(QStringLiteral("/api/v1/orgs/") + encoded(orgId) + QStringLiteral("/flow-bindings")),
         jsonBody(body), true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<FlowBinding>(data, status, failure, &FlowBinding::fromJson));
         });
}

void ApiClient::deleteFlowBinding(const QString& bindingId, QObject* context, Callback<bool> callback)
{
    sendForSuccess("DELETE", QStringLiteral("/api/v1/flow-bindings/") + encoded(bindingId), {}, context,
                   std::move(callback));
}

void ApiClient::listApplications(QObject* context, Callback<std::vector<ApplicationInfo>> callback)
{
    send("GET", urlFor(QStringLiteral("/api/v1/applications")), {}, true, context,
         [callback = std::move(callback)](const QByteArray& data, int status, const ApiFailure& failure) {
             callback(decode<std::vector<ApplicationInfo>>(data, status, failure, [](const nlohmann::json& j) {
                 std::vector<ApplicationInfo> items;
                 for (const auto& item : j.at("items"))
                     items.push_back({qs(item.at("id").get<std::string>()), qs(item.value("name", std::string()))});
                 return items;
             }));
         });
}

} // namespace trellis::client
