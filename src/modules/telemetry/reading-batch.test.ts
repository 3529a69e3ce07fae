import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchOfRows, ReadingBatchBuilder } from './reading-batch.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('reading batches', () => {
  it('keep each distinct reference once, in order of first sight, an id winning over a key', () => {
    const batch = batchOfRows([
      { sensorId: A, ts: 1, value: 1 },
      { sensorKey: 'press-1', ts: 2, value: 2 },
      { sensorId: A, sensorKey: 'press-1', ts: 3, value: 3 },
      { sensorKey: 'press-1', ts: 4, value: null },
      { ts: 5, value: 5 },
      { sensorId: B, ts: '2026-12-06T00:00:00Z', value: 'NaN' },
      { ts: 7, value: 7 },
    ]);
    assert.deepEqual(batch.refs, [{ sensorId: A }, { sensorKey: 'press-1' }, {}, { sensorId: B }]);
    assert.deepEqual([...batch.ref], [0, 1, 0, 1, 2, 3, 2]);
    assert.deepEqual(batch.ts, [1, 2, 3, 4, 5, '2026-12-06T00:00:00Z', 7]);
    assert.deepEqual(batch.value, [1, 2, 3, null, 5, 'NaN', 7]);
    assert.equal(batch.length, 7);
  });

  it('are as long as what was pushed, and refuse more than their capacity', () => {
    const builder = new ReadingBatchBuilder(3);
    const ref = builder.refOf(undefined, 'k');
    builder.push(ref, 10, 1.5);
    const batch = builder.build();
    assert.equal(batch.length, 1);
    assert.deepEqual([...batch.ref], [0]);
    assert.deepEqual(batch.ts, [10]);
    assert.deepEqual(batch.value, [1.5]);
    builder.push(ref, 11, 2);
    builder.push(ref, 12, 3);
    assert.throws(() => builder.push(ref, 13, 4), /full/);
  });
});
