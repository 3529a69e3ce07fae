import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isShared, sharedFloat64Array, sharedInt32Array } from '../../../platform/compute/shared-arrays.ts';
import { packFrame, unpackFrame } from './frame-transfer.ts';
import type { WorkOrderFrame } from './types.ts';

test('a frame packed for a task and unpacked there has the same texts, numbers and columns', () => {
  const codes = sharedInt32Array(5);
  codes.set([0, 1, -1, 2, 0]);
  const qty = sharedFloat64Array(5);
  qty.set([1, 2, Number.NaN, 4, 5]);
  const frame: WorkOrderFrame = {
    n: 5,
    ids: sharedFloat64Array(5),
    rowNo: sharedInt32Array(5),
    numbers: { qtyPlanned: qty },
    // Entries that are empty, multi-unit (emoji, ß) or hold what a separator would have been.
    texts: {
      machine: { codes, dict: ['M-1', 'Weiß 🛠', '', 'a\u0000b'] },
      shift: { codes: sharedInt32Array(5), dict: [] },
    },
  };
  const packed = packFrame(frame);
  assert.ok(packed.texts.machine && 'text' in packed.texts.machine);
  // Cloned as a worker receives it.
  const received = unpackFrame(structuredClone(packed));
  assert.deepEqual(received.texts.machine?.dict, ['M-1', 'Weiß 🛠', '', 'a\u0000b']);
  assert.deepEqual([...(received.texts.machine?.codes ?? [])], [0, 1, -1, 2, 0]);
  assert.deepEqual(received.texts.shift?.dict, []);
  assert.deepEqual([...(received.numbers.qtyPlanned ?? [])], [1, 2, Number.NaN, 4, 5]);
  // The columns are still views of the caller's memory: nothing was copied.
  assert.ok(isShared(received.texts.machine?.codes as Int32Array) && isShared(received.ids));
  codes[0] = 2;
  assert.equal(received.texts.machine?.codes[0], 2);
});

test('a dictionary too long for one string is handed over as it is', () => {
  const entry = 'x'.repeat(1 << 20);
  const dict = Array.from({ length: 130 }, (_, i) => `${i}${entry}`);
  const codes = sharedInt32Array(130);
  codes.set(dict.map((_, i) => i));
  const frame: WorkOrderFrame = {
    n: 130,
    ids: sharedFloat64Array(130),
    rowNo: sharedInt32Array(130),
    numbers: {},
    texts: { note: { codes, dict } },
  };
  const packed = packFrame(frame);
  assert.ok(packed.texts.note && 'dict' in packed.texts.note);
  const received = unpackFrame(packed);
  assert.equal(received.texts.note?.dict[129], dict[129]);
});
