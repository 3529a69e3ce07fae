// End-to-end: the built web app, served by the real server, in the system Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seedDemoTenant } from '../../src/modules/identity/index.ts';
import type { TestApp } from '../../src/platform/http/testing.ts';
import { eventually } from '../../src/platform/jobs/testing.ts';
import { AccessibilityAudit } from './accessibility.ts';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';

describe('web app in a browser', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  before(async () => {
    suite = await startBrowserSuite((app) =>
      seedDemoTenant(app.database.db, { password: DEMO_PASSWORD }, () => {}),
    );
    ({ t, browser, baseUrl } = suite);
  });

  after(() => suite?.close());

  // Chromium reports each resource or inline code the page's CSP blocks as a console message.
  const cspViolations: string[] = [];
  const watchCsp = (page: Page) =>
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });

  test('the status page reports the database ready and the server version', async () => {
    const page = await suite.newTab();
    watchCsp(page);
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
    assert.deepEqual(cspViolations, []);
    await page.close();
  });

  test('navigation reaches every module page and deep links load', async () => {
    const page = await suite.newTab();
    watchCsp(page);
    // Module pages need a signed-in user; the status page does not.
    await signInAs(page, baseUrl, 'viewer@demo.local', DEMO_PASSWORD);
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
    assert.deepEqual(cspViolations, [], 'the dashboard breaks none of its Content-Security-Policy');
    await page.close();
  });

  test('the API reference renders at /docs', async () => {
    const page = await suite.newTab();
    await page.goto(`${baseUrl}/docs`);
    // Swagger UI renders the whole document (hundreds of operations) first: generous on a busy machine.
    await page.getByText('PlantIntel API').first().waitFor({ timeout: 90_000 });
    await page.close();
  });

  test('a page the audit watches is audited again once its content has arrived', async () => {
    const audit = new AccessibilityAudit();
    const page = await browser.newPage();
    // A page that loads its rows for a moment after it has loaded; the last thing to arrive is an
    // image without a text alternative. Audited only as it loaded, the violation went unseen.
    const settling = `<!doctype html><html lang="en"><head><title>Settling</title></head><body><main>
<h1>Rows</h1><p>Loading…</p></main><script>
let n = 0;
const more = setInterval(() => {
  const row = document.createElement('p');
  row.textContent = 'Row ' + ++n;
  document.querySelector('main').append(row);
  if (n < 8) return;
  clearInterval(more);
  const image = document.createElement('img');
  image.src = '/x.png';
  document.querySelector('main').append(image);
}, 150);
</script></body></html>`;
    try {
      await page.route(`${baseUrl}/settling`, (route) =>
        route.fulfill({ contentType: 'text/html', body: settling }),
      );
      audit.watch(page);
      await page.goto(`${baseUrl}/settling`);
      await eventually(
        async () => ([...audit.violations].some((v) => v.includes(' image-alt ')) ? true : undefined),
        'the image-alt violation of the settled page',
        60_000,
      );
      assert.deepEqual(audit.failures, []);
    } finally {
      await page.close();
    }
  });

  test('the accessibility audit that every browser test runs does find violations', async () => {
    const audit = new AccessibilityAudit();
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl}/`);
      await page.setContent('<main><img src="/x.png"><button></button></main>');
      await audit.check(page);
      const rules = [...audit.violations].map((v) => v.split(' ')[1]);
      assert.ok(rules.includes('image-alt'), [...audit.violations].join('\n'));
      assert.ok(rules.includes('button-name'), [...audit.violations].join('\n'));
      // The same document again, other words: not audited twice. Another shape is.
      const runs = audit.runs;
      await page.setContent('<main><p>Other words</p><img src="/x.png"><button></button></main>');
      await audit.check(page);
      await page.setContent('<main><p>Changed words</p><img src="/x.png"><button></button></main>');
      await audit.check(page);
      assert.equal(audit.runs, runs + 1);
      await page.setContent('<main><p>Changed words</p><input type="text"></main>');
      await audit.check(page);
      assert.equal(audit.runs, runs + 2);
      assert.ok(
        [...audit.violations].some((v) => v.split(' ')[1] === 'label'),
        [...audit.violations].join('\n'),
      );
    } finally {
      await page.close();
    }
  });
});
