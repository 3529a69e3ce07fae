import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { inspectPdf } from '../testing.ts';
import { renderReport } from './render.ts';
import type { ReportSpec } from './spec.ts';

const dir = await mkdtemp(join(tmpdir(), 'plantintel-pdf-'));
after(() => rm(dir, { recursive: true, force: true }));

const spec = (blocks: ReportSpec['blocks']): ReportSpec => ({
  title: 'Test report',
  tenantName: 'Acme Foods',
  period: '2026-11-01 – 2026-11-30',
  generatedAt: '2026-12-04T23:56:00.000Z',
  blocks,
});

describe('PDF rendering', () => {
  test('a long table breaks across pages with its header repeated, every page numbered', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Machine M-${i}`, String(i * 7)]);
    const pdf = await renderReport(
      spec([
        { kind: 'tiles', tiles: [{ label: 'OEE', value: '74.8 %' }] },
        {
          kind: 'line',
          title: 'OEE by day',
          percent: true,
          points: [
            { label: 'd1', value: 0.5 },
            { label: 'd2', value: null },
            { label: 'd3', value: 0.7 },
          ],
          target: { value: 0.85, label: 'Target' },
        },
        {
          kind: 'pareto',
          title: 'Pareto',
          unit: 'min',
          bars: [
            { label: 'A', value: 3 },
            { label: 'B', value: 1 },
          ],
        },
        { kind: 'groupedBars', title: 'Bars', series: ['x', 'y'], groups: [{ label: 'g', values: [1, 2] }] },
        {
          kind: 'table',
          columns: [
            { header: 'Machine name', weight: 3 },
            { header: 'Stops', align: 'right' },
          ],
          rows,
        },
      ]),
    );
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString(), '%PDF-');
    const { text, pages } = await inspectPdf(pdf, dir);
    assert.ok(pages >= 3, `${pages} pages`);
    assert.match(text, new RegExp(`Page 1 of ${pages}`));
    assert.match(text, new RegExp(`Page ${pages} of ${pages}`));
    assert.equal(text.match(/Acme Foods/g)?.length, pages, 'the tenant on every page');
    assert.ok((text.match(/Machine name/g)?.length ?? 0) >= 2, 'the header row repeats');
    assert.match(text, /Machine M-119 +833/);
    assert.match(text, /Generated 2026-12-04 23:56 UTC/);
  });

  test('a no-data block says so', async () => {
    const { text, pages } = await inspectPdf(
      await renderReport(spec([{ kind: 'noData', text: 'Nothing happened.' }])),
      dir,
    );
    assert.equal(pages, 1);
    assert.match(text, /No data for this period/);
    assert.match(text, /Page 1 of 1/);
  });
});
