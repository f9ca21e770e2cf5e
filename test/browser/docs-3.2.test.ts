// The self-hosted docs of an OpenAPI 3.2 contract (test/fixtures/oas-3.2/pets.yaml) in a real
// headless Chromium: Swagger UI at /docs (5.35 reads 3.2 itself) lists every operation, QUERY and
// additionalOperations included; Redoc at /redoc renders the contract, and names in its
// description the operations it cannot show (Redoc 2.5 renders seven methods). Both show the 3.2
// security fields (device flow, metadata URL, deprecated) in the schemes' descriptions. No
// console error on either.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fixture, serveGenerated, type Served } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The machine may be slow: every wait gets a minute. No assertion is about time. */
const WAIT = { timeout: 60_000 };

describe('API docs of an OpenAPI 3.2 contract in headless Chromium', () => {
  let served: Served;
  let browser: Browser;

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => void errors.push(`uncaught: ${e.message}`));
    page.on('console', (m) => void (m.type() === 'error' && !m.text().includes('favicon') && errors.push(m.text())));
    await page.goto(served.url + path, { waitUntil: 'load', ...WAIT });
    return { page, errors };
  }

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
    served = await serveGenerated(fixture('oas-3.2', 'pets.yaml'), {}, 'docs-3.2');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  it('Swagger UI at /docs shows the 3.2 contract and its operations', async () => {
    const { page, errors } = await open('/docs');
    await page.locator('.information-container .title').filter({ hasText: 'Pets 3.2' }).waitFor(WAIT);
    const text = await page.locator('.swagger-ui').innerText();
    await page.close();
    assert.doesNotMatch(text, /Unable to render this definition/);
    assert.match(text, /OAS 3\.2/);
    assert.match(text, /QUERY\s+\/pets\/search/);
    assert.match(text, /COPY\s+\/pets\/\{id\}/);
    assert.match(text, /GET\s+\/pets\/find/);
    assert.deepEqual(errors, []);
  });

  it("Swagger UI's Authorize dialog shows the 3.2 security fields", async () => {
    const { page, errors } = await open('/docs');
    await page.locator('button.authorize').first().click(WAIT);
    const modal = page.locator('.modal-ux');
    await modal.getByText('legacyKey').first().waitFor(WAIT);
    const text = await modal.innerText();
    await page.close();
    assert.match(text, /OAuth 2\.0 device authorization flow: device authorization URL https:\/\/auth\.example\.com\/device/);
    assert.match(text, /authorization server metadata: https:\/\/auth\.example\.com\/\.well-known\/oauth-authorization-server/);
    assert.match(text, /Deprecated/);
    assert.deepEqual(errors, []);
  });

  it('Redoc at /redoc renders the 3.2 contract, naming the operations it cannot show, and the 3.2 security fields', async () => {
    const { page, errors } = await open('/redoc');
    await page.locator('h1').filter({ hasText: 'Pets 3.2' }).waitFor(WAIT);
    const text = await page.locator('body').innerText();
    await page.close();
    assert.match(text, /The whole query string is one form-encoded filter/);
    assert.match(text, /Operations this page does not show/);
    assert.match(text, /QUERY \/pets\/search — searchPets/);
    assert.match(text, /COPY \/pets\/\{id\} — copyPet/);
    assert.match(text, /OAuth 2\.0 device authorization flow/);
    assert.match(text, /Deprecated/);
    assert.deepEqual(errors, []);
  });
});
