#include "core/DemoWorld.h"
#include "core/Org.h"
#include "core/Permission.h"
#include "core/User.h"

#include <map>
#include <set>

#include <QTest>

using namespace trellis::core;

/// The generated demo world: deterministic, believable and covering what the demo promises.
class TestDemoWorld : public QObject
{
    Q_OBJECT

private:
    static std::string dump(const DemoWorld& w)
    {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& o : w.orgs)
            j.push_back({o.slug, o.parentSlug, toString(o.kind), o.name, o.attributes});
        for (const auto& p : w.people)
            j.push_back({p.email, p.displayName, p.disabled, p.daysSinceLastSignIn});
        for (const auto& m : w.memberships)
            j.push_back({m.email, m.orgSlug, m.title, m.roleKeys, m.endsInDays});
        return j.dump();
    }

    static const DemoWorld::OrgSpec* findOrg(const DemoWorld& w, const std::string& slug)
    {
        for (const auto& o : w.orgs) {
            if (o.slug == slug)
                return &o;
        }
        return nullptr;
    }

    static bool hasRole(const DemoWorld& w, const std::string& email, const std::string& slug, const std::string& role)
    {
        for (const auto& m : w.memberships) {
            if (m.email == email && m.orgSlug == slug &&
                std::find(m.roleKeys.begin(), m.roleKeys.end(), role) != m.roleKeys.end())
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void deterministicPerSeed()
    {
        QCOMPARE(dump(DemoWorld::generate()), dump(DemoWorld::generate()));
        QCOMPARE(dump(DemoWorld::generate(7)), dump(DemoWorld::generate(7)));
        QVERIFY(dump(DemoWorld::generate(7)) != dump(DemoWorld::generate(8)));
        QVERIFY(dump(DemoWorld::generate()) != dump(DemoWorld::generate(1)));
    }

    void structure_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::newRow("default") << quint64(DemoWorld::kDefaultSeed);
        QTest::newRow("1") << quint64(1);
        QTest::newRow("42") << quint64(42);
        QTest::newRow("large") << quint64(0xFFFFFFFFFFFFFFFFull);
    }
    void structure()
    {
        QFETCH(quint64, seed);
        const DemoWorld w = DemoWorld::generate(seed);
        QVERIFY2(w.orgs.size() >= 40, qPrintable(QString::number(w.orgs.size())));
        QVERIFY2(w.people.size() >= 200, qPrintable(QString::number(w.people.size())));

        // The root is Acme; parents come before children; slugs are unique and valid; depth >= 5 levels.
        QCOMPARE(w.orgs.front().slug, std::string("acme"));
        QCOMPARE(w.orgs.front().name, std::string("Acme Industrial"));
        QVERIFY(w.orgs.front().kind == OrgKind::Manufacturer);
        QCOMPARE(w.orgs.front().attributes.value("domain", ""), std::string("acme.example"));
        QVERIFY(w.orgs.front().parentSlug.empty());
        std::map<std::string, int> depth;
        std::set<OrgKind> kinds;
        std::set<std::string> names;
        int maxDepth = 0;
        for (const auto& o : w.orgs) {
            QVERIFY2(isValidSlug(o.slug), o.slug.c_str());
            QVERIFY2(!depth.count(o.slug), o.slug.c_str());
            QVERIFY2(names.insert(o.name).second, o.name.c_str());
            if (&o != &w.orgs.front()) {
                QVERIFY2(depth.count(o.parentSlug), o.slug.c_str());
                depth[o.slug] = depth[o.parentSlug] + 1;
            } else {
                depth[o.slug] = 0;
            }
            maxDepth = std::max(maxDepth, depth[o.slug]);
            kinds.insert(o.kind);
            QVERIFY(o.attributes.contains("domain"));
        }
        QVERIFY2(maxDepth + 1 >= 5, qPrintable(QString::number(maxDepth)));
        QCOMPARE(kinds.size(), allOrgKinds().size());

        const auto* northwind = findOrg(w, "northwind");
        QVERIFY(northwind);
        QCOMPARE(northwind->name, std::string("Northwind Trading"));
        QVERIFY(northwind->kind == OrgKind::Reseller);
        QCOMPARE(northwind->parentSlug, std::string("acme"));
        QCOMPARE(northwind->attributes.value("domain", ""), std::string("northwind.example"));

        // People: unique normalised emails at their org's domain; some inactive, never signed in, disabled.
        std::set<std::string> emails;
        int inactive = 0, never = 0, disabled = 0;
        for (const auto& p : w.people) {
            QVERIFY2(emails.insert(p.email).second, p.email.c_str());
            QCOMPARE(normaliseEmail(p.email).value_or(""), p.email);
            QVERIFY(!p.displayName.empty());
            inactive += p.daysSinceLastSignIn >= 90 ? 1 : 0;
            never += p.daysSinceLastSignIn < 0 ? 1 : 0;
            disabled += p.disabled ? 1 : 0;
        }
        QVERIFY2(inactive * 10 >= int(w.people.size()), qPrintable(QString::number(inactive)));
        QVERIFY(never > 0);
        QVERIFY(disabled > 0);

        // Memberships: known people and orgs, at most one per (person, org), emails at the primary org's domain.
        std::map<std::string, std::set<std::string>> orgsOf;
        std::set<std::string> roleKeys;
        for (const auto& r : builtinRoles())
            roleKeys.insert(std::string(r.key));
        int contractors = 0;
        for (const auto& m : w.memberships) {
            QVERIFY2(emails.count(m.email), m.email.c_str());
            QVERIFY2(findOrg(w, m.orgSlug), m.orgSlug.c_str());
            QVERIFY2(orgsOf[m.email].insert(m.orgSlug).second, (m.email + " " + m.orgSlug).c_str());
            for (const auto& key : m.roleKeys)
                QVERIFY2(roleKeys.count(key), key.c_str());
            contractors += m.endsInDays > 0 ? 1 : 0;
        }
        for (const auto& p : w.people)
            QVERIFY2(!orgsOf[p.email].empty(), p.email.c_str());
        int twoOrgPeople = 0;
        for (const auto& [email, orgs] : orgsOf)
            twoOrgPeople += orgs.size() >= 2 ? 1 : 0;
        QVERIFY2(twoOrgPeople >= 5, qPrintable(QString::number(twoOrgPeople)));
        QVERIFY(contractors >= 5);
        // Every person's first membership is at an org whose domain their address uses.
        std::set<std::string> seen;
        for (const auto& m : w.memberships) {
            if (!seen.insert(m.email).second)
                continue;
            const std::string domain = findOrg(w, m.orgSlug)->attributes.value("domain", "");
            QVERIFY2(m.email.size() > domain.size() &&
                         m.email.substr(m.email.size() - domain.size() - 1) == "@" + domain,
                     m.email.c_str());
        }
    }

    void fixedAccounts()
    {
        const DemoWorld w = DemoWorld::generate();
        QVERIFY(hasRole(w, DemoWorld::kOwnerEmail, "acme", "platform-owner"));
        QVERIFY(hasRole(w, DemoWorld::kAuditorEmail, "acme", "security-auditor"));
        QVERIFY(hasRole(w, DemoWorld::kPartnerSuperadminEmail, "northwind", "org-admin"));
        for (const char* email :
             {DemoWorld::kOwnerEmail, DemoWorld::kAuditorEmail, DemoWorld::kPartnerSuperadminEmail}) {
            const auto it =
                std::find_if(w.people.begin(), w.people.end(), [&](const auto& p) { return p.email == email; });
            QVERIFY2(it != w.people.end(), email);
            QVERIFY(!it->disabled);
        }
        // Partner admins and user managers at several partner orgs besides Northwind.
        std::set<std::string> adminOrgs, managerOrgs;
        for (const auto& m : w.memberships) {
            for (const auto& key : m.roleKeys) {
                if (key == "org-admin" && m.orgSlug != "northwind" && m.orgSlug != "acme")
                    adminOrgs.insert(m.orgSlug);
                if (key == "user-manager" && m.orgSlug != "acme")
                    managerOrgs.insert(m.orgSlug);
            }
        }
        QVERIFY2(adminOrgs.size() >= 5, qPrintable(QString::number(adminOrgs.size())));
        QVERIFY2(managerOrgs.size() >= 3, qPrintable(QString::number(managerOrgs.size())));
    }
};

QTEST_APPLESS_MAIN(TestDemoWorld)
#include "tst_demoworld.moc"
