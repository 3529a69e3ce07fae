// What the browser tests of work-order imports share: reading the API as a demo user, dropping a file
// on the upload page, and waiting for its suggestion, preview and import.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { TestApp } from '../../src/platform/http/testing.ts';
import { seedDemoData } from '../../src/server.ts';
import { DEMO_PASSWORD } from './helpers.ts';

/** Suggestion, preview and the import job on a busy machine: generous, as every wait is on a condition. */
export const LIVE_TIMEOUT = 60_000;

/** Seeds the demo tenant (its users, facility and plant history) into a fresh test app. */
export async function seedDemo(t: TestApp) {
  assert.equal(await seedDemoData(t.database.db, DEMO_PASSWORD, () => {}), true);
}

/** GETs `path` as demo user `email` (signed in for the call) and returns the parsed body. */
// biome-ignore lint/suspicious/noExplicitAny: the assertions check the bodies' shape
export async function apiGet(baseUrl: string, email: string, path: string): Promise<any> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  assert.ok(response.ok, `${path}: HTTP ${response.status} ${await response.clone().text()}`);
  return response.json();
}

/** Drops `bytes` as file `name` on the upload page's drop zone, as a mouse drag would. */
export async function dropFile(page: Page, name: string, bytes: Buffer) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const binary = atob(base64);
      const data = Uint8Array.from(binary, (c) => c.charCodeAt(0));
      // Runs in the page, which has DataTransfer (Node, which type-checks this file, has not).
      const page = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: File): void } };
      };
      const transfer = new page.DataTransfer();
      transfer.items.add(new File([data], name, { type: 'text/csv' }));
      return transfer;
    },
    { name, base64: bytes.toString('base64') },
  );
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
}

/** Waits until `ready` shows, failing at once with the page's message when an error shows instead. */
export async function waitOrFail(page: Page, ready: Locator, what: string) {
  const problem = page.locator('.notice-error[role="alert"]');
  await ready.or(problem).first().waitFor({ timeout: LIVE_TIMEOUT });
  if (await problem.count()) assert.fail(`${what}: ${await problem.first().textContent()}`);
}

/** Waits for the suggestion and the preview of the mapping shown (not an earlier one). */
export async function waitForPreview(page: Page) {
  await waitOrFail(page, page.getByTestId('mapping-table'), 'the suggestion');
  const summary = page.locator(
    '[data-testid="mapping-preview"][data-stale="false"] [data-testid="validation-summary"]',
  );
  await waitOrFail(page, summary, 'the preview');
}

/** Starts the import and waits until it has completed. */
export async function importAndWait(page: Page, fileName: string) {
  await page.getByRole('button', { name: `Import ${fileName}` }).click();
  await waitOrFail(page, page.locator('[data-testid="import-run"][data-status="completed"]'), 'the import');
}
