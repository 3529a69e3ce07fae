// Helpers for the scheduled-analyses tests: work-order files with a planted problem, a profile
// that maps them, calls, and waiting for a run to end.
import assert from 'node:assert/strict';
import type { App } from '../../platform/http/types.ts';
import { eventually } from '../../platform/jobs/testing.ts';
import type { TestSession } from '../identity/testing.ts';

export const MAPPINGS = [
  { field: 'workOrder', column: 'Order' },
  { field: 'partNumber', column: 'Part' },
  { field: 'machine', column: 'Machine' },
  { field: 'qtyCompleted', column: 'Good' },
  { field: 'qtyScrap', column: 'Scrap' },
  { field: 'downtimeMinutes', column: 'Downtime' },
  { field: 'actualStart', column: 'Start' },
  { field: 'actualEnd', column: 'Finish' },
];

/**
 * 160 work orders on four machines; `scrap` plants a scrap rate per machine (default 1 %) and
 * `downtime` minutes per order per machine (default 5). `tag` makes the bytes differ.
 */
export function workOrdersCsv(options: {
  scrap?: Record<string, number>;
  downtime?: Record<string, number>;
  tag: string;
}) {
  const lines = ['Order,Part,Machine,Good,Scrap,Downtime,Start,Finish'];
  for (let i = 0; i < 160; i++) {
    const machine = `M${(i % 4) + 1}`;
    const rate = options.scrap?.[machine] ?? 0.01;
    // A little spread, deterministic, so the rates are not all identical.
    const made = 200 + ((i * 37) % 41);
    const scrap = Math.round(made * rate * (0.8 + ((i * 13) % 5) / 10));
    const downtime = (options.downtime?.[machine] ?? 5) + ((i * 7) % 4);
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      `${options.tag}-${i},P-${i % 7},${machine},${made - scrap},${scrap},${downtime},2026-02-${day} 06:00,2026-02-${day} 14:00`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function caller(app: App) {
  return async function call(method: string, url: string, session: TestSession, payload?: object) {
    const res = await app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: session.headers,
      ...(payload ? { payload } : {}),
    });
    return {
      status: res.statusCode,
      body: res.headers['content-type']?.includes('json') ? res.json() : res.body,
    };
  };
}

export type Call = ReturnType<typeof caller>;

export async function createProfile(call: Call, session: TestSession, name: string): Promise<string> {
  const res = await call('POST', '/analytics/profiles', session, { name, mappings: MAPPINGS });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

/** The run, once it has ended (completed, failed or skipped). */
export function ended(
  call: Call,
  session: TestSession,
  scheduleId: string,
  runId: string,
  timeoutMs = 120_000,
) {
  return eventually(
    async () => {
      const res = await call('GET', `/analytics/schedules/${scheduleId}/runs?limit=200`, session);
      const run = res.body.items?.find((r: { id: string }) => r.id === runId);
      return run && ['completed', 'failed', 'skipped'].includes(run.status) ? run : undefined;
    },
    `run ${runId} to end`,
    timeoutMs,
  );
}
