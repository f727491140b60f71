// Headless Chromium (the Debian package) signs in through trellisd's hosted login like a person would:
// authorization code + PKCE for the console client, the password page, TOTP enrolment with a code computed from the
// secret shown on the page, a wrong password, and SSO for a second request. Driven by playwright-core.
// Usage: node login-signin.mjs <path to trellisd>. Exit 77 (skipped) when Chromium or playwright-core is missing.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

import { b64url, base32Decode, check, loadChromium, startCallbackServer, startTrellisd, totp } from './harness.mjs';

const { chromium, chromiumPath } = await loadChromium(console.log);
const trellisd = process.argv[2];
if (!trellisd || !existsSync(trellisd)) {
    console.error('usage: node login-signin.mjs <trellisd>');
    process.exit(2);
}


// trellisd on an ephemeral port with the demo world; the relying party's loopback redirect catches the code.
const trellis = await startTrellisd(trellisd);
const base = trellis.base;
const { callbacks, redirectUri, close: closeCallbacks } = await startCallbackServer();

function authorizeUrl(state, extra = {}) {
    const verifier = b64url(randomBytes(32));
    const params = new URLSearchParams({
        client_id: 'trellis-console', redirect_uri: redirectUri, response_type: 'code', scope: 'openid profile',
        state, nonce: b64url(randomBytes(16)), code_challenge_method: 'S256',
        code_challenge: b64url(createHash('sha256').update(verifier).digest()), ...extra,
    });
    return `${base}/oauth2/authorize?${params}`;
}

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
let failed = false;
try {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();

    // Wrong password: the same message as for an unknown account, focus order identify -> password.
    await page.goto(authorizeUrl('s1'));
    check(await page.locator('h1').textContent() === 'Sign in', 'identify page');
    await page.getByLabel('Email address', { exact: true }).fill('superadmin@northwind.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.locator('#field-password-error');
    check((await error.textContent()).includes('not correct'), 'wrong password message tied to the field');
    check(await page.getByLabel('Password', { exact: true }).getAttribute('aria-describedby') === 'field-password-error',
          'aria-describedby points at the error');

    // Right password, with a second factor requested: enrolment shows a QR code and the secret as text.
    await page.goto(authorizeUrl('s2', { acr_values: 'urn:trellis:acr:mfa' }));
    await page.getByLabel('Email address', { exact: true }).fill('superadmin@northwind.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password', { exact: true }).fill('trellis-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    check(await page.getByRole('img', { name: 'QR code for your authenticator app' }).isVisible(), 'QR code shown');
    const secret = base32Decode(await page.locator('code.secret').textContent());
    check(secret.length === 20, 'secret shown as text for manual entry');
    await page.getByLabel('Authentication code', { exact: true }).fill(totp(secret));
    await page.getByRole('button', { name: 'Verify and finish' }).click();
    await page.waitForURL((url) => url.pathname === '/callback');
    const first = callbacks.at(-1);
    check(first.searchParams.get('state') === 's2' && first.searchParams.get('code'), 'redirected with code and state');

    // SSO: another request in the same browser gets a code without any page.
    await page.goto(authorizeUrl('s3'));
    await page.waitForURL((url) => url.pathname === '/callback');
    check(callbacks.at(-1).searchParams.get('state') === 's3', 'second sign-in answered by the SSO session');

    // A fresh browser profile asks for the TOTP code next time (next time step: the enrolment used this one).
    const fresh = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await fresh.goto(authorizeUrl('s4'));
    check(await fresh.locator('h1').textContent() === 'Anmelden', 'German page for a German browser');
    await fresh.getByLabel('E-Mail-Adresse', { exact: true }).fill('superadmin@northwind.example');
    await fresh.getByRole('button', { name: 'Weiter' }).click();
    await fresh.getByLabel('Passwort', { exact: true }).fill('trellis-demo-2026');
    await fresh.getByRole('button', { name: 'Anmelden' }).click();
    await fresh.getByLabel('Bestätigungscode', { exact: true }).fill(totp(secret, 30));
    await fresh.getByRole('button', { name: 'Bestätigen' }).click();
    await fresh.waitForURL((url) => url.pathname === '/callback');
    check(callbacks.at(-1).searchParams.get('state') === 's4', 'TOTP verification on the next sign-in');
} catch (e) {
    failed = true;
    console.error('not ok - ' + e.message);
} finally {
    await browser.close();
    closeCallbacks();
    await trellis.stop();
}
process.exit(failed ? 1 : 0);
