// Isolation property test: a random organisation world, random admins holding random scoped roles, and thousands of
// random admin API calls against a real trellisd (SQLite, or PostgreSQL with TRELLIS_TEST_POSTGRES). Every answer
// is checked against an oracle written independently of the server: it walks parent links in its own model of the
// world instead of using materialised paths, and takes the role permissions from docs/permissions.md.
//
// TRELLIS_ISOLATION_SEED=<n> replays a run; TRELLIS_ISOLATION_CALLS=<n> changes how many calls are made.
#include "core/PasswordHasher.h"
#include "server/store/Database.h"
#include "server/store/MembershipRepository.h"
#include "server/store/OrgRepository.h"
#include "server/store/RoleRepository.h"
#include "server/store/TokenRepository.h"
#include "server/store/UserRepository.h"
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace trellis;
using namespace trellis::test;

namespace {

// The permission table of docs/permissions.md, typed in again on purpose: the oracle must not share the server's.
const std::map<QString, std::set<std::string>>& rolePermissions()
{
    static const std::map<QString, std::set<std::string>> table{
        {QStringLiteral("platform-owner"),
         {"org.read", "org.manage", "user.read", "user.manage", "user.invite", "role.assign", "flow.design",
          "flow.publish", "audit.read", "review.manage"}},
        {QStringLiteral("security-auditor"), {"org.read", "user.read", "audit.read", "review.manage"}},
        {QStringLiteral("org-admin"),
         {"org.read", "org.manage", "user.read", "user.manage", "user.invite", "role.assign", "audit.read",
          "review.manage"}},
        {QStringLiteral("user-manager"), {"org.read", "user.read", "user.manage", "user.invite"}},
        {QStringLiteral("flow-designer"), {"org.read", "flow.design", "flow.publish"}},
        {QStringLiteral("member"), {}},
    };
    return table;
}

struct ModelOrg
{
    QString id;
    QString parentId;
    QString name;
    QString slug;
    QString status = QStringLiteral("active");
    QString suspensionRoot; ///< the org whose suspension suspended this one
};

struct ModelMembership
{
    QString id;
    QString userId;
    QString orgId;
    QString status = QStringLiteral("active");
    QString suspensionRoot;
};

struct ModelAssignment
{
    QString id;
    QString userId;
    QString roleKey;
    QString orgId;
    bool revoked = false;
};

struct ModelPerson
{
    QString id;
    QString email;
    QString displayName;
    QByteArray token;
    bool tokenRevoked = false; ///< a suspension signed them out: the server must answer 401 until a new token
};

/// The world as the test believes it to be, and what each person may do in it.
class Oracle
{
public:
    std::map<QString, ModelOrg> orgs;
    std::map<QString, ModelPerson> people;
    std::map<QString, ModelMembership> memberships;
    std::map<QString, ModelAssignment> assignments;

    bool isWithin(QString orgId, const QString& ancestorId) const
    {
        for (int guard = 0; guard < 1000 && !orgId.isEmpty(); ++guard) {
            if (orgId == ancestorId)
                return true;
            orgId = orgs.at(orgId).parentId;
        }
        return false;
    }

    const ModelMembership* membershipOf(const QString& userId, const QString& orgId) const
    {
        for (const auto& [id, m] : memberships) {
            if (m.userId == userId && m.orgId == orgId)
                return &m;
        }
        return nullptr;
    }

    bool counts(const ModelAssignment& a) const
    {
        const ModelMembership* m = membershipOf(a.userId, a.orgId);
        return !a.revoked && orgs.at(a.orgId).status == QLatin1String("active") && m &&
               m->status == QLatin1String("active");
    }

    bool allows(const QString& userId, const std::string& permission, const QString& orgId) const
    {
        for (const auto& [id, a] : assignments) {
            if (a.userId == userId && counts(a) && rolePermissions().at(a.roleKey).count(permission) &&
                isWithin(orgId, a.orgId))
                return true;
        }
        return false;
    }

    /// Orgs where `permission` holds and that no other such org contains: the caller's roots.
    QSet<QString> roots(const QString& userId, const std::string& permission) const
    {
        QSet<QString> result;
        for (const auto& [id, org] : orgs) {
            if (allows(userId, permission, id) && (org.parentId.isEmpty() || !allows(userId, permission, org.parentId)))
                result.insert(id);
        }
        return result;
    }

    /// The grant-independent "who administers exactly this org" of the last-admin rule.
    int adminCount(const QString& orgId) const
    {
        QSet<QString> admins;
        for (const auto& [id, a] : assignments) {
            const ModelMembership* m = membershipOf(a.userId, a.orgId);
            if (a.orgId == orgId && !a.revoked && rolePermissions().at(a.roleKey).count("role.assign") && m &&
                m->status == QLatin1String("active"))
                admins.insert(a.userId);
        }
        return int(admins.size());
    }

    /// Whether `permission` holds for the user through a grant strictly above `orgId`.
    bool allowsFromAbove(const QString& userId, const std::string& permission, const QString& orgId) const
    {
        const QString parent = orgs.at(orgId).parentId;
        return !parent.isEmpty() && allows(userId, permission, parent);
    }

    bool allowsAll(const QString& userId, const QString& roleKey, const QString& orgId) const
    {
        for (const auto& permission : rolePermissions().at(roleKey)) {
            if (!allows(userId, permission, orgId))
                return false;
        }
        return true;
    }

    /// Whether the user can see the person (user.read at an org of one of the person's memberships).
    bool seesPerson(const QString& userId, const QString& personId) const
    {
        for (const auto& [id, m] : memberships) {
            if (m.userId == personId && allows(userId, "user.read", m.orgId))
                return true;
        }
        return false;
    }

    QSet<QString> childrenOf(const QString& orgId) const
    {
        QSet<QString> result;
        for (const auto& [id, org] : orgs) {
            if (org.parentId == orgId)
                result.insert(id);
        }
        return result;
    }
};

} // namespace

class IsolationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void randomCallsMatchTheOracle();

private:
    void seedWorld(server::Database& db);
    TestHttpClient client(const ModelPerson& person) const;
    /// Every item of a paginated list (small pages, so pagination itself is exercised); nullopt on a non-200 page.
    std::optional<QJsonArray> allPages(const ModelPerson& person, const QString& path, int* status);

    // One random call each; they return false (after recording why) when the server disagrees with the oracle.
    bool checkGetOrg(const ModelPerson& who);
    bool checkChildren(const ModelPerson& who);
    bool checkRoots(const ModelPerson& who);
    bool checkSearch(const ModelPerson& who);
    bool checkMembers(const ModelPerson& who);
    bool checkCreateOrg(const ModelPerson& who);
    bool checkRenameOrg(const ModelPerson& who);
    bool checkMoveOrg(const ModelPerson& who);
    bool checkSuspendOrg(const ModelPerson& who);
    bool checkResumeOrg(const ModelPerson& who);
    bool checkAssignRole(const ModelPerson& who);
    bool checkRevokeRole(const ModelPerson& who);
    bool checkListAssignments(const ModelPerson& who);

    /// A person whose token a suspension revoked must be refused once (401); then they get a new token.
    bool ensureSignedIn(ModelPerson& who);

    bool expectStatus(const char* call, const ModelPerson& who, const HttpResult& result, int expected);
    bool expectIds(const char* call, const ModelPerson& who, const QJsonArray& items, const QSet<QString>& expected);

    template <typename Map>
    const typename Map::mapped_type& pick(const Map& map)
    {
        auto it = map.begin();
        std::advance(it, std::uniform_int_distribution<std::size_t>(0, map.size() - 1)(m_random));
        return it->second;
    }
    /// A random org id, now and then one that does not exist.
    QString randomOrgId();
    /// Half the time a random org for which `wanted` holds (when there is one), else randomOrgId(): writes are
    /// aimed where they may succeed often enough to keep the world changing.
    QString orgWhere(const std::function<bool(const QString&)>& wanted);

    std::unique_ptr<PostgresTestDatabase> m_postgres;
    QTemporaryDir m_dataDir;
    TrellisdProcess m_server;
    Oracle m_oracle;
    std::mt19937_64 m_random;
    quint64 m_seed = 0;
    int m_calls = 3000;
    QStringList m_violations;
    std::map<std::string, int> m_applied; ///< writes the server carried out, per kind (a run must change the world)
    int m_slugCounter = 0;
};

void IsolationTest::initTestCase()
{
    m_seed = qEnvironmentVariableIsSet("TRELLIS_ISOLATION_SEED")
                 ? qEnvironmentVariable("TRELLIS_ISOLATION_SEED").toULongLong()
                 : QRandomGenerator::system()->generate64();
    if (qEnvironmentVariableIsSet("TRELLIS_ISOLATION_CALLS"))
        m_calls = qEnvironmentVariableIntValue("TRELLIS_ISOLATION_CALLS");
    qInfo("isolation seed %llu (replay with TRELLIS_ISOLATION_SEED=%llu), %d calls", m_seed, m_seed, m_calls);
    m_random.seed(m_seed);

    server::DatabaseConfig config;
#ifdef TRELLIS_TEST_POSTGRES
    if (!PostgresTestDatabase::isConfigured())
        QSKIP(qPrintable(PostgresTestDatabase::notConfiguredReason()));
    m_postgres = std::make_unique<PostgresTestDatabase>();
    QString error;
    QVERIFY2(m_postgres->create(&error), qPrintable(error));
    const auto parsed = server::DatabaseConfig::fromUrl(m_postgres->url(), &error);
    QVERIFY2(parsed, qPrintable(error));
    config = *parsed;
    m_server.setDatabaseUrl(m_postgres->url());
#else
    QVERIFY(m_dataDir.isValid());
    config = server::DatabaseConfig::sqliteInDataDir(m_dataDir.path());
    m_server.setDataDirectory(m_dataDir.path());
#endif
    {
        // The world is written straight into the store (the API has no "create person" call outside invitations),
        // then the database is closed before trellisd opens it.
        server::Database db(config);
        db.open();
        seedWorld(db);
    }
    // Thousands of calls from one address are the point here, not something to throttle.
    m_server.setExtraArguments({QStringLiteral("--rate-limit"), QStringLiteral("0")});
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void IsolationTest::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

void IsolationTest::seedWorld(server::Database& db)
{
    const server::OrgRepository orgs(db);
    const server::UserRepository users(db);
    const server::MembershipRepository memberships(db);
    const server::RoleRepository roles(db);
    const server::TokenRepository tokens(db);
    std::uniform_int_distribution<int> percent(0, 99);

    db.transaction([&] {
        // A random tree: each new org hangs under a random earlier one, depth at most 6.
        std::vector<QString> orgIds;
        std::map<QString, int> depth;
        const int orgCount = 30 + int(m_random() % 30);
        for (int i = 0; i < orgCount; ++i) {
            server::NewOrg org;
            if (!orgIds.empty()) {
                QString parent;
                do
                    parent = orgIds[m_random() % orgIds.size()];
                while (depth[parent] >= 5);
                org.parentId = parent.toStdString();
            }
            org.kind = core::OrgKind::Customer;
            org.name = QStringLiteral("Org %1 %2").arg(i).arg(QChar(u'a' + int(m_random() % 26))).toStdString();
            org.slug = QStringLiteral("org-%1").arg(i).toStdString();
            const core::Org created = orgs.create(org);
            const QString id = QString::fromStdString(created.id);
            orgIds.push_back(id);
            depth[id] = org.parentId.empty() ? 0 : depth[QString::fromStdString(org.parentId)] + 1;
            m_oracle.orgs[id] = ModelOrg{id, QString::fromStdString(org.parentId), QString::fromStdString(org.name),
                                         QString::fromStdString(org.slug)};
        }

        // People with one to three memberships; roughly half of them hold one or two random roles where they are
        // members. Person 0 holds platform-owner at the root, so every org has someone above it.
        const QStringList roleKeys{QStringLiteral("platform-owner"), QStringLiteral("security-auditor"),
                                   QStringLiteral("org-admin"),      QStringLiteral("user-manager"),
                                   QStringLiteral("flow-designer"),  QStringLiteral("member")};
        const int peopleCount = 25 + int(m_random() % 15);
        for (int p = 0; p < peopleCount; ++p) {
            server::NewUser user;
            user.email = QStringLiteral("person%1@iso.example").arg(p).toStdString();
            user.displayName = QStringLiteral("Person %1").arg(p).toStdString();
            const core::User created = users.create(user);
            ModelPerson person{QString::fromStdString(created.id),
                               QString::fromStdString(created.email),
                               QString::fromStdString(created.displayName),
                               {}};
            person.token =
                QByteArray::fromStdString(tokens.issue(created.id, std::chrono::hours(4), "admin-token").token);

            std::set<QString> orgsOfPerson;
            if (p == 0)
                orgsOfPerson.insert(orgIds.front());
            const int membershipCount = 1 + int(m_random() % 3);
            while (int(orgsOfPerson.size()) < membershipCount)
                orgsOfPerson.insert(orgIds[m_random() % orgIds.size()]);
            for (const QString& orgId : orgsOfPerson) {
                server::NewMembership membership;
                membership.userId = created.id;
                membership.orgId = orgId.toStdString();
                const QString id = QString::fromStdString(memberships.create(membership));
                m_oracle.memberships[id] = ModelMembership{id, person.id, orgId};
            }
            const auto grant = [&](const QString& roleKey, const QString& orgId) {
                const QString id = QString::fromStdString(
                    roles.assign(created.id, roleKey.toStdString(), orgId.toStdString(), {}, "isolation test"));
                m_oracle.assignments[id] = ModelAssignment{id, person.id, roleKey, orgId};
            };
            if (p == 0) {
                grant(QStringLiteral("platform-owner"), orgIds.front());
            } else if (percent(m_random) < 55) {
                const int grants = 1 + int(m_random() % 2);
                for (int g = 0; g < grants; ++g) {
                    auto it = orgsOfPerson.begin();
                    std::advance(it, m_random() % orgsOfPerson.size());
                    // platform-owner only rarely: most admins should be scoped below the root.
                    QString roleKey = roleKeys[1 + int(m_random() % (roleKeys.size() - 1))];
                    if (percent(m_random) < 5)
                        roleKey = roleKeys.front();
                    grant(roleKey, *it);
                }
            }
            m_oracle.people[person.id] = person;
        }
    });
}

TestHttpClient IsolationTest::client(const ModelPerson& person) const
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(person.token);
    return http;
}

std::optional<QJsonArray> IsolationTest::allPages(const ModelPerson& person, const QString& path, int* status)
{
    QJsonArray all;
    QString cursor;
    TestHttpClient http = client(person);
    const int limit = 1 + int(m_random() % 7);
    for (int guard = 0; guard < 500; ++guard) {
        QString url = path + (path.contains(u'?') ? u'&' : u'?') + QStringLiteral("limit=%1").arg(limit);
        if (!cursor.isEmpty())
            url += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpResult page = http.get(url);
        *status = page.status;
        if (page.status != 200)
            return std::nullopt;
        for (const auto& item : page.items())
            all.append(item);
        const QJsonValue next = page.object().value(QStringLiteral("nextCursor"));
        if (next.isNull())
            return all;
        cursor = next.toString();
    }
    return std::nullopt;
}

bool IsolationTest::expectStatus(const char* call, const ModelPerson& who, const HttpResult& result, int expected)
{
    if (result.status == expected)
        return true;
    m_violations << QStringLiteral("%1 by %2: expected %3, got %4")
                        .arg(QLatin1String(call), who.email)
                        .arg(expected)
                        .arg(QString::fromUtf8(result.describe().left(300)));
    return false;
}

bool IsolationTest::expectIds(const char* call, const ModelPerson& who, const QJsonArray& items,
                              const QSet<QString>& expected)
{
    QSet<QString> seen;
    QStringList duplicates;
    for (const auto& item : items) {
        const QString id = item.toObject().value(QStringLiteral("id")).toString();
        if (seen.contains(id))
            duplicates << id;
        seen.insert(id);
    }
    if (seen == expected && duplicates.isEmpty())
        return true;
    const QSet<QString> leaked = seen - expected;
    const QSet<QString> missing = expected - seen;
    m_violations << QStringLiteral("%1 by %2: leaked %3, missing %4, duplicated %5")
                        .arg(QLatin1String(call), who.email, QStringList(leaked.values()).join(u','),
                             QStringList(missing.values()).join(u','), duplicates.join(u','));
    return false;
}

QString IsolationTest::randomOrgId()
{
    if (m_random() % 20 == 0)
        return QUuid::createUuid().toString(QUuid::WithoutBraces);
    return pick(m_oracle.orgs).id;
}

QString IsolationTest::orgWhere(const std::function<bool(const QString&)>& wanted)
{
    if (m_random() % 2 == 0) {
        std::vector<QString> candidates;
        for (const auto& [id, org] : m_oracle.orgs) {
            if (wanted(id))
                candidates.push_back(id);
        }
        if (!candidates.empty())
            return candidates[m_random() % candidates.size()];
    }
    return randomOrgId();
}

bool IsolationTest::checkGetOrg(const ModelPerson& who)
{
    const QString orgId = randomOrgId();
    const HttpResult result = client(who).get(QStringLiteral("/api/v1/orgs/") + orgId);
    const bool visible = m_oracle.orgs.count(orgId) && m_oracle.allows(who.id, "org.read", orgId);
    if (!expectStatus("GET /orgs/{id}", who, result, visible ? 200 : 404))
        return false;
    if (!visible)
        return true;
    // Counts are part of what must not leak: children are all inside the subtree; members only with user.read.
    const QJsonObject org = result.object();
    const int childCount = org.value(QStringLiteral("childCount")).toInt(-1);
    if (childCount != int(m_oracle.childrenOf(orgId).size())) {
        m_violations << QStringLiteral("GET /orgs/%1 by %2: childCount %3, expected %4")
                            .arg(orgId, who.email)
                            .arg(childCount)
                            .arg(m_oracle.childrenOf(orgId).size());
        return false;
    }
    return true;
}

bool IsolationTest::checkChildren(const ModelPerson& who)
{
    const QString orgId = randomOrgId();
    int status = 0;
    const auto items = allPages(who, QStringLiteral("/api/v1/orgs/%1/children").arg(orgId), &status);
    const bool visible = m_oracle.orgs.count(orgId) && m_oracle.allows(who.id, "org.read", orgId);
    if (!visible) {
        if (status == 404)
            return true;
        m_violations
            << QStringLiteral("GET /orgs/%1/children by %2: expected 404, got %3").arg(orgId, who.email).arg(status);
        return false;
    }
    if (!items) {
        m_violations << QStringLiteral("GET /orgs/%1/children by %2: status %3").arg(orgId, who.email).arg(status);
        return false;
    }
    return expectIds("GET /orgs/{id}/children", who, *items, m_oracle.childrenOf(orgId));
}

bool IsolationTest::checkRoots(const ModelPerson& who)
{
    int status = 0;
    const auto items = allPages(who, QStringLiteral("/api/v1/orgs"), &status);
    if (!items) {
        m_violations << QStringLiteral("GET /orgs by %1: status %2").arg(who.email).arg(status);
        return false;
    }
    return expectIds("GET /orgs", who, *items, m_oracle.roots(who.id, "org.read"));
}

bool IsolationTest::checkSearch(const ModelPerson& who)
{
    // Org names end in a random letter; searching one finds a random share of the world.
    const QString text = QString(QChar(u'a' + int(m_random() % 26)));
    int status = 0;
    const auto items = allPages(who, QStringLiteral("/api/v1/orgs?q=") + text, &status);
    if (!items) {
        m_violations << QStringLiteral("GET /orgs?q= by %1: status %2").arg(who.email).arg(status);
        return false;
    }
    QSet<QString> expected;
    for (const auto& [id, org] : m_oracle.orgs) {
        if ((org.name.contains(text, Qt::CaseInsensitive) || org.slug.contains(text, Qt::CaseInsensitive)) &&
            m_oracle.allows(who.id, "org.read", id))
            expected.insert(id);
    }
    return expectIds("GET /orgs?q=", who, *items, expected);
}

bool IsolationTest::checkMembers(const ModelPerson& who)
{
    const QString orgId = randomOrgId();
    int status = 0;
    const auto items = allPages(who, QStringLiteral("/api/v1/orgs/%1/members").arg(orgId), &status);
    const bool visible = m_oracle.orgs.count(orgId) && m_oracle.allows(who.id, "org.read", orgId);
    const bool readable = visible && m_oracle.allows(who.id, "user.read", orgId);
    const int expectedStatus = !visible ? 404 : !readable ? 403 : 200;
    if (status != expectedStatus) {
        m_violations << QStringLiteral("GET /orgs/%1/members by %2: expected %3, got %4")
                            .arg(orgId, who.email)
                            .arg(expectedStatus)
                            .arg(status);
        return false;
    }
    if (!readable)
        return true;
    QSet<QString> expected;
    for (const auto& [id, m] : m_oracle.memberships) {
        if (m.orgId == orgId)
            expected.insert(id);
    }
    return expectIds("GET /orgs/{id}/members", who, *items, expected);
}

bool IsolationTest::checkCreateOrg(const ModelPerson& who)
{
    const QString parentId = orgWhere([&](const QString& id) { return m_oracle.allows(who.id, "org.manage", id); });
    const QString slug = QStringLiteral("new-%1").arg(++m_slugCounter);
    const QString name = QStringLiteral("New %1 %2").arg(m_slugCounter).arg(QChar(u'a' + int(m_random() % 26)));
    const HttpResult result = client(who).postJson(QStringLiteral("/api/v1/orgs"),
                                                   QJsonObject{{QStringLiteral("parentId"), parentId},
                                                               {QStringLiteral("kind"), QStringLiteral("customer")},
                                                               {QStringLiteral("name"), name},
                                                               {QStringLiteral("slug"), slug}});
    const bool exists = m_oracle.orgs.count(parentId) > 0;
    const bool visible = exists && m_oracle.allows(who.id, "org.read", parentId);
    const bool allowed = visible && m_oracle.allows(who.id, "org.manage", parentId) &&
                         m_oracle.orgs.at(parentId).status == QLatin1String("active");
    const int expected = allowed                                                     ? 201
                         : !visible                                                  ? 404
                         : exists && m_oracle.allows(who.id, "org.manage", parentId) ? 409
                                                                                     : 403;
    if (!expectStatus("POST /orgs", who, result, expected))
        return false;
    if (result.status == 201) {
        const QString id = result.object().value(QStringLiteral("id")).toString();
        m_oracle.orgs[id] = ModelOrg{id, parentId, name, slug};
        ++m_applied["create"];
    }
    return true;
}

bool IsolationTest::ensureSignedIn(ModelPerson& who)
{
    if (!who.tokenRevoked)
        return true;
    // The revoked token must be dead, then the person gets a fresh one (as signing in again would give).
    const HttpResult refused = client(who).get(QStringLiteral("/api/v1/me"));
    who.tokenRevoked = false;
    who.token = m_server.adminToken(who.email, QStringLiteral("4h"));
    if (!expectStatus("GET /me with a revoked token", who, refused, 401))
        return false;
    return !who.token.isEmpty();
}

/// Expected status of a change at an org: 404 unless visible, then what `decide` says.
static int visibleOr404(const Oracle& oracle, const QString& who, const QString& orgId,
                        const std::function<int()>& decide)
{
    if (!oracle.orgs.count(orgId) || !oracle.allows(who, "org.read", orgId))
        return 404;
    return decide();
}

bool IsolationTest::checkRenameOrg(const ModelPerson& who)
{
    const QString orgId = orgWhere([&](const QString& id) { return m_oracle.allows(who.id, "org.manage", id); });
    const QString name = QStringLiteral("Renamed %1 %2").arg(++m_slugCounter).arg(QChar(u'a' + int(m_random() % 26)));
    const int expected = visibleOr404(m_oracle, who.id, orgId, [&] {
        if (!m_oracle.allows(who.id, "org.manage", orgId))
            return 403;
        return m_oracle.orgs.at(orgId).status == QLatin1String("offboarded") ? 409 : 200;
    });
    const HttpResult result =
        client(who).send("PATCH", QStringLiteral("/api/v1/orgs/") + orgId,
                         QJsonDocument(QJsonObject{{QStringLiteral("name"), name}}).toJson(), "application/json");
    if (!expectStatus("PATCH /orgs/{id}", who, result, expected))
        return false;
    if (expected == 200) {
        m_oracle.orgs[orgId].name = name;
        ++m_applied["rename"];
    }
    return true;
}

bool IsolationTest::checkMoveOrg(const ModelPerson& who)
{
    const QString orgId = orgWhere([&](const QString& id) {
        const QString parent = m_oracle.orgs.at(id).parentId;
        return !parent.isEmpty() && m_oracle.allows(who.id, "org.manage", parent);
    });
    const QString parentId = orgWhere([&](const QString& id) { return m_oracle.allows(who.id, "org.manage", id); });
    const auto manage = [&](const QString& id) { return m_oracle.allows(who.id, "org.manage", id); };
    const int expected = visibleOr404(m_oracle, who.id, orgId, [&] {
        const ModelOrg& org = m_oracle.orgs.at(orgId);
        if (org.parentId.isEmpty())
            return 409;
        if (!m_oracle.orgs.count(parentId))
            return 404;
        if (!manage(org.parentId))
            return 403;
        if (!manage(parentId))
            return m_oracle.allows(who.id, "org.read", parentId) ? 403 : 404;
        if (parentId == org.parentId)
            return 200;
        if (m_oracle.isWithin(parentId, orgId) || org.status != QLatin1String("active") ||
            m_oracle.orgs.at(parentId).status != QLatin1String("active"))
            return 409;
        return 200;
    });
    const HttpResult result = client(who).postJson(QStringLiteral("/api/v1/orgs/%1/move").arg(orgId),
                                                   QJsonObject{{QStringLiteral("parentId"), parentId}});
    if (!expectStatus("POST /orgs/{id}/move", who, result, expected))
        return false;
    if (expected == 200) {
        m_oracle.orgs[orgId].parentId = parentId;
        ++m_applied["move"];
    }
    return true;
}

bool IsolationTest::checkSuspendOrg(const ModelPerson& who)
{
    const QString orgId = orgWhere([&](const QString& id) {
        const QString parent = m_oracle.orgs.at(id).parentId;
        return !parent.isEmpty() && m_oracle.allows(who.id, "org.manage", parent);
    });
    const int expected = visibleOr404(m_oracle, who.id, orgId, [&] {
        const ModelOrg& org = m_oracle.orgs.at(orgId);
        if (org.parentId.isEmpty())
            return 409;
        if (!m_oracle.allows(who.id, "org.manage", org.parentId))
            return 403;
        return org.status == QLatin1String("active") ? 200 : 409;
    });
    const HttpResult result = client(who).postJson(QStringLiteral("/api/v1/orgs/%1/suspend").arg(orgId), QJsonObject{});
    if (!expectStatus("POST /orgs/{id}/suspend", who, result, expected))
        return false;
    if (expected != 200)
        return true;
    ++m_applied["suspend"];
    // The active subtree and its active memberships are suspended; those people are signed out everywhere.
    for (auto& [id, org] : m_oracle.orgs) {
        if (m_oracle.isWithin(id, orgId) && org.status == QLatin1String("active")) {
            org.status = QStringLiteral("suspended");
            org.suspensionRoot = orgId;
        }
    }
    for (auto& [id, m] : m_oracle.memberships) {
        if (m_oracle.isWithin(m.orgId, orgId) && m.status == QLatin1String("active")) {
            m.status = QStringLiteral("suspended");
            m.suspensionRoot = orgId;
            m_oracle.people[m.userId].tokenRevoked = true;
        }
    }
    return true;
}

bool IsolationTest::checkResumeOrg(const ModelPerson& who)
{
    // Mostly a suspended org, or nothing would ever be resumed.
    QString orgId;
    for (const auto& [id, org] : m_oracle.orgs) {
        if (org.status == QLatin1String("suspended") && m_random() % 3 == 0)
            orgId = id;
    }
    if (orgId.isEmpty())
        orgId = randomOrgId();
    const int expected = visibleOr404(m_oracle, who.id, orgId, [&] {
        const ModelOrg& org = m_oracle.orgs.at(orgId);
        if (org.parentId.isEmpty())
            return 409;
        if (!m_oracle.allows(who.id, "org.manage", org.parentId))
            return 403;
        return org.status == QLatin1String("suspended") && org.suspensionRoot == orgId ? 200 : 409;
    });
    const HttpResult result = client(who).postJson(QStringLiteral("/api/v1/orgs/%1/resume").arg(orgId), QJsonObject{});
    if (!expectStatus("POST /orgs/{id}/resume", who, result, expected))
        return false;
    if (expected != 200)
        return true;
    ++m_applied["resume"];
    for (auto& [id, org] : m_oracle.orgs) {
        if (org.suspensionRoot == orgId && org.status == QLatin1String("suspended")) {
            org.status = QStringLiteral("active");
            org.suspensionRoot.clear();
        }
    }
    for (auto& [id, m] : m_oracle.memberships) {
        if (m.suspensionRoot == orgId && m.status == QLatin1String("suspended")) {
            m.status = QStringLiteral("active");
            m.suspensionRoot.clear();
        }
    }
    return true;
}

bool IsolationTest::checkAssignRole(const ModelPerson& who)
{
    static const QStringList roleKeys{QStringLiteral("platform-owner"), QStringLiteral("security-auditor"),
                                      QStringLiteral("org-admin"),      QStringLiteral("user-manager"),
                                      QStringLiteral("flow-designer"),  QStringLiteral("member")};
    // Usually someone who is a member of the org, so grants do happen.
    const ModelMembership& membership = pick(m_oracle.memberships);
    const QString orgId = m_random() % 4 == 0 ? randomOrgId() : membership.orgId;
    const QString personId = m_random() % 4 == 0 ? pick(m_oracle.people).id : membership.userId;
    const QString roleKey = roleKeys[int(m_random() % roleKeys.size())];
    const int expected = visibleOr404(m_oracle, who.id, orgId, [&] {
        if (!m_oracle.allows(who.id, "role.assign", orgId))
            return 403;
        if (personId == who.id)
            return 403;
        if (!m_oracle.allowsAll(who.id, roleKey, orgId))
            return 403;
        if (!m_oracle.seesPerson(who.id, personId))
            return 404;
        const ModelMembership* m = m_oracle.membershipOf(personId, orgId);
        if (!m || m->status != QLatin1String("active"))
            return 409;
        for (const auto& [id, a] : m_oracle.assignments) {
            if (a.userId == personId && a.orgId == orgId && a.roleKey == roleKey && !a.revoked)
                return 409;
        }
        return 201;
    });
    const HttpResult result =
        client(who).postJson(QStringLiteral("/api/v1/role-assignments"),
                             QJsonObject{{QStringLiteral("userId"), personId},
                                         {QStringLiteral("roleId"), roleKey},
                                         {QStringLiteral("orgId"), orgId},
                                         {QStringLiteral("justification"), QStringLiteral("isolation test")}});
    if (!expectStatus("POST /role-assignments", who, result, expected))
        return false;
    if (expected == 201) {
        const QString id = result.object().value(QStringLiteral("id")).toString();
        m_oracle.assignments[id] = ModelAssignment{id, personId, roleKey, orgId};
        ++m_applied["assign"];
    }
    return true;
}

bool IsolationTest::checkRevokeRole(const ModelPerson& who)
{
    const bool missing = m_random() % 20 == 0;
    const ModelAssignment assignment =
        missing ? ModelAssignment{QUuid::createUuid().toString(QUuid::WithoutBraces)} : pick(m_oracle.assignments);
    int expected = 404;
    if (missing) {
        expected = 404;
    } else if (!m_oracle.allows(who.id, "role.assign", assignment.orgId)) {
        expected = m_oracle.allows(who.id, "user.read", assignment.orgId) ? 403 : 404;
    } else if (assignment.revoked) {
        expected = 409;
    } else if (!m_oracle.allowsAll(who.id, assignment.roleKey, assignment.orgId)) {
        expected = 403;
    } else {
        Oracle after = m_oracle;
        after.assignments[assignment.id].revoked = true;
        const bool leavesNoAdmin = m_oracle.adminCount(assignment.orgId) > 0 && after.adminCount(assignment.orgId) == 0;
        expected = leavesNoAdmin && !m_oracle.allowsFromAbove(who.id, "role.assign", assignment.orgId) ? 409 : 200;
    }
    const HttpResult result = client(who).send("DELETE", QStringLiteral("/api/v1/role-assignments/") + assignment.id);
    if (!expectStatus("DELETE /role-assignments/{id}", who, result, expected))
        return false;
    if (expected == 200) {
        m_oracle.assignments[assignment.id].revoked = true;
        ++m_applied["revoke"];
    }
    return true;
}

bool IsolationTest::checkListAssignments(const ModelPerson& who)
{
    const QString orgId = randomOrgId();
    const bool subtree = m_random() % 2 == 0;
    int status = 0;
    const auto items = allPages(who,
                                QStringLiteral("/api/v1/orgs/%1/role-assignments%2")
                                    .arg(orgId, subtree ? QStringLiteral("?subtree=true") : QString()),
                                &status);
    const bool visible = m_oracle.orgs.count(orgId) && m_oracle.allows(who.id, "org.read", orgId);
    const bool readable = visible && m_oracle.allows(who.id, "user.read", orgId);
    const int expectedStatus = !visible ? 404 : !readable ? 403 : 200;
    if (status != expectedStatus) {
        m_violations << QStringLiteral("GET /orgs/%1/role-assignments by %2: expected %3, got %4")
                            .arg(orgId, who.email)
                            .arg(expectedStatus)
                            .arg(status);
        return false;
    }
    if (!readable)
        return true;
    // The default list: neither revoked nor expired (nothing here expires).
    QSet<QString> expected;
    for (const auto& [id, a] : m_oracle.assignments) {
        if (!a.revoked && (a.orgId == orgId || (subtree && m_oracle.isWithin(a.orgId, orgId))))
            expected.insert(id);
    }
    return expectIds("GET /orgs/{id}/role-assignments", who, *items, expected);
}

void IsolationTest::randomCallsMatchTheOracle()
{
    using Check = bool (IsolationTest::*)(const ModelPerson&);
    // Weighted towards reads (what leaks), with enough writes to keep the world changing underneath them.
    const std::vector<std::pair<const char*, Check>> checks{
        {"get org", &IsolationTest::checkGetOrg},
        {"children", &IsolationTest::checkChildren},
        {"roots", &IsolationTest::checkRoots},
        {"search", &IsolationTest::checkSearch},
        {"members", &IsolationTest::checkMembers},
        {"get org", &IsolationTest::checkGetOrg},
        {"create org", &IsolationTest::checkCreateOrg},
        {"rename org", &IsolationTest::checkRenameOrg},
        {"move org", &IsolationTest::checkMoveOrg},
        {"suspend org", &IsolationTest::checkSuspendOrg},
        {"resume org", &IsolationTest::checkResumeOrg},
        {"resume org", &IsolationTest::checkResumeOrg},
        {"assign role", &IsolationTest::checkAssignRole},
        {"assign role", &IsolationTest::checkAssignRole},
        {"revoke role", &IsolationTest::checkRevokeRole},
        {"list assignments", &IsolationTest::checkListAssignments},
    };
    std::map<std::string, int> callsPerKind;
    for (int i = 0; i < m_calls && m_violations.size() < 20; ++i) {
        const auto& [name, check] = checks[m_random() % checks.size()];
        // Half the calls come from people holding some admin role, so writes are tried by those who may make them.
        QString whoId = pick(m_oracle.people).id;
        if (m_random() % 2 == 0) {
            std::vector<QString> admins;
            for (const auto& [id, a] : m_oracle.assignments) {
                if (!a.revoked && !rolePermissions().at(a.roleKey).empty())
                    admins.push_back(a.userId);
            }
            if (!admins.empty())
                whoId = admins[m_random() % admins.size()];
        }
        ModelPerson& who = m_oracle.people[whoId];
        if (!ensureSignedIn(who))
            continue;
        ++callsPerKind[name];
        (this->*check)(who);
    }
    QString summary;
    for (const auto& [name, count] : callsPerKind)
        summary += QStringLiteral(" %1=%2").arg(QString::fromStdString(name)).arg(count);
    qInfo("calls:%s", qPrintable(summary));
    QString applied;
    for (const auto& [name, count] : m_applied)
        applied += QStringLiteral(" %1=%2").arg(QString::fromStdString(name)).arg(count);
    qInfo("carried out:%s", qPrintable(applied));
    // With the default number of calls every kind of write happens; otherwise the oracle was only ever asked "no".
    if (m_calls >= 1000) {
        for (const char* kind : {"create", "rename", "move", "suspend", "assign", "revoke"})
            QVERIFY2(m_applied[kind] > 0, kind);
    }
    if (!m_violations.isEmpty()) {
        QFAIL(qPrintable(QStringLiteral("%1 isolation violation(s) with seed %2 (replay with "
                                        "TRELLIS_ISOLATION_SEED=%2):\n  %3")
                             .arg(m_violations.size())
                             .arg(m_seed)
                             .arg(m_violations.join(QStringLiteral("\n  ")))));
    }
}

QTEST_GUILESS_MAIN(IsolationTest)
#include "tst_isolation.moc"
