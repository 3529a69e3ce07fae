import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RequestRecord } from '../contracts.ts';
import { createRecorder, MAX_STORED_CHARS, sanitize } from './recorder.ts';
import { requestRecord } from './testing.ts';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const pipeline = (n: number) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  workspaceId: '00000000-0000-4000-8000-00000000000a',
  sector: 'automotive',
  slug: `p${n}`,
});

const silent = { warn: () => {}, error: () => {} };

function harness(
  options: {
    fail?: (tenantId: string, attempt: number) => boolean;
    batchSize?: number;
    capacity?: number;
  } = {},
) {
  const writes: { tenantId: string; rows: RequestRecord[] }[] = [];
  const attempts = new Map<string, number>();
  const pushed: Map<string, RequestRecord[]>[] = [];
  const recorder = createRecorder({
    logger: silent,
    intervalMs: 60_000, // the tests flush by hand or by batch size
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(options.capacity ? { capacity: options.capacity } : {}),
    async write(tenantId, rows) {
      const attempt = (attempts.get(tenantId) ?? 0) + 1;
      attempts.set(tenantId, attempt);
      if (options.fail?.(tenantId, attempt)) throw new Error('database down');
      writes.push({ tenantId, rows });
      return rows.length;
    },
    onWritten: (byTenant) => {
      pushed.push(byTenant);
    },
  });
  return { recorder, writes, pushed };
}

test('rows are buffered and written per tenant in one batch each, then pushed', async () => {
  const { recorder, writes, pushed } = harness();
  recorder.record(requestRecord(T1, pipeline(1)));
  recorder.record(requestRecord(T2, pipeline(2)));
  recorder.record(requestRecord(T1, pipeline(1)));
  assert.equal(writes.length, 0, 'record does not write');
  assert.equal(recorder.stats().buffered, 3);
  await recorder.flush();
  assert.deepEqual(
    writes.map((w) => [w.tenantId, w.rows.length]),
    [
      [T1, 2],
      [T2, 1],
    ],
  );
  assert.equal(pushed.length, 1);
  assert.equal(recorder.stats().written, 3);
  assert.equal(recorder.stats().buffered, 0);
  await recorder.stop();
});

test('a full batch is flushed at once, without waiting for the interval', async () => {
  const { recorder, writes } = harness({ batchSize: 3 });
  for (let i = 0; i < 3; i++) recorder.record(requestRecord(T1, pipeline(1)));
  await recorder.flush(); // waits for the flush the third row started
  assert.equal(
    writes.reduce((n, w) => n + w.rows.length, 0),
    3,
  );
  assert.equal(writes[0]?.rows.length, 3, 'the batch went out whole');
  await recorder.stop();
});

test('a failed write is tried once more with the next flush, then dropped and counted', async () => {
  // T1 fails twice (dropped), T2 fails once (written on the retry).
  const { recorder, writes } = harness({
    fail: (tenantId, attempt) => (tenantId === T1 ? attempt <= 2 : attempt === 1),
  });
  recorder.record(requestRecord(T1, pipeline(1)));
  recorder.record(requestRecord(T2, pipeline(2)));
  await recorder.flush();
  assert.equal(writes.length, 0);
  assert.equal(recorder.stats().retried, 2);
  assert.equal(recorder.stats().buffered, 2);
  await recorder.flush();
  assert.deepEqual(
    writes.map((w) => w.tenantId),
    [T2],
  );
  const stats = recorder.stats();
  assert.equal(stats.dropped, 1);
  assert.equal(stats.written, 1);
  assert.equal(stats.buffered, 0);
  await recorder.stop();
});

test('a full buffer drops its oldest rows, counted, and never blocks', async () => {
  const { recorder, writes } = harness({ capacity: 3, batchSize: 100 });
  for (let i = 0; i < 5; i++) recorder.record(requestRecord(T1, pipeline(1), { latencyMs: i }));
  assert.equal(recorder.stats().dropped, 2);
  await recorder.flush();
  assert.deepEqual(
    writes[0]?.rows.map((r) => r.latencyMs),
    [2, 3, 4],
  );
  await recorder.stop();
});

test('malformed rows are refused and counted; numbers and text are bounded', () => {
  const { recorder } = harness();
  recorder.record({ ...requestRecord(T1, pipeline(1)), tenantId: 'nope' });
  recorder.record({ ...requestRecord(T1, pipeline(1)), cache: 'maybe' as never });
  recorder.record(null as unknown as RequestRecord);
  assert.equal(recorder.stats().invalid, 3);
  const clean = sanitize(
    requestRecord(T1, pipeline(1), {
      latencyMs: Number.NaN,
      tokensIn: 1e12,
      costUsd: -1,
      apiKeyId: 'not-a-uuid',
      prompt: 'x'.repeat(MAX_STORED_CHARS + 10),
    }),
  );
  assert.ok(clean);
  assert.equal(clean.latencyMs, 0);
  assert.equal(clean.tokensIn, 2_147_483_647);
  assert.equal(clean.costUsd, 0);
  assert.equal(clean.apiKeyId, null);
  assert.equal(clean.prompt?.length, MAX_STORED_CHARS);
});

test('stop writes what is buffered; rows recorded afterwards are dropped and counted', async () => {
  const { recorder, writes } = harness();
  recorder.record(requestRecord(T1, pipeline(1)));
  await recorder.stop();
  assert.equal(writes.length, 1);
  recorder.record(requestRecord(T1, pipeline(1)));
  assert.equal(recorder.stats().dropped, 1);
  assert.equal(recorder.stats().buffered, 0);
});
