// End-to-end: the AI gateway's pages in Chromium over the real server. An admin makes a workspace,
// a pipeline (input → exact cache → the built-in offline model → output), deploys it and creates a
// workspace key, all through the API. Then, as a person would: an analyst follows the pipeline from
// the list to its page, and a request sent through the gateway with the official openai SDK shows up
// there live (figures, recent requests); an analyst builds a pipeline with the wizard, breaks and
// mends its graph in the editor and saves it; the query map draws the cached queries after a refresh.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import OpenAI from 'openai';
import type { Page } from 'playwright-core';
import { seedDemoTenant } from '../../src/modules/identity/index.ts';
import { eventually } from '../../src/platform/jobs/testing.ts';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';

const LIVE_TIMEOUT = 60_000;
const ADMIN = 'admin@demo.local';
const ANALYST = 'analyst@demo.local';
const SLUG = 'e2e-downtime';

const GRAPH = {
  nodes: [
    { id: 'input', type: 'input', config: {} },
    { id: 'cache', type: 'cache', config: { mode: 'exact', ttlSeconds: 3600 } },
    { id: 'model', type: 'model', config: { provider: 'offline', model: 'plantintel-offline' } },
    { id: 'output', type: 'output', config: {} },
  ],
  connections: [
    { from: 'input', to: 'cache' },
    { from: 'cache', to: 'model' },
    { from: 'model', to: 'output' },
  ],
};

const QUESTIONS = [
  'Why did line 2 stop last night?',
  'Which machine had the most downtime this week?',
  'Why did line 2 stop last night?',
  'What is the scrap rate of the press shop?',
  'How can we reduce changeover time on line 4?',
  'Which machine had the most downtime this week?',
];

describe('the AI gateway in the browser', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  let baseUrl: string;
  const tokens = new Map<string, string>();
  let workspaceId = '';
  let pipelineId = '';
  let gatewayKey = '';

  async function token(email: string): Promise<string> {
    const known = tokens.get(email);
    if (known) return known;
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    assert.equal(response.status, 200, `login of ${email}`);
    const access = ((await response.json()) as { accessToken: string }).accessToken;
    tokens.set(email, access);
    return access;
  }

  /** A JSON call as `email`; answers other than 2xx fail. */
  // biome-ignore lint/suspicious/noExplicitAny: the assertions check the bodies' shape
  async function call(email: string, path: string, json?: unknown, method?: string): Promise<any> {
    const headers: Record<string, string> = { authorization: `Bearer ${await token(email)}` };
    if (json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}/api/v1/ai${path}`, {
      method: method ?? (json !== undefined ? 'POST' : 'GET'),
      headers,
      body: json !== undefined ? JSON.stringify(json) : null,
    });
    assert.ok(response.ok, `${path}: HTTP ${response.status} ${await response.clone().text()}`);
    return response.status === 204 ? undefined : response.json();
  }

  /** The official SDK pointed at the gateway with the workspace key. */
  function sdk(): OpenAI {
    return new OpenAI({ baseURL: `${baseUrl}/api/v1/ai/v1`, apiKey: gatewayKey, maxRetries: 0 });
  }

  before(async () => {
    suite = await startBrowserSuite(async (t) => {
      await seedDemoTenant(t.database.db, { password: DEMO_PASSWORD }, () => {});
    });
    ({ baseUrl } = suite);
    const workspace = await call(ADMIN, '/workspaces', {
      name: 'E2E maintenance',
      sector: 'automotive',
      description: 'Questions about downtime',
      monthlyBudgetUsd: 50,
    });
    workspaceId = workspace.id;
    const pipeline = await call(ADMIN, '/pipelines', {
      workspaceId,
      slug: SLUG,
      name: 'E2E downtime answers',
      description: 'Answers downtime questions from the offline model, cached.',
      ...GRAPH,
    });
    pipelineId = pipeline.id;
    await call(ADMIN, `/pipelines/${pipelineId}/deploy`, {});
    const created = await call(ADMIN, `/workspaces/${workspaceId}/keys`, { name: 'e2e gateway' });
    gatewayKey = created.key;
    assert.match(gatewayKey, /\S{16,}/, 'the workspace key’s secret');
  });
  after(async () => {
    await suite?.close();
  });

  async function signedIn(next: string, email = ANALYST): Promise<Page> {
    const page = await suite.newTab();
    await signInAs(page, baseUrl, email, DEMO_PASSWORD, next);
    return page;
  }

  test('list → detail: a request sent through the gateway shows up live on the pipeline’s page', async () => {
    const page = await signedIn('/ai/pipelines');
    await page.getByRole('heading', { level: 1, name: 'Pipelines' }).waitFor();
    const row = page.locator(`[data-testid="pipeline-row"][data-slug="${SLUG}"]`);
    await row.waitFor();
    assert.match((await row.getByTestId('pipeline-status').textContent()) ?? '', /Active/);
    assert.equal((await row.getByTestId('pipeline-requests').textContent())?.trim(), '0');

    await row.getByTestId('pipeline-link').click();
    await page.waitForURL(`${baseUrl}/ai/pipelines/${pipelineId}`);
    await page.getByRole('heading', { level: 1, name: 'E2E downtime answers' }).waitFor();
    assert.match((await page.getByTestId('call-model').textContent()) ?? '', new RegExp(`pipeline/${SLUG}`));
    assert.equal(await page.getByTestId('call-base-url').textContent(), `${baseUrl}/api/v1/ai/v1`);
    await page.getByTestId('requests-empty').waitFor();
    // Subscribed before the request is sent, so what arrives is pushed, not loaded.
    await page
      .locator('[data-testid="realtime-state"][data-status="open"]')
      .waitFor({ timeout: LIVE_TIMEOUT });
    await page.getByTestId('live-events').waitFor();

    const stream = await sdk().chat.completions.create({
      model: `pipeline/${SLUG}`,
      messages: [{ role: 'user', content: 'Why did line 2 stop last night?' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let answer = '';
    for await (const chunk of stream) answer += chunk.choices[0]?.delta?.content ?? '';
    assert.ok(answer.length > 0, 'the gateway streamed an answer');

    await page.getByTestId('request-row').first().waitFor({ timeout: LIVE_TIMEOUT });
    await eventually(
      async () =>
        (await page.getByTestId('pipeline-figures-requests').locator('dd').textContent())?.trim() === '1'
          ? true
          : undefined,
      'the 24 h request count to reach 1 on the page',
      LIVE_TIMEOUT,
    );
    assert.match((await page.getByTestId('live-events').textContent()) ?? '', /live update/);
    const rowText = (await page.getByTestId('request-row').first().textContent()) ?? '';
    assert.match(rowText, /openai/);
    assert.match(rowText, /ok/);

    // The answer was cached; an analyst empties the cache.
    const cache = page.getByTestId('cache-panel');
    await eventually(
      async () => {
        await page.reload();
        return (await cache.getByTestId('cache-entries').textContent())?.trim().startsWith('1')
          ? true
          : undefined;
      },
      'the cached answer to be counted',
      LIVE_TIMEOUT,
    );
    // No EMBEDDINGS_BASE_URL here: the panel names the built-in embedder and its default threshold.
    assert.match(
      (await cache.getByTestId('cache-embedder').textContent()) ?? '',
      /built-in \(offline\).*0\.65/,
    );
    await cache.getByRole('button', { name: 'Invalidate cache' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Invalidate' }).click();
    await page.getByTestId('cache-cleared').waitFor();
    assert.match((await page.getByTestId('cache-cleared').textContent()) ?? '', /1 entries removed/);

    // Back on the list, the pipeline counts it in its last 24 hours.
    await page.getByRole('link', { name: 'Pipelines', exact: true }).first().click();
    await page.waitForURL(`${baseUrl}/ai/pipelines`);
    const listed = page
      .locator(`[data-testid="pipeline-row"][data-slug="${SLUG}"]`)
      .getByTestId('pipeline-requests');
    await eventually(
      async () => ((await listed.textContent())?.trim() === '1' ? true : undefined),
      'the list to show the request',
      LIVE_TIMEOUT,
    );
  });

  test('the wizard proposes a pipeline with its reasons; the editor checks the graph and saves it', async () => {
    const page = await signedIn('/ai/pipelines');
    await page.getByTestId('new-pipeline').click();
    await page.waitForURL(`${baseUrl}/ai/pipelines/new`);
    await page.getByRole('heading', { level: 1, name: 'New pipeline' }).waitFor();
    // The starter graph (input → model → output) is valid as it is.
    await page.locator('[data-testid="editor-valid"][data-valid="true"]').waitFor({ timeout: LIVE_TIMEOUT });

    await page.getByRole('button', { name: 'Start from the wizard' }).click();
    const wizard = page.getByTestId('wizard');
    await wizard.getByLabel('Sector').fill('automotive');
    await wizard.getByLabel('Use case').fill('Explain alarms to operators');
    await wizard.getByLabel('Alarm history').check();
    await wizard.getByLabel('Fast answers').check();
    await wizard.getByRole('button', { name: 'Propose a pipeline' }).click();
    const reasons = page.getByTestId('wizard-reasons').locator('li');
    await reasons.first().waitFor({ timeout: LIVE_TIMEOUT });
    assert.ok((await reasons.count()) >= 4, 'a reason for every node');
    assert.match((await page.getByTestId('wizard-reasons').textContent()) ?? '', /alarm/i);
    assert.match((await page.getByTestId('wizard-figures').textContent()) ?? '', /a month/);
    await page.getByRole('button', { name: 'Use this pipeline' }).click();

    // The proposal replaces the starter graph on the next render: wait for one of its own nodes.
    await page
      .locator('[data-node-id="retrieve-alarms"][data-testid="graph-node"]')
      .waitFor({ timeout: LIVE_TIMEOUT });
    const nodes = page.getByTestId('graph-node');
    assert.ok((await nodes.count()) >= 4, 'the proposal is in the editor');
    assert.equal(await page.locator('[data-node-id="retrieve-alarms"][data-testid="graph-node"]').count(), 1);
    await page.locator('[data-testid="editor-valid"][data-valid="true"]').waitFor({ timeout: LIVE_TIMEOUT });
    const figures = (await page.getByTestId('editor-figures').textContent()) ?? '';
    assert.match(figures, /nodes · about \$/);

    // A node left unconnected: the server's check names it, on the node.
    await page.getByLabel('Node type').selectOption('postprocess');
    await page.getByRole('button', { name: 'Add node' }).click();
    const stray = page
      .locator(
        '[data-testid="graph-node"][data-node-id="postprocess-2"], [data-testid="graph-node"][data-node-id="postprocess"]',
      )
      .last();
    await page.locator('[data-testid="editor-valid"][data-valid="false"]').waitFor({ timeout: LIVE_TIMEOUT });
    await eventually(
      async () => (Number(await stray.getAttribute('data-problems')) > 0 ? true : undefined),
      'the stray node to carry its problem',
      LIVE_TIMEOUT,
    );
    await page.getByTestId('node-problems').waitFor();
    await page.getByRole('button', { name: 'Remove this node' }).click();
    await page.locator('[data-testid="editor-valid"][data-valid="true"]').waitFor({ timeout: LIVE_TIMEOUT });

    // Connected by keyboard-free clicks too: select a node, then its panel shows its connections.
    await page.locator('[data-testid="graph-node"][data-node-id="model"]').click();
    await page.getByTestId('node-panel').getByText(/Model/).first().waitFor({ timeout: LIVE_TIMEOUT });
    assert.match((await page.getByTestId('node-panel').textContent()) ?? '', /Model/);
    // A whole-answer timeout for requests without a stream, kept with the node.
    await page
      .getByTestId('node-panel')
      .getByLabel(/Whole-answer timeout/)
      .fill('90000');

    await page.getByLabel('Name', { exact: true }).fill('E2E alarm explainer');
    await page.getByLabel('Workspace').selectOption(workspaceId);
    await page.getByRole('button', { name: 'Create the pipeline' }).click();
    await page.waitForURL(/\/ai\/pipelines\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'E2E alarm explainer' }).waitFor();
    assert.match((await page.getByTestId('pipeline-status').first().textContent()) ?? '', /Draft/);
    await page.getByTestId('graph-view').waitFor();
    // The versions arrive by a request of their own, after the page's heading and graph.
    await page.getByTestId('version-row').first().waitFor({ timeout: LIVE_TIMEOUT });
    assert.equal(await page.getByTestId('version-row').count(), 1);
    const saved = await call(ANALYST, `/pipelines/${page.url().split('/').at(-1)}`);
    const modelNode = saved.nodes.find((n: { type: string }) => n.type === 'model');
    assert.equal(modelNode.config.answerTimeoutMs, 90000);
  });

  test('the query map draws the cached queries after a refresh', async () => {
    const client = sdk();
    for (const question of QUESTIONS) {
      await client.chat.completions.create({
        model: `pipeline/${SLUG}`,
        messages: [{ role: 'user', content: question }],
      });
    }
    const page = await signedIn('/ai/query-map');
    await page.getByRole('heading', { level: 1, name: 'Query map' }).waitFor();
    await page.getByTestId('map-refresh').getByRole('button', { name: 'Refresh' }).click();
    await page.getByTestId('query-scatter').waitFor({ timeout: LIVE_TIMEOUT });
    await eventually(
      async () =>
        Number(await page.getByTestId('query-scatter').getAttribute('data-points')) >= 4 ? true : undefined,
      'the distinct questions on the map',
      LIVE_TIMEOUT,
    );
    assert.ok((await page.getByTestId('query-point').count()) >= 4);
    assert.ok((await page.getByTestId('cluster-row').count()) >= 1, 'clusters listed');
    const clusters = (await page.getByTestId('clusters-table').textContent()) ?? '';
    assert.match(clusters, /line 2|downtime|scrap|changeover/i, 'example queries shown');
    await page.getByTestId('map-snapshot').waitFor();
    assert.match((await page.getByTestId('map-queries').textContent()) ?? '', /\d/);
  });

  test('an admin reads the overview and a sector’s dashboard, and gives a workspace a key', async () => {
    const page = await signedIn('/ai', ADMIN);
    await page.getByRole('heading', { level: 1, name: 'AI gateway' }).waitFor();
    await page.getByTestId('dashboard-figures').waitFor();
    assert.notEqual(
      (await page.getByTestId('dashboard-figures-requests').locator('dd').textContent())?.trim(),
      '0',
    );
    await page.getByTestId('sector-link').filter({ hasText: 'Automotive' }).click();
    await page.waitForURL(`${baseUrl}/ai/sectors/automotive`);
    await page.getByRole('heading', { level: 1, name: 'Automotive dashboard' }).waitFor();
    await page.getByTestId('sector-figures').waitFor();
    assert.match((await page.getByTestId('sector-pipelines').textContent()) ?? '', /E2E downtime answers/);

    await page.getByRole('link', { name: 'Workspaces', exact: true }).click();
    await page.waitForURL(`${baseUrl}/ai/workspaces`);
    const card = page.locator('[data-testid="workspace-card"][data-name="E2E maintenance"]');
    await card.waitFor();
    await card.getByRole('button', { name: /API keys/ }).click();
    await card.getByLabel('Key name').fill('second key');
    await card.getByRole('button', { name: 'Create key' }).click();
    const secret = card.getByTestId('new-workspace-key');
    await secret.waitFor();
    assert.ok(((await secret.inputValue()) ?? '').length >= 16, 'the secret is shown once');
    await card.getByRole('button', { name: 'Done, I have saved it' }).click();
    assert.equal(await card.getByTestId('new-workspace-key').count(), 0);
    assert.match((await card.getByTestId('workspace-keys').textContent()) ?? '', /second key/);
  });
});
