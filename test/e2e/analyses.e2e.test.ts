// End-to-end: analyses in Chromium on the demo tenant. An analyst uploads the generic example with the
// suggested mapping and follows the import into its analysis: the findings and the narrative, a
// chart, the work orders behind a finding, a question to the chat answered as it streams, another
// run followed live and deleted. An administrator changes a variable in the analyzer settings and
// finds the change in the history; a viewer reads but may neither analyse nor configure.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';
import { apiGet, importAndWait, LIVE_TIMEOUT, seedDemo, waitForPreview, waitOrFail } from './uploads.ts';

const EXAMPLE = 'workorders-generic.csv';
const EXAMPLE_URL = new URL(`../../examples/${EXAMPLE}`, import.meta.url);
const QUESTION = 'which machine loses the most time?';
const VARIABLE = 'downtime_threshold_minutes';

interface ApiChart {
  id: string;
  points: { label: string; value: number }[];
}

describe('analyses in the browser', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  /** The analysis the upload started (set by the first test). */
  let analysisPath = '';

  before(async () => {
    suite = await startBrowserSuite(seedDemo);
  });

  after(async () => {
    await suite?.close();
    assert.deepEqual(suite?.pageErrors ?? [], [], 'uncaught errors in the page');
  });

  const api = (email: string, path: string) => apiGet(suite.baseUrl, email, path);
  const openAs = async (email: string, path: string) => {
    const page = await suite.newTab({ viewport: { width: 1360, height: 1000 } });
    await signInAs(page, suite.baseUrl, email, DEMO_PASSWORD, path);
    return page;
  };
  const text = async (page: Page, testId: string) =>
    ((await page.getByTestId(testId).textContent()) ?? '').trim();

  test('an upload is analysed: findings, narrative, a chart, the rows behind a finding, the chat', async () => {
    const page = await openAs('analyst@demo.local', '/analytics/upload');
    await page.getByRole('heading', { level: 1, name: 'Upload work orders' }).waitFor();
    await page
      .getByLabel('Choose a file…')
      .setInputFiles({ name: EXAMPLE, mimeType: 'text/csv', buffer: readFileSync(EXAMPLE_URL) });
    await waitForPreview(page);
    await importAndWait(page, EXAMPLE);

    // The import leads to the analysis it started, which the page follows until it has completed.
    const link = page.getByTestId('analysis-link');
    await link.waitFor({ timeout: LIVE_TIMEOUT });
    await link.click();
    await page.getByRole('heading', { level: 1, name: `Analysis of ${EXAMPLE}` }).waitFor();
    await waitOrFail(page, page.getByTestId('analysis-summary'), 'the analysis');
    analysisPath = new URL(page.url()).pathname;
    const analysis = await api('analyst@demo.local', `/api/v1${analysisPath}`);
    assert.equal(analysis.status, 'completed');
    assert.ok(analysis.insights.length > 0, 'the example has findings');

    assert.equal(await text(page, 'summary-work-orders'), '200');
    assert.equal(await text(page, 'summary-tier'), `${analysis.dataTier} of 4`);
    assert.equal(await text(page, 'summary-findings'), String(analysis.insightCount));
    assert.match(await text(page, 'analysis-narrative'), /200 work orders analysed/);
    // How long it took, and that an uploaded file is analysed from the import's snapshot.
    assert.match(await text(page, 'summary-run-time'), /^\d+(\.\d)? s$/);
    assert.equal(analysis.timings.snapshot, 1);
    assert.match(await text(page, 'summary-run-time-detail'), /read from the import’s snapshot · loading /);
    const articles = page.getByTestId('insights').locator('article');
    assert.equal(await articles.count(), analysis.insights.length);
    const [top] = analysis.insights;
    const first = page.getByTestId('insight-1');
    assert.match(
      (await first.textContent()) ?? '',
      new RegExp(top.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
    assert.match((await first.textContent()) ?? '', /What to do:/);

    // Per analyzer: its findings and its charts, drawn as SVG with the data behind them.
    const tabs = page.getByRole('tablist', { name: 'Findings by analyzer' });
    await tabs.getByRole('tab', { name: /^Equipment/ }).click();
    const downtime = page.getByTestId('chart-equipment-downtime-by-machine');
    await downtime.waitFor();
    assert.equal((await downtime.locator('svg rect').count()) > 0, true, 'bars drawn');
    const charts: ApiChart[] = analysis.results.charts;
    const byMachine = charts.find((c) => c.id === 'equipment.downtime-by-machine');
    assert.ok(byMachine && byMachine.points.length > 0, 'downtime by machine charted');
    const worst = [...byMachine.points].sort((a, b) => b.value - a.value)[0]?.label ?? '';
    assert.match(await text(page, 'chart-equipment-downtime-by-machine-summary'), new RegExp(worst));
    for (const article of await page.getByTestId('insights').locator('article').all()) {
      assert.equal(await article.getAttribute('data-analyzer'), 'equipment');
    }

    // The work orders behind the first finding, a page at a time.
    await tabs.getByRole('tab', { name: /^All, by impact/ }).click();
    await first.getByRole('button', { name: /work orders? behind it/ }).click();
    const rows = page.getByTestId('insight-rows-table-1');
    await rows.waitFor({ timeout: LIVE_TIMEOUT });
    const shown = await rows.locator('tbody tr').count();
    assert.equal(shown, Math.min(top.rowCount, 25));
    if (top.entity)
      assert.match((await rows.locator('tbody tr').first().textContent()) ?? '', new RegExp(top.entity.id));
    if (top.rowCount > 25) {
      await page
        .getByRole('navigation', { name: 'Work orders behind finding 1 pages' })
        .getByRole('button', { name: 'Next' })
        .click();
      await page.getByText(`26–${Math.min(top.rowCount, 50)} of ${top.rowCount}`).waitFor();
    }

    // The chat answers as it streams: many text deltas, then the sources.
    const chat = page.getByTestId('chat');
    await chat.getByLabel('Your question').fill(QUESTION);
    const streamed = page.waitForResponse(
      (r) => r.url().endsWith('/chat') && r.request().method() === 'POST',
    );
    await chat.getByRole('button', { name: 'Ask' }).click();
    const response = await streamed;
    assert.match(response.headers()['content-type'] ?? '', /^text\/event-stream/);
    const events = await response.text();
    assert.ok((events.match(/^event: delta$/gm) ?? []).length > 1, 'the answer came in pieces');
    assert.match(events, /^event: done$/m);
    const answer = chat.locator(
      '[data-testid="chat-message"][data-role="assistant"][data-streaming="false"]',
    );
    await answer.last().waitFor({ timeout: LIVE_TIMEOUT });
    assert.match((await answer.last().textContent()) ?? '', new RegExp(worst));
    await page.locator('[data-testid="chat-message"][data-role="user"]', { hasText: QUESTION }).waitFor();
    const messages = await api('analyst@demo.local', `/api/v1${analysisPath}/messages`);
    assert.deepEqual(
      messages.map((m: { role: string }) => m.role),
      ['user', 'assistant'],
    );
    assert.match(messages[1].content, new RegExp(worst));

    // A follow-up sent with Enter; the finding its answer cites opens where it is, from another tab.
    await chat.getByLabel('Your question').fill('What should we fix first?');
    await chat.getByLabel('Your question').press('Enter');
    await answer.nth(1).waitFor({ timeout: LIVE_TIMEOUT });
    const cited = answer.nth(1).getByTestId('chat-sources').getByRole('link').first();
    const rank = /#(\d+)/.exec((await cited.textContent()) ?? '')?.[1];
    assert.ok(rank, 'the answer cites a finding');
    await tabs.getByRole('tab', { name: /^Quality/ }).click();
    await cited.click();
    await page.locator(`#insight-${rank}:focus`).waitFor();
    assert.equal(await tabs.getByRole('tab', { selected: true }).getAttribute('data-tab'), 'top');
    await page.close();
  });

  test('the analysis is listed, analysed again (followed live) and the new run deleted', async () => {
    assert.ok(analysisPath, 'the first test made an analysis');
    const page = await openAs('analyst@demo.local', '/analytics/analyses');
    await page.getByRole('heading', { level: 1, name: 'Analyses' }).waitFor();
    const row = page.getByTestId('analyses-table').locator('tbody tr', { hasText: EXAMPLE });
    await row.first().waitFor();
    assert.equal(await row.first().getAttribute('data-status'), 'completed');
    await row.first().getByRole('link', { name: EXAMPLE }).click();
    await page.getByTestId('analysis-summary').waitFor();

    await page.getByRole('button', { name: 'Analyse again' }).click();
    await page.waitForURL(
      (url) => url.pathname !== analysisPath && url.pathname.startsWith('/analytics/analyses/'),
    );
    await waitOrFail(page, page.getByTestId('analysis-summary'), 'the second analysis');
    // The findings render after the summary: wait for the first rather than count at once.
    await page.getByTestId('insights').locator('article').first().waitFor({ timeout: LIVE_TIMEOUT });
    // Its import lists both runs.
    await page.getByRole('link', { name: /^Its import/ }).click();
    const listed = page.getByTestId('import-analyses').locator('tbody tr');
    await listed.nth(1).waitFor({ timeout: LIVE_TIMEOUT });
    assert.equal(await listed.count(), 2);
    await listed.first().getByRole('link').click();

    await page.getByRole('button', { name: 'Delete analysis…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete analysis' }).click();
    await page.waitForURL(`${suite.baseUrl}/analytics/analyses`);
    await page.getByTestId('analyses-table').waitFor();
    assert.equal(await page.getByTestId('analyses-table').locator('tbody tr').count(), 1);
    await page.close();
  });

  test('an administrator changes a variable and finds the change in the history', async () => {
    const page = await openAs('admin@demo.local', '/analytics/settings');
    await page.getByRole('heading', { level: 1, name: 'Analyzer settings' }).waitFor();
    await page.getByTestId('config-history-empty').waitFor();
    const groups = page.locator('fieldset.config-group');
    assert.equal(await groups.count(), 5);
    assert.equal(await page.locator('[data-testid^="variable-"]').count(), 39);

    const row = page.getByTestId(`variable-${VARIABLE}`);
    const input = row.getByRole('spinbutton');
    const before = await input.inputValue();
    assert.match((await row.textContent()) ?? '', /min/);
    // Out of range: said next to the variable, and nothing is saved.
    await input.fill('999999');
    assert.match(await text(page, `problem-${VARIABLE}`), /At most/);
    await page.getByRole('button', { name: 'Save configuration' }).click();
    await page.getByText('1 value is out of range').waitFor();

    const next = String(Number(before) + 15);
    await input.fill(next);
    assert.equal(await page.getByTestId(`problem-${VARIABLE}`).count(), 0);
    assert.equal(await row.getAttribute('data-changed'), 'true');
    assert.match(await text(page, 'config-diff-count'), /1 variable differs from balanced/);
    await page.getByRole('button', { name: 'Save configuration' }).click();
    await page.getByTestId('config-saved').waitFor();

    const history = page.getByTestId('config-history-table');
    await history.waitFor();
    const entry = history.locator('tbody tr').first();
    assert.match(
      (await entry.textContent()) ?? '',
      new RegExp(`You.*Downtime threshold minutes: ${before} → ${next}`),
    );
    const stored = await api('admin@demo.local', '/api/v1/admin/config');
    assert.equal(stored.values[VARIABLE], Number(next));
    assert.equal(stored.presetType, 'custom');

    // A facility without a configuration of its own shows the organisation's, changed value included.
    await page.getByLabel('Facility').selectOption({ index: 1 });
    await page
      .getByTestId('config-origin')
      .getByText(/no configuration of its own/)
      .waitFor();
    assert.equal(await page.getByTestId(`variable-${VARIABLE}`).getByRole('spinbutton').inputValue(), next);
    await page.getByTestId('config-history-empty').waitFor();
    await page.close();
  });

  test('a viewer reads an analysis but may neither analyse again nor open the settings', async () => {
    const page = await openAs('viewer@demo.local', analysisPath);
    await page.getByTestId('analysis-summary').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Analyse again' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Delete analysis…' }).count(), 0);
    const nav = page.getByRole('navigation', { name: 'Modules' });
    assert.equal(await nav.getByRole('link', { name: 'Analyses', exact: true }).count(), 1);
    assert.equal(await nav.getByRole('link', { name: 'Analyzer settings' }).count(), 0);
    await page.goto(`${suite.baseUrl}/analytics/settings`);
    await page.getByTestId('not-allowed').waitFor();
    await page.close();
  });
});
