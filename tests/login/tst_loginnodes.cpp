// Slice B's login journey nodes against a real database (SQLite file, or PostgreSQL with TRELLIS_TEST_POSTGRES_URL):
// the real FlowInterpreter over StoreFlowServices for magic links, email codes, risk, terms, organisations and
// profiles, the outbox, and SmtpClient against a real SMTP listener (tests/login/smtp_test_server.py).
#include "../server/SelfSignedCertificate.h"
#include "../store/StoreTestBackend.h"
#include "core/flow/FlowInterpreter.h"
#include "server/api/ApiContext.h"
#include "server/http/HttpRequest.h"
#include "server/login/DeviceHistory.h"
#include "server/login/EmailOutbox.h"
#include "server/login/EmailSignInTokens.h"
#include "server/login/FlowSessionRepository.h"
#include "server/login/LoginPageRenderer.h"
#include "server/login/MailSender.h"
#include "server/login/SmtpClient.h"
#include "server/login/StoreFlowServices.h"
#include "server/login/TermsAcceptanceRepository.h"
#include "server/login/UserAttributeRepository.h"
#include "server/store/AuditLog.h"
#include "server/store/MembershipRepository.h"
#include "server/store/OrgRepository.h"
#include "server/store/UserRepository.h"

#include <regex>

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace trellis;
using namespace trellis::server;
namespace flow = trellis::core::flow;

namespace {
#ifdef TRELLIS_TEST_POSTGRES
constexpr SqlDialect kDialect = SqlDialect::Postgres;
#else
constexpr SqlDialect kDialect = SqlDialect::Sqlite;
#endif

flow::FlowNode node(std::string id, std::string type, std::map<std::string, std::string> outcomes,
                    nlohmann::json config = nlohmann::json::object())
{
    flow::FlowNode n;
    n.id = std::move(id);
    n.type = std::move(type);
    n.outcomes = std::move(outcomes);
    n.config = std::move(config);
    return n;
}

// identify -> <middle...> -> success; every other outcome of the middle nodes to "no".
flow::FlowDocument journey(std::vector<flow::FlowNode> middle)
{
    flow::FlowDocument d;
    d.start = "identify";
    d.nodes.push_back(node("identify", "identify", {{"next", middle.front().id}}));
    for (auto& n : middle)
        d.nodes.push_back(std::move(n));
    d.nodes.push_back(node("ok", "success", {}));
    d.nodes.push_back(node("no", "failure", {}));
    return d;
}

std::vector<std::string> actions(const StoreFlowServices& services)
{
    std::vector<std::string> out;
    for (const auto& e : services.auditEvents())
        out.push_back(e.action);
    return out;
}

} // namespace

class LoginNodesTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tests::StoreTestBackend> m_backend;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ApiContext> m_context;
    std::string m_rootId, m_acmeId, m_betaId, m_annaId;
    HttpRequest m_request;

    /// One request's services, as LoginApi prepares them.
    std::unique_ptr<StoreFlowServices> services(const std::string& email, const std::string& sessionId = {},
                                                const std::string& deviceHash = {})
    {
        auto s = std::make_unique<StoreFlowServices>(*m_context, m_request, email);
        s->setFlowSession(sessionId);
        s->setDeviceHash(deviceHash);
        return s;
    }

    /// Runs the journey like the server does: state through JSON between requests, new services per request.
    struct Run
    {
        LoginNodesTest& test;
        const flow::FlowDocument& document;
        std::string sessionId;
        std::string deviceHash;
        nlohmann::json stored = flow::FlowState{};
        std::vector<std::string> audit;
        nlohmann::json lastAudit;

        flow::FlowStep step(const std::function<flow::FlowStep(const flow::FlowInterpreter&, flow::FlowState&)>& act)
        {
            flow::FlowState state = stored.get<flow::FlowState>();
            auto services = test.services(state.email, sessionId, deviceHash);
            const flow::FlowInterpreter interpreter(document, *services);
            const flow::FlowStep result = act(interpreter, state);
            stored = state;
            for (const auto& a : actions(*services))
                audit.push_back(a);
            for (const auto& e : services->auditEvents())
                lastAudit[e.action] = e.after;
            return result;
        }
        flow::FlowStep start()
        {
            return step([](const auto& i, auto& s) { return i.start(s); });
        }
        flow::FlowStep submit(const std::string& nodeId, std::map<std::string, std::string> values)
        {
            return step([&](const auto& i, auto& s) { return i.submit(s, flow::FlowInput{nodeId, values}); });
        }
        flow::FlowStep resume()
        {
            return step([](const auto& i, auto& s) { return i.resume(s); });
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        m_backend = std::make_unique<tests::StoreTestBackend>(kDialect);
        if (!m_backend->unavailableReason().isEmpty())
            QSKIP(qPrintable(m_backend->unavailableReason()));
        m_db = std::make_unique<Database>(m_backend->newDatabase());
        m_db->open();
        m_db->transaction([&] {
            const OrgRepository orgs(*m_db);
            m_rootId = orgs.create({{}, {}, core::OrgKind::Manufacturer, "Root", "root", {}}).id;
            m_acmeId = orgs.create({{}, m_rootId, core::OrgKind::Customer, "Acme", "acme", {}}).id;
            m_betaId = orgs.create({{}, m_rootId, core::OrgKind::Customer, "Beta", "beta", {}}).id;
            m_annaId = UserRepository(*m_db).create({{}, "anna@example.com", "Anna", {}, {}, {}}).id;
            MembershipRepository(*m_db).create({m_annaId, m_betaId, {}, {}, {}, {}});
            MembershipRepository(*m_db).create({m_annaId, m_acmeId, {}, {}, {}, {}});
        });
        m_context = std::make_unique<ApiContext>(ApiContext{*m_db, nullptr, "https://id.example.test", nullptr});
        m_request.remoteAddress = "198.51.100.7";
    }

    void cleanupTestCase()
    {
        m_context.reset();
        m_db.reset();
        m_backend.reset();
    }

    void magicLinkSignsInOnce()
    {
        const auto document = journey({node("link", "magic-link", {{"verified", "ok"}, {"expired", "no"}})});
        const auto session = FlowSessionRepository(*m_db).create("test", nlohmann::json::object(), {});
        Run run{*this, document, session.session.id};
        run.start();
        flow::FlowStep step = run.submit("identify", {{"email", "anna@example.com"}});
        QCOMPARE(step.screen.kind, std::string("magic-link"));
        // The email is in the outbox of the sign-in's organisation (the root without one), with the link.
        const auto emails = EmailOutbox(*m_db).list(m_rootId, 10);
        QCOMPARE(emails.size(), std::size_t(1));
        QCOMPARE(emails[0].to, std::string("anna@example.com"));
        QCOMPARE(emails[0].subject, std::string("Your sign-in link"));
        QVERIFY(emails[0].sentAt.empty()); // no SMTP configured
        std::smatch match;
        QVERIFY2(std::regex_search(emails[0].text, match,
                                   std::regex("https://id\\.example\\.test/login/magic\\?token=([A-Za-z0-9_-]+)")),
                 emails[0].text.c_str());
        const std::string token = match[1];
        // Not opened yet: the page stays; the flow state holds the link id, never the token.
        QCOMPARE(int(run.resume().kind), int(flow::FlowStep::Kind::Screen));
        QCOMPARE(run.submit("link", {{"action", "continue"}}).screen.error, std::string("link_not_opened"));
        QVERIFY(run.stored.dump().find(token) == std::string::npos);
        // Opened (in another tab): spent once, tied to this sign-in.
        const auto opened = EmailSignInTokens(*m_db).openMagicLink(token);
        QVERIFY(opened);
        QCOMPARE(opened->flowSessionId, session.session.id);
        QCOMPARE(opened->userId, m_annaId);
        QVERIFY(!EmailSignInTokens(*m_db).openMagicLink(token));
        QVERIFY(!EmailSignInTokens(*m_db).openMagicLink(token + "x"));
        step = run.resume();
        QCOMPARE(int(step.kind), int(flow::FlowStep::Kind::Success));
        QVERIFY(std::find(run.audit.begin(), run.audit.end(), "login.magic_link.verified") != run.audit.end());
        QVERIFY(std::find(run.audit.begin(), run.audit.end(), "login.magic_link.sent") != run.audit.end());
    }

    void magicLinkForNobodySendsNothingAndExpires()
    {
        const auto document =
            journey({node("link", "magic-link", {{"verified", "ok"}, {"expired", "no"}}, {{"expiryMinutes", 1}})});
        Run run{*this, document};
        run.start();
        const std::size_t before = EmailOutbox(*m_db).list(m_rootId, 100).size();
        const auto step = run.submit("identify", {{"email", "nobody@example.com"}});
        QCOMPARE(step.screen.kind, std::string("magic-link")); // the same page as for anna
        QCOMPARE(EmailOutbox(*m_db).list(m_rootId, 100).size(), before);
        QCOMPARE(run.submit("link", {{"action", "continue"}}).screen.error, std::string("link_not_opened"));
        // An unknown id is as good as expired.
        QCOMPARE(int(EmailSignInTokens(*m_db).magicLinkStatus("no-such-id")), int(flow::MagicLinkStatus::Expired));
    }

    void emailCodeIsSingleUseAndCounted()
    {
        const auto document = journey({node("code", "email-code", {{"success", "ok"}, {"failure", "no"}})});
        Run run{*this, document};
        run.start();
        run.submit("identify", {{"email", "anna@example.com"}});
        const auto email = EmailOutbox(*m_db).list(m_rootId, 1).at(0);
        QCOMPARE(email.subject, std::string("Your sign-in code"));
        std::smatch match;
        QVERIFY(std::regex_search(email.text, match, std::regex("code is ([0-9]{6})\n")));
        const std::string code = match[1];
        // Only hashes in the database.
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT token_hash FROM email_sign_in_tokens WHERE kind = 'email-code'")));
        bool any = false;
        while (q.next()) {
            any = true;
            QVERIFY(q.value(0).toString().toStdString().find(code) == std::string::npos);
        }
        QVERIFY(any);
        const auto step = run.submit("code", {{"code", code}});
        QCOMPARE(int(step.kind), int(flow::FlowStep::Kind::Success));
        QVERIFY(!EmailSignInTokens(*m_db).verifyCode(m_annaId, code)); // spent
        // A new code retires the old one; a wrong code is a failure.
        const std::string first = EmailSignInTokens(*m_db).createCode(m_annaId, 8, 10);
        const std::string second = EmailSignInTokens(*m_db).createCode(m_annaId, 8, 10);
        QCOMPARE(second.size(), std::size_t(8));
        if (first != second)
            QVERIFY(!EmailSignInTokens(*m_db).verifyCode(m_annaId, first));
        QVERIFY(EmailSignInTokens(*m_db).verifyCode(m_annaId, second));
    }

    void riskKnowsDevicesAndCountries()
    {
        const nlohmann::json config{
            {"countryRanges", {"198.51.100.0/24=DE", "203.0.113.0/24=FR"}}, {"offHoursStart", 0}, {"offHoursEnd", 0}};
        const auto document =
            journey({node("risk", "risk-assessment", {{"low", "ok"}, {"medium", "no"}, {"high", "no"}}, config)});
        const std::string device = DeviceHistory::deviceHash("a-long-random-device-cookie-value-123");
        QVERIFY(!device.empty());
        QVERIFY(DeviceHistory::deviceHash("short").empty());

        // A new device: medium, with the score and the reason in the audit event.
        Run fresh{*this, document, {}, device};
        fresh.start();
        QCOMPARE(int(fresh.submit("identify", {{"email", "anna@example.com"}}).kind),
                 int(flow::FlowStep::Kind::Failure));
        const auto& detail = fresh.lastAudit.at("login.risk.assessed").at("detail");
        QCOMPARE(detail.at("level").get<std::string>(), std::string("medium"));
        QCOMPARE(detail.at("score").get<int>(), 40);
        QCOMPARE(detail.at("reasons").at(0).at("code").get<std::string>(), std::string("unknown_device"));
        QCOMPARE(detail.at("country").get<std::string>(), std::string("DE"));

        // After a sign-in with that device from Germany: low.
        m_db->transaction([&] { DeviceHistory(*m_db).recordSignIn(m_annaId, device, "198.51.100.7", "DE"); });
        QCOMPARE(DeviceHistory(*m_db).countries(m_annaId), std::vector<std::string>{"DE"});
        Run known{*this, document, {}, device};
        known.start();
        QCOMPARE(int(known.submit("identify", {{"email", "anna@example.com"}}).kind),
                 int(flow::FlowStep::Kind::Success));
        QCOMPARE(known.lastAudit.at("login.risk.assessed").at("detail").at("score").get<int>(), 0);

        // The same device from France: a new country.
        m_request.remoteAddress = "203.0.113.5";
        Run abroad{*this, document, {}, device};
        abroad.start();
        QCOMPARE(int(abroad.submit("identify", {{"email", "anna@example.com"}}).kind),
                 int(flow::FlowStep::Kind::Failure));
        QCOMPARE(
            abroad.lastAudit.at("login.risk.assessed").at("detail").at("reasons").at(0).at("code").get<std::string>(),
            std::string("new_country"));
        m_request.remoteAddress = "198.51.100.7";
    }

    void termsAreRecordedPerVersion()
    {
        const auto document = journey({node("terms", "accept-terms", {{"accepted", "ok"}, {"declined", "no"}},
                                            {{"url", "https://example.com/terms"}, {"version", "7"}})});
        Run run{*this, document};
        run.start();
        QCOMPARE(run.submit("identify", {{"email", "anna@example.com"}}).screen.kind, std::string("accept-terms"));
        QVERIFY(!TermsAcceptanceRepository(*m_db).accepted(m_annaId, "7"));
        QCOMPARE(int(run.submit("terms", {{"action", "accept"}}).kind), int(flow::FlowStep::Kind::Success));
        QVERIFY(TermsAcceptanceRepository(*m_db).accepted(m_annaId, "7"));
        QVERIFY(!TermsAcceptanceRepository(*m_db).accepted(m_annaId, "8"));
        QCOMPARE(run.lastAudit.at("login.terms.accepted").at("detail").at("version").get<std::string>(),
                 std::string("7"));
        Run again{*this, document};
        again.start();
        QCOMPARE(int(again.submit("identify", {{"email", "anna@example.com"}}).kind),
                 int(flow::FlowStep::Kind::Success));
    }

    void chooseOrganisationAndProfile()
    {
        const auto document =
            journey({node("org", "choose-organisation", {{"chosen", "profile"}}),
                     node("profile", "collect-profile", {{"done", "ok"}},
                          {{"attributes", {"given_name", "family_name", "job_title"}}, {"required", {"given_name"}}})});
        Run run{*this, document};
        run.start();
        const auto step = run.submit("identify", {{"email", "anna@example.com"}});
        QCOMPARE(step.screen.kind, std::string("choose-organisation"));
        const auto options = step.screen.data.at("options");
        QCOMPARE(options.size(), std::size_t(2));
        QCOMPARE(options[0].at("name").get<std::string>(), std::string("Acme")); // by name
        QCOMPARE(run.submit("org", {{"org", m_rootId}}).screen.error, std::string("invalid_choice"));
        QCOMPARE(run.submit("org", {{"org", m_betaId}}).screen.kind, std::string("collect-profile"));
        QCOMPARE(run.stored.at("facts").at("orgId").get<std::string>(), m_betaId);
        QCOMPARE(int(run.submit("profile", {{"given_name", "Anna"}, {"job_title", "Buyer"}}).kind),
                 int(flow::FlowStep::Kind::Success));
        const auto attributes = UserAttributeRepository(*m_db).get(m_annaId);
        QCOMPARE(attributes.at("given_name"), std::string("Anna"));
        QCOMPARE(attributes.at("job_title"), std::string("Buyer"));
        QVERIFY(!attributes.count("family_name"));
    }

    void pagesRenderInBothLanguages()
    {
        flow::FlowScreen s;
        s.kind = "choose-organisation";
        s.nodeId = "org";
        s.fields = {{"org", "choice", "off", true, {}}};
        s.data = {{"email", "anna@example.com"},
                  {"options", {{{"id", "o1"}, {"name", "Acme <&>"}}, {{"id", "o2"}, {"name", "Beta"}}}}};
        const std::string en = LoginPageRenderer(LoginText::Language::English).screen(s, "csrf");
        QVERIFY(en.find("<legend>Organisation</legend>") != std::string::npos);
        QVERIFY(en.find("Acme &lt;&amp;&gt;") != std::string::npos);
        QVERIFY(en.find("type=\"radio\"") != std::string::npos);
        QVERIFY(en.find("<script") == std::string::npos);
        s.kind = "accept-terms";
        s.fields.clear();
        s.data = {{"url", "javascript:alert(1)"}, {"version", "3"}};
        const std::string de = LoginPageRenderer(LoginText::Language::German).screen(s, "csrf");
        QVERIFY(de.find("Nutzungsbedingungen") != std::string::npos);
        QVERIFY(de.find("javascript:") == std::string::npos);
        QVERIFY(de.find("value=\"decline\"") != std::string::npos);
        // Email code: its own label (not the authenticator's), a resend button that skips the required check.
        flow::FlowScreen code;
        code.kind = "email-code";
        code.nodeId = "code";
        code.fields = {{"code", "otp", "one-time-code", true, {}}};
        code.error = "invalid_code";
        const std::string codePage = LoginPageRenderer(LoginText::Language::English).screen(code, "csrf");
        QVERIFY(codePage.find("<label for=\"field-code\">Code from the email</label>") != std::string::npos);
        QVERIFY(codePage.find("aria-describedby=\"field-code-error\"") != std::string::npos);
        QVERIFY(codePage.find("value=\"resend\" class=\"secondary\" formnovalidate") != std::string::npos);
        QVERIFY(codePage.find("authenticator app") == std::string::npos);
        // Magic link: a page without fields shows its error as an alert, a resend confirmation as a status.
        flow::FlowScreen link;
        link.kind = "magic-link";
        link.nodeId = "link";
        link.data = {{"email", "anna@example.com"}, {"expiryMinutes", 20}};
        link.error = "link_not_opened";
        std::string linkPage = LoginPageRenderer(LoginText::Language::German).screen(link, "csrf");
        QVERIFY(linkPage.find("role=\"alert\">Der Link wurde noch nicht") != std::string::npos);
        QVERIFY(linkPage.find("innerhalb von 20 Minuten") != std::string::npos);
        link.error = "link_resent";
        linkPage = LoginPageRenderer(LoginText::Language::English).screen(link, "csrf");
        QVERIFY(linkPage.find("role=\"status\">We have sent a new link.") != std::string::npos);
        // Profile: optional fields say so; values are escaped.
        flow::FlowScreen profile;
        profile.kind = "collect-profile";
        profile.nodeId = "profile";
        profile.fields = {{"given_name", "text", "given-name", true, "A\"nna"},
                          {"phone_number", "tel", "tel", false, {}}};
        const std::string profilePage = LoginPageRenderer(LoginText::Language::English).screen(profile, "csrf");
        QVERIFY(profilePage.find("value=\"A&quot;nna\"") != std::string::npos);
        QVERIFY(profilePage.find("Phone number (optional)</label>") != std::string::npos);
        QVERIFY(profilePage.find("type=\"tel\"") != std::string::npos);
        for (const char* key :
             {"title.magic-link", "text.magic-link", "title.email-code", "title.accept-terms", "title.collect-profile",
              "title.choose-organisation", "mail.magic-link.text", "mail.email-code.subject", "text.magic-link-opened",
              "error.link_expired", "label.given_name", "button.resend-code"}) {
            QVERIFY2(LoginText::has(key), key);
            QVERIFY2(LoginText::get(LoginText::Language::German, key) !=
                         LoginText::get(LoginText::Language::English, key),
                     key);
        }
    }

    void smtpClient_data()
    {
        QTest::addColumn<bool>("startTls");
        QTest::newRow("plain") << false;
        QTest::newRow("starttls") << true;
    }
    void smtpClient()
    {
        QFETCH(bool, startTls);
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem")), key = dir.filePath(QStringLiteral("key.pem"));
        QCOMPARE(tests::writeSelfSignedCertificate(cert, key), QString());
        const QString messages = dir.filePath(QStringLiteral("messages.jsonl"));
        QProcess server;
        QStringList args{QStringLiteral(TRELLIS_SMTP_TEST_SERVER), messages};
        if (startTls)
            args << cert << key;
        server.start(QStringLiteral("python3"), args);
        QVERIFY(server.waitForStarted(5000));
        QVERIFY(server.waitForReadyRead(10000));
        const int port = server.readLine().trimmed().toInt();
        QVERIFY(port > 0);

        SmtpSettings settings;
        settings.host = startTls ? "localhost" : "127.0.0.1";
        settings.port = port;
        settings.security = startTls ? SmtpSettings::Security::StartTls : SmtpSettings::Security::None;
        settings.from = "login@example.test";
        settings.caFile = cert.toStdString();
        settings.username = "mailer";
        settings.password = "secret";
        SmtpClient(settings).send(
            {"anna@example.com", "Ihr Anmeldelink für Anna", "Hallo Anna,\n.\nöffnen Sie den Link.\n"});
        // A refused recipient and a wrong password are errors, not silence.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, SmtpClient(settings).send({"x@refused.test", "s", "t"}));
        SmtpSettings wrong = settings;
        wrong.password = "nope";
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, SmtpClient(wrong).send({"anna@example.com", "s", "t"}));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 SmtpClient(settings).send({"a@b.test\r\nBcc: c@d.test", "s", "t"}));
        if (startTls) {
            // Without the right certificate authority the server is not trusted.
            SmtpSettings untrusted = settings;
            untrusted.caFile.clear();
            QVERIFY_THROWS_EXCEPTION(std::runtime_error, SmtpClient(untrusted).send({"anna@example.com", "s", "t"}));
        }
        server.kill();
        server.waitForFinished();

        QFile file(messages);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 2); // one message and the trailing newline
        const auto message = nlohmann::json::parse(lines[0].toStdString());
        QCOMPARE(message.at("tls").get<bool>(), startTls);
        QCOMPARE(message.at("auth").get<std::string>(), std::string("mailer"));
        QCOMPARE(message.at("to"), nlohmann::json::array({"anna@example.com"}));
        const std::string data = message.at("data");
        QVERIFY(data.find("Subject: =?UTF-8?B?") != std::string::npos);
        QVERIFY(data.find("Content-Type: text/plain; charset=UTF-8") != std::string::npos);
        // The base64 body decodes to the text, line breaks and dot included.
        const std::string body = data.substr(data.find("\r\n\r\n") + 4);
        QCOMPARE(QByteArray::fromBase64(QByteArray::fromStdString(body)).toStdString(),
                 std::string("Hallo Anna,\n.\nöffnen Sie den Link.\n"));
    }

    void outboxSendsThroughSmtp()
    {
        QTemporaryDir dir;
        const QString messages = dir.filePath(QStringLiteral("messages.jsonl"));
        QProcess server;
        server.start(QStringLiteral("python3"), {QStringLiteral(TRELLIS_SMTP_TEST_SERVER), messages});
        QVERIFY(server.waitForStarted(5000) && server.waitForReadyRead(10000));
        const int port = server.readLine().trimmed().toInt();
        auto settings = std::make_shared<SmtpSettings>();
        settings->host = "127.0.0.1";
        settings->port = port;
        settings->security = SmtpSettings::Security::None;
        settings->from = "login@example.test";
        ApiContext context{*m_db, nullptr, "https://id.example.test", nullptr};
        context.smtp = settings;
        OutboxEmail sent, refused;
        m_db->transaction([&] {
            sent = EmailOutbox(*m_db).add({{}, m_acmeId, "anna@example.com", "Hello", "Text", {}, {}, {}, {}});
            refused = EmailOutbox(*m_db).add({{}, m_acmeId, "bob@refused.test", "Hello", "Text", {}, {}, {}, {}});
        });
        MailSender::dispatch(context, {sent.id, refused.id});
        server.kill();
        server.waitForFinished();
        const auto listed = EmailOutbox(*m_db).list(m_acmeId, 10);
        QCOMPARE(listed.size(), std::size_t(2));
        for (const auto& e : listed) {
            if (e.id == sent.id) {
                QVERIFY(!e.sentAt.empty());
                QVERIFY(e.error.empty());
            } else {
                QVERIFY(e.sentAt.empty());
                QVERIFY(e.error.find("RCPT TO") != std::string::npos);
            }
        }
        const nlohmann::json j = listed.front();
        QVERIFY(j.contains("to") && j.contains("subject") && j.contains("text") && j.contains("sentAt"));
    }
};

QTEST_GUILESS_MAIN(LoginNodesTest)
#include "tst_loginnodes.moc"
