// Parts of the hosted login without a server: password policy, language choice, HTML escaping, QR codes.
#include "server/login/LoginPageRenderer.h"
#include "server/login/LoginText.h"
#include "server/login/PasskeyRelyingParty.h"
#include "server/login/PasswordPolicy.h"
#include "server/login/QrSvg.h"

#include <QtTest>

using namespace trellis::server;

class LoginPartsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passwordPolicy_data();
    void passwordPolicy();
    void commonListIsBundled();
    void acceptLanguage_data();
    void acceptLanguage();
    void bothLanguagesDiffer();
    void escaping();
    void qrCode();
    void passkeyRelyingParty_data();
    void passkeyRelyingParty();
    void passkeyScreen();
};

void LoginPartsTest::passwordPolicy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("verdict");
    using V = PasswordPolicy::Verdict;
    QTest::newRow("short") << QStringLiteral("elevenchars") << int(V::TooShort);
    QTest::newRow("twelve") << QStringLiteral("twelve chars") << int(V::Ok);
    QTest::newRow("no composition rules") << QStringLiteral("correct horse battery staple") << int(V::Ok);
    QTest::newRow("umlauts count as one") << QStringLiteral("ÄÖÜäöüßÄÖÜäö") << int(V::Ok);
    QTest::newRow("eleven umlauts") << QStringLiteral("ÄÖÜäöüßÄÖÜä") << int(V::TooShort);
    QTest::newRow("too long") << QString(257, QLatin1Char('x')) << int(V::TooLong);
    QTest::newRow("256") << QString(255, QLatin1Char('x')) + QLatin1Char('y') << int(V::Ok);
    QTest::newRow("common") << QStringLiteral("password1234") << int(V::Common);
    QTest::newRow("common any case") << QStringLiteral("Password1234") << int(V::Common);
    QTest::newRow("keyboard walk") << QStringLiteral("qwertyuiop123") << int(V::Common);
    QTest::newRow("own email") << QStringLiteral("someone@example.com") << int(V::Common);
}

void LoginPartsTest::passwordPolicy()
{
    QFETCH(QString, password);
    QFETCH(int, verdict);
    QCOMPARE(int(PasswordPolicy::check(password.toStdString(), "someone@example.com")), verdict);
}

void LoginPartsTest::commonListIsBundled()
{
    QVERIFY(PasswordPolicy::commonPasswordCount() > 2000);
    QCOMPARE(PasswordPolicy::code(PasswordPolicy::Verdict::Common), std::string("password_common"));
}

void LoginPartsTest::acceptLanguage_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("german");
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("de") << QByteArray("de") << true;
    QTest::newRow("de-AT first") << QByteArray("de-AT,de;q=0.9,en;q=0.8") << true;
    QTest::newRow("en first") << QByteArray("en-GB,en;q=0.9,de;q=0.8") << false;
    QTest::newRow("q decides") << QByteArray("en;q=0.5, de;q=0.7") << true;
    QTest::newRow("other languages only") << QByteArray("fr-FR,fr;q=0.9") << false;
    QTest::newRow("french then german") << QByteArray("fr,de;q=0.5") << true;
    QTest::newRow("refused") << QByteArray("de;q=0, en") << false;
}

void LoginPartsTest::acceptLanguage()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, german);
    QCOMPARE(LoginText::fromAcceptLanguage(header.toStdString()) == LoginText::Language::German, german);
}

void LoginPartsTest::bothLanguagesDiffer()
{
    for (const char* key :
         {"title.identify",          "label.email",          "error.invalid_credentials", "failure.locked",
          "text.enrol-manual",       "error.csrf",           "title.passkey-signin",      "title.passkey-enrol",
          "text.passkey-signin",     "text.passkey-enrol",   "text.passkey-noscript",     "text.passkey-unsupported",
          "button.passkey-signin",   "button.passkey-other", "button.passkey-create",     "button.passkey-skip",
          "error.passkey_cancelled", "error.passkey_failed", "error.passkey_unsupported", "error.skip_not_allowed"}) {
        QVERIFY2(LoginText::has(key), key);
        QVERIFY2(LoginText::get(LoginText::Language::German, key) != LoginText::get(LoginText::Language::English, key),
                 key);
    }
}

void LoginPartsTest::escaping()
{
    QCOMPARE(LoginPageRenderer::escape("<a href=\"x\">'&'</a>"),
             std::string("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"));
    QCOMPARE(LoginPageRenderer::groupSecret("JBSWY3DPEHPK3PXP"), std::string("JBSW Y3DP EHPK 3PXP"));
}

void LoginPartsTest::qrCode()
{
    const std::string svg = QrSvg::render("otpauth://totp/Trellis:a%40b.example?secret=JBSWY3DPEHPK3PXP", "QR");
    QVERIFY(svg.rfind("<svg", 0) == 0);
    QVERIFY(svg.find("role=\"img\"") != std::string::npos);
    QVERIFY(svg.find("h1v1h-1z") != std::string::npos);
}

void LoginPartsTest::passkeyRelyingParty_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QString>("rpId");
    QTest::addColumn<QString>("origin");
    QTest::newRow("https") << "https://id.example.com"
                           << "id.example.com"
                           << "https://id.example.com";
    QTest::newRow("path") << "https://ID.Example.com/tenant/x"
                          << "id.example.com"
                          << "https://id.example.com";
    QTest::newRow("default port") << "https://id.example.com:443"
                                  << "id.example.com"
                                  << "https://id.example.com";
    QTest::newRow("other port") << "https://id.example.com:8443"
                                << "id.example.com"
                                << "https://id.example.com:8443";
    QTest::newRow("localhost") << "http://localhost:4000"
                               << "localhost"
                               << "http://localhost:4000";
    QTest::newRow("no scheme") << "id.example.com"
                               << ""
                               << "";
    QTest::newRow("ftp") << "ftp://id.example.com"
                         << ""
                         << "";
    QTest::newRow("user info") << "https://a@id.example.com"
                               << ""
                               << "";
    QTest::newRow("empty host") << "https:///x"
                                << ""
                                << "";
}

void LoginPartsTest::passkeyRelyingParty()
{
    QFETCH(QString, issuer);
    QFETCH(QString, rpId);
    QFETCH(QString, origin);
    const auto rp = PasskeyRelyingParty::fromIssuer(issuer.toStdString());
    QCOMPARE(bool(rp), !rpId.isEmpty());
    if (rp) {
        QCOMPARE(QString::fromStdString(rp->rpId), rpId);
        QCOMPARE(QString::fromStdString(rp->origin), origin);
    }
}

void LoginPartsTest::passkeyScreen()
{
    trellis::core::flow::FlowScreen screen;
    screen.kind = "passkey-enrol";
    screen.nodeId = "enrol";
    screen.data = {{"options", {{"challenge", "abc\"<x>"}}}, {"allowSkip", false}, {"email", "a@example.com"}};
    const std::string html = LoginPageRenderer(LoginText::Language::German).screen(screen, "csrf-token");
    // Options travel in an escaped data attribute, never in an inline script.
    QVERIFY(html.find("data-options=\"{&quot;challenge&quot;:&quot;abc\\&quot;&lt;x&gt;&quot;}\"") !=
            std::string::npos);
    QVERIFY(html.find("<script src=\"/login/assets/passkey.js\" defer></script>") != std::string::npos);
    QCOMPARE(html.find("<script>"), std::string::npos);
    // Without script the form posts "unsupported"; skipping is off here.
    QVERIFY(html.find("name=\"action\" value=\"unsupported\"") != std::string::npos);
    QVERIFY(html.find("data-allow-skip=\"false\"") != std::string::npos);
    QVERIFY(html.find(LoginText::get(LoginText::Language::German, "title.passkey-enrol")) != std::string::npos);

    const auto csp = [](const HttpResponse& response) {
        for (const auto& [name, value] : response.headers) {
            if (name == "Content-Security-Policy")
                return value;
        }
        return std::string();
    };
    const std::string withScript = csp(LoginPageRenderer::page(200, html, false, true));
    QVERIFY(withScript.find("script-src 'self'") != std::string::npos);
    QCOMPARE(withScript.find("unsafe-inline"), std::string::npos);
    const std::string without = csp(LoginPageRenderer::page(200, html, false));
    QVERIFY(without.find("default-src 'none'") != std::string::npos);
    QCOMPARE(without.find("script-src"), std::string::npos);
}

QTEST_GUILESS_MAIN(LoginPartsTest)
#include "tst_loginparts.moc"
