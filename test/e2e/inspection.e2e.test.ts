// End-to-end: the inspection HMI in Chromium on the demo tenant, fed by the demo station's own
// simulator sending its parts through the real multipart API (POST /inspection/triggers) as an
// operator: synthetic radiographs, the built-in detector, the region rules. The acceptance:
// a newcomer watches the images arrive with overlays and verdicts, draws a region with a rule on a
// camera and sees the next parts judged by it, and dispositions a defect.
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type InspectionSimulator,
  startInspectionSimulator,
} from '../../src/modules/inspection/simulator.ts';
import type { TriggerInput, TriggersService } from '../../src/modules/inspection/triggers.service.ts';
import { localFileStore } from '../../src/platform/storage/file-store.ts';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';
import { seedDemo } from './uploads.ts';

/** Parts arriving, pushes and reloads on a busy machine: generous, as every wait is on a condition. */
const LIVE_TIMEOUT = 60_000;
/** A part every few seconds, as on the demo station (each part's images take a moment to make). */
const PART_INTERVAL_MS = 2500;
const CAMERA = 'XR-1001';
const CAMERA_NAME = 'Top view';
const REGION = 'Whole casting e2e';
const ADMIN = 'admin@demo.local';

/**
 * Resolves with what `check` found once it finds something, asking again every 250 ms; fails with
 * `what` after `timeout`.
 */
async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeout = LIVE_TIMEOUT,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) assert.fail(`not within ${timeout / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface ApiDefect {
  id: string;
  regionIds: string[];
  ignored: boolean;
  disposition: string;
  dispositionBy: string | null;
}

interface ApiImage {
  id: string;
  triggerId: string;
  regionVersion: number;
  verdict: 'pass' | 'fail';
}

describe('inspection in the browser', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  let baseUrl: string;
  let simulator: InspectionSimulator | undefined;
  const simulatorWarnings: string[] = [];
  const simulatorDir = join(tmpdir(), `plantintel-e2e-inspection-${process.pid}`);
  const tokens = new Map<string, string>();
  const cspViolations: string[] = [];
  /** The image the region judged, for the disposition test. */
  let judged: { image: ApiImage; defects: ApiDefect[] } | undefined;

  async function login(email: string): Promise<string> {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    assert.equal(response.status, 200, `login of ${email}`);
    const token = ((await response.json()) as { accessToken: string }).accessToken;
    tokens.set(email, token);
    return token;
  }

  /** A call as `email` (signed in again when the token ran out); answers other than 2xx fail. */
  async function call(
    email: string,
    path: string,
    init: { method?: string; body?: FormData; json?: unknown } = {},
    // biome-ignore lint/suspicious/noExplicitAny: the assertions check the bodies' shape
  ): Promise<any> {
    for (let attempt = 0; ; attempt++) {
      const token = tokens.get(email) ?? (await login(email));
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (init.json !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.json !== undefined ? JSON.stringify(init.json) : (init.body ?? null),
      });
      if (response.status === 401 && attempt === 0) {
        tokens.delete(email);
        continue;
      }
      assert.ok(response.ok, `${path}: HTTP ${response.status} ${await response.clone().text()}`);
      return response.json();
    }
  }

  /** The simulator's parts, sent as a vision system does: multipart, one file per camera serial. */
  const httpTriggers: Pick<TriggersService, 'ingest'> = {
    async ingest(_actor, input: TriggerInput) {
      const form = new FormData();
      form.set('stationId', input.stationId);
      if (input.partNumber) form.set('partNumber', input.partNumber);
      if (input.partSerial) form.set('partSerial', input.partSerial);
      for (const image of input.images) {
        form.set(
          image.serial,
          new Blob([await readFile(image.path)], { type: 'image/png' }),
          `${image.serial}.png`,
        );
        await rm(image.path, { force: true });
      }
      return call('operator@demo.local', '/api/v1/inspection/triggers', { method: 'POST', body: form });
    },
  } as Pick<TriggersService, 'ingest'>;

  before(async () => {
    suite = await startBrowserSuite(seedDemo);
    ({ baseUrl } = suite);
    simulator = await startInspectionSimulator({
      db: suite.t.database.db,
      files: localFileStore(simulatorDir),
      compute: suite.t.runtime.compute,
      triggers: httpTriggers,
      logger: {
        warn: (obj, msg) => simulatorWarnings.push(`${msg}: ${String((obj as { err?: unknown }).err)}`),
      },
      intervalMs: PART_INTERVAL_MS,
      maxPixels: suite.t.config.inspectionMaxPixels,
    });
    assert.ok(simulator, 'the demo tenant has an inspection station to simulate');
  });

  after(async () => {
    await simulator?.stop();
    await suite?.close();
    await rm(simulatorDir, { recursive: true, force: true });
    assert.deepEqual(suite?.pageErrors ?? [], [], 'uncaught errors in the page');
    assert.deepEqual(cspViolations, [], 'Content-Security-Policy violations');
    assert.deepEqual(simulatorWarnings, [], 'the simulator’s parts were all accepted');
  });

  const openAs = async (email: string, path: string) => {
    const page = await suite.newTab({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    await signInAs(page, baseUrl, email, DEMO_PASSWORD, path);
    return page;
  };
  const card = (page: Page) => page.getByTestId(`camera-card-${CAMERA}`);
  /** The image the camera's card shows, once it shows one (loaded, with its verdict). */
  const shownImage = (page: Page) =>
    eventually('the card shows a loaded image', async () => {
      const image = card(page).getByTestId('camera-image');
      if ((await image.count()) === 0) return undefined;
      const loaded = await image.evaluate(
        (img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0,
      );
      return loaded ? ((await image.getAttribute('data-image-id')) ?? undefined) : undefined;
    });

  test('a newcomer watches the station’s images arrive with overlays and verdicts', async () => {
    const page = await openAs(ADMIN, '/inspection');
    await page.getByRole('heading', { level: 1, name: 'Inspection' }).waitFor();
    assert.equal(
      await page.getByLabel('Station', { exact: true }).inputValue(),
      (await call(ADMIN, '/api/v1/inspection/stations')).items[0].id,
    );
    assert.equal(await page.getByTestId('current-part-number').textContent(), 'CH-4410');

    const first = await shownImage(page);
    const src = (await card(page).getByTestId('camera-image').getAttribute('src')) ?? '';
    assert.match(src, /^blob:/, 'the image is fetched with the session’s token and shown from a blob');
    assert.match((await card(page).getByTestId('camera-verdict').textContent()) ?? '', /PASS|FAIL/);
    // What the card says, read at one moment (a newer part may replace it any time), against the API.
    const shown = await card(page).evaluate((element) => {
      type Node = { getAttribute(name: string): string | null; textContent: string | null };
      const root = element as unknown as Node & { querySelector(selector: string): Node | null };
      return {
        imageId: root.getAttribute('data-image-id') ?? '',
        verdict: root.querySelector('[data-testid="camera-verdict"]')?.getAttribute('data-verdict'),
        defects: root.querySelector('[data-testid="camera-defect-count"]')?.textContent,
      };
    });
    const meta = await call(ADMIN, `/api/v1/inspection/images/meta/${shown.imageId}`);
    assert.equal(shown.verdict, meta.image.verdict);
    assert.equal(shown.defects, String(meta.defects.length));

    // The next part replaces the image in place: pushed, not reloaded.
    await page.evaluate(() => {
      (globalThis as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    const next = await eventually('a newer part reaches the card', async () => {
      const id = await shownImage(page);
      return id !== first ? id : undefined;
    });
    assert.ok(
      await page.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument === true),
    );
    const trigger = (await call(ADMIN, `/api/v1/inspection/images/meta/${next}`)).image.triggerId;
    const { trigger: part } = await call(ADMIN, `/api/v1/inspection/triggers/${trigger}`);
    await eventually('the card names the new part', async () =>
      (await card(page).getByTestId('camera-part-serial').textContent()) === part.partSerial
        ? true
        : undefined,
    );
    await page.getByTestId('recent-parts').getByText(part.partSerial).waitFor({ timeout: LIVE_TIMEOUT });
    await page.close();
  });

  test('a region drawn with a rule, previewed and saved judges the next parts', async () => {
    const page = await openAs(ADMIN, '/inspection');
    await card(page)
      .getByRole('link', { name: /Edit regions/ })
      .click();
    await page.waitForURL(`${baseUrl}/inspection/cameras/${CAMERA}/regions`);
    await page.getByRole('heading', { level: 1, name: `Regions of ${CAMERA_NAME} (${CAMERA})` }).waitFor();
    const before = (await page.getByTestId('region-version').textContent()) ?? '';

    // An outline over the whole image, clicked point by point and closed on its first point.
    await page.getByRole('button', { name: 'New region' }).click();
    const canvas = page.getByTestId('region-canvas');
    const box = await canvas.boundingBox();
    assert.ok(box, 'the drawing surface is shown');
    for (const [x, y] of [
      [0.01, 0.01],
      [0.99, 0.01],
      [0.99, 0.99],
      [0.01, 0.99],
    ] as const)
      await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await page.getByTestId('region-point-0').click();
    assert.match((await page.getByTestId('region-outline-state').textContent()) ?? '', /Outline: 4 points/);
    await page.getByLabel('Name', { exact: true }).fill(REGION);
    await page.getByLabel('Max pore count', { exact: true }).fill('0');

    await page.getByRole('button', { name: 'Preview on recent images' }).click();
    await page.getByTestId('region-preview-summary').waitFor({ timeout: LIVE_TIMEOUT });
    const proposed = await page
      .getByTestId('region-preview-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-proposed')));
    assert.ok(proposed.length > 0, 'the recent images are judged by the unsaved regions');
    assert.ok(proposed.includes('fail'), 'with no pore allowed, images with pores fail');
    await page.getByTestId('region-preview').getByText(`${REGION}:`).first().waitFor();

    await page.getByRole('button', { name: 'Save regions' }).click();
    const saved = page.getByTestId('region-saved');
    await saved.waitFor({ timeout: LIVE_TIMEOUT });
    const camera = await call(ADMIN, `/api/v1/inspection/cameras/${CAMERA}`);
    const list = await call(ADMIN, `/api/v1/inspection/regions/camera/${camera.id}`);
    const region = list.items.find((r: { name: string }) => r.name === REGION);
    assert.ok(region, 'the region is saved');
    assert.deepEqual(region.rules, { maxPoreCount: 0 });
    assert.match((await saved.textContent()) ?? '', new RegExp(`region version ${list.version}\\b`));
    assert.notEqual((await page.getByTestId('region-version').textContent()) ?? '', before);

    // The next part with a pore in the region fails, and says which region failed it.
    judged = await eventually('a part judged by the new region version', async () => {
      const { latest } = await call(ADMIN, `/api/v1/inspection/cameras/${CAMERA}/latest`);
      if (!latest || latest.image.regionVersion < list.version) return undefined;
      // Two pores at least: the disposition test moves from one to another.
      const inside = latest.defects.filter((d: ApiDefect) => d.regionIds.includes(region.id));
      return inside.length >= 2 ? latest : undefined;
    });
    assert.ok(judged);
    assert.equal(judged.image.verdict, 'fail');
    const { trigger } = await call(ADMIN, `/api/v1/inspection/triggers/${judged.image.triggerId}`);
    assert.ok(
      trigger.reasons.some((r: string) => r.startsWith(`${CAMERA_NAME}: ${REGION}:`)),
      `a reason names the region: ${trigger.reasons.join(' | ')}`,
    );

    // The grid shows it so too.
    await page.getByRole('link', { name: 'Back to the cameras' }).click();
    await page
      .getByTestId('recent-parts')
      .getByText(`${CAMERA_NAME}: ${REGION}:`)
      .first()
      .waitFor({ timeout: LIVE_TIMEOUT });
    await page.close();
  });

  test('an operator’s defect disposition, by key and by button, reaches the API', async () => {
    assert.ok(judged, 'the previous test found an image judged by the region');
    const page = await openAs(ADMIN, `/inspection/images/${judged.image.id}`);
    const detail = page.getByTestId('defect-detail');
    await detail.waitFor({ timeout: LIVE_TIMEOUT });
    await page.getByTestId('viewer-image').waitFor({ timeout: LIVE_TIMEOUT });
    assert.match((await page.getByTestId('part-reasons').textContent()) ?? '', new RegExp(REGION));

    // Zoom by button and by key; the shortcuts are on screen.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await eventually('zoomed in', async () =>
      (await page.getByTestId('viewer-zoom').textContent()) !== '100 %' ? true : undefined,
    );
    await page.keyboard.press('0');
    await eventually('back to fit', async () =>
      (await page.getByTestId('viewer-zoom').textContent()) === '100 %' ? true : undefined,
    );
    await page.getByText('Keyboard shortcuts').waitFor();

    const me = await call(ADMIN, '/api/v1/auth/me');
    const disposed = (defectId: string, disposition: string) =>
      eventually(`defect ${defectId} is ${disposition} in the API`, async () => {
        const { items } = await call(ADMIN, `/api/v1/inspection/defects/image/${judged?.image.id}`);
        const found = items.find((d: ApiDefect) => d.id === defectId);
        return found?.disposition === disposition ? found : undefined;
      });

    // The selected defect accepted with its key…
    const first = (await detail.getAttribute('data-defect-id')) ?? '';
    await page.keyboard.press('a');
    const accepted = await disposed(first, 'accept');
    assert.equal(accepted.dispositionBy, me.user.id);

    // …the review moves on to the next pending defect; J and K move through the list…
    const second = await eventually('the next defect selected', async () => {
      const id = (await detail.getAttribute('data-defect-id')) ?? '';
      return id !== first ? id : undefined;
    });
    await page.keyboard.press('j');
    await eventually('J selects the next defect', async () =>
      (await detail.getAttribute('data-defect-id')) !== second ? true : undefined,
    );
    await page.keyboard.press('k');
    await eventually('K selects the one before', async () =>
      (await detail.getAttribute('data-defect-id')) === second ? true : undefined,
    );
    // …and that one goes to rework with its button (large enough for a gloved hand).
    const rework = detail.getByRole('button', { name: /^Rework/ });
    assert.ok(
      ((await rework.boundingBox())?.height ?? 0) >= 56,
      'disposition buttons are at least 56 px tall',
    );
    await rework.click();
    await disposed(second, 'rework');
    await page.getByTestId(`defect-item-${second}`).getByText('Rework').waitFor();

    // The part's own disposition.
    await page.getByRole('button', { name: 'Scrap part' }).click();
    await eventually('the part is scrapped in the API', async () => {
      const { trigger } = await call(ADMIN, `/api/v1/inspection/triggers/${judged?.image.triggerId}`);
      return trigger.disposition === 'scrap' ? true : undefined;
    });
    await page.getByTestId('part-disposition').getByText('Scrap').waitFor();
    await page.close();
  });

  test('with second review on, a rejection waits for another person, who confirms it', async () => {
    assert.ok(judged, 'the region test found an image judged by the region');
    const imageId = judged.image.id;
    await call(ADMIN, '/api/v1/inspection/settings', { method: 'PUT', json: { secondReview: true } });
    const review = (defectId: string, state: string) =>
      eventually(`defect ${defectId}'s review is ${state}`, async () => {
        const { items } = await call(ADMIN, `/api/v1/inspection/defects/image/${imageId}`);
        const found = items.find((d: ApiDefect & { review: string | null }) => d.id === defectId);
        return found?.review === state ? found : undefined;
      });

    const operator = await openAs('operator@demo.local', `/inspection/images/${imageId}`);
    const detail = operator.getByTestId('defect-detail');
    await detail.waitFor({ timeout: LIVE_TIMEOUT });
    const defectId = (await detail.getAttribute('data-defect-id')) ?? '';
    await operator.keyboard.press('r');
    assert.equal((await review(defectId, 'pending')).disposition, 'reject');
    await operator.close();

    const analyst = await openAs('analyst@demo.local', `/inspection/images/${imageId}?defect=${defectId}`);
    const pending = analyst.getByTestId('defect-review');
    await pending.getByText('Waiting for a second person').waitFor({ timeout: LIVE_TIMEOUT });
    await analyst.getByRole('button', { name: 'Confirm rejection' }).click();
    await review(defectId, 'confirmed');
    await pending.getByText('Confirmed').waitFor();
    await analyst.close();
  });

  test('the statistics count the parts and the dispositions', async () => {
    const page = await openAs('analyst@demo.local', '/inspection/statistics');
    await page.getByRole('heading', { level: 1, name: 'Inspection statistics' }).waitFor();
    await page.getByTestId('statistics-totals').waitFor({ timeout: LIVE_TIMEOUT });
    await page.getByTestId('inspection-trend').waitFor();
    await page.getByTestId('chart-inspection-pareto').waitFor();
    const count = async (row: string) =>
      (await page.getByTestId(row).getByRole('cell').nth(1).textContent())?.trim();
    const stats = await call(ADMIN, '/api/v1/inspection/defects/statistics');
    const scrapped = stats.byPartDisposition.find((d: { disposition: string }) => d.disposition === 'scrap');
    assert.equal(scrapped.count, 1, 'the part scrapped above');
    assert.equal(await count('statistics-parts-scrap'), '1');
    const reworked = stats.byDisposition.find((d: { disposition: string }) => d.disposition === 'rework');
    assert.ok(reworked.count >= 1);
    assert.equal(await count('statistics-defects-rework'), reworked.count.toLocaleString('en-US'));
    await page.close();
  });
});
