// The browser step of the console's sign-in, done by headless Chromium (the Debian package) through playwright-core:
// opens the authorize URL the console would hand to the system browser, signs in on trellisd's hosted pages with a
// demo account and lets Chromium follow the redirect to the console's own loopback listener (the console, not this
// script, catches the code). Prints the final page as one JSON line on stdout: {"url": ..., "status": ..., "text": ...}
// (the URL without its query, so no code ends up in logs).
// Usage: node console-browser-step.mjs <authorize URL>. Environment: TRELLIS_EMAIL, TRELLIS_PASSWORD (default: the
// README's demo owner), TRELLIS_CHROMIUM. Exit 0 on the listener's page, 1 on failure, 77 (skipped) when Chromium or
// playwright-core is missing.
import { loadChromium } from './harness.mjs';

const { chromium, chromiumPath } = await loadChromium();
const start = process.argv[2];
if (!start || !URL.canParse(start)) {
    console.error('usage: node console-browser-step.mjs <authorize URL>');
    process.exit(2);
}
const email = process.env.TRELLIS_EMAIL || 'owner@acme.example';
const password = process.env.TRELLIS_PASSWORD || 'trellis-demo-2026';
const stepTimeout = 15000;

// Whatever hangs (a page that never comes, Chromium itself), the caller gets an answer well before its own limit.
const watchdog = setTimeout(() => {
    console.error('not ok - the browser step took longer than 45 s');
    process.exit(1);
}, 45000);

const isCallback = (url) => url.hostname === '127.0.0.1' && url.pathname === '/callback';
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
let page;
let failed = false;
try {
    const context = await browser.newContext({ locale: 'en-GB' });
    context.setDefaultTimeout(stepTimeout);
    page = await context.newPage();
    // The listener's answer, as Chromium got it (status is not visible from the page otherwise).
    let callbackStatus = 0;
    page.on('response', (response) => {
        if (isCallback(new URL(response.url())))
            callbackStatus = response.status();
    });

    await page.goto(start);
    await page.getByLabel('Email address', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(isCallback, { waitUntil: 'load' });

    const url = new URL(page.url());
    const text = (await page.locator('body').innerText()).trim();
    console.log(JSON.stringify({ url: url.origin + url.pathname, status: callbackStatus, text }));
} catch (e) {
    failed = true;
    let where = '';
    try {
        where = page ? ` (at ${new URL(page.url()).pathname}: ${(await page.locator('body').innerText()).slice(0, 300)})` : '';
    } catch { /* the page is gone too */ }
    console.error('not ok - ' + e.message.split('\n')[0] + where);
} finally {
    await browser.close();
    clearTimeout(watchdog);
}
process.exit(failed ? 1 : 0);
