// The docs pages in a real headless Chromium (Debian's, driven by playwright-core): Swagger UI at
// /docs lists the example API and "Try it out" → "Execute" gets a live 200 from this server; Redoc
// at /redoc renders. No request may leave 127.0.0.1 (everything is self-hosted) and no console
// errors may appear. Screenshots go to test/artifacts/ for a person to look at.
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

describe('docs in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const outside: string[] = [];
  const consoleErrors: string[] = [];

  /** A page that records (and blocks) any request leaving this server, and every console error. */
  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(server.url).origin;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(`${path}: ${m.text()}`));
    page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
    await page.goto(server.url + path, { waitUntil: 'load' });
    return page;
  }

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install it with apt-get install -y chromium`);
    await mkdir(ARTIFACTS, { recursive: true });
    server = await startServer({ apis: [api], logger: pino({ level: 'silent' }) });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Swagger UI at /docs lists the example API operations', async () => {
    const page = await open('/docs');
    await page.locator('.opblock-summary-path', { hasText: '/pets/{petId}/photo' }).first().waitFor({ timeout: 60_000 });
    const paths = await page.locator('.opblock-summary-path').allInnerTexts();
    for (const p of ['/pets', '/pets/{petId}', '/pets/{petId}/photo']) assert.ok(paths.some((t) => t.trim() === p), `${p} in ${paths}`);
    assert.match(await page.locator('.info .title').innerText(), /Petstore/);
    await page.screenshot({ path: join(ARTIFACTS, 'docs.png'), fullPage: true });
    await page.close();
  });

  it('Swagger UI "Try it out" on GET /pets shows a 200 from this server', async () => {
    const page = await open('/docs');
    const op = page.locator('.opblock-get', { has: page.locator('.opblock-summary-path', { hasText: /^\/pets$/ }) }).first();
    await op.locator('.opblock-summary').click({ timeout: 60_000 });
    await op.locator('button.try-out__btn').click({ timeout: 60_000 });
    await op.locator('button.execute').click({ timeout: 60_000 });
    const status = op.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor({ timeout: 60_000 });
    assert.equal((await status.innerText()).trim(), '200');
    assert.match(await op.locator('.live-responses-table .microlight').first().innerText(), /"name": "Tom"/);
    await page.screenshot({ path: join(ARTIFACTS, 'docs-try-it-out.png'), fullPage: true });
    await page.close();
  });

  it('Swagger UI "Authorize" with the API key lets "Try it out" create a pet (201)', async () => {
    const page = await open('/docs');
    await page.locator('button.authorize').first().click({ timeout: 60_000 });
    const modal = page.locator('.modal-ux');
    await modal.getByText('apiKey', { exact: false }).first().waitFor({ timeout: 60_000 });
    assert.match(await modal.innerText(), /bearerAuth/);
    await modal.locator('input[type="text"], input[type="password"]').first().fill('specfirst-example-key');
    await modal.locator('button.modal-btn.auth.authorize').first().click();
    await modal.locator('button.btn-done').first().click();
    const op = page.locator('.opblock-post', { has: page.locator('.opblock-summary-path', { hasText: /^\/pets$/ }) }).first();
    await op.locator('.opblock-summary').click({ timeout: 60_000 });
    await op.locator('button.try-out__btn').click({ timeout: 60_000 });
    await op.locator('button.execute').click({ timeout: 60_000 });
    const status = op.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'docs-authorize.png'), fullPage: true });
    assert.equal((await status.innerText()).trim(), '201', await op.locator('.live-responses-table .microlight').first().innerText());
    await page.close();
  });

  it('Redoc at /redoc renders the example API', async () => {
    const page = await open('/redoc');
    await page.locator('h2', { hasText: 'List pets' }).first().waitFor({ timeout: 60_000 });
    assert.match(await page.locator('h1').first().innerText(), /Petstore/);
    await page.screenshot({ path: join(ARTIFACTS, 'redoc.png') });
    await page.close();
  });

  it('no request left 127.0.0.1 and no console error appeared', () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(consoleErrors, []);
  });
});
