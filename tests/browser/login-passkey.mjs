// Headless Chromium signs up for and then signs in with a passkey through trellisd's hosted login, using Chromium's
// virtual authenticator (DevTools protocol WebAuthn domain), on a designed journey bound to the root organisation
// through the admin API (started from the starter template passkey-password): password sign-in, creating a passkey,
// then a passwordless sign-in with the passkey alone.
// Usage: node login-passkey.mjs <path to trellisd>. Exit 77 (skipped) when Chromium or playwright-core is missing.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

import { adminApi, b64url, check, freePort, loadChromium, startCallbackServer, startTrellisd } from './harness.mjs';

const { chromium, chromiumPath } = await loadChromium(console.log);
const trellisd = process.argv[2];
if (!trellisd || !existsSync(trellisd)) {
    console.error('usage: node login-passkey.mjs <trellisd>');
    process.exit(2);
}

// Passkeys need a domain as relying party ID (an IP address is refused by browsers), and "localhost" is a secure
// context over plain http: trellisd listens on loopback with the issuer http://localhost:<port>.
// TRELLIS_BROWSER_DATABASE (an empty PostgreSQL database URL) runs the same on PostgreSQL instead of SQLite.
const trellis = await startTrellisd(trellisd, { port: await freePort(), issuerHost: 'localhost' });
const base = trellis.base;

// The platform owner binds the passkey journey to the root organisation, the way the console does: a journey from
// the starter template, published, bound for every application.
const admin = adminApi(trellisd, trellis);
const rootOrg = (await admin('GET', '/api/v1/orgs')).items.find((o) => !o.parentId);
const journey = await admin('POST', `/api/v1/orgs/${rootOrg.id}/flows`,
                            { name: 'Passkey first', template: 'passkey-password' });
await admin('POST', `/api/v1/flows/${journey.id}/publish`, { note: 'Passkeys for everyone' });
await admin('PUT', `/api/v1/orgs/${rootOrg.id}/flow-bindings`, { flowId: journey.id });

const { callbacks, redirectUri, close: closeCallbacks } = await startCallbackServer();

const verifiers = new Map();
function authorizeUrl(state, extra = {}) {
    const verifier = b64url(randomBytes(32));
    verifiers.set(state, verifier);
    const params = new URLSearchParams({
        client_id: 'trellis-console', redirect_uri: redirectUri, response_type: 'code', scope: 'openid profile',
        state, nonce: b64url(randomBytes(16)), code_challenge_method: 'S256',
        code_challenge: b64url(createHash('sha256').update(verifier).digest()),
        ...extra,
    });
    return `${base}/oauth2/authorize?${params}`;
}
// The code's ID token tells how the person signed in ("amr").
async function amrOf(callback) {
    const response = await fetch(`${base}/oauth2/token`, {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code'),
                                    redirect_uri: redirectUri, client_id: 'trellis-console',
                                    code_verifier: verifiers.get(callback.searchParams.get('state')) }),
    });
    const tokens = await response.json();
    if (!tokens.id_token)
        throw new Error('token endpoint: ' + JSON.stringify(tokens));
    const claims = JSON.parse(Buffer.from(tokens.id_token.split('.')[1], 'base64url').toString());
    lastTokens = { accessToken: tokens.access_token, sub: claims.sub };
    return claims.amr;
}
let lastTokens = null;
const api = (method, path) => fetch(`${base}${path}`, {
    method, headers: { Authorization: `Bearer ${lastTokens.accessToken}` } });

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
let failed = false;
try {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    // Chromium's virtual authenticator (DevTools protocol): a platform authenticator with resident keys and user
    // verification that approves every request, like a phone's fingerprint reader.
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', { options: {
        protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
        isUserVerified: true, automaticPresenceSimulation: true } });

    // 1. No passkey yet: the passkey page offers another way; password; then the offer to create a passkey.
    await page.goto(authorizeUrl('p1'));
    check(await page.locator('h1').textContent() === 'Sign in with a passkey', 'passkey page first');
    const csp = (await page.request.get(`${base}/login/flow`)).headers()['content-security-policy'];
    check(csp.includes("script-src 'self'") && !csp.includes('unsafe-inline'), "passkey page allows script from 'self' only");
    await page.getByRole('button', { name: 'Sign in another way' }).click();
    await page.getByLabel('Email address', { exact: true }).fill('superadmin@northwind.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password', { exact: true }).fill('trellis-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    check(await page.locator('h1').textContent() === 'Create a passkey', 'offered to create a passkey');
    await page.getByRole('button', { name: 'Create a passkey' }).click();
    await page.waitForURL((url) => url.pathname === '/callback');
    check(callbacks.at(-1).searchParams.get('state') === 'p1', 'signed in after creating the passkey');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    check(credentials.length === 1 && credentials[0].isResidentCredential, 'a discoverable passkey on the authenticator');
    check(JSON.stringify(await amrOf(callbacks.at(-1))) === '["pwd"]', 'first sign-in used the password');

    // 2. Passwordless: a fresh sign-in (prompt=login skips the SSO session) with the passkey only.
    await page.goto(authorizeUrl('p2', { prompt: 'login' }));
    check(await page.locator('h1').textContent() === 'Sign in with a passkey', 'passkey page again');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL((url) => url.pathname === '/callback');
    check(callbacks.at(-1).searchParams.get('state') === 'p2', 'signed in with the passkey alone');
    const amr = await amrOf(callbacks.at(-1));
    check(amr.includes('hwk') && !amr.includes('pwd'), 'ID token says passkey, no password: ' + JSON.stringify(amr));
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    check(after.credentials[0].signCount >= 1, 'authenticator counted the signature');

    // The admin API lists the passkey and removes it (a lost device); the next sign-in then has none.
    const listed = await (await api('GET', `/api/v1/users/${lastTokens.sub}/passkeys`)).json();
    check(listed.items.length === 1 && listed.items[0].algorithm === 'ES256' && listed.items[0].lastUsedAt,
          'admin API lists the passkey with its last use');
    const removed = await api('DELETE', `/api/v1/users/${lastTokens.sub}/passkeys/${listed.items[0].credentialId}`);
    check(removed.status === 204, 'admin API deletes the passkey');
    const again = await (await api('GET', `/api/v1/users/${lastTokens.sub}/passkeys`)).json();
    check(again.items.length === 0, 'no passkeys left');
    await page.goto(authorizeUrl('p4', { prompt: 'login' }));
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.locator('#passkey-error').waitFor();
    check((await page.locator('#passkey-error').textContent()).includes('could not be used'),
          'the deleted passkey no longer signs in');

    // 3. Another browser (no authenticator, German): German passkey texts, and "another way" leads to identify.
    const fresh = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await fresh.goto(authorizeUrl('p3'));
    check(await fresh.locator('h1').textContent() === 'Mit einem Passkey anmelden', 'German passkey page');
    await fresh.getByRole('button', { name: 'Auf andere Weise anmelden' }).click();
    check(await fresh.locator('h1').textContent() === 'Anmelden', 'another way leads to identify');
} catch (e) {
    failed = true;
    console.error('not ok - ' + e.message);
    for (const p of browser.contexts().flatMap((c) => c.pages()))
        console.error('page ' + p.url() + ': ' + (await p.locator('main').textContent().catch(() => '')));
} finally {
    await browser.close();
    closeCallbacks();
    await trellis.stop();
}
process.exit(failed ? 1 : 0);
