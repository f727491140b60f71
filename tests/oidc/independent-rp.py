#!/usr/bin/python3
"""A relying party that is not ours: Authlib (Debian's python3-authlib) signs in to trellisd knowing only the
issuer URL. It reads the discovery document, runs authorization code + PKCE S256 as the public client
trellis-console with a loopback redirect, plays the browser on the hosted pages with a plain HTML form filler,
exchanges the code, and verifies the ID and access tokens against the published JWKS with Authlib's own JOSE code.

Usage: independent-rp.py ISSUER EMAIL PASSWORD. Prints one JSON line with what it verified; exits 0 on success,
1 on any failure (with the reason on stderr), 77 when Authlib or requests is missing.
"""
import html.parser
import json
import secrets
import sys
import urllib.parse

try:
    import requests
    from authlib.integrations.requests_client import OAuth2Session
    from authlib.jose import JsonWebKey, jwt
except ImportError as missing:  # the test reports this as a skip, with the reason
    print(f"skipped: {missing} (apt-get install python3-authlib python3-requests)", file=sys.stderr)
    sys.exit(77)

REDIRECT_URI = "http://127.0.0.1:53682/callback"  # loopback: any port is accepted for native clients (RFC 8252)


class FormReader(html.parser.HTMLParser):
    """The first form of a page: its action and its inputs (name, type, value)."""

    def __init__(self):
        super().__init__()
        self.action = None
        self.inputs = []
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.action is None:
            self.action = attrs.get("action", "")
            self._in_form = True
        elif tag == "input" and self._in_form and attrs.get("name"):
            self.inputs.append((attrs["name"], attrs.get("type", "text"), attrs.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False


def fail(message):
    print(f"independent RP: {message}", file=sys.stderr)
    sys.exit(1)


def browse_to_callback(browser, url, email, password):
    """Follows redirects and fills forms like a person would, until the server redirects to REDIRECT_URI."""
    response = browser.get(url, allow_redirects=False)
    for _ in range(20):
        if response.status_code in (301, 302, 303, 307):
            location = urllib.parse.urljoin(response.url, response.headers["Location"])
            if location.startswith(REDIRECT_URI):
                return location
            response = browser.get(location, allow_redirects=False)
            continue
        if response.status_code != 200:
            fail(f"unexpected answer {response.status_code} at {response.url}: {response.text[:300]}")
        form = FormReader()
        form.feed(response.text)
        if form.action is None:
            fail("a sign-in page without a form: " + response.text[:300])
        fields = {}
        for name, kind, value in form.inputs:
            if kind == "email" or name in ("username", "email"):
                fields[name] = email
            elif kind == "password":
                fields[name] = password
            else:
                fields[name] = value
        previous = response.text
        response = browser.post(urllib.parse.urljoin(response.url, form.action), data=fields, allow_redirects=False)
        if response.status_code == 200 and response.text == previous:
            fail("the same page came back: the sign-in was refused")
    fail("no redirect back to the application after twenty pages")


def main():
    if len(sys.argv) != 4:
        fail("usage: independent-rp.py ISSUER EMAIL PASSWORD")
    issuer, email, password = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]

    discovery = requests.get(issuer + "/.well-known/openid-configuration", timeout=10).json()
    if discovery.get("issuer") != issuer:
        fail(f"discovery names issuer {discovery.get('issuer')!r}, expected {issuer!r}")
    if "S256" not in discovery.get("code_challenge_methods_supported", []):
        fail("discovery does not offer PKCE S256")
    jwks = JsonWebKey.import_key_set(requests.get(discovery["jwks_uri"], timeout=10).json())

    client = OAuth2Session("trellis-console", scope="openid email profile", redirect_uri=REDIRECT_URI,
                           code_challenge_method="S256", token_endpoint_auth_method="none")
    verifier = secrets.token_urlsafe(48)
    nonce = secrets.token_urlsafe(16)
    authorize_url, state = client.create_authorization_url(discovery["authorization_endpoint"],
                                                           code_verifier=verifier, nonce=nonce)
    callback = browse_to_callback(requests.Session(), authorize_url, email, password)

    token = client.fetch_token(discovery["token_endpoint"], authorization_response=callback, code_verifier=verifier,
                               state=state)

    id_claims = jwt.decode(token["id_token"], jwks,
                           claims_options={"iss": {"essential": True, "value": issuer},
                                           "aud": {"essential": True, "value": "trellis-console"},
                                           "nonce": {"essential": True, "value": nonce}})
    id_claims.validate()
    access_claims = jwt.decode(token["access_token"], jwks,
                               claims_options={"iss": {"essential": True, "value": issuer}})
    access_claims.validate()
    if id_claims.get("email") != email or access_claims.get("sub") != id_claims.get("sub"):
        fail("the tokens do not name the person who signed in")

    userinfo = client.get(discovery["userinfo_endpoint"], timeout=10).json()
    if userinfo.get("sub") != id_claims["sub"]:
        fail("userinfo names someone else")
    print(json.dumps({"issuer": issuer, "sub": id_claims["sub"], "email": id_claims["email"],
                      "id_token_alg": jwt.decode(token["id_token"], jwks).header["alg"],
                      "refresh_token": "refresh_token" in token}))


if __name__ == "__main__":
    main()
