// A person at a browser, driven by a test line by line: headless Chromium (the Debian package, through
// playwright-core) that signs in on trellisd's hosted login and answers whatever screen the journey shows, the way
// a person would — email address, password, the passkey prompt (Chromium's virtual authenticator, DevTools protocol),
// the link or code sent by email (read from trellisd's outbox with an admin token), an authenticator app (the secret
// shown when one is set up is kept per person, its codes computed). It reports which steps of the
// journey it went through, so a test can check that a real sign-in follows a journey designed in the console.
//
// Usage: node journey-browser.mjs <base URL, e.g. http://localhost:PORT>
// Environment: TRELLIS_ADMIN_TOKEN (reads the outbox), TRELLIS_OUTBOX_ORG (organisation id whose outbox holds the
// emails), TRELLIS_PASSWORD (default: the demo password), TRELLIS_CHROMIUM.
// Protocol: prints {"ready": true} once Chromium runs, then reads one JSON command per line on stdin and answers each
// with one JSON line on stdout:
//   {"op": "signin", "browser": NAME, "email": ADDRESS}
//     -> {"ok": true, "steps": [{"node": ID, "kind": KIND}, ...], "amr": [...]}
//     -> {"ok": false, "error": TEXT, "steps": [...], "page": TEXT}
//   Each browser NAME is its own profile (cookies, known device) with its own virtual authenticator, kept between
//   commands: a second sign-in in the same browser is a returning device that may hold a passkey.
//   {"op": "quit"}
// Exit 77 (skipped) when Chromium or playwright-core is missing, before "ready".
import { createHash, randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';

import { b64url, base32Decode, loadChromium, startCallbackServer, totp } from './harness.mjs';

const { chromium, chromiumPath } = await loadChromium();
const base = process.argv[2];
if (!base || !URL.canParse(base)) {
    console.error('usage: node journey-browser.mjs <base URL>');
    process.exit(2);
}
const adminToken = process.env.TRELLIS_ADMIN_TOKEN || '';
const outboxOrg = process.env.TRELLIS_OUTBOX_ORG || '';
const password = process.env.TRELLIS_PASSWORD || 'trellis-demo-2026';
const stepTimeout = 15000;

// The application the sign-ins are for: the console's public client, with a loopback redirect caught here.
const { callbacks, redirectUri, close: closeCallbacks } = await startCallbackServer();
const verifiers = new Map();
let signIns = 0;
function authorizeUrl() {
    const state = 's' + ++signIns;
    const verifier = b64url(randomBytes(32));
    verifiers.set(state, verifier);
    // prompt=login: every sign-in runs the journey, not the single sign-on session of the previous one.
    const params = new URLSearchParams({
        client_id: 'trellis-console', redirect_uri: redirectUri, response_type: 'code', scope: 'openid profile',
        state, nonce: b64url(randomBytes(16)), code_challenge_method: 'S256', prompt: 'login',
        code_challenge: b64url(createHash('sha256').update(verifier).digest()),
    });
    return `${base}/oauth2/authorize?${params}`;
}
async function amrOf(callback) {
    const response = await fetch(`${base}/oauth2/token`, {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code'),
                                    redirect_uri: redirectUri, client_id: 'trellis-console',
                                    code_verifier: verifiers.get(callback.searchParams.get('state')) }),
    });
    const tokens = await response.json();
    if (!tokens.id_token)
        throw new Error('token endpoint: ' + (tokens.error || response.status));
    return JSON.parse(Buffer.from(tokens.id_token.split('.')[1], 'base64url').toString()).amr || [];
}

// The mailbox: the newest outbox email to `to` that this script has not read yet.
const readEmails = new Set();
async function nextEmail(to) {
    const deadline = Date.now() + stepTimeout;
    while (Date.now() < deadline) {
        const response = await fetch(`${base}/api/v1/outbox?orgId=${encodeURIComponent(outboxOrg)}&limit=50`,
                                     { headers: { Authorization: `Bearer ${adminToken}` } });
        if (!response.ok)
            throw new Error(`outbox: HTTP ${response.status}`);
        const { items } = await response.json();
        const email = items.find((e) => e.to === to && !readEmails.has(e.id));
        if (email) {
            readEmails.add(email.id);
            return email;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('no new email to ' + to + ' in the outbox');
}

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
const profiles = new Map();
async function profile(name) {
    if (!profiles.has(name)) {
        const context = await browser.newContext({ locale: 'en-GB' });
        const page = await context.newPage();
        page.setDefaultTimeout(stepTimeout);
        const cdp = await context.newCDPSession(page);
        await cdp.send('WebAuthn.enable');
        const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', { options: {
            protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
            isUserVerified: true, automaticPresenceSimulation: true } });
        profiles.set(name, { page, cdp, authenticatorId });
    }
    return profiles.get(name);
}

// Which screen is showing, from what is on it (the node id names the step of the journey).
async function screenOf(page) {
    const node = await page.locator('input[name="node"]').first().getAttribute('value', { timeout: 2000 })
        .catch(() => null);
    if (node === null)
        return null;
    const has = async (selector) => (await page.locator(selector).count()) > 0;
    let kind = 'unknown';
    if (await has('#passkey-form'))
        kind = (await page.locator('#passkey-form').getAttribute('data-ceremony')) === 'get' ? 'passkey-signin'
                                                                                             : 'passkey-enrol';
    else if (await has('button[name="action"][value="resend"]') && await has('button[name="action"][value="continue"]'))
        kind = 'magic-link';
    else if (await has('button[name="action"][value="verify"]'))
        kind = 'email-code';
    else if (await has('[data-secret]'))
        kind = 'totp-enrol';
    else if (await has('input[name="code"]'))
        kind = 'totp-verify';
    else if (await has('input[type="password"]'))
        kind = 'password';
    else if (await has('input[name="email"]'))
        kind = 'identify';
    return { node, kind };
}

// Runs `action` and waits until the page it caused has loaded (a new document, wherever it is).
async function andWait(page, action) {
    await page.evaluate(() => { window.__journeyStep = true; });
    await action();
    await page.waitForFunction(() => window.__journeyStep === undefined, null, { timeout: stepTimeout });
    await page.waitForLoadState('load');
}

// The person's authenticator app: the secret from setting it up, and the last time step used (the server takes each
// step's code once, so a second sign-in within the same 30 seconds waits for the next one).
const authenticators = new Map();
async function authenticatorCode(email) {
    const app = authenticators.get(email);
    if (!app)
        throw new Error('asked for an authenticator code before one was set up');
    let step = Math.floor(Date.now() / 30000);
    if (step <= app.lastStep) {
        await new Promise((resolve) => setTimeout(resolve, (app.lastStep + 1) * 30000 - Date.now() + 200));
        step = Math.floor(Date.now() / 30000);
    }
    app.lastStep = step;
    return totp(app.secret);
}

async function signIn({ browser: name, email }) {
    const { page, cdp, authenticatorId } = await profile(name);
    const steps = [];
    const before = callbacks.length;
    try {
        await page.goto(authorizeUrl());
        for (let i = 0; i < 12; ++i) {
            if (callbacks.length > before && new URL(page.url()).pathname === '/callback')
                return { ok: true, steps, amr: await amrOf(callbacks.at(-1)) };
            const screen = await screenOf(page);
            if (!screen)
                throw new Error('a page that is not a step of the journey');
            const previous = steps.at(-1);
            if (previous && previous.node === screen.node && screen.kind !== 'magic-link')
                throw new Error(`the ${screen.kind} step came back: the answer was refused`);
            steps.push(screen);
            switch (screen.kind) {
            case 'identify':
                await page.locator('input[name="email"]').fill(email);
                await andWait(page, () => page.locator('button[type="submit"]').first().click());
                break;
            case 'password':
                await page.locator('input[type="password"]').fill(password);
                await andWait(page, () => page.locator('button[type="submit"]').first().click());
                break;
            case 'passkey-signin': {
                const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
                const button = credentials.length > 0 ? '#passkey-start' : '#passkey-fallback';
                await andWait(page, () => page.locator(button).click());
                break;
            }
            case 'passkey-enrol':
                await andWait(page, () => page.locator('#passkey-start').click());
                break;
            case 'magic-link': {
                const link = (await nextEmail(email)).text.match(/https?:\/\/\S+\/login\/magic\?token=\S+/);
                if (!link)
                    throw new Error('the email has no sign-in link');
                // Opened in the same browser, the link continues the sign-in right here.
                await andWait(page, () => page.goto(link[0]));
                break;
            }
            case 'email-code': {
                const code = (await nextEmail(email)).text.match(/\b(\d{6,8})\b/);
                if (!code)
                    throw new Error('the email has no code');
                await page.locator('input[name="code"]').fill(code[1]);
                await andWait(page, () => page.locator('button[name="action"][value="verify"]').click());
                break;
            }
            case 'totp-enrol': {
                const secret = await page.locator('[data-secret]').getAttribute('data-secret');
                authenticators.set(email, { secret: base32Decode(secret), lastStep: 0 });
                await page.locator('input[name="code"]').fill(await authenticatorCode(email));
                await andWait(page, () => page.locator('button[type="submit"]').first().click());
                break;
            }
            case 'totp-verify':
                await page.locator('input[name="code"]').fill(await authenticatorCode(email));
                await andWait(page, () => page.locator('button[type="submit"]').first().click());
                break;
            default:
                throw new Error('a screen this browser cannot answer: ' + screen.node);
            }
        }
        throw new Error('the journey did not end within 12 screens');
    } catch (e) {
        const text = await page.locator('main').textContent({ timeout: 2000 }).catch(() => '');
        return { ok: false, error: e.message, steps, page: text.replace(/\s+/g, ' ').trim().slice(0, 500) };
    }
}

const reply = (value) => process.stdout.write(JSON.stringify(value) + '\n');
reply({ ready: true });
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
    if (!line.trim())
        continue;
    let command;
    try {
        command = JSON.parse(line);
    } catch {
        reply({ ok: false, error: 'not a JSON command' });
        continue;
    }
    if (command.op === 'quit')
        break;
    if (command.op === 'signin')
        reply(await signIn(command));
    else
        reply({ ok: false, error: 'unknown op ' + command.op });
}
await browser.close();
closeCallbacks();
process.exit(0);
