// Headless Chromium signs in through trellisd's hosted login with an organisation's own identity provider: an
// upstream OpenID provider that is not ours (the npm package oidc-provider, started here on loopback with one test
// account). A journey bound to Northwind through the admin API runs identify -> home-realm discovery -> federated
// sign-in with just-in-time provisioning. The first sign-in creates the person with a membership in Northwind; the
// second links to the same person (no duplicate). Both end with a code at the application's callback.
// Usage: node login-federation.mjs <path to trellisd>. Exit 77 (skipped) when Chromium, playwright-core or
// oidc-provider is missing.
import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';

import { b64url, check, freePort, loadChromium, SKIP, startCallbackServer, startTrellisd } from './harness.mjs';

const { chromium, chromiumPath } = await loadChromium(console.log);
let Provider;
try {
    ({ default: Provider } = await import('oidc-provider'));
} catch {
    console.log('SKIPPED: oidc-provider is not installed (run "npm ci" in tests/browser)');
    process.exit(SKIP);
}
const trellisd = process.argv[2];
if (!trellisd || !existsSync(trellisd)) {
    console.error('usage: node login-federation.mjs <trellisd>');
    process.exit(2);
}

// ---- trellisd (SQLite, or PostgreSQL with TRELLIS_BROWSER_DATABASE), issuer http://localhost:<port>
const trellis = await startTrellisd(trellisd, { port: await freePort(), issuerHost: 'localhost' });
const { base, logs, store } = trellis;

// ---- The upstream identity provider: oidc-provider with its own sign-in page and one test account.
const idpPort = await freePort();
const idpIssuer = `http://localhost:${idpPort}`;
const clientSecret = b64url(randomBytes(24));
const account = { id: 'nina-4711', login: 'nina', password: 'upstream-password-1', email: 'nina@nw-staff.example',
                  name: 'Nina Upstream' };
// The upstream's directory (by login); more people join below, once their addresses are known.
const accounts = new Map([[account.login, account]]);
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'upstream-rs256', use: 'sig', alg: 'RS256' };
const provider = new Provider(idpIssuer, {
    clients: [{ client_id: 'trellis-federation', client_secret: clientSecret, response_types: ['code'],
                grant_types: ['authorization_code'], token_endpoint_auth_method: 'client_secret_basic',
                id_token_signed_response_alg: 'RS256',
                redirect_uris: [`${base}/login/federated/callback`] }],
    jwks: { keys: [signingKey] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Scope claims in the ID token itself (trellisd reads the ID token, not userinfo).
    conformIdTokenClaims: false,
    findAccount: async (ctx, id) => {
        const who = [...accounts.values()].find((a) => a.id === id);
        return who && { accountId: id,
                        claims: async () => ({ sub: id, email: who.email, email_verified: true, name: who.name }) };
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: [b64url(randomBytes(32))] },
    pkce: { required: () => true },
});
const upstreamSignIns = [];
const idpServer = createServer(async (req, res) => {
    const url = new URL(req.url, idpIssuer);
    const match = url.pathname.match(/^\/interaction\/([^/]+)$/);
    if (!match)
        return provider.callback()(req, res);
    try {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'consent') {
            // The organisation's own provider trusts its own application: no consent screen.
            const grant = details.grantId ? await provider.Grant.find(details.grantId)
                                          : new provider.Grant({ accountId: details.session.accountId,
                                                                 clientId: details.params.client_id });
            if (details.prompt.details.missingOIDCScope)
                grant.addOIDCScope(details.prompt.details.missingOIDCScope.join(' '));
            if (details.prompt.details.missingOIDCClaims)
                grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
            return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } },
                                                { mergeWithLastSubmission: true });
        }
        if (req.method === 'POST') {
            const body = new URLSearchParams(await new Promise((resolve) => {
                let data = '';
                req.on('data', (c) => { data += c; });
                req.on('end', () => resolve(data));
            }));
            const who = accounts.get(body.get('login'));
            if (who && body.get('password') === who.password) {
                upstreamSignIns.push(who.login);
                return provider.interactionFinished(req, res, { login: { accountId: who.id } },
                                                    { mergeWithLastSubmission: false });
            }
        }
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><title>Partner IdP</title><h1>Partner IdP sign-in</h1>
<p>Hint: ${details.params.login_hint ? 'for ' + String(details.params.login_hint).replace(/[<>&"]/g, '') : 'none'}</p>
<form method="post"><label>Username <input name="login"></label><label>Password <input type="password" name="password"></label>
<button type="submit">Sign in at the partner</button></form>`);
    } catch (e) {
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        res.end('interaction failed: ' + e.message);
    }
});
await new Promise((resolve) => idpServer.listen(idpPort, '127.0.0.1', resolve));

// ---- The application that asked trellisd for a sign-in (a loopback redirect of the console's public client).
const { callbacks, redirectUri, close: closeCallbacks } = await startCallbackServer();
const verifiers = new Map();
function authorizeUrl(state, extra = {}) {
    const verifier = b64url(randomBytes(32));
    verifiers.set(state, verifier);
    const params = new URLSearchParams({
        client_id: 'trellis-console', redirect_uri: redirectUri, response_type: 'code',
        scope: 'openid profile email', state, nonce: b64url(randomBytes(16)), code_challenge_method: 'S256',
        code_challenge: b64url(createHash('sha256').update(verifier).digest()), organization: 'northwind', ...extra,
    });
    return `${base}/oauth2/authorize?${params}`;
}
async function idTokenOf(callback) {
    const response = await fetch(`${base}/oauth2/token`, {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code'),
                                    redirect_uri: redirectUri, client_id: 'trellis-console',
                                    code_verifier: verifiers.get(callback.searchParams.get('state')) }),
    });
    const tokens = await response.json();
    if (!tokens.id_token)
        throw new Error('token endpoint: ' + JSON.stringify(tokens));
    return JSON.parse(Buffer.from(tokens.id_token.split('.')[1], 'base64url').toString());
}

// ---- The admin side: the platform owner's API token (trellisd admin-token), the provider, the journey, the binding.
const tokenRun = spawnSync(trellisd, ['admin-token', ...store, '--user', 'owner@acme.example'], { encoding: 'utf8' });
if (tokenRun.status !== 0)
    throw new Error('admin-token: ' + tokenRun.stderr);
const adminToken = tokenRun.stdout.trim();
async function api(method, path, body) {
    const response = await fetch(`${base}${path}`, {
        method, headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
}
const node = (id, type, outcomes, config = {}) => ({ id, type, config, position: { x: 0, y: 0 }, outcomes });
const journey = {
    format: 1, name: 'Northwind federation', start: 'identify',
    nodes: [
        node('identify', 'identify', { next: 'realm' }),
        node('realm', 'home-realm-discovery', { federated: 'partner-idp', local: 'password', unknown: 'password' }),
        node('partner-idp', 'federated-signin', { success: 'done', failure: 'failed', 'no-account': 'failed' },
             { jitProvisioning: true }),
        node('password', 'password', { success: 'done', failure: 'failed', locked: 'failed', 'not-set': 'failed' }),
        node('done', 'success', {}),
        node('failed', 'failure', {}, { message: 'Sign-in failed.' }),
    ],
};

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
let failed = false;
try {
    const me = await api('GET', '/api/v1/me');
    const acmeId = me.json.rootOrgIds[0];
    const children = await api('GET', `/api/v1/orgs/${acmeId}/children`);
    const northwind = children.json.items.find((o) => o.slug === 'northwind');
    check(northwind, 'Northwind found in the demo world');

    // Two existing people for later: a Northwind member, and a member of the sibling reseller whose domain this
    // provider also claims (nothing stops an admin from claiming a domain nobody else has).
    const staff = (await api('GET', `/api/v1/orgs/${northwind.id}/members?limit=200`)).json.items
        .find((m) => m.status === 'active' && m.user.email !== 'superadmin@northwind.example');
    const sibling = children.json.items.find((o) => o.kind === 'reseller' && o.id !== northwind.id);
    const outsider = (await api('GET', `/api/v1/orgs/${sibling.id}/members?limit=200`)).json.items
        .find((m) => m.status === 'active');
    check(staff && outsider, 'a Northwind member and a member of ' + sibling.name);
    accounts.set('vera', { id: 'vera-1', login: 'vera', password: 'upstream-password-2', email: staff.user.email,
                           name: 'Vera Upstream' });
    accounts.set('mallory', { id: 'mallory-1', login: 'mallory', password: 'upstream-password-3',
                              email: outsider.user.email, name: 'Not Who They Say' });
    const created = await api('POST', `/api/v1/orgs/${northwind.id}/identity-providers`, {
        displayName: 'Northwind staff directory', issuer: idpIssuer, clientId: 'trellis-federation', clientSecret,
        domains: ['nw-staff.example', staff.user.email.split('@')[1], outsider.user.email.split('@')[1]],
        jitProvisioning: true });
    check(created.status === 201 && created.json.redirectUri === `${base}/login/federated/callback`,
          'identity provider configured at Northwind: ' + created.status);
    check(!JSON.stringify(created.json).includes(clientSecret), 'the client secret is not echoed');

    const flow = await api('POST', `/api/v1/orgs/${northwind.id}/flows`, { name: journey.name, document: journey });
    check(flow.status === 201 && flow.json.problems.length === 0, 'journey created without problems');
    const published = await api('POST', `/api/v1/flows/${flow.json.id}/publish`,
                                { note: 'federation', revision: flow.json.draftRevision });
    check(published.status === 201, 'journey published: ' + JSON.stringify(published.json));
    const bound = await api('PUT', `/api/v1/orgs/${northwind.id}/flow-bindings`, { flowId: flow.json.id });
    check(bound.status === 200, 'journey bound at Northwind');

    // 1. First sign-in: identify, off to the partner's provider, its sign-in page, back; the person is provisioned.
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await page.goto(authorizeUrl('f1'));
    await page.getByLabel('Email address', { exact: true }).fill(account.email);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.port === String(idpPort));
    check(await page.locator('h1').textContent() === 'Partner IdP sign-in', 'the partner\'s own sign-in page');
    check((await page.locator('p').textContent()).includes(account.email), 'the typed address went along as login_hint');
    await page.getByLabel('Username').fill(account.login);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in at the partner' }).click();
    await page.waitForURL((url) => url.pathname === '/callback');
    check(callbacks.at(-1).searchParams.get('state') === 'f1' && callbacks.at(-1).searchParams.get('code'),
          'back at the application with a code');
    const first = await idTokenOf(callbacks.at(-1));
    check(first.amr.includes('fed') && first.email === account.email,
          'ID token: federated, the upstream address: ' + JSON.stringify({ amr: first.amr, email: first.email }));

    const members = await api('GET', `/api/v1/orgs/${northwind.id}/members?q=nw-staff.example`);
    check(members.status === 200 && members.json.items.length === 1, 'one new member at Northwind');
    const member = members.json.items[0];
    check(member.user.id === first.sub && member.user.email === account.email && member.source === 'federation',
          'provisioned just in time with a federation membership: ' + JSON.stringify(member.source));
    check(member.user.displayName === account.name, 'display name from the upstream');

    // 2. A later sign-in (prompt=login, another browser): signs in upstream again and lands on the same person.
    const again = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await again.goto(authorizeUrl('f2', { prompt: 'login' }));
    await again.getByLabel('Email address', { exact: true }).fill(account.email);
    await again.getByRole('button', { name: 'Continue' }).click();
    await again.waitForURL((url) => url.port === String(idpPort));
    await again.getByLabel('Username').fill(account.login);
    await again.getByLabel('Password').fill(account.password);
    await again.getByRole('button', { name: 'Sign in at the partner' }).click();
    await again.waitForURL((url) => url.pathname === '/callback');
    const second = await idTokenOf(callbacks.at(-1));
    check(callbacks.at(-1).searchParams.get('state') === 'f2' && second.sub === first.sub, 'the same person again');
    const after = await api('GET', `/api/v1/orgs/${northwind.id}/members?q=nw-staff.example`);
    check(after.json.items.length === 1, 'no duplicate person or membership');
    check(upstreamSignIns.length === 2, 'signed in at the upstream twice');
    const provider2 = await api('GET', `/api/v1/identity-providers/${created.json.id}`);
    check(provider2.json.linkedIdentities === 1, 'one linked upstream identity');

    // 3. A forged return (wrong state) does not sign anyone in.
    const codesSoFar = callbacks.length;
    const forged = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await forged.goto(authorizeUrl('f3', { prompt: 'login' }));
    await forged.getByLabel('Email address', { exact: true }).fill(account.email);
    await forged.getByRole('button', { name: 'Continue' }).click();
    await forged.waitForURL((url) => url.port === String(idpPort));
    await forged.goto(`${base}/login/federated/callback?state=forged&code=whatever&iss=${encodeURIComponent(idpIssuer)}`);
    check(!forged.url().startsWith(redirectUri) && callbacks.length === codesSoFar, 'no code for a forged state');
    check((await forged.locator('main').textContent()).includes('Sign-in failed'), 'the journey failed instead');

    // 4. An existing Northwind member, verified upstream: linked to their own account, no new person.
    const signInUpstream = async (state, email, login, password) => {
        const p = await (await browser.newContext({ locale: 'en-GB' })).newPage();
        await p.goto(authorizeUrl(state, { prompt: 'login' }));
        await p.getByLabel('Email address', { exact: true }).fill(email);
        await p.getByRole('button', { name: 'Continue' }).click();
        await p.waitForURL((url) => url.port === String(idpPort));
        await p.getByLabel('Username').fill(login);
        await p.getByLabel('Password').fill(password);
        await p.getByRole('button', { name: 'Sign in at the partner' }).click();
        await p.waitForURL((url) => url.pathname === '/callback' || url.port === String(trellis.port));
        await p.waitForLoadState();
        return p;
    };
    await signInUpstream('f4', staff.user.email, 'vera', 'upstream-password-2');
    check(callbacks.at(-1).searchParams.get('state') === 'f4', 'the Northwind member got a code');
    check((await idTokenOf(callbacks.at(-1))).sub === staff.user.id, 'linked to their existing account');

    // 5. Someone the upstream vouches for, but who belongs to another organisation: not linked, no code.
    const before = callbacks.length;
    const refused = await signInUpstream('f5', outsider.user.email, 'mallory', 'upstream-password-3');
    check(callbacks.length === before && (await refused.locator('main').textContent()).includes('Sign-in failed'),
          'a member of another organisation is not taken over through this provider');
    const linked = await api('GET', `/api/v1/identity-providers/${created.json.id}`);
    check(linked.json.linkedIdentities === 2, 'two linked upstream identities (nina, the member)');

    // The secret never reached trellisd's log.
    check(!logs.join('').includes(clientSecret), 'the client secret is not in the log');
} catch (e) {
    failed = true;
    console.error('not ok - ' + e.message);
    for (const p of browser.contexts().flatMap((c) => c.pages()))
        console.error('page ' + p.url() + ': ' + (await p.locator('body').textContent().catch(() => '')).slice(0, 500));
    console.error(logs.join('').split('\n').filter((l) => l.includes('federation')).join('\n'));
} finally {
    await browser.close();
    closeCallbacks();
    idpServer.close();
    await trellis.stop();
}
process.exit(failed ? 1 : 0);
