// End-to-end: the built web app, served by the real server, in the system Chromium.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { loadTestSettings } from '../../src/config.ts';
import { seedDemoTenant } from '../../src/modules/identity/index.ts';
import { createTestApp, type TestApp } from '../../src/platform/http/testing.ts';
import { WEB_DIST } from '../../src/platform/http/web.ts';

const { chromiumPath } = loadTestSettings();
const DEMO_PASSWORD = 'demo-pass-1';

describe('web app in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  before(async () => {
    assert.ok(existsSync(`${WEB_DIST}/index.html`), 'web app not built: run `npm run build:web`');
    assert.ok(
      existsSync(chromiumPath),
      `no browser at ${chromiumPath}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
    t = await createTestApp();
    await seedDemoTenant(t.database.db, { password: DEMO_PASSWORD }, () => {});
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the status page reports the database ready and the server version', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (err) => failures.push(err.message));
    await page.goto(`${baseUrl}/`);
    const status = page.getByTestId('ready-status');
    await status.waitFor({ timeout: 15_000 });
    assert.equal(await status.textContent(), 'ready');
    assert.equal(
      await page.getByTestId('db-driver').textContent(),
      t.database.driver === 'pglite' ? 'pglite' : 'postgres',
    );
    assert.match(
      (await page.getByTestId('server-version').textContent()) ?? '',
      new RegExp(t.config.version),
    );
    assert.deepEqual(failures, []);
    await page.close();
  });

  test('navigation reaches every module page and deep links load', async () => {
    const page = await browser.newPage();
    // Module pages need a signed-in user; the status page does not.
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Email').fill('viewer@demo.local');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/`);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: /Plant operations/ }).click();
    await page.waitForURL(`${baseUrl}/plant`);
    assert.equal(
      await nav.getByRole('link', { name: /Plant operations/ }).getAttribute('aria-current'),
      'page',
    );
    await page.goBack();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByTestId('ready-status').waitFor();

    const deep = await page.goto(`${baseUrl}/inspection`);
    assert.equal(deep?.status(), 200);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Inspection');
    await page.close();
  });

  test('the API reference renders at /docs', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/docs`);
    await page.getByText('PlantIntel API').first().waitFor({ timeout: 15_000 });
    await page.close();
  });
});
