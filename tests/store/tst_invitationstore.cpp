// InvitationRepository against a real database (SQLite file, or PostgreSQL with TRELLIS_STORE_TEST_POSTGRES):
// a token is claimed once even by racing threads, resend kills the old token, expiry and revocation close it, and
// there is at most one pending invitation per (org, email).
#include "StoreTestBackend.h"
#include "core/TimeFormat.h"
#include "server/store/Database.h"
#include "server/store/InvitationRepository.h"
#include "server/store/OrgRepository.h"
#include "server/store/UserRepository.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <QTest>

using namespace trellis;
using namespace trellis::server;

namespace {
#ifdef TRELLIS_STORE_TEST_POSTGRES
constexpr SqlDialect kDialect = SqlDialect::Postgres;
#else
constexpr SqlDialect kDialect = SqlDialect::Sqlite;
#endif
} // namespace

class TestInvitationStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tests::StoreTestBackend> m_backend;
    std::unique_ptr<Database> m_db;
    std::string m_orgId;
    std::string m_inviterId;

    NewInvitation invitation(const std::string& email, std::chrono::hours validFor = std::chrono::hours(24)) const
    {
        NewInvitation n;
        n.orgId = m_orgId;
        n.email = email;
        n.invitedBy = m_inviterId;
        n.roleIds = {"member"};
        n.expiresAt = core::formatTimestamp(std::chrono::system_clock::now() + validFor);
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_backend = std::make_unique<tests::StoreTestBackend>(kDialect);
        if (!m_backend->unavailableReason().isEmpty())
            QSKIP(qPrintable(m_backend->unavailableReason()));
        m_db = std::make_unique<Database>(m_backend->newDatabase());
        m_db->open();
        m_db->transaction([&] {
            m_orgId = OrgRepository(*m_db).create({{}, {}, core::OrgKind::Manufacturer, "Root", "root", {}}).id;
            m_inviterId = UserRepository(*m_db).create({{}, "admin@example.com", "Admin", {}, {}, {}}).id;
        });
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_backend.reset();
    }

    void claimedOnceByRacingThreads()
    {
        const InvitationRepository invitations(*m_db);
        std::string token;
        const auto created = invitations.create(invitation("race@example.com"), &token);
        QCOMPARE(created.status, std::string("pending"));
        QCOMPARE(token.size(), std::size_t(43));
        QVERIFY(!invitations.claim(created.id, token + "x"));

        std::atomic<int> wins{0};
        std::atomic<int> failures{0};
        std::atomic<bool> go{false};
        std::vector<std::thread> threads;
        for (int i = 0; i < 6; ++i) {
            threads.emplace_back([&] {
                while (!go.load()) {
                }
                try {
                    m_db->transaction([&] {
                        if (invitations.claim(created.id, token))
                            ++wins;
                    });
                } catch (const std::exception& e) {
                    qWarning("claim failed: %s", e.what());
                    ++failures;
                }
                m_db->closeThreadConnection();
            });
        }
        go = true;
        for (auto& t : threads)
            t.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(wins.load(), 1);
        QCOMPARE(invitations.find(created.id)->status, std::string("accepted"));
        QCOMPARE(invitations.findByToken(token)->id, created.id);
        QVERIFY(!invitations.revoke(created.id));
        std::string again;
        QVERIFY(!invitations.reissue(created.id, created.expiresAt, &again));
    }

    void resendKillsOldToken()
    {
        const InvitationRepository invitations(*m_db);
        std::string oldToken;
        const auto created = invitations.create(invitation("resend@example.com"), &oldToken);
        std::string newToken;
        QVERIFY(invitations.reissue(created.id, created.expiresAt, &newToken));
        QVERIFY(newToken != oldToken);
        QVERIFY(!invitations.findByToken(oldToken));
        QVERIFY(!invitations.claim(created.id, oldToken));
        QVERIFY(invitations.claim(created.id, newToken));
    }

    void expiredAndRevokedCannotBeClaimed()
    {
        const InvitationRepository invitations(*m_db);
        std::string token;
        const auto late = invitations.create(invitation("late@example.com", std::chrono::hours(-1)), &token);
        QCOMPARE(late.status, std::string("expired"));
        QVERIFY(!invitations.claim(late.id, token));
        // An expired one does not block a new invitation for the address.
        std::string fresh;
        QCOMPARE(invitations.create(invitation("late@example.com"), &fresh).status, std::string("pending"));
        QCOMPARE(invitations.find(late.id)->status, std::string("expired"));

        const auto withdrawn = invitations.create(invitation("revoked@example.com"), &token);
        QVERIFY(invitations.revoke(withdrawn.id));
        QCOMPARE(invitations.find(withdrawn.id)->status, std::string("revoked"));
        QVERIFY(!invitations.claim(withdrawn.id, token));
        QVERIFY(!invitations.revoke(withdrawn.id));
    }

    void onePendingPerOrgAndEmail()
    {
        const InvitationRepository invitations(*m_db);
        std::string token;
        invitations.create(invitation("once@example.com"), &token);
        bool conflict = false;
        try {
            invitations.create(invitation("once@example.com"), &token);
        } catch (const StoreError& e) {
            conflict = e.kind() == StoreError::Kind::Conflict && e.constraint() == "invitation.email";
        }
        QVERIFY(conflict);
        QVERIFY(invitations.pendingFor(m_orgId, "once@example.com"));
        QVERIFY(!invitations.pendingFor(m_orgId, "nobody@example.com"));
    }

    void listsByStatusNewestFirst()
    {
        const InvitationRepository invitations(*m_db);
        InvitationFilter filter;
        filter.orgId = m_orgId;
        const auto all = invitations.list(filter, 500, std::nullopt);
        QVERIFY(all.items.size() >= 6);
        for (std::size_t i = 1; i < all.items.size(); ++i)
            QVERIFY(all.items[i - 1].createdAt >= all.items[i].createdAt);
        for (const char* status : {"pending", "accepted", "revoked", "expired"}) {
            filter.status = status;
            const auto page = invitations.list(filter, 500, std::nullopt);
            QVERIFY2(!page.items.empty(), status);
            for (const auto& i : page.items)
                QCOMPARE(i.status, std::string(status));
        }
    }
};

QTEST_GUILESS_MAIN(TestInvitationStore)
#include "tst_invitationstore.moc"
