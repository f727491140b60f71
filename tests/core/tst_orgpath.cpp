#include "core/AdminScope.h"
#include "core/OrgPath.h"

#include <algorithm>

#include <QTest>

using namespace trellis::core;

/// Materialised paths and the subtree scope rules built on them.
class TestOrgPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void makeChildSplit()
    {
        QCOMPARE(OrgPath::make({}), std::string("/"));
        QCOMPARE(OrgPath::make({"a"}), std::string("/a/"));
        QCOMPARE(OrgPath::make({"a", "b", "c"}), std::string("/a/b/c/"));
        QCOMPARE(OrgPath::child("/a/", "b"), std::string("/a/b/"));
        QCOMPARE(OrgPath::child("", "root"), std::string("/root/"));
        QCOMPARE(OrgPath::split("/a/b/c/"), (std::vector<std::string>{"a", "b", "c"}));
        QCOMPARE(OrgPath::split("/"), std::vector<std::string>{});
        QCOMPARE(OrgPath::split(OrgPath::make({"x", "y"})), (std::vector<std::string>{"x", "y"}));
    }

    void isWithin()
    {
        QVERIFY(OrgPath::isWithin("/a/", "/a/"));
        QVERIFY(OrgPath::isWithin("/a/b/c/", "/a/"));
        QVERIFY(OrgPath::isWithin("/a/b/c/", "/a/b/"));
        QVERIFY(!OrgPath::isWithin("/a/", "/a/b/"));
        // A sibling whose id starts with the same characters is not inside.
        QVERIFY(!OrgPath::isWithin("/a/bc/", "/a/b/"));
        QVERIFY(!OrgPath::isWithin("/x/", "/a/"));
        QVERIFY(!OrgPath::isWithin("/a/", ""));
    }

    void subtreeUpperBoundIsExclusiveByteBound()
    {
        const std::string prefix = "/a/b/";
        const std::string bound = OrgPath::subtreeUpperBound(prefix);
        QCOMPARE(bound, std::string("/a/b0"));
        const std::vector<std::string> inside{"/a/b/", "/a/b/c/", "/a/b/zzz/y/", "/a/b/~/"};
        const std::vector<std::string> outside{"/a/", "/a/bc/", "/a/b-1/", "/a/c/", "/a/b0/", "/b/"};
        for (const auto& p : inside)
            QVERIFY2(prefix <= p && p < bound, p.c_str());
        for (const auto& p : outside)
            QVERIFY2(!(prefix <= p && p < bound), p.c_str());
        // The range test agrees with isWithin for every pair.
        std::vector<std::string> all = inside;
        all.insert(all.end(), outside.begin(), outside.end());
        for (const auto& p : all)
            QCOMPARE(prefix <= p && p < bound, OrgPath::isWithin(p, prefix));
    }

    void grantForPicksNearestGrant()
    {
        const AdminScope scope({
            {"g-root", "security-auditor", "root", "/root/", {"org.read", "audit.read"}},
            {"g-nw", "org-admin", "nw", "/root/nw/", {"org.read", "org.manage"}},
            {"g-cust", "user-manager", "cust", "/root/nw/cust/", {"org.read", "user.manage"}},
        });
        const ScopeGrant* g = scope.grantFor("org.read", "/root/nw/cust/sub/");
        QVERIFY(g);
        QCOMPARE(g->assignmentId, std::string("g-cust"));
        g = scope.grantFor("org.read", "/root/nw/other/");
        QVERIFY(g);
        QCOMPARE(g->assignmentId, std::string("g-nw"));
        g = scope.grantFor("org.manage", "/root/nw/cust/sub/");
        QVERIFY(g);
        QCOMPARE(g->assignmentId, std::string("g-nw"));
        g = scope.grantFor("audit.read", "/root/nw/cust/");
        QVERIFY(g);
        QCOMPARE(g->assignmentId, std::string("g-root"));
        // Outside every grant, or a permission nobody holds.
        QVERIFY(!scope.grantFor("org.read", "/elsewhere/"));
        QVERIFY(!scope.allows("org.manage", "/root/"));
        QVERIFY(!scope.allows("user.manage", "/root/nw/"));
        QVERIFY(!scope.allows("role.assign", "/root/nw/cust/"));
        QVERIFY(!AdminScope().allows("org.read", "/root/"));
    }

    void rootPathsAreTopmost()
    {
        const AdminScope scope({
            {"1", "org-admin", "c", "/r/a/c/", {"org.read"}},
            {"2", "org-admin", "a", "/r/a/", {"org.read"}},
            {"3", "org-admin", "ab", "/r/ab/", {"org.read"}},
            {"4", "user-manager", "x", "/x/", {"user.read"}},
            {"5", "org-admin", "a2", "/r/a/", {"org.read"}},
        });
        auto roots = scope.rootPaths("org.read");
        std::sort(roots.begin(), roots.end());
        QCOMPARE(roots, (std::vector<std::string>{"/r/a/", "/r/ab/"}));
        QCOMPARE(scope.rootPaths("user.read"), std::vector<std::string>{"/x/"});
        QVERIFY(scope.rootPaths("audit.read").empty());
    }
};

QTEST_APPLESS_MAIN(TestOrgPath)
#include "tst_orgpath.moc"
