// End-to-end: the work-order import pages in Chromium on the demo tenant. A newcomer drops an
// example export on the upload page, accepts the suggested mapping and watches the import complete;
// a file with a bad row shows it in the errors table; a mapping saved as a profile is reused and
// appears in the library; a viewer reads but cannot write.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';
import { apiGet, dropFile, importAndWait, LIVE_TIMEOUT, seedDemo, waitForPreview } from './uploads.ts';

const EXAMPLE = 'workorders-sap.csv';
const EXAMPLE_URL = new URL(`../../examples/${EXAMPLE}`, import.meta.url);
const TRUTH_URL = new URL(`../../examples/${EXAMPLE}.truth.json`, import.meta.url);

interface Truth {
  rows: number;
  workOrders: number;
  columns: Record<string, string | null>;
  required: string[];
}

describe('work-order import in the browser', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  let baseUrl: string;
  const example = readFileSync(EXAMPLE_URL);
  const truth = JSON.parse(readFileSync(TRUTH_URL, 'utf8')) as Truth;
  /** The example's column of each canonical field. */
  const columnOf = new Map(
    Object.entries(truth.columns).flatMap(([column, field]) => (field ? [[field, column] as const] : [])),
  );

  before(async () => {
    suite = await startBrowserSuite(seedDemo);
    ({ baseUrl } = suite);
  });

  after(async () => {
    await suite?.close();
    assert.deepEqual(suite?.pageErrors ?? [], [], 'uncaught errors in the page');
    assert.deepEqual(cspViolations, [], 'Content-Security-Policy violations');
  });

  const cspViolations: string[] = [];
  const newTab = async () => {
    const page = await suite.newTab({ viewport: { width: 1360, height: 1000 } });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    return page;
  };

  const signIn = (page: Page, email: string, path: string) =>
    signInAs(page, baseUrl, email, DEMO_PASSWORD, path);

  const call = (email: string, path: string) => apiGet(baseUrl, email, path);

  const count = async (page: Page, testId: string) =>
    Number(((await page.getByTestId(testId).first().textContent()) ?? '').replace(/[^\d]/g, ''));

  test('a newcomer drops the SAP example, accepts the suggested mapping and sees the import complete', async () => {
    const page = await newTab();
    await signIn(page, 'analyst@demo.local', '/analytics/upload');
    await page.getByRole('heading', { level: 1, name: 'Upload work orders' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Modules' });
    for (const entry of ['Upload', 'Imports', 'Mapping library']) {
      assert.equal(await nav.getByRole('link', { name: entry, exact: true }).count(), 1, entry);
    }

    await dropFile(page, EXAMPLE, example);
    assert.match((await page.getByTestId('chosen-file').textContent()) ?? '', /workorders-sap\.csv/);
    await waitForPreview(page);

    // Every required field is suggested from the example's own column, with a confidence and a reason.
    for (const field of truth.required) {
      const row = page.getByTestId(`mapping-${field}`);
      assert.equal(await row.getAttribute('data-column'), columnOf.get(field), `${field} suggested`);
      assert.match((await row.getByTestId('confidence').textContent()) ?? '', /\d+ %/);
      assert.notEqual(((await row.getByTestId('mapping-reason').textContent()) ?? '').trim(), '');
    }
    assert.ok((await page.getByTestId('sample-rows').locator('tbody tr').count()) > 0, 'sample rows shown');
    assert.equal(await count(page, 'preview-rejected'), 0, 'the example has no bad row');
    assert.ok((await page.getByTestId('preview-table').locator('tbody tr').count()) > 0, 'mapped rows shown');
    assert.match(
      (await page.getByTestId('mapping-choice').textContent()) ?? '',
      /suggested mapping as it is/,
    );

    await importAndWait(page, EXAMPLE);
    assert.equal(await count(page, 'rows-read'), truth.rows);
    assert.equal(await count(page, 'rows-accepted'), truth.rows);
    assert.equal(await count(page, 'rows-rejected'), 0);
    assert.equal(await count(page, 'work-orders'), truth.workOrders);
    assert.equal(
      await page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow'),
      '100',
    );

    // The imports list shows it, and its page the mapping it used.
    await nav.getByRole('link', { name: 'Imports', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Work-order imports' }).waitFor();
    const row = page.getByTestId('imports-table').locator('tbody tr', { hasText: EXAMPLE });
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'completed');
    assert.match((await row.textContent()) ?? '', new RegExp(truth.rows.toLocaleString('en-US')));
    await row.getByRole('link', { name: EXAMPLE }).click();
    await page.getByRole('heading', { level: 1, name: `Import of ${EXAMPLE}` }).waitFor();
    assert.match((await page.getByTestId('mapping-used').textContent()) ?? '', /suggested mapping/);
    await page.getByTestId('import-errors-empty').waitFor();

    const [stored] = (await call('analyst@demo.local', '/api/v1/analytics/imports?limit=1')).items;
    assert.equal(stored.autoMapped, true);
    assert.equal(stored.rowsAccepted, truth.rows);
    await page.close();
  });

  test('a bad row shows in the errors table; the mapping saved as a profile is reused and listed', async () => {
    const page = await newTab();
    await signIn(page, 'analyst@demo.local', '/analytics/upload');
    // The example once more, with one more order (the second row, so the preview shows it) whose good
    // quantity is not a number.
    const lines = example.toString('utf8').trimEnd().split(/\r?\n/);
    const header = lines[0]?.split(',') ?? [];
    const yieldColumn = header.indexOf(columnOf.get('qtyCompleted') ?? '');
    const orderColumn = header.indexOf(columnOf.get('workOrder') ?? '');
    assert.ok(yieldColumn >= 0 && orderColumn >= 0);
    const bad = (lines[1] ?? '').split(',');
    // Split on commas only up to the columns changed: quoted values with commas come after them.
    assert.ok(!bad.slice(0, Math.max(yieldColumn, orderColumn) + 1).some((cell) => cell.includes('"')));
    bad[orderColumn] = '9999999';
    bad[yieldColumn] = 'lots';
    const file = 'workorders-sap-march.csv';
    const rows = [lines[0], lines[1], bad.join(','), ...lines.slice(2)];
    const bytes = Buffer.from(`${rows.join('\r\n')}\r\n`);

    // This time through the file picker.
    await page
      .getByLabel('Choose a file…')
      .setInputFiles({ name: file, mimeType: 'text/csv', buffer: bytes });
    await waitForPreview(page);
    assert.equal(await count(page, 'preview-rejected'), 1, 'the preview finds the bad row');
    const rejectedRow = page.getByTestId('preview-table').locator('tbody tr.row-rejected');
    assert.equal(await rejectedRow.count(), 1);
    assert.match((await rejectedRow.textContent()) ?? '', /lots/);

    const save = page.getByRole('form', { name: 'Save as profile' });
    await save.getByLabel('Profile name').fill('SAP orders (English)');
    await save.getByLabel('ERP system (optional)').fill('SAP S/4HANA');
    await save.getByRole('button', { name: 'Save as profile' }).click();
    await page.getByTestId('profile-saved').waitFor();
    assert.match(
      (await page.getByTestId('mapping-choice').textContent()) ?? '',
      /profile “SAP orders \(English\)” \(version 1\)/,
    );

    await importAndWait(page, file);
    assert.equal(await count(page, 'rows-read'), truth.rows + 1);
    assert.equal(await count(page, 'rows-accepted'), truth.rows);
    assert.equal(await count(page, 'rows-rejected'), 1);

    await page.getByRole('link', { name: 'See the rejected rows and why' }).click();
    await page.getByRole('heading', { level: 1, name: `Import of ${file}` }).waitFor();
    const errors = page.getByTestId('import-errors-table');
    await errors.waitFor();
    assert.equal(await errors.locator('tbody tr').count(), 1);
    const errorRow = (await errors.locator('tbody tr').textContent()) ?? '';
    assert.match(errorRow, /lots/);
    assert.match(errorRow, new RegExp(columnOf.get('qtyCompleted') ?? ''));
    assert.match((await page.getByTestId('mapping-used').textContent()) ?? '', /SAP orders \(English\)/);
    assert.equal(await page.getByTestId('profile-version').textContent(), '1');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /errors\.csv$/);
    assert.match(readFileSync(await download.path(), 'utf8'), /lots/);

    // Reprocessed with the same mapping: the page follows the run and shows the same outcome.
    const importId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const before = await call('analyst@demo.local', `/api/v1/analytics/imports/${importId}`);
    await page.getByRole('button', { name: 'Reprocess' }).click();
    const deadline = Date.now() + LIVE_TIMEOUT;
    for (;;) {
      const now = await call('analyst@demo.local', `/api/v1/analytics/imports/${importId}`);
      if (now.status === 'completed' && now.completedAt !== before.completedAt) break;
      assert.ok(Date.now() < deadline, `the reprocessed import did not complete: ${now.status}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await page.locator('[data-testid="import-detail-status"][data-status="completed"]').waitFor();
    await page.getByTestId('import-errors-table').waitFor();
    assert.equal(await count(page, 'rows-rejected'), 1);

    // The library lists the profile and how often it was used (by the import and its reprocessing).
    await page
      .getByRole('navigation', { name: 'Modules' })
      .getByRole('link', { name: 'Mapping library' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mapping library' }).waitFor();
    const profile = page
      .getByTestId('profiles-table')
      .locator('tbody tr', { hasText: 'SAP orders (English)' });
    await profile.waitFor();
    assert.match((await profile.textContent()) ?? '', /SAP S\/4HANA/);
    const [stored] = (await call('analyst@demo.local', '/api/v1/analytics/profiles?q=SAP')).items;
    assert.ok(stored.usageCount >= 1);
    assert.equal(await profile.getByTestId('profile-usage').textContent(), String(stored.usageCount));
    await profile.getByRole('link', { name: 'SAP orders (English)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Profile SAP orders (English)' }).waitFor();
    await page.getByTestId('profile-versions').waitFor();
    assert.equal(await page.getByTestId('profile-versions').locator('tbody tr').count(), 1);
    await page.close();
  });

  test('the same file again is refused until it is imported as a duplicate', async () => {
    const page = await newTab();
    await signIn(page, 'analyst@demo.local', '/analytics/upload');
    await dropFile(page, EXAMPLE, example);
    await waitForPreview(page);
    await page.getByRole('button', { name: `Import ${EXAMPLE}` }).click();
    const duplicate = page.getByTestId('duplicate-upload');
    await duplicate.waitFor({ timeout: LIVE_TIMEOUT });
    await duplicate.getByRole('button', { name: 'Import it again as a duplicate' }).click();
    await page
      .locator('[data-testid="import-run"][data-status="completed"]')
      .waitFor({ timeout: LIVE_TIMEOUT });
    assert.equal(await count(page, 'rows-accepted'), truth.rows);
    await page.close();
  });

  test('a viewer reads the imports and the library, and may change neither', async () => {
    const page = await newTab();
    await signIn(page, 'viewer@demo.local', '/analytics/imports');
    await page.getByTestId('imports-table').waitFor();
    const nav = page.getByRole('navigation', { name: 'Modules' });
    assert.equal(await nav.getByRole('link', { name: 'Upload', exact: true }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Upload a file' }).count(), 0);

    await nav.getByRole('link', { name: 'Mapping library' }).click();
    const profile = page.getByTestId('profiles-table').getByRole('link', { name: 'SAP orders (English)' });
    await profile.click();
    await page.getByRole('heading', { level: 1, name: 'Profile SAP orders (English)' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Delete profile…' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Save as a new version' }).count(), 0);
    assert.equal(await page.getByLabel('Name', { exact: true }).isDisabled(), true);

    await page.goto(`${baseUrl}/analytics/upload`);
    await page.getByTestId('not-allowed').waitFor();
    await page.close();
  });
});
