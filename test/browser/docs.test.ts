// The self-hosted docs in a real headless Chromium (Debian's, driven by playwright-core): Swagger UI
// lists the example API and "Try it out" gets a live answer from this server, Redoc renders, and
// no page loads anything from outside 127.0.0.1, fails a request or logs a console error.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { pino } from 'pino';
import { api } from '../../server/petstore/generated/routes.js';
import { ROOT, startServer, type RunningServer } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The machine may be slow: every wait gets a minute. No assertion is about time. */
const WAIT = { timeout: 60_000 };

/** A page, with what it did: requests to anywhere but this server, failed requests, console errors. */
interface Watched {
  page: Page;
  path: string;
  outside: string[];
  failed: string[];
  errors: string[];
}

describe('API docs in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  async function open(path: string): Promise<Watched> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const w: Watched = { page, path, outside: [], failed: [], errors: [] };
    const here = (url: string): boolean => url.startsWith(server.url + '/') || url.startsWith('data:') || url.startsWith('blob:');
    // Anything else is recorded (the test fails on it) and aborted (the test cannot hang on it).
    page.on('request', (r) => void (here(r.url()) || w.outside.push(r.url())));
    await page.route('**/*', (route) => (here(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    page.on('response', (r) => void (r.status() >= 400 && w.failed.push(`${r.status()} ${r.request().method()} ${r.url()}`)));
    page.on('requestfailed', (r) => void (here(r.url()) && w.failed.push(`${r.failure()?.errorText} ${r.url()}`)));
    page.on('console', (m) => void (m.type() === 'error' && w.errors.push(`${m.text()} (${m.location().url})`)));
    page.on('pageerror', (e) => void w.errors.push(`uncaught: ${e.message}`));
    await page.goto(server.url + path, { waitUntil: 'load', ...WAIT });
    return w;
  }

  /** The checks every page ends with, then its screenshot. */
  async function finish(w: Watched, screenshot: string, fullPage = true): Promise<void> {
    const { page, path } = w;
    await page.waitForLoadState('networkidle', WAIT);
    // Chromium fetches the page's icon (/favicon.ico when it names none) outside the page's own
    // requests, and logs a console error if that fails, often after a test has moved on: check it.
    const icon = await page.evaluate<string>(`document.querySelector('link[rel~="icon"]')?.href ?? new URL('/favicon.ico', location.href).href`);
    const iconStatus = (await fetch(icon)).status;
    await page.screenshot({ path: join(ARTIFACTS, screenshot), fullPage });
    await page.close();
    assert.deepEqual(w.outside, [], `${path} requested URLs outside ${server.url}`);
    assert.deepEqual(w.failed, [], `${path} had failed requests`);
    assert.deepEqual(w.errors, [], `${path} logged console errors`);
    assert.equal(iconStatus, 200, `${path}: its icon ${icon} answers ${iconStatus}; Chromium logs that as a console error`);
  }

  /** The Swagger UI block of one operation (deep linking gives each an id: operations-<tag>-<operationId>). */
  const operation = (page: Page, tag: string, operationId: string) => page.locator(`#operations-${tag}-${operationId}`);

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing, so the docs cannot be tested in a browser: install it: apt-get install -y chromium`);
    await mkdir(ARTIFACTS, { recursive: true });
    server = await startServer({ apis: [api], logger: pino({ level: 'silent' }) });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Swagger UI at /docs shows the Petstore title and its operations', async () => {
    const w = await open('/docs');
    const { page } = w;
    const expected: [string, string][] = [['GET', '/pets'], ['POST', '/pets'], ['GET', '/pets/events'], ['GET', '/pets/export'], ['GET', '/pets/{petId}'], ['PATCH', '/pets/{petId}'], ['DELETE', '/pets/{petId}'], ['POST', '/pets/{petId}/photo']];
    await page.locator('.opblock').first().waitFor(WAIT);
    for (const [method, path] of expected) {
      const block = page.locator(`.opblock-${method.toLowerCase()}`).filter({ has: page.locator('.opblock-summary-path').getByText(path, { exact: true }) });
      await block.first().waitFor({ state: 'visible', ...WAIT });
      assert.equal(await block.count(), 1, `${method} ${path}`);
      assert.equal((await block.locator('.opblock-summary-method').innerText()).trim(), method);
    }
    assert.equal(await page.locator('.opblock').count(), expected.length);
    assert.match(await page.locator('.info .title').innerText(), /^Petstore/);
    await finish(w, 'docs.png');
  });

  it('Swagger UI "Try it out" on GET /pets shows a 200 from this server', async () => {
    const w = await open('/docs');
    const op = operation(w.page, 'pets', 'listPets');
    await op.locator('.opblock-summary').click(WAIT);
    await op.locator('button.try-out__btn').click(WAIT);
    await op.locator('button.execute').click(WAIT);
    const status = op.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor(WAIT);
    assert.equal((await status.innerText()).trim(), '200');
    // The relative "/" server the docs add first: the call went here, not to the contract's servers.
    assert.match(await op.locator('.request-url pre').innerText(), new RegExp(`^${server.url}/pets(\\?|$)`));
    const body = await op.locator('.live-responses-table tbody .microlight').first().innerText();
    const pets = JSON.parse(body) as { name: string }[];
    assert.ok(Array.isArray(pets) && pets.some((p) => p.name === 'Tom'), body);
    await op.locator('.request-url').evaluate((el) => el.scrollIntoView()); // the screenshot shows the live response
    await finish(w, 'docs-try-it-out.png', false);
  });

  it('Swagger UI "Authorize" with the API key lets "Try it out" create a pet (201)', async () => {
    const w = await open('/docs');
    const { page } = w;
    await page.locator('button.authorize').first().click(WAIT);
    const modal = page.locator('.modal-ux');
    await modal.getByText('apiKey').first().waitFor(WAIT);
    assert.match(await modal.innerText(), /bearerAuth/);
    await modal.locator('input[type="text"], input[type="password"]').first().fill('specfirst-example-key');
    await modal.locator('button.modal-btn.auth.authorize').first().click(WAIT);
    await modal.locator('button.btn-done').first().click(WAIT);
    const op = operation(page, 'pets', 'createPet');
    await op.locator('.opblock-summary').click(WAIT);
    await op.locator('button.try-out__btn').click(WAIT);
    await op.locator('button.execute').click(WAIT);
    const status = op.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor(WAIT);
    const body = await op.locator('.live-responses-table tbody .microlight').first().innerText();
    assert.equal((await status.innerText()).trim(), '201', body);
    await op.locator('.request-url').evaluate((el) => el.scrollIntoView());
    await finish(w, 'docs-authorize.png', false);
  });

  it('Redoc at /redoc shows the Petstore title and its operations', async () => {
    const w = await open('/redoc');
    const { page } = w;
    await page.locator('h2', { hasText: 'List pets' }).first().waitFor({ state: 'visible', ...WAIT });
    assert.match(await page.locator('h1').first().innerText(), /^Petstore/);
    for (const summary of ['List pets', 'Create a pet', 'Get a pet by id']) {
      assert.ok(await page.locator('h2').getByText(summary, { exact: true }).first().isVisible(), summary);
    }
    await finish(w, 'redoc.png', false); // Redoc's full page is the whole reference: the first screen says enough
  });
});
