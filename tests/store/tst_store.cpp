#include "StoreTestBackend.h"
#include "core/DemoWorld.h"
#include "core/Encoding.h"
#include "core/OrgPath.h"
#include "core/PasswordHasher.h"
#include "core/Permission.h"
#include "core/Random.h"
#include "core/TimeFormat.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/DemoSeeder.h"
#include "server/store/MembershipRepository.h"
#include "server/store/OrgRepository.h"
#include "server/store/RoleRepository.h"
#include "server/store/TokenRepository.h"
#include "server/store/UserRepository.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <sys/stat.h>
#include <thread>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace trellis;
using namespace trellis::server;

namespace {
#ifdef TRELLIS_STORE_TEST_POSTGRES
constexpr SqlDialect kDialect = SqlDialect::Postgres;
#else
constexpr SqlDialect kDialect = SqlDialect::Sqlite;
#endif

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

// Runs raw SQL on the store's own connection (to look at or tamper with what the repositories wrote).
QSqlQuery rawQuery(const Database& db, const QString& sql, bool* ok = nullptr)
{
    QSqlQuery q(db.connection());
    const bool done = q.exec(sql);
    if (ok)
        *ok = done;
    return q;
}

int scalar(const Database& db, const QString& sql)
{
    QSqlQuery q = rawQuery(db, sql);
    return q.next() ? q.value(0).toInt() : -1;
}

std::vector<core::Org>
allPages(const std::function<core::Page<core::Org>(const std::optional<core::PageCursor>&)>& fetch,
         int* pages = nullptr)
{
    std::vector<core::Org> all;
    std::optional<core::PageCursor> cursor;
    int count = 0;
    for (;;) {
        const auto page = fetch(cursor);
        ++count;
        all.insert(all.end(), page.items.begin(), page.items.end());
        if (page.nextCursor.empty())
            break;
        cursor = core::PageCursor::decode(page.nextCursor);
        if (!cursor || count > 1000)
            break;
    }
    if (pages)
        *pages = count;
    return all;
}
} // namespace

/// The store against a real database (SQLite file or PostgreSQL): migrations, demo seed, keyset pagination,
/// search, members, scopes, tokens, the audit chain and constraint errors.
class TestStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tests::StoreTestBackend> m_backend;
    std::unique_ptr<Database> m_demo; // one seeded database shared by the read-mostly tests
    core::DemoWorld m_world;

    std::unique_ptr<Database> freshDatabase()
    {
        auto db = std::make_unique<Database>(m_backend->newDatabase());
        db->open();
        return db;
    }

    core::Org org(const std::string& slug) const
    {
        const auto o = OrgRepository(*m_demo).findBySlug(slug);
        if (!o)
            qFatal("no org %s", slug.c_str());
        return *o;
    }

    std::string userId(const std::string& email) const
    {
        const auto u = UserRepository(*m_demo).findByEmail(email);
        return u ? u->id : std::string();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_backend = std::make_unique<tests::StoreTestBackend>(kDialect);
        if (!m_backend->unavailableReason().isEmpty())
            QSKIP(qPrintable(m_backend->unavailableReason()));
        m_world = core::DemoWorld::generate();
        m_demo = freshDatabase();
        QVERIFY(DemoSeeder(*m_demo).seedIfEmpty(m_world, "demo-password"));
    }

    void cleanupTestCase()
    {
        m_demo.reset();
        m_backend.reset();
    }

    void migrationsApplyOnceAndReopen()
    {
        const DatabaseConfig config = m_backend->newDatabase();
        int version = 0;
        {
            Database db(config);
            db.open();
            version = db.schemaVersion();
            QVERIFY(version >= 2);
            QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM schema_migrations")), version);
            QVERIFY(db.ping());
        }
        {
            Database again(config);
            again.open();
            QCOMPARE(again.schemaVersion(), version);
            QCOMPARE(scalar(again, QStringLiteral("SELECT COUNT(*) FROM schema_migrations")), version);
            QCOMPARE(scalar(again, QStringLiteral("SELECT COUNT(*) FROM roles")), int(core::builtinRoles().size()));
        }
        // Every migration file in the source tree is compiled in (listed in store_migrations.qrc), and both
        // dialects have the same numbered steps.
        const QDir migrations(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../server/store/migrations"));
        const QStringList sqliteFiles =
            QDir(migrations.filePath(QStringLiteral("sqlite"))).entryList({QStringLiteral("*.sql")}, QDir::Files);
        const QStringList postgresFiles =
            QDir(migrations.filePath(QStringLiteral("postgres"))).entryList({QStringLiteral("*.sql")}, QDir::Files);
        QVERIFY2(!sqliteFiles.isEmpty(), qPrintable(migrations.path()));
        QCOMPARE(sqliteFiles, postgresFiles);
        QCOMPARE(int(sqliteFiles.size()), version);
        QCOMPARE(sqliteFiles.last().left(4).toInt(), version);

        if (kDialect == SqlDialect::Sqlite) {
            // Owner-only: the file holds password hashes and token hashes.
            struct stat file
            {
            }, dir{};
            QCOMPARE(::stat(QFile::encodeName(config.sqliteFile).constData(), &file), 0);
            QCOMPARE(::stat(QFile::encodeName(QFileInfo(config.sqliteFile).path()).constData(), &dir), 0);
            QCOMPARE(int(file.st_mode & 0777), 0600);
            QCOMPARE(int(dir.st_mode & 0777), 0700);
            Database db(config);
            db.open();
            QSqlQuery q = rawQuery(db, QStringLiteral("PRAGMA journal_mode"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")), 1);
            QCOMPARE(scalar(db, QStringLiteral("PRAGMA busy_timeout")), 5000);
        }
    }

    void refusesNewerSchema()
    {
        const DatabaseConfig config = m_backend->newDatabase();
        {
            Database db(config);
            db.open();
            bool ok = false;
            rawQuery(db,
                     QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, "
                                    "'from_the_future', '2030-01-01T00:00:00Z')"),
                     &ok);
            QVERIFY(ok);
        }
        Database db(config);
        try {
            db.open();
            QFAIL("open() accepted a schema newer than this build knows");
        } catch (const StoreError& e) {
            QCOMPARE(e.kind(), StoreError::Kind::Unavailable);
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("newer")), e.what());
        }
    }

    void builtinRolesMatchCore()
    {
        QSqlQuery q =
            rawQuery(*m_demo, QStringLiteral("SELECT key, name, permissions FROM roles WHERE org_id IS NULL"));
        std::map<std::string, std::pair<std::string, std::vector<std::string>>> stored;
        while (q.next()) {
            stored[q.value(0).toString().toStdString()] = {
                q.value(1).toString().toStdString(),
                nlohmann::json::parse(q.value(2).toString().toStdString()).get<std::vector<std::string>>()};
        }
        QCOMPARE(stored.size(), core::builtinRoles().size());
        for (const auto& role : core::builtinRoles()) {
            const auto it = stored.find(std::string(role.key));
            QVERIFY2(it != stored.end(), role.key.data());
            QCOMPARE(it->second.first, std::string(role.name));
            std::vector<std::string> expected(role.permissions.begin(), role.permissions.end());
            std::vector<std::string> actual = it->second.second;
            std::sort(expected.begin(), expected.end());
            std::sort(actual.begin(), actual.end());
            QCOMPARE(actual, expected);
        }
    }

    void demoSeedOnlyOnEmpty()
    {
        const Database& db = *m_demo;
        QCOMPARE(OrgRepository(db).count(), int(m_world.orgs.size()));
        QCOMPARE(UserRepository(db).count(), int(m_world.people.size()));
        QCOMPARE(MembershipRepository(db).count(), int(m_world.memberships.size()));
        // A second run on a non-empty database does nothing.
        QVERIFY(!DemoSeeder(db).seedIfEmpty(m_world, "other"));
        QCOMPARE(OrgRepository(db).count(), int(m_world.orgs.size()));
        QCOMPARE(UserRepository(db).count(), int(m_world.people.size()));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'system.seed'")), 1);

        // Thirty days of demo audit history before the seed event, chained like any events, in time order, with
        // the partner admins' grants allowed by their real org-admin assignments.
        const QString demoAgent = QString::fromLatin1(core::DemoWorld::kHistoryUserAgent);
        const int history =
            scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE user_agent = '%1'").arg(demoAgent));
        QVERIFY2(history > 500, qPrintable(QString::number(history)));
        QVERIFY(scalar(db, QStringLiteral("SELECT COUNT(DISTINCT SUBSTR(occurred_at, 1, 10)) FROM audit_events "
                                          "WHERE user_agent = '%1'")
                               .arg(demoAgent)) >= 28);
        for (const char* action : {"login.success", "login.password.wrong", "role.assign", "invitation.create"})
            QVERIFY2(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = '%1' AND "
                                               "user_agent = '%2'")
                                    .arg(QLatin1String(action), demoAgent)) > 0,
                     action);
        QVERIFY(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE outcome = 'denied'")) > 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_events a JOIN audit_events b ON b.sequence = "
                                           "a.sequence + 1 WHERE b.occurred_at < a.occurred_at")),
                 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'role.assign' AND "
                                           "outcome = 'success' AND user_agent = '%1' AND delegation_id NOT IN "
                                           "(SELECT id FROM role_assignments)")
                                .arg(demoAgent)),
                 0);
        QCOMPARE(
            scalar(db,
                   QStringLiteral("SELECT MAX(sequence) FROM audit_events WHERE user_agent = '%1'").arg(demoAgent)) +
                1,
            scalar(db, QStringLiteral("SELECT sequence FROM audit_events WHERE action = 'system.seed'")));
        QVERIFY(AuditLog(db).verify().ok());

        // Only the three demo accounts have passwords, Argon2id ones.
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM users WHERE password_hash IS NOT NULL")), 3);
        QSqlQuery q =
            rawQuery(db, QStringLiteral("SELECT password_hash FROM users WHERE email = 'owner@acme.example'"));
        QVERIFY(q.next());
        const std::string phc = q.value(0).toString().toStdString();
        QVERIFY(core::PasswordHasher::verify("demo-password", phc));
        QVERIFY(!core::PasswordHasher::verify("other", phc));

        const auto acme = org("acme");
        QCOMPARE(acme.name, std::string("Acme Industrial"));
        QCOMPARE(acme.depth, 0);
        QVERIFY(acme.parentId.empty());
        QCOMPARE(acme.attributes.value("domain", ""), std::string("acme.example"));
        const auto northwind = org("northwind");
        QCOMPARE(northwind.parentId, acme.id);
        QCOMPARE(northwind.path, (std::vector<std::string>{acme.id, northwind.id}));
        QCOMPARE(northwind.pathNames, (std::vector<std::string>{"Acme Industrial", "Northwind Trading"}));
        QCOMPARE(*OrgRepository(db).pathOf(northwind.id), core::OrgPath::make(northwind.path));
        QVERIFY(!OrgRepository(db).pathOf("no-such-org"));
        QVERIFY(!OrgRepository(db).find("no-such-org"));

        // Inactive people keep their history: last sign-in relative to now.
        const int inactive = scalar(
            db, QStringLiteral("SELECT COUNT(*) FROM users WHERE last_sign_in_at < '%1'")
                    .arg(qs(core::formatTimestamp(std::chrono::system_clock::now() - std::chrono::hours(24 * 90)))));
        QVERIFY(inactive * 10 >= int(m_world.people.size()));
        QVERIFY(scalar(db, QStringLiteral("SELECT COUNT(*) FROM users WHERE last_sign_in_at IS NULL")) > 0);
        QVERIFY(scalar(db, QStringLiteral("SELECT COUNT(*) FROM users WHERE status = 'disabled'")) > 0);
        QVERIFY(scalar(db, QStringLiteral("SELECT COUNT(*) FROM memberships WHERE expires_at IS NOT NULL")) > 0);
        QVERIFY(AuditLog(db).verifyChain());
    }

    void childrenPaginationCoversEveryChildOnce()
    {
        const OrgRepository orgs(*m_demo);
        const auto acme = org("acme");
        const auto everything = orgs.children(acme.id, 500, std::nullopt);
        QVERIFY(everything.nextCursor.empty());
        QVERIFY(everything.items.size() >= 8);
        QCOMPARE(acme.childCount, int(everything.items.size()));
        std::set<std::string> expectedSlugs;
        for (const auto& o : m_world.orgs) {
            if (o.parentSlug == "acme")
                expectedSlugs.insert(o.slug);
        }
        std::set<std::string> slugs;
        for (const auto& o : everything.items)
            slugs.insert(o.slug);
        QCOMPARE(slugs, expectedSlugs);

        for (int limit = 1; limit <= 7; ++limit) {
            int pages = 0;
            const auto all = allPages([&](const auto& c) { return orgs.children(acme.id, limit, c); }, &pages);
            QCOMPARE(all.size(), everything.items.size());
            for (std::size_t i = 0; i < all.size(); ++i)
                QCOMPARE(all[i].id, everything.items[i].id);
            QCOMPARE(pages, int((everything.items.size() + std::size_t(limit) - 1) / std::size_t(limit)) +
                                (everything.items.size() % std::size_t(limit) == 0 ? 1 : 0) -
                                (everything.items.size() % std::size_t(limit) == 0 ? 1 : 0));
        }
        // Ordered by case-folded name, then id.
        for (std::size_t i = 1; i < everything.items.size(); ++i) {
            QVERIFY(QString::fromStdString(everything.items[i - 1].name).toCaseFolded() <=
                    QString::fromStdString(everything.items[i].name).toCaseFolded());
        }
        // Counts: Acme's own people are members; Northwind has children.
        QVERIFY(acme.memberCount >= 20);
        const auto nw = std::find_if(everything.items.begin(), everything.items.end(),
                                     [](const auto& o) { return o.slug == "northwind"; });
        QVERIFY(nw != everything.items.end());
        QVERIFY(nw->childCount >= 3);
        QVERIFY(nw->memberCount >= 8);
        QCOMPARE(nw->pathNames.front(), std::string("Acme Industrial"));
        // Roots.
        const auto roots = orgs.children({}, 10, std::nullopt);
        QCOMPARE(roots.items.size(), std::size_t(1));
        QCOMPARE(roots.items.front().id, acme.id);
    }

    void childrenPaginationWithInsertsBetweenPages()
    {
        auto db = freshDatabase();
        const OrgRepository orgs(*db);
        const auto root = orgs.create({{}, {}, core::OrgKind::Manufacturer, "Root", "root", {}});
        for (const char* name : {"Bravo", "delta", "Foxtrot", "hotel", "Juliett", "Lima", "mike"})
            orgs.create({{}, root.id, core::OrgKind::Customer, name, std::string("o-") + name, {}});
        // Same name twice: the id breaks the tie.
        orgs.create({{}, root.id, core::OrgKind::Customer, "Lima", "o-lima-2", {}});
        const auto before = orgs.children(root.id, 100, std::nullopt).items;
        QCOMPARE(before.size(), std::size_t(8));

        for (int limit = 1; limit <= 3; ++limit) {
            std::vector<std::string> seen;
            std::optional<core::PageCursor> cursor;
            int inserted = 0;
            for (;;) {
                const auto page = orgs.children(root.id, limit, cursor);
                for (const auto& o : page.items)
                    seen.push_back(o.slug);
                // Between the first pages, add one org that sorts before the cursor and one after it.
                if (inserted < 3) {
                    ++inserted;
                    const std::string tag = std::to_string(limit) + "-" + std::to_string(inserted);
                    // "A9", "A8", ...: each walk's early rows sort before everything earlier walks left behind.
                    orgs.create({{},
                                 root.id,
                                 core::OrgKind::Customer,
                                 "A" + std::to_string(9 - limit) + " " + tag,
                                 "early-" + tag,
                                 {}});
                    orgs.create({{}, root.id, core::OrgKind::Customer, "Zulu " + tag, "late-" + tag, {}});
                }
                if (page.nextCursor.empty())
                    break;
                cursor = core::PageCursor::decode(page.nextCursor);
                QVERIFY(cursor);
            }
            std::set<std::string> unique(seen.begin(), seen.end());
            QCOMPARE(unique.size(), seen.size()); // nobody twice
            for (const auto& o : before)
                QVERIFY2(unique.count(o.slug), o.slug.c_str()); // nobody missed
            // Rows inserted during this walk before the cursor stay behind it; those after it show up once.
            const std::string early = "early-" + std::to_string(limit) + "-";
            const std::string late = "late-" + std::to_string(limit) + "-";
            int lateSeen = 0;
            for (const auto& slug : seen) {
                QVERIFY2(slug.rfind(early, 0) != 0, slug.c_str());
                lateSeen += slug.rfind(late, 0) == 0 ? 1 : 0;
            }
            QCOMPARE(lateSeen, inserted);
        }
    }

    void search()
    {
        const OrgRepository orgs(*m_demo);
        const auto acme = org("acme");
        const auto northwind = org("northwind");
        const std::string acmePath = core::OrgPath::make(acme.path);
        const std::string nwPath = core::OrgPath::make(northwind.path);

        const auto byName = orgs.search("NORTHWIND trad", {acmePath}, 50, std::nullopt);
        QCOMPARE(byName.items.size(), std::size_t(1));
        QCOMPARE(byName.items.front().slug, std::string("northwind"));
        const auto bySlug = orgs.search("northw", {acmePath}, 50, std::nullopt);
        QVERIFY(!bySlug.items.empty());
        QCOMPARE(bySlug.items.front().id, northwind.id);

        // Scoped: inside Northwind's subtree, Acme itself and other partners are invisible.
        const auto inNw = allPages([&](const auto& c) { return orgs.search("", {nwPath}, 3, c); });
        std::set<std::string> expected{"northwind"};
        for (bool grew = true; grew;) {
            grew = false;
            for (const auto& o : m_world.orgs) {
                if (expected.count(o.parentSlug) && expected.insert(o.slug).second)
                    grew = true;
            }
        }
        std::set<std::string> found;
        for (const auto& o : inNw) {
            QVERIFY2(found.insert(o.slug).second, o.slug.c_str());
            QVERIFY(core::OrgPath::isWithin(core::OrgPath::make(o.path), nwPath));
        }
        QCOMPARE(found, expected);
        QVERIFY(orgs.search("acme", {nwPath}, 50, std::nullopt).items.empty());
        QVERIFY(orgs.search("northwind", {}, 50, std::nullopt).items.empty());
        // Several scope roots together.
        const std::string firstSupplier = [&] {
            for (const auto& o : m_world.orgs) {
                if (o.kind == core::OrgKind::Supplier)
                    return o.slug;
            }
            return std::string();
        }();
        const auto supplier = org(firstSupplier);
        const auto two = orgs.search(supplier.name, {nwPath, core::OrgPath::make(supplier.path)}, 50, std::nullopt);
        QCOMPARE(two.items.size(), std::size_t(1));
        QCOMPARE(two.items.front().id, supplier.id);
    }

    void searchTreatsLikeWildcardsLiterally()
    {
        auto db = freshDatabase();
        const OrgRepository orgs(*db);
        const auto root = orgs.create({{}, {}, core::OrgKind::Manufacturer, "Root", "root", {}});
        orgs.create({{}, root.id, core::OrgKind::Customer, "100% Uptime Services", "uptime-percent", {}});
        orgs.create({{}, root.id, core::OrgKind::Customer, "100 Percent Uptime", "uptime-words", {}});
        orgs.create({{}, root.id, core::OrgKind::Customer, "Data_Works", "data-underscore", {}});
        orgs.create({{}, root.id, core::OrgKind::Customer, "DataXWorks", "data-x", {}});
        orgs.create({{}, root.id, core::OrgKind::Customer, "Back\\slash Ltd", "backslash", {}});
        orgs.create({{}, root.id, core::OrgKind::Customer, "Ärztekammer Süd", "aerztekammer", {}});
        const std::vector<std::string> scope{core::OrgPath::make(root.path)};
        const auto slugsFor = [&](const std::string& text) {
            std::set<std::string> slugs;
            for (const auto& o : orgs.search(text, scope, 50, std::nullopt).items)
                slugs.insert(o.slug);
            return slugs;
        };
        QCOMPARE(slugsFor("100%"), std::set<std::string>{"uptime-percent"});
        QCOMPARE(slugsFor("a_w"), std::set<std::string>{"data-underscore"});
        QCOMPARE(slugsFor("%"), std::set<std::string>{"uptime-percent"});
        QCOMPARE(slugsFor("_"), std::set<std::string>{"data-underscore"});
        QCOMPARE(slugsFor("k\\s"), std::set<std::string>{"backslash"});
        QCOMPARE(slugsFor("UPTIME").size(), std::size_t(2));
        QCOMPARE(slugsFor("ärzteKAMMER"), std::set<std::string>{"aerztekammer"});
        QCOMPARE(slugsFor("no such thing"), std::set<std::string>{});
    }

    void members()
    {
        const MembershipRepository memberships(*m_demo);
        const auto northwind = org("northwind");
        const auto all = memberships.members(northwind.id, 500, std::nullopt);
        QVERIFY(all.nextCursor.empty());
        int expected = 0;
        for (const auto& m : m_world.memberships)
            expected += m.orgSlug == "northwind" ? 1 : 0;
        QCOMPARE(int(all.items.size()), expected);
        const auto admin = std::find_if(all.items.begin(), all.items.end(), [](const auto& m) {
            return m.user.email == core::DemoWorld::kPartnerSuperadminEmail;
        });
        QVERIFY(admin != all.items.end());
        QCOMPARE(admin->roles, std::vector<std::string>{"org-admin"});
        QCOMPARE(admin->orgId, northwind.id);
        QVERIFY(admin->status == core::MembershipStatus::Active);
        QVERIFY(!admin->user.lastSignInAt.empty());
        for (std::size_t i = 1; i < all.items.size(); ++i) {
            QVERIFY(QString::fromStdString(all.items[i - 1].user.displayName).toCaseFolded() <=
                    QString::fromStdString(all.items[i].user.displayName).toCaseFolded());
        }
        for (int limit = 1; limit <= 4; ++limit) {
            std::vector<std::string> ids;
            std::optional<core::PageCursor> cursor;
            for (int guard = 0; guard < 100; ++guard) {
                const auto page = memberships.members(northwind.id, limit, cursor);
                QVERIFY(int(page.items.size()) <= limit);
                for (const auto& m : page.items)
                    ids.push_back(m.id);
                if (page.nextCursor.empty())
                    break;
                cursor = core::PageCursor::decode(page.nextCursor);
            }
            QCOMPARE(int(ids.size()), expected);
            for (std::size_t i = 0; i < ids.size(); ++i)
                QCOMPARE(ids[i], all.items[i].id);
        }
        QVERIFY(memberships.members("no-such-org", 10, std::nullopt).items.empty());
    }

    void scopes()
    {
        const RoleRepository roles(*m_demo);
        const auto acme = org("acme");
        const auto northwind = org("northwind");
        const std::string acmePath = core::OrgPath::make(acme.path);
        const std::string nwPath = core::OrgPath::make(northwind.path);

        const auto owner = roles.scopeFor(userId(core::DemoWorld::kOwnerEmail));
        for (const auto permission : core::Permission::all())
            QVERIFY(owner.allows(permission, nwPath));
        QCOMPARE(owner.rootPaths(core::Permission::OrgRead), std::vector<std::string>{acmePath});

        const auto auditor = roles.scopeFor(userId(core::DemoWorld::kAuditorEmail));
        QVERIFY(auditor.allows(core::Permission::AuditRead, nwPath));
        QVERIFY(auditor.allows(core::Permission::OrgRead, acmePath));
        QVERIFY(!auditor.allows(core::Permission::OrgManage, nwPath));
        QVERIFY(!auditor.allows(core::Permission::UserManage, acmePath));

        const std::string superadminId = userId(core::DemoWorld::kPartnerSuperadminEmail);
        const auto superadmin = roles.scopeFor(superadminId);
        QVERIFY(superadmin.allows(core::Permission::UserManage, nwPath));
        QVERIFY(!superadmin.allows(core::Permission::OrgRead, acmePath));
        QCOMPARE(superadmin.rootPaths(core::Permission::OrgRead), std::vector<std::string>{nwPath});
        const auto* grant = superadmin.grantFor(core::Permission::RoleAssign, nwPath);
        QVERIFY(grant);
        QCOMPARE(grant->roleKey, std::string("org-admin"));
        QCOMPARE(grant->orgId, northwind.id);
        QVERIFY(!grant->assignmentId.empty());

        // A fresh database for the negative cases, so the shared demo stays intact.
        auto db = freshDatabase();
        const OrgRepository orgs(*db);
        const UserRepository users(*db);
        const RoleRepository r(*db);
        const auto root = orgs.create({{}, {}, core::OrgKind::Manufacturer, "Root", "root", {}});
        const auto partner = orgs.create({{}, root.id, core::OrgKind::Reseller, "Partner", "partner", {}});
        const auto alice = users.create({{}, "alice@root.example", "Alice", core::UserStatus::Active, {}, {}});
        const auto bob = users.create({{}, "bob@root.example", "Bob", core::UserStatus::Disabled, {}, {}});
        // Roles count only where the person is a member (docs/permissions.md).
        const MembershipRepository memberships(*db);
        memberships.create(
            {alice.id, partner.id, {}, core::MembershipSource::Manual, core::MembershipStatus::Active, {}});
        memberships.create({alice.id, root.id, {}, core::MembershipSource::Manual, core::MembershipStatus::Active, {}});
        memberships.create({bob.id, root.id, {}, core::MembershipSource::Manual, core::MembershipStatus::Active, {}});
        const auto now = std::chrono::system_clock::now();
        r.assign(alice.id, "org-admin", partner.id, {}, "test");
        r.assign(alice.id, "security-auditor", root.id, {}, "expired",
                 core::formatTimestamp(now - std::chrono::hours(1)));
        r.assign(alice.id, "user-manager", root.id, {}, "until tomorrow",
                 core::formatTimestamp(now + std::chrono::hours(24)));
        r.assign(bob.id, "platform-owner", root.id, {}, "disabled person");
        const auto aliceScope = r.scopeFor(alice.id);
        QCOMPARE(aliceScope.grants().size(), std::size_t(2));
        QVERIFY(!aliceScope.allows(core::Permission::AuditRead, core::OrgPath::make(root.path)));
        QVERIFY(aliceScope.allows(core::Permission::UserManage, core::OrgPath::make(root.path)));
        QVERIFY(aliceScope.allows(core::Permission::OrgManage, core::OrgPath::make(partner.path)));
        QVERIFY(r.scopeFor(bob.id).grants().empty());
        // A grant at a suspended org counts for nothing.
        bool ok = false;
        rawQuery(*db, QStringLiteral("UPDATE orgs SET status = 'suspended' WHERE id = '%1'").arg(qs(partner.id)), &ok);
        QVERIFY(ok);
        QVERIFY(!r.scopeFor(alice.id).allows(core::Permission::OrgManage, core::OrgPath::make(partner.path)));
        try {
            r.assign(alice.id, "no-such-role", root.id, {}, "x");
            QFAIL("assigned an unknown role");
        } catch (const StoreError& e) {
            QCOMPARE(e.kind(), StoreError::Kind::NotFound);
        }
    }

    void tokens()
    {
        auto db = freshDatabase();
        core::ManualClock clock(std::chrono::system_clock::now());
        db->setClock(clock);
        const UserRepository users(*db);
        const TokenRepository tokens(*db);
        const auto user = users.create({{}, "ops@root.example", "Ops", core::UserStatus::Active, {}, {}});
        const IssuedToken issued = tokens.issue(user.id, std::chrono::minutes(10), "admin-token");
        QCOMPARE(issued.token.size(), std::size_t(43));
        QCOMPARE(issued.expiresAt, core::formatTimestamp(clock.now() + std::chrono::minutes(10)));

        const auto owner = tokens.authenticate(issued.token);
        QVERIFY(owner);
        QCOMPARE(owner->userId, user.id);
        QCOMPARE(owner->tokenId, issued.tokenId);
        QVERIFY(!tokens.authenticate(issued.token + "x"));
        QVERIFY(!tokens.authenticate(""));
        QVERIFY(!tokens.authenticate(core::newSecretToken()));

        // Stored hashed: the plaintext appears nowhere in the table.
        QSqlQuery q = rawQuery(*db, QStringLiteral("SELECT * FROM access_tokens"));
        int rows = 0;
        while (q.next()) {
            ++rows;
            for (int c = 0; c < q.record().count(); ++c)
                QVERIFY(!q.value(c).toString().contains(qs(issued.token)));
        }
        QCOMPARE(rows, 1);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM access_tokens WHERE token_hash = '%1'")
                                 .arg(qs(core::toHex(core::sha256(issued.token))))),
                 1);

        // Expiry follows the store's clock.
        clock.advance(std::chrono::minutes(9));
        QVERIFY(tokens.authenticate(issued.token));
        clock.advance(std::chrono::minutes(2));
        QVERIFY(!tokens.authenticate(issued.token));

        // Revocation.
        const IssuedToken second = tokens.issue(user.id, std::chrono::hours(1), "bootstrap");
        QVERIFY(tokens.authenticate(second.token));
        tokens.revoke(second.tokenId);
        QVERIFY(!tokens.authenticate(second.token));

        // A disabled person's tokens stop working.
        const IssuedToken third = tokens.issue(user.id, std::chrono::hours(1), "bootstrap");
        bool ok = false;
        rawQuery(*db, QStringLiteral("UPDATE users SET status = 'disabled' WHERE id = '%1'").arg(qs(user.id)), &ok);
        QVERIFY(ok);
        QVERIFY(!tokens.authenticate(third.token));
    }

    void auditChain()
    {
        auto db = freshDatabase();
        const AuditLog audit(*db);
        core::AuditEvent outside;
        outside.action = "org.create";
        QVERIFY_THROWS_EXCEPTION(StoreError, audit.append(outside));

        std::vector<core::AuditEvent> appended;
        for (int i = 0; i < 5; ++i) {
            db->transaction([&] {
                core::AuditEvent e;
                e.actorType = "user";
                e.actorId = "u-1";
                e.action = "org.update";
                e.targetType = "org";
                e.targetId = "o-" + std::to_string(i);
                e.before = {{"name", "Old ü " + std::to_string(i)}, {"n", 1.5}};
                e.after = {{"name", "New " + std::to_string(i)}, {"list", {1, 2, 3}}};
                appended.push_back(audit.append(e));
            });
        }
        QCOMPARE(appended.front().sequence, std::int64_t(1));
        QVERIFY(appended.front().previousHash.empty());
        for (std::size_t i = 1; i < appended.size(); ++i) {
            QCOMPARE(appended[i].sequence, appended[i - 1].sequence + 1);
            QCOMPARE(appended[i].previousHash, appended[i - 1].hash);
        }
        const auto latest = audit.latest(10);
        QCOMPARE(latest.size(), std::size_t(5));
        QCOMPARE(latest.front().sequence, std::int64_t(5));
        QCOMPARE(latest.front().hash, latest.front().computeHash());
        QVERIFY(latest.back().before == appended.front().before);
        std::string problem;
        QVERIFY2(audit.verifyChain(&problem), problem.c_str());

        // Append-only: the database refuses to change or remove an event.
        bool ok = true;
        rawQuery(*db, QStringLiteral("UPDATE audit_events SET outcome = 'denied' WHERE sequence = 2"), &ok);
        QVERIFY(!ok);
        rawQuery(*db, QStringLiteral("DELETE FROM audit_events WHERE sequence = 5"), &ok);
        QVERIFY(!ok);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM audit_events")), 5);
        QVERIFY(audit.verifyChain());

        // A failed transaction leaves no event behind and does not break the chain.
        try {
            db->transaction([&] {
                core::AuditEvent e;
                e.actorType = "system";
                e.action = "org.create";
                audit.append(e);
                throw std::runtime_error("the change itself failed");
            });
        } catch (const std::runtime_error&) {
        }
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM audit_events")), 5);

        // Two threads appending at once (each on its own connection) still give one unbroken chain.
        constexpr int kPerThread = 25;
        std::atomic<int> failures{0};
        const auto writer = [&](const std::string& who) {
            try {
                for (int i = 0; i < kPerThread; ++i) {
                    db->transaction([&] {
                        core::AuditEvent e;
                        e.actorType = "user";
                        e.actorId = who;
                        e.action = "user.update";
                        audit.append(e);
                    });
                }
            } catch (const std::exception& e) {
                qWarning("writer %s failed: %s", who.c_str(), e.what());
                ++failures;
            }
            db->closeThreadConnection();
        };
        std::thread a(writer, "thread-a");
        std::thread b(writer, "thread-b");
        a.join();
        b.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM audit_events")), 5 + 2 * kPerThread);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT MAX(sequence) FROM audit_events")), 5 + 2 * kPerThread);
        QVERIFY2(audit.verifyChain(&problem), problem.c_str());
    }

    void auditChainWithSeveralInstancesAndBatches()
    {
        // Two Database objects on one database stand for two trellisd instances; each appends several events per
        // transaction (the head is read once per transaction), from two threads at once, one of them reconnecting
        // (its prepared statements go with the old connection).
        auto first = freshDatabase();
        Database second(first->config());
        second.open();
        const auto event = [](const std::string& who, int i) {
            core::AuditEvent e;
            e.actorType = "user";
            e.actorId = who;
            e.action = "user.update";
            e.targetId = "t-" + std::to_string(i);
            e.after = i % 2 ? nlohmann::json{{"n", i}, {"password", "hidden"}} : nlohmann::json();
            return e;
        };
        std::vector<core::AuditEvent> returned;
        first->transaction([&] {
            for (int i = 0; i < 3; ++i)
                returned.push_back(AuditLog(*first).append(event("first", i)));
        });
        second.transaction([&] {
            for (int i = 0; i < 2; ++i)
                returned.push_back(AuditLog(second).append(event("second", i)));
        });
        try {
            first->transaction([&] {
                AuditLog(*first).append(event("first", 99));
                throw std::runtime_error("rolled back");
            });
        } catch (const std::runtime_error&) {
        }
        first->transaction([&] { returned.push_back(AuditLog(*first).append(event("first", 3))); });
        for (std::size_t i = 0; i < returned.size(); ++i) {
            QCOMPARE(returned[i].sequence, std::int64_t(i + 1));
            if (i > 0)
                QCOMPARE(returned[i].previousHash, returned[i - 1].hash);
        }
        QCOMPARE(returned[1].after.value("password", std::string()), std::string("[redacted]"));

        constexpr int kTransactions = 15;
        std::atomic<int> failures{0};
        const auto writer = [&](const Database& db, const std::string& who, bool reconnect) {
            try {
                for (int t = 0; t < kTransactions; ++t) {
                    db.transaction([&] {
                        for (int i = 0; i < 1 + t % 3; ++i)
                            AuditLog(db).append(event(who, t * 10 + i));
                    });
                    if (reconnect && t % 5 == 4)
                        db.closeThreadConnection();
                }
            } catch (const std::exception& e) {
                qWarning("writer %s failed: %s", who.c_str(), e.what());
                ++failures;
            }
            db.closeThreadConnection();
        };
        std::thread a(writer, std::cref(*first), "instance-a", true);
        std::thread b(writer, std::cref(second), "instance-b", false);
        a.join();
        b.join();
        QCOMPARE(failures.load(), 0);
        const int expected = int(returned.size()) + 2 * (5 * (1 + 2 + 3));
        QCOMPARE(scalar(*first, QStringLiteral("SELECT COUNT(*) FROM audit_events")), expected);
        QCOMPARE(scalar(*first, QStringLiteral("SELECT MAX(sequence) FROM audit_events")), expected);
        std::string problem;
        QVERIFY2(AuditLog(second).verifyChain(&problem), problem.c_str());
        const auto stored = AuditLog(*first).latest(expected);
        for (const auto& e : stored)
            QCOMPARE(e.hash, e.computeHash());
        QCOMPARE(stored.back().hash, returned.front().hash);
    }

    void conflictsAndRollback()
    {
        auto db = freshDatabase();
        const OrgRepository orgs(*db);
        const UserRepository users(*db);
        const MembershipRepository memberships(*db);
        const auto root = orgs.create({{}, {}, core::OrgKind::Manufacturer, "Root", "root", {}});
        const auto expectConflict = [](const std::function<void()>& work, const std::string& constraint) {
            try {
                work();
            } catch (const StoreError& e) {
                if (e.kind() != StoreError::Kind::Conflict)
                    return std::string("wrong kind: ") + e.what();
                if (e.constraint() != constraint)
                    return "constraint " + e.constraint() + " instead of " + constraint;
                return std::string();
            }
            return std::string("no error");
        };
        std::string problem = expectConflict(
            [&] {
                orgs.create({{}, root.id, core::OrgKind::Customer, "Other", "root", {}});
            },
            "org.slug");
        QVERIFY2(problem.empty(), problem.c_str());
        const auto user = users.create({{}, "dup@root.example", "Dup", core::UserStatus::Active, {}, {}});
        problem = expectConflict(
            [&] {
                users.create({{}, "dup@root.example", "Dup 2", core::UserStatus::Active, {}, {}});
            },
            "user.email");
        QVERIFY2(problem.empty(), problem.c_str());
        memberships.create({user.id, root.id, "Engineer"});
        problem = expectConflict([&] { memberships.create({user.id, root.id, "Again"}); }, "membership.user_org");
        QVERIFY2(problem.empty(), problem.c_str());

        try {
            orgs.create({{}, "no-such-parent", core::OrgKind::Customer, "Orphan", "orphan", {}});
            QFAIL("created an org under a missing parent");
        } catch (const StoreError& e) {
            QCOMPARE(e.kind(), StoreError::Kind::NotFound);
        }
        try {
            memberships.create({"no-such-user", root.id, "Ghost"});
            QFAIL("created a membership for a missing person");
        } catch (const StoreError& e) {
            QCOMPARE(e.kind(), StoreError::Kind::NotFound);
        }

        // A conflict inside a transaction rolls back everything it did; nested calls join the outer one.
        const int before = orgs.count();
        try {
            db->transaction([&] {
                orgs.create({{}, root.id, core::OrgKind::Customer, "Kept?", "kept", {}});
                db->transaction([&] {
                    QVERIFY(db->inTransaction());
                    orgs.create({{}, root.id, core::OrgKind::Customer, "Duplicate", "kept", {}});
                });
            });
            QFAIL("the duplicate slug was accepted");
        } catch (const StoreError& e) {
            QCOMPARE(e.kind(), StoreError::Kind::Conflict);
        }
        QVERIFY(!db->inTransaction());
        QCOMPARE(orgs.count(), before);
        QVERIFY(!orgs.findBySlug("kept"));
        db->transaction([&] { orgs.create({{}, root.id, core::OrgKind::Customer, "Kept", "kept", {}}); });
        QVERIFY(orgs.findBySlug("kept"));

        // A conflict caught inside a transaction leaves it usable on both databases (PostgreSQL: savepoint).
        bool conflicted = false;
        db->transaction([&] {
            orgs.create({{}, root.id, core::OrgKind::Customer, "Recovered", "recovered", {}});
            try {
                orgs.create({{}, root.id, core::OrgKind::Customer, "Recovered again", "recovered", {}});
            } catch (const StoreError& e) {
                conflicted = e.kind() == StoreError::Kind::Conflict;
            }
            orgs.create({{}, root.id, core::OrgKind::Customer, "After the conflict", "after-conflict", {}});
        });
        QVERIFY(conflicted);
        QVERIFY(orgs.findBySlug("recovered"));
        QVERIFY(orgs.findBySlug("after-conflict"));
    }

    void reconnectsAfterConnectionLoss()
    {
        if (kDialect != SqlDialect::Postgres)
            QSKIP("an SQLite connection cannot be lost; this checks PostgreSQL server restarts and killed sessions");
        auto db = freshDatabase();
        const OrgRepository orgs(*db);
        QCOMPARE(orgs.count(), 0);
        const int pid = scalar(*db, QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY(pid > 0);
        {
            Database killer(db->config());
            killer.open();
            QSqlQuery q = rawQuery(killer, QStringLiteral("SELECT pg_terminate_backend(%1, 5000)").arg(pid));
            QVERIFY(q.next() && q.value(0).toBool());
        }
        try {
            orgs.count();
            QFAIL("a query on a killed connection succeeded");
        } catch (const StoreError& e) {
            QCOMPARE(e.kind(), StoreError::Kind::Unavailable);
        }
        // The next use reconnects instead of failing forever.
        QCOMPARE(orgs.count(), 0);
        QVERIFY(db->ping());
        QVERIFY(scalar(*db, QStringLiteral("SELECT pg_backend_pid()")) != pid);
    }

    void withPaths()
    {
        const OrgRepository orgs(*m_demo);
        const auto acme = org("acme");
        const auto northwind = org("northwind");
        std::vector<std::string> paths{core::OrgPath::make(northwind.path), core::OrgPath::make(acme.path),
                                       "/no-such-org/"};
        const auto page = orgs.withPaths(paths, 10, std::nullopt);
        QCOMPARE(page.items.size(), std::size_t(2));
        QVERIFY(page.nextCursor.empty());
        QCOMPARE(page.items[0].id, acme.id); // "acme industrial" < "northwind trading"
        QCOMPARE(page.items[1].id, northwind.id);
        QCOMPARE(page.items[1].childCount, northwind.childCount);
        QCOMPARE(page.items[1].memberCount, northwind.memberCount);
        QCOMPARE(page.items[1].pathNames, (std::vector<std::string>{"Acme Industrial", "Northwind Trading"}));
        const auto first = orgs.withPaths(paths, 1, std::nullopt);
        QCOMPARE(first.items.size(), std::size_t(1));
        QVERIFY(!first.nextCursor.empty());
        const auto second = orgs.withPaths(paths, 1, core::PageCursor::decode(first.nextCursor));
        QCOMPARE(second.items.size(), std::size_t(1));
        QCOMPARE(second.items.front().id, northwind.id);
        QVERIFY(second.nextCursor.empty());
        QVERIFY(orgs.withPaths({}, 10, std::nullopt).items.empty());
    }

    void urlParsing()
    {
        QString error;
        const auto config = DatabaseConfig::fromUrl(
            QStringLiteral("postgres://trellis:s%40cret@db.example:6543/identity?sslmode=require"), &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->dialect, SqlDialect::Postgres);
        QCOMPARE(config->host, QStringLiteral("db.example"));
        QCOMPARE(config->port, 6543);
        QCOMPARE(config->user, QStringLiteral("trellis"));
        QCOMPARE(config->password, QStringLiteral("s@cret"));
        QCOMPARE(config->databaseName, QStringLiteral("identity"));
        QCOMPARE(config->options, QStringLiteral("sslmode=require"));
        QVERIFY(!config->redactedDescription().contains(QStringLiteral("cret")));
        QVERIFY(config->redactedDescription().contains(QStringLiteral("db.example")));
        QVERIFY(DatabaseConfig::fromUrl(QStringLiteral("postgresql://u@h/d"), &error));
        QCOMPARE(DatabaseConfig::fromUrl(QStringLiteral("postgresql://u@h/d"), &error)->port, 5432);
        QVERIFY(!DatabaseConfig::fromUrl(QStringLiteral("mysql://u@h/d"), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!DatabaseConfig::fromUrl(QStringLiteral("postgres:///d"), &error));
        QVERIFY(!DatabaseConfig::fromUrl(QStringLiteral("postgres://u@h/d?options=-c%20x%3Dy"), &error));
        QVERIFY(!DatabaseConfig::fromUrl(QStringLiteral("postgres://u@h/d?sslmode=require;host=evil"), &error));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
