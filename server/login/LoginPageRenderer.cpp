#include "server/login/LoginPageRenderer.h"

#include "server/login/LoginResources.h"
#include "server/login/QrSvg.h"

namespace trellis::server {

namespace {

void replaceAll(std::string& text, const std::string& from, const std::string& to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

std::string jsonString(const nlohmann::json& data, const char* key)
{
    return data.contains(key) && data[key].is_string() ? data[key].get<std::string>() : std::string();
}

} // namespace

std::string LoginPageRenderer::escape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string LoginPageRenderer::groupSecret(const std::string& secret)
{
    std::string out;
    for (std::size_t i = 0; i < secret.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            out += ' ';
        out += secret[i];
    }
    return out;
}

std::string LoginPageRenderer::page(const std::string& title, const std::string& content) const
{
    std::string html = LoginResources::text("page.html");
    replaceAll(html, "{{lang}}", LoginText::code(m_language));
    replaceAll(html, "{{title}}", title);
    replaceAll(html, "{{content}}", content);
    return html;
}

std::string LoginPageRenderer::field(const core::flow::ScreenField& f, const std::string& error, int waitSeconds,
                                     bool autofocus, const std::string& screenKind) const
{
    const std::string id = "field-" + escape(f.name);
    std::string labelKey = "label." + f.name;
    std::string type = "text";
    std::string extra;
    if (f.kind == "email") {
        type = "email";
        labelKey = "label.email";
        extra = " spellcheck=\"false\" autocapitalize=\"none\"";
    } else if (f.kind == "password") {
        type = "password";
        labelKey = LoginText::has("label." + f.name) ? "label." + f.name : std::string("label.password");
    } else if (f.kind == "otp") {
        labelKey = screenKind == "email-code" ? "label.email-code" : "label.code";
        extra = " inputmode=\"numeric\" pattern=\"[0-9]*\" maxlength=\"" +
                std::string(screenKind == "email-code" ? "10" : "8") + "\" spellcheck=\"false\"";
    } else if (f.kind == "tel") {
        type = "tel";
    }
    std::string describedBy;
    std::string html =
        "<div class=\"field\">\n<label for=\"" + id + "\">" + t(labelKey) +
        (f.required || (f.kind != "text" && f.kind != "tel") ? std::string() : " " + t("text.optional")) + "</label>\n";
    std::string after;
    const std::string hintKey =
        f.kind == "otp" ? std::string(screenKind == "email-code" ? "hint.none" : "hint.code") : "hint." + f.name;
    if (LoginText::has(hintKey)) {
        describedBy = id + "-hint";
        after += "<p class=\"hint\" id=\"" + id + "-hint\">" + t(hintKey) + "</p>\n";
    }
    if (!error.empty()) {
        std::string text = LoginText::get(m_language, "error." + error);
        replaceAll(text, "%1", std::to_string(waitSeconds));
        describedBy = id + "-error" + (describedBy.empty() ? std::string() : " " + describedBy);
        after = "<p class=\"field-error\" id=\"" + id + "-error\">" + escape(text) + "</p>\n" + after;
    }
    html += "<input id=\"" + id + "\" name=\"" + escape(f.name) + "\" type=\"" + type + "\" autocomplete=\"" +
            escape(f.autocomplete) + "\"" + (f.required ? " required" : "") + extra;
    if (!f.value.empty() && f.kind != "password")
        html += " value=\"" + escape(f.value) + "\"";
    if (!error.empty())
        html += " aria-invalid=\"true\"";
    if (!describedBy.empty())
        html += " aria-describedby=\"" + describedBy + "\"";
    if (autofocus)
        html += " autofocus";
    html += ">\n" + after + "</div>\n";
    return html;
}

std::string LoginPageRenderer::choice(const core::flow::FlowScreen& s, const core::flow::ScreenField& f,
                                      const std::string& error) const
{
    const std::string id = "field-" + escape(f.name);
    std::string html = "<fieldset class=\"field choices\"";
    if (!error.empty())
        html += " aria-describedby=\"" + id + "-error\"";
    html += ">\n<legend>" + t("label." + f.name) + "</legend>\n";
    if (!error.empty())
        html += "<p class=\"field-error\" id=\"" + id + "-error\">" + t("error." + error) + "</p>\n";
    const nlohmann::json options = s.data.value("options", nlohmann::json::array());
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::string optionId = id + "-" + std::to_string(i);
        html += "<div class=\"choice\"><input type=\"radio\" id=\"" + optionId + "\" name=\"" + escape(f.name) +
                "\" value=\"" + escape(jsonString(options[i], "id")) + "\"" + (f.required ? " required" : "") +
                (i == 0 ? " autofocus" : "") + "><label for=\"" + optionId + "\">" +
                escape(jsonString(options[i], "name")) + "</label></div>\n";
    }
    return html + "</fieldset>\n";
}

std::string LoginPageRenderer::screen(const core::flow::FlowScreen& s, const std::string& csrf, int waitSeconds) const
{
    std::string error = waitSeconds > 0 ? std::string("slow_down") : s.error;
    std::string content;
    // Confirmations ("we sent a new link") are news, not mistakes: a status line, not a field error.
    if (error == "link_resent" || error == "code_resent") {
        content += "<p class=\"status\" role=\"status\">" + t("error." + error) + "</p>\n";
        error.clear();
    } else if (!error.empty() && s.fields.empty()) {
        content += "<p class=\"alert\" role=\"alert\">" + t("error." + error) + "</p>\n";
    }
    const std::string email = jsonString(s.data, "email");
    if (s.kind != "identify" && !email.empty())
        content += "<p class=\"who\">" + t("text.signing-in-as") + " <strong>" + escape(email) + "</strong></p>\n";
    if (s.kind == "totp-verify")
        content += "<p>" + t("text.totp-verify") + "</p>\n";
    if (s.kind == "magic-link") {
        std::string text = LoginText::get(m_language, "text.magic-link");
        replaceAll(text, "%1", std::to_string(s.data.value("expiryMinutes", 15)));
        content += "<p>" + escape(text) + "</p>\n";
    }
    if (s.kind == "email-code" || s.kind == "choose-organisation" || s.kind == "collect-profile")
        content += "<p>" + t("text." + s.kind) + "</p>\n";
    if (s.kind == "accept-terms") {
        std::string text = LoginText::get(m_language, "text.accept-terms");
        replaceAll(text, "%1", jsonString(s.data, "version"));
        content += "<p>" + escape(text) + "</p>\n";
        const std::string url = jsonString(s.data, "url");
        // Only web addresses become links (never javascript: or data:, whatever a draft said).
        if (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0)
            content += "<p><a href=\"" + escape(url) + "\" rel=\"noopener noreferrer\" target=\"_blank\">" +
                       t("link.terms") + "</a></p>\n";
    }
    if (s.kind == "totp-enrol") {
        content += "<p>" + t("text.enrol-scan") + "</p>\n";
        content += QrSvg::render(jsonString(s.data, "otpauthUri"), t("qr.label")) + "\n";
        content += "<p id=\"secret-label\">" + t("text.enrol-manual") + "</p>\n";
        content += "<code class=\"secret\" aria-labelledby=\"secret-label\" data-secret=\"" +
                   escape(jsonString(s.data, "secret")) + "\">" + escape(groupSecret(jsonString(s.data, "secret"))) +
                   "</code>\n";
    }
    if (s.kind == "passkey-signin" || s.kind == "passkey-enrol")
        return page(t("title." + s.kind), content + passkeyForm(s, csrf, error));
    content += "<form method=\"post\" action=\"/login/flow\">\n";
    content += "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(csrf) + "\">\n";
    content += "<input type=\"hidden\" name=\"node\" value=\"" + escape(s.nodeId) + "\">\n";
    // Password managers file the password under the account they saw in a username field.
    if (s.kind == "password" && !email.empty())
        content += "<input type=\"email\" name=\"username\" autocomplete=\"username\" value=\"" + escape(email) +
                   "\" hidden>\n";
    for (std::size_t i = 0; i < s.fields.size(); ++i) {
        if (s.fields[i].kind == "choice")
            content += choice(s, s.fields[i], i == 0 ? error : std::string());
        else
            content += field(s.fields[i], i == 0 ? error : std::string(), waitSeconds, i == 0, s.kind);
    }
    // Screens with two answers: the button pressed is the "action".
    if (s.kind == "magic-link") {
        content += "<button type=\"submit\" name=\"action\" value=\"continue\" autofocus>" + t("button.link-opened") +
                   "</button>\n<button type=\"submit\" name=\"action\" value=\"resend\" class=\"secondary\">" +
                   t("button.resend-link") + "</button>\n</form>";
        return page(t("title." + s.kind), content);
    }
    if (s.kind == "accept-terms") {
        content += "<button type=\"submit\" name=\"action\" value=\"accept\">" + t("button.accept") +
                   "</button>\n<button type=\"submit\" name=\"action\" value=\"decline\" class=\"secondary\">" +
                   t("button.decline") + "</button>\n</form>";
        return page(t("title." + s.kind), content);
    }
    if (s.kind == "email-code") {
        content += "<button type=\"submit\" name=\"action\" value=\"verify\">" + t("button.verify") +
                   "</button>\n<button type=\"submit\" name=\"action\" value=\"resend\" class=\"secondary\" "
                   "formnovalidate>" +
                   t("button.resend-code") + "</button>\n</form>";
        return page(t("title." + s.kind), content);
    }
    std::string button = "button.continue";
    if (s.kind == "password")
        button = "button.signin";
    else if (s.kind == "totp-verify")
        button = "button.verify";
    else if (s.kind == "totp-enrol")
        button = "button.enrol";
    content += "<button type=\"submit\">" + t(button) + "</button>\n</form>";
    return page(t("title." + s.kind), content);
}

std::string LoginPageRenderer::passkeyForm(const core::flow::FlowScreen& s, const std::string& csrf,
                                           const std::string& error) const
{
    const bool signin = s.kind == "passkey-signin";
    const bool allowSkip = !s.data.contains("allowSkip") || s.data["allowSkip"] != false;
    std::string html = "<p id=\"passkey-text\">" + t(signin ? "text.passkey-signin" : "text.passkey-enrol") + "</p>\n";
    if (!error.empty())
        html += "<p class=\"field-error\" id=\"passkey-error\" role=\"alert\">" + t("error." + error) + "</p>\n";
    html += "<p id=\"passkey-unsupported\" hidden>" + t("text.passkey-unsupported") + "</p>\n";
    html += "<noscript><p>" + t("text.passkey-noscript") + "</p></noscript>\n";
    // The script (/login/assets/passkey.js) reads the options, runs the ceremony and posts the result in the hidden
    // fields. Without it the form still works: its only button posts "unsupported".
    const nlohmann::json options = s.data.contains("options") ? s.data["options"] : nlohmann::json::object();
    html += "<form method=\"post\" action=\"/login/flow\" id=\"passkey-form\" data-ceremony=\"" +
            std::string(signin ? "get" : "create") + "\" data-allow-skip=\"" + (allowSkip ? "true" : "false") +
            "\" data-options=\"" + escape(options.dump()) + "\">\n";
    html += "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(csrf) + "\">\n";
    html += "<input type=\"hidden\" name=\"node\" value=\"" + escape(s.nodeId) + "\">\n";
    html += "<input type=\"hidden\" name=\"action\" value=\"unsupported\">\n";
    for (const char* name : {"credentialId", "clientDataJSON", "attestationObject", "transports", "authenticatorData",
                             "signature", "userHandle"})
        html += std::string("<input type=\"hidden\" name=\"") + name + "\" value=\"\">\n";
    html += "<button type=\"button\" id=\"passkey-start\" aria-describedby=\"passkey-text\" hidden>" +
            t(signin ? "button.passkey-signin" : "button.passkey-create") + "</button>\n";
    const std::string fallback = signin      ? "button.passkey-other"
                                 : allowSkip ? "button.passkey-skip"
                                             : "button.continue";
    html += "<button type=\"submit\" id=\"passkey-fallback\" class=\"secondary\">" + t(fallback) + "</button>\n";
    html += "</form>\n<script src=\"/login/assets/passkey.js\" defer></script>";
    return html;
}

std::string LoginPageRenderer::message(const std::string& titleKey, const std::string& textKey, bool alert) const
{
    return page(t(titleKey),
                std::string("<p") + (alert ? " class=\"alert\" role=\"alert\"" : "") + ">" + t(textKey) + "</p>");
}

std::string LoginPageRenderer::messageText(const std::string& titleKey, const std::vector<std::string>& paragraphs,
                                           bool alert) const
{
    std::string content;
    for (const auto& text : paragraphs)
        content += std::string("<p") + (alert ? " class=\"alert\" role=\"alert\"" : "") + ">" + escape(text) + "</p>\n";
    return page(t(titleKey), content);
}

std::string LoginPageRenderer::inviteForm(const InviteForm& form) const
{
    std::string content;
    for (const auto& text : form.paragraphs)
        content += "<p>" + escape(text) + "</p>\n";
    content += "<form method=\"post\" action=\"/invite\">\n";
    content += "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(form.csrf) + "\">\n";
    content += "<input type=\"hidden\" name=\"token\" value=\"" + escape(form.token) + "\">\n";
    if (!form.username.empty())
        content += "<input type=\"email\" name=\"username\" autocomplete=\"username\" value=\"" +
                   escape(form.username) + "\" hidden>\n";
    // Focus goes to the first field with an error, else the first field.
    std::size_t focus = 0;
    for (std::size_t i = 0; i < form.fields.size(); ++i) {
        if (form.errors.count(form.fields[i].name)) {
            focus = i;
            break;
        }
    }
    for (std::size_t i = 0; i < form.fields.size(); ++i) {
        const auto error = form.errors.find(form.fields[i].name);
        content += field(form.fields[i], error == form.errors.end() ? std::string() : error->second, form.waitSeconds,
                         i == focus);
    }
    content += "<button type=\"submit\">" + t(form.buttonKey) + "</button>\n</form>";
    return page(t(form.titleKey), content);
}

HttpResponse LoginPageRenderer::page(int status, std::string body, bool formActionSelf, bool scriptSelf)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    // Page URLs may carry tokens (invitations): never send them on as a referrer.
    response.setHeader("Referrer-Policy", "no-referrer");
    std::string policy = "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                         "base-uri 'none'";
    if (formActionSelf)
        policy += "; form-action 'self'";
    if (scriptSelf)
        policy += "; script-src 'self'";
    response.setHeader("Content-Security-Policy", policy);
    return response;
}

} // namespace trellis::server
