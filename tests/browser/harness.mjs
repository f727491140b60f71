// What the browser tests share: Chromium through playwright-core (or exit 77, "skipped", with the reason when either
// is missing), trellisd started on loopback with the demo world, and small helpers.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SKIP = 77;

/// Debian's Chromium and playwright-core, or exit SKIP after saying which is missing (on stderr, or with `say`).
export async function loadChromium(say = console.error) {
    const chromiumPath =
        process.env.TRELLIS_CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
    if (!chromiumPath) {
        say('SKIPPED: no Chromium found (install the Debian package "chromium" or set TRELLIS_CHROMIUM)');
        process.exit(SKIP);
    }
    try {
        const { chromium } = await import('playwright-core');
        return { chromium, chromiumPath };
    } catch {
        say('SKIPPED: playwright-core is not installed (run "npm ci" in tests/browser)');
        process.exit(SKIP);
    }
}

export const b64url = (buf) => buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/// Fails the test with `message` unless `condition`; prints "ok - message" otherwise.
export function check(condition, message) {
    if (!condition)
        throw new Error(message);
    console.log('ok - ' + message);
}

/// A free loopback port (for an issuer that must be known before trellisd starts).
export function freePort() {
    return new Promise((resolve) => {
        const probe = createServer();
        probe.listen(0, '127.0.0.1', () => {
            const p = probe.address().port;
            probe.close(() => resolve(p));
        });
    });
}

/// trellisd with the demo world on loopback: `port` 0 picks one; `issuerHost` "localhost" gives the issuer
/// http://localhost:PORT (passkeys need a host name). TRELLIS_BROWSER_DATABASE (an empty PostgreSQL database URL)
/// runs on PostgreSQL instead of a temporary SQLite directory. Returns {base, port, store, logs, stop()}.
export async function startTrellisd(trellisd, { port = 0, issuerHost = null, extra = [] } = {}) {
    const dataDir = mkdtempSync(join(tmpdir(), 'trellis-browser-'));
    const store = process.env.TRELLIS_BROWSER_DATABASE ? ['--database', process.env.TRELLIS_BROWSER_DATABASE]
                                                       : ['--data-dir', dataDir];
    const issuer = issuerHost ? ['--issuer', `http://${issuerHost}:${port}`] : [];
    const server = spawn(trellisd, ['--listen', `127.0.0.1:${port}`, ...issuer, ...store, '--demo', ...extra],
                         { stdio: ['ignore', 'pipe', 'pipe'] });
    const logs = [];
    const listening = await new Promise((resolve, reject) => {
        let buffer = '';
        const timer = setTimeout(() => reject(new Error('trellisd did not start')), 120000);
        let announced = false;
        // Everything trellisd prints is kept (a test may check what its log never says).
        const onData = (chunk) => {
            logs.push(String(chunk));
            if (announced)
                return;
            buffer += chunk;
            for (const line of buffer.split('\n')) {
                try {
                    const event = JSON.parse(line);
                    if (event.event === 'listening') {
                        announced = true;
                        clearTimeout(timer);
                        resolve(event.port);
                    }
                } catch { /* not a whole JSON line yet */ }
            }
        };
        // The "listening" announcement goes to stdout, the JSON log to stderr; read both.
        server.stdout.on('data', onData);
        server.stderr.on('data', onData);
        server.on('exit', (code) => reject(new Error('trellisd exited with ' + code)));
    });
    return {
        logs,
        port: listening,
        base: `http://${issuerHost || '127.0.0.1'}:${listening}`,
        store,
        async stop() {
            server.kill('SIGTERM');
            await new Promise((resolve) => server.on('exit', resolve));
            if (!process.env.TRELLIS_KEEP_DATA)
                rmSync(dataDir, { recursive: true, force: true });
            else
                console.error('data: ' + dataDir);
        },
    };
}

/// The relying party's loopback redirect (RFC 8252): records every /callback it receives (not the favicon).
export async function startCallbackServer() {
    const callbacks = [];
    const rp = createServer((req, res) => {
        const url = new URL(req.url, 'http://127.0.0.1');
        if (url.pathname === '/callback')
            callbacks.push(url);
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('You can close this tab.');
    });
    await new Promise((resolve) => rp.listen(0, '127.0.0.1', resolve));
    return { callbacks, redirectUri: `http://127.0.0.1:${rp.address().port}/callback`, close: () => rp.close() };
}

/// The admin API as `email` (an admin token from `trellisd admin-token`): admin(method, path, body) returns the
/// parsed JSON answer and throws with the server's words on an error status.
export function adminApi(trellisd, trellis, email = 'owner@acme.example') {
    const token = execFileSync(trellisd, ['admin-token', ...trellis.store, '--user', email, '--ttl', '1h'])
        .toString().trim();
    return async (method, path, body) => {
        const response = await fetch(`${trellis.base}${path}`, {
            method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body) });
        const text = await response.text();
        if (!response.ok)
            throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
        return text ? JSON.parse(text) : {};
    };
}

/// The bytes of a base32 secret as an authenticator app reads it (RFC 4648 §6; spaces ignored).
export function base32Decode(text) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    let bits = 0, value = 0;
    const out = [];
    for (const c of text.replace(/\s+/g, '').toUpperCase()) {
        value = (value << 5) | alphabet.indexOf(c);
        bits += 5;
        if (bits >= 8) {
            out.push((value >>> (bits - 8)) & 255);
            bits -= 8;
        }
    }
    return Buffer.from(out);
}
/// The six-digit TOTP code (RFC 6238, SHA-1, 30 s) of `secret` now, or `offsetSeconds` from now.
export function totp(secret, offsetSeconds = 0) {
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(Math.floor((Date.now() / 1000 + offsetSeconds) / 30)));
    const mac = createHmac('sha1', secret).update(counter).digest();
    const o = mac[mac.length - 1] & 15;
    return String((mac.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, '0');
}
